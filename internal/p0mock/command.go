package p0mock

import (
	"slices"
	"strings"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The Command API: submitting a P0 CLI command, such as an access request,
// as if typed at the p0 command line.

// commandVerbs are the commands the API accepts as argv[0].
var commandVerbs = []string{"request", "grant", "allow"}

// commandState remembers every submitted command.
type commandState struct {
	submitted []p0.CommandRequest
	// seen holds the requestKey of every submission, to tell a repeat of an
	// earlier request from a new one.
	seen map[string]bool
}

func newCommandState() commandState {
	return commandState{seen: map[string]bool{}}
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
	return respondJSON(p0.CommandResult{
		OK:            true,
		Message:       "Access request " + id + " submitted",
		ID:            id,
		IsPreexisting: preexisting,
		IsPersistent:  slices.Contains(command.Argv, "--persistent"),
	})
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
