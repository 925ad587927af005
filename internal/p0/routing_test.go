package p0_test

import (
	"context"
	"errors"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func sampleRule(name string) p0.RoutingRule {
	yes := true
	return p0.RoutingRule{
		Name:      name,
		Requestor: p0.RuleRequestor{Type: "group", UID: "eng"},
		Resource: p0.RuleResource{Type: "integration", Service: "aws", Filters: map[string]p0.ResourceFilter{
			"account": {Effect: "keep", Key: "account", Value: &yes},
		}},
		Approval: []p0.Approval{{Type: "requestor-profile", ProfileProperty: "manager", Options: &p0.ApprovalOptions{RequireReason: &yes}}},
	}
}

func TestRoutingRuleMethods(t *testing.T) {
	ctx := context.Background()
	client, mock := newMockClient(t)

	created, err := client.CreateRoutingRule(ctx, sampleRule("r1"))
	if err != nil {
		t.Fatal(err)
	}
	if created.Approval[0].ProfileProperty != "manager" || !*created.Resource.Filters["account"].Value {
		t.Fatalf("create answered %+v", created)
	}

	got, err := client.GetRoutingRule(ctx, "r1")
	if err != nil || got.Requestor.UID != "eng" {
		t.Fatalf("GetRoutingRule = %+v, %v", got, err)
	}

	update := sampleRule("r1")
	update.Disabled = true
	updated, err := client.UpdateRoutingRule(ctx, update)
	if err != nil || !updated.Disabled {
		t.Fatalf("UpdateRoutingRule = %+v, %v", updated, err)
	}
	if stored, _ := mock.RoutingRule("r1"); !stored.Disabled {
		t.Fatal("update did not reach the mock")
	}

	if _, err := client.UpdateRoutingRule(ctx, sampleRule("missing")); !errors.Is(err, p0.ErrNotFound) {
		t.Fatalf("update of a missing rule: %v, want ErrNotFound", err)
	}
	if err := client.DeleteRoutingRule(ctx, "r1"); err != nil {
		t.Fatal(err)
	}
	if err := client.DeleteRoutingRule(ctx, "r1"); !errors.Is(err, p0.ErrNotFound) {
		t.Fatalf("second delete: %v, want ErrNotFound", err)
	}
}

func TestWorkflowMethods(t *testing.T) {
	ctx := context.Background()
	client, _ := newMockClient(t)

	if _, err := client.CreateRoutingRule(ctx, sampleRule("first")); err != nil {
		t.Fatal(err)
	}
	current, err := client.GetWorkflow(ctx)
	if err != nil || current.ID == "" || len(current.Rules) != 1 || current.CreatedDate == "" {
		t.Fatalf("GetWorkflow = %+v, %v", current, err)
	}

	next := p0.Workflow{Rules: []p0.RoutingRule{sampleRule("first"), sampleRule("second")}}
	saved, err := client.SaveWorkflow(ctx, current.ID, next)
	if err != nil || len(saved.Rules) != 2 || saved.Version == "" || saved.Version == current.ID {
		t.Fatalf("SaveWorkflow = %+v, %v", saved, err)
	}

	if _, err := client.SaveWorkflow(ctx, current.ID, next); !errors.Is(err, p0.ErrConflict) {
		t.Fatalf("save with a stale version: %v, want ErrConflict", err)
	}

	old, err := client.GetWorkflowByID(ctx, current.ID)
	if err != nil || len(old.Rules) != 1 {
		t.Fatalf("GetWorkflowByID(old) = %+v, %v", old, err)
	}
	if _, err := client.GetWorkflowByID(ctx, "no-such-version"); !errors.Is(err, p0.ErrNotFound) {
		t.Fatalf("unknown version: %v, want ErrNotFound", err)
	}
}
