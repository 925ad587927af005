package p0mock

import (
	"net/http"
	"testing"
)

func TestCommandsAccessorCopies(t *testing.T) {
	h := newHarness(t)
	expectStatus(t, h.do(http.MethodPost, commandPath, `{"argv":["request","aws"],"scriptName":"p0"}`), http.StatusOK)
	commands := h.server.Commands()
	commands[0].Argv[1] = "gcp"
	if got := h.server.Commands()[0].Argv[1]; got != "aws" {
		t.Errorf("stored argv changed through a copy: %q", got)
	}
}
