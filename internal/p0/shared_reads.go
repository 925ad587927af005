package p0

import (
	"context"
	"strings"
	"sync"
)

// sharedReads lets reads of the same object share one request for the life
// of a Client. Terraform runs each plan and each apply in a provider
// process of its own, which configures one Client, so that life is one
// Terraform operation. Within it:
//
//   - reads of the same path at the same time share one request;
//   - a later read gets the answer an earlier one received, unless a write
//     through this Client may have changed the object since: a write keeps
//     the paths it touches from being shared from the moment it starts
//     until its answer is in;
//   - failed reads are never kept.
//
// The two resources that manage one AWS component item therefore read it
// once per plan, and expiry options, which the API only lists all
// together, are listed once per plan instead of once per option.
type sharedReads struct {
	mu      sync.Mutex
	entries map[string]*sharedRead // by path
	writes  map[string]uint64      // by path: writes started plus writes finished
}

// sharedRead is one request, in flight or answered.
type sharedRead struct {
	writes uint64        // sharedReads.writes[path] when it was sent
	done   chan struct{} // closed once body and err are set
	body   []byte
	err    error
	// senderGaveUp is whether err came of the sender's own context ending,
	// not of P0: only then do those who shared the read send it again.
	senderGaveUp bool

	// decoded is the body decoded once for all who share it (see
	// decodedRead), so that 500 rules refreshed from one workflow read do
	// not decode it 500 times.
	decodeOnce sync.Once
	decoded    any
	decodeErr  error
}

func newSharedReads() *sharedReads {
	return &sharedReads{entries: map[string]*sharedRead{}, writes: map[string]uint64{}}
}

// read returns the body of GET path, from a request already made or in
// flight when it is still current, or else from fetch. The body is shared:
// callers must not change it.
func (s *sharedReads) read(ctx context.Context, path string, fetch func(context.Context) ([]byte, error)) (body []byte, shared bool, err error) {
	entry, shared, err := s.entry(ctx, path, fetch)
	if err != nil {
		return nil, shared, err
	}
	return entry.body, shared, nil
}

// decodedRead is read for callers that all decode the body of path with
// decode: it is decoded once per request, and the result shared. Callers
// must not change it.
func (s *sharedReads) decodedRead(ctx context.Context, path string, fetch func(context.Context) ([]byte, error), decode func([]byte) (any, error)) (any, error) {
	entry, _, err := s.entry(ctx, path, fetch)
	if err != nil {
		return nil, err
	}
	entry.decodeOnce.Do(func() { entry.decoded, entry.decodeErr = decode(entry.body) })
	return entry.decoded, entry.decodeErr
}

// entry returns the current request for path, answered (see read).
func (s *sharedReads) entry(ctx context.Context, path string, fetch func(context.Context) ([]byte, error)) (_ *sharedRead, shared bool, err error) {
	for {
		s.mu.Lock()
		entry, ok := s.entries[path]
		if ok && entry.writes == s.writes[path] {
			s.mu.Unlock()
			select {
			case <-entry.done:
			case <-ctx.Done():
				return nil, false, ctx.Err()
			}
			if entry.senderGaveUp && ctx.Err() == nil {
				continue // the caller that sent it gave up; this one has not
			}
			return entry, true, entry.err
		}
		entry = &sharedRead{writes: s.writes[path], done: make(chan struct{})}
		s.entries[path] = entry
		s.mu.Unlock()

		entry.body, entry.err = fetch(ctx)
		// An HTTP client's own timeout also reads as a context error, so
		// the sender's context says which it was.
		entry.senderGaveUp = entry.err != nil && ctx.Err() != nil
		s.mu.Lock()
		if (entry.err != nil || entry.writes != s.writes[path]) && s.entries[path] == entry {
			delete(s.entries, path)
		}
		s.mu.Unlock()
		close(entry.done)
		return entry, false, entry.err
	}
}

// writing marks the objects at paths, and every path under the ones that
// end in "/", as changing; call the returned function once the write's
// answer is in.
func (s *sharedReads) writing(paths ...string) (done func()) {
	s.invalidate(paths)
	return func() { s.invalidate(paths) }
}

func (s *sharedReads) invalidate(paths []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range paths {
		if !strings.HasSuffix(p, "/") {
			s.writes[p]++
			delete(s.entries, p)
			continue
		}
		for known := range s.entries {
			if strings.HasPrefix(known, p) {
				s.writes[known]++
				delete(s.entries, known)
			}
		}
	}
}
