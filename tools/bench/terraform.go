package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// terraform runs the terraform CLI with a private CLI configuration that
// points p0-security/p0 at the freshly built provider, and p0-bench/floor at
// the empty plugin beside it, so that the user's own ~/.terraformrc is
// never read or changed.
type terraform struct {
	binary      string   // the terraform executable
	env         []string // the environment of every run
	parallelism int
}

// newTerraform writes the CLI configuration into work and returns a runner
// whose runs see providerEnv (P0_HOST and friends) as well.
func newTerraform(binary, work, providerDir string, parallelism int, providerEnv []string) (*terraform, error) {
	cliConfig := filepath.Join(work, "terraformrc")
	config := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "p0-security/p0" = %[1]q
    "p0-bench/floor" = %[1]q
  }
  direct {}
}
`, providerDir)
	if err := os.WriteFile(cliConfig, []byte(config), 0o600); err != nil {
		return nil, err
	}
	env := withoutVars(os.Environ(), "TF_CLI_CONFIG_FILE", "TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_CORE", "TF_LOG_PATH")
	env = append(env,
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"TF_IN_AUTOMATION=1",
		"CHECKPOINT_DISABLE=1", // no version check over the network
	)
	return &terraform{binary: binary, env: append(env, providerEnv...), parallelism: parallelism}, nil
}

// measurement is one measured terraform command.
type measurement struct {
	wall time.Duration
	// cpu is the user and system time of terraform and of the provider
	// processes it started and waited for.
	cpu time.Duration
	// providerCPU is the part of cpu the provider processes used; -1 when
	// the provider does not report it (see sumCPUTimes).
	providerCPU time.Duration
	// mockCPU is the CPU time the in-process mock used meanwhile.
	mockCPU time.Duration
}

// args are the command line of an operation.
func (tf *terraform) args(op operation) []string {
	common := []string{"-input=false", "-no-color", fmt.Sprintf("-parallelism=%d", tf.parallelism)}
	switch op {
	case opApply:
		return append([]string{"apply", "-auto-approve"}, common...)
	case opPlan:
		// Exit code 0: no changes; 2 would mean the provider did not converge.
		return append([]string{"plan", "-detailed-exitcode"}, common...)
	case opDestroy:
		return append([]string{"destroy", "-auto-approve"}, common...)
	case opValidate:
		return []string{"validate", "-no-color"}
	}
	panic("unknown operation " + string(op))
}

// run runs op in dir with extra environment variables, keeping its output
// in dir/<op>.log, and times it.
func (tf *terraform) run(dir string, op operation, extraEnv ...string) (measurement, error) {
	logPath := filepath.Join(dir, string(op)+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return measurement{}, err
	}
	defer logFile.Close()

	cmd := exec.Command(tf.binary, tf.args(op)...)
	cmd.Dir = dir
	cmd.Env = append(tf.env, extraEnv...)
	cmd.Stdout = logFile
	cmd.Stderr = logFile
	start := time.Now()
	err = cmd.Run()
	measured := measurement{wall: time.Since(start)}
	if usage, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		measured.cpu = time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
	}
	if err != nil {
		var exitErr *exec.ExitError
		if op == opPlan && errors.As(err, &exitErr) && exitErr.ExitCode() == 2 {
			return measured, fmt.Errorf("terraform plan in %s found changes after apply; the provider did not converge (see %s)", dir, logPath)
		}
		return measured, fmt.Errorf("terraform %s in %s: %w\n%s", op, dir, err, tail(logPath, 30))
	}
	return measured, nil
}

// version is `terraform version`'s first line, e.g. "Terraform v1.11.4".
func (tf *terraform) version() string {
	cmd := exec.Command(tf.binary, "version")
	cmd.Env = tf.env
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	first, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(first)
}

// withoutVars drops the named variables from env.
func withoutVars(env []string, names ...string) []string {
	kept := env[:0:0]
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		drop := false
		for _, n := range names {
			drop = drop || name == n
		}
		if !drop {
			kept = append(kept, kv)
		}
	}
	return kept
}

// tail returns the last n lines of a file, for error messages.
func tail(path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	lines := bytes.Split(bytes.TrimRight(data, "\n"), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}
