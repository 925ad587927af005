package provider

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

var (
	_ resource.ResourceWithConfigure      = (*awsComponentResource)(nil)
	_ resource.ResourceWithImportState    = (*awsComponentResource)(nil)
	_ resource.ResourceWithValidateConfig = (*awsComponentResource)(nil)
)

// defaultAWSComponentTimeout bounds create, update and delete when the
// timeouts block does not. One request may spend minutes in retries when
// P0 throttles, so the bound is generous.
const defaultAWSComponentTimeout = 10 * time.Minute

// rollbackTimeout bounds undoing the stage of a create that failed.
const rollbackTimeout = 2 * time.Minute

// Enumerations of the iam-write login settings.
var (
	awsLoginTypes         = []string{"iam", "idc", "merged-idc", "federated"}
	awsLoginIdentityTypes = []string{"email", "tag"}
)

// awsComponentSettings pairs each component-specific attribute with the one
// component that requires it; every other component refuses it.
var awsComponentSettings = []struct{ attribute, component string }{
	{"access_analyzer_arn", p0.ComponentIAMAssessment},
	{"cloud_lake_arn", p0.ComponentAccessLogs},
	{"login", p0.ComponentIAMWrite},
}

// awsComponentResource installs one item of an AWS integration component:
// stage, verify and configure, each skipped when already done.
type awsComponentResource struct {
	client *p0.Client
}

// NewAWSComponentResource returns the p0_aws_component resource.
func NewAWSComponentResource() resource.Resource {
	return &awsComponentResource{}
}

