// Command testcount reads the JSON event streams of `go test -json` (as
// gotestsum keeps them with --jsonfile) and prints one line: how many tests
// passed, failed and were skipped, subtests included, in all the files and
// in each. make test ends with it.
//
//	go run ./scripts/testcount unit.json acceptance.json
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	line, err := summary(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "testcount:", err)
		os.Exit(1)
	}
	fmt.Println(line)
}

// counts are the tests of one stream, by outcome.
type counts struct{ passed, failed, skipped int }

func (c counts) String() string {
	return fmt.Sprintf("%d passed, %d failed, %d skipped", c.passed, c.failed, c.skipped)
}

func (c *counts) add(o counts) {
	c.passed += o.passed
	c.failed += o.failed
	c.skipped += o.skipped
}

// summary counts the tests of every file and says so in one line.
func summary(files []string) (string, error) {
	if len(files) == 0 {
		return "", fmt.Errorf("no files to count")
	}
	var total counts
	parts := make([]string, 0, len(files))
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		c, err := count(f)
		_ = f.Close()
		if err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		total.add(c)
		parts = append(parts, fmt.Sprintf("%s %d/%d/%d", strings.TrimSuffix(filepath.Base(name), ".json"), c.passed, c.failed, c.skipped))
	}
	return fmt.Sprintf("%s (passed/failed/skipped: %s)", total, strings.Join(parts, ", ")), nil
}

// event is the part of a test2json event that counts.
type event struct {
	Action string `json:"Action"`
	Test   string `json:"Test"`
}

// count counts the outcome of every test in one stream.
func count(r io.Reader) (counts, error) {
	var c counts
	lines := bufio.NewScanner(r)
	lines.Buffer(make([]byte, 1<<20), 16<<20)
	for lines.Scan() {
		var e event
		if err := json.Unmarshal(lines.Bytes(), &e); err != nil {
			return c, fmt.Errorf("not a go test -json event: %q", lines.Text())
		}
		if e.Test == "" {
			continue
		}
		switch e.Action {
		case "pass":
			c.passed++
		case "fail":
			c.failed++
		case "skip":
			c.skipped++
		}
	}
	return c, lines.Err()
}
