package acctest

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TriggeredHCL is a terraform_data whose creation and every change of
// input trigger actions, and the action blocks.
func TriggeredHCL(input string, actions map[string]string) string {
	addresses := make([]string, 0, len(actions))
	blocks := ""
	for _, address := range slices.Sorted(maps.Keys(actions)) {
		addresses = append(addresses, "action."+address)
		kind, name, _ := strings.Cut(address, ".")
		blocks += fmt.Sprintf("action %q %q {\n%s}\n", kind, name, actions[address])
	}
	return fmt.Sprintf(`
resource "terraform_data" "deploy" {
  input = %q
  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [%s]
    }
  }
}
`, input, strings.Join(addresses, ", ")) + blocks
}

// InvokeAction invokes a with a configuration of the given values and
// returns its progress messages and diagnostics.
func InvokeAction(t *testing.T, a action.Action, values map[string]tftypes.Value) ([]string, diag.Diagnostics) {
	t.Helper()
	ctx := context.Background()
	var schemaResp action.SchemaResponse
	a.Schema(ctx, action.SchemaRequest{}, &schemaResp)
	config := tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), values)}
	var messages []string
	resp := action.InvokeResponse{SendProgress: func(e action.InvokeProgressEvent) { messages = append(messages, e.Message) }}
	a.Invoke(ctx, action.InvokeRequest{Config: config}, &resp)
	return messages, resp.Diagnostics
}

// ExpectProgress invokes a with values as its configuration and checks
// the progress messages it sends, which Terraform shows as they come: one
// for each of want, each starting with its text.
func ExpectProgress(t *testing.T, a action.Action, values map[string]tftypes.Value, want ...string) {
	t.Helper()
	messages, diags := InvokeAction(t, a, values)
	if diags.HasError() {
		t.Fatalf("%T: %v", a, diags)
	}
	if len(messages) != len(want) {
		t.Fatalf("%T sent %q, want %q", a, messages, want)
	}
	for i, w := range want {
		if !strings.HasPrefix(messages[i], w) {
			t.Errorf("%T progress %d = %q, want %q", a, i, messages[i], w)
		}
	}
}
