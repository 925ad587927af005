package routing

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// routingRuleModel is p0_routing_rule's state.
type routingRuleModel struct {
	ID types.String `tfsdk:"id"`
	routingRuleFields
}

// routingRuleFields are a rule's attributes, shared by the resource and the
// rules of the p0_routing_workflow data source.
type routingRuleFields struct {
	Name      types.String       `tfsdk:"name"`
	Disabled  types.Bool         `tfsdk:"disabled"`
	Requestor *requestorModel    `tfsdk:"requestor"`
	Resource  *ruleResourceModel `tfsdk:"resource"`
	Approval  []approvalModel    `tfsdk:"approval"`
}

type requestorModel struct {
	Type   types.String    `tfsdk:"type"`
	UID    types.String    `tfsdk:"uid"`
	Groups []groupModel    `tfsdk:"groups"`
	Effect types.String    `tfsdk:"effect"`
	Agent  *agentModel     `tfsdk:"agent"`
	User   *agentUserModel `tfsdk:"user"`
}

// agentModel is an agentic requestor's agent.
type agentModel struct {
	Type           types.String `tfsdk:"type"`
	ClientID       types.String `tfsdk:"client_id"`
	Owner          types.String `tfsdk:"owner"`
	ProviderID     types.String `tfsdk:"provider_id"`
	SubjectPattern types.String `tfsdk:"subject_pattern"`
	Groups         []groupModel `tfsdk:"groups"`
	Effect         types.String `tfsdk:"effect"`
}

// agentUserModel is the user an agentic requestor's agent acts for.
type agentUserModel struct {
	Type   types.String `tfsdk:"type"`
	UID    types.String `tfsdk:"uid"`
	Groups []groupModel `tfsdk:"groups"`
	Effect types.String `tfsdk:"effect"`
}

// ownerGroup is the agent type whose groups P0 holds with their effect
// (see p0.AgentGroups).
const ownerGroup = "owner-group"

type ruleResourceModel struct {
	Type       types.String           `tfsdk:"type"`
	Service    types.String           `tfsdk:"service"`
	AccessType types.String           `tfsdk:"access_type"`
	Filters    map[string]filterModel `tfsdk:"filters"`
}

type filterModel struct {
	Effect  types.String `tfsdk:"effect"`
	Key     types.String `tfsdk:"key"`
	Value   types.Bool   `tfsdk:"value"`
	Pattern types.String `tfsdk:"pattern"`
}

type approvalModel struct {
	Type            types.String          `tfsdk:"type"`
	Directory       types.String          `tfsdk:"directory"`
	Integration     types.String          `tfsdk:"integration"`
	ProfileProperty types.String          `tfsdk:"profile_property"`
	Services        []types.String        `tfsdk:"services"`
	Groups          []groupModel          `tfsdk:"groups"`
	Effect          types.String          `tfsdk:"effect"`
	Options         *approvalOptionsModel `tfsdk:"options"`
}

type approvalOptionsModel struct {
	AllowOneParty      types.Bool  `tfsdk:"allow_one_party"`
	RequireReason      types.Bool  `tfsdk:"require_reason"`
	Cooldown           types.Int64 `tfsdk:"cooldown"`
	Duration           types.Int64 `tfsdk:"duration"`
	RequireDuration    types.Bool  `tfsdk:"require_duration"`
	RequirePreapproval types.Bool  `tfsdk:"require_preapproval"`
	BreakGlassApprover types.Bool  `tfsdk:"break_glass_approver"`
}

type groupModel struct {
	Directory types.String `tfsdk:"directory"`
	ID        types.String `tfsdk:"id"`
	Label     types.String `tfsdk:"label"`
}

