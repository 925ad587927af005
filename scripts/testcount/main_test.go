package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSummary counts a stream as go test -json writes it: tests and
// subtests by outcome, packages and output lines not at all.
func TestSummary(t *testing.T) {
	dir := t.TempDir()
	unit := filepath.Join(dir, "unit.json")
	acceptance := filepath.Join(dir, "acceptance.json")
	write := func(name string, lines ...string) {
		if err := os.WriteFile(name, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(unit,
		`{"Action":"run","Package":"p","Test":"TestA"}`,
		`{"Action":"output","Package":"p","Test":"TestA","Output":"ok\n"}`,
		`{"Action":"pass","Package":"p","Test":"TestA"}`,
		`{"Action":"pass","Package":"p","Test":"TestB/sub"}`,
		`{"Action":"pass","Package":"p","Test":"TestB"}`,
		`{"Action":"pass","Package":"p"}`)
	write(acceptance,
		`{"Action":"skip","Package":"q","Test":"TestC"}`,
		`{"Action":"fail","Package":"q","Test":"TestD"}`,
		`{"Action":"fail","Package":"q"}`)
	got, err := summary([]string{unit, acceptance})
	if err != nil {
		t.Fatal(err)
	}
	if want := "3 passed, 1 failed, 1 skipped (passed/failed/skipped: unit 3/0/0, acceptance 0/1/1)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}

	write(unit, `not json`)
	if _, err := summary([]string{unit}); err == nil {
		t.Error("a file that is not go test -json was counted")
	}
	if _, err := summary(nil); err == nil {
		t.Error("nothing to count was counted")
	}
}
