package p0_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// optionsRule is a rule whose every two-spelling field holds a value.
func optionsRule(name string) p0.RoutingRule {
	yes := true
	return p0.RoutingRule{
		Name:      name,
		Requestor: p0.RuleRequestor{Type: "any"},
		Resource:  p0.RuleResource{Type: "integration", Service: "ssh", AccessType: "all"},
		Approval: []p0.Approval{{Type: "requestor-profile", ProfileProperty: "manager", Options: &p0.ApprovalOptions{
			AllowOneParty: &yes, RequireReason: &yes, RequireDuration: &yes, RequirePreapproval: &yes, BreakGlassApprover: &yes,
		}}},
	}
}

// spellingVariants are the spellings a P0 may take, with the requests one
// write of a rule costs on a client that has not learned it yet, and the
// spelling P0 stores.
var spellingVariants = []struct {
	variant   string
	firstPost int // POSTs of the first create
	firstPut  int // PUTs the first create needs
	stored    string
}{
	{"documented", 1, 0, "allow_one_party"},
	{"routing-camel", 2, 0, "allowOneParty"},
	{"routing-camel-silent", 1, 1, "allowOneParty"},
	{"routing-either", 1, 0, "allow_one_party"},
}

func newVariantClient(t *testing.T, variant string) (*p0.Client, *p0mock.Server) {
	t.Helper()
	client, mock := newMockClient(t)
	behavior, err := p0mock.ParseVariants(variant)
	if err != nil {
		t.Fatal(err)
	}
	mock.SetBehavior(behavior)
	return client, mock
}

// TestRuleWritesLearnTheSpelling creates and updates rules against each
// spelling: every value lands in one call of the client, the spelling is
// learned from the first write, and the writes after it cost one request.
func TestRuleWritesLearnTheSpelling(t *testing.T) {
	ctx := context.Background()
	for _, tt := range spellingVariants {
		t.Run(tt.variant, func(t *testing.T) {
			client, mock := newVariantClient(t, tt.variant)
			got, err := client.CreateRoutingRule(ctx, optionsRule("first"))
			if err != nil {
				t.Fatal(err)
			}
			if !sameRule(*got, optionsRule("first")) {
				t.Errorf("create answered %+v", got)
			}
			checkStoredOptions(t, mock, "first", tt.stored)
			counts := mock.Counts()
			if counts["POST /o/{org}/routing/name/{name}"] != tt.firstPost || counts["PUT /o/{org}/routing/name/{name}"] != tt.firstPut {
				t.Errorf("the first create sent %v; want %d POST and %d PUT", counts, tt.firstPost, tt.firstPut)
			}

			mock.ResetRequests()
			if _, err := client.CreateRoutingRule(ctx, optionsRule("second")); err != nil {
				t.Fatal(err)
			}
			update := optionsRule("second")
			update.Disabled = true
			if _, err := client.UpdateRoutingRule(ctx, update); err != nil {
				t.Fatal(err)
			}
			checkStoredOptions(t, mock, "second", tt.stored)
			if n := len(mock.Requests()); n != 2 {
				t.Errorf("a create and an update after learning took %d requests, want 2", n)
			}
		})
	}
}

// TestWorkflowSavesLearnTheSpelling saves the whole workflow against each
// spelling; a stripped save is saved again naming the version it made.
func TestWorkflowSavesLearnTheSpelling(t *testing.T) {
	ctx := context.Background()
	for _, tt := range spellingVariants {
		for _, versionInGet := range []bool{false, true} {
			variant := tt.variant
			if versionInGet {
				variant += ",workflow-version-in-get"
			}
			t.Run(variant, func(t *testing.T) {
				client, mock := newVariantClient(t, variant)
				current, err := client.GetWorkflow(ctx)
				if err != nil {
					t.Fatal(err)
				}
				saved, err := client.SaveWorkflow(ctx, current.CurrentVersion(), p0.Workflow{Rules: []p0.RoutingRule{optionsRule("a"), optionsRule("b")}})
				if err != nil {
					t.Fatal(err)
				}
				if len(saved.Rules) != 2 || !sameRule(saved.Rules[1], optionsRule("b")) {
					t.Errorf("save answered %+v", saved.Rules)
				}
				checkStoredOptions(t, mock, "a", tt.stored)
				checkStoredOptions(t, mock, "b", tt.stored)
				wantSaves := tt.firstPost + tt.firstPut
				if n := mock.Count("POST /o/{org}/routing"); n != wantSaves {
					t.Errorf("%d saves, want %d", n, wantSaves)
				}
			})
		}
	}
}

