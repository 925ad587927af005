package aws

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// componentStateChecks expect the resource's state to show item, installed.
func componentStateChecks(address, component, id string, item p0.AWSItem) []statecheck.StateCheck {
	str := func(s string) knownvalue.Check {
		if s == "" {
			return knownvalue.Null()
		}
		return knownvalue.StringExact(s)
	}
	var login knownvalue.Check = knownvalue.Null()
	if l := item.Login; l != nil {
		login = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"type": knownvalue.StringExact(l.Type),
			"identity": knownvalue.ObjectExact(map[string]knownvalue.Check{
				"type":     knownvalue.StringExact(l.Identity.Type),
				"tag_name": str(l.Identity.TagName),
			}),
		})
	}
	accountID, functionARN := id, ""
	if component == p0.ComponentFunctionCaller {
		accountID, functionARN = "", id
	}
	checks := map[string]knownvalue.Check{
		"id":                  knownvalue.StringExact(component + "/" + id),
		"component":           knownvalue.StringExact(component),
		"account_id":          str(accountID),
		"function_arn":        str(functionARN),
		"state":               knownvalue.StringExact(p0.StateInstalled),
		"label":               str(item.Label),
		"access_analyzer_arn": str(item.AccessAnalyzerArn),
		"cloud_lake_arn":      str(item.CloudLakeArn),
		"login":               login,
	}
	out := make([]statecheck.StateCheck, 0, len(checks))
	for name, check := range checks {
		out = append(out, statecheck.ExpectKnownValue(address, tfjsonpath.New(name), check))
	}
	return out
}

// awsComponentCases are the five installable components, each with two
// item ids (before and after a replacement) and two configurations
// (before and after an update).
var awsComponentCases = []struct {
	component string
	ids       [2]string
	items     [2]p0.AWSItem
}{
	{
		component: p0.ComponentIAMAssessment,
		ids:       [2]string{"111111111111", "111111111112"},
		items: [2]p0.AWSItem{
			{Label: "security", AccessAnalyzerArn: acctest.TestAnalyzerA},
			{Label: "security (org analyzer)", AccessAnalyzerArn: acctest.TestAnalyzerB},
		},
	},
	{
		component: p0.ComponentIAMWrite,
		ids:       [2]string{"444444444444", "444444444445"},
		items: [2]p0.AWSItem{
			{Label: "production", Login: &p0.AWSLogin{Type: "iam", Identity: &p0.AWSLoginIdentity{Type: "email"}}},
			{Label: "production", Login: &p0.AWSLogin{Type: "idc", Identity: &p0.AWSLoginIdentity{Type: "tag", TagName: "p0-user"}}},
		},
	},
	{
		// No label at first: P0 then has none, and the state shows null.
		component: p0.ComponentFunctionCaller,
		ids:       [2]string{acctest.TestLambdaARN, "arn:aws:lambda:eu-west-1:222222222222:function:p0-notify:live"},
		items:     [2]p0.AWSItem{{}, {Label: "notifier"}},
	},
	{
		component: p0.ComponentAccessLogs,
		ids:       [2]string{"333333333333", "333333333334"},
		items: [2]p0.AWSItem{
			{CloudLakeArn: acctest.TestCloudLakeA},
			{Label: "audit", CloudLakeArn: acctest.TestCloudLakeB},
		},
	},
	{
		component: p0.ComponentInventory,
		ids:       [2]string{"555555555555", "555555555556"},
		items:     [2]p0.AWSItem{{Label: "inventory"}, {Label: "inventory (all regions)"}},
	},
}