// awsComponentModel is p0_aws_component's state.
type awsComponentModel struct {
	awsItemTarget
	Label             types.String   `tfsdk:"label"`
	State             types.String   `tfsdk:"state"`
	AccessAnalyzerARN types.String   `tfsdk:"access_analyzer_arn"`
	CloudLakeARN      types.String   `tfsdk:"cloud_lake_arn"`
	Login             *awsLoginModel `tfsdk:"login"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

type awsLoginModel struct {
	Type     types.String          `tfsdk:"type"`
	Identity awsLoginIdentityModel `tfsdk:"identity"`
}

type awsLoginIdentityModel struct {
	Type    types.String `tfsdk:"type"`
	TagName types.String `tfsdk:"tag_name"`
}

// awsItemFromModel is the configuration to send for a planned item. A label
// not known yet (left to P0) is not sent.
func awsItemFromModel(m awsComponentModel) p0.AWSItem {
	item := p0.AWSItem{
		Label:             m.Label.ValueString(),
		AccessAnalyzerArn: m.AccessAnalyzerARN.ValueString(),
		CloudLakeArn:      m.CloudLakeARN.ValueString(),
	}
	if m.Login != nil {
		item.Login = &p0.AWSLogin{
			Type: m.Login.Type.ValueString(),
			Identity: p0.AWSLoginIdentity{
				Type:    m.Login.Identity.Type.ValueString(),
				TagName: m.Login.Identity.TagName.ValueString(),
			},
		}
	}
	return item
}

// componentModel maps P0's item to the state of the resource that targets
// it, keeping the timeouts, which P0 knows nothing of.
func componentModel(target awsItemTarget, item p0.AWSItem, t timeouts.Value) awsComponentModel {
	m := awsComponentModel{
		awsItemTarget:     target,
		Label:             optionalString(item.Label),
		State:             types.StringValue(item.State),
		AccessAnalyzerARN: optionalString(item.AccessAnalyzerArn),
		CloudLakeARN:      optionalString(item.CloudLakeArn),
		Timeouts:          t,
	}
	if item.Login != nil {
		m.Login = &awsLoginModel{
			Type: types.StringValue(item.Login.Type),
			Identity: awsLoginIdentityModel{
				Type:    types.StringValue(item.Login.Identity.Type),
				TagName: optionalString(item.Login.Identity.TagName),
			},
		}
	}
	return m
}

func (r *awsComponentResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_aws_component"
}

func (r *awsComponentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attributes := awsItemTargetAttributes("to install")
	maps.Copy(attributes, map[string]schema.Attribute{
		"label": schema.StringAttribute{
			MarkdownDescription: "Display name of the item in P0. When not set, the label P0 already has is kept " +
				"(none for a new item).",
			Optional:      true,
			Computed:      true,
			Validators:    nonEmpty,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"state": schema.StringAttribute{
			MarkdownDescription: "The item's state in P0; `installed` once applied. An item found in another " +
				"state (or gone) is installed again by the next apply.",
			Computed:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"access_analyzer_arn": schema.StringAttribute{
			MarkdownDescription: "ARN of the account's IAM Access Analyzer " +
				"(`arn:aws:access-analyzer:<region>:<account_id>:analyzer/<name>`). Required for `iam-assessment`, " +
				"and only allowed there.",
			Optional:   true,
			Validators: []validator.String{stringvalidator.RegexMatches(accessAnalyzerARNPattern, accessAnalyzerARNForm)},
		},
		"cloud_lake_arn": schema.StringAttribute{
			MarkdownDescription: "ARN of the CloudTrail Lake event data store P0 reads access logs from " +
				"(`arn:aws:cloudtrail:<region>:<account_id>:eventdatastore/<id>`). Required for `access-logs`, " +
				"and only allowed there.",
			Optional:   true,
			Validators: []validator.String{stringvalidator.RegexMatches(cloudTrailLakeARNPattern, cloudTrailLakeARNForm)},
		},
		"login": schema.SingleNestedAttribute{
			MarkdownDescription: "How users sign in to the account, so that P0 can grant them access. " +
				"Required for `iam-write`, and only allowed there.",
			Optional: true,
			Attributes: map[string]schema.Attribute{
				"type": schema.StringAttribute{
					MarkdownDescription: "One of `" + strings.Join(awsLoginTypes, "`, `") + "`: sign-in through IAM, " +
						"through AWS IAM Identity Center (`idc`, or `merged-idc` for an Identity Center shared with " +
						"other accounts), or through a federated identity provider.",
					Required:   true,
					Validators: []validator.String{stringvalidator.OneOf(awsLoginTypes...)},
				},
				"identity": schema.SingleNestedAttribute{
					MarkdownDescription: "How P0 finds a user's AWS identity.",
					Required:            true,
					Attributes: map[string]schema.Attribute{
						"type": schema.StringAttribute{
							MarkdownDescription: "`email` (by the user's email address) or `tag` (by an IAM tag, named by `tag_name`).",
							Required:            true,
							Validators:          []validator.String{stringvalidator.OneOf(awsLoginIdentityTypes...)},
						},
						"tag_name": schema.StringAttribute{
							MarkdownDescription: "Name of the IAM tag that holds the user's identity. Required when " +
								"`type` is `tag`, and only allowed then.",
							Optional:   true,
							Validators: nonEmpty,
						},
					},
				},
			},
		},
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "Installs one item of a component of P0's AWS integration. Create stages the item " +
			"if it does not exist, asks P0 to verify the AWS side if it is staged, then configures it; an " +
			"interrupted create resumes where it stopped. The AWS side (the IAM role that " +
			"`p0_aws_component_staged` describes) must exist before verification, so make this resource depend " +
			"on it. A role created moments earlier, in the same apply, may not be usable by P0 yet: while P0 " +
			"refuses the verification, the provider tries again with growing waits until `timeouts.create` " +
			"(10 minutes by default) runs out, so one apply installs the component. Changing `label`, " +
			"`access_analyzer_arn`, `cloud_lake_arn` or `login` reconfigures the item in place.\n\n" +
			"Destroying the resource uninstalls what it installed and keeps what the configuration keeps. When " +
			"this resource staged the item itself, the item is deleted. When the item was already staged (by a " +
			"`p0_aws_component_staged`, which stays), it is put back in stage with its metadata, so that the " +
			"staged resource and the IAM role built from it see no change; P0 has no way to uninstall an item " +
			"in place, so this deletes the item and stages it again. An imported `p0_aws_component` does not " +
			"know who staged its item and is treated like the second case: destroy the " +
			"`p0_aws_component_staged` too (or remove the item in P0) to remove the item.",
		Attributes: attributes,
		Blocks:     map[string]schema.Block{"timeouts": awsComponentTimeoutsBlock(ctx)},
	}
}

// awsComponentTimeoutsBlock is the timeouts block with descriptions that
// give the defaults.
func awsComponentTimeoutsBlock(ctx context.Context) schema.Block {
	const form = " A duration such as `30s`, `10m` or `1h30m`; defaults to `10m`."
	block := timeouts.Block(ctx, timeouts.Opts{
		Create: true,
		Update: true,
		Delete: true,
		CreateDescription: "How long installing may take: staging, verification (including the wait for AWS " +
			"to make a new role usable), configuration and the final read." + form,
		UpdateDescription: "How long reconfiguring may take." + form,
		DeleteDescription: "How long removing the item may take." + form,
	})
	nested, ok := block.(schema.SingleNestedBlock)
	if !ok {
		panic(fmt.Sprintf("timeouts.Block returned %T, not a SingleNestedBlock", block))
	}
	nested.MarkdownDescription = "Time limits for the operations that talk to P0, including retries."
	return nested
}

func (r *awsComponentResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ValidateConfig checks the rules that span attributes: the identifier and
// the settings each component takes. Unknown values are skipped.
func (r *awsComponentResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if component, ok := validateAWSItemTarget(ctx, req, resp); ok {
		for _, s := range awsComponentSettings {
			requireOrForbid(ctx, req.Config, resp, path.Root(s.attribute), component == s.component,
				fmt.Sprintf("%s is required for component %q", s.attribute, s.component),
				fmt.Sprintf("%s is only allowed for component %q, not for %q", s.attribute, s.component, component))
		}
	}
	identity := path.Root("login").AtName("identity")
	if identityType := stringAt(ctx, req.Config, identity.AtName("type")); known(identityType) {
		requireOrForbid(ctx, req.Config, resp, identity.AtName("tag_name"), identityType.ValueString() == "tag",
			"login.identity.tag_name is required when login.identity.type is \"tag\"",
			"login.identity.tag_name is only allowed when login.identity.type is \"tag\"")
	}
}

func (r *awsComponentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	const summary = "Unable to Install AWS Component"
	if r.client == nil {
		addNotConfiguredError(&resp.Diagnostics, summary)
		return
	}
	var plan awsComponentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultAWSComponentTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	// Nothing is saved to state before the item is installed. A create
	// that fails on an item someone else staged is created again by the
	// next apply, which resumes from the state the item was left in; one
	// that fails on an item it staged itself removes it again (see
	// rollBackStage).
	target := plan.withID()
	want := awsItemFromModel(plan)
	stagedHere, ok := r.verifyUnlessDone(ctx, target, &resp.Diagnostics, summary)
	if ok {
		ok = r.configureItem(ctx, target, want, &resp.Diagnostics, summary)
	}
	if !ok {
		if stagedHere {
			r.rollBackStage(ctx, target, &resp.Diagnostics)
		}
		return
	}
	got, err := r.client.GetAWSComponent(ctx, target.Component.ValueString(), target.itemID())
	item := want
	item.State = p0.StateInstalled
	if err != nil {
		// The item is installed as planned; only its read failed, which the
		// next refresh repeats.
		resp.Diagnostics.AddWarning("Unable to Read Installed AWS Component", apiErrorDetail(
			"reading "+target.describe()+" after configuring it", err)+
			"\n\nThe component was installed as configured; the next terraform plan or apply reads it again.")
	} else {
		item = got.Item
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, componentModel(target, item, plan.Timeouts))...)
	resp.Diagnostics.Append(setStagedHere(ctx, resp.Private, stagedHere)...)
}

// rollBackStage deletes an item this create staged before failing, so that
// a failed create leaves P0 as it found it: once the create has failed,
// nothing would remember who staged the item, and a later destroy would
// leave it staged. The next apply stages it anew. The create's own time
// may be spent, so the rollback has time of its own.
func (r *awsComponentResource) rollBackStage(ctx context.Context, target awsItemTarget, diags *diag.Diagnostics) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), rollbackTimeout)
	defer cancel()
	err := r.client.DeleteAWSComponent(ctx, target.Component.ValueString(), target.itemID())
	if err != nil && !errors.Is(err, p0.ErrNotFound) {
		diags.AddWarning("Unable to Remove Staged AWS Component",
			apiErrorDetail("removing "+target.describe()+", which this failed create had staged", err)+
				"\n\nThe item stays staged in P0. The next apply installs it; if the configuration no longer "+
				"wants it, delete it in P0.")
		return
	}
	tflog.Info(ctx, "removed the AWS component item this failed create had staged", map[string]any{"id": target.ID.ValueString()})
}

// verifyUnlessDone brings the item to the configure state or beyond: it
// stages the item if P0 does not have it, and verifies it if it is staged,
// waiting for AWS to make a new role usable. It reports whether it staged
// the item itself, and whether the item is ready to configure.
func (r *awsComponentResource) verifyUnlessDone(ctx context.Context, target awsItemTarget, diags *diag.Diagnostics, summary string) (stagedHere, ok bool) {
	component, itemID := target.Component.ValueString(), target.itemID()
	got, err := r.client.GetAWSComponent(ctx, component, itemID)
	var state string
	switch {
	case errors.Is(err, p0.ErrNotFound):
		// An item found by the stage, absent a moment ago, is most likely
		// an earlier attempt's stage whose answer was lost: ours too.
		if err := stageAWSItem(ctx, r.client, target); err != nil {
			addAPIError(diags, summary, "staging "+target.describe(), err)
			return false, false
		}
		stagedHere, state = true, p0.StateStage
	case err != nil:
		addAPIError(diags, summary, "reading "+target.describe(), err)
		return false, false
	default:
		state = got.Item.State
	}
	if state != p0.StateStage {
		return stagedHere, true
	}
	if err := r.client.VerifyAWSComponentWhenReady(ctx, component, itemID); err != nil {
		diags.AddError(summary, verificationErrorDetail(target, err))
		return stagedHere, false
	}
	return stagedHere, true
}

// verificationErrorDetail explains a failed verification. When P0 refused
// it (rather than failing to answer), P0 kept refusing until the create
// timeout ran out, so the AWS side is not set up as P0 needs, and the
// detail says what must exist.
func verificationErrorDetail(target awsItemTarget, err error) string {
	detail := apiErrorDetail("verifying "+target.describe(), err)
	var apiErr *p0.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode < 400 || apiErr.StatusCode >= 500 ||
		apiErr.StatusCode == http.StatusUnauthorized || apiErr.StatusCode == http.StatusForbidden {
		return detail
	}
	return detail + fmt.Sprintf("\n\nP0 kept refusing the verification until the create timeout ran out, so it is not "+
		"waiting for AWS to catch up: the AWS side is not set up as P0 needs. P0 verifies a component by using the "+
		"IAM role that p0_aws_component_staged describes (its role_name, trust_policy and inline_policy). That role "+
		"must exist in AWS account %s, exactly as described, before P0 can verify component %q. Create or correct "+
		"it, for example with aws_iam_role and aws_iam_role_policy built from the p0_aws_component_staged attributes, "+
		"make this resource depend on them, and apply again: the item stays staged, and installation resumes with "+
		"verification. To wait longer for AWS, raise timeouts.create.",
		target.account(), target.Component.ValueString())
}

// configureItem sends the item's configuration. It reports false after
// adding a diagnostic.
func (r *awsComponentResource) configureItem(ctx context.Context, target awsItemTarget, item p0.AWSItem, diags *diag.Diagnostics, summary string) bool {
	if err := r.client.ConfigureAWSComponent(ctx, target.Component.ValueString(), target.itemID(), item); err != nil {
		addAPIError(diags, summary, "configuring "+target.describe(), err)
		return false
	}
	return true
}

// configure sends the item's configuration and reads the result back. It
// returns nil after adding a diagnostic.
func (r *awsComponentResource) configure(ctx context.Context, target awsItemTarget, item p0.AWSItem, diags *diag.Diagnostics, summary string) *p0.AWSComponentItem {
	if !r.configureItem(ctx, target, item, diags, summary) {
		return nil
	}
	got, err := r.client.GetAWSComponent(ctx, target.Component.ValueString(), target.itemID())
	if err != nil {
		addAPIError(diags, summary, "reading "+target.describe()+" after configuring it", err)
		return nil
	}
	return got
}

func (r *awsComponentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	const summary = "Unable to Read AWS Component"
	if r.client == nil {
		addNotConfiguredError(&resp.Diagnostics, summary)
		return
	}
	var state awsComponentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	target := state.awsItemTarget
	got := readAWSItem(ctx, r.client, target, resp, summary)
	if got == nil {
		return
	}
	if got.Item.State != p0.StateInstalled {
		tflog.Warn(ctx, "AWS component item is no longer installed; removing it from state so that the next apply installs it again",
			map[string]any{"id": target.ID.ValueString(), "state": got.Item.State})
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, componentModel(target, got.Item, state.Timeouts))...)
}

func (r *awsComponentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	const summary = "Unable to Update AWS Component"
	if r.client == nil {
		addNotConfiguredError(&resp.Diagnostics, summary)
		return
	}
	var plan, state awsComponentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	want := awsItemFromModel(plan)
	if sameJSON(want, awsItemFromModel(state)) {
		// Only the timeouts changed: there is nothing to tell P0.
		state.Timeouts = plan.Timeouts
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultAWSComponentTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	target := state.awsItemTarget
	if got := r.configure(ctx, target, want, &resp.Diagnostics, summary); got != nil {
		resp.Diagnostics.Append(resp.State.Set(ctx, componentModel(target, got.Item, plan.Timeouts))...)
	}
}

func (r *awsComponentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state awsComponentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultAWSComponentTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	const summary = "Unable to Delete AWS Component"
	stagedHere, diags := stagedHere(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	target := state.awsItemTarget
	if stagedHere {
		deleteAWSItem(ctx, r.client, target, &resp.Diagnostics, summary)
		return
	}
	r.uninstall(ctx, target, &resp.Diagnostics, summary)
}

// uninstall puts an item that this resource did not stage back in stage,
// with its metadata, so that whatever staged it (a p0_aws_component_staged,
// and the IAM role built from its metadata) sees no change. The documents
// have no way to uninstall an item in place, nor say what a stage of an
// existing item does, so the item is deleted and staged again; P0
// generates the same metadata for the same item.
func (r *awsComponentResource) uninstall(ctx context.Context, target awsItemTarget, diags *diag.Diagnostics, summary string) {
	component, itemID := target.Component.ValueString(), target.itemID()
	err := r.client.DeleteAWSComponent(ctx, component, itemID)
	if err != nil && !errors.Is(err, p0.ErrNotFound) {
		addAPIError(diags, summary, "uninstalling "+target.describe(), err)
		return
	}
	if err := stageAWSItem(ctx, r.client, target); err != nil {
		addAPIError(diags, summary, "staging "+target.describe()+" again after uninstalling it, for the "+
			"p0_aws_component_staged that keeps it", err)
	}
}

// ImportState takes "<component>/<account_id or function_arn>".
func (r *awsComponentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importAWSItem(ctx, req, resp)
}
