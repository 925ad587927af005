package p0

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"time"
)

// Waiting for an access request to be decided, as P0's own CLI does
// (`p0 request --wait`): the command is submitted with "wait": true, and P0
// answers with a stream of JSON segments, one per line: heartbeats that
// keep the connection alive, a first data segment that is the command's
// usual answer, and later ones that carry the request's status. A P0 that
// answers with one plain object instead, or a stream cut short, is
// followed by reading the request until it is decided. The request is
// submitted once, whatever happens after.

// Request statuses: granted, refused, and any other is still pending.
var (
	GrantedStatuses = []string{"APPROVED", "APPROVED_NOTIFIED", "DONE", "DONE_NOTIFIED"}
	RefusedStatuses = []string{"DENIED", "ERRORED", "EXPIRED", "REVOKED"}
)

// RequestState is where an access request stands: its status, and why
// when P0 says.
type RequestState struct {
	Status string        `json:"status"`
	Error  *RequestError `json:"error,omitempty"`
}

// RequestError is P0's reason for a status.
type RequestError struct {
	Message string `json:"message"`
}

// Granted and Refused classify the status; a request that is neither is
// pending.
func (s RequestState) Granted() bool { return slices.Contains(GrantedStatuses, s.Status) }
func (s RequestState) Refused() bool { return slices.Contains(RefusedStatuses, s.Status) }

// Reason is P0's message about the status, or "".
func (s RequestState) Reason() string {
	if s.Error == nil {
		return ""
	}
	return s.Error.Message
}

// hideSecret takes secret out of P0's message, which may quote it.
func (s *RequestState) hideSecret(secret string) {
	if s.Error != nil {
		s.Error.Message = hideSecret(s.Error.Message, secret)
	}
}

// AccessRefusedError is a request P0 decided against.
type AccessRefusedError struct {
	ID    string
	State RequestState
}

func (e *AccessRefusedError) Error() string {
	text := fmt.Sprintf("access request %s is %s", e.ID, e.State.Status)
	if reason := e.State.Reason(); reason != "" {
		text += ": " + reason
	}
	return text
}

// AccessPendingError is a request still undecided when the wait ended.
type AccessPendingError struct {
	ID     string
	Waited time.Duration
	// Status is the last one P0 gave, or "" when it gave none.
	Status string
	cause  error
}

func (e *AccessPendingError) Error() string {
	return fmt.Sprintf("access request %s is still pending after %s", e.ID, e.Waited.Round(time.Second))
}

func (e *AccessPendingError) Unwrap() error { return e.cause }

// WaitObserver hears how a wait goes. Each field may be nil.
type WaitObserver struct {
	// Submitted is P0's answer to the submission: the request's id and
	// message.
	Submitted func(CommandResult)
	// Waiting says how long the wait has lasted, every ProgressEvery.
	Waiting func(waited time.Duration)
	// ProgressEvery is how often Waiting is called; 0 never.
	ProgressEvery time.Duration
}

// WaitForAccess submits argv and waits until P0 grants the access (it
// returns the submission's answer and the request's state), refuses it
// (*AccessRefusedError), or ctx ends (*AccessPendingError, once P0 gave the
// request's id). An access that pre-exists or is persistent is granted at
// once.
func (c *Client) WaitForAccess(ctx context.Context, argv []string, observe WaitObserver) (*CommandResult, *RequestState, error) {
	w := &accessWait{c: c, observe: observe, started: time.Now()}
	return w.run(ctx, argv)
}

// accessWait is one WaitForAccess.
type accessWait struct {
	c        *Client
	observe  WaitObserver
	started  time.Time
	result   *CommandResult
	lastSeen string // the last status P0 gave
}

// streamIdle is how long a stream may stay silent, heartbeats included,
// before it is taken as cut short.
const streamIdle = 2 * time.Minute