// TestAccAWSComponent_lifecycle takes each component through create, an
// empty re-plan, update, import, three kinds of drift, replacement and
// destroy, checking what reaches P0 and how many requests it takes.
func TestAccAWSComponent_lifecycle(t *testing.T) {
	for _, tc := range awsComponentCases {
		t.Run(tc.component, func(t *testing.T) {
			env := acctest.NewTestEnv(t)
			c, id, newID := tc.component, tc.ids[0], tc.ids[1]
			first, second := tc.items[0], tc.items[1]
			config := func(id string, item p0.AWSItem) string {
				return env.Config(acctest.AWSComponentHCL("test", c, id, item, ""))
			}
			item := "/" + c + "/" + id
			var mark int
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories(),
				CheckDestroy:             acctest.CheckOnlyBaseLeft(env),
				Steps: []resource.TestStep{
					{
						// The integration root does not exist yet: it is
						// posted once, before the stage.
						Config: config(id, first),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.ComponentAddress, plancheck.ResourceActionCreate)},
						},
						ConfigStateChecks: componentStateChecks(acctest.ComponentAddress, c, id, first),
						Check: resource.ComposeAggregateTestCheckFunc(
							acctest.ExpectAWSItem(env, c, id, acctest.Installed(first)),
							expectAWSCalls(env, &mark, "GET "+item, "POST /", "PUT "+item,
								"POST "+item+"/verify", "POST "+item+"/configure"),
						),
					},
					{
						Config: config(id, first),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
					},
					{
						PreConfig: env.MarkRequests(&mark),
						Config:    config(id, second),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.ComponentAddress, plancheck.ResourceActionUpdate)},
						},
						ConfigStateChecks: componentStateChecks(acctest.ComponentAddress, c, id, second),
						Check: resource.ComposeAggregateTestCheckFunc(
							acctest.ExpectAWSItem(env, c, id, acctest.Installed(second)),
							// The refresh, from the whole integration, then one
							// configure, whose success needs no read.
							expectAWSCalls(env, &mark, "GET /", "POST "+item+"/configure"),
						),
					},
					{
						ResourceName:      acctest.ComponentAddress,
						ImportState:       true,
						ImportStateId:     c + "/" + id,
						ImportStateVerify: true,
					},
					{
						// Relabelled behind Terraform's back: reconfigured.
						PreConfig: func() {
							changed := acctest.Installed(second)
							changed.Label = "renamed in P0"
							env.Mock.SetAWSItem(c, id, changed)
						},
						Config: config(id, second),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.ComponentAddress, plancheck.ResourceActionUpdate)},
						},
						Check: acctest.ExpectAWSItem(env, c, id, acctest.Installed(second)),
					},
					{
						// Fallen back to stage: installed again in place,
						// without a new stage.
						PreConfig: func() {
							env.Mock.SetAWSItem(c, id, p0.AWSItem{State: p0.StateStage})
							env.MarkRequests(&mark)()
						},
						Config: config(id, second),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{
								plancheck.ExpectResourceAction(acctest.ComponentAddress, plancheck.ResourceActionUpdate),
								plancheck.ExpectKnownValue(acctest.ComponentAddress, tfjsonpath.New("state"), knownvalue.StringExact(p0.StateInstalled)),
							},
						},
						ConfigStateChecks: componentStateChecks(acctest.ComponentAddress, c, id, second),
						Check: resource.ComposeAggregateTestCheckFunc(
							acctest.ExpectAWSItem(env, c, id, acctest.Installed(second)),
							expectAWSCalls(env, &mark, "GET /", "GET "+item, "POST "+item+"/verify", "POST "+item+"/configure"),
						),
					},
					{
						// Deleted behind Terraform's back: staged and installed
						// again, the root made sure of once in this process.
						PreConfig: func() {
							if !env.Mock.DeleteAWSItem(c, id) {
								t.Fatalf("%s/%s was not in the mock", c, id)
							}
							env.MarkRequests(&mark)()
						},
						Config: config(id, second),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.ComponentAddress, plancheck.ResourceActionCreate)},
						},
						Check: resource.ComposeAggregateTestCheckFunc(
							acctest.ExpectAWSItem(env, c, id, acctest.Installed(second)),
							expectAWSCalls(env, &mark, "GET /", "GET "+item, "POST /", "PUT "+item,
								"POST "+item+"/verify", "POST "+item+"/configure"),
						),
					},
					{
						Config: config(newID, second),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.ComponentAddress, plancheck.ResourceActionDestroyBeforeCreate)},
						},
						ConfigStateChecks: componentStateChecks(acctest.ComponentAddress, c, newID, second),
						Check: resource.ComposeAggregateTestCheckFunc(
							acctest.ExpectNoAWSItem(env, c, id),
							acctest.ExpectAWSItem(env, c, newID, acctest.Installed(second)),
						),
					},
				},
			})
		})
	}
}

