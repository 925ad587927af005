package p0mock

import (
	"net/http"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

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
