package routing

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
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
	s := schema.Schema{
		MarkdownDescription: "One rule of P0's routing (access request) workflow: who may request access " +
			"(`requestor`), to what (`resource`), and how requests are approved (`approval`). " +
			"Rules are addressed by name. Fields P0 holds in a rule that this resource does not model are " +
			"kept: every update sends them back as P0 holds them.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("The rule's name, which identifies it in P0."),
			"name": schema.StringAttribute{
				MarkdownDescription: ruleNameDescription + " Changing it replaces the rule.",
				Required:            true,
				Validators:          framework.NonEmpty,
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
					"type": framework.KnownValuesAttribute(p0.RequestorTypes, "`any` is anyone; a `group` is named by `uid`, "+
						"or by `groups` and `effect`; a `user` by `uid`; an `agentic` requestor by its `agent` and the "+
						"`user` it acts for. Fields of types this resource does not model are kept as P0 holds them, "+
						"until `type` changes."),
					"uid":    framework.OptionalStringAttribute(requestorUIDDescription),
					"groups": groupsAttribute("The groups a `group` requestor is named by, with `effect`; not allowed for `any` or `user`."),
					"effect": framework.OptionalKnownValuesAttribute(p0.GroupEffects, "what `groups` does: `keep` admits their members, `remove` excludes them."),
					"agent":  agentAttribute(),
					"user":   agentUserAttribute(),
				},
			},
			"resource": schema.SingleNestedAttribute{
				MarkdownDescription: "What may be requested under this rule.",
				Required:            true,
				Attributes: map[string]schema.Attribute{
					"type":        framework.KnownValuesAttribute(p0.ResourceTypes, "`any` is every resource, `integration` the resources of one integration."),
					"service":     framework.OptionalStringAttribute("The integration's service, for example `aws` or `ssh`. Required when `type` is `integration`; not allowed for `any`."),
					"access_type": framework.OptionalStringAttribute("The kind of access the rule covers within the integration, for example `all`; not allowed for `any`."),
					"filters": schema.MapNestedAttribute{
						MarkdownDescription: "Filters that narrow the integration's resources, keyed by filter name. Not allowed for `any`.",
						Optional:            true,
						Validators:          []validator.Map{mapvalidator.SizeAtLeast(1)},
						NestedObject: schema.NestedAttributeObject{
							Attributes: map[string]schema.Attribute{
								"effect": framework.KnownValuesAttribute(p0.FilterEffects, ""),
								"key":    framework.OptionalStringAttribute("The property the filter looks at."),
								"value": schema.BoolAttribute{
									MarkdownDescription: "The boolean value the property must have.",
									Optional:            true,
								},
								"pattern": framework.OptionalStringAttribute("A pattern the property must match."),
							},
						},
					},
				},
			},
			"approval": schema.ListNestedAttribute{
				MarkdownDescription: "The approval steps, at least one, in order.",
				Required:            true,
				Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"type":             framework.KnownValuesAttribute(p0.ApprovalTypes, ""),
						"directory":        framework.OptionalStringAttribute("The directory that holds the approvers, for example `okta` or `azure-ad`."),
						"integration":      framework.OptionalStringAttribute("The integration that performs or notifies the approval, for example `slack` or `pagerduty`."),
						"profile_property": framework.OptionalStringAttribute("The requestor profile property naming the approver, for `requestor-profile` approvals."),
						"services": schema.ListAttribute{
							MarkdownDescription: "Services the approval step applies to; at least one when set.",
							Optional:            true,
							ElementType:         types.StringType,
							Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
						},
						"groups": groupsAttribute("The groups whose members approve, for `group` approvals, with `effect`."),
						"effect": framework.OptionalKnownValuesAttribute(p0.GroupEffects, "what `groups` does: `keep` makes their members approvers, `remove` excludes them."),
						"options": schema.SingleNestedAttribute{
							MarkdownDescription: "Options of the approval step, at least one when set. Unset options keep P0's defaults.",
							Optional:            true,
							Validators:          []validator.Object{framework.NotEmptyObject},
							Attributes: map[string]schema.Attribute{
								"allow_one_party":      framework.OptionalBoolAttribute("Whether requestors may approve their own requests."),
								"require_reason":       framework.OptionalBoolAttribute("Whether requestors must give a reason."),
								"cooldown":             framework.CountAttribute("Cooldown before the approval can be used again, as P0 counts it."),
								"duration":             framework.CountAttribute("How long the approval lasts, as P0 counts it. P0 stores `0` too."),
								"require_duration":     framework.OptionalBoolAttribute("Whether requestors must say how long they need the access."),
								"require_preapproval":  framework.OptionalBoolAttribute("Whether the request must be approved before this step, for example by a person before an escalation."),
								"break_glass_approver": framework.OptionalBoolAttribute("Whether this step's approvers may approve in an emergency, bypassing the other steps."),
							},
						},
					},
				},
			},
		},
	}
	return framework.Typed(s)
}

