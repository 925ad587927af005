package provider_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	p0provider "github.com/p0-security/terraform-provider-p0/internal/provider"
)

// invalidInput is one configuration that must be refused at plan time.
type invalidInput struct {
	name string
	// provider replaces the provider block, for invalid provider settings.
	provider string
	hcl      string
	// want are phrases the error must contain, in order; the first names
	// the attribute at fault.
	want []string
}

// Valid surroundings for the invalid attribute of each case.
const (
	anyRule = `
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = [{ type = "auto" }]`
	validAccount = `"400000000401"`
)

func badRule(body string) string {
	return "resource \"p0_routing_rule\" \"bad\" {\n  name = \"bad\"\n" + body + "\n}\n"
}

func badStaged(body string) string {
	return "resource \"p0_aws_component_staged\" \"bad\" {\n" + body + "\n}\n"
}

func badComponent(body string) string {
	return "resource \"p0_aws_component\" \"bad\" {\n" + body + "\n}\n"
}

func badExpiry(body string) string {
	return "resource \"p0_expiry_option\" \"bad\" {\n" + body + "\n}\n"
}

func badJIT(body string) string {
	return "resource \"p0_jit_settings\" \"bad\" {\n" + body + "\n}\n"
}

func badWorkflow(body string) string {
	return "resource \"p0_routing_workflow\" \"bad\" {\n" + body + "\n}\n"
}

func badAccessRequest(body string) string {
	return "ephemeral \"p0_access_request\" \"bad\" {\n" + body + "\n}\n"
}