// TestAccAWSComponent_fallenBackThenDestroyed installs an item that no
// p0_aws_component_staged manages, then has it fall back out of installed
// in P0 (to stage, then to configure): each time the next apply installs
// it again in place, and the destroy at the end still deletes the item the
// resource staged, leaving nothing behind in P0.
func TestAccAWSComponent_fallenBackThenDestroyed(t *testing.T) {
	env := acctest.NewTestEnv(t)
	const account = "565656565656"
	config := env.Config(acctest.AWSComponentHCL("test", p0.ComponentInventory, account, p0.AWSItem{Label: "inventory"}, ""))
	item := "/" + p0.ComponentInventory + "/" + account
	var mark int
	fallBack := func(state string, calls ...string) resource.TestStep {
		return resource.TestStep{
			PreConfig: func() {
				env.Mock.SetAWSItem(p0.ComponentInventory, account, p0.AWSItem{State: state, Label: "inventory"})
				env.MarkRequests(&mark)()
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.ComponentAddress, plancheck.ResourceActionUpdate)},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(acctest.ComponentAddress, tfjsonpath.New("state"), knownvalue.StringExact(p0.StateInstalled)),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.ExpectAWSItem(env, p0.ComponentInventory, account, acctest.Installed(p0.AWSItem{Label: "inventory"})),
				expectAWSCalls(env, &mark, calls...),
			),
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckOnlyBaseLeft(env),
		Steps: []resource.TestStep{
			{Config: config},
			fallBack(p0.StateStage, "GET /", "GET "+item, "POST "+item+"/verify", "POST "+item+"/configure"),
			fallBack(p0.StateConfigure, "GET /", "GET "+item, "POST "+item+"/configure"),
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// TestAccAWSComponent_interruptedCreate covers creates that stopped
// midway, and the create timeout: each time the next apply converges
// without errors or duplicates.
func TestAccAWSComponent_interruptedCreate(t *testing.T) {
	env := acctest.NewTestEnv(t)
	const (
		accountA, accountB, accountC = "666666666661", "666666666662", "666666666663"
		configureEndpoint            = "/o/{org}/integrations/aws/config/{component}/{id}/configure"
	)
	login := &p0.AWSLogin{Type: "federated", Identity: &p0.AWSLoginIdentity{Type: "email"}}
	a := acctest.AWSComponentHCL("a", p0.ComponentIAMWrite, accountA, p0.AWSItem{Login: login}, "")
	b := acctest.AWSComponentHCL("b", p0.ComponentInventory, accountB, p0.AWSItem{}, "")
	c := acctest.AWSComponentHCL("c", p0.ComponentInventory, accountC, p0.AWSItem{}, "  timeouts {\n    create = \"1s\"\n  }\n")
	itemA, itemB, itemC := "/iam-write/"+accountA, "/inventory/"+accountB, "/inventory/"+accountC
	var mark int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckOnlyBaseLeft(env),
		Steps: []resource.TestStep{
			{
				// An earlier stage was committed but its answer lost: the
				// item exists although it was not found a moment before,
				// so the PUT answers 409, a read finds the item, and
				// installation goes on.
				PreConfig: func() {
					env.Mock.SetAWSItem(p0.ComponentIAMWrite, accountA, p0.AWSItem{State: p0.StateStage})
					env.Mock.FailNext(http.MethodGet, "/o/{org}/integrations/aws/config/{component}/{id}", http.StatusNotFound, "item not found")
					env.MarkRequests(&mark)()
				},
				Config: env.Config(a),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.ExpectAWSItem(env, p0.ComponentIAMWrite, accountA, acctest.Installed(p0.AWSItem{Login: login})),
					expectAWSCalls(env, &mark, "GET "+itemA, "POST /", "PUT "+itemA, "GET "+itemA, "POST "+itemA+"/verify", "POST "+itemA+"/configure"),
				),
			},
			{
				// Verified, then configuring failed.
				PreConfig: func() {
					env.Mock.FailNext(http.MethodPost, configureEndpoint, http.StatusBadRequest, "configuration store unavailable")
				},
				Config:      env.Config(a + b),
				ExpectError: acctest.ExpectError("Unable to Install AWS Component"),
			},
			{
				// The failed create had staged the item itself and removed
				// it again; the next apply installs it anew.
				PreConfig: func() {
					if item, found := env.Mock.AWSItem(p0.ComponentInventory, accountB); found {
						t.Fatalf("after the failed configure the item is still in P0, in state %q", item.State)
					}
					env.MarkRequests(&mark)()
				},
				Config: env.Config(a + b),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("p0_aws_component.b", plancheck.ResourceActionCreate)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.ExpectAWSItem(env, p0.ComponentInventory, accountB, acctest.Installed(p0.AWSItem{})),
					expectAWSCalls(env, &mark, "GET /", "GET "+itemB, "POST /", "PUT "+itemB, "POST "+itemB+"/verify",
						"POST "+itemB+"/configure"),
				),
			},
			{
				// Every answer takes 400ms, and c may take one second in
				// all: the create gives up.
				PreConfig:   func() { env.Mock.SetFaults(p0mock.Faults{Latency: 400 * time.Millisecond}) },
				Config:      env.Config(a + b + c),
				ExpectError: acctest.ExpectError("P0 did not answer in time"),
			},
			{
				// P0 is quick again: c is installed from wherever it stopped.
				PreConfig: func() {
					env.Mock.SetFaults(p0mock.Faults{})
					env.MarkRequests(&mark)()
				},
				Config:            env.Config(a + b + c),
				ConfigStateChecks: componentStateChecks("p0_aws_component.c", p0.ComponentInventory, accountC, p0.AWSItem{}),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.ExpectAWSItem(env, p0.ComponentInventory, accountC, acctest.Installed(p0.AWSItem{})),
					func(*terraform.State) error {
						// However far the timed-out create got, this apply
						// finished the job with one configure.
						return acctest.CountCalls(awsCallsSince(env, mark), "POST "+itemC+"/configure", 1)
					},
				),
			},
			{
				// Only the timeouts change: an update with nothing to tell P0.
				PreConfig: env.MarkRequests(&mark),
				Config:    env.Config(a + b + strings.Replace(c, `"1s"`, `"2m"`, 1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("p0_aws_component.c", plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("p0_aws_component.c", tfjsonpath.New("timeouts").AtMapKey("create"), knownvalue.StringExact("2m")),
				},
				Check: func(*terraform.State) error {
					// The refresh reads each item once; nothing else is sent.
					for _, call := range awsCallsSince(env, mark) {
						if !strings.HasPrefix(call, "GET ") {
							return fmt.Errorf("a timeouts-only update sent %s", call)
						}
					}
					return nil
				},
			},
		},
	})
}

