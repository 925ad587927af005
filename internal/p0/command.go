package p0

import (
	"context"
	"net/http"
)

// SubmitCommand runs a p0 command (for example an access request) as if it
// had been typed in P0's CLI.
func (c *Client) SubmitCommand(ctx context.Context, argv []string) (*CommandResult, error) {
	var out CommandResult
	body := CommandRequest{Argv: argv, ScriptName: CommandScriptName}
	if err := c.submit(ctx, http.MethodPost, c.orgPath("command"), body, &out); err != nil {
		return nil, err
	}
	out.hideSecret(c.token)
	return &out, nil
}
