package gcp_test

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// gcpRoot is the Google Cloud integration every project component needs.
const gcpRoot = `
resource "p0_gcp" "root" {
  organization_id = "123456789012"
}
`

// TestAccGCP runs the install lifecycle of every Google Cloud resource.
func TestAccGCP(t *testing.T) {
	const project = "p0-project-1"
	item := func(component, id string) p0.ItemRef {
		return p0.ItemRef{Integration: "gcloud", Component: component, ID: id}
	}
	staged := func(resourceType string) string {
		return acctest.InstallBlock(resourceType+"_staged", `project = "`+project+`"`, `depends_on = [p0_gcp.root]`)
	}
	acctest.RunInstall(t, []acctest.InstallCase{
		{
			Name: "root", Address: "p0_gcp.this", Config: acctest.InstallBlock("p0_gcp", `organization_id = "123456789012"`),
			Replaced: acctest.InstallBlock("p0_gcp", `organization_id = "210987654321"`),
			ImportID: "123456789012", Identity: map[string]string{"organization_id": "123456789012"},
			Wire: []string{`POST {"root":{"_":{"organizationId":"123456789012"}}}`},
			Ref:  p0.ItemRef{Integration: "gcloud"},
		},
		{
			Name: "iam-assessment staged", Address: "p0_gcp_iam_assessment_staged.this", Before: gcpRoot,
			Config:   acctest.InstallBlock("p0_gcp_iam_assessment_staged", `project = "`+project+`"`, `depends_on = [p0_gcp.root]`),
			Replaced: acctest.InstallBlock("p0_gcp_iam_assessment_staged", `project = "p0-project-2"`, `depends_on = [p0_gcp.root]`),
			ImportID: project, Identity: map[string]string{"project": project}, Ref: item("iam-assessment", project),

			Wire: []string{`PUT {}`}},
		{
			Name: "iam-assessment", Address: "p0_gcp_iam_assessment.this", Before: gcpRoot + staged("p0_gcp_iam_assessment"),
			Config:   acctest.InstallBlock("p0_gcp_iam_assessment", "project = p0_gcp_iam_assessment_staged.this.project"),
			ImportID: project, Identity: map[string]string{"project": project}, Ref: item("iam-assessment", project), Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"state":""}`, `POST /configure {"state":""}`},
		},
		{
			Name: "iam-write", Address: "p0_gcp_iam_write.this", Before: gcpRoot + staged("p0_gcp_iam_write"),
			Config:   acctest.InstallBlock("p0_gcp_iam_write", "project = p0_gcp_iam_write_staged.this.project"),
			ImportID: project, Identity: map[string]string{"project": project}, Ref: item("iam-write", project), Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"state":""}`, `POST /configure {"state":""}`},
		},
		{
			Name: "access-logs", Address: "p0_gcp_access_logs.this", Before: gcpRoot,
			Config:   acctest.InstallBlock("p0_gcp_access_logs", `project = "`+project+`"`, `depends_on = [p0_gcp.root]`),
			Replaced: acctest.InstallBlock("p0_gcp_access_logs", `project = "p0-project-2"`, `depends_on = [p0_gcp.root]`),
			ImportID: project, Identity: map[string]string{"project": project}, Ref: item("access-logs", project), Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"state":""}`, `POST /configure {"state":""}`},
		},
		{
			Name: "organization access logs", Address: "p0_gcp_organization_access_logs.this", Before: gcpRoot,
			Config:   acctest.InstallBlock("p0_gcp_organization_access_logs", `topic_project_id = "`+project+`"`, `depends_on = [p0_gcp.root]`),
			Updated:  acctest.InstallBlock("p0_gcp_organization_access_logs", `topic_project_id = "p0-logs"`, `depends_on = [p0_gcp.root]`),
			ImportID: acctest.TestOrg, Identity: map[string]string{"org": acctest.TestOrg}, Ref: item("org-access-logs", "_"), Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"state":"","topicProjectId":"p0-project-1"}`, `POST /configure {"state":"","topicProjectId":"p0-project-1"}`},
		},
		{
			Name: "security perimeter", Address: "p0_gcp_security_perimeter.this",
			Before: gcpRoot + staged("p0_gcp_security_perimeter"),
			Config: acctest.InstallBlock("p0_gcp_security_perimeter", "project = p0_gcp_security_perimeter_staged.this.project",
				`cloud_run_url = "https://perimeter-abc.a.run.app"`, `allowed_domains = "example.com"`, `image_digest = "sha256:abc"`),
			Updated: acctest.InstallBlock("p0_gcp_security_perimeter", "project = p0_gcp_security_perimeter_staged.this.project",
				`cloud_run_url = "https://perimeter-def.a.run.app"`, `allowed_domains = "example.com"`, `image_digest = "sha256:abc"`),
			ImportID: project, Identity: map[string]string{"project": project}, Ref: item("iam-write-security-perimeter", project), Installed: true,
			Wire: []string{`PUT {"region":"us-west1"}`, `POST /verify {"region":"us-west1","cloudRunUrl":"https://perimeter-abc.a.run.app","allowedDomains":"example.com","imageDigest":"sha256:abc"}`, `POST /configure {"region":"us-west1","cloudRunUrl":"https://perimeter-abc.a.run.app","allowedDomains":"example.com","imageDigest":"sha256:abc"}`},
		},
		{
			Name: "cloudsql", Address: "p0_gcp_cloudsql.this",
			Before:   acctest.InstallBlock("p0_gcp_cloudsql_staged", `id = "vpc-1"`, `project_id = "`+project+`"`, `subnetwork = "default"`),
			Config:   acctest.InstallBlock("p0_gcp_cloudsql", "id = p0_gcp_cloudsql_staged.this.id", `project_id = "`+project+`"`, `subnetwork = "default"`),
			ImportID: "vpc-1", Identity: map[string]string{"id": "vpc-1"},
			Ref: p0.ItemRef{Integration: "gcp-cloudsql", Component: "iam-write", ID: "vpc-1"}, Installed: true,
			Wire: []string{`PUT {"projectId":"p0-project-1","connectorSubnetwork":"default","state":null}`, `PUT {"projectId":"p0-project-1","connectorSubnetwork":"default","state":""}`, `POST /verify {"projectId":"p0-project-1","connectorSubnetwork":"default","state":""}`, `POST /configure {"projectId":"p0-project-1","connectorSubnetwork":"default","state":""}`},
		},
		{
			Name: "wif", Address: "p0_gcp_wif_identity.this",
			Before: acctest.InstallBlock("p0_gcp_wif_identity_staged", `id = "github"`, `project_id = "`+project+`"`,
				`oidc_provider_url = "https://token.actions.githubusercontent.com"`),
			Config: acctest.InstallBlock("p0_gcp_wif_identity", "id = p0_gcp_wif_identity_staged.this.id", `project_id = "`+project+`"`,
				`oidc_provider_url = "https://token.actions.githubusercontent.com"`),
			ImportID: "github", Identity: map[string]string{"id": "github"},
			Ref: p0.ItemRef{Integration: "gcp-wif", Component: "identity", ID: "github"}, Installed: true,
			Wire: []string{`PUT {"projectId":"p0-project-1","oidcProviderUrl":"https://token.actions.githubusercontent.com"}`, `POST /verify {"projectId":"p0-project-1","oidcProviderUrl":"https://token.actions.githubusercontent.com","state":"configure"}`, `POST /configure {"projectId":"p0-project-1","oidcProviderUrl":"https://token.actions.githubusercontent.com","state":"configure"}`},
		},
	})
}
