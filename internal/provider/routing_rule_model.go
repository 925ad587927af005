package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

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
	Type types.String `tfsdk:"type"`
	UID  types.String `tfsdk:"uid"`
}

type ruleResourceModel struct {
	Type    types.String           `tfsdk:"type"`
	Service types.String           `tfsdk:"service"`
	Filters map[string]filterModel `tfsdk:"filters"`
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
	Options         *approvalOptionsModel `tfsdk:"options"`
}

type approvalOptionsModel struct {
	AllowOneParty types.Bool  `tfsdk:"allow_one_party"`
	RequireReason types.Bool  `tfsdk:"require_reason"`
	Cooldown      types.Int64 `tfsdk:"cooldown"`
	Duration      types.Int64 `tfsdk:"duration"`
}

// ruleFromFields builds the API's rule from known Terraform values.
func ruleFromFields(m routingRuleFields) p0.RoutingRule {
	rule := p0.RoutingRule{
		Name:     m.Name.ValueString(),
		Disabled: m.Disabled.ValueBool(),
		Approval: make([]p0.Approval, 0, len(m.Approval)),
	}
	if m.Requestor != nil {
		rule.Requestor = p0.RuleRequestor{Type: m.Requestor.Type.ValueString(), UID: m.Requestor.UID.ValueString()}
	}
	if m.Resource != nil {
		rule.Resource = p0.RuleResource{Type: m.Resource.Type.ValueString(), Service: m.Resource.Service.ValueString()}
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
			Services:        stringsFromValues(a.Services),
		}
		if a.Options != nil {
			approval.Options = &p0.ApprovalOptions{
				AllowOneParty: a.Options.AllowOneParty.ValueBoolPointer(),
				RequireReason: a.Options.RequireReason.ValueBoolPointer(),
				Cooldown:      a.Options.Cooldown.ValueInt64Pointer(),
				Duration:      a.Options.Duration.ValueInt64Pointer(),
			}
		}
		rule.Approval = append(rule.Approval, approval)
	}
	return rule
}

// fieldsFromRule maps P0's rule to Terraform values. Fields P0 leaves out
// become null, as they are when left out of the configuration.
func fieldsFromRule(rule p0.RoutingRule) routingRuleFields {
	m := routingRuleFields{
		Name:     types.StringValue(rule.Name),
		Disabled: types.BoolValue(rule.Disabled),
		Requestor: &requestorModel{
			Type: types.StringValue(rule.Requestor.Type),
			UID:  optionalString(rule.Requestor.UID),
		},
		Resource: &ruleResourceModel{
			Type:    types.StringValue(rule.Resource.Type),
			Service: optionalString(rule.Resource.Service),
		},
		Approval: make([]approvalModel, 0, len(rule.Approval)),
	}
	if len(rule.Resource.Filters) > 0 {
		m.Resource.Filters = make(map[string]filterModel, len(rule.Resource.Filters))
		for name, f := range rule.Resource.Filters {
			m.Resource.Filters[name] = filterModel{
				Effect:  types.StringValue(f.Effect),
				Key:     optionalString(f.Key),
				Value:   types.BoolPointerValue(f.Value),
				Pattern: optionalString(f.Pattern),
			}
		}
	}
	for _, a := range rule.Approval {
		approval := approvalModel{
			Type:            types.StringValue(a.Type),
			Directory:       optionalString(a.Directory),
			Integration:     optionalString(a.Integration),
			ProfileProperty: optionalString(a.ProfileProperty),
			Services:        valuesFromStrings(a.Services),
		}
		if a.Options != nil {
			approval.Options = &approvalOptionsModel{
				AllowOneParty: types.BoolPointerValue(a.Options.AllowOneParty),
				RequireReason: types.BoolPointerValue(a.Options.RequireReason),
				Cooldown:      types.Int64PointerValue(a.Options.Cooldown),
				Duration:      types.Int64PointerValue(a.Options.Duration),
			}
		}
		m.Approval = append(m.Approval, approval)
	}
	return m
}

// modelFromRule is fieldsFromRule plus the resource's id, which is the name.
func modelFromRule(rule p0.RoutingRule) routingRuleModel {
	return routingRuleModel{ID: types.StringValue(rule.Name), routingRuleFields: fieldsFromRule(rule)}
}

// routingRuleIdentity is p0_routing_rule's identity: the rule's name.
type routingRuleIdentity struct {
	Name types.String `tfsdk:"name"`
}

func (i routingRuleIdentity) importID() string { return i.Name.ValueString() }

func (m routingRuleModel) identity() identity { return routingRuleIdentity{Name: m.Name} }