func (w *accessWait) run(ctx context.Context, argv []string) (*CommandResult, *RequestState, error) {
	body := CommandRequest{Argv: argv, ScriptName: CommandScriptName, Wait: true}
	resp, err := w.c.openStream(ctx, http.MethodPost, w.c.orgPath("command"), body)
	if err != nil {
		return nil, nil, w.c.reportOnce(uncertainUnlessRefused(err))
	}
	state, err := w.follow(ctx, resp.Body)
	_ = resp.Body.Close()
	var cut *streamCut
	switch {
	case state != nil:
		return w.decided(state)
	case w.result == nil && err != nil:
		// Without the request's id there is nothing to follow: the
		// request may have been submitted, and is not sent again.
		return nil, nil, &UncertainSubmissionError{Err: fmt.Errorf("%s %s: P0's answer ended before it gave the request's id: %w",
			http.MethodPost, w.c.orgPath("command"), err)}
	case ctx.Err() != nil:
		return w.result, nil, w.pending(ctx.Err())
	case !errors.As(err, &cut):
		return w.result, nil, err
	}
	w.c.logger.Info(ctx, "P0's answer ended before the request was decided; reading the request until it is",
		map[string]any{"id": w.result.ID, "reason": cut.Error()})
	return w.poll(ctx)
}

// streamCut is a stream that ended, or broke, before it decided the
// request: not P0's verdict, so the request is read instead.
type streamCut struct{ cause error }

func (e *streamCut) Error() string { return "the stream was cut short: " + e.cause.Error() }
func (e *streamCut) Unwrap() error { return e.cause }

// segment is one piece of P0's stream.
type segment struct {
	Type  string          `json:"type"`
	Data  json.RawMessage `json:"data"`
	Error json.RawMessage `json:"error"`
}

