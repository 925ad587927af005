//go:build profile

// Profiling builds (go build -tags profile, as `go run ./tools/bench
// -profile DIR` makes them) write a CPU profile of every provider process
// into the folder named by P0_PROVIDER_CPUPROFILE, as cpu-<pid>.pprof, for
// `go tool pprof`. Release builds contain none of this.

package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/pprof"
)

func init() {
	startProfile = startCPUProfile
}

func startCPUProfile() (stop func()) {
	dir := os.Getenv("P0_PROVIDER_CPUPROFILE")
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
