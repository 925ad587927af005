package p0

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fetcher counts requests and answers them with what answer holds.
type fetcher struct {
	calls  atomic.Int32
	answer atomic.Pointer[string]
}

func (f *fetcher) fetch(context.Context) ([]byte, error) {
	f.calls.Add(1)
	return []byte(*f.answer.Load()), nil
}

func newFetcher(answer string) *fetcher {
	f := &fetcher{}
	f.answer.Store(&answer)
	return f
}

func TestSharedReadsKeepAnswerUntilAWrite(t *testing.T) {
	ctx := context.Background()
	s := newSharedReads()
	f := newFetcher("v1")
	for range 3 {
		body, _, err := s.read(ctx, "/a", f.fetch)
		if err != nil || string(body) != "v1" {
			t.Fatalf("read = %q, %v", body, err)
		}
	}
	if n := f.calls.Load(); n != 1 {
		t.Fatalf("%d requests for three reads, want 1", n)
	}

	if _, _, err := s.read(ctx, "/b", f.fetch); err != nil || f.calls.Load() != 2 {
		t.Fatalf("another path must be read on its own: %v, %d requests", err, f.calls.Load())
	}

	done := s.writing("/a")
	f.answer.Store(ptr("v2"))
	done()
	body, shared, err := s.read(ctx, "/a", f.fetch)
	if err != nil || string(body) != "v2" || shared {
		t.Fatalf("read after a write = %q (shared %v), %v; want a new request answering v2", body, shared, err)
	}
	if _, shared, _ := s.read(ctx, "/b", f.fetch); !shared {
		t.Fatal("a write to /a forgot /b")
	}
}

func TestSharedReadsDuringAWriteAreNotKept(t *testing.T) {
	ctx := context.Background()
	s := newSharedReads()
	f := newFetcher("during")
	done := s.writing("/a")
	if _, _, err := s.read(ctx, "/a", f.fetch); err != nil {
		t.Fatal(err)
	}
	done()
	f.answer.Store(ptr("after"))
	if body, _, _ := s.read(ctx, "/a", f.fetch); string(body) != "after" {
		t.Fatalf("read after the write = %q; the read made during it was kept", body)
	}
}

func TestSharedReadsJoinARequestInFlight(t *testing.T) {
	ctx := context.Background()
	s := newSharedReads()
	release := make(chan struct{})
	var calls atomic.Int32
	slow := func(context.Context) ([]byte, error) { //nolint:unparam // the signature of every fetch
		calls.Add(1)
		<-release
		return []byte("v"), nil
	}
	first := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, _, _ = s.read(ctx, "/a", func(ctx context.Context) ([]byte, error) {
			close(first)
			return slow(ctx)
		})
	}()
	<-first // the first request is in flight
	results := make(chan bool, 5)
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, shared, err := s.read(ctx, "/a", slow)
			results <- err == nil && string(body) == "v" && shared
		}()
	}
	close(release)
	wg.Wait()
	close(results)
	for ok := range results {
		if !ok {
			t.Fatal("a read did not get the shared answer")
		}
	}
	if n := calls.Load(); n != 1 {
		t.Fatalf("%d requests, want 1", n)
	}
}

func TestSharedReadsDoNotKeepFailures(t *testing.T) {
	ctx := context.Background()
	s := newSharedReads()
	fail := func(context.Context) ([]byte, error) { return nil, &APIError{StatusCode: 404} }
	if _, _, err := s.read(ctx, "/a", fail); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v", err)
	}
	f := newFetcher("found")
	if body, _, err := s.read(ctx, "/a", f.fetch); err != nil || string(body) != "found" {
		t.Fatalf("read after a failure = %q, %v; the failure was kept", body, err)
	}
}

func TestSharedReadsRetryWhenTheSenderGaveUp(t *testing.T) {
	s := newSharedReads()
	cancelled, cancel := context.WithCancel(context.Background())
	started, giveUp := make(chan struct{}), make(chan struct{})
	go func() {
		_, _, _ = s.read(cancelled, "/a", func(ctx context.Context) ([]byte, error) {
			close(started)
			<-giveUp
			cancel()
			return nil, ctx.Err()
		})
	}()
	<-started
	mine := make(chan error, 1)
	f := newFetcher("mine")
	go func() {
		body, _, err := s.read(context.Background(), "/a", f.fetch)
		if err == nil && string(body) != "mine" {
			err = errors.New("read " + string(body))
		}
		mine <- err
	}()
	// Give the second read time to join the request in flight; should it
	// come later, it sends its own request and the outcome is the same.
	time.Sleep(50 * time.Millisecond)
	close(giveUp)
	if err := <-mine; err != nil {
		t.Fatalf("read failed with the cancellation of a request it only joined: %v", err)
	}
}

// TestSharedReadsShareATimeout has P0 never answer a read that five
// callers share: the HTTP client's timeout, which reads as
// context.DeadlineExceeded though no caller gave up, reaches all of them
// from one request, rather than each sending it again in turn.
func TestSharedReadsShareATimeout(t *testing.T) {
	s := newSharedReads()
	var calls atomic.Int32
	release := make(chan struct{})
	timesOut := func(context.Context) ([]byte, error) { //nolint:unparam // the signature of every fetch
		calls.Add(1)
		<-release
		return nil, fmt.Errorf("GET /a: P0 did not answer in time (after 6 attempts): %w", context.DeadlineExceeded)
	}
	errs := make(chan error, 5)
	for range 5 {
		go func() {
			_, _, err := s.read(context.Background(), "/a", timesOut)
			errs <- err
		}()
	}
	for calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // the others join the request in flight
	close(release)
	for range 5 {
		if err := <-errs; !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want P0's timeout", err)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d requests for one timeout shared by 5 reads; want 1", n)
	}
}

func TestSharedReadsWritingUnderAPrefix(t *testing.T) {
	ctx := context.Background()
	s := newSharedReads()
	f := newFetcher("v")
	for _, p := range []string{"/aws/x", "/aws/y", "/other"} {
		if _, _, err := s.read(ctx, p, f.fetch); err != nil {
			t.Fatal(err)
		}
	}
	s.writing("/aws/")()
	for p, wantShared := range map[string]bool{"/aws/x": false, "/aws/y": false, "/other": true} {
		if _, shared, _ := s.read(ctx, p, f.fetch); shared != wantShared {
			t.Errorf("%s shared = %v after a write under /aws/, want %v", p, shared, wantShared)
		}
	}
}

func ptr(s string) *string { return &s }
