package p0mock

import (
	"net/http"
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

func TestAWSAccessors(t *testing.T) {
	h := newHarness(t)
	s := h.server
	login := &p0.AWSLogin{Type: "iam", Identity: &p0.AWSLoginIdentity{Type: "email"}}
	s.SetAWSItem(p0.ComponentIAMWrite, accountID, p0.AWSItem{State: p0.StateInstalled, Label: "drifted", Login: login})
	login.Type = "idc"

	if !s.AWSRootExists() {
		t.Error("SetAWSItem did not install the root")
	}
	got, found := s.AWSItem(p0.ComponentIAMWrite, accountID)
	if !found || got.Label != "drifted" || got.Login.Type != "iam" {
		t.Fatalf("AWSItem = %+v, %v", got, found)
	}
	got.Login.Type = "federated"
	if again, _ := s.AWSItem(p0.ComponentIAMWrite, accountID); again.Login.Type != "iam" {
		t.Error("AWSItem handed out the stored login")
	}

	// A new item gets the metadata staging would have generated, and keeps
	// it when replaced.
	s.SetAWSItem(p0.ComponentIAMWrite, accountID, p0.AWSItem{State: p0.StateStage})
	answer := decodeBody[p0.AWSComponentItem](t, h.do(http.MethodGet, itemPath(p0.ComponentIAMWrite, accountID), ""))
	if answer.Item.State != p0.StateStage || answer.Metadata.RoleName != "P0RoleIamWrite" {
		t.Errorf("item set by a test = %+v", answer)
	}

	integration := s.AWSIntegration()
	integration[p0.ComponentIAMWrite][otherID] = p0.AWSItem{State: p0.StateStage}
	if _, found := s.AWSItem(p0.ComponentIAMWrite, otherID); found {
		t.Error("AWSIntegration handed out the stored map")
	}

	if !s.DeleteAWSItem(p0.ComponentIAMWrite, accountID) || s.DeleteAWSItem(p0.ComponentIAMWrite, accountID) {
		t.Error("DeleteAWSItem should report true, then false")
	}
	if s.DeleteAWSItem("nope", accountID) {
		t.Error("DeleteAWSItem of an unknown component reported true")
	}
	if _, found := s.AWSItem("nope", accountID); found {
		t.Error("AWSItem found an item of an unknown component")
	}

	defer func() {
		if recover() == nil {
			t.Error("SetAWSItem with an unknown component did not panic")
		}
	}()
	s.SetAWSItem("nope", accountID, p0.AWSItem{})
}

func TestSettingsAccessors(t *testing.T) {
	h := newHarness(t)
	s := h.server

	s.SetExpiryOptions([]p0.Duration{{Time: 2, Unit: "h", Value: "ignored"}, {Time: 14, Unit: "d"}})
	want := []p0.Duration{{Time: 2, Unit: "h", Value: "2 hours"}, {Time: 14, Unit: "d", Value: "2 weeks"}}
	options := s.ExpiryOptions()
	if !reflect.DeepEqual(options, want) {
		t.Errorf("ExpiryOptions = %+v, want %+v", options, want)
	}
	options[0].Time = 99
	served := decodeBody[p0.ExpiryOptions](t, h.do(http.MethodGet, settingsPath+"/expiry-options", ""))
	if !reflect.DeepEqual(served.Options, want) {
		t.Errorf("served options = %+v, want %+v", served.Options, want)
	}

	s.SetDefaultApprovals(p0.DefaultApprovals{RequireReason: boolPointer(true)})
	approvals := s.DefaultApprovals()
	if *approvals.AllowOneParty || !*approvals.RequireReason {
		t.Errorf("DefaultApprovals = %v, %v; want false, true", *approvals.AllowOneParty, *approvals.RequireReason)
	}
	*approvals.AllowOneParty = true
	if *s.DefaultApprovals().AllowOneParty {
		t.Error("DefaultApprovals handed out the stored value")
	}

	// Setters do not validate, so tests can create states the API refuses.
	s.SetMaxAccessDuration(p0.Duration{Time: 1, Unit: "h"})
	s.SetStandingAccessDuration(p0.Duration{Time: 3, Unit: "h"})
	if got := s.StandingAccessDuration(); got != (p0.Duration{Time: 3, Unit: "h", Value: "3 hours"}) {
		t.Errorf("StandingAccessDuration = %+v", got)
	}
	rec := h.do(http.MethodGet, settingsPath+"/max-access-duration", "")
	if got := rec.Body.String(); got != `{"ok":true,"maxAccessDuration":{"time":1,"unit":"h","value":"1 hour"}}` {
		t.Errorf("max access duration served = %s", got)
	}
}

func TestCommandsAccessorCopies(t *testing.T) {
	h := newHarness(t)
	expectStatus(t, h.do(http.MethodPost, commandPath, `{"argv":["request","aws"],"scriptName":"p0"}`), http.StatusOK)
	commands := h.server.Commands()
	commands[0].Argv[1] = "gcp"
	if got := h.server.Commands()[0].Argv[1]; got != "aws" {
		t.Errorf("stored argv changed through a copy: %q", got)
	}
}
