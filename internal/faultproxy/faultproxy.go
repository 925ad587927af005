// Package faultproxy is an HTTP proxy for tests: it sits in front of the
// fake P0 API, records every exchange with its timing, tracks how many
// requests are in flight, and can lose, refuse, replace or hold chosen
// requests, which the fake's own fault injection (p0mock.Faults, FailNext)
// only does at random or for a whole endpoint. Report sums up what the
// client did about the faults: how it retried, and how long it waited.
package faultproxy

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// New returns a proxy in front of next.
func New(next http.Handler) *Proxy {
	return &Proxy{next: next}
}

// Exchange is one request as the proxy saw it.
type Exchange struct {
	Method     string
	Path       string
	BodySum    string // digest of the request body: a retry sends the same body, another call to the URL may not
	Arrived    time.Time
	Answered   time.Time
	Status     int    // 0 when no answer was written
	RetryAfter string // the Retry-After header answered, if any
	Lost       bool   // the connection was dropped instead of answering
}

// key identifies the call an exchange belongs to: a retry repeats method,
// path and body.
func (e Exchange) Key() string { return e.Method + " " + e.Path + " " + e.BodySum }

// faulted reports whether the exchange ended in a way the client retries:
// throttled, unavailable or lost.
func (e Exchange) faulted() bool {
	return e.Lost || e.Status == http.StatusTooManyRequests || e.Status == http.StatusServiceUnavailable
}

// Proxy is an http.Handler in front of another, the fake P0 API. It logs every
// exchange with its timing and tracks how many requests are in flight at
// once. For chosen requests it can lose the answer after the mock has
// committed them (LoseNext, which the mock's LoseResponseRate only does at
// random), answer in the mock's stead (FailNext, AnswerNext: for one item
// among many, or for the second of two reads, which the mock's FailNext
// cannot single out), or hold them unanswered (HangNext).
type Proxy struct {
	next http.Handler
	// SharedReads are reads ("GET /path") that several callers send at once
	// with the same path and body, so that one's retry cannot be told from
	// another's call: Report leaves them out of Waits.
	SharedReads []string

	mu          sync.Mutex
	exchanges   []*Exchange
	inFlight    int
	maxInFlight int
	planned     []plannedFault
}

// plannedFault is what happens to a chosen request: its answer is lost
// after the mock has committed it (status 0), it is answered with status
// and body before it reaches the mock, or it hangs. It matches requests with this method whose
// path starts with path, or is exactly path without its trailing "$", and
// fires on the one after skip matching requests.
type plannedFault struct {
	method, path string
	skip         int
	status       int
	contentType  string
	body         []byte
	hang         bool // no answer until the client gives up
}

func (f plannedFault) matches(r *http.Request) bool {
	if exact, ok := strings.CutSuffix(f.path, "$"); ok {
		return f.method == r.Method && r.URL.Path == exact
	}
	return f.method == r.Method && strings.HasPrefix(r.URL.Path, f.path)
}

// LoseNext makes the proxy drop the connection of the next request with
// this method and path prefix (or exact path, ending in "$") once the mock
// has handled it, so the change is committed and its answer lost. Planned
// faults queue up.
func (p *Proxy) LoseNext(method, path string) {
	p.plan(plannedFault{method: method, path: path})
}

// FailNext answers the request after skip matching ones with status and
// {"error": message}, without letting it reach the mock.
func (p *Proxy) FailNext(method, path string, skip, status int, message string) {
	body, _ := json.Marshal(map[string]string{"error": message})
	p.AnswerNext(method, path, skip, status, "application/json", body)
}

// AnswerNext answers the request after skip matching ones with status and
// body, whatever they are, without letting it reach the mock.
func (p *Proxy) AnswerNext(method, path string, skip, status int, contentType string, body []byte) {
	p.plan(plannedFault{method: method, path: path, skip: skip, status: status, contentType: contentType, body: body})
}

// HangNext holds the request after skip matching ones without answering
// until the client gives up (or a minute passes), as a hung server does.
func (p *Proxy) HangNext(method, path string, skip int) {
	p.plan(plannedFault{method: method, path: path, skip: skip, hang: true})
}

func (p *Proxy) plan(f plannedFault) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.planned = append(p.planned, f)
}

// Pending is how many planned faults have not fired yet.
func (p *Proxy) Pending() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.planned)
}

// takeFault returns the planned fault that fires for r, if any. Of the
// faults r matches, the oldest counts r against its skip or fires.
func (p *Proxy) takeFault(r *http.Request) (plannedFault, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, f := range p.planned {
		if !f.matches(r) {
			continue
		}
		if f.skip > 0 {
			p.planned[i].skip--
			return plannedFault{}, false
		}
		p.planned = append(p.planned[:i:i], p.planned[i+1:]...)
		return f, true
	}
	return plannedFault{}, false
}

