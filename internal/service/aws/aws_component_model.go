package aws

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// awsComponentModel is p0_aws_component's state.
type awsComponentModel struct {
	awsItemTarget
	Label             types.String   `tfsdk:"label"`
	State             types.String   `tfsdk:"state"`
	AccessAnalyzerARN types.String   `tfsdk:"access_analyzer_arn"`
	CloudLakeARN      types.String   `tfsdk:"cloud_lake_arn"`
	Login             *awsLoginModel `tfsdk:"login"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

type awsLoginModel struct {
	Type     types.String           `tfsdk:"type"`
	Identity *awsLoginIdentityModel `tfsdk:"identity"`
}

type awsLoginIdentityModel struct {
	Type    types.String `tfsdk:"type"`
	TagName types.String `tfsdk:"tag_name"`
}

// awsComponentBody is the configuration a configure sends for a planned
// item, in the document's form. A label not known yet (left to P0) is not
// sent, and the one P0 holds stays. The service account fields P0 gives
// the base item are the model's too, never sent back.
func awsComponentBody(m awsComponentModel) *install.Body {
	b := install.NewBody().
		String("label", m.Label, install.Omit).
		Set("state", p0.StateConfigure).
		String("accessAnalyzerArn", m.AccessAnalyzerARN, install.Omit).
		String("cloudLakeArn", m.CloudLakeARN, install.Omit).
		Owns("serviceAccountEmail", "serviceAccountId")
	return b.OptionalObject("login", m.Login != nil, install.Omit, func(login *install.Body) {
		login.String("type", m.Login.Type, install.Omit)
		identity := m.Login.Identity
		login.OptionalObject("identity", identity != nil, install.Omit, func(b *install.Body) {
			b.String("type", identity.Type, install.Omit).String("tagName", identity.TagName, install.Omit)
		})
	})
}

// readAWSComponent is the state of m's item as P0 holds it, keeping the
// timeouts, which P0 knows nothing of.
func readAWSComponent(m awsComponentModel, item, _ install.Fields) awsComponentModel {
	out := awsComponentModel{
		awsItemTarget:     m.withID(),
		Label:             item.NonEmpty("label"),
		State:             item.String("state"),
		AccessAnalyzerARN: item.NonEmpty("accessAnalyzerArn"),
		CloudLakeARN:      item.NonEmpty("cloudLakeArn"),
		Timeouts:          m.Timeouts,
	}
	if login := item.Object("login"); login.Present() {
		out.Login = &awsLoginModel{Type: login.String("type")}
		if identity := login.Object("identity"); identity.Present() {
			out.Login.Identity = &awsLoginIdentityModel{Type: identity.String("type"), TagName: identity.NonEmpty("tagName")}
		}
	}
	return out
}

// awsComponentTimeouts is m's timeouts block.
func awsComponentTimeouts(m awsComponentModel) timeouts.Value { return m.Timeouts }

// componentModel is the state of an item found outside a resource (by a
// query), with no timeouts.
func componentModel(ctx context.Context, target awsItemTarget, item p0.Object) awsComponentModel {
	return readAWSComponent(awsComponentModel{awsItemTarget: target, Timeouts: noTimeouts(ctx)}, install.Read(item, "item."), install.Read(nil, "metadata."))
}
