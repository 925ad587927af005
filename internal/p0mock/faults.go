package p0mock

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Fault names recorded in Request.Fault.
const (
	faultThrottle    = "throttle"
	faultUnavailable = "unavailable"
	faultLost        = "lost"
	faultInjected    = "injected"
)

// unavailablePage is what a proxy in front of P0 answers when P0 is down:
// HTML, not the API's JSON, so clients must cope with both.
const unavailablePage = "<html><body><h1>503 Service Unavailable</h1></body></html>"

// Faults makes the transport misbehave the way a real network and API do,
// so that the client's retries and error handling can be tested.
type Faults struct {
	ThrottleRate     float64       // fraction of requests answered 429 with a Retry-After header
	RetryAfter       time.Duration // Retry-After value sent with 429 (whole seconds, rounded up; 0 sends "0")
	UnavailableRate  float64       // fraction of requests answered 503 with an HTML body, as from a proxy
	LoseResponseRate float64       // fraction of writes (POST/PUT/DELETE) that run as usual, committing any change, but whose connection is then dropped so the client never sees the answer
	Latency          time.Duration // added before every request is handled
	Seed             int64         // seeds the random choices so that tests are repeatable
}

// faultInjector holds the fault settings and the one-off failures still to
// fire. It is guarded by Server.mu.
type faultInjector struct {
	settings Faults
	random   *rand.Rand
	planned  []plannedFailure // FailNext calls not yet fired, oldest first
}

// plannedFailure is one FailNext call.
type plannedFailure struct {
	endpoint string // a ServeMux pattern, method included
	status   int
	message  string
}

func newFaultInjector() faultInjector {
	return faultInjector{random: seededRandom(0)}
}

func seededRandom(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), uint64(seed)))
}

// SetFaults replaces the fault settings and restarts the random sequence
// from f.Seed. The zero Faults turns every fault off.
func (s *Server) SetFaults(f Faults) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.settings = f
	s.faults.random = seededRandom(f.Seed)
}

// FailNext makes the next request to one endpoint fail once with status and
// {"error": message}, before auth and before anything is committed. pattern
// is the endpoint's pattern, with or without its method, e.g.
// "/o/{org}/integrations/aws/config/{component}/{id}/configure". Several
// calls queue up and fire in order.
func (s *Server) FailNext(method, pattern string, status int, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.planned = append(s.faults.planned, plannedFailure{
		endpoint: endpointName(method, pattern),
		status:   status,
		message:  message,
	})
}

// endpointName is the ServeMux pattern of an endpoint: method, a space and
// the path pattern. A method already in pattern is replaced by method.
func endpointName(method, pattern string) string {
	if _, pathPattern, hasMethod := strings.Cut(pattern, " "); hasMethod {
		pattern = pathPattern
	}
	return strings.ToUpper(method) + " " + pattern
}

// injectFault answers r with a fault if one fires: throttling first, then
// unavailability, then a planned failure for its endpoint.
func (s *Server) injectFault(r *http.Request) (reply, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := &s.faults
	if f.roll(f.settings.ThrottleRate) {
		return throttleReply(f.settings.RetryAfter), true
	}
	if f.roll(f.settings.UnavailableRate) {
		rep := htmlReply(http.StatusServiceUnavailable, unavailablePage)
		rep.fault = faultUnavailable
		return rep, true
	}
	if failure, ok := f.takePlanned(r.Pattern); ok {
		rep := errorReply(newAPIError(failure.status, "%s", failure.message))
		rep.fault = faultInjected
		return rep, true
	}
	return reply{}, false
}

// loseResponse decides whether the answer to a write is lost.
func (f *faultInjector) loseResponse() bool {
	return f.roll(f.settings.LoseResponseRate)
}

// roll reports true with probability rate. No random number is drawn for a
// zero rate, so turning one fault on does not shift another's sequence.
func (f *faultInjector) roll(rate float64) bool {
	return rate > 0 && f.random.Float64() < rate
}

// takePlanned removes and returns the oldest planned failure for endpoint.
func (f *faultInjector) takePlanned(endpoint string) (plannedFailure, bool) {
	for i, failure := range f.planned {
		if failure.endpoint == endpoint {
			f.planned = append(f.planned[:i:i], f.planned[i+1:]...)
			return failure, true
		}
	}
	return plannedFailure{}, false
}

func throttleReply(retryAfter time.Duration) reply {
	seconds := strconv.FormatInt(wholeSecondsRoundedUp(retryAfter), 10)
	rep := errorReply(newAPIError(http.StatusTooManyRequests, "too many requests; retry after %s seconds", seconds))
	rep.header.Set("Retry-After", seconds)
	rep.fault = faultThrottle
	return rep
}

func wholeSecondsRoundedUp(d time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	return int64((d + time.Second - 1) / time.Second)
}

// dropConnection closes the connection without answering, as when a
// response is lost on the way back. Where the connection cannot be taken
// over (HTTP/2, or a ResponseRecorder), aborting the handler has net/http
// reset the stream or close the connection instead.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close() // nothing more to do if closing fails: the answer is lost either way
}
