package p0mock

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Request is one entry of the request log.
type Request struct {
	Method   string
	Path     string
	Endpoint string        // the matched pattern, e.g. "GET /o/{org}/routing"; "" when no endpoint matched
	Status   int           // the status answered (or, for a lost response, the one that was lost); 0 if the client went away during the latency
	Fault    string        // "", "throttle", "unavailable", "lost" or "injected"
	Duration time.Duration // from arrival to the answer, latency included
	Body     []byte        // the request's body, as sent; nil for none
}

// logEntry is a Request being answered, with the time it arrived.
type logEntry struct {
	Request
	arrived time.Time
}

// logArrival appends an entry for r at once, so that the log keeps arrival
// order even when requests finish out of order. The returned entry is
// completed by logCompletion.
func (s *Server) logArrival(r *http.Request) *logEntry {
	entry := &logEntry{
		Request: Request{Method: r.Method, Path: r.URL.Path, Endpoint: r.Pattern, Body: readBodyAgain(r)},
		arrived: time.Now(),
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, entry)
	return entry
}

// readBodyAgain is r's body, which it puts back for the handler to read;
// nil for none, or one that could not be read (which the handler then
// fails to read too).
func readBodyAgain(r *http.Request) []byte {
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	body, err := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil || len(body) == 0 {
		return nil
	}
	return body
}

// logCompletion records how the request was answered, and prints it where
// LogRequestsTo says. After ResetRequests the entry is no longer in the
// log and the update is harmlessly lost.
func (s *Server) logCompletion(entry *logEntry, rep reply) {
	s.mu.Lock()
	entry.Status = rep.status
	entry.Fault = rep.fault
	entry.Duration = time.Since(entry.arrived)
	done, out := entry.Request, s.printTo
	s.mu.Unlock()
	if out != nil {
		fault := ""
		if done.Fault != "" {
			fault = " (" + done.Fault + ")"
		}
		s.printing.Lock() // requests end at once; their lines must not
		defer s.printing.Unlock()
		_, _ = fmt.Fprintf(out, "%s %s %d%s %s\n", done.Method, done.Path, done.Status, fault, done.Duration.Round(100*time.Microsecond))
	}
}

// LogRequestsTo prints each request the server answers to w, as it is
// answered: method, path, status, fault and duration, one line each;
// never a header or a body, so never the token. nil stops it.
func (s *Server) LogRequestsTo(w io.Writer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.printTo = w
}

// Requests returns a copy of the log, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	requests := make([]Request, len(s.requests))
	for i, entry := range s.requests {
		requests[i] = entry.Request
	}
	return requests
}

// Count is the number of logged requests routed to endpoint, a pattern such
// as "POST /o/{org}/routing/name/{name}". Requests answered by a fault or
// refused by auth count too: they reached the endpoint's URL.
func (s *Server) Count(endpoint string) int {
	return s.Counts()[endpoint]
}

// Counts maps each endpoint pattern to its number of logged requests.
// Requests that matched no endpoint are left out.
func (s *Server) Counts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	counts := map[string]int{}
	for _, entry := range s.requests {
		if entry.Endpoint != "" {
			counts[entry.Endpoint]++
		}
	}
	return counts
}

// ResetRequests empties the log.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}
