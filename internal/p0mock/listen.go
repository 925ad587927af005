package p0mock

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// listener is the HTTP server Start runs, if any. It has its own lock so
// that starting and stopping never wait on, or hold up, requests.
type listener struct {
	mu     sync.Mutex
	server *http.Server
}

// Start listens on addr (e.g. "127.0.0.1:0" for any free port), serves in
// the background and returns the base URL, e.g. "http://127.0.0.1:40123".
// Only loopback addresses are accepted: anyone who can reach the mock and
// guess its token could change it.
func (s *Server) Start(addr string) (baseURL string, err error) {
	if err := checkLoopback(addr); err != nil {
		return "", err
	}
	s.listening.mu.Lock()
	defer s.listening.mu.Unlock()
	if s.listening.server != nil {
		return "", errors.New("p0mock: already started")
	}
	netListener, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("p0mock: %w", err)
	}
	server := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	// Serve returns only once the server is closed; there is nobody to tell.
	go func() { _ = server.Serve(netListener) }()
	s.listening.server = server
	return "http://" + netListener.Addr().String(), nil
}

// Close stops a started server at once, dropping open connections. It does
// nothing if the server was not started.
func (s *Server) Close() error {
	return s.stop(func(server *http.Server) error { return server.Close() })
}

// Shutdown stops a started server gracefully: it stops accepting, then
// waits for requests in flight until ctx is done.
func (s *Server) Shutdown(ctx context.Context) error {
	return s.stop(func(server *http.Server) error { return server.Shutdown(ctx) })
}

func (s *Server) stop(stopServer func(*http.Server) error) error {
	s.listening.mu.Lock()
	defer s.listening.mu.Unlock()
	if s.listening.server == nil {
		return nil
	}
	err := stopServer(s.listening.server)
	s.listening.server = nil
	return err
}

// checkLoopback refuses addresses other hosts could reach.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("p0mock: invalid listen address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("p0mock: refusing to listen on %q: only loopback addresses (127.0.0.1, [::1], localhost) are allowed", addr)
	}
	return nil
}
