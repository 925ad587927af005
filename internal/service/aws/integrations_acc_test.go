package aws_test

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAccAWSIntegrations runs the install lifecycle of the AWS
// integrations beside the AWS integration itself.
func TestAccAWSIntegrations(t *testing.T) {
	const account = "123456789012"
	midc := p0.ItemRef{Integration: "aws-midc", Component: "identity", ID: account}
	oidc := p0.ItemRef{Integration: "aws-oidc", Component: "identity", ID: "github"}
	oidcSettings := []string{`account_id = "` + account + `"`, `oidc_provider_url = "https://token.actions.githubusercontent.com"`, `audience = "sts.amazonaws.com"`}
	acctest.RunInstall(t, []acctest.InstallCase{
		{
			Name: "midc staged", Address: "p0_aws_midc_staged.this",
			Config:   acctest.InstallBlock("p0_aws_midc_staged", `id = "`+account+`"`, `idc_region = "us-east-1"`),
			Updated:  acctest.InstallBlock("p0_aws_midc_staged", `id = "`+account+`"`, `idc_region = "us-west-2"`),
			Replaced: acctest.InstallBlock("p0_aws_midc_staged", `id = "210987654321"`, `idc_region = "us-west-2"`),
			ImportID: account, Identity: map[string]string{"id": account}, Ref: midc,

			Wire: []string{`PUT {"label":null,"state":null,"idcRegion":"us-east-1"}`}},
		{
			Name: "midc", Address: "p0_aws_midc.this",
			Before: acctest.InstallBlock("p0_aws_midc_staged", `id = "`+account+`"`, `idc_region = "us-east-1"`),
			Config: acctest.InstallBlock("p0_aws_midc", "id = p0_aws_midc_staged.this.id", `idc_region = "us-east-1"`),
			Updated: acctest.InstallBlock("p0_aws_midc", "id = p0_aws_midc_staged.this.id", `idc_region = "us-east-1"`,
				`identity = "email"`, `label = "identity-center"`),
			ImportID: account, Identity: map[string]string{"id": account}, Ref: midc, Installed: true,
			Wire: []string{`PUT {"label":null,"state":null,"idcRegion":"us-east-1"}`, `POST /verify {"label":null,"state":"","awsPartition":{"type":"aws"},"idcRegion":"us-east-1","identity":{"type":"user"}}`, `POST /configure {"label":null,"state":"","awsPartition":{"type":"aws"},"idcRegion":"us-east-1","identity":{"type":"user"}}`},
		},
		{
			Name: "oidc identity staged", Address: "p0_aws_oidc_identity_staged.this",
			Config:   acctest.InstallBlock("p0_aws_oidc_identity_staged", append([]string{`id = "github"`}, oidcSettings...)...),
			Replaced: acctest.InstallBlock("p0_aws_oidc_identity_staged", append([]string{`id = "gitlab"`}, oidcSettings...)...),
			ImportID: "github", Identity: map[string]string{"id": "github"}, Ref: oidc,

			Wire: []string{`PUT {"accountId":"123456789012","oidcProviderUrl":"https://token.actions.githubusercontent.com","audience":"sts.amazonaws.com"}`}},
		{
			Name: "oidc identity", Address: "p0_aws_oidc_identity.this",
			Before:   acctest.InstallBlock("p0_aws_oidc_identity_staged", append([]string{`id = "github"`}, oidcSettings...)...),
			Config:   acctest.InstallBlock("p0_aws_oidc_identity", append([]string{"id = p0_aws_oidc_identity_staged.this.id"}, oidcSettings...)...),
			ImportID: "github", Identity: map[string]string{"id": "github"}, Ref: oidc, Installed: true,
			Wire: []string{`PUT {"accountId":"123456789012","oidcProviderUrl":"https://token.actions.githubusercontent.com","audience":"sts.amazonaws.com"}`, `POST /verify {"accountId":"123456789012","oidcProviderUrl":"https://token.actions.githubusercontent.com","audience":"sts.amazonaws.com","state":"configure"}`, `POST /configure {"accountId":"123456789012","oidcProviderUrl":"https://token.actions.githubusercontent.com","audience":"sts.amazonaws.com","state":"configure"}`},
		},
		{
			Name: "rds", Address: "p0_aws_rds.this",
			Config:   acctest.InstallBlock("p0_aws_rds", `id = "vpc-0abc1234"`, `account_id = "`+account+`"`, `region = "us-west-2"`),
			Updated:  acctest.InstallBlock("p0_aws_rds", `id = "vpc-0abc1234"`, `account_id = "`+account+`"`, `region = "us-west-2"`, `label = "prod"`),
			Replaced: acctest.InstallBlock("p0_aws_rds", `id = "vpc-0abc1234"`, `account_id = "`+account+`"`, `region = "us-east-1"`, `label = "prod"`),
			ImportID: "vpc-0abc1234", Identity: map[string]string{"id": "vpc-0abc1234"},
			Ref: p0.ItemRef{Integration: "aws-rds", Component: "iam-write", ID: "vpc-0abc1234"}, Installed: true,
			Wire: []string{`PUT {"accountId":"123456789012","region":"us-west-2","state":""}`, `POST /verify {"accountId":"123456789012","region":"us-west-2","state":""}`, `POST /configure {"accountId":"123456789012","region":"us-west-2","state":""}`},
		},
	})
}