func TestAWSItemMapping(t *testing.T) {
	plan := awsComponentModel{
		awsItemTarget:     newAWSItemTarget(p0.ComponentIAMWrite, "123456789012"),
		Label:             types.StringUnknown(), // left to P0
		AccessAnalyzerARN: types.StringNull(),
		CloudLakeARN:      types.StringNull(),
		Login: &awsLoginModel{
			Type:     types.StringValue("idc"),
			Identity: &awsLoginIdentityModel{Type: types.StringValue("tag"), TagName: types.StringValue("p0-user")},
		},
	}
	const want = `{"login":{"identity":{"tagName":"p0-user","type":"tag"},"type":"idc"},"state":"configure"}`
	if body := jsonOf(t, awsComponentBody(plan)); body != want {
		t.Fatalf("the configuration sent = %s, want %s", body, want)
	}

	tm := timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType})}
	plan.Timeouts = tm
	installed := p0.Object{"state": json.RawMessage(`"installed"`),
		"login": json.RawMessage(`{"type":"idc","identity":{"type":"tag","tagName":"p0-user"}}`)}
	m := readAWSComponent(plan, install.Read(installed, "item."), install.Read(nil, "metadata."))
	if !m.Label.IsNull() || !m.AccessAnalyzerARN.IsNull() || !m.CloudLakeARN.IsNull() {
		t.Errorf("empty fields should be null: %+v", m)
	}
	if m.State.ValueString() != p0.StateInstalled || m.Login.Identity.TagName.ValueString() != "p0-user" || !m.Timeouts.Equal(tm) {
		t.Errorf("the state read = %+v", m)
	}
	// And back: what was read is what would be sent.
	if again := jsonOf(t, awsComponentBody(m)); again != want {
		t.Errorf("round trip = %s, want %s", again, want)
	}

	email := readAWSComponent(plan, install.Read(p0.Object{"label": json.RawMessage(`"x"`),
		"login": json.RawMessage(`{"type":"iam","identity":{"type":"email"}}`)}, "item."), install.Read(nil, "metadata."))
	if !email.Login.Identity.TagName.IsNull() || email.Label.ValueString() != "x" {
		t.Errorf("the state read with an email identity = %+v", email)
	}
}

// jsonOf is v as JSON.
func jsonOf(t *testing.T, v any) string {
	t.Helper()
	encoded, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(encoded)
}

