package provider_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// A create that fails midway must leave P0 in a state the next apply can
// finish from: nothing half-made that blocks it, nothing made twice.

// partialCreate is one object whose create fails once at one step.
type partialCreate struct {
	name      string
	component string // AWS component, or "" for another resource
	id        string // AWS item id
	item      p0.AWSItem
	staged    bool   // only staged: p0_aws_component_staged
	extra     string // added to the resource's body
	fail      func(env *acctest.ReliabilityEnv)
	error     string // what the failed apply reports; "" when it only warns
	// notResent are the requests (method and path suffix of the item) the
	// next apply must not send again, because the failed one did them.
	notResent []string
}

// TestAccReliability_partialFailure fails each step of the AWS lifecycle
// once (the read before installing, stage, verify as P0 failing to do it and
// as the AWS side not being ready until the create timeout, configure, and
// the read that follows a stage), and one write of the JIT settings, all in one
// apply. The next apply must finish every object, resuming where it
// stopped (a component whose create failed after staging its item removed
// it, so that nothing is left that no resource made: it stages it anew),
// and the one after must find nothing to do.
func TestAccReliability_partialFailure(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	const base = "/o/" + acctest.TestOrg + "/integrations/aws/config/"
	itemPath := func(component, id string) string { return base + component + "/" + id }
	injectedStatus := func(status int, method, component, id, suffix string, skip int) func(*acctest.ReliabilityEnv) {
		return func(env *acctest.ReliabilityEnv) {
			env.Traffic.FailNext(method, itemPath(component, id)+suffix+"$", skip, status, "injected failure")
		}
	}
	injected := func(method, component, id, suffix string, skip int) func(*acctest.ReliabilityEnv) {
		return injectedStatus(http.StatusBadRequest, method, component, id, suffix, skip)
	}
	login := &p0.AWSLogin{Type: "iam", Identity: &p0.AWSLoginIdentity{Type: "tag", TagName: "user"}}
	accessLogs := "arn:aws:cloudtrail:us-east-1:400000000204:eventdatastore/partial"
	function := "arn:aws:lambda:us-east-1:400000000205:function:partial"
	objects := []partialCreate{
		{
			name: "stage", component: p0.ComponentInventory, id: "400000000201", item: p0.AWSItem{Label: "stage fails"},
			fail:  injected(http.MethodPut, p0.ComponentInventory, "400000000201", "", 0),
			error: `staging AWS component "inventory" in account 400000000201`,
		},
		{
			name: "verify", component: p0.ComponentIAMAssessment, id: "400000000202",
			item: p0.AWSItem{AccessAnalyzerArn: "arn:aws:access-analyzer:us-east-1:400000000202:analyzer/partial"},
			// Not a refusal (which is retried until the AWS side is
			// ready), but P0 failing to verify at all.
			fail:  injectedStatus(http.StatusConflict, http.MethodPost, p0.ComponentIAMAssessment, "400000000202", "/verify", 0),
			error: `verifying AWS component "iam-assessment" in account 400000000202`,
		},
		{
			name: "aws_side_not_ready", component: p0.ComponentIAMWrite, id: "400000000203", item: p0.AWSItem{Login: login},
			extra: "  timeouts {\n    create = \"2s\"\n  }\n",
			fail: func(env *acctest.ReliabilityEnv) {
				env.Mock.FailVerification("400000000203", "cannot assume role P0RoleIamWrite")
			},
			error: `cannot assume role P0RoleIamWrite`,
		},
		{
			name: "configure", component: p0.ComponentAccessLogs, id: "400000000204", item: p0.AWSItem{CloudLakeArn: accessLogs},
			fail:  injected(http.MethodPost, p0.ComponentAccessLogs, "400000000204", "/configure", 0),
			error: `configuring AWS component "access-logs" in account 400000000204`,
		},
		{
			// The read that tells where to resume; a configure that
			// succeeds needs none after it.
			name: "read_before_install", component: p0.ComponentFunctionCaller, id: function, item: p0.AWSItem{Label: "read fails"},
			fail:  injected(http.MethodGet, p0.ComponentFunctionCaller, function, "", 0),
			error: `reading AWS component "function-caller" for Lambda function ` + function,
		},
		{
			name: "staged_stage", component: p0.ComponentInventory, id: "400000000206", staged: true,
			fail:  injected(http.MethodPut, p0.ComponentInventory, "400000000206", "", 0),
			error: `staging AWS component "inventory" in account 400000000206`,
		},
		{
			name: "staged_read", component: p0.ComponentIAMWrite, id: "400000000207", staged: true,
			fail:  injected(http.MethodGet, p0.ComponentIAMWrite, "400000000207", "", 0),
			error: `reading AWS component "iam-write" in account 400000000207 after staging it`,
		},
	}
	var config strings.Builder
	for _, o := range objects {
		if o.staged {
			config.WriteString(acctest.StagedHCL(o.name, o.component, o.id))
		} else {
			config.WriteString(acctest.AWSComponentHCL(o.name, o.component, o.id, o.item, o.extra))
		}
	}
	settings := acctest.Fleet{JITSettings: true}
	config.WriteString(settings.Hcl())
	reported := []string{"Unable to Create JIT Settings", "setting the standing access duration"}
	for _, o := range objects {
		if o.error != "" {
			reported = append(reported, o.error)
		}
	}

	failed := false
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		ErrorCheck: func(err error) error {
			if failed {
				return err
			}
			failed = true
			var missing []string
			for _, phrase := range reported {
				if !acctest.ExpectError(phrase).MatchString(err.Error()) {
					missing = append(missing, phrase)
				}
			}
			if len(missing) > 0 {
				return fmt.Errorf("the failed apply does not report %q: %w", missing, err)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				// Every object fails at its step; the error is checked by
				// ErrorCheck, which sees it whole.
				PreConfig: func() {
					env.CreateAWSRoot(t)
					for _, o := range objects {
						o.fail(env)
					}
					env.Traffic.FailNext(http.MethodPut, "/o/"+acctest.TestOrg+"/settings/standing-access-duration$", 0, http.StatusBadRequest, "injected failure")
				},
				Config: env.Config(config.String()),
			},
			{
				PreConfig: func() {
					if !failed {
						t.Fatal("the first apply did not fail")
					}
					if n := env.Traffic.Pending(); n > 0 {
						t.Fatalf("%d injected failures did not fire", n)
					}
					env.Mock.ClearVerificationFailure("400000000203")
					env.Traffic.Reset()
				},
				Config: env.Config(config.String()),
				Check: resource.ComposeAggregateTestCheckFunc(
					func(*terraform.State) error { return checkPartialObjects(env, objects) },
					func(*terraform.State) error {
						if problems := settings.JITMismatches(env.Mock); len(problems) > 0 {
							return fmt.Errorf("%s", strings.Join(problems, "; "))
						}
						return nil
					},
				),
			},
			{
				Config: env.Config(config.String()),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
	t.Logf("partial failure suite: %d creates failed once each at a different step, all finished by the next apply", len(reported)-1)
}

// checkPartialObjects asserts that every object is now where its create
// should have taken it, that the AWS integration holds nothing else, and
// that the second apply resumed rather than redid the steps done before.
func checkPartialObjects(env *acctest.ReliabilityEnv, objects []partialCreate) error {
	want := map[string]bool{}
	for _, o := range objects {
		want[o.component+"/"+o.id] = true
		got, ok := env.Mock.AWSItem(o.component, o.id)
		expected := acctest.Installed(o.item)
		if o.staged {
			expected = p0.AWSItem{State: p0.StateStage}
		}
		if !ok || !framework.SameJSON(got, expected) {
			return fmt.Errorf("%s: P0 has %s (found: %t), want %s", o.name, acctest.JSONText(got), ok, acctest.JSONText(expected))
		}
		path := "/o/" + acctest.TestOrg + "/integrations/aws/config/" + o.component + "/" + o.id
		for _, ex := range env.Traffic.Exchanges() {
			for _, request := range o.notResent {
				method, suffix, _ := strings.Cut(request, " ")
				if ex.Method == method && ex.Path == path+suffix {
					return fmt.Errorf("%s: the second apply sent %s %s again, although the first had done it", o.name, method, ex.Path)
				}
			}
		}
	}
	for component, items := range env.Mock.AWSIntegration() {
		for id := range items {
			if component != p0.ComponentBase && !want[component+"/"+id] {
				return fmt.Errorf("P0 has an AWS item %s/%s that no resource made", component, id)
			}
		}
	}
	return nil
}
