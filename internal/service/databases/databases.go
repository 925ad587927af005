package databases

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// engine is one database engine P0 integrates.
type engine struct {
	// key is the engine's integration key; typeName its resources' type,
	// under the provider's: "mysql".
	key, typeName string
	// name is the engine as users know it: "MySQL".
	name string
	// port is the port P0 connects to when none is set.
	port string
}

var (
	mysql    = engine{key: "mysql", typeName: "mysql", name: "MySQL", port: "3306"}
	postgres = engine{key: "postgres", typeName: "postgres", name: "PostgreSQL", port: "5432"}
)

func (e engine) component() install.Component {
	return install.Component{Integration: e.key, Key: "iam-write", What: e.name + " database"}
}

// stagedModel is a staged database's state: where it is hosted.
type stagedModel struct {
	ID      types.String  `tfsdk:"id"`
	Hosting *hostingModel `tfsdk:"hosting"`
	State   types.String  `tfsdk:"state"`
}

func (m stagedModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

type hostingModel struct {
	Type         types.String `tfsdk:"type"`
	InstanceARN  types.String `tfsdk:"instance_arn"`
	VPCID        types.String `tfsdk:"vpc_id"`
	ConnectorARN types.String `tfsdk:"connector_arn"`
}

// installedModel is an installed database's state: how P0 connects.
type installedModel struct {
	ID        types.String `tfsdk:"id"`
	Port      types.String `tfsdk:"port"`
	DefaultDB types.String `tfsdk:"default_db"`
	Hostname  types.String `tfsdk:"hostname"`
	State     types.String `tfsdk:"state"`
}

func (m installedModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

// stagedBody is where the database is hosted. The connector P0 generates
// is sent back as P0 holds it; "" asks for one, as P0's client asks.
func stagedBody(m stagedModel) *install.Body {
	return install.NewBody().Set("state", nil).Object("hosting", func(h *install.Body) {
		if m.Hosting == nil {
			return
		}
		h.String("type", m.Hosting.Type, install.Omit).
			String("instanceArn", m.Hosting.InstanceARN, install.Omit).
			String("vpcId", m.Hosting.VPCID, install.Omit)
		if m.Hosting.ConnectorARN.IsUnknown() || m.Hosting.ConnectorARN.IsNull() {
			h.Fallback("connectorArn", "")
		} else {
			h.String("connectorArn", m.Hosting.ConnectorARN, install.Omit)
		}
	})
}

// installedBody is how P0 connects: the hostname P0 found is sent back
// once known. The hosting the staged resource set stays as P0 holds it.
func installedBody(m installedModel) *install.Body {
	return install.NewBody().
		String("hostname", m.Hostname, install.Omit).
		String("port", m.Port, install.Omit).
		String("defaultDb", m.DefaultDB, install.Omit).
		Set("state", "")
}

var identitySchema = install.IdentitySchema("id", "The database's name in P0.")

func (e engine) stagedSpec() install.Spec[stagedModel] {
	c := e.component()
	return install.Spec[stagedModel]{
		Title: "Staged " + e.name + " Database",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Stages a " + e.name + " database in P0, and exposes the connector P0 generates to reach " +
					"it. Deploy the connector, then install the database with `p0_" + e.typeName + "`. A change to the hosting " +
					"type stages it again in place. The integration's root is created when it is missing.",
				Attributes: map[string]schema.Attribute{
					"id": install.Key("The database's name in P0, which you choose. Changing it replaces the resource."),
					"hosting": schema.SingleNestedAttribute{MarkdownDescription: "Where the database is hosted.", Required: true,
						Attributes: map[string]schema.Attribute{
							"type":          install.Required("The hosting: `aws-rds`.", stringvalidator.OneOf("aws-rds")),
							"instance_arn":  install.Key("The RDS instance's ARN. Changing it replaces the resource.", install.RDSInstanceARN),
							"vpc_id":        install.Key("The VPC of the instance. Changing it replaces the resource.", install.VPCID),
							"connector_arn": install.Computed("The ARN of the connector P0 generates, the Lambda function that reaches the instance."),
						}},
					"state": install.State(false),
				},
			}
		},
		IdentitySchema: identitySchema,
		Describe:       func(m stagedModel) string { return c.Describe(m.ID) },
		Ref:            func(m stagedModel) p0.ItemRef { return c.Ref(m.ID) },
		Import:         func(id string) (stagedModel, error) { return stagedModel{ID: types.StringValue(id)}, nil },
		EnsureRoot:     true,
		StageBody:      func(m stagedModel) any { return stagedBody(m) },
		Read: func(m stagedModel, item, _ install.Fields) stagedModel {
			m.State = item.String("state")
			hosting := item.Object("hosting")
			m.Hosting = &hostingModel{Type: hosting.String("type"), InstanceARN: hosting.String("instanceArn"),
				VPCID: hosting.String("vpcId"), ConnectorARN: hosting.NonEmpty("connectorArn")}
			return m
		},
	}
}

func (e engine) spec() install.InstalledSpec[installedModel] {
	c := e.component()
	return install.InstalledSpec[installedModel]{
		Spec: install.Spec[installedModel]{
			Title: e.name + " Database",
			Schema: func(context.Context) schema.Schema {
				return schema.Schema{
					MarkdownDescription: "Installs a " + e.name + " database that `p0_" + e.typeName + "_staged` staged, once its " +
						"connector is deployed: stages how P0 connects, then P0 verifies the database, waiting while the " +
						"connector comes up, and configures it. Changing the port or default database reconfigures it in " +
						"place. Destroying it puts the item back in stage, where the staged resource keeps it.",
					Attributes: map[string]schema.Attribute{
						"id":         install.Key("The database's name in P0. Changing it replaces the resource."),
						"port":       install.Default("The port P0 connects to.", e.port, install.Port),
						"default_db": install.Optional("The database P0 connects to."),
						"hostname":   install.Computed("The instance's hostname, which P0 finds."),
						"state":      install.State(true),
					},
				}
			},
			IdentitySchema: identitySchema,
			Describe:       func(m installedModel) string { return c.Describe(m.ID) },
			Ref:            func(m installedModel) p0.ItemRef { return c.Ref(m.ID) },
			Import:         func(id string) (installedModel, error) { return installedModel{ID: types.StringValue(id)}, nil },
			EnsureRoot:     true,
			Read: func(m installedModel, item, _ install.Fields) installedModel {
				m.Hostname, m.Port = item.String("hostname"), item.Text("port")
				m.DefaultDB, m.State = item.String("defaultDb"), item.String("state")
				return m
			},
		},
		RestageBody:   func(m installedModel) any { return installedBody(m) },
		ConfigureBody: installedBody,
		State:         func(m installedModel) string { return m.State.ValueString() },
		StagedType:    "p0_" + e.typeName + "_staged",
	}
}

func (e engine) stagedResource() resource.Resource {
	return install.NewStaged[stagedModel, install.IDIdentity](e.typeName+"_staged", e.stagedSpec())
}

func (e engine) resource() resource.Resource {
	return install.NewInstalled[installedModel, install.IDIdentity](e.typeName, e.spec())
}

func (e engine) stagedListResource() list.ListResource {
	return install.NewList(e.typeName+"_staged", install.ListOf(e.component(), e.stagedSpec(), false))
}

func (e engine) listResource() list.ListResource {
	return install.NewList(e.typeName, install.ListOf(e.component(), e.spec().Spec, true))
}