func TestVerificationErrorDetail(t *testing.T) {
	refused := &p0.APIError{Method: "POST", Path: "/verify", StatusCode: http.StatusBadRequest, Message: "could not assume role P0RoleIamWrite"}
	detail := verificationErrorDetail(newAWSItemTarget(p0.ComponentIAMWrite, "123456789012"), 2*time.Minute, refused)
	for _, part := range []string{
		`verifying AWS component "iam-write" in account 123456789012`,
		"400 Bad Request: could not assume role P0RoleIamWrite",
		"kept refusing the verification for 2m0s",
		"p0_aws_component_staged",
		"role_name, trust_policy and inline_policy",
		"must exist in AWS account 123456789012, exactly as described, before P0 can verify component \"iam-write\"",
		"apply again",
		`timeouts { create = "15m" }`,
	} {
		if !strings.Contains(detail, part) {
			t.Errorf("detail lacks %q:\n%s", part, detail)
		}
	}
	if bounded := verificationErrorDetail(newAWSItemTarget(p0.ComponentIAMWrite, "123456789012"), 0, refused); !strings.Contains(bounded, "until the limit of the timeouts block ran out") {
		t.Errorf("the detail under a timeouts block does not say so:\n%s", bounded)
	}
	// The advice is about the AWS side, not the generic one for a 400; so
	// is the action's, which verifies an installed item again.
	again := reverificationErrorDetail(newAWSItemTarget(p0.ComponentIAMWrite, "123456789012"), time.Minute, refused)
	for _, d := range []string{detail, again} {
		if strings.Contains(d, "Correct the configuration according to P0's message") {
			t.Errorf("detail gives the generic advice for a 400 beside its own:\n%s", d)
		}
	}
	if !strings.Contains(again, "kept refusing the verification for 1m0s") || !strings.Contains(again, "stays installed") {
		t.Errorf("the action's detail does not say how long P0 refused, or that the item stays installed:\n%s", again)
	}

	function := verificationErrorDetail(newAWSItemTarget(p0.ComponentFunctionCaller, acctest.TestLambdaARN), time.Minute, refused)
	if !strings.Contains(function, "must exist in AWS account 222222222222") {
		t.Errorf("function-caller detail should name the function's account:\n%s", function)
	}

	// Failing to reach P0 is not a verdict on the AWS side.
	for _, err := range []error{
		&p0.APIError{StatusCode: http.StatusServiceUnavailable},
		&p0.APIError{StatusCode: http.StatusUnauthorized},
		fmt.Errorf("POST /verify: %w", context.DeadlineExceeded),
		errors.New("connection refused"),
	} {
		if d := verificationErrorDetail(newAWSItemTarget(p0.ComponentInventory, "123456789012"), time.Minute, err); strings.Contains(d, "p0_aws_component_staged") {
			t.Errorf("advice about the role for %v:\n%s", err, d)
		}
	}
}

// verificationErrorDetail is the detail p0_aws_component gives a failed
// verification of target's item.
func verificationErrorDetail(target awsItemTarget, bound time.Duration, err error) string {
	return install.VerificationErrorDetail(target.describe(), roleAdvice(target), true, bound, err)
}