// TestSpellingIsLearnedOnceUnderParallelWrites creates many rules at once
// against a camelCase P0: each lands whole, none costs more than two
// requests, and every write after costs one.
func TestSpellingIsLearnedOnceUnderParallelWrites(t *testing.T) {
	ctx := context.Background()
	for _, variant := range []string{"routing-camel", "routing-camel-silent"} {
		t.Run(variant, func(t *testing.T) {
			client, mock := newVariantClient(t, variant)
			const n = 40
			inParallel(t, n, func(i int) error {
				_, err := client.CreateRoutingRule(ctx, optionsRule(fmt.Sprintf("r%02d", i)))
				return err
			})
			for i := range n {
				checkStoredOptions(t, mock, fmt.Sprintf("r%02d", i), "allowOneParty")
			}
			if sent := len(mock.Requests()); sent > 2*n {
				t.Errorf("%d rules took %d requests, more than two each", n, sent)
			}
			mock.ResetRequests()
			if _, err := client.CreateRoutingRule(ctx, optionsRule("after")); err != nil || len(mock.Requests()) != 1 {
				t.Errorf("a create after learning: %v, %d requests; want 1", err, len(mock.Requests()))
			}
		})
	}
}

// TestOtherRefusalsAreNotSpelling: a 400 that names no field the client
// spelt is P0's answer, not a reason to write camelCase.
func TestOtherRefusalsAreNotSpelling(t *testing.T) {
	client, mock := newVariantClient(t, "documented")
	bad := optionsRule("bad")
	bad.Requestor = p0.RuleRequestor{Type: "user"}
	_, err := client.CreateRoutingRule(context.Background(), bad)
	if e := apiError(t, err); e.StatusCode != 400 || !strings.Contains(e.Message, "requestor.uid") {
		t.Fatalf("err = %v, want P0's 400 about requestor.uid", err)
	}
	if n := len(mock.Requests()); n != 1 {
		t.Errorf("the refused create was sent %d times, want once", n)
	}
	if _, err := client.CreateRoutingRule(context.Background(), optionsRule("good")); err != nil {
		t.Fatal(err)
	}
	checkStoredOptions(t, mock, "good", "allow_one_party")
}

// TestValueRefusalsAreNotSpelling: P0 refusing the value of a field whose
// name has two spellings names the field too. The write is tried in
// camelCase once; when P0 refuses that field again, its value was the
// matter: P0's first answer stands, and nothing is learned. When P0 takes
// the field in camelCase and refuses something else, camelCase is learned
// and P0's answer about the other thing stands.
func TestValueRefusalsAreNotSpelling(t *testing.T) {
	ctx := context.Background()
	t.Run("documented", func(t *testing.T) {
		client, mock := newVariantClient(t, "documented")
		const refusal = `resource.access_type "bogus" is not valid for service ssh`
		mock.FailNext("POST", "/o/{org}/routing/name/{name}", 400, refusal)
		bad := optionsRule("bad")
		bad.Resource.AccessType = "bogus"
		_, err := client.CreateRoutingRule(ctx, bad)
		if e := apiError(t, err); e.StatusCode != 400 || e.Message != refusal {
			t.Fatalf("err = %v, want P0's first answer, %q", err, refusal)
		}
		if _, err := client.CreateRoutingRule(ctx, optionsRule("good")); err != nil {
			t.Fatal(err)
		}
		checkStoredOptions(t, mock, "good", "allow_one_party")
		if n := len(mock.Requests()); n != 3 {
			t.Errorf("%d requests; want the refused create twice (once in each spelling) and the good one once", n)
		}
	})
	t.Run("routing-camel", func(t *testing.T) {
		client, mock := newVariantClient(t, "routing-camel")
		bad := optionsRule("bad")
		bad.Requestor = p0.RuleRequestor{Type: "user"}
		_, err := client.CreateRoutingRule(ctx, bad)
		if e := apiError(t, err); e.StatusCode != 400 || !strings.Contains(e.Message, "requestor.uid") {
			t.Fatalf("err = %v, want P0's 400 about requestor.uid, given in camelCase", err)
		}
		if _, err := client.CreateRoutingRule(ctx, optionsRule("good")); err != nil {
			t.Fatal(err)
		}
		checkStoredOptions(t, mock, "good", "allowOneParty")
		if n := len(mock.Requests()); n != 3 {
			t.Errorf("%d requests; want the refused create in each spelling, then the good one once, learned", n)
		}
	})
}

