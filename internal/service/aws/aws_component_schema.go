package aws

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Forms of the component settings' ARNs, checked at plan time, and the
// messages of their validators, which follow "Attribute <name> ". The
// partition is open-ended (aws, aws-cn, aws-us-gov, ...).
var (
	accessAnalyzerARNPattern = regexp.MustCompile(`^arn:aws[a-z-]*:access-analyzer:[a-z0-9-]+:[0-9]{12}:analyzer/[A-Za-z0-9_.-]+$`)
	cloudTrailLakeARNPattern = regexp.MustCompile(`^arn:aws[a-z-]*:cloudtrail:[a-z0-9-]+:[0-9]{12}:eventdatastore/[A-Za-z0-9_.-]+$`)
)

const (
	accessAnalyzerARNForm = "must be an IAM Access Analyzer ARN (arn:aws:access-analyzer:<region>:<account_id>:analyzer/<name>)"
	cloudTrailLakeARNForm = "must be a CloudTrail Lake event data store ARN (arn:aws:cloudtrail:<region>:<account_id>:eventdatastore/<id>)"
)

// awsComponentSchema is p0_aws_component's schema.
func awsComponentSchema(ctx context.Context) schema.Schema {
	attributes := awsItemAttributes("to install", map[string]schema.Attribute{
		"label": schema.StringAttribute{
			MarkdownDescription: "Display name of the item in P0. When not set, the label P0 already has is kept " +
				"(none for a new item).",
			Optional:      true,
			Computed:      true,
			Validators:    framework.NonEmpty,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"state": schema.StringAttribute{
			MarkdownDescription: "The item's state in P0; `installed` once applied. An item found in another " +
				"state is installed again in place by the next apply (`state` goes back to `installed`); one " +
				"that is gone is created again.",
			Computed:      true,
			PlanModifiers: []planmodifier.String{planInstalledOnceApplied},
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
				"type": framework.KnownValuesAttribute(p0.AWSLoginTypes, "sign-in through IAM, through AWS IAM Identity Center "+
					"(`idc`, or `merged-idc` for an Identity Center shared with other accounts), or through a "+
					"federated identity provider."),
				"identity": schema.SingleNestedAttribute{
					MarkdownDescription: "How P0 finds a user's AWS identity. Required for `iam` and `idc` sign-in; " +
						"P0 may hold none with `merged-idc` or `federated`.",
					Optional: true,
					Attributes: map[string]schema.Attribute{
						"type": framework.KnownValuesAttribute(p0.AWSLoginIdentityTypes, "by the user's email address, or by an IAM "+
							"tag named by `tag_name`."),
						"tag_name": framework.OptionalStringAttribute("Name of the IAM tag that holds the user's identity. " +
							"Required when `type` is `tag`, and only allowed then."),
					},
				},
			},
		},
	})
	return schema.Schema{
		MarkdownDescription: "Installs one item of a component of P0's AWS integration. Create stages the item " +
			"if it does not exist, asks P0 to verify the AWS side if it is staged, then configures it; an " +
			"interrupted create resumes where it stopped. The AWS side (the IAM role that " +
			"`p0_aws_component_staged` describes) must exist before verification, so make this resource depend " +
			"on it. A role created moments earlier, in the same apply, may not be usable by P0 yet: while P0 " +
			"refuses the verification, the provider tries again with growing waits for up to 2 minutes, so one " +
			"apply installs the component; a role still refused then is most likely wrong or missing, and the " +
			"error says what P0 found. To wait longer, set `timeouts { create = \"15m\" }`, which then bounds " +
			"the wait instead (and `update` for an item installed again). Changing `label`, " +
			"`access_analyzer_arn`, `cloud_lake_arn` or `login` reconfigures the item in place; fields P0 holds " +
			"in the item that this resource does not model are sent back with the configuration, so they are " +
			"kept.\n\n" +
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

// noTimeouts is the value of a timeouts block left out, as an object found
// by a query has it, of the block's own type.
func noTimeouts(ctx context.Context) timeouts.Value {
	blockType, ok := awsComponentTimeoutsBlock(ctx).Type().(attr.TypeWithAttributeTypes)
	if !ok {
		panic("the timeouts block's type has no attribute types") // a programming error every query test catches
	}
	return timeouts.Value{Object: types.ObjectNull(blockType.AttributeTypes())}
}

func (r *awsComponentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = framework.Typed(awsComponentSchema(ctx))
}

func (r *awsComponentResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = awsItemIdentitySchema
}

// installedOnceApplied plans `state` as what every apply of an existing
// item ends in: installed. An item that fell back out of installed in P0
// (Read keeps it in state as it found it) then shows as an update, which
// installs it again and keeps the record of who staged it. A new item's
// state stays unknown until it is created.
type installedOnceApplied struct{ framework.Described }

var planInstalledOnceApplied = installedOnceApplied{"An existing item is planned as installed."}

func (installedOnceApplied) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() {
		return
	}
	resp.PlanValue = types.StringValue(p0.StateInstalled)
}
