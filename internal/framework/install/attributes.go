package install

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The attribute shapes of the install resources' schemas, which follow P0's
// own provider's schemas (p0-integrations.md): names, types, flags and
// defaults as its users write them.

// Required is a required string. An identifier P0 addresses the item by
// forces replacement (see Key).
func Required(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Required: true, Validators: validators}
}

// Key is a required string whose change replaces the object: the item's
// id, or a setting P0 takes only when the item is created.
func Key(description string, validators ...validator.String) schema.StringAttribute {
	a := Required(description, validators...)
	a.PlanModifiers = []planmodifier.String{stringplanmodifier.RequiresReplace()}
	return a
}

// Optional is an optional string, sent only where set.
func Optional(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Optional: true, Validators: validators}
}

// OptionalComputed is an optional string that P0 gives a value of its own
// when the configuration leaves it out (a label).
func OptionalComputed(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Optional: true, Computed: true,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
}

// Default is an optional string that is value when left out.
func Default(description, value string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description + " Defaults to `" + value + "`.", Optional: true, Computed: true,
		Default: stringdefault.StaticString(value), Validators: validators}
}

// BoolDefault is an optional boolean that is value when left out.
func BoolDefault(description string, value bool) schema.BoolAttribute {
	text := "`false`"
	if value {
		text = "`true`"
	}
	return schema.BoolAttribute{MarkdownDescription: description + " Defaults to " + text + ".", Optional: true, Computed: true,
		Default: booldefault.StaticBool(value)}
}

// Computed is a string P0 gives, which does not change once given.
func Computed(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Computed: true,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
}

// ComputedBool is a boolean P0 gives, which does not change once given.
func ComputedBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: description, Computed: true,
		PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}}
}

// ComputedList is a list of strings P0 gives, which does not change once
// given.
func ComputedList(description string) schema.ListAttribute {
	return schema.ListAttribute{MarkdownDescription: description, Computed: true, ElementType: types.StringType,
		PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()}}
}

// ComputedObject is an object P0 gives, which does not change once given.
func ComputedObject(description string, attributes map[string]schema.Attribute) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{MarkdownDescription: description, Computed: true, Attributes: attributes,
		PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}}
}

// State is an item's state in P0. An installed resource plans an existing
// item as installed, which every apply leaves it: one that fell back out
// of installed shows as an update that installs it again.
func State(installed bool) schema.StringAttribute {
	a := schema.StringAttribute{
		MarkdownDescription: "The item's state in P0: `stage` once staged, `configure` once P0 has verified the other " +
			"side, `installed` once configured.",
		Computed: true,
	}
	if installed {
		a.PlanModifiers = []planmodifier.String{PlanInstalledOnceApplied}
	}
	return a
}

// installedOnceApplied plans `state` as what every apply of an existing
// item ends in: installed. An item that fell back out of installed in P0
// (Read keeps it in state as it found it) then shows as an update, which
// installs it again and keeps the record of who staged it. A new item's
// state stays unknown until it is created.
type installedOnceApplied struct{ framework.Described }

// PlanInstalledOnceApplied is installedOnceApplied.
var PlanInstalledOnceApplied planmodifier.String = installedOnceApplied{"An existing item is planned as installed."}

func (installedOnceApplied) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() {
		return
	}
	resp.PlanValue = types.StringValue(p0.StateInstalled)
}

// Formats that P0's own provider checks, and the messages of their
// validators, which follow "Attribute <name> ".
var (
	AccountID           = Matches(`^[0-9]{12}$`, "must be a 12-digit AWS account ID")
	NumericAccountID    = Matches(`^[0-9]+$`, "must be an AWS account ID, in digits")
	UUID                = Matches(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`, "must be a UUID")
	GCPProjectID        = Matches(`^[A-Za-z0-9-]+$`, "must be a GCP project ID: letters, digits and hyphens")
	GCPOrganizationID   = Matches(`^[0-9]+$`, "must be a GCP organization ID, in digits")
	VPCID               = Matches(`^vpc-[a-f0-9]{8,17}$`, "must be a VPC ID, vpc-xxxxxxxx")
	AWSRegion           = Matches(`^[a-z]{2}(-gov)?-[a-z]+-[0-9]+$`, "must be an AWS region, such as us-east-1")
	HTTPS               = Matches(`^https://\S+$`, "must be a URL that begins with https://")
	URL                 = Matches(`^https?://\S+$`, "must be a URL")
	AzureRoleID         = Matches(`^/subscriptions/[^/]+/providers/Microsoft\.Authorization/roleDefinitions/[^/]+$`, "must be a role definition resource ID, /subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<guid>")
	AzureBastionID      = Matches(`^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.Network/bastionHosts/[^/]+$`, "must be a Bastion host resource ID, /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/bastionHosts/<name>")
	AzureVirtualMachine = Matches(`^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.Compute/virtualMachines/[^/]+$`, "must be a virtual machine resource ID, /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<name>")
	AzureFunctionApp    = Matches(`^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.Web/sites/[^/]+$`, "must be a Function App resource ID, /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Web/sites/<name>")
	RDSInstanceARN      = Matches(`^arn:aws[a-z-]*:rds:[a-z0-9-]+:[0-9]{12}:(db|cluster):[A-Za-z0-9-]+$`, "must be an AWS RDS instance ARN, arn:aws:rds:<region>:<account_id>:db:<name>")
	S3BucketName        = Matches(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`, "must be a valid S3 bucket DNS name (lowercase letters, numbers, dots, and hyphens)")
	OktaAppID           = Matches(`^0o\w+$`, "must be an Okta app ID, which starts with 0o")
	DatadogIntake       = Matches(`^https://http-intake\.logs\.\S+$`, "must have the form https://http-intake.logs.<site> (for example https://http-intake.logs.datadoghq.com)")
	Port                = Matches(`^([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$`, "must be a port number, 1 to 65535")
)

// Matches is a validator of a format, with its message.
func Matches(pattern, message string) validator.String {
	return stringvalidator.RegexMatches(regexp.MustCompile(pattern), message)
}

// ExactlyOneOf is the check that the configuration sets exactly one of
// the attributes names, each the kind of the object: "azure_bastion" or
// "jump_host". An unknown one passes, and is checked again once known.
func ExactlyOneOf(names ...string) func(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
	return func(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
		var set, unknown []string
		for _, name := range names {
			switch {
			case framework.IsSet[attr.Value](ctx, config, path.Root(name)):
				set = append(set, name)
			case !framework.IsNull(ctx, config, path.Root(name)):
				unknown = append(unknown, name)
			}
		}
		switch {
		case len(set) > 1:
			diags.AddAttributeError(path.Root(set[1]), "Invalid Attribute Combination",
				fmt.Sprintf("Set exactly one of %s: %s and %s are both set.", strings.Join(names, ", "), set[0], set[1]))
		case len(set) == 0 && len(unknown) == 0:
			diags.AddAttributeError(path.Root(names[0]), "Missing Required Attribute",
				fmt.Sprintf("Set exactly one of %s.", strings.Join(names, ", ")))
		}
	}
}
