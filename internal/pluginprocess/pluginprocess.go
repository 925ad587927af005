// Package pluginprocess sets up a plugin process of this module before it
// serves Terraform: the provider's own, and the benchmark's empty plugin,
// which must cost what the provider's process costs, less the provider.
package pluginprocess

import (
	"os"
	"runtime/debug"
)

// SilenceUnreadLogs turns the plugin's loggers off when Terraform will
// discard what they write. Unless TF_LOG or TF_LOG_PROVIDER is set,
// Terraform shows no provider logs at all, yet the plugin libraries log at
// TRACE by default: every request would be formatted as JSON lines, written
// to Terraform and parsed there, only to be dropped. That was a quarter of
// the provider's CPU time in an apply. Logging variables set explicitly
// are left alone, as is everything when either variable is set.
func SilenceUnreadLogs() {
	if os.Getenv("TF_LOG") != "" || os.Getenv("TF_LOG_PROVIDER") != "" {
		return
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_P0"} {
		if os.Getenv(name) == "" {
			_ = os.Setenv(name, "OFF") // cannot fail for these names
		}
	}
}

// The garbage collector's settings for a plugin process: it collects when
// the heap has grown to five times what is live, rather than Go's default
// of twice, and sooner only to stay under MemoryLimit. The plugin libraries
// allocate heavily for every value they convert between Terraform and the
// provider, and a plugin process lives for one command: with the default,
// a third of the provider's CPU time went to collecting.
const (
	GCPercent   = 400
	MemoryLimit = 512 << 20
)

// TuneGarbageCollector applies GCPercent and MemoryLimit, each unless the
// user set its variable (GOGC, GOMEMLIMIT), which then wins.
func TuneGarbageCollector() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
}
