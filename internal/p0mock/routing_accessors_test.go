package p0mock

import (
	"reflect"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func TestRoutingAccessorsCopy(t *testing.T) {
	s := New(testOrg, testToken)
	rule := validRule("r")
	s.PutRoutingRule(rule)

	// Changing what was handed in must not reach the server...
	rule.Resource.Filters["prod"] = p0.ResourceFilter{Effect: "keep"}
	rule.Approval[0].Services[0] = "email"
	*rule.Approval[0].Options.AllowOneParty = false
	// ...nor changing what was handed out.
	got, _ := s.RoutingRule("r")
	*got.Resource.Filters["ro"].Value = false
	got.Approval[0].Type = "deny"
	*got.Approval[0].Options.Cooldown = 1
	all := s.RoutingRules()
	all[0].Name = "renamed"

	if stored, _ := s.RoutingRule("r"); !reflect.DeepEqual(stored, validRule("r")) {
		t.Errorf("stored rule changed through a copy: %+v", stored)
	}
}

func TestRoutingAccessors(t *testing.T) {
	s := New(testOrg, testToken)
	if _, found := s.RoutingRule("r"); found {
		t.Error("a new server has a rule")
	}
	s.PutRoutingRule(validRule("a"))
	s.PutRoutingRule(validRule("b"))
	replaced := validRule("a")
	replaced.Disabled = true
	s.PutRoutingRule(replaced)
	if got := ruleNames(s.RoutingRules()); got != "a,b" {
		t.Errorf("rules = %s, want a,b (replaced in place)", got)
	}
	if got, _ := s.RoutingRule("a"); !got.Disabled {
		t.Error("PutRoutingRule did not replace a")
	}
	if !s.DeleteRoutingRule("a") || s.DeleteRoutingRule("a") {
		t.Error("DeleteRoutingRule should report true, then false")
	}
}