// ruleFromFields builds the API's rule from known Terraform values. It
// holds only what the provider models; see p0.KeepUnmanaged for the rest.
func ruleFromFields(m routingRuleFields) p0.RoutingRule {
	rule := p0.RoutingRule{
		Name:     m.Name.ValueString(),
		Disabled: m.Disabled.ValueBool(),
		Approval: make([]p0.Approval, 0, len(m.Approval)),
	}
	if m.Requestor != nil {
		rule.Requestor = p0.RuleRequestor{
			Type:   m.Requestor.Type.ValueString(),
			UID:    m.Requestor.UID.ValueString(),
			Groups: groupsFromModel(m.Requestor.Groups),
			Effect: m.Requestor.Effect.ValueString(),
			Agent:  agentFromModel(m.Requestor.Agent),
			User:   agentUserFromModel(m.Requestor.User),
		}
	}
	if m.Resource != nil {
		rule.Resource = p0.RuleResource{
			Type:       m.Resource.Type.ValueString(),
			Service:    m.Resource.Service.ValueString(),
			AccessType: m.Resource.AccessType.ValueString(),
		}
		if m.Resource.Filters != nil {
			rule.Resource.Filters = make(map[string]p0.ResourceFilter, len(m.Resource.Filters))
			for name, f := range m.Resource.Filters {
				rule.Resource.Filters[name] = p0.ResourceFilter{
					Effect:  f.Effect.ValueString(),
					Key:     f.Key.ValueString(),
					Value:   f.Value.ValueBoolPointer(),
					Pattern: f.Pattern.ValueString(),
				}
			}
		}
	}
	for _, a := range m.Approval {
		approval := p0.Approval{
			Type:            a.Type.ValueString(),
			Directory:       a.Directory.ValueString(),
			Integration:     a.Integration.ValueString(),
			ProfileProperty: a.ProfileProperty.ValueString(),
			Services:        framework.StringsFromValues(a.Services),
			Groups:          groupsFromModel(a.Groups),
			Effect:          a.Effect.ValueString(),
		}
		if o := a.Options; o != nil {
			approval.Options = &p0.ApprovalOptions{
				AllowOneParty:      o.AllowOneParty.ValueBoolPointer(),
				RequireReason:      o.RequireReason.ValueBoolPointer(),
				Cooldown:           o.Cooldown.ValueInt64Pointer(),
				Duration:           o.Duration.ValueInt64Pointer(),
				RequireDuration:    o.RequireDuration.ValueBoolPointer(),
				RequirePreapproval: o.RequirePreapproval.ValueBoolPointer(),
				BreakGlassApprover: o.BreakGlassApprover.ValueBoolPointer(),
			}
		}
		rule.Approval = append(rule.Approval, approval)
	}
	return rule
}

func agentFromModel(a *agentModel) *p0.RequestorAgent {
	if a == nil {
		return nil
	}
	agent := &p0.RequestorAgent{
		Type: a.Type.ValueString(), ClientID: a.ClientID.ValueString(), Owner: a.Owner.ValueString(),
		ProviderID: a.ProviderID.ValueString(), SubjectPattern: a.SubjectPattern.ValueString(),
		Groups: p0.AgentGroups{Groups: groupsFromModel(a.Groups)},
	}
	if agent.Type == ownerGroup {
		agent.Groups.Wrapped, agent.Groups.Effect = true, a.Effect.ValueString()
	} else {
		agent.Effect = a.Effect.ValueString()
	}
	return agent
}

func agentUserFromModel(u *agentUserModel) *p0.RequestorUser {
	if u == nil {
		return nil
	}
	return &p0.RequestorUser{Type: u.Type.ValueString(), UID: u.UID.ValueString(), Groups: groupsFromModel(u.Groups), Effect: u.Effect.ValueString()}
}

func groupsFromModel(groups []groupModel) []p0.Group {
	if groups == nil {
		return nil
	}
	out := make([]p0.Group, 0, len(groups))
	for _, g := range groups {
		out = append(out, p0.Group{Directory: g.Directory.ValueString(), ID: g.ID.ValueString(), Label: g.Label.ValueString()})
	}
	return out
}

