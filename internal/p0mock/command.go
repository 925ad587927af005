package p0mock

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The Command API: submitting a P0 CLI command, such as an access request,
// as if typed at the p0 command line, and waiting for a request to be
// decided as P0's CLI does (design.md, "Waiting for approval"): today's P0
// answers the submission at once and streams the decision from GET
// /command/{id}/poll; the earlier P0 answered a submission sent with
// "wait": true with that stream itself (Behavior.CommandWait). Requests
// stay pending until a test decides them (DecideAccessRequest), or until
// Behavior.ApproveAfter.

// commandVerbs are the commands the API accepts as argv[0].
var commandVerbs = []string{"request", "grant", "allow"}

// Access request statuses the mock gives.
const (
	statusPending  = "PENDING_APPROVAL"
	statusApproved = "APPROVED"
	statusDone     = "DONE"
)

// commandState remembers every submitted command and the access requests
// they made.
type commandState struct {
	submitted []p0.CommandRequest
	// seen holds the requestKey of every submission, to tell a repeat of an
	// earlier request from a new one.
	seen     map[string]bool
	requests map[string]*accessRequest // by id
	order    []string                  // ids, in submission order
}

// accessRequest is one request and where it stands.
type accessRequest struct {
	id, status, message string
	// changed is closed, and replaced, at every change of status.
	changed chan struct{}
	// polls counts the polls of the request (see Behavior.PollDrops).
	polls int
}

func newCommandState() commandState {
	return commandState{seen: map[string]bool{}, requests: map[string]*accessRequest{}}
}

func (s *Server) submitCommand(req *apiRequest) (reply, error) {
	var command p0.CommandRequest
	if err := req.decode(&command); err != nil {
		return reply{}, err
	}
	if command.ScriptName != p0.CommandScriptName {
		return reply{}, badRequest("scriptName must be %q; got %q", p0.CommandScriptName, command.ScriptName)
	}
	if len(command.Argv) == 0 {
		return reply{}, badRequest("argv must not be empty")
	}
	if verb := command.Argv[0]; !slices.Contains(commandVerbs, verb) {
		return reply{}, badRequest("unknown command %q; expected one of %s", verb, strings.Join(commandVerbs, ", "))
	}

	commands := &s.state.commands
	key := requestKey(command.Argv)
	preexisting := commands.seen[key]
	commands.seen[key] = true
	commands.submitted = append(commands.submitted, cloneCommand(command))

	id := s.state.newID("req")
	result := p0.CommandResult{
		OK:            true,
		Message:       "Access request " + id + " submitted",
		ID:            id,
		IsPreexisting: preexisting,
		IsPersistent:  slices.Contains(command.Argv, "--persistent"),
	}
	request := &accessRequest{id: id, status: statusPending, changed: make(chan struct{})}
	if result.IsPreexisting || result.IsPersistent {
		request.status = statusDone
	}
	commands.requests[id] = request
	commands.order = append(commands.order, id)
	if after := s.behavior.ApproveAfter; after > 0 && request.status == statusPending {
		time.AfterFunc(after, func() { s.decideIfPending(id, statusApproved, "") })
	}

	if !command.Wait || s.behavior.CommandWait == CommandWaitPlain {
		return respondJSON(result)
	}
	return reply{stream: s.submissionStream(result, request, s.behavior.CommandWait)}, nil
}

// heartbeatEvery is how often a stream says it is alive.
const heartbeatEvery = 100 * time.Millisecond

// heartbeat is the segment by which a stream says it is alive.
var heartbeat = map[string]string{"type": "heartbeat"}

// segmentWriter writes the segments of a stream, one JSON value per line,
// each flushed at once.
type segmentWriter struct{ w http.ResponseWriter }

// startStream begins a streamed answer.
func startStream(w http.ResponseWriter) segmentWriter {
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.WriteHeader(http.StatusOK)
	return segmentWriter{w}
}

// send writes one segment; it reports false once the client is gone.
func (s segmentWriter) send(segment any) bool {
	line, _ := json.Marshal(segment)
	if _, err := s.w.Write(append(line, '\n')); err != nil {
		return false
	}
	return http.NewResponseController(s.w).Flush() == nil
}

