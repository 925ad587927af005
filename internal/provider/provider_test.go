package provider_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
	p0provider "github.com/p0-security/terraform-provider-p0/internal/provider"
)

// TestProviderSchemaIsValid builds the provider's schema and those of every
// resource and data source, which panics or errors on a malformed one.
func TestProviderSchemaIsValid(t *testing.T) {
	ctx := context.Background()
	p := p0provider.New("test", "test")()
	var resp provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("provider schema: %v", resp.Diagnostics)
	}
	if !resp.Schema.Attributes["api_token"].IsSensitive() {
		t.Fatal("api_token must be sensitive")
	}
	for _, name := range []string{"org", "api_token", "host", "max_retries"} {
		if resp.Schema.Attributes[name].GetMarkdownDescription() == "" {
			t.Errorf("provider attribute %s has no description", name)
		}
	}
}

const minimalRule = `
resource "p0_routing_rule" "test" {
  name      = "r"
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = [{ type = "auto" }]
}
`

func TestAccProvider_configurationErrors(t *testing.T) {
	env := acctest.NewTestEnv(t)
	t.Setenv("P0_ORG", "")
	t.Setenv("P0_API_TOKEN", "")
	t.Setenv("P0_HOST", "")
	t.Setenv("P0_MAX_RETRIES", "")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config:      `provider "p0" { api_token = "x" }` + minimalRule,
				ExpectError: regexp.MustCompile(`(?s)Missing P0 Organization.*P0_ORG`),
			},
			{
				Config:      `provider "p0" { org = "o" }` + minimalRule,
				ExpectError: regexp.MustCompile(`(?s)Missing P0 API Token.*P0_API_TOKEN`),
			},
			{
				Config: `provider "p0" {
  org       = "o"
  api_token = "x"
  host      = "http://api.example.com"
}` + minimalRule,
				ExpectError: regexp.MustCompile(`(?s)Invalid P0 Host.*non-loopback`),
			},
			{
				Config: `provider "p0" {
  org         = "o"
  api_token   = "x"
  max_retries = 99
}` + minimalRule,
				ExpectError: regexp.MustCompile(`max_retries`),
			},
		},
	})
}

func TestAccProvider_environment(t *testing.T) {
	env := acctest.NewTestEnv(t)
	t.Setenv("P0_ORG", acctest.TestOrg)
	t.Setenv("P0_API_TOKEN", acctest.TestToken)
	t.Setenv("P0_HOST", env.URL+"/")
	t.Setenv("P0_MAX_RETRIES", "2")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckNoRoutingRules(env),
		Steps: []resource.TestStep{{
			Config: `provider "p0" {}` + minimalRule,
			Check:  acctest.CheckRuleInMock(env, "r", func(p0.RoutingRule) error { return nil }),
		}},
	})
}

func TestAccProvider_invalidMaxRetriesEnv(t *testing.T) {
	env := acctest.NewTestEnv(t)
	t.Setenv("P0_MAX_RETRIES", "many")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:      env.Config(minimalRule),
			ExpectError: regexp.MustCompile(`(?s)Invalid P0 Maximum Retries.*P0_MAX_RETRIES`),
		}},
	})
}

// TestAccProvider_unknownConfiguration configures the provider from a value
// only known after apply. The plan must work; the apply configures the
// provider with the known value.
func TestAccProvider_unknownConfiguration(t *testing.T) {
	env := acctest.NewTestEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckNoRoutingRules(env),
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "org" {
  input = "` + acctest.TestOrg + `"
}

provider "p0" {
  host      = "` + env.URL + `"
  org       = terraform_data.org.output
  api_token = "` + acctest.TestToken + `"
}
` + minimalRule,
			Check: acctest.CheckRuleInMock(env, "r", func(p0.RoutingRule) error { return nil }),
		}},
	})
}
