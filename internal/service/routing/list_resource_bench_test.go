package routing

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"
	tfjson "github.com/hashicorp/terraform-json"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
)

// queriedRules is the size of the organization BenchmarkQueryRoutingRules
// lists.
const queriedRules = 100

// BenchmarkQueryRoutingRules runs `terraform query` on an organization of
// 100 routing rules, through the real terraform (1.14 or later;
// TF_ACC_TERRAFORM_PATH names it) and the mock on loopback: the time of a
// whole query, and the requests it makes (requests/op), which one read of
// the routing serves however many rules there are. The "generate" case adds
// -generate-config-out, which asks for every rule's resource object too.
func BenchmarkQueryRoutingRules(b *testing.B) {
	env := acctest.NewTestEnv(b)
	for i := range queriedRules {
		env.Mock.PutRoutingRule(acctest.Fleet{}.Rule(i))
	}
	cli := acctest.NewTerraformCLI(b, env.ProviderBlock())
	cli.SkipUnlessQuery(b)
	query := acctest.ListBlock("p0_routing_rule", "all", "")
	if err := os.WriteFile(filepath.Join(cli.Tf.WorkingDir(), "rules.tfquery.hcl"), []byte(query), 0o600); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, c := range []struct {
		name     string
		generate bool
	}{{"list", false}, {"generate", true}} {
		b.Run(c.name, func(b *testing.B) {
			env.Mock.ResetRequests()
			for range b.N {
				opts := []tfexec.QueryOption{tfexec.Reattach(cli.Reattach)}
				// Outside the working directory, so that the next query
				// does not read it as configuration.
				generated := filepath.Join(b.TempDir(), "generated.tf")
				if c.generate {
					opts = append(opts, tfexec.GenerateConfigOut(generated))
				}
				if found := runQuery(ctx, b, cli, opts...); found != queriedRules {
					b.Fatalf("the query found %d rules, want %d", found, queriedRules)
				}
			}
			b.ReportMetric(float64(len(env.Mock.Requests()))/float64(b.N), "requests/op")
		})
	}
}

// runQuery runs terraform query and returns how many objects it found.
func runQuery(ctx context.Context, b *testing.B, cli *acctest.TerraformCLI, opts ...tfexec.QueryOption) int {
	b.Helper()
	messages, err := cli.Tf.QueryJSON(ctx, opts...)
	if err != nil {
		b.Fatal(err)
	}
	found := 0
	for m := range messages {
		if m.Err != nil {
			b.Fatalf("terraform query: %v", m.Err)
		}
		if _, ok := m.Msg.(tfjson.ListResourceFoundMessage); ok {
			found++
		}
	}
	return found
}