// TestAccAWSComponent_invalid feeds configurations that must fail at plan
// time, naming the attribute, before any request reaches P0.
func TestAccAWSComponent_invalid(t *testing.T) {
	const (
		account   = `account_id = "123456789012"`
		emailUser = `login = { type = "iam", identity = { type = "email" } }`
	)
	cases := map[string]struct {
		resource, body string
		want           []string
	}{
		"base component": {"p0_aws_component", `component = "base"
  ` + account, []string{`Attribute component value must be one of`, `"base"`}},
		"unknown component": {"p0_aws_component", `component = "iam-read"
  ` + account, []string{`Attribute component value must be one of`}},
		"short account id": {"p0_aws_component", `component = "inventory"
  account_id = "12345"`, []string{`Attribute account_id must be a 12-digit AWS account ID`}},
		"account id with a letter": {"p0_aws_component", `component = "inventory"
  account_id = "12345678901a"`, []string{`Attribute account_id must be a 12-digit AWS account ID`}},
		"function arn of a role": {"p0_aws_component", `component = "function-caller"
  function_arn = "arn:aws:iam::123456789012:role/p0"`, []string{`Attribute function_arn must be a Lambda function ARN`}},
		"function-caller by account": {"p0_aws_component", `component = "function-caller"
  ` + account, []string{`account_id is not allowed for component "function-caller"`}},
		"function-caller without arn": {"p0_aws_component", `component = "function-caller"`,
			[]string{`function_arn is required for component "function-caller"`}},
		"inventory by function": {"p0_aws_component", `component = "inventory"
  function_arn = "` + acctest.TestLambdaARN + `"`, []string{`function_arn is only allowed for component "function-caller"`}},
		"both identifiers": {"p0_aws_component", `component = "inventory"
  ` + account + `
  function_arn = "` + acctest.TestLambdaARN + `"`, []string{`function_arn is only allowed for component "function-caller"`}},
		"no identifier": {"p0_aws_component", `component = "inventory"`,
			[]string{`account_id is required for component "inventory"`}},
		"assessment without analyzer": {"p0_aws_component", `component = "iam-assessment"
  ` + account, []string{`access_analyzer_arn is required for component "iam-assessment"`}},
		"analyzer on inventory": {"p0_aws_component", `component = "inventory"
  ` + account + `
  access_analyzer_arn = "` + acctest.TestAnalyzerA + `"`, []string{`access_analyzer_arn is only allowed for component "iam-assessment", not for "inventory"`}},
		"analyzer arn of a role": {"p0_aws_component", `component = "iam-assessment"
  ` + account + `
  access_analyzer_arn = "arn:aws:iam::123456789012:role/p0"`, []string{`Attribute access_analyzer_arn must be an IAM Access Analyzer ARN`}},
		"access-logs without lake": {"p0_aws_component", `component = "access-logs"
  ` + account, []string{`cloud_lake_arn is required for component "access-logs"`}},
		"lake on iam-write": {"p0_aws_component", `component = "iam-write"
  ` + account + `
  ` + emailUser + `
  cloud_lake_arn = "` + acctest.TestCloudLakeA + `"`, []string{`cloud_lake_arn is only allowed for component "access-logs", not for "iam-write"`}},
		"lake arn of a trail": {"p0_aws_component", `component = "access-logs"
  ` + account + `
  cloud_lake_arn = "arn:aws:cloudtrail:us-east-1:123456789012:trail/management"`, []string{`Attribute cloud_lake_arn must be a CloudTrail Lake event data store ARN`}},
		"iam-write without login": {"p0_aws_component", `component = "iam-write"
  ` + account, []string{`login is required for component "iam-write"`}},
		"login on inventory": {"p0_aws_component", `component = "inventory"
  ` + account + `
  ` + emailUser, []string{`login is only allowed for component "iam-write", not for "inventory"`}},
		"empty login type": {"p0_aws_component", `component = "iam-write"
  ` + account + `
  login = { type = "", identity = { type = "email" } }`, []string{`Attribute login.type string length must be at least 1`}},
		"empty identity type": {"p0_aws_component", `component = "iam-write"
  ` + account + `
  login = { type = "idc", identity = { type = "" } }`, []string{`Attribute login.identity.type string length must be at least 1`}},
		"tag identity without tag_name": {"p0_aws_component", `component = "iam-write"
  ` + account + `
  login = { type = "idc", identity = { type = "tag" } }`, []string{`login.identity.tag_name is required when login.identity.type is "tag"`}},
		"tag_name with email identity": {"p0_aws_component", `component = "iam-write"
  ` + account + `
  login = { type = "idc", identity = { type = "email", tag_name = "p0-user" } }`, []string{`login.identity.tag_name is only allowed when login.identity.type is "tag"`}},
		"empty tag_name": {"p0_aws_component", `component = "iam-write"
  ` + account + `
  login = { type = "idc", identity = { type = "tag", tag_name = "" } }`, []string{`Attribute login.identity.tag_name string length must be at least 1`}},
		"empty label": {"p0_aws_component", `component = "inventory"
  ` + account + `
  label = ""`, []string{`Attribute label string length must be at least 1`}},
		"create timeout": {"p0_aws_component", `component = "inventory"
  ` + account + `
  timeouts {
    create = "ten minutes"
  }`, []string{`create = "ten minutes"`, `must be a string containing a sequence of decimal numbers`}},
		"staged base": {"p0_aws_component_staged", `component = "base"
  ` + account, []string{`Attribute component value must be one of`, `"base"`}},
		"staged short account id": {"p0_aws_component_staged", `component = "iam-write"
  account_id = "1234567890"`, []string{`Attribute account_id must be a 12-digit AWS account ID`}},
		"staged function-caller by account": {"p0_aws_component_staged", `component = "function-caller"
  ` + account, []string{`account_id is not allowed for component "function-caller"`}},
		"staged inventory without account": {"p0_aws_component_staged", `component = "inventory"`,
			[]string{`account_id is required for component "inventory"`}},
		"staged takes no settings": {"p0_aws_component_staged", `component = "iam-write"
  ` + account + `
  ` + emailUser, []string{`An argument named "login" is not expected here`}},
	}
	env := acctest.NewTestEnv(t)
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(fmt.Sprintf("resource %q \"test\" {\n  %s\n}\n", tc.resource, tc.body)),
			PlanOnly:    true,
			ExpectError: acctest.ExpectError(tc.want...),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps:                    steps,
	})
	if reqs := env.Mock.Requests(); len(reqs) != 0 {
		t.Errorf("invalid configurations reached P0: %d requests, first %s %s", len(reqs), reqs[0].Method, reqs[0].Path)
	}
}

