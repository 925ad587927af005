package okta_test

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAccOkta runs the install lifecycle of every Okta resource.
func TestAccOkta(t *testing.T) {
	const domain = "example.okta.com"
	listing := p0.ItemRef{Integration: "okta", Component: "listing", ID: domain}
	staged := acctest.InstallBlock("p0_okta_directory_listing_staged", `domain = "`+domain+`"`)
	byDomain := map[string]string{"domain": domain}
	acctest.RunInstall(t, []acctest.InstallCase{
		{
			Name: "listing staged", Address: "p0_okta_directory_listing_staged.this", Config: staged,
			Replaced: acctest.InstallBlock("p0_okta_directory_listing_staged", `domain = "other.okta.com"`),
			ImportID: domain, Identity: byDomain, Ref: listing,

			Wire: []string{`PUT {}`}},
		{
			Name: "listing", Address: "p0_okta_directory_listing.this", Before: staged,
			Config: acctest.InstallBlock("p0_okta_directory_listing", "domain = p0_okta_directory_listing_staged.this.domain",
				`client = "0oaclient123"`, "jwk = p0_okta_directory_listing_staged.this.jwk"),
			Updated: acctest.InstallBlock("p0_okta_directory_listing", "domain = p0_okta_directory_listing_staged.this.domain",
				`client = "0oaclient456"`, "jwk = p0_okta_directory_listing_staged.this.jwk"),
			ImportID: domain, Identity: byDomain, Ref: listing, Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"keyId":"*","publicKey":"*","state":"configure","clientId":"0oaclient123"}`, `POST /configure {"keyId":"*","publicKey":"*","state":"configure","clientId":"0oaclient123"}`},
		},
		{
			Name: "group assignment", Address: "p0_okta_group_assignment.this", Before: staged,
			Config:   acctest.InstallBlock("p0_okta_group_assignment", `domain = "`+domain+`"`, `depends_on = [p0_okta_directory_listing_staged.this]`),
			ImportID: domain, Identity: byDomain, Ref: p0.ItemRef{Integration: "okta", Component: "group-assignment", ID: domain}, Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"item":{"state":"configure"}}`, `POST /configure {"item":{"state":"configure"}}`},
		},
	})
}
