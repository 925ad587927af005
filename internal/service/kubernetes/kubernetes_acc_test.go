package kubernetes_test

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAccKubernetes runs the install lifecycle of both Kubernetes
// resources.
func TestAccKubernetes(t *testing.T) {
	cluster := func(resourceType, id string, more ...string) string {
		return acctest.InstallBlock(resourceType, append([]string{id,
			`cluster_arn = "arn:aws:eks:us-west-2:123456789012:cluster/prod"`,
			`cluster_endpoint = "https://ABC.gr7.us-west-2.eks.amazonaws.com"`,
			`certificate_authority = "LS0tLS1CRUdJTi"`}, more...)...)
	}
	ref := p0.ItemRef{Integration: "k8s", Component: "iam-write", ID: "prod"}
	acctest.RunInstall(t, []acctest.InstallCase{
		{
			Name: "staged", Address: "p0_kubernetes_staged.this",
			Config:   cluster("p0_kubernetes_staged", `id = "prod"`),
			Updated:  cluster("p0_kubernetes_staged", `id = "prod"`, `connectivity_type = "public"`, `auto_mode_enabled = true`),
			Replaced: cluster("p0_kubernetes_staged", `id = "staging"`, `connectivity_type = "public"`, `auto_mode_enabled = true`),
			ImportID: "prod", Identity: map[string]string{"id": "prod"}, Ref: ref,

			Wire: []string{`PUT {"connectivity":{"type":"proxy"},"hosting":{"type":"aws","arn":"arn:aws:eks:us-west-2:123456789012:cluster/prod","autoModeEnabled":false},"endpoint":"https://ABC.gr7.us-west-2.eks.amazonaws.com","ca":"LS0tLS1CRUdJTi"}`}},
		{
			Name: "installed", Address: "p0_kubernetes.this", Before: cluster("p0_kubernetes_staged", `id = "prod"`),
			Config: cluster("p0_kubernetes", "id = p0_kubernetes_staged.this.id", `public_jwk = "{\"kty\":\"EC\"}"`,
				`token = "`+acctest.UserSecret+`"`),
			Updated: cluster("p0_kubernetes", "id = p0_kubernetes_staged.this.id", `public_jwk = "{\"kty\":\"EC\"}"`,
				`token = "`+acctest.UserSecret+`-rotated"`),
			ImportID: "prod", Identity: map[string]string{"id": "prod"}, Ref: ref, Installed: true, IgnoreOnImport: []string{"token"},
			Wire: []string{`PUT {"connectivity":{"type":"proxy"},"hosting":{"type":"aws","arn":"arn:aws:eks:us-west-2:123456789012:cluster/prod","autoModeEnabled":false},"endpoint":"https://ABC.gr7.us-west-2.eks.amazonaws.com","ca":"LS0tLS1CRUdJTi"}`, `POST /verify {"connectivity":{"type":"proxy","publicJwk":"{\"kty\":\"EC\"}"},"hosting":{"type":"aws","arn":"arn:aws:eks:us-west-2:123456789012:cluster/prod","autoModeEnabled":false},"endpoint":"https://ABC.gr7.us-west-2.eks.amazonaws.com","ca":"LS0tLS1CRUdJTi","token":{"clearText":"*"}}`, `POST /configure {"connectivity":{"type":"proxy","publicJwk":"{\"kty\":\"EC\"}"},"hosting":{"type":"aws","arn":"arn:aws:eks:us-west-2:123456789012:cluster/prod","autoModeEnabled":false},"endpoint":"https://ABC.gr7.us-west-2.eks.amazonaws.com","ca":"LS0tLS1CRUdJTi","token":{"clearText":"*"}}`},
		},
	})
}