// callsFor keeps the calls that concern one item.
func callsFor(calls []string, item string) []string {
	var out []string
	for _, c := range calls {
		if _, path, _ := strings.Cut(c, " "); path == item || strings.HasPrefix(path, item+"/") {
			out = append(out, c)
		}
	}
	return out
}

// TestAccAWSComponent_onboarding runs the whole onboarding in one apply:
// stage, create the role from the staged metadata, install.
func TestAccAWSComponent_onboarding(t *testing.T) {
	env := acctest.NewTestEnv(t)
	const writeAccount, assessmentAccount = "999999999991", "999999999992"
	config := env.Config(
		acctest.OnboardingHCL("iam_write", p0.ComponentIAMWrite, writeAccount, `login = { type = "idc", identity = { type = "email" } }`) +
			acctest.OnboardingHCL("iam_assessment", p0.ComponentIAMAssessment, assessmentAccount, `access_analyzer_arn = "arn:aws:access-analyzer:us-east-1:`+assessmentAccount+`:analyzer/p0"`))
	// Each item is staged (one PUT, after the root was posted once for
	// both) and read by the staged resource, then installed by the other
	// without a second stage or a second read before verifying: within one
	// apply the client shares the staged resource's read.
	expectFlow := func(item string) func(*terraform.State) error {
		return func(*terraform.State) error {
			calls := callsFor(awsCallsSince(env, 0), item)
			puts := 0
			for puts < len(calls) && calls[puts] == "PUT "+item {
				puts++
			}
			want := []string{"GET " + item, "POST " + item + "/verify", "POST " + item + "/configure"}
			if puts != 1 || !slices.Equal(calls[puts:], want) {
				return fmt.Errorf("requests for %s: %v; want one PUT, then %v", item, calls, want)
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckOnlyBaseLeft(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("terraform_data.iam_write_role", tfjsonpath.New("output").AtMapKey("name"), knownvalue.StringExact("P0RoleIamWrite")),
					statecheck.ExpectKnownValue("terraform_data.iam_assessment_role", tfjsonpath.New("output").AtMapKey("name"), knownvalue.StringExact("P0RoleIamAssessment")),
					statecheck.ExpectKnownValue("p0_aws_component.iam_write", tfjsonpath.New("state"), knownvalue.StringExact(p0.StateInstalled)),
					statecheck.ExpectKnownValue("p0_aws_component.iam_assessment", tfjsonpath.New("state"), knownvalue.StringExact(p0.StateInstalled)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					expectFlow("/iam-write/"+writeAccount),
					expectFlow("/iam-assessment/"+assessmentAccount),
					func(*terraform.State) error { return acctest.CountCalls(awsCallsSince(env, 0), "POST /", 1) },
				),
			},
			{
				// The staged resources now see their items installed;
				// nothing changes.
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("p0_aws_component_staged.iam_write", tfjsonpath.New("state"), knownvalue.StringExact(p0.StateInstalled)),
				},
			},
		},
	})
}

