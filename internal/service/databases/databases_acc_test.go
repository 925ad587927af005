package databases_test

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAccDatabases runs the install lifecycle of both engines' resources.
func TestAccDatabases(t *testing.T) {
	hosting := func(instance string) string {
		return `hosting = { type = "aws-rds", instance_arn = "arn:aws:rds:us-west-2:123456789012:db:` + instance + `", vpc_id = "vpc-0abc1234" }`
	}
	var cases []acctest.InstallCase
	for _, engine := range []string{"mysql", "postgres"} {
		ref := p0.ItemRef{Integration: engine, Component: "iam-write", ID: "prod-db"}
		staged := "p0_" + engine + "_staged"
		cases = append(cases, acctest.InstallCase{
			Name: engine + " staged", Address: staged + ".this",
			Config:   acctest.InstallBlock(staged, `id = "prod-db"`, hosting("prod")),
			Replaced: acctest.InstallBlock(staged, `id = "prod-db"`, hosting("prod-2")),
			ImportID: "prod-db", Identity: map[string]string{"id": "prod-db"}, Ref: ref,

			Wire: []string{`PUT {"state":null,"hosting":{"type":"aws-rds","instanceArn":"arn:aws:rds:us-west-2:123456789012:db:prod","vpcId":"vpc-0abc1234","connectorArn":""}}`}}, acctest.InstallCase{
			Name: engine, Address: "p0_" + engine + ".this", Before: acctest.InstallBlock(staged, `id = "prod-db"`, hosting("prod")),
			Config:   acctest.InstallBlock("p0_"+engine, "id = "+staged+".this.id"),
			Updated:  acctest.InstallBlock("p0_"+engine, "id = "+staged+".this.id", `port = "3307"`, `default_db = "app"`),
			ImportID: "prod-db", Identity: map[string]string{"id": "prod-db"}, Ref: ref, Installed: true,
			Wire: []string{`PUT {"state":null,"hosting":{"type":"aws-rds","instanceArn":"arn:aws:rds:us-west-2:123456789012:db:prod","vpcId":"vpc-0abc1234","connectorArn":""}}`, `PUT {"port":"*","state":"","hosting":{"type":"aws-rds","instanceArn":"arn:aws:rds:us-west-2:123456789012:db:prod","vpcId":"vpc-0abc1234","connectorArn":"*"}}`, `POST /verify {"port":"*","state":"","hosting":{"type":"aws-rds","instanceArn":"arn:aws:rds:us-west-2:123456789012:db:prod","vpcId":"vpc-0abc1234","connectorArn":"*"}}`, `POST /configure {"port":"*","state":"","hosting":{"type":"aws-rds","instanceArn":"arn:aws:rds:us-west-2:123456789012:db:prod","vpcId":"vpc-0abc1234","connectorArn":"*"}}`},
		})
	}
	acctest.RunInstall(t, cases)
}