func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body) // a short read only changes the digest
	r.Body = io.NopCloser(bytes.NewReader(body))
	sum := sha256.Sum256(body)
	ex := &Exchange{Method: r.Method, Path: r.URL.Path, BodySum: hex.EncodeToString(sum[:8]), Arrived: time.Now()}

	p.mu.Lock()
	p.exchanges = append(p.exchanges, ex)
	p.inFlight++
	p.maxInFlight = max(p.maxInFlight, p.inFlight)
	p.mu.Unlock()

	sw := &statusWriter{ResponseWriter: w}
	// A dropped connection reaches the client before this handler returns,
	// so the exchange is recorded as answered before the connection is
	// closed (finish, from Hijack) as well as on return, whichever is first:
	// a test that looks at the log as soon as its request fails sees it.
	sw.finish = sync.OnceFunc(func() {
		p.mu.Lock()
		p.inFlight--
		ex.Answered, ex.Status, ex.RetryAfter, ex.Lost = time.Now(), sw.status, sw.retryAfter, sw.lost
		p.mu.Unlock()
	})
	defer sw.finish()

	fault, planned := p.takeFault(r)
	if planned && fault.hang {
		select {
		case <-r.Context().Done():
		case <-time.After(time.Minute):
		}
		return
	}
	if planned && fault.status != 0 {
		w.Header().Set("Content-Type", fault.contentType)
		sw.WriteHeader(fault.status)
		_, _ = sw.Write(fault.body)
		return
	}
	if planned {
		answer := httptest.NewRecorder()
		p.next.ServeHTTP(answer, r)
		sw.status, sw.lost = answer.Code, true
		if conn, _, err := sw.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
		panic(http.ErrAbortHandler)
	}
	p.next.ServeHTTP(sw, r)
}

// statusWriter notes the status and Retry-After written, and a connection
// taken over (the mock's own lost answers).
type statusWriter struct {
	http.ResponseWriter
	status     int
	retryAfter string
	lost       bool
	finish     func() // records the exchange; called once
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.retryAfter = w.Header().Get("Retry-After")
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hijacker, ok := w.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, fmt.Errorf("the connection cannot be taken over")
	}
	w.lost = true
	w.finish()
	return hijacker.Hijack()
}

// Exchanges returns a copy of the log in arrival order.
func (p *Proxy) Exchanges() []Exchange {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]Exchange, len(p.exchanges))
	for i, ex := range p.exchanges {
		out[i] = *ex
	}
	return out
}

// MaxInFlight is the most requests the mock was handling at once.
func (p *Proxy) MaxInFlight() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.maxInFlight
}

// Reset empties the log and the in-flight high-water mark.
func (p *Proxy) Reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.exchanges, p.maxInFlight = nil, p.inFlight
}

// isSharedRead reports whether key is one of the proxy's SharedReads.
func (p *Proxy) isSharedRead(key string) bool {
	for _, read := range p.SharedReads {
		if strings.HasPrefix(key, read+" ") {
			return true
		}
	}
	return false
}

// RetryWait is the pause between a faulted exchange and the retry of the
// same call.
type RetryWait struct {
	After Exchange // the faulted exchange
	Wait  time.Duration
}

// Report sums up a recorded log: what was injected, how the client
// retried, and how long it waited.
type Report struct {
	Requests    int
	Throttled   int // answered 429
	Unavailable int // answered 503
	Lost        int // committed, answer dropped
	Retries     int // requests repeating a call whose previous attempt faulted
	Unretried   int // faulted exchanges never followed by a retry
	LongestRun  int // most consecutive faulted attempts of one call
	Waits       []RetryWait
	TotalWait   time.Duration // summed over all retries
}

// Faults is how many exchanges faulted.
func (r Report) Faults() int { return r.Throttled + r.Unavailable + r.Lost }

func (r Report) String() string {
	return fmt.Sprintf("%d requests, %d faults injected (%d throttled, %d unavailable, %d answers lost), "+
		"%d retries, longest run of faults on one call %d, %v total wait before retries",
		r.Requests, r.Faults(), r.Throttled, r.Unavailable, r.Lost, r.Retries, r.LongestRun, r.TotalWait.Round(time.Millisecond))
}

// Report analyses the log. A call's attempts are the exchanges with its
// key, in arrival order; an attempt that follows a faulted one is its retry.
func (p *Proxy) Report() Report {
	exchanges := p.Exchanges()
	var r Report
	r.Requests = len(exchanges)
	last := map[string]Exchange{}
	run := map[string]int{}
	for _, ex := range exchanges {
		switch {
		case ex.Lost:
			r.Lost++
		case ex.Status == http.StatusTooManyRequests:
			r.Throttled++
		case ex.Status == http.StatusServiceUnavailable:
			r.Unavailable++
		}
		key := ex.Key()
		if prev, seen := last[key]; seen && prev.faulted() {
			r.Retries++
			wait := ex.Arrived.Sub(prev.Answered)
			r.TotalWait += wait
			if !p.isSharedRead(key) {
				r.Waits = append(r.Waits, RetryWait{After: prev, Wait: wait})
			}
		}
		if ex.faulted() {
			run[key]++
			r.LongestRun = max(r.LongestRun, run[key])
		} else {
			run[key] = 0
		}
		last[key] = ex
	}
	for _, ex := range last {
		if ex.faulted() {
			r.Unretried++
		}
	}
	return r
}

// LostExchanges lists the exchanges whose answer was dropped.
func (p *Proxy) LostExchanges() []Exchange {
	var lost []Exchange
	for _, ex := range p.Exchanges() {
		if ex.Lost {
			lost = append(lost, ex)
		}
	}
	return lost
}
