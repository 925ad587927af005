// Command p0mock serves the fake P0 API of package p0mock on a loopback
// address, for `make demo` and for trying the provider by hand.
//
// Flags:
//
//	-addr      loopback address to listen on (default 127.0.0.1:0, a free port)
//	-org       organization to answer for (default demo-org)
//	-token     API token clients must send (default demo-token)
//	-url-file  file to write the base URL to once listening
//	-variant   comma-separated behaviors where P0's documents are silent
//	           (see p0mock.Variants; -variant list prints them)
//	-quiet     do not print each request served (method, path, status)
//
// It prints the base URL and serves until interrupted (SIGINT or SIGTERM),
// then finishes the requests in flight and exits. The token is never
// printed.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

const (
	defaultToken    = "demo-token"
	shutdownTimeout = 5 * time.Second
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "p0mock:", err)
		os.Exit(1)
	}
}

// run serves until ctx is done. It is main without the process: tests call
// it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("p0mock", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:0", "loopback `address` to listen on; port 0 picks a free port")
	org := flags.String("org", "demo-org", "P0 `organization` to answer for")
	// The default is applied below rather than here, so that -h does not
	// print a token.
	token := flags.String("token", "", "API `token` clients must send (default: the demo token)")
	urlFile := flags.String("url-file", "", "`file` to write the base URL to once listening")
	variants := flags.String("variant", "", "comma-separated `names` of behaviors where P0's documents are silent; \"list\" prints them")
	quiet := flags.Bool("quiet", false, "do not print each request served (method, path, status)")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", flags.Args())
	}
	if *token == "" {
		*token = defaultToken
	}
	if *variants == "list" {
		for _, v := range p0mock.Variants() {
			fmt.Fprintf(stdout, "%-26s %s\n", v.Name, v.Description)
		}
		return nil
	}
	behavior, err := p0mock.ParseVariants(*variants)
	if err != nil {
		return err
	}

	server := p0mock.New(*org, *token)
	server.SetBehavior(behavior)
	baseURL, err := server.Start(*addr)
	if err != nil {
		return err
	}
	// Said before the URL file is written: a script that waits for the
	// file sends requests, whose lines the server then prints.
	fmt.Fprintf(stdout, "p0mock listening on %s (org %s)\n", baseURL, *org)
	if *variants != "" {
		fmt.Fprintf(stdout, "p0mock behaves as: %s\n", *variants)
	}
	if !*quiet {
		fmt.Fprintln(stdout, "p0mock prints each request it serves (-quiet, or make mock QUIET=1, stops it)")
		server.LogRequestsTo(stdout)
	}
	if *urlFile != "" {
		if err := writeFileAtomically(*urlFile, baseURL); err != nil {
			return errors.Join(err, server.Close())
		}
	}

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	return server.Shutdown(shutdownCtx)
}

// writeFileAtomically writes content to a temporary file next to path and
// renames it into place, so that a script waiting for path never reads it
// half written.
func writeFileAtomically(path, content string) error {
	temporary, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, writeErr := temporary.WriteString(content)
	closeErr := temporary.Close()
	if err := errors.Join(writeErr, closeErr); err != nil {
		return errors.Join(err, os.Remove(temporary.Name()))
	}
	return os.Rename(temporary.Name(), path)
}
