package ssh

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
)

// The SSH resource of each cloud: its model, named after the cloud's id,
// and its constructors.

// awsModel is p0_ssh_aws's state.
type awsModel struct {
	AccountID types.String `tfsdk:"account_id"`
	sshFields
}

func (m awsModel) Identity() framework.Identity {
	return install.AccountIdentity{AccountID: m.AccountID}
}
func (m awsModel) id() types.String          { return m.AccountID }
func (m awsModel) fields() sshFields         { return m.sshFields }
func (m awsModel) with(f sshFields) awsModel { m.sshFields = f; return m }
func awsFromID(id string) awsModel           { return awsModel{AccountID: types.StringValue(id)} }

// gcpModel is p0_ssh_gcp's state.
type gcpModel struct {
	ProjectID types.String `tfsdk:"project_id"`
	sshFields
}

func (m gcpModel) Identity() framework.Identity {
	return install.ProjectIDIdentity{ProjectID: m.ProjectID}
}
func (m gcpModel) id() types.String          { return m.ProjectID }
func (m gcpModel) fields() sshFields         { return m.sshFields }
func (m gcpModel) with(f sshFields) gcpModel { m.sshFields = f; return m }
func gcpFromID(id string) gcpModel           { return gcpModel{ProjectID: types.StringValue(id)} }

// azureModel is p0_ssh_azure's state (schema version 1).
type azureModel struct {
	SubscriptionID types.String `tfsdk:"subscription_id"`
	sshFields
}

func (m azureModel) Identity() framework.Identity {
	return install.SubscriptionIdentity{SubscriptionID: m.SubscriptionID}
}
func (m azureModel) id() types.String            { return m.SubscriptionID }
func (m azureModel) fields() sshFields           { return m.sshFields }
func (m azureModel) with(f sshFields) azureModel { m.sshFields = f; return m }
func azureFromID(id string) azureModel           { return azureModel{SubscriptionID: types.StringValue(id)} }

var (
	awsSpec   = spec(awsCloud, 0, awsFromID)
	gcpSpec   = spec(gcpCloud, 0, gcpFromID)
	azureSpec = func() install.InstalledSpec[azureModel] {
		s := spec(azureCloud, 1, azureFromID)
		s.Upgraders = azureUpgraders
		return s
	}()
)

// NewAWSResource returns the p0_ssh_aws resource.
func NewAWSResource() resource.Resource {
	return install.NewInstalled[awsModel, install.AccountIdentity](awsCloud.typeName, awsSpec)
}

// NewGCPResource returns the p0_ssh_gcp resource.
func NewGCPResource() resource.Resource {
	return install.NewInstalled[gcpModel, install.ProjectIDIdentity](gcpCloud.typeName, gcpSpec)
}

// NewAzureResource returns the p0_ssh_azure resource.
func NewAzureResource() resource.Resource {
	return install.NewInstalled[azureModel, install.SubscriptionIdentity](azureCloud.typeName, azureSpec)
}

// NewAWSListResource returns the p0_ssh_aws list resource.
func NewAWSListResource() list.ListResource {
	return listOf(awsCloud.typeName, awsCloud, awsCloud.listed(), awsSpec.Spec, awsFromID)
}

// NewGCPListResource returns the p0_ssh_gcp list resource.
func NewGCPListResource() list.ListResource {
	return listOf(gcpCloud.typeName, gcpCloud, gcpCloud.listed(), gcpSpec.Spec, gcpFromID)
}

// NewAzureListResource returns the p0_ssh_azure list resource.
func NewAzureListResource() list.ListResource {
	return listOf(azureCloud.typeName, azureCloud, azureCloud.listed(), azureSpec.Spec, azureFromID)
}
