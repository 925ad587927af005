package ssh

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// P0's file transfer for AWS: an S3 bucket through which users move files
// to and from the instances P0 gives them SSH access to, installed in one
// step for an account. Its item's id is prefixed as an SSH item's.

var fileTransferCloud = cloud{prefix: "aws"}

var fileTransfer = install.Component{Integration: "file-transfer", Key: "iam-write", What: "file transfer of AWS account"}

// fileTransferModel is p0_file_transfer's state.
type fileTransferModel struct {
	AccountID    types.String `tfsdk:"account_id"`
	BucketName   types.String `tfsdk:"bucket_name"`
	Region       types.String `tfsdk:"region"`
	AWSPartition types.String `tfsdk:"aws_partition"`
	Label        types.String `tfsdk:"label"`
	State        types.String `tfsdk:"state"`
}

func (m fileTransferModel) Identity() framework.Identity {
	return install.AccountIdentity{AccountID: m.AccountID}
}

func fileTransferRef(m fileTransferModel) p0.ItemRef {
	return p0.ItemRef{Integration: fileTransfer.Integration, Component: fileTransfer.Key, ID: fileTransferCloud.itemID(m.AccountID)}
}

// fileTransferBody is what every step sends: the bucket. P0 finds the
// bucket's region and partition.
func fileTransferBody(m fileTransferModel) *install.Body {
	return install.NewBody().String("bucketName", m.BucketName, install.Omit).Owns("region", "awsPartition", "label")
}

func fileTransferFromID(id string) fileTransferModel {
	return fileTransferModel{AccountID: types.StringValue(id)}
}

var fileTransferSpec = install.InstalledSpec[fileTransferModel]{
	Spec: install.Spec[fileTransferModel]{
		Title: "File Transfer",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs P0's file transfer for an AWS account in one step: stages, verifies (waiting " +
					"while permissions propagate) and configures the bucket users move files through. Changing the bucket " +
					"reconfigures it in place. Destroying it removes the item. P0 needs SSH for the account " +
					"(`p0_ssh_aws`) and its AWS integration.",
				Attributes: map[string]schema.Attribute{
					"account_id":    install.Key("The AWS account's ID. Changing it replaces the resource.", install.NumericAccountID),
					"bucket_name":   install.Required("The S3 bucket users move files through.", install.S3BucketName),
					"region":        install.Computed("The bucket's region, which P0 finds."),
					"aws_partition": install.Computed("The account's AWS partition, which P0 finds."),
					"label":         install.Computed("The item's display name in P0."),
					"state":         install.State(true),
				},
			}
		},
		IdentitySchema: install.IdentitySchema("account_id", "The AWS account's ID."),
		Describe:       func(m fileTransferModel) string { return fileTransfer.What + " " + m.AccountID.ValueString() },
		Ref:            fileTransferRef,
		Import:         func(id string) (fileTransferModel, error) { return fileTransferFromID(id), nil },
		EnsureRoot:     true,
		StageBody:      func(m fileTransferModel) any { return fileTransferBody(m) },
		Read: func(m fileTransferModel, item, _ install.Fields) fileTransferModel {
			m.BucketName, m.Region, m.AWSPartition = item.String("bucketName"), item.String("region"), item.String("awsPartition")
			m.Label, m.State = item.String("label"), item.String("state")
			return m
		},
	},
	ConfigureBody: fileTransferBody,
	State:         func(m fileTransferModel) string { return m.State.ValueString() },
	Uninstall:     install.DeleteItem,
}

// NewFileTransferResource returns the p0_file_transfer resource.
func NewFileTransferResource() resource.Resource {
	return install.NewInstalled[fileTransferModel, install.AccountIdentity]("file_transfer", fileTransferSpec)
}

// NewFileTransferListResource returns the p0_file_transfer list resource.
func NewFileTransferListResource() list.ListResource {
	return listOf("file_transfer", fileTransferCloud, fileTransfer, fileTransferSpec.Spec, fileTransferFromID)
}