// data is a data segment carrying v.
func data(v any) map[string]any { return map[string]any{"type": "data", "data": v} }

// submissionStream is the earlier P0's answer to a command sent with
// "wait": a heartbeat, the command's answer, then heartbeats until the
// request is decided (or the client goes), and its state; with
// CommandWaitDrop the connection drops after the answer. It runs without
// the lock.
func (s *Server) submissionStream(result p0.CommandResult, request *accessRequest, form CommandWaitForm) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		stream := startStream(w)
		if !stream.send(heartbeat) || !stream.send(data(result)) {
			return
		}
		if result.IsPreexisting || result.IsPersistent {
			return
		}
		if form == CommandWaitDrop {
			dropConnection(w)
			return
		}
		s.streamUntilDecided(stream, r, request, 0)
	}
}

// pollCommand is GET /command/{id}/poll, today's wait: heartbeats while the
// request is pending, then one data segment with the request's state, and
// the end of the stream. With Behavior.PollEndsAfter the stream ends that
// long after it began, the request still pending, as P0 ends its own after
// about five minutes; the first Behavior.PollDrops polls of each request
// are cut after a heartbeat.
func (s *Server) pollCommand(req *apiRequest) (reply, error) {
	id := req.PathValue("id")
	request, ok := s.state.commands.requests[id]
	if !ok {
		return reply{}, notFound("command %q not found", id)
	}
	request.polls++
	drop := request.polls <= s.behavior.PollDrops
	endAfter := s.behavior.PollEndsAfter
	return reply{stream: func(w http.ResponseWriter, r *http.Request) {
		stream := startStream(w)
		if !stream.send(heartbeat) {
			return
		}
		if drop {
			dropConnection(w)
			return
		}
		s.streamUntilDecided(stream, r, request, endAfter)
	}}, nil
}

// streamUntilDecided sends heartbeats until request is decided, the client
// goes, or endAfter (when not 0) has passed, then the request's state in a
// data segment.
func (s *Server) streamUntilDecided(stream segmentWriter, r *http.Request, request *accessRequest, endAfter time.Duration) {
	var end <-chan time.Time
	if endAfter > 0 {
		end = time.After(endAfter)
	}
	beat := time.NewTicker(heartbeatEvery)
	defer beat.Stop()
	for {
		status, message, changed := s.requestState(request)
		if status != statusPending {
			stream.send(data(requestSegment(request.id, status, message)))
			return
		}
		select {
		case <-changed:
		case <-end:
			stream.send(data(requestSegment(request.id, status, message)))
			return
		case <-beat.C:
			if !stream.send(heartbeat) {
				return
			}
		case <-r.Context().Done():
			return
		}
	}
}

// requestSegment is the data of a segment that says where a request
// stands.
func requestSegment(id, status, message string) map[string]any {
	state := map[string]any{"status": status}
	if message != "" {
		state["error"] = map[string]string{"message": message}
	}
	return map[string]any{"id": id, "request": state}
}

// requestState is where request stands, and the channel its next change
// closes.
func (s *Server) requestState(request *accessRequest) (status, message string, changed <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return request.status, request.message, request.changed
}

// decideIfPending decides request id as DecideAccessRequest does, unless
// it is decided already.
func (s *Server) decideIfPending(id, status, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if request, ok := s.state.commands.requests[id]; ok && request.status == statusPending {
		request.decide(status, message)
	}
}

// decide gives the request status, and wakes the streams waiting on it.
func (r *accessRequest) decide(status, message string) {
	r.status, r.message = status, message
	close(r.changed)
	r.changed = make(chan struct{})
}

// requestKey identifies what a command asks for. The reason is left out:
// asking again for the same access with other words is the same request.
func requestKey(argv []string) string {
	var kept []string
	for i := 0; i < len(argv); i++ {
		switch {
		case argv[i] == "--reason":
			i++ // skip the reason's value too
		case strings.HasPrefix(argv[i], "--reason="):
		default:
			kept = append(kept, argv[i])
		}
	}
	// NUL cannot appear in a command-line argument, so it separates safely.
	return strings.Join(kept, "\x00")
}