// TestAStrippedCreateIsNotLost: a create that P0 stored without the values
// it does not take by that spelling, sent again in camelCase and refused
// then, returns the rule P0 stored with the error, so that the caller
// knows the rule is there.
func TestAStrippedCreateIsNotLost(t *testing.T) {
	client, mock := newVariantClient(t, "routing-camel-silent")
	mock.FailNext("PUT", "/o/{org}/routing/name/{name}", 400, "the rule is being edited")
	got, err := client.CreateRoutingRule(context.Background(), optionsRule("stripped"))
	if e := apiError(t, err); e.Message != "the rule is being edited" {
		t.Fatalf("err = %v, want the update's refusal", err)
	}
	if got == nil || got.Name != "stripped" {
		t.Fatalf("the rule P0 stored was not returned: %+v", got)
	}
	if _, ok := mock.RoutingRule("stripped"); !ok {
		t.Fatal("P0 does not hold the rule")
	}
}

// TestPolicyRoutes: after a 404 to GET /routing, every read and rule write
// goes through /policy, for the rest of the client's life; saves stay on
// POST /routing.
func TestPolicyRoutes(t *testing.T) {
	ctx := context.Background()
	t.Run("learned from a read", func(t *testing.T) {
		client, mock := newVariantClient(t, "routing-policy-routes")
		mock.PutRoutingRule(optionsRule("seeded"))
		got, err := client.RoutingRuleFromWorkflow(ctx, "seeded")
		if err != nil || !sameRule(*got, optionsRule("seeded")) {
			t.Fatalf("RoutingRuleFromWorkflow = %+v, %v", got, err)
		}
		if _, err := client.CreateRoutingRule(ctx, optionsRule("created")); err != nil {
			t.Fatal(err)
		}
		if _, err := client.UpdateRoutingRule(ctx, optionsRule("created")); err != nil {
			t.Fatal(err)
		}
		current, err := client.GetWorkflow(ctx)
		if err != nil || len(current.Rules) != 2 {
			t.Fatalf("GetWorkflow = %+v, %v", current, err)
		}
		if _, err := client.SaveWorkflow(ctx, current.CurrentVersion(), p0.Workflow{Rules: current.Rules[:1]}); err != nil {
			t.Fatal(err)
		}
		if err := client.DeleteRoutingRule(ctx, "seeded"); err != nil {
			t.Fatal(err)
		}
		if err := client.DeleteRoutingRule(ctx, "seeded"); !errors.Is(err, p0.ErrNotFound) {
			t.Fatalf("deleting it again: %v, want ErrNotFound", err)
		}
		want := map[string]int{
			"GET /o/{org}/routing":                1,
			"GET /o/{org}/policy/latest":          2,
			"POST /o/{org}/policy/name/{name}":    1,
			"PUT /o/{org}/policy/name/{name}":     1,
			"POST /o/{org}/routing":               1,
			"DELETE /o/{org}/policy/name/{name}":  2,
			"POST /o/{org}/routing/name/{name}":   0,
			"DELETE /o/{org}/routing/name/{name}": 0,
			"GET /o/{org}/routing/{workflowId}":   0,
			"GET /o/{org}/routing/name/{name}":    0,
			"GET /o/{org}/policy/name/{name}":     0,
			"PUT /o/{org}/routing/name/{name}":    0,
		}
		counts := mock.Counts()
		for endpoint, n := range want {
			if counts[endpoint] != n {
				t.Errorf("%s sent %d times, want %d (all: %v)", endpoint, counts[endpoint], n, counts)
			}
		}
	})
	t.Run("learned from a rule write's 404", func(t *testing.T) {
		for _, write := range []func(*p0.Client) error{
			func(c *p0.Client) error { _, err := c.CreateRoutingRule(ctx, optionsRule("r")); return err },
			func(c *p0.Client) error { _, err := c.UpdateRoutingRule(ctx, optionsRule("r")); return err },
			func(c *p0.Client) error { return c.DeleteRoutingRule(ctx, "r") },
			func(c *p0.Client) error { _, err := c.GetRoutingRule(ctx, "r"); return err },
		} {
			client, mock := newVariantClient(t, "routing-policy-routes")
			mock.PutRoutingRule(optionsRule("r"))
			if err := write(client); err != nil && !errors.Is(err, p0.ErrConflict) {
				t.Fatal(err)
			}
			if n := len(mock.Requests()); n != 3 {
				t.Errorf("a first rule request on /routing took %d requests, want 3 (the 404, GET /routing, the resend): %v", n, mock.Requests())
			}
		}
	})
	t.Run("learned under parallel writes", func(t *testing.T) {
		client, mock := newVariantClient(t, "routing-policy-routes")
		const n = 10
		for i := range n {
			mock.PutRoutingRule(optionsRule(fmt.Sprintf("r%d", i)))
		}
		inParallel(t, n, func(i int) error {
			update := optionsRule(fmt.Sprintf("r%d", i))
			update.Disabled = true
			_, err := client.UpdateRoutingRule(ctx, update)
			return err
		})
		for _, rule := range mock.RoutingRules() {
			if !rule.Disabled {
				t.Errorf("rule %q was not updated", rule.Name)
			}
		}
	})
	t.Run("a version by id", func(t *testing.T) {
		client, mock := newVariantClient(t, "routing-policy-routes")
		current := mock.WorkflowVersion()
		got, err := client.GetWorkflowByID(ctx, current)
		if err != nil || got.ID != current {
			t.Fatalf("GetWorkflowByID(current) = %+v, %v", got, err)
		}
		_, err = client.GetWorkflowByID(ctx, "wf-old")
		if e := apiError(t, err); e.StatusCode != 404 || !strings.Contains(e.Message, "only the current workflow version") {
			t.Fatalf("an older version: %v", err)
		}
	})
	t.Run("the documents' routes cost nothing more", func(t *testing.T) {
		client, mock := newVariantClient(t, "documented")
		if _, err := client.GetWorkflow(ctx); err != nil {
			t.Fatal(err)
		}
		if err := client.DeleteRoutingRule(ctx, "missing"); !errors.Is(err, p0.ErrNotFound) {
			t.Fatalf("deleting a missing rule: %v, want ErrNotFound", err)
		}
		if n := len(mock.Requests()); n != 2 {
			t.Errorf("a read and a delete took %d requests, want 2: %v", n, mock.Requests())
		}
	})
}

