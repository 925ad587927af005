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
// as if typed at the p0 command line; with "wait": true, P0 answers with a
// stream that lasts until the request is decided (design.md, "Waiting for
// approval"). Requests stay pending until a test decides them
// (DecideAccessRequest), or until Behavior.ApproveAfter.

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

	if !command.Wait || s.behavior.CommandWait == CommandWaitPlain {
		return respondJSON(result)
	}
	return reply{stream: s.streamDecision(result, request, s.behavior)}, nil
}

// heartbeatEvery is how often a stream says it is alive.
const heartbeatEvery = 100 * time.Millisecond

// streamDecision is the answer to a command sent with "wait": a
// heartbeat, the command's answer, then heartbeats until the request is
// decided (or the client goes), and its state. It runs without the lock.
func (s *Server) streamDecision(result p0.CommandResult, request *accessRequest, behavior Behavior) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		w.WriteHeader(http.StatusOK)
		send := func(segment any) bool {
			line, _ := json.Marshal(segment)
			if _, err := w.Write(append(line, '\n')); err != nil {
				return false
			}
			return http.NewResponseController(w).Flush() == nil
		}
		heartbeat := map[string]string{"type": "heartbeat"}
		if !send(heartbeat) || !send(map[string]any{"type": "data", "data": result}) {
			return
		}
		if result.IsPreexisting || result.IsPersistent {
			return
		}
		if behavior.CommandWait == CommandWaitDrop {
			dropConnection(w)
			return
		}
		var approve <-chan time.Time
		if behavior.ApproveAfter > 0 {
			approve = time.After(behavior.ApproveAfter)
		}
		beat := time.NewTicker(heartbeatEvery)
		defer beat.Stop()
		for {
			status, message, changed := s.requestState(request)
			if status != statusPending {
				state := map[string]any{"status": status}
				if message != "" {
					state["error"] = map[string]string{"message": message}
				}
				send(map[string]any{"type": "data", "data": map[string]any{"request": state}})
				return
			}
			select {
			case <-changed:
			case <-approve:
				s.DecideAccessRequest(request.id, statusApproved, "")
			case <-beat.C:
				if !send(heartbeat) {
					return
				}
			case <-r.Context().Done():
				return
			}
		}
	}
}

// requestState is where request stands, and the channel its next change
// closes.
func (s *Server) requestState(request *accessRequest) (status, message string, changed <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return request.status, request.message, request.changed
}

// getPermissionRequest is GET /permission-requests/{id}: the request's
// status, and P0's reason for it.
func (s *Server) getPermissionRequest(req *apiRequest) (reply, error) {
	id := req.PathValue("id")
	request, ok := s.state.commands.requests[id]
	if !ok {
		return reply{}, notFound("permission request %q not found", id)
	}
	answer := map[string]any{"id": request.id, "status": request.status}
	if request.message != "" {
		answer["error"] = map[string]string{"message": request.message}
	}
	return respondJSON(answer)
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
