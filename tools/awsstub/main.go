// Command awsstub is an offline stand-in for the hashicorp/aws provider,
// for the parts of it that examples/aws-onboarding uses: the caller's
// identity, IAM roles and their inline policies, and an IAM Access
// Analyzer. It talks to no AWS API: a resource keeps what it is given, and
// its ARNs name a fixed account, 123456789012.
//
// It lets `make check-examples` validate the onboarding example, and `make
// demo` apply it, on a machine that cannot download the AWS provider. It is
// served through dev_overrides, which both set up themselves; it is never
// a substitute for the real provider.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// accountID is the account every ARN and the caller's identity name.
const accountID = "123456789012"

func main() {
	err := providerserver.Serve(context.Background(), func() provider.Provider { return awsStub{} },
		providerserver.ServeOpts{Address: "registry.terraform.io/hashicorp/aws"})
	if err != nil {
		log.Fatal(err)
	}
}

type awsStub struct{}

func (awsStub) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "aws"
}

func (awsStub) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"region": schema.StringAttribute{Optional: true},
	}}
}

func (awsStub) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {}

func (awsStub) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		storedResource("iam_role", []string{"name", "assume_role_policy"}, func(v map[string]string) map[string]string {
			return map[string]string{"id": v["name"], "arn": "arn:aws:iam::" + accountID + ":role/" + v["name"]}
		}),
		storedResource("iam_role_policy", []string{"name", "role", "policy"}, func(v map[string]string) map[string]string {
			return map[string]string{"id": v["role"] + ":" + v["name"]}
		}),
		storedResource("accessanalyzer_analyzer", []string{"analyzer_name"}, func(v map[string]string) map[string]string {
			return map[string]string{"id": v["analyzer_name"],
				"arn": "arn:aws:access-analyzer:us-east-1:" + accountID + ":analyzer/" + v["analyzer_name"]}
		}),
	}
}

func (awsStub) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{newCallerIdentity}
}

func (awsStub) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource { return nil }
