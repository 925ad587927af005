package ssh_test

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAccSSH runs the install lifecycle of SSH for each cloud, and of file
// transfer.
func TestAccSSH(t *testing.T) {
	item := func(id string) p0.ItemRef { return p0.ItemRef{Integration: "ssh", Component: "iam-write", ID: id} }
	const (
		account      = "123456789012"
		project      = "p0-project-1"
		subscription = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
	)
	acctest.RunInstall(t, []acctest.InstallCase{
		{
			Name: "aws", Address: "p0_ssh_aws.this",
			Config:   acctest.InstallBlock("p0_ssh_aws", `account_id = "`+account+`"`),
			Updated:  acctest.InstallBlock("p0_ssh_aws", `account_id = "`+account+`"`, `group_key = "Team"`, `is_sudo_enabled = true`, `label = "prod"`),
			Replaced: acctest.InstallBlock("p0_ssh_aws", `account_id = "210987654321"`, `group_key = "Team"`),
			ImportID: account, Identity: map[string]string{"account_id": account}, Ref: item("aws:" + account), Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"groupKey":"","isSudoEnabled":false,"state":""}`, `POST /configure {"groupKey":"","isSudoEnabled":false,"state":""}`},
		},
		{
			Name: "gcp", Address: "p0_ssh_gcp.this",
			Config:   acctest.InstallBlock("p0_ssh_gcp", `project_id = "`+project+`"`),
			Updated:  acctest.InstallBlock("p0_ssh_gcp", `project_id = "`+project+`"`, `is_sudo_enabled = true`),
			Replaced: acctest.InstallBlock("p0_ssh_gcp", `project_id = "p0-project-2"`),
			ImportID: project, Identity: map[string]string{"project_id": project}, Ref: item("gcloud:" + project), Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"groupKey":"","isSudoEnabled":false,"state":""}`, `POST /configure {"groupKey":"","isSudoEnabled":false,"state":""}`},
		},
		{
			Name: "azure", Address: "p0_ssh_azure.this",
			Config:   acctest.InstallBlock("p0_ssh_azure", `subscription_id = "`+subscription+`"`, `group_key = "team"`),
			Updated:  acctest.InstallBlock("p0_ssh_azure", `subscription_id = "`+subscription+`"`, `group_key = "team"`, `is_sudo_enabled = true`),
			ImportID: subscription, Identity: map[string]string{"subscription_id": subscription}, Ref: item("azure:" + subscription), Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"groupKey":"team","isSudoEnabled":false,"subscriptionId":null,"state":""}`, `POST /configure {"groupKey":"team","isSudoEnabled":false,"subscriptionId":null,"state":""}`},
		},
		{
			Name: "file transfer", Address: "p0_file_transfer.this",
			Config:   acctest.InstallBlock("p0_file_transfer", `account_id = "`+account+`"`, `bucket_name = "my-transfer-bucket"`),
			Updated:  acctest.InstallBlock("p0_file_transfer", `account_id = "`+account+`"`, `bucket_name = "other-transfer-bucket"`),
			Replaced: acctest.InstallBlock("p0_file_transfer", `account_id = "210987654321"`, `bucket_name = "other-transfer-bucket"`),
			ImportID: account, Identity: map[string]string{"account_id": account},
			Ref: p0.ItemRef{Integration: "file-transfer", Component: "iam-write", ID: "aws:" + account}, Installed: true,
			Wire: []string{`PUT {"bucketName":"my-transfer-bucket"}`, `POST /verify {"bucketName":"my-transfer-bucket"}`, `POST /configure {"bucketName":"my-transfer-bucket"}`},
		},
	})
}