// checkStoredOptions checks that P0 stores every option of optionsRule
// under name, spelt with the field spelling.
func checkStoredOptions(t *testing.T, mock *p0mock.Server, name, spelling string) {
	t.Helper()
	stored, ok := mock.RoutingRuleJSON(name)
	if !ok {
		t.Fatalf("P0 has no rule %q", name)
	}
	options, _ := valueAt(t, stored, "approval", 0, "options").(map[string]any)
	if len(options) != 5 || options[spelling] != true {
		t.Errorf("P0 stores rule %q with options %v; want all five, spelt as %s", name, options, spelling)
	}
	if got, _ := mock.RoutingRule(name); !sameRule(got, optionsRule(name)) && !got.Disabled {
		t.Errorf("P0 stores rule %q as %+v", name, got)
	}
}

// sameRule compares rules as the documents spell them.
func sameRule(a, b p0.RoutingRule) bool {
	b.Disabled = a.Disabled
	return compact(mustJSONText(a)) == compact(mustJSONText(b))
}

func mustJSONText(v any) string {
	text, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(text)
}

// valueAt is the value at path (object keys and list indexes) in a decoded
// JSON value; a path that is not there fails the test.
func valueAt(t *testing.T, value any, path ...any) any {
	t.Helper()
	for _, step := range path {
		var ok bool
		switch step := step.(type) {
		case string:
			var object map[string]any
			if object, ok = value.(map[string]any); ok {
				value, ok = object[step]
			}
		case int:
			var list []any
			if list, ok = value.([]any); ok && step < len(list) {
				value = list[step]
			}
		}
		if !ok {
			t.Fatalf("no %v in %v", path, value)
		}
	}
	return value
}

// inParallel runs call(0) to call(n-1) at once, and fails the test with
// each error.
func inParallel(t *testing.T, n int, call func(i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			if err := call(i); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
