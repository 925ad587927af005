package provider_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
)

// TestAccGeneratedConfig adopts an organization set up outside Terraform,
// holding what P0 stores but the provider never writes itself (approval
// options of 0, rules with filters and several approvals, installed and
// staged AWS items of several components, an expiry option, the JIT
// settings), the way a platform team adopts it: import blocks and
// `terraform plan -generate-config-out`. The generated configuration must
// validate (the plans that follow validate it first), apply with nothing but imports and no request that changes P0,
// and plan nothing afterwards.
func TestAccGeneratedConfig(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	acctest.EachVariant(t, acctest.RoutingVariants, func(t *testing.T, _ string, env *acctest.TestEnv) {
		t.Parallel()
		testGeneratedConfig(t, env)
	})
}

func testGeneratedConfig(t *testing.T, env *acctest.TestEnv) {
	imports := acctest.SeedOrganization(env)
	imports["p0_jit_settings.this"] = acctest.TestOrg
	var config strings.Builder
	config.WriteString(env.ProviderBlock())
	for to, id := range imports {
		config.WriteString("\nimport {\n  to = " + to + "\n  id = \"" + id + "\"\n}\n")
	}

	cli := acctest.NewTerraformCLI(t, config.String())
	_, text, _ := acctest.GenerateConfig(t, cli)
	for to := range imports {
		if !strings.Contains(string(text), `resource "`+strings.Replace(to, ".", `" "`, 1)+`"`) {
			t.Errorf("the generated configuration has no block for %s:\n%s", to, text)
		}
	}
	acctest.ApplyAdoption(t, env, cli, text)
}

// TestAccQueryGeneratedConfig adopts seedOrganization's organization the
// way terraform query offers: a query file with a list block for each list
// resource, and `terraform query -generate-config-out`. The generated
// configuration (resource blocks, and import blocks by identity) must apply
// with nothing but imports and no request that changes P0, and plan
// nothing afterwards; against every variant of routing spelling and
// routes.
func TestAccQueryGeneratedConfig(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	acctest.EachVariant(t, acctest.RoutingVariants, func(t *testing.T, _ string, env *acctest.TestEnv) {
		t.Parallel()
		testQueryGeneratedConfig(t, env)
	})
}

func testQueryGeneratedConfig(t *testing.T, env *acctest.TestEnv) {
	imports := acctest.SeedOrganization(env)
	ctx := context.Background()
	cli := acctest.NewTerraformCLI(t, env.ProviderBlock())
	cli.SkipUnlessQuery(t)

	query := filepath.Join(cli.Tf.WorkingDir(), "adopt.tfquery.hcl")
	var lists strings.Builder
	for _, resourceType := range []string{"p0_routing_rule", "p0_aws_component", "p0_aws_component_staged", "p0_expiry_option"} {
		lists.WriteString(acctest.ListBlock(resourceType, "all", ""))
	}
	if err := os.WriteFile(query, []byte(lists.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	generated := filepath.Join(cli.Tf.WorkingDir(), "generated.tf")
	messages, err := cli.Tf.QueryJSON(ctx, tfexec.Reattach(cli.Reattach), tfexec.GenerateConfigOut(generated))
	if err != nil {
		t.Fatal(err)
	}
	var log []string
	for m := range messages {
		if m.Msg != nil {
			log = append(log, m.Msg.Message())
		}
		if m.Err != nil {
			t.Fatalf("terraform query -generate-config-out: %v\n%s", m.Err, strings.Join(log, "\n"))
		}
	}
	text, err := os.ReadFile(generated)
	if err != nil {
		t.Fatal(err)
	}
	// Every object of the organization but its P0 presets is adopted: the
	// presets are listed too, since P0 lists them beside the others.
	wantImports := len(imports) + len(acctest.DefaultExpiryKeys) - 1
	if got := strings.Count(string(text), "\nimport {"); got != wantImports {
		t.Errorf("the generated configuration imports %d objects, want %d:\n%s", got, wantImports, text)
	}
	for to := range imports {
		resourceType, _, _ := strings.Cut(to, ".")
		if !strings.Contains(string(text), `resource "`+resourceType+`"`) {
			t.Errorf("the generated configuration has no %s:\n%s", resourceType, text)
		}
	}
	if err := os.Remove(query); err != nil {
		t.Fatal(err)
	}
	acctest.ApplyAdoption(t, env, cli, text)
}