// groupsAttribute is a list of directory groups, as a requestor and an
// approval step name them.
// agentAttribute is an agentic requestor's agent.
func agentAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "For an `agentic` requestor: the agent that may make requests.",
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"type": framework.KnownValuesAttribute(p0.AgentTypes, "`any` agent; an `mcp-client` or `agent-client` by "+
				"`client_id`; the agents of an `agent-owner` (`owner`) or of an owner's groups (`owner-group`: "+
				"`groups` and `effect`); or those an identity `provider` vouches for (`provider_id`, `subject_pattern`)."),
			"client_id":       framework.OptionalStringAttribute("The client's id, for an `mcp-client` or `agent-client`."),
			"owner":           framework.OptionalStringAttribute("The owner whose agents may request, for an `agent-owner`."),
			"provider_id":     framework.OptionalStringAttribute("The identity provider's id, for a `provider`."),
			"subject_pattern": framework.OptionalStringAttribute("The pattern the subject of the provider's tokens matches, for a `provider`."),
			"groups":          groupsAttribute("The groups whose members' agents may request, for an `owner-group`, with `effect`."),
			"effect":          framework.OptionalKnownValuesAttribute(p0.GroupEffects, "what `groups` does: `keep` admits their members' agents, `remove` excludes them."),
		},
	}
}

// agentUserAttribute is the user an agentic requestor's agent acts for.
func agentUserAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "For an `agentic` requestor: the user the agent acts for.",
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"type":   framework.KnownValuesAttribute(p0.AgentUserTypes, "`any` user, a `group` (`groups` and `effect`), a `user` (`uid`), or `none`."),
			"uid":    framework.OptionalStringAttribute("The user's id, for a `user`."),
			"groups": groupsAttribute("The groups the user is in, for a `group`, with `effect`."),
			"effect": framework.OptionalKnownValuesAttribute(p0.GroupEffects, "what `groups` does: `keep` admits their members, `remove` excludes them."),
		},
	}
}

func groupsAttribute(description string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: description + " At least one when set.",
		Optional:            true,
		Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
		NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{
				"directory": framework.OptionalStringAttribute("The directory that holds the group, for example `okta`."),
				"id":        framework.OptionalStringAttribute("The group's id in the directory."),
				"label":     framework.OptionalStringAttribute("The group's name, as P0 shows it."),
			},
		},
	}
}

func (r *routingRuleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = routingRuleSchema()
	resp.Schema.Version = routingRuleSchemaVersion
}

func (r *routingRuleResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IdentitySchema(map[string]string{"name": ruleNameDescription})
}

// requestorUIDDescription describes a requestor's uid, which a group
// needs unless P0 holds it named otherwise (see requireGroupNamed).
const requestorUIDDescription = "The group or user id. Required for a `user`, and for a `group` not named by `groups`, " +
	"unless P0 already holds the rule's group named otherwise (by directory, id and label, as P0's provider 0.15 and " +
	"0.16 wrote it; they are kept); not allowed for `any`."
