package gcp

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

// P0's Cloud SQL integration: a connector in a VPC network of a GCP
// project, through which P0 reaches the network's Cloud SQL instances. The
// item, named by the user, is staged (P0 generates the connector's
// service), then installed.

var cloudSQL = install.Component{Integration: "gcp-cloudsql", Key: "iam-write", What: "GCP Cloud SQL connector"}

// cloudSQLModel is the state of both Cloud SQL resources; the installed
// one adds the connector's URI.
type cloudSQLModel struct {
	ID                      types.String `tfsdk:"id"`
	ProjectID               types.String `tfsdk:"project_id"`
	Subnetwork              types.String `tfsdk:"subnetwork"`
	Region                  types.String `tfsdk:"region"`
	ConnectorServiceName    types.String `tfsdk:"connector_service_name"`
	ConnectorServiceAccount types.String `tfsdk:"connector_service_account"`
	State                   types.String `tfsdk:"state"`
}

func (m cloudSQLModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

// cloudSQLInstalledModel is p0_gcp_cloudsql's state.
type cloudSQLInstalledModel struct {
	cloudSQLModel
	ConnectorServiceURI types.String `tfsdk:"connector_service_uri"`
}

// cloudSQLBody is what both resources stage, and the installed one
// verifies and configures: the network's project and subnetwork.
func cloudSQLBody(m cloudSQLModel, state install.Unset) *install.Body {
	return install.NewBody().
		String("projectId", m.ProjectID, install.Omit).
		String("connectorSubnetwork", m.Subnetwork, install.Omit).
		String("state", types.StringNull(), state).
		Owns("connectorRegion", "connectorServiceName", "connectorServiceAccount", "connectorServiceUri")
}

// readCloudSQL is m as P0 holds its item.
func readCloudSQL(m cloudSQLModel, item install.Fields) cloudSQLModel {
	m.ProjectID, m.Subnetwork = item.String("projectId"), item.String("connectorSubnetwork")
	m.Region, m.ConnectorServiceName = item.String("connectorRegion"), item.String("connectorServiceName")
	m.ConnectorServiceAccount, m.State = item.String("connectorServiceAccount"), item.String("state")
	return m
}

// cloudSQLAttributes are the attributes both resources have.
func cloudSQLAttributes(installed bool) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":                        install.Key("The connector's name in P0, which you choose. Changing it replaces the resource."),
		"project_id":                install.Key("The GCP project of the VPC network. Changing it replaces the resource.", install.GCPProjectID),
		"subnetwork":                install.Key("The subnetwork the connector runs in. Changing it replaces the resource."),
		"region":                    install.Computed("The connector's region, which P0 takes from the subnetwork."),
		"connector_service_name":    install.Computed("The name of the connector's Cloud Run service, which P0 generates."),
		"connector_service_account": install.Computed("The service account the connector runs as, which P0 generates."),
		"state":                     install.State(installed),
	}
}

// NewCloudSQLStagedResource returns the p0_gcp_cloudsql_staged resource.
func NewCloudSQLStagedResource() resource.Resource {
	return install.NewStaged[cloudSQLModel, install.IDIdentity]("gcp_cloudsql_staged", cloudSQLStagedSpec)
}

// NewCloudSQLResource returns the p0_gcp_cloudsql resource.
func NewCloudSQLResource() resource.Resource {
	return install.NewInstalled[cloudSQLInstalledModel, install.IDIdentity]("gcp_cloudsql", cloudSQLSpec)
}

// NewCloudSQLStagedListResource returns the p0_gcp_cloudsql_staged list resource.
func NewCloudSQLStagedListResource() list.ListResource {
	return install.NewList("gcp_cloudsql_staged", install.ListOf(cloudSQL, cloudSQLStagedSpec, false))
}

// NewCloudSQLListResource returns the p0_gcp_cloudsql list resource.
func NewCloudSQLListResource() list.ListResource {
	return install.NewList("gcp_cloudsql", install.ListOf(cloudSQL, cloudSQLSpec.Spec, true))
}

var cloudSQLIdentitySchema = install.IdentitySchema("id", "The connector's name in P0.")

var cloudSQLStagedSpec = install.Spec[cloudSQLModel]{
	Title: "Staged GCP Cloud SQL",
	Schema: func(context.Context) schema.Schema {
		return schema.Schema{
			MarkdownDescription: "Stages a P0 Cloud SQL connector in a VPC network of a GCP project, and exposes the " +
				"connector service P0 generates for it. Install it with `p0_gcp_cloudsql`. The integration's root is " +
				"created when it is missing.",
			Attributes: cloudSQLAttributes(false),
		}
	},
	IdentitySchema: cloudSQLIdentitySchema,
	Describe:       func(m cloudSQLModel) string { return cloudSQL.Describe(m.ID) },
	Ref:            func(m cloudSQLModel) p0.ItemRef { return cloudSQL.Ref(m.ID) },
	Import:         func(id string) (cloudSQLModel, error) { return cloudSQLModel{ID: types.StringValue(id)}, nil },
	EnsureRoot:     true,
	StageBody:      func(m cloudSQLModel) any { return cloudSQLBody(m, install.Null) },
	Read:           func(m cloudSQLModel, item, _ install.Fields) cloudSQLModel { return readCloudSQL(m, item) },
}

var cloudSQLSpec = install.InstalledSpec[cloudSQLInstalledModel]{
	Spec: install.Spec[cloudSQLInstalledModel]{
		Title: "GCP Cloud SQL",
		Schema: func(context.Context) schema.Schema {
			attributes := cloudSQLAttributes(true)
			attributes["connector_service_uri"] = install.Computed("The URI of the connector's service, once installed.")
			return schema.Schema{
				MarkdownDescription: "Installs a P0 Cloud SQL connector, once `p0_gcp_cloudsql_staged` has staged it and " +
					"its service is deployed: stages its settings, then P0 verifies it, waiting while permissions " +
					"propagate, and configures it. Destroying it puts the item back in stage, where the staged resource keeps it.",
				Attributes: attributes,
			}
		},
		IdentitySchema: cloudSQLIdentitySchema,
		Describe:       func(m cloudSQLInstalledModel) string { return cloudSQL.Describe(m.ID) },
		Ref:            func(m cloudSQLInstalledModel) p0.ItemRef { return cloudSQL.Ref(m.ID) },
		Import: func(id string) (cloudSQLInstalledModel, error) {
			return cloudSQLInstalledModel{cloudSQLModel: cloudSQLModel{ID: types.StringValue(id)}}, nil
		},
		EnsureRoot: true,
		Read: func(m cloudSQLInstalledModel, item, _ install.Fields) cloudSQLInstalledModel {
			m.cloudSQLModel = readCloudSQL(m.cloudSQLModel, item)
			m.ConnectorServiceURI = item.String("connectorServiceUri")
			return m
		},
	},
	RestageBody:   func(m cloudSQLInstalledModel) any { return cloudSQLBody(m.cloudSQLModel, install.Empty) },
	ConfigureBody: func(m cloudSQLInstalledModel) *install.Body { return cloudSQLBody(m.cloudSQLModel, install.Empty) },
	State:         func(m cloudSQLInstalledModel) string { return m.State.ValueString() },
	StagedType:    "p0_gcp_cloudsql_staged",
}
