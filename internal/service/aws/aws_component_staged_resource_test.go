package aws

import (
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// stagedMetadataChecks expect the role metadata the mock generates for
// roleName, or nulls when roleName is empty (components without a role).
func stagedMetadataChecks(address, roleName string) []statecheck.StateCheck {
	check := func(name string, c knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(address, tfjsonpath.New(name), c)
	}
	if roleName == "" {
		checks := []statecheck.StateCheck{}
		for _, name := range []string{"role_name", "trust_policy", "inline_policy", "inline_policy_name", "service_account_id"} {
			checks = append(checks, check(name, knownvalue.Null()))
		}
		return checks
	}
	return []statecheck.StateCheck{
		check("role_name", knownvalue.StringExact(roleName)),
		check("inline_policy_name", knownvalue.StringExact(roleName+"Policy")),
		check("trust_policy", knownvalue.StringRegexp(regexp.MustCompile(`"sts:AssumeRoleWithWebIdentity"`))),
		check("inline_policy", knownvalue.StringRegexp(regexp.MustCompile(`"Effect": "Allow"`))),
		check("service_account_id", knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]{21}$`))),
	}
}

func TestAccAWSComponentStaged_lifecycle(t *testing.T) {
	env := acctest.NewTestEnv(t)
	const (
		account, newAccount = "777777777771", "777777777772"
		writeAddress        = "p0_aws_component_staged.write"
		inventoryAddress    = "p0_aws_component_staged.inventory"
		functionAddress     = "p0_aws_component_staged.function"
		assessmentAddress   = "p0_aws_component_staged.assessment"
	)
	config := func(writeAccount string, more string) string {
		return env.Config(acctest.StagedHCL("write", p0.ComponentIAMWrite, writeAccount) + acctest.StagedHCL("inventory", p0.ComponentInventory, account) + acctest.StagedHCL("function", p0.ComponentFunctionCaller, acctest.TestLambdaARN) + more)
	}
	assessment := acctest.StagedHCL("assessment", p0.ComponentIAMAssessment, account)
	expect := func(address string, checks map[string]knownvalue.Check) []statecheck.StateCheck {
		out := []statecheck.StateCheck{}
		for name, c := range checks {
			out = append(out, statecheck.ExpectKnownValue(address, tfjsonpath.New(name), c))
		}
		return out
	}
	staged := func(id string) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{
			"id":    knownvalue.StringExact(id),
			"state": knownvalue.StringExact(p0.StateStage),
			"label": knownvalue.Null(),
		}
	}
	malformedImport := func(id, reason string) resource.TestStep {
		return resource.TestStep{
			ResourceName:  writeAddress,
			ImportState:   true,
			ImportStateId: id,
			ExpectError:   acctest.ExpectError("Invalid Import ID", `"<component>/<account_id>"`, reason),
		}
	}
	var mark int

	firstChecks := append(stagedMetadataChecks(writeAddress, "P0RoleIamWrite"), stagedMetadataChecks(inventoryAddress, "")...)
	firstChecks = append(firstChecks, stagedMetadataChecks(functionAddress, "P0RoleFunctionCaller")...)
	firstChecks = append(firstChecks, expect(writeAddress, staged("iam-write/"+account))...)
	firstChecks = append(firstChecks, expect(inventoryAddress, staged("inventory/"+account))...)
	firstChecks = append(firstChecks, expect(functionAddress, staged("function-caller/"+acctest.TestLambdaARN))...)
	firstChecks = append(firstChecks,
		statecheck.ExpectKnownValue(functionAddress, tfjsonpath.New("account_id"), knownvalue.Null()),
		statecheck.ExpectKnownValue(functionAddress, tfjsonpath.New("function_arn"), knownvalue.StringExact(acctest.TestLambdaARN)),
		// The function's policy grants invoking that function only.
		statecheck.ExpectKnownValue(functionAddress, tfjsonpath.New("inline_policy"), knownvalue.StringRegexp(regexp.MustCompile(regexp.QuoteMeta(acctest.TestLambdaARN)))),
		statecheck.ExpectKnownValue(writeAddress, tfjsonpath.New("function_arn"), knownvalue.Null()),
	)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckOnlyBaseLeft(env),
		Steps: []resource.TestStep{
			{
				// Three parallel stages on an organization without an
				// integration root: the root is posted once, each item is
				// staged and read once, and nothing is verified.
				Config:            config(account, ""),
				ConfigStateChecks: firstChecks,
				Check: func(*terraform.State) error {
					calls := awsCallsSince(env, 0)
					for call, n := range map[string]int{
						"POST /":                    1,
						"GET /iam-write/" + account: 1,
						"GET /inventory/" + account: 1,
						"GET /function-caller/" + acctest.TestLambdaARN: 1,
					} {
						if err := acctest.CountCalls(calls, call, n); err != nil {
							return err
						}
					}
					for _, c := range calls {
						if regexp.MustCompile(`/(verify|configure)$`).MatchString(c) {
							return fmt.Errorf("staging sent %s", c)
						}
					}
					return nil
				},
			},
			{
				Config: config(account, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{ResourceName: writeAddress, ImportState: true, ImportStateId: "iam-write/" + account, ImportStateVerify: true},
			{ResourceName: inventoryAddress, ImportState: true, ImportStateId: "inventory/" + account, ImportStateVerify: true},
			{ResourceName: functionAddress, ImportState: true, ImportStateId: "function-caller/" + acctest.TestLambdaARN, ImportStateVerify: true},
			malformedImport("iam-write", `no "/"`),
			malformedImport("base/"+account, `"base" is not a component`),
			malformedImport("iam-write/1234", "12-digit AWS account ID"),
			malformedImport("function-caller/"+account, "Lambda function ARN"),
			{
				// Installed meanwhile (by p0_aws_component): the staged
				// resource follows without planning anything.
				PreConfig: func() {
					env.Mock.SetAWSItem(p0.ComponentIAMWrite, account, p0.AWSItem{
						State: p0.StateInstalled, Label: "production",
						Login: &p0.AWSLogin{Type: "iam", Identity: &p0.AWSLoginIdentity{Type: "email"}},
					})
				},
				Config: config(account, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: expect(writeAddress, map[string]knownvalue.Check{
					"state": knownvalue.StringExact(p0.StateInstalled),
					"label": knownvalue.StringExact("production"),
				}),
			},
			{
				// Already in P0 when created: the 409 is taken as the item
				// being there, and it is adopted as it is.
				PreConfig: func() {
					env.Mock.SetAWSItem(p0.ComponentIAMAssessment, account, p0.AWSItem{State: p0.StateStage, Label: "pre-existing"})
					env.MarkRequests(&mark)()
				},
				Config: config(account, assessment),
				ConfigStateChecks: append(stagedMetadataChecks(assessmentAddress, "P0RoleIamAssessment"), expect(assessmentAddress, map[string]knownvalue.Check{
					"state": knownvalue.StringExact(p0.StateStage),
					"label": knownvalue.StringExact("pre-existing"),
				})...),
				Check: func(*terraform.State) error {
					return acctest.CountCalls(awsCallsSince(env, mark), "PUT /iam-assessment/"+account, 1)
				},
			},
			{
				Config: config(newAccount, assessment),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(writeAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: expect(writeAddress, staged("iam-write/"+newAccount)),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.ExpectNoAWSItem(env, p0.ComponentIAMWrite, account),
					acctest.ExpectAWSItem(env, p0.ComponentIAMWrite, newAccount, p0.AWSItem{State: p0.StateStage}),
				),
			},
			{
				// Deleted behind Terraform's back: staged again.
				PreConfig: func() {
					if !env.Mock.DeleteAWSItem(p0.ComponentInventory, account) {
						t.Fatal("the inventory item was not in the mock")
					}
				},
				Config: config(newAccount, assessment),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(inventoryAddress, plancheck.ResourceActionCreate)},
				},
				Check: acctest.ExpectAWSItem(env, p0.ComponentInventory, account, p0.AWSItem{State: p0.StateStage}),
			},
		},
	})
}

func TestStagedModel(t *testing.T) {
	target := newAWSItemTarget(p0.ComponentIAMWrite, "123456789012")
	got := readAWSComponentStaged(awsComponentStagedModel{awsItemTarget: target},
		install.Read(p0.Object{"state": json.RawMessage(`"stage"`)}, "item."),
		install.Read(p0.Object{"roleName": json.RawMessage(`"P0RoleIamWrite"`), "trustPolicy": json.RawMessage(`"{}"`),
			"inlinePolicy": json.RawMessage(`"{ }"`), "inlinePolicyName": json.RawMessage(`"P0Policy"`), "serviceAccountId": json.RawMessage(`"1"`)}, "metadata."))
	if got.awsItemTarget != target || got.State.ValueString() != p0.StateStage || !got.Label.IsNull() {
		t.Errorf("staged item fields = %+v", got)
	}
	for name, v := range map[string]string{
		"role_name": got.RoleName.ValueString(), "trust_policy": got.TrustPolicy.ValueString(), "inline_policy": got.InlinePolicy.ValueString(),
		"inline_policy_name": got.InlinePolicyName.ValueString(), "service_account_id": got.ServiceAccountID.ValueString(),
	} {
		if v == "" {
			t.Errorf("%s is empty", name)
		}
	}

	// Components without a role come without metadata: nulls, not "".
	bare := readAWSComponentStaged(awsComponentStagedModel{awsItemTarget: newAWSItemTarget(p0.ComponentInventory, "123456789012")},
		install.Read(p0.Object{"state": json.RawMessage(`"installed"`), "label": json.RawMessage(`"inv"`)}, "item."), install.Read(nil, "metadata."))
	for name, v := range map[string]bool{
		"role_name": bare.RoleName.IsNull(), "trust_policy": bare.TrustPolicy.IsNull(), "inline_policy": bare.InlinePolicy.IsNull(),
		"inline_policy_name": bare.InlinePolicyName.IsNull(), "service_account_id": bare.ServiceAccountID.IsNull(),
	} {
		if !v {
			t.Errorf("%s should be null without metadata", name)
		}
	}
	if bare.Label.ValueString() != "inv" || bare.State.ValueString() != p0.StateInstalled {
		t.Errorf("staged item without metadata = %+v", bare)
	}
}