// follow reads the stream until it decides the request (the state), says
// something wrong (the error), ends or breaks (a *streamCut), or ctx ends.
// A body that is one plain object is the command's usual answer, after
// which the stream ends.
func (w *accessWait) follow(ctx context.Context, body io.Reader) (*RequestState, error) {
	segments := make(chan json.RawMessage)
	failed := make(chan error, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		decoder := json.NewDecoder(body)
		for {
			var raw json.RawMessage
			if err := decoder.Decode(&raw); err != nil {
				failed <- err
				return
			}
			select {
			case segments <- raw:
			case <-stop:
				return
			}
		}
	}()
	idle := time.NewTimer(streamIdle)
	defer idle.Stop()
	tick := w.ticker()
	defer tick.Stop()
	for {
		select {
		case raw := <-segments:
			idle.Reset(streamIdle)
			state, done, err := w.segment(raw)
			if done || err != nil {
				return state, err
			}
		case err := <-failed:
			var syntax *json.SyntaxError
			if errors.As(err, &syntax) {
				return nil, fmt.Errorf("%w: %v", ErrMalformedResponse, err)
			}
			return nil, &streamCut{err}
		case <-idle.C:
			return nil, &streamCut{fmt.Errorf("P0 sent nothing for %s", streamIdle)}
		case <-tick.C:
			w.progress()
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// segment takes one value of the stream: it reports a decided state, or
// done when the request needs no wait.
func (w *accessWait) segment(raw json.RawMessage) (state *RequestState, done bool, err error) {
	raw = redact(raw, w.c.token)
	var s segment
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, false, fmt.Errorf("%w: %v", ErrMalformedResponse, err)
	}
	switch s.Type {
	case "heartbeat":
		return nil, false, nil
	case "data":
		return w.data(s.Data)
	case "error":
		return nil, false, &APIError{Method: http.MethodPost, Path: w.c.orgPath("command"), StatusCode: http.StatusOK,
			Message: hideSecret(streamErrorMessage(s.Error), w.c.token), Attempts: 1}
	case "":
		if w.result == nil {
			return w.data(raw) // one plain answer, not a stream
		}
	}
	return nil, false, fmt.Errorf("%w: a segment of unknown type %q", ErrMalformedResponse, s.Type)
}

// data takes a data segment: the first is the command's answer, the later
// ones the request's state.
func (w *accessWait) data(raw json.RawMessage) (*RequestState, bool, error) {
	if w.result == nil {
		var result CommandResult
		if err := json.Unmarshal(raw, &result); err != nil {
			return nil, false, fmt.Errorf("%w: %v", ErrMalformedResponse, err)
		}
		if result.ID == "" {
			return nil, false, fmt.Errorf("%w: P0's answer gives no request id: %s", ErrMalformedResponse, quotedJSON(raw, w.c.token))
		}
		result.hideSecret(w.c.token)
		w.result = &result
		if w.observe.Submitted != nil {
			w.observe.Submitted(result)
		}
		if result.IsPreexisting || result.IsPersistent {
			return &RequestState{}, true, nil
		}
		return nil, false, nil
	}
	var later struct {
		Request RequestState `json:"request"`
	}
	if err := json.Unmarshal(raw, &later); err != nil {
		return nil, false, fmt.Errorf("%w: %v", ErrMalformedResponse, err)
	}
	later.Request.hideSecret(w.c.token)
	w.lastSeen = later.Request.Status
	if later.Request.Granted() || later.Request.Refused() {
		return &later.Request, true, nil
	}
	return nil, false, nil
}

// streamErrorMessage is the text of an error segment, which P0 may give as
// a string or as an object with a message.
func streamErrorMessage(raw json.RawMessage) string {
	var text string
	if json.Unmarshal(raw, &text) == nil {
		return text
	}
	var object struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(raw, &object) == nil && object.Message != "" {
		return object.Message
	}
	return string(raw)
}

// poll reads the request, waiting more between reads each time, until it
// is decided or ctx ends.
func (w *accessWait) poll(ctx context.Context) (*CommandResult, *RequestState, error) {
	path := w.c.orgPath("permission-requests", w.result.ID)
	wait := w.c.waitPollMin
	tick := w.ticker()
	defer tick.Stop()
	for {
		var answer requestAnswer
		err := w.c.do(ctx, http.MethodGet, path, nil, &answer)
		if ctx.Err() != nil {
			return w.result, nil, w.pending(ctx.Err())
		}
		if err != nil {
			return w.result, nil, err
		}
		state := answer.state()
		state.hideSecret(w.c.token)
		w.lastSeen = state.Status
		if state.Granted() || state.Refused() {
			return w.decided(&state)
		}
		timer := time.NewTimer(wait)
		for waiting := true; waiting; {
			select {
			case <-timer.C:
				waiting = false
			case <-tick.C:
				w.progress()
			case <-ctx.Done():
				timer.Stop()
				return w.result, nil, w.pending(ctx.Err())
			}
		}
		wait = min(2*wait, w.c.waitPollMax)
	}
}

// requestAnswer is the answer to GET /permission-requests/{id}: the
// request, whose status and error are at the top, or under "request".
type requestAnswer struct {
	RequestState
	Request *RequestState `json:"request"`
}

func (a requestAnswer) state() RequestState {
	if a.Status == "" && a.Request != nil {
		return *a.Request
	}
	return a.RequestState
}

// decided is the outcome of a decided request.
func (w *accessWait) decided(state *RequestState) (*CommandResult, *RequestState, error) {
	if state.Refused() {
		return w.result, state, &AccessRefusedError{ID: w.result.ID, State: *state}
	}
	return w.result, state, nil
}

// pending is the error of a wait that ended undecided.
func (w *accessWait) pending(cause error) error {
	return &AccessPendingError{ID: w.result.ID, Waited: time.Since(w.started), Status: w.lastSeen, cause: cause}
}

// ticker ticks every ProgressEvery, or never.
func (w *accessWait) ticker() *time.Ticker {
	if w.observe.ProgressEvery <= 0 || w.observe.Waiting == nil {
		t := time.NewTicker(time.Hour)
		t.Stop()
		return t
	}
	return time.NewTicker(w.observe.ProgressEvery)
}

// progress says how long the wait has lasted.
func (w *accessWait) progress() {
	if w.observe.Waiting != nil {
		w.observe.Waiting(time.Since(w.started))
	}
}