// invalidInputs are the bad configurations, by resource.
var invalidInputs = []invalidInput{
	// p0_routing_rule
	{name: "rule empty requestor type", hcl: badRule(`
  requestor = { type = "" }
  resource  = { type = "any" }
  approval  = [{ type = "auto" }]`), want: []string{"Attribute requestor.type string length must be at least 1"}},
	{name: "rule group named by nothing", hcl: badRule(`
  requestor = { type = "group" }
  resource  = { type = "any" }
  approval  = [{ type = "auto" }]`), want: []string{`A requestor of type "group" is named by requestor.uid or by requestor.groups`}},
	{name: "rule empty groups", hcl: badRule(`
  requestor = { type = "group", groups = [] }
  resource  = { type = "any" }
  approval  = [{ type = "auto" }]`), want: []string{"Attribute requestor.groups list must contain at least 1 elements"}},
	{name: "rule service missing for an integration", hcl: badRule(`
  requestor = { type = "any" }
  resource  = { type = "integration" }
  approval  = [{ type = "auto" }]`), want: []string{`resource.service is required when resource.type is "integration"`}},
	{name: "rule empty filter effect", hcl: badRule(`
  requestor = { type = "any" }
  resource  = { type = "integration", service = "aws", filters = { a = { effect = "" } } }
  approval  = [{ type = "auto" }]`), want: []string{`Attribute resource.filters["a"].effect string length must be at least 1`}},
	{name: "rule without approvals", hcl: badRule(`
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = []`), want: []string{"Attribute approval list must contain at least 1 elements"}},
	{name: "rule empty options", hcl: badRule(`
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = [{ type = "auto", options = {} }]`), want: []string{"Attribute approval[0].options sets nothing"}},
	{name: "rule empty services", hcl: badRule(`
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = [{ type = "group", services = [] }]`), want: []string{"Attribute approval[0].services list must contain at least 1 elements"}},
	{name: "rule empty name", hcl: `resource "p0_routing_rule" "bad" {
  name = ""` + anyRule + "\n}\n", want: []string{"Attribute name string length must be at least 1"}},
	{name: "rule without approval", hcl: `resource "p0_routing_rule" "bad" {
  name      = "bad"
  requestor = { type = "any" }
  resource  = { type = "any" }
}
`, want: []string{`The argument "approval" is required`}},
	{name: "rule disabled not a bool", hcl: badRule(`  disabled = "maybe"` + anyRule), want: []string{`Inappropriate value for attribute "disabled"`}},

	// p0_aws_component_staged
	{name: "staged base component", hcl: badStaged(`  component = "base"
  account_id = ` + validAccount), want: []string{"Attribute component value must be one of"}},
	{name: "staged short account id", hcl: badStaged(`  component = "inventory"
  account_id = "12345"`), want: []string{"Attribute account_id must be a 12-digit AWS account ID"}},
	{name: "staged function-caller by account", hcl: badStaged(`  component = "function-caller"
  account_id = ` + validAccount), want: []string{`function_arn is required for component "function-caller"`}},
	{name: "staged inventory by function", hcl: badStaged(`  component = "inventory"
  account_id = ` + validAccount + `
  function_arn = "arn:aws:lambda:us-east-1:400000000401:function:f"`), want: []string{`function_arn is only allowed for component "function-caller"`}},
	{name: "staged function ARN of another service", hcl: badStaged(`  component = "function-caller"
  function_arn = "arn:aws:s3:::bucket"`), want: []string{"Attribute function_arn must be a Lambda function ARN"}},

	// p0_aws_component
	{name: "component assessment without analyzer", hcl: badComponent(`  component = "iam-assessment"
  account_id = ` + validAccount), want: []string{`access_analyzer_arn is required for component "iam-assessment"`}},
	{name: "component analyzer for inventory", hcl: badComponent(`  component = "inventory"
  account_id = ` + validAccount + `
  access_analyzer_arn = "arn:aws:access-analyzer:us-east-1:400000000401:analyzer/a"`), want: []string{`access_analyzer_arn is only allowed for component "iam-assessment", not for "inventory"`}},
	{name: "component analyzer ARN malformed", hcl: badComponent(`  component = "iam-assessment"
  account_id = ` + validAccount + `
  access_analyzer_arn = "analyzer/a"`), want: []string{"Attribute access_analyzer_arn must be an IAM Access Analyzer ARN"}},
	{name: "component access logs without lake", hcl: badComponent(`  component = "access-logs"
  account_id = ` + validAccount), want: []string{`cloud_lake_arn is required for component "access-logs"`}},
	{name: "component lake ARN malformed", hcl: badComponent(`  component = "access-logs"
  account_id = ` + validAccount + `
  cloud_lake_arn = "arn:aws:cloudtrail:us-east-1:400000000401:trail/t"`), want: []string{"Attribute cloud_lake_arn must be a CloudTrail Lake event data store ARN"}},
	{name: "component iam-write without login", hcl: badComponent(`  component = "iam-write"
  account_id = ` + validAccount), want: []string{`login is required for component "iam-write"`}},
	{name: "component empty login type", hcl: badComponent(`  component = "iam-write"
  account_id = ` + validAccount + `
  login = { type = "", identity = { type = "email" } }`), want: []string{"Attribute login.type string length must be at least 1"}},
	{name: "component iam sign-in without identity", hcl: badComponent(`  component = "iam-write"
  account_id = ` + validAccount + `
  login = { type = "iam" }`), want: []string{`login.identity is required when login.type is "iam"`}},
	{name: "component tag identity without tag name", hcl: badComponent(`  component = "iam-write"
  account_id = ` + validAccount + `
  login = { type = "iam", identity = { type = "tag" } }`), want: []string{`login.identity.tag_name is required when login.identity.type is "tag"`}},
	{name: "component tag name with email identity", hcl: badComponent(`  component = "iam-write"
  account_id = ` + validAccount + `
  login = { type = "iam", identity = { type = "email", tag_name = "t" } }`), want: []string{`login.identity.tag_name is only allowed when login.identity.type is "tag"`}},
	{name: "component empty label", hcl: badComponent(`  component = "inventory"
  account_id = ` + validAccount + `
  label = ""`), want: []string{"Attribute label string length must be at least 1"}},
	{name: "component create timeout", hcl: badComponent(`  component = "inventory"
  account_id = ` + validAccount + `
  timeouts {
    create = "soon"
  }`), want: []string{"Invalid Attribute Value Time Duration", `create = "soon"`, "must be a string containing a sequence of decimal numbers"}},

	// p0_expiry_option
	{name: "expiry zero time", hcl: badExpiry(`  time = 0
  unit = "h"`), want: []string{"Attribute time value must be at least 1"}},
	{name: "expiry unit", hcl: badExpiry(`  time = 2
  unit = "y"`), want: []string{"Attribute unit value must be one of"}},
	{name: "expiry without unit", hcl: badExpiry(`  time = 2`), want: []string{`The argument "unit" is required`}},

	// p0_jit_settings
	{name: "jit standing longer than max", hcl: badJIT(`  standing_access_duration = { time = 8, unit = "d" }
  max_access_duration      = { time = 1, unit = "w" }`), want: []string{"Standing Access Longer Than Maximum", "standing_access_duration (8d"}},
	{name: "jit negative max", hcl: badJIT(`  max_access_duration = { time = -3, unit = "d" }`), want: []string{"Attribute max_access_duration.time value must be at least 1"}},
	{name: "jit duration unit", hcl: badJIT(`  standing_access_duration = { time = 2, unit = "months" }`), want: []string{"Attribute standing_access_duration.unit value must be one of"}},
	{name: "jit approval default not a bool", hcl: badJIT(`  allow_one_party = "sometimes"`), want: []string{`Inappropriate value for attribute "allow_one_party"`}},

	// p0_routing_workflow
	{name: "workflow duplicate rule names", hcl: badWorkflow(`  rules = [{
    name = "same"` + anyRule + `
  }, {
    name = "same"` + anyRule + `
  }]`), want: []string{"Duplicate Rule Name", `Rules 1 and 2 are both named "same"`}},
	{name: "workflow rule user without uid", hcl: badWorkflow(`  rules = [{
    name      = "bad"
    requestor = { type = "user" }
    resource  = { type = "any" }
    approval  = [{ type = "auto" }]
  }]`), want: []string{`requestor.uid is required when requestor.type is "user"`}},

	// p0_access_request
	{name: "access request without a command", hcl: badAccessRequest(`  argv = []`), want: []string{"Attribute argv list must contain at least 1 elements"}},
	{name: "access request command", hcl: badAccessRequest(`  argv = ["delete", "aws"]`), want: []string{"Unsupported P0 Command", `argv must start with one of request, grant, allow; got "delete"`}},
	{name: "access request reason twice", hcl: badAccessRequest(`  argv   = ["request", "aws", "--reason", "x"]
  reason = "y"`), want: []string{"Reason Given Twice", "argv contains --reason"}},
	{name: "access request empty reason", hcl: badAccessRequest(`  argv   = ["request", "aws"]
  reason = ""`), want: []string{"Attribute reason string length must be at least 1"}},

	// p0_routing_workflow
	{name: "workflow empty id", hcl: `data "p0_routing_workflow" "bad" {
  id = ""
}
`, want: []string{"Attribute id string length must be at least 1"}},

	// p0_aws_integration, which takes no arguments
	{name: "integration argument", hcl: `data "p0_aws_integration" "bad" {
  account_id = "400000000401"
}
`, want: []string{`An argument named "account_id" is not expected here`}},

	// the provider
	{name: "provider max retries", provider: `provider "p0" {
  org         = "o"
  api_token   = "t"
  max_retries = 99
}
`, hcl: badRule(anyRule), want: []string{"Attribute max_retries value must be between 0 and 20"}},
	{name: "provider plain http to a remote host", provider: `provider "p0" {
  org       = "o"
  api_token = "t"
  host      = "http://api.example.com"
}
`, hcl: badRule(anyRule), want: []string{"Invalid P0 Host", "uses http:// to a non-loopback host; use https://"}},
	{name: "provider host scheme", provider: `provider "p0" {
  org       = "o"
  api_token = "t"
  host      = "ftp://api.example.com"
}
`, hcl: badRule(anyRule), want: []string{"Invalid P0 Host", "must start with https://"}},
}

