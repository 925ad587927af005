package p0mock

import (
	"context"
	"net/http"
	"time"
)

// endpointFunc handles one request after the shared checks have passed. It
// runs with the state lock held, so it must not block, and everything it
// does is atomic. It returns the answer, or an error (an *apiError for the
// client's mistakes) to answer with instead.
type endpointFunc func(req *apiRequest) (reply, error)

// serve runs one request through the steps every endpoint shares, in order:
// log it, wait out the configured latency, answer with an injected fault if
// one fires, check auth, check the body, run the endpoint, and finally
// either write the answer or drop the connection to simulate a lost
// response.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, endpoint endpointFunc) {
	entry := s.logArrival(r)
	if !s.waitLatency(r.Context()) {
		s.logCompletion(entry, reply{}) // the client gave up; no one to answer
		return
	}
	rep := s.answer(r, endpoint)
	if rep.stream != nil {
		rep.status = http.StatusOK
	}
	s.logCompletion(entry, rep)
	switch {
	case rep.fault == faultLost:
		dropConnection(w)
	case rep.stream != nil:
		rep.stream(w, r)
	default:
		rep.write(w)
	}
}

// answer decides the reply to a request that survived the latency.
func (s *Server) answer(r *http.Request, endpoint endpointFunc) reply {
	if rep, injected := s.injectFault(r); injected {
		return rep
	}
	if err := s.authorize(r); err != nil {
		return errorReply(err)
	}
	req, err := readRequest(r)
	if err != nil {
		return errorReply(err)
	}

	s.mu.Lock()
	rep, err := endpoint(req)
	lose := isWrite(r.Method) && s.faults.loseResponse()
	s.mu.Unlock()

	if err != nil {
		rep = errorReply(err)
	}
	if lose && rep.stream == nil {
		rep.fault = faultLost
	}
	return rep
}

// waitLatency sleeps for the configured latency and reports false if the
// client cancelled the request meanwhile.
func (s *Server) waitLatency(ctx context.Context) bool {
	s.mu.Lock()
	latency := s.faults.settings.Latency
	s.mu.Unlock()
	if latency <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(latency)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// isWrite reports whether a request of this method changes state.
func isWrite(method string) bool {
	return method == http.MethodPost || method == http.MethodPut || method == http.MethodDelete
}
