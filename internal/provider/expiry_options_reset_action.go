package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
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
	op := a.start(&resp.Diagnostics, "Unable to Reset Expiry Options")
	if op.failed() {
		return
	}
	progress(resp, "Resetting the expiry options of organization %q to P0's presets", a.client.Org())
	options, err := a.client.ResetExpiryOptions(ctx)
	if err != nil {
		op.apiError("resetting the expiry options", err)
		return
	}
	offered := make([]string, 0, len(options))
	for _, o := range options {
		offered = append(offered, o.Value)
	}
	progress(resp, "P0 now offers %d expiry options: %s", len(options), strings.Join(offered, ", "))
}
