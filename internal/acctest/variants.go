package acctest

import (
	"os"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// Behave makes e's mock answer as the named variants say where P0's
// documents are silent (p0mock.ParseVariants).
func (e *TestEnv) Behave(t *testing.T, variants string) {
	t.Helper()
	behavior, err := p0mock.ParseVariants(variants)
	if err != nil {
		t.Fatal(err)
	}
	e.Mock.SetBehavior(behavior)
}

// NewVariantEnv is NewTestEnv whose mock behaves as the named variants.
func NewVariantEnv(t *testing.T, variants string) *TestEnv {
	t.Helper()
	env := NewTestEnv(t)
	env.Behave(t, variants)
	return env
}

// EachVariant runs test once for each of variants, as a subtest named
// after it, against an environment of its own whose mock behaves as that
// variant says. A subtest that does not run through resource.ParallelTest
// calls t.Parallel itself to run beside the others.
func EachVariant(t *testing.T, variants []string, test func(t *testing.T, variant string, env *TestEnv)) {
	t.Helper()
	for _, variant := range variants {
		t.Run(variant, func(t *testing.T) {
			test(t, variant, NewVariantEnv(t, variant))
		})
	}
}

// SkipUnlessAcceptance skips a test that drives Terraform through its own
// working directory (terraform-exec) unless TF_ACC is set, as
// terraform-plugin-testing does for its own.
func SkipUnlessAcceptance(t testing.TB) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
}
