package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// environment is the machine and software a run measured.
type environment struct {
	date       time.Time
	machine    string // uname -m
	cpu        string // model name from /proc/cpuinfo
	cpus       int
	terraform  string
	goVersion  string
	commit     string
	loadBefore string // /proc/loadavg at the start
	loadAfter  string // and at the end
}

func probeEnvironment(root string, tf *terraform) environment {
	return environment{
		date:       time.Now().UTC(),
		machine:    commandOutput("", "uname", "-m"),
		cpu:        cpuModel(),
		cpus:       runtime.NumCPU(),
		terraform:  tf.version(),
		goVersion:  runtime.Version(),
		commit:     commandOutput(root, "git", "describe", "--always", "--dirty"),
		loadBefore: loadAverage(),
	}
}

func (e environment) write(w io.Writer) {
	fmt.Fprintf(w, "- Date: %s\n", e.date.Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "- Machine: %s, %s, %d CPUs\n", e.machine, e.cpu, e.cpus)
	fmt.Fprintf(w, "- Load average (1, 5, 15 min): %s at the start, %s at the end\n", e.loadBefore, e.loadAfter)
	fmt.Fprintf(w, "- %s, %s, provider at %s\n", e.terraform, e.goVersion, e.commit)
}

// cpuModel is the first "model name" of /proc/cpuinfo.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	defer f.Close()
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		if key, value, ok := strings.Cut(scanner.Text(), ":"); ok && strings.TrimSpace(key) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return "unknown CPU"
}

// loadAverage is the first three fields of /proc/loadavg.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	fields := strings.Fields(string(data))
	if len(fields) < 3 {
		return "unknown"
	}
	return strings.Join(fields[:3], " ")
}

func commandOutput(dir, name string, args ...string) string {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}
