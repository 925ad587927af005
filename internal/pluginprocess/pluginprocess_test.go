package pluginprocess

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

// TestTuneGarbageCollector applies the process's collector settings, and
// leaves each alone where the user set its variable.
func TestTuneGarbageCollector(t *testing.T) {
	t.Cleanup(func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
	for _, c := range []struct {
		name, gogc, gomemlimit string
		percent                int
		limit                  int64
	}{
		{name: "unset", percent: GCPercent, limit: MemoryLimit},
		{name: "GOGC set", gogc: "50", percent: 100, limit: MemoryLimit},
		{name: "GOMEMLIMIT set", gomemlimit: "1GiB", percent: GCPercent, limit: math.MaxInt64},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("GOGC", c.gogc)
			t.Setenv("GOMEMLIMIT", c.gomemlimit)
			// What the runtime holds before: Go's defaults, as the
			// variables are read only at start.
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
			TuneGarbageCollector()
			if got := debug.SetGCPercent(100); got != c.percent {
				t.Errorf("GC percent = %d, want %d", got, c.percent)
			}
			if got := debug.SetMemoryLimit(-1); got != c.limit {
				t.Errorf("memory limit = %d, want %d", got, c.limit)
			}
		})
	}
}

// TestSilenceUnreadLogs turns the plugin libraries' logs off when
// Terraform would drop them, keeps a level the user chose, and leaves every
// logger alone once TF_LOG or TF_LOG_PROVIDER asks for logs.
func TestSilenceUnreadLogs(t *testing.T) {
	for _, c := range []struct {
		name, tfLog, sdk, want string
	}{
		{name: "no logs asked for", want: "OFF"},
		{name: "a level chosen", sdk: "DEBUG", want: "DEBUG"},
		{name: "TF_LOG set", tfLog: "TRACE", want: ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("TF_LOG", c.tfLog)
			t.Setenv("TF_LOG_PROVIDER", "")
			t.Setenv("TF_LOG_SDK", c.sdk)
			t.Setenv("TF_LOG_SDK_FRAMEWORK", "")
			SilenceUnreadLogs()
			if got := os.Getenv("TF_LOG_SDK"); got != c.want {
				t.Errorf("TF_LOG_SDK = %q, want %q", got, c.want)
			}
			if got, want := os.Getenv("TF_LOG_SDK_FRAMEWORK"), map[bool]string{true: "OFF", false: ""}[c.tfLog == ""]; got != want {
				t.Errorf("TF_LOG_SDK_FRAMEWORK = %q, want %q", got, want)
			}
		})
	}
}
