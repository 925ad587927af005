package p0

// CommandScriptName is the only script the Command API runs.
const CommandScriptName = "p0"

// CommandRequest is the body of POST /o/{org}/command.
type CommandRequest struct {
	Argv       []string `json:"argv"`
	ScriptName string   `json:"scriptName"`
	// Wait asks P0 to answer with a stream that lasts until the request is
	// decided (see WaitForAccess).
	Wait bool `json:"wait,omitempty"`
}

// CommandResult is P0's answer to a submitted command.
type CommandResult struct {
	OK            bool   `json:"ok"`
	Message       string `json:"message"`
	ID            string `json:"id"`
	IsPreexisting bool   `json:"isPreexisting"`
	IsPersistent  bool   `json:"isPersistent"`
}

// hideSecret takes secret out of P0's message, which may quote it (a
// proxy before P0 can echo the request's Authorization header).
func (r *CommandResult) hideSecret(secret string) {
	r.Message = hideSecret(r.Message, secret)
}