// TestAccAWSComponent_verificationFailure installs before the AWS side is
// ready, the way P0 fails verification when the role is missing: the error
// says what to fix, and the next apply after the fix succeeds.
func TestAccAWSComponent_verificationFailure(t *testing.T) {
	env := acctest.NewTestEnv(t)
	const account = "999999999993"
	const message = "could not assume role arn:aws:iam::999999999993:role/P0RoleIamWrite"
	// P0 refuses the verification until the create timeout runs out.
	config := env.Config(acctest.OnboardingHCL("iam_write", p0.ComponentIAMWrite, account,
		"login = { type = \"iam\", identity = { type = \"email\" } }\n  timeouts {\n    create = \"2s\"\n  }"))
	item := "/iam-write/" + account
	var mark int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckOnlyBaseLeft(env),
		Steps: []resource.TestStep{
			{
				PreConfig: func() { env.Mock.FailVerification(account, message) },
				Config:    config,
				ExpectError: acctest.ExpectError(
					"Unable to Install AWS Component",
					`verifying AWS component "iam-write" in account `+account,
					"400 Bad Request: "+message,
					"p0_aws_component_staged",
					`must exist in AWS account `+account+`, exactly as described, before P0 can verify component "iam-write"`,
					"apply again",
				),
			},
			{
				// The role exists now: verification passes, and the staged
				// item is installed without being staged again.
				PreConfig: func() {
					if got, _ := env.Mock.AWSItem(p0.ComponentIAMWrite, account); got.State != p0.StateStage {
						t.Fatalf("after the failed verification the item is in state %q, want stage", got.State)
					}
					env.Mock.ClearVerificationFailure(account)
					env.MarkRequests(&mark)()
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("p0_aws_component.iam_write", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction("p0_aws_component_staged.iam_write", plancheck.ResourceActionNoop),
					},
				},
				Check: expectAWSCalls(env, &mark, "GET "+item, "GET "+item, "POST "+item+"/verify", "POST "+item+"/configure"),
			},
		},
	})
}

// TestAccAWSComponent_verificationBound installs, without a timeouts
// block, an item whose verification P0 keeps refusing: the create gives up
// after the client's VerifyTimeout (2 minutes in a release; here 1
// second), not after the create's 10-minute limit, and says how to wait
// longer.
func TestAccAWSComponent_verificationBound(t *testing.T) {
	const testVerifyTimeout = time.Second
	env := acctest.NewTestEnv(t)
	const account = "999999999994"
	env.Mock.FailVerification(account, "could not assume role P0RoleInventory")
	var start time.Time
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.FactoriesWith(func(c *p0.Config) { c.VerifyTimeout = testVerifyTimeout }),
		CheckDestroy:             acctest.CheckOnlyBaseLeft(env),
		Steps: []resource.TestStep{{
			PreConfig: func() { start = time.Now() },
			Config:    env.Config(acctest.AWSComponentHCL("test", p0.ComponentInventory, account, p0.AWSItem{}, "")),
			ExpectError: acctest.ExpectError("Unable to Install AWS Component", "could not assume role P0RoleInventory",
				"kept refusing the verification for "+testVerifyTimeout.String(), `timeouts { create = "15m" }`),
		}},
	})
	if took := time.Since(start); took > 20*testVerifyTimeout {
		t.Errorf("the create gave up after %s; want about %s", took.Round(time.Second), testVerifyTimeout)
	}
	if refused := env.Mock.Count("POST /o/{org}/integrations/aws/config/{component}/{id}/verify"); refused < 2 {
		t.Errorf("the verification was sent %d times; want it retried while the bound allowed", refused)
	}
}

// TestAccAWSComponent_keepsLabel installs, without a label in the
// configuration, items that P0 already has with one, staged and installed:
// the label stays, in P0 and in state, as the attribute promises.
func TestAccAWSComponent_keepsLabel(t *testing.T) {
	env := acctest.NewTestEnv(t)
	const staged, installedAccount = "777777777771", "777777777772"
	env.Mock.SetAWSItem(p0.ComponentInventory, staged, p0.AWSItem{State: p0.StateStage, Label: "named in P0"})
	env.Mock.SetAWSItem(p0.ComponentInventory, installedAccount, acctest.Installed(p0.AWSItem{Label: "installed in P0"}))
	config := env.Config(acctest.AWSComponentHCL("staged", p0.ComponentInventory, staged, p0.AWSItem{}, "") + acctest.AWSComponentHCL("installed", p0.ComponentInventory, installedAccount, p0.AWSItem{}, ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("p0_aws_component.staged", tfjsonpath.New("label"), knownvalue.StringExact("named in P0")),
					statecheck.ExpectKnownValue("p0_aws_component.installed", tfjsonpath.New("label"), knownvalue.StringExact("installed in P0")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.ExpectAWSItem(env, p0.ComponentInventory, staged, acctest.Installed(p0.AWSItem{Label: "named in P0"})),
					acctest.ExpectAWSItem(env, p0.ComponentInventory, installedAccount, acctest.Installed(p0.AWSItem{Label: "installed in P0"})),
				),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
