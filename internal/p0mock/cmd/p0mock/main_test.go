package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

func TestRunServesUntilCancelled(t *testing.T) {
	for _, quiet := range []bool{false, true} {
		t.Run(fmt.Sprintf("quiet=%t", quiet), func(t *testing.T) {
			args := []string{"-org", "acme", "-token", "s3cret"}
			if quiet {
				args = append(args, "-quiet")
			}
			stdout := serveOneRead(t, args)
			want := "p0mock listening on "
			if !strings.HasPrefix(stdout, want) || strings.Contains(stdout, "s3cret") {
				t.Fatalf("stdout = %q; want it to start %q, without the token", stdout, want)
			}
			printed := regexp.MustCompile(`(?m)^GET /o/acme/routing 200 \S+$`).MatchString(stdout)
			if printed == quiet {
				t.Errorf("stdout = %q; the request printed: %t, want %t", stdout, printed, !quiet)
			}
		})
	}
}

// serveOneRead runs the mock with args, reads the routing once, stops it,
// and returns what it printed.
func serveOneRead(t *testing.T, args []string) string {
	t.Helper()
	urlFile := filepath.Join(t.TempDir(), "url")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append(args, "-url-file", urlFile), &stdout, &stderr)
	}()

	baseURL := waitForFile(t, urlFile)
	if !strings.HasPrefix(baseURL, "http://127.0.0.1:") {
		t.Fatalf("URL file holds %q", baseURL)
	}
	req, _ := http.NewRequest(http.MethodGet, baseURL+"/o/acme/routing", nil)
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /o/acme/routing = %d", resp.StatusCode)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after cancellation")
	}
	if strings.Contains(stderr.String(), "s3cret") {
		t.Error("the token was printed")
	}
	return stdout.String()
}

func TestRunRefusesBadArguments(t *testing.T) {
	tests := map[string][]string{
		"non-loopback address": {"-addr", "0.0.0.0:0"},
		"all interfaces":       {"-addr", ":8080"},
		"unknown flag":         {"-port", "1"},
		"stray argument":       {"serve"},
		"unknown variant":      {"-variant", "documented,no-such-variant"},
	}
	for name, args := range tests {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if err := run(context.Background(), args, &stdout, &stderr); err == nil {
				t.Errorf("run(%q) succeeded", args)
			}
			if stdout.Len() != 0 {
				t.Errorf("printed %q although it did not start", stdout.String())
			}
		})
	}
}

func TestHelpDoesNotPrintTheToken(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-h"}, &stdout, &stderr); err != nil {
		t.Fatalf("-h: %v", err)
	}
	if help := stderr.String(); !strings.Contains(help, "-url-file") || strings.Contains(help, defaultToken) {
		t.Errorf("help = %q; want the flags, without the token", help)
	}
}

func TestVariantListNamesEveryVariant(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-variant", "list"}, &stdout, &stderr); err != nil {
		t.Fatalf("-variant list: %v", err)
	}
	for _, name := range p0mock.VariantNames() {
		if !strings.Contains(stdout.String(), name+" ") {
			t.Errorf("-variant list does not name %s:\n%s", name, stdout.String())
		}
	}
}

// waitForFile returns path's content once it exists.
func waitForFile(t *testing.T, path string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if content, err := os.ReadFile(path); err == nil {
			return string(content)
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s was not written", path)
	return ""
}
