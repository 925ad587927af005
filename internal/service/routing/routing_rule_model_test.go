package routing

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestRuleRoundTrip maps rules of every shape the fleet makes (filters
// with a false value, options of 0 and false, several approval steps), and
// one in P0's current form (groups, effects, access type, every option),
// to Terraform values and back: what is sent is what P0 answered, so a
// rule read back plans no change.
func TestRuleRoundTrip(t *testing.T) {
	yes, no := true, false
	rules := []p0.RoutingRule{{
		Name:      "current form",
		Requestor: p0.RuleRequestor{Type: "group", Effect: "keep", Groups: []p0.Group{{Directory: "okta", ID: "g1", Label: "Eng"}, {ID: "g2"}}},
		Resource:  p0.RuleResource{Type: "integration", Service: "ssh", AccessType: "all"},
		Approval: []p0.Approval{{Type: "group", Effect: "remove", Groups: []p0.Group{{Directory: "azure-ad", ID: "a"}},
			Options: &p0.ApprovalOptions{RequireDuration: &yes, RequirePreapproval: &no, BreakGlassApprover: &yes}}},
	}, {
		Name: "agents of an owner's groups",
		Requestor: p0.RuleRequestor{Type: "agentic",
			Agent: &p0.RequestorAgent{Type: "owner-group", Groups: p0.AgentGroups{Groups: []p0.Group{{Directory: "okta", ID: "g1", Label: "Eng"}}, Effect: "keep", Wrapped: true}},
			User:  &p0.RequestorUser{Type: "group", Groups: []p0.Group{{Directory: "okta", ID: "g2", Label: "Ops"}}, Effect: "remove"}},
		Resource: p0.RuleResource{Type: "any"},
		Approval: []p0.Approval{{Type: "auto"}},
	}, {
		Name: "agents of a provider",
		Requestor: p0.RuleRequestor{Type: "agentic",
			Agent: &p0.RequestorAgent{Type: "provider", ProviderID: "github-actions", SubjectPattern: "repo:org/*"},
			User:  &p0.RequestorUser{Type: "user", UID: "alice@example.com"}},
		Resource: p0.RuleResource{Type: "any"},
		Approval: []p0.Approval{{Type: "auto"}},
	}}
	for variant := range 2 {
		for i := range 5 {
			rules = append(rules, acctest.Fleet{Variant: variant}.Rule(i))
		}
	}
	for _, rule := range rules {
		if got := ruleFromFields(fieldsFromRule(rule)); !reflect.DeepEqual(got, rule) {
			t.Errorf("%q came back as\n%+v\nwant\n%+v", rule.Name, got, rule)
		}
	}
}

// TestOptionsOfP0sOwnReadAsNull reads approval options that hold nothing
// the provider models, only P0's own fields, or nothing at all: they are
// null, as options left out of the configuration are, so that such a rule
// plans no change (a write keeps P0's own options; see p0.KeepUnmanaged).
func TestOptionsOfP0sOwnReadAsNull(t *testing.T) {
	for _, options := range []*p0.ApprovalOptions{{}, {Unmanaged: p0.Unmanaged{"autoEscalate": json.RawMessage("true")}}} {
		m := fieldsFromRule(p0.RoutingRule{Name: "r", Requestor: p0.RuleRequestor{Type: "any"}, Resource: p0.RuleResource{Type: "any"},
			Approval: []p0.Approval{{Type: "p0", Options: options}}})
		if m.Approval[0].Options != nil {
			t.Errorf("options %+v read as %+v, want null", options, m.Approval[0].Options)
		}
	}
}

// TestFieldsFromRuleLeavesOutWhatP0Omits reads a rule whose optional
// fields P0 left out: each is null, as it is when left out of the
// configuration, while a false filter value and options of 0 are kept.
func TestFieldsFromRuleLeavesOutWhatP0Omits(t *testing.T) {
	no, zero := false, int64(0)
	m := fieldsFromRule(p0.RoutingRule{
		Name:      "sparse",
		Requestor: p0.RuleRequestor{Type: "any"},
		Resource: p0.RuleResource{Type: "integration", Service: "aws", Filters: map[string]p0.ResourceFilter{
			"sensitive": {Effect: "keep", Value: &no},
		}},
		Approval: []p0.Approval{{Type: "auto", Options: &p0.ApprovalOptions{Duration: &zero}}},
	})
	filter, approval := m.Resource.Filters["sensitive"], m.Approval[0]
	for name, v := range map[string]interface{ IsNull() bool }{
		"requestor.uid":                     m.Requestor.UID,
		"requestor.effect":                  m.Requestor.Effect,
		"resource.access_type":              m.Resource.AccessType,
		"approval.effect":                   approval.Effect,
		"approval.options.require_duration": approval.Options.RequireDuration,
		"resource.filters.key":              filter.Key,
		"resource.filters.pattern":          filter.Pattern,
		"approval.directory":                approval.Directory,
		"approval.integration":              approval.Integration,
		"approval.profile_property":         approval.ProfileProperty,
		"approval.options.allow_one_party":  approval.Options.AllowOneParty,
		"approval.options.cooldown":         approval.Options.Cooldown,
	} {
		if !v.IsNull() {
			t.Errorf("%s = %v, want null", name, v)
		}
	}
	if approval.Services != nil || approval.Groups != nil || m.Requestor.Groups != nil {
		t.Errorf("approval.services = %v, approval.groups = %v, requestor.groups = %v: want null", approval.Services, approval.Groups, m.Requestor.Groups)
	}
	if !filter.Value.Equal(types.BoolValue(false)) || !approval.Options.Duration.Equal(types.Int64Value(0)) {
		t.Errorf("value = %v, duration = %v: want false and 0 kept", filter.Value, approval.Options.Duration)
	}
}

// TestWorkflowModelOrder maps a workflow to p0_routing_workflow's state
// and back: the rules keep P0's order, and a workflow of no rules is saved
// as an empty list, never as null.
func TestWorkflowModelOrder(t *testing.T) {
	rules := []p0.RoutingRule{acctest.Fleet{}.Rule(3), acctest.Fleet{}.Rule(0), acctest.Fleet{}.Rule(2)}
	m := workflowResourceModel(acctest.TestOrg, rules)
	if m.ID.ValueString() != acctest.TestOrg {
		t.Errorf("id = %v, want the organization", m.ID)
	}
	if got := rulesFromWorkflowModel(m); !reflect.DeepEqual(got, rules) {
		t.Errorf("rules came back as %+v, want %+v", got, rules)
	}
	body, err := json.Marshal(rulesFromWorkflowModel(workflowResourceModel(acctest.TestOrg, nil)))
	if err != nil || string(body) != "[]" {
		t.Errorf("no rules encode as %s (%v), want []", body, err)
	}
}
