package install

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestKeepSendsBackWhatItDoesNotManageAndClearsWhatItLeavesOut checks what
// a write sends beside the configuration: what P0 holds that the resource
// does not manage, at every depth; null for a managed field the
// configuration leaves out, and for the fields of a nested object's old
// kind, so that a P0 that merges writes clears them; nothing in place of
// what P0 generates.
func TestKeepSendsBackWhatItDoesNotManageAndClearsWhatItLeavesOut(t *testing.T) {
	held := p0.Object{
		"label":      json.RawMessage(`"prod"`),
		"tier":       json.RawMessage(`"gold"`),
		"generated":  json.RawMessage(`"by-p0"`),
		"credential": json.RawMessage(`{"type":"oauth","grant":{"type":"authorization_code"},"note":"n"}`),
		"hosting":    json.RawMessage(`{"type":"aws","arn":"a","extra":1}`),
	}
	body := NewBody().
		String("label", types.StringNull(), Omit).
		Owns("generated").
		Object("credential", func(c *Body) { c.Set("type", "aws").String("provider", types.StringValue("ci"), Omit) }).
		Object("hosting", func(h *Body) { h.Set("type", "aws").String("arn", types.StringValue("b"), Omit) })
	kept, _ := body.Keep(held)
	got, err := json.Marshal(kept)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"credential":{"grant":null,"note":null,"provider":"ci","type":"aws"},` +
		`"hosting":{"arn":"b","extra":1,"type":"aws"},"label":null,"tier":"gold"}`
	if string(got) != want {
		t.Errorf("sent %s\nwant %s", got, want)
	}
}
