package settings

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// expiryOptionsResetAction resets the expiry options to P0's presets.
type expiryOptionsResetAction struct{ framework.ActionBase }

// NewExpiryOptionsResetAction returns the p0_expiry_options_reset action.
func NewExpiryOptionsResetAction() action.Action {
	return &expiryOptionsResetAction{framework.ActionNamed("expiry_options_reset")}
}

var (
	_ action.ActionWithConfigure = (*expiryOptionsResetAction)(nil)
)

func (a *expiryOptionsResetAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Resets the organization's expiry options to P0's presets: every custom option is " +
			"removed and the presets come back.\n\n" +
			"~> **Managed options drift.** A `p0_expiry_option` that is not one of P0's presets no longer exists " +
			"after the reset, so the next plan creates it again; one that is a preset stays. Reset before " +
			"applying the options the configuration keeps, or trigger it from the resource that should follow it.",
	}
}

func (a *expiryOptionsResetAction) Invoke(ctx context.Context, _ action.InvokeRequest, resp *action.InvokeResponse) {
	op := a.Start(&resp.Diagnostics, "Unable to Reset Expiry Options")
	if op.Failed() {
		return
	}
	framework.Progress(resp, "Resetting the expiry options of organization %q to P0's presets", a.Client.Org())
	options, err := a.Client.ResetExpiryOptions(ctx)
	if err != nil {
		op.APIError("resetting the expiry options", err)
		return
	}
	offered := make([]string, 0, len(options))
	for _, o := range options {
		offered = append(offered, o.Value)
	}
	framework.Progress(resp, "P0 now offers %d expiry options: %s", len(options), strings.Join(offered, ", "))
}
