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
// (`p0 request --wait`, design.md "Waiting for approval"). The command is
// submitted once. Today's P0 answers it at once and streams the decision
// from GET /command/{id}/poll: heartbeats while P0 waits, then one data
// segment with the request's status, then the end of the stream; a poll
// that ends with the request still pending (P0 ends its own after about
// five minutes), breaks, or is refused for a while (429, 5xx) is opened
// again. The earlier P0 answered a submission sent with "wait": true with
// that stream itself, its first data segment the command's usual answer;
// the submission says "wait": true so that such a P0 is read too, and a
// plain answer, or a stream that ends undecided, is followed by polling.
// Nothing here ever sends the command again.

// Request statuses: granted, refused, and any other is still pending.
var (
	GrantedStatuses = []string{"APPROVED", "APPROVED_NOTIFIED", "DONE", "DONE_NOTIFIED"}
	RefusedStatuses = []string{"DENIED", "DENIED_NOTIFIED", "ERRORED", "ERRORED_NOTIFIED", "EXPIRED", "REVOKED"}
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

// decided reports whether P0 has decided the request, either way.
func (s RequestState) decided() bool { return s.Granted() || s.Refused() }

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

// AccessWaitError is a wait that failed after P0 took the request: the
// request stays in P0, undecided as far as the client knows.
type AccessWaitError struct {
	ID  string
	Err error
}

func (e *AccessWaitError) Error() string {
	return fmt.Sprintf("waiting for P0 to decide access request %s: %v", e.ID, e.Err)
}

func (e *AccessWaitError) Unwrap() error { return e.Err }

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
// once. A wait that fails otherwise after P0 gave the id is an
// *AccessWaitError.
func (c *Client) WaitForAccess(ctx context.Context, argv []string, observe WaitObserver) (*CommandResult, *RequestState, error) {
	w := &accessWait{c: c, observe: observe, started: time.Now()}
	tick := w.ticker()
	defer tick.Stop()
	w.tick = tick.C
	return w.run(ctx, argv)
}

// accessWait is one WaitForAccess.
type accessWait struct {
	c        *Client
	observe  WaitObserver
	started  time.Time
	tick     <-chan time.Time // when to say the wait goes on
	result   *CommandResult
	lastSeen string // the last status P0 gave
	// method and path are the request whose stream is being read.
	method, path string
}

// streamIdle is how long a stream may stay silent, heartbeats included,
// before it is taken as cut short.
const streamIdle = 2 * time.Minute

func (w *accessWait) run(ctx context.Context, argv []string) (*CommandResult, *RequestState, error) {
	w.method, w.path = http.MethodPost, w.c.orgPath("command")
	body := CommandRequest{Argv: argv, ScriptName: CommandScriptName, Wait: true}
	resp, err := w.c.openStream(ctx, w.method, w.path, body)
	if err != nil {
		return nil, nil, w.c.reportOnce(uncertainUnlessRefused(err))
	}
	state, err := w.follow(ctx, resp.Body, w.submissionData)
	_ = resp.Body.Close()
	var cut *streamCut
	switch {
	case state != nil:
		return w.decided(state)
	case w.result == nil && err != nil:
		// Without the request's id there is nothing to follow: the
		// request may have been submitted, and is not sent again.
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			return nil, nil, err // P0 said what was wrong with it
		}
		return nil, nil, &UncertainSubmissionError{Err: fmt.Errorf("%s %s: P0's answer ended before it gave the request's id: %w",
			w.method, w.path, err)}
	case w.result == nil:
		return nil, nil, &UncertainSubmissionError{Err: fmt.Errorf("%s %s: %w: P0's answer gave no request id",
			w.method, w.path, ErrMalformedResponse)}
	case ctx.Err() != nil:
		return w.result, nil, w.pending(ctx.Err())
	case err != nil && !errors.As(err, &cut):
		return w.result, nil, &AccessWaitError{ID: w.result.ID, Err: err}
	}
	return w.poll(ctx)
}

// streamCut is a stream that broke, or went silent, before it decided
// the request: not P0's verdict, so the request is waited on again.
type streamCut struct{ cause error }

func (e *streamCut) Error() string { return "the stream was cut short: " + e.cause.Error() }
func (e *streamCut) Unwrap() error { return e.cause }

// segment is one piece of P0's stream.
type segment struct {
	Type  string          `json:"type"`
	Data  json.RawMessage `json:"data"`
	Error json.RawMessage `json:"error"`
}

