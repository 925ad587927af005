package settings

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// TestExpiryOptionListUnreadable lists the expiry options of a P0 that
// has no read for them: no results, and one warning that says why and what
// to do instead, never an error.
func TestExpiryOptionListUnreadable(t *testing.T) {
	for _, status := range []int{http.StatusNotFound, http.StatusMethodNotAllowed} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			env := acctest.NewTestEnvBehaving(t, p0mock.Behavior{SettingsReads: status})
			l := &expiryOptionListResource{framework.ResourceBase{Base: framework.Base{TypeName: "expiry_option", Client: env.Client(t)}}}
			results := acctest.CollectList(t, l, &expiryOptionResource{}, 0, false)
			if len(results) != 1 || results[0].Identity != nil {
				t.Fatalf("got %d results, want only the warning: %+v", len(results), results)
			}
			diags := results[0].Diagnostics
			if diags.HasError() || diags.WarningsCount() != 1 {
				t.Fatalf("diagnostics = %v, want one warning", diags)
			}
			detail := diags[0].Detail()
			for _, want := range []string{strconv.Itoa(status), "none can be listed", `terraform import p0_expiry_option.two_hours "2h"`} {
				if !strings.Contains(detail, want) {
					t.Errorf("the warning does not say %q:\n%s", want, detail)
				}
			}
			// Its advice is its own: not the generic one for a 404, which
			// would send the user to apply.
			if strings.Contains(detail, "run terraform apply again") {
				t.Errorf("the warning gives the generic advice for its status beside its own:\n%s", detail)
			}
		})
	}
}