// fieldsFromRule maps P0's rule to Terraform values. Fields P0 leaves out
// become null, as they are when left out of the configuration, and so do
// approval options that hold nothing the provider models (P0 may hold
// options of its own there, which are kept; see p0.KeepUnmanaged).
func fieldsFromRule(rule p0.RoutingRule) routingRuleFields {
	m := routingRuleFields{
		Name:     types.StringValue(rule.Name),
		Disabled: types.BoolValue(rule.Disabled),
		Requestor: &requestorModel{
			Type:   types.StringValue(rule.Requestor.Type),
			UID:    framework.OptionalString(rule.Requestor.UID),
			Groups: groupsModel(rule.Requestor.Groups),
			Effect: framework.OptionalString(rule.Requestor.Effect),
			Agent:  agentModelOf(rule.Requestor.Agent),
			User:   agentUserModelOf(rule.Requestor.User),
		},
		Resource: &ruleResourceModel{
			Type:       types.StringValue(rule.Resource.Type),
			Service:    framework.OptionalString(rule.Resource.Service),
			AccessType: framework.OptionalString(rule.Resource.AccessType),
		},
		Approval: make([]approvalModel, 0, len(rule.Approval)),
	}
	if len(rule.Resource.Filters) > 0 {
		m.Resource.Filters = make(map[string]filterModel, len(rule.Resource.Filters))
		for name, f := range rule.Resource.Filters {
			m.Resource.Filters[name] = filterModel{
				Effect:  types.StringValue(f.Effect),
				Key:     framework.OptionalString(f.Key),
				Value:   types.BoolPointerValue(f.Value),
				Pattern: framework.OptionalString(f.Pattern),
			}
		}
	}
	for _, a := range rule.Approval {
		approval := approvalModel{
			Type:            types.StringValue(a.Type),
			Directory:       framework.OptionalString(a.Directory),
			Integration:     framework.OptionalString(a.Integration),
			ProfileProperty: framework.OptionalString(a.ProfileProperty),
			Services:        framework.ValuesFromStrings(a.Services),
			Groups:          groupsModel(a.Groups),
			Effect:          framework.OptionalString(a.Effect),
			Options:         optionsModel(a.Options),
		}
		m.Approval = append(m.Approval, approval)
	}
	return m
}

// agentModelOf maps an agentic requestor's agent; an owner-group agent's
// effect is its groups'.
func agentModelOf(a *p0.RequestorAgent) *agentModel {
	if a == nil {
		return nil
	}
	effect := a.Effect
	if a.Groups.Wrapped {
		effect = a.Groups.Effect
	}
	return &agentModel{
		Type: types.StringValue(a.Type), ClientID: framework.OptionalString(a.ClientID), Owner: framework.OptionalString(a.Owner),
		ProviderID: framework.OptionalString(a.ProviderID), SubjectPattern: framework.OptionalString(a.SubjectPattern),
		Groups: groupsModel(a.Groups.Groups), Effect: framework.OptionalString(effect),
	}
}

func agentUserModelOf(u *p0.RequestorUser) *agentUserModel {
	if u == nil {
		return nil
	}
	return &agentUserModel{Type: types.StringValue(u.Type), UID: framework.OptionalString(u.UID), Groups: groupsModel(u.Groups), Effect: framework.OptionalString(u.Effect)}
}

// optionsModel maps approval options; options that set nothing the
// provider models are null.
func optionsModel(o *p0.ApprovalOptions) *approvalOptionsModel {
	if o == nil || !o.SetsModeled() {
		return nil
	}
	return &approvalOptionsModel{
		AllowOneParty:      types.BoolPointerValue(o.AllowOneParty),
		RequireReason:      types.BoolPointerValue(o.RequireReason),
		Cooldown:           types.Int64PointerValue(o.Cooldown),
		Duration:           types.Int64PointerValue(o.Duration),
		RequireDuration:    types.BoolPointerValue(o.RequireDuration),
		RequirePreapproval: types.BoolPointerValue(o.RequirePreapproval),
		BreakGlassApprover: types.BoolPointerValue(o.BreakGlassApprover),
	}
}

// groupsModel maps groups; none is null.
func groupsModel(groups []p0.Group) []groupModel {
	if len(groups) == 0 {
		return nil
	}
	out := make([]groupModel, 0, len(groups))
	for _, g := range groups {
		out = append(out, groupModel{Directory: framework.OptionalString(g.Directory), ID: framework.OptionalString(g.ID), Label: framework.OptionalString(g.Label)})
	}
	return out
}

// modelFromRule is fieldsFromRule plus the resource's id, which is the name.
func modelFromRule(rule p0.RoutingRule) routingRuleModel {
	return routingRuleModel{ID: types.StringValue(rule.Name), routingRuleFields: fieldsFromRule(rule)}
}

// routingRuleIdentity is p0_routing_rule's identity: the rule's name.
type routingRuleIdentity struct {
	Name types.String `tfsdk:"name"`
}

func (i routingRuleIdentity) ImportID() string { return i.Name.ValueString() }

func (m routingRuleModel) Identity() framework.Identity { return routingRuleIdentity{Name: m.Name} }
