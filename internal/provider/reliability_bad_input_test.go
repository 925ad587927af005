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
	// inPlan is set where only the plan can refuse the configuration,
	// since what is valid depends on what P0 holds: the provider's
	// credentials check reads P0 first.
	inPlan bool
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

// bad is a block of resourceType with body.
func bad(resourceType, body string) string {
	return "resource \"" + resourceType + "\" \"bad\" {\n" + body + "\n}\n"
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
  approval  = [{ type = "auto" }]`), want: []string{`A requestor of type "group" is named by requestor.uid or by requestor.groups`}, inPlan: true},
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

	// The integrations beside AWS.
	{name: "midc staged account", hcl: bad("p0_aws_midc_staged", `
  id         = "123"
  idc_region = "us-east-1"`), want: []string{"Attribute id must be a 12-digit AWS account ID"}},
	{name: "midc identity", hcl: bad("p0_aws_midc", `
  id         = "123456789012"
  idc_region = "us-east-1"
  identity   = "name"`), want: []string{"Attribute identity value must be one of"}},
	{name: "oidc identity staged provider url", hcl: bad("p0_aws_oidc_identity_staged", `
  id                = "ci"
  account_id        = "123456789012"
  oidc_provider_url = "http://token.example.com"
  audience          = "sts.amazonaws.com"`), want: []string{"Attribute oidc_provider_url must be a URL that begins with https://"}},
	{name: "oidc identity account", hcl: bad("p0_aws_oidc_identity", `
  id                = "ci"
  account_id        = "prod"
  oidc_provider_url = "https://token.example.com"
  audience          = "sts.amazonaws.com"`), want: []string{"Attribute account_id must be a 12-digit AWS account ID"}},
	{name: "rds vpc", hcl: bad("p0_aws_rds", `
  id         = "my-vpc"
  account_id = "123456789012"
  region     = "us-west-2"`), want: []string{"Attribute id must be a VPC ID"}},
	{name: "kubernetes staged connectivity", hcl: bad("p0_kubernetes_staged", `
  id                    = "prod"
  cluster_arn           = "arn"
  cluster_endpoint      = "https://k8s.example.com"
  certificate_authority = "ca"
  connectivity_type     = "private"`), want: []string{"Attribute connectivity_type value must be one of"}},
	{name: "kubernetes token", hcl: bad("p0_kubernetes", `
  id                    = "prod"
  cluster_arn           = "arn"
  cluster_endpoint      = "https://k8s.example.com"
  certificate_authority = "ca"
  public_jwk            = "{}"`), want: []string{`The argument "token" is required`}},
	{name: "azure directory", hcl: bad("p0_azure", `
  directory_id = "contoso"`), want: []string{"Attribute directory_id must be a UUID"}},
	{name: "azure app staged argument", hcl: bad("p0_azure_app_staged", `
  app_name = "p0"`), want: []string{`Invalid Configuration for Read-Only Attribute`, "app_name"}},
	{name: "azure app client", hcl: bad("p0_azure_app", `
  client_id = "p0-app"`), want: []string{"Attribute client_id must be a UUID"}},
	{name: "azure iam write staged subscription", hcl: bad("p0_azure_iam_write_staged", ``),
		want: []string{`The argument "subscription_id" is required`}},
	{name: "azure iam write subscription", hcl: bad("p0_azure_iam_write", ``),
		want: []string{`The argument "subscription_id" is required`}},
	{name: "azure bastion host staged subscription", hcl: bad("p0_azure_bastion_host_staged", ``),
		want: []string{`The argument "subscription_id" is required`}},
	{name: "azure bastion host both kinds", hcl: bad("p0_azure_bastion_host", `
  subscription_id = "s"
  azure_bastion = {
    bastion_id              = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/b"
    standard_access_role_id = "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/r"
    admin_access_role_id    = "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/a"
  }
  jump_host = {
    virtual_machine_id      = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm"
    standard_access_role_id = "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/r"
    admin_access_role_id    = "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/a"
  }`), want: []string{"Invalid Attribute Combination", "jump_host = {", "Set exactly one of azure_bastion, jump_host"}},
	{name: "azure bastion host role", hcl: bad("p0_azure_bastion_host", `
  subscription_id = "s"
  azure_bastion = {
    bastion_id              = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/b"
    standard_access_role_id = "reader"
    admin_access_role_id    = "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/a"
  }`), want: []string{"Attribute azure_bastion.standard_access_role_id must be a role definition resource ID"}},
	{name: "azure jump host function app", hcl: bad("p0_azure_jump_host", `
  client_id                = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
  function_app_resource_id = "p0-jump"`), want: []string{"Attribute function_app_resource_id must be a Function App resource ID"}},
	{name: "gcp organization", hcl: bad("p0_gcp", `
  organization_id = "example.com"`), want: []string{"Attribute organization_id must be a GCP organization ID"}},
	{name: "gcp iam assessment staged project", hcl: bad("p0_gcp_iam_assessment_staged", ``), want: []string{`The argument "project" is required`}},
	{name: "gcp iam assessment project", hcl: bad("p0_gcp_iam_assessment", ``), want: []string{`The argument "project" is required`}},
	{name: "gcp iam write staged project", hcl: bad("p0_gcp_iam_write_staged", ``), want: []string{`The argument "project" is required`}},
	{name: "gcp iam write project", hcl: bad("p0_gcp_iam_write", `
  project = "my project"`), want: []string{"Attribute project must be a GCP project ID"}},
	{name: "gcp access logs project", hcl: bad("p0_gcp_access_logs", `
  project = "my_project"`), want: []string{"Attribute project must be a GCP project ID"}},
	{name: "gcp sharing restriction project", hcl: bad("p0_gcp_sharing_restriction", `
  project = "my_project"`), want: []string{"Attribute project must be a GCP project ID"}},
	{name: "gcp organization access logs project", hcl: bad("p0_gcp_organization_access_logs", `
  topic_project_id = "my project"`), want: []string{"Attribute topic_project_id must be a GCP project ID"}},
	{name: "gcp organization iam assessment id", hcl: bad("p0_gcp_organization_iam_assessment", `
  id = "my-org"`), want: []string{"Invalid Configuration for Read-Only Attribute", "id"}},
	{name: "gcp security perimeter staged region", hcl: bad("p0_gcp_security_perimeter_staged", `
  region = "us-west1"`), want: []string{`The argument "project" is required`}},
	{name: "gcp security perimeter url", hcl: bad("p0_gcp_security_perimeter", `
  project         = "my-project"
  cloud_run_url   = "perimeter.run.app"
  allowed_domains = "example.com"
  image_digest    = "sha256:abc"`), want: []string{"Attribute cloud_run_url must be a URL"}},
	{name: "gcp cloudsql staged project", hcl: bad("p0_gcp_cloudsql_staged", `
  id         = "vpc"
  project_id = "my project"
  subnetwork = "default"`), want: []string{"Attribute project_id must be a GCP project ID"}},
	{name: "gcp cloudsql project", hcl: bad("p0_gcp_cloudsql", `
  id         = "vpc"
  project_id = "my project"
  subnetwork = "default"`), want: []string{"Attribute project_id must be a GCP project ID"}},
	{name: "gcp wif identity staged project", hcl: bad("p0_gcp_wif_identity_staged", `
  id                = "ci"
  project_id        = "my project"
  oidc_provider_url = "https://token.example.com"`), want: []string{"Attribute project_id must be a GCP project ID"}},
	{name: "gcp wif identity project", hcl: bad("p0_gcp_wif_identity", `
  id                = "ci"
  project_id        = "my project"
  oidc_provider_url = "https://token.example.com"`), want: []string{"Attribute project_id must be a GCP project ID"}},
	{name: "ssh aws account", hcl: bad("p0_ssh_aws", `
  account_id = "prod"`), want: []string{"Attribute account_id must be an AWS account ID, in digits"}},
	{name: "ssh gcp project", hcl: bad("p0_ssh_gcp", `
  group_key = "team"`), want: []string{`The argument "project_id" is required`}},
	{name: "ssh azure sudo", hcl: bad("p0_ssh_azure", `
  subscription_id = "s"
  is_sudo_enabled = "sometimes"`), want: []string{"is_sudo_enabled", "a bool is required"}},
	{name: "file transfer bucket", hcl: bad("p0_file_transfer", `
  account_id  = "123456789012"
  bucket_name = "My_Bucket"`), want: []string{"Attribute bucket_name must be a valid S3 bucket DNS name"}},
	{name: "mysql staged hosting type", hcl: bad("p0_mysql_staged", `
  id      = "db"
  hosting = { type = "gcp", instance_arn = "arn:aws:rds:us-west-2:123456789012:db:db", vpc_id = "vpc-0abc1234" }`),
		want: []string{"Attribute hosting.type value must be one of"}},
	{name: "mysql port", hcl: bad("p0_mysql", `
  id   = "db"
  port = "99999"`), want: []string{"Attribute port must be a port number, 1 to 65535"}},
	{name: "postgres staged instance", hcl: bad("p0_postgres_staged", `
  id      = "db"
  hosting = { type = "aws-rds", instance_arn = "db", vpc_id = "vpc-0abc1234" }`),
		want: []string{"Attribute hosting.instance_arn must be an AWS RDS instance ARN"}},
	{name: "postgres port", hcl: bad("p0_postgres", `
  id   = "db"
  port = "5432/tcp"`), want: []string{"Attribute port must be a port number, 1 to 65535"}},
	{name: "okta listing staged domain", hcl: bad("p0_okta_directory_listing_staged", ``), want: []string{`The argument "domain" is required`}},
	{name: "okta listing jwk", hcl: bad("p0_okta_directory_listing", `
  domain = "example.okta.com"
  client = "0oa1"`), want: []string{`The argument "jwk" is required`}},
	{name: "okta group assignment domain", hcl: bad("p0_okta_group_assignment", ``), want: []string{`The argument "domain" is required`}},
	{name: "splunk token", hcl: bad("p0_splunk_audit_logs", `
  token_id            = "p0"
  hec_endpoint        = "https://splunk.example.com:8088/services/collector"
  hec_token_cleartext = "not-a-token"`), want: []string{"Attribute hec_token_cleartext must be a UUID"}},
	{name: "datadog intake", hcl: bad("p0_datadog_audit_logs", `
  identifier        = "p0"
  intake_url        = "https://datadoghq.com"
  api_key_cleartext = "key"`), want: []string{"Attribute intake_url must have the form https://http-intake.logs.<site>"}},
	{name: "agentic gateway staged url", hcl: bad("p0_agentic_gateway_staged", `
  id  = "gw"
  url = "gateway.example.com"`), want: []string{"Attribute url must be a URL"}},
	{name: "agentic gateway oauth endpoint", hcl: bad("p0_agentic_gateway", `
  id             = "gw"
  url            = "https://gateway.example.com"
  oauth_endpoint = "auth"`), want: []string{"Attribute oauth_endpoint must be a URL"}},
	{name: "agentic identity provider issuer", hcl: bad("p0_agentic_identity_provider", `
  id     = "ci"
  issuer = "token.example.com"`), want: []string{"Attribute issuer must be a URL"}},
	{name: "agentic server provider", hcl: bad("p0_agentic_server", `
  id         = "mcp"
  gateway    = "gw"
  credential = { type = "aws" }
  definition = { type = "p0", id = "aws-api" }`), want: []string{"Missing Required Attribute", "A credential of type aws needs credential.provider"}},
	{name: "expiry options duplicate", hcl: bad("p0_expiry_options", `
  options = [{ time = 1, unit = "h" }, { time = 1, unit = "h" }]`), want: []string{"Duplicate Expiry Option", "preset 1h is listed at index 0"}},
	{name: "owner user email", hcl: bad("p0_owner_user", ``), want: []string{`The argument "email" is required`}},
	{name: "owner group name", hcl: bad("p0_owner_group", `
  group = 1
  email = "a@example.com"`), want: []string{`An argument named "email" is not expected here`}},
	{name: "security_reviewer user email", hcl: bad("p0_security_reviewer_user", ``), want: []string{`The argument "email" is required`}},
	{name: "security_reviewer group name", hcl: bad("p0_security_reviewer_group", `
  group = 1
  email = "a@example.com"`), want: []string{`An argument named "email" is not expected here`}},
	{name: "assessment user email", hcl: bad("p0_assessment_user", ``), want: []string{`The argument "email" is required`}},
	{name: "assessment group name", hcl: bad("p0_assessment_group", `
  group = 1
  email = "a@example.com"`), want: []string{`An argument named "email" is not expected here`}},
	{name: "assessment_viewer user email", hcl: bad("p0_assessment_viewer_user", ``), want: []string{`The argument "email" is required`}},
	{name: "assessment_viewer group name", hcl: bad("p0_assessment_viewer_group", `
  group = 1
  email = "a@example.com"`), want: []string{`An argument named "email" is not expected here`}},

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
	inPlan := 0
	for _, tc := range invalidInputs {
		if tc.inPlan {
			inPlan++
		}
	}
	env.CheckOnlyCredentialsChecks(t, inPlan)
	t.Logf("bad input suite: %d invalid configurations across %d resource types and the provider, none written to P0, %d of them refused in the plan after the credentials check",
		len(invalidInputs), len(resources), inPlan)
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
