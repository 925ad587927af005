//go:build profile && unix

// Measuring builds (go build -tags profile, as `go run ./tools/bench`
// makes them) report on every provider process, for the benchmark:
//
//   - P0_PROVIDER_CPUPROFILE names a folder that receives a CPU profile,
//     cpu-<pid>.pprof, and at exit an allocation profile, allocs-<pid>.pprof
//     (every allocation since the start, sampled as Go samples them), for
//     `go tool pprof`;
//   - P0_PROVIDER_CPUTIME names a folder that receives, at exit, the CPU
//     time the process used (user + system, in nanoseconds) in
//     cputime-<pid>, so that the benchmark can tell the provider's CPU time
//     from Terraform's.
//
// Release builds contain none of this.

package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"syscall"
)

func init() {
	startProfile = startMeasuring
}

func startMeasuring() (stop func()) {
	profiles := os.Getenv("P0_PROVIDER_CPUPROFILE")
	stopProfile := startCPUProfile(profiles)
	return func() {
		stopProfile()
		writeAllocsProfile(profiles)
		writeCPUTime(os.Getenv("P0_PROVIDER_CPUTIME"))
	}
}

// writeAllocsProfile writes the allocations of the process's life into
// dir, when set.
func writeAllocsProfile(dir string) {
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("allocs-%d.pprof", os.Getpid())))
	if err != nil {
		log.Printf("not writing the allocation profile: %v", err)
		return
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		log.Printf("writing the allocation profile: %v", err)
	}
	if err := f.Close(); err != nil {
		log.Printf("writing the allocation profile: %v", err)
	}
}

func startCPUProfile(dir string) (stop func()) {
	if dir == "" {
		return func() {}
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", os.Getpid())))
	if err != nil {
		log.Printf("not profiling: %v", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		log.Printf("not profiling: %v", err)
		_ = f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			log.Printf("writing the CPU profile: %v", err)
		}
	}
}

func writeCPUTime(dir string) {
	if dir == "" {
		return
	}
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		log.Printf("not reporting CPU time: %v", err)
		return
	}
	nanos := usage.Utime.Nano() + usage.Stime.Nano()
	name := filepath.Join(dir, fmt.Sprintf("cputime-%d", os.Getpid()))
	if err := os.WriteFile(name, []byte(strconv.FormatInt(nanos, 10)), 0o644); err != nil {
		log.Printf("writing the CPU time: %v", err)
	}
}
