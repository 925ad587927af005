package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// What a rule's name and disabled flag are, for the resource, which adds
// what configuring them does, and for the rules the p0_routing_workflow
// data source reads.
const (
	ruleNameDescription     = "Human-readable name of the rule, unique in the organization."
	ruleDisabledDescription = "Whether P0 skips this rule when evaluating requests."
)

func routingRuleSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "One rule of P0's routing (access request) workflow: who may request access " +
			"(`requestor`), to what (`resource`), and how requests are approved (`approval`). " +
			"Rules are addressed by name.",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute("The rule's name, which identifies it in P0."),
			"name": schema.StringAttribute{
				MarkdownDescription: ruleNameDescription + " Changing it replaces the rule.",
				Required:            true,
				Validators:          nonEmpty,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"disabled": schema.BoolAttribute{
				MarkdownDescription: ruleDisabledDescription + " Defaults to `false`.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(false),
			},
			"requestor": schema.SingleNestedAttribute{
				MarkdownDescription: "Who may make requests under this rule.",
				Required:            true,
				Attributes: map[string]schema.Attribute{
					"type": oneOfAttribute(p0.RequestorTypes, ""),
					"uid":  optionalStringAttribute("The group or user id. Required when `type` is `group` or `user`; not allowed for `any`."),
				},
			},
			"resource": schema.SingleNestedAttribute{
				MarkdownDescription: "What may be requested under this rule.",
				Required:            true,
				Attributes: map[string]schema.Attribute{
					"type":    oneOfAttribute(p0.ResourceTypes, "`any` is every resource, `integration` the resources of one integration."),
					"service": optionalStringAttribute("The integration's service, for example `aws`. Required when `type` is `integration`; not allowed for `any`."),
					"filters": schema.MapNestedAttribute{
						MarkdownDescription: "Filters that narrow the integration's resources, keyed by filter name. Only with `type = \"integration\"`.",
						Optional:            true,
						Validators:          []validator.Map{mapvalidator.SizeAtLeast(1)},
						NestedObject: schema.NestedAttributeObject{
							Attributes: map[string]schema.Attribute{
								"effect": oneOfAttribute(p0.FilterEffects, ""),
								"key":    optionalStringAttribute("The property the filter looks at."),
								"value": schema.BoolAttribute{
									MarkdownDescription: "The boolean value the property must have.",
									Optional:            true,
								},
								"pattern": optionalStringAttribute("A pattern the property must match."),
							},
						},
					},
				},
			},
			"approval": schema.ListNestedAttribute{
				MarkdownDescription: "The approval steps, at least one.",
				Required:            true,
				Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"type":             oneOfAttribute(p0.ApprovalTypes, ""),
						"directory":        optionalStringAttribute("The directory that holds the approvers, for example `okta` or `azure-ad`."),
						"integration":      optionalStringAttribute("The integration that performs or notifies the approval, for example `slack` or `pagerduty`."),
						"profile_property": optionalStringAttribute("The requestor profile property naming the approver, for `requestor-profile` approvals."),
						"services": schema.ListAttribute{
							MarkdownDescription: "Services the approval step applies to; at least one when set.",
							Optional:            true,
							ElementType:         types.StringType,
							Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
						},
						"options": schema.SingleNestedAttribute{
							MarkdownDescription: "Options of the approval step. Unset options keep P0's defaults.",
							Optional:            true,
							Attributes: map[string]schema.Attribute{
								"allow_one_party": schema.BoolAttribute{
									MarkdownDescription: "Whether requestors may approve their own requests.",
									Optional:            true,
								},
								"require_reason": schema.BoolAttribute{
									MarkdownDescription: "Whether requestors must give a reason.",
									Optional:            true,
								},
								"cooldown": schema.Int64Attribute{
									MarkdownDescription: "Cooldown before the approval can be used again, as P0 counts it.",
									Optional:            true,
									Validators:          []validator.Int64{int64validator.AtLeast(0)},
								},
								"duration": schema.Int64Attribute{
									MarkdownDescription: "How long the approval lasts, as P0 counts it. P0 stores `0` too.",
									Optional:            true,
									Validators:          []validator.Int64{int64validator.AtLeast(0)},
								},
							},
						},
					},
				},
			},
		},
	}
}

func (r *routingRuleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = routingRuleSchema()
}

func (r *routingRuleResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(map[string]string{"name": ruleNameDescription})
}