// follow reads a stream of segments, handing each data segment to data,
// until data reports the request decided (the state), a segment says
// something is wrong (the error), the stream ends (nil, nil) or breaks (a
// *streamCut), or ctx ends. A body that is one plain JSON object, not a
// segment, is handed to data whole.
func (w *accessWait) follow(ctx context.Context, body io.Reader, data func(json.RawMessage) (*RequestState, error)) (*RequestState, error) {
	segments := make(chan json.RawMessage)
	ended := make(chan error, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		decoder := json.NewDecoder(body)
		for {
			var raw json.RawMessage
			if err := decoder.Decode(&raw); err != nil {
				ended <- err
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
	for {
		select {
		case raw := <-segments:
			idle.Reset(streamIdle)
			state, err := w.segment(raw, data)
			if state != nil || err != nil {
				return state, err
			}
		case err := <-ended:
			var syntax *json.SyntaxError
			switch {
			case errors.Is(err, io.EOF):
				return nil, nil
			case errors.As(err, &syntax):
				return nil, fmt.Errorf("%w: %v", ErrMalformedResponse, err)
			}
			return nil, &streamCut{err}
		case <-idle.C:
			return nil, &streamCut{fmt.Errorf("P0 sent nothing for %s", streamIdle)}
		case <-w.tick:
			w.progress()
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// segment takes one value of a stream.
func (w *accessWait) segment(raw json.RawMessage, data func(json.RawMessage) (*RequestState, error)) (*RequestState, error) {
	raw = redact(raw, w.c.token)
	var s segment
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformedResponse, err)
	}
	switch s.Type {
	case "heartbeat":
		return nil, nil
	case "data":
		var carried struct {
			Error json.RawMessage `json:"error"`
		}
		if err := json.Unmarshal(s.Data, &carried); err == nil && isSet(carried.Error) {
			return nil, w.streamError(carried.Error)
		}
		return data(s.Data)
	case "error":
		return nil, w.streamError(s.Error)
	case "":
		if w.result == nil {
			return data(raw) // one plain answer, not a stream
		}
	}
	return nil, fmt.Errorf("%w: a segment of unknown type %q", ErrMalformedResponse, s.Type)
}

// isSet reports whether a JSON value is there and not null.
func isSet(raw json.RawMessage) bool {
	return len(raw) > 0 && string(raw) != "null"
}

// streamError is the error P0 reports in a stream, as an error segment or
// a data segment's error.
func (w *accessWait) streamError(raw json.RawMessage) error {
	return &APIError{Method: w.method, Path: w.path, StatusCode: http.StatusOK,
		Message: hideSecret(streamErrorMessage(raw), w.c.token), Attempts: 1}
}

// submissionData takes a data segment of the submission's answer: the
// first is the command's answer, the later ones the request's state.
func (w *accessWait) submissionData(raw json.RawMessage) (*RequestState, error) {
	if w.result != nil {
		return w.requestData(raw)
	}
	var result CommandResult
	if err := json.Unmarshal(raw, &result); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformedResponse, err)
	}
	if result.ID == "" {
		return nil, fmt.Errorf("%w: P0's answer gives no request id: %s", ErrMalformedResponse, quotedJSON(raw, w.c.token))
	}
	result.hideSecret(w.c.token)
	w.result = &result
	if w.observe.Submitted != nil {
		w.observe.Submitted(result)
	}
	if result.IsPreexisting || result.IsPersistent {
		return &RequestState{}, nil
	}
	return nil, nil
}

// requestData takes a data segment that says where the request stands:
// its state when decided, nil while pending.
func (w *accessWait) requestData(raw json.RawMessage) (*RequestState, error) {
	var carried struct {
		Request RequestState `json:"request"`
	}
	if err := json.Unmarshal(raw, &carried); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformedResponse, err)
	}
	carried.Request.hideSecret(w.c.token)
	w.lastSeen = carried.Request.Status
	if carried.Request.decided() {
		return &carried.Request, nil
	}
	return nil, nil
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

// poll waits on GET /command/{id}/poll until the request is decided or ctx
// ends, opening the poll again after a short backoff whenever it ends
// with the request pending, breaks, or is refused for a while.
func (w *accessWait) poll(ctx context.Context) (*CommandResult, *RequestState, error) {
	w.method, w.path = http.MethodGet, w.c.orgPath("command", w.result.ID, "poll")
	backoff := w.c.waitPollMin
	for {
		state, err := w.pollOnce(ctx)
		switch {
		case state != nil:
			return w.decided(state)
		case ctx.Err() != nil:
			return w.result, nil, w.pending(ctx.Err())
		case err == nil:
			// P0 ended the poll with the request pending: open it again.
			backoff = w.c.waitPollMin
		case !passing(err):
			return w.result, nil, &AccessWaitError{ID: w.result.ID, Err: err}
		default:
			w.c.logger.Info(ctx, "waiting for an access request: the poll broke off; opening it again",
				map[string]any{"id": w.result.ID, "reason": err.Error(), "waiting_ms": backoff.Milliseconds()})
		}
		if !w.sleep(ctx, backoff) {
			return w.result, nil, w.pending(ctx.Err())
		}
		if err != nil {
			backoff = min(2*backoff, w.c.waitPollMax)
		}
	}
}

// pollOnce opens the poll and follows it to its end.
func (w *accessWait) pollOnce(ctx context.Context) (*RequestState, error) {
	resp, err := w.c.roundTrip(ctx, w.c.pollHTTP, w.method, w.path, nil)
	if err != nil {
		return nil, w.c.reportOnce(err)
	}
	defer resp.Body.Close()
	return w.follow(ctx, resp.Body, w.requestData)
}

// passing reports whether a failed poll is worth opening again: it broke
// off, P0 was out of reach, or P0 asked to be given time (429, 5xx).
// Anything else (a refusal, a poll P0 does not know, a malformed answer,
// an error P0 reported) will not mend by asking again.
func passing(err error) bool {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode == http.StatusTooManyRequests || apiErr.StatusCode >= http.StatusInternalServerError
	}
	var cut *streamCut
	return errors.As(err, &cut) || !(errors.Is(err, ErrMalformedResponse) || errors.Is(err, ErrCredentialsRefused))
}

// sleep waits d, saying meanwhile that the wait goes on; it reports false
// when ctx ends first.
func (w *accessWait) sleep(ctx context.Context, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		select {
		case <-timer.C:
			return true
		case <-w.tick:
			w.progress()
		case <-ctx.Done():
			return false
		}
	}
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