// TestAccReliability_badInput plans every invalid configuration: each must
// fail with an error naming the attribute, and none may reach P0.
func TestAccReliability_badInput(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	t.Setenv("P0_ORG", "")
	t.Setenv("P0_API_TOKEN", "")
	t.Setenv("P0_HOST", "")
	t.Setenv("P0_MAX_RETRIES", "")
	resources := map[string]bool{}
	steps := make([]resource.TestStep, 0, len(invalidInputs))
	for _, tc := range invalidInputs {
		provider := tc.provider
		if provider == "" {
			provider = env.ProviderBlock()
		}
		resources[strings.Join(strings.Fields(tc.hcl)[:2], " ")] = true
		steps = append(steps, resource.TestStep{
			PreConfig:   func() { t.Logf("invalid input: %s", tc.name) },
			Config:      provider + tc.hcl,
			PlanOnly:    true,
			ExpectError: acctest.ExpectError(tc.want...),
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps:                    steps,
	})
	if n := len(env.Traffic.Exchanges()); n > 0 {
		ex := env.Traffic.Exchanges()[0]
		t.Errorf("invalid configurations reached P0: %d requests, the first %s %s", n, ex.Method, ex.Path)
	}
	if n := len(env.Mock.Requests()); n > 0 {
		t.Errorf("the mock logged %d requests", n)
	}
	t.Logf("bad input suite: %d invalid configurations across %d resource types and the provider, none reached P0", len(invalidInputs), len(resources))
}

// TestAccReliability_malformedResponses answers creates and reads with
// bodies P0 should never send, as a broken proxy or a bad deployment might:
// each must end in a diagnostic that says P0's answer could not be read,
// never in a panic or a zero-valued object in state.
func TestAccReliability_malformedResponses(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	f := acctest.Fleet{Rules: 1}
	path := "/o/" + acctest.TestOrg + "/routing/name/" + f.Rule(0).Name + "$"
	cases := []struct {
		name        string
		method      string
		status      int
		contentType string
		body        string
		want        []string
	}{
		{"truncated JSON", http.MethodPost, 200, "application/json", `{"name":"fleet rule 00","requestor":{`,
			[]string{"Unable to Create Routing Rule", "P0's answer could not be read", "unexpected end of JSON input"}},
		{"wrong types", http.MethodPost, 200, "application/json", `{"name":"fleet rule 00","approval":{"type":"auto"}}`,
			[]string{"Unable to Create Routing Rule", "P0's answer could not be read", "cannot unmarshal object", "approval"}},
		{"HTML page with success status", http.MethodPost, 200, "text/html", `<html><body>Welcome to nginx!</body></html>`,
			[]string{"Unable to Create Routing Rule", "P0's answer could not be read", `body starts with "<html><body>Welcome to nginx!`}},
		{"empty body", http.MethodPost, 200, "application/json", ``,
			[]string{"Unable to Create Routing Rule", "P0's answer could not be read", "the body is empty"}},
		{"null body", http.MethodPost, 200, "application/json", `null`,
			[]string{"Unable to Create Routing Rule", "P0's answer could not be read", "the body is null"}},
		{"huge body", http.MethodPost, 200, "application/json", `{"name":"` + strings.Repeat("x", 9<<20) + `"}`,
			[]string{"Unable to Create Routing Rule", "P0's answer could not be read", "body exceeds 8388608 bytes"}},
		{"HTML error page", http.MethodPost, http.StatusForbidden, "text/html", "<html>\n<h1>403 Forbidden</h1>\n<p>Request blocked by policy</p></html>",
			[]string{"Unable to Create Routing Rule", "P0 answered 403 Forbidden", `non-JSON response: "<html> <h1>403 Forbidden</h1>`}},
		// Rules are acctest.Refreshed from the whole workflow.
		{"wrong types on read", http.MethodGet, 200, "application/json", `{"id":"wf-1","rules":[{"name":"fleet rule 00","approval":"auto"}]}`,
			[]string{"Unable to Read Routing Rule", "P0's answer could not be read", "cannot unmarshal string", "approval"}},
	}
	workflowPath := "/o/" + acctest.TestOrg + "/routing$"
	var steps []resource.TestStep
	for _, tc := range cases {
		if tc.method == http.MethodGet {
			// A read needs the rule in state first.
			steps = append(steps, resource.TestStep{Config: env.Config(f.Hcl()), Check: f.CheckMatches(env.Mock)})
		}
		steps = append(steps, resource.TestStep{
			PreConfig: func() {
				t.Logf("malformed response: %s", tc.name)
				answered := path
				if tc.method == http.MethodGet {
					answered = workflowPath
				}
				env.Traffic.AnswerNext(tc.method, answered, 0, tc.status, tc.contentType, []byte(tc.body))
			},
			Config:      env.Config(f.Hcl()),
			ExpectError: acctest.ExpectError(tc.want...),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             f.CheckEmpty(env.Mock),
		Steps:                    steps,
	})
	t.Logf("malformed responses: %d kinds of body, each a clear error", len(cases))
}

// TestInvalidInputsCoverEveryType checks that the table has a case for every
// resource, data source and ephemeral resource the provider serves, so that
// a new one cannot be left out.
func TestInvalidInputsCoverEveryType(t *testing.T) {
	ctx := context.Background()
	p, ok := p0provider.New("test", "test")().(provider.ProviderWithEphemeralResources)
	if !ok {
		t.Fatal("the provider serves no ephemeral resources")
	}
	var blocks []string
	for _, newResource := range p.Resources(ctx) {
		var resp fwresource.MetadataResponse
		newResource().Metadata(ctx, fwresource.MetadataRequest{ProviderTypeName: "p0"}, &resp)
		blocks = append(blocks, fmt.Sprintf("resource %q", resp.TypeName))
	}
	for _, newDataSource := range p.DataSources(ctx) {
		var resp datasource.MetadataResponse
		newDataSource().Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "p0"}, &resp)
		blocks = append(blocks, fmt.Sprintf("data %q", resp.TypeName))
	}
	for _, newEphemeral := range p.EphemeralResources(ctx) {
		var resp ephemeral.MetadataResponse
		newEphemeral().Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "p0"}, &resp)
		blocks = append(blocks, fmt.Sprintf("ephemeral %q", resp.TypeName))
	}
	if len(blocks) < 8 {
		t.Fatalf("the provider serves only %d types: %q", len(blocks), blocks)
	}
	for _, block := range blocks {
		covered := slices.ContainsFunc(invalidInputs, func(tc invalidInput) bool { return strings.HasPrefix(tc.hcl, block+" ") })
		if !covered {
			t.Errorf("no invalid configuration of %s", block)
		}
	}
}
