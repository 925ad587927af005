package kubernetes

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

var cluster = install.Component{Integration: "k8s", Key: "iam-write", What: "Kubernetes cluster"}

// clusterModel is what both resources know of a cluster.
type clusterModel struct {
	ID                   types.String `tfsdk:"id"`
	ConnectivityType     types.String `tfsdk:"connectivity_type"`
	HostingType          types.String `tfsdk:"hosting_type"`
	ClusterARN           types.String `tfsdk:"cluster_arn"`
	AutoModeEnabled      types.Bool   `tfsdk:"auto_mode_enabled"`
	ClusterEndpoint      types.String `tfsdk:"cluster_endpoint"`
	CertificateAuthority types.String `tfsdk:"certificate_authority"`
	State                types.String `tfsdk:"state"`
}

func (m clusterModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

// stagedModel is p0_kubernetes_staged's state: the cluster, and the PKI P0
// generated for its admission controller.
type stagedModel struct {
	clusterModel
	CABundle   types.String `tfsdk:"ca_bundle"`
	ServerCert types.String `tfsdk:"server_cert"`
	ServerKey  types.String `tfsdk:"server_key"`
}

// installedModel is p0_kubernetes's state.
type installedModel struct {
	clusterModel
	PublicJWK types.String `tfsdk:"public_jwk"`
	Token     types.String `tfsdk:"token"`
}

// clusterBody is the cluster as every step sends it, each field always:
// what P0's client sends, without the defect of its bodies of zero values
// where the configuration leaves an attribute to its default.
func clusterBody(m clusterModel, connectivity func(*install.Body)) *install.Body {
	return install.NewBody().
		Object("connectivity", func(c *install.Body) {
			c.String("type", m.ConnectivityType, install.Null)
			connectivity(c)
		}).
		Object("hosting", func(h *install.Body) {
			h.String("type", m.HostingType, install.Null).String("arn", m.ClusterARN, install.Null).Bool("autoModeEnabled", m.AutoModeEnabled, install.Null)
		}).
		String("endpoint", m.ClusterEndpoint, install.Null).
		String("ca", m.CertificateAuthority, install.Null)
}

// readCluster is m as P0 holds its item.
func readCluster(m clusterModel, item install.Fields) clusterModel {
	connectivity, hosting := item.Object("connectivity"), item.Object("hosting")
	m.ConnectivityType, m.HostingType = connectivity.String("type"), hosting.String("type")
	m.ClusterARN, m.AutoModeEnabled = hosting.String("arn"), hosting.Bool("autoModeEnabled")
	m.ClusterEndpoint, m.CertificateAuthority = item.String("endpoint"), item.String("ca")
	m.State = item.String("state")
	return m
}

// clusterAttributes are both resources' attributes. A change to the
// cluster stages it again in place; the id names the item.
func clusterAttributes(installed bool) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id": install.Key("The cluster's name in P0, which you choose. Changing it replaces the resource."),
		"connectivity_type": install.Default("How P0 reaches the cluster's API server: `public`, or through P0's `proxy`.",
			"proxy", stringvalidator.OneOf("public", "proxy")),
		"hosting_type":          install.Default("Where the cluster runs.", "aws"),
		"cluster_arn":           install.Required("The cluster's ARN."),
		"auto_mode_enabled":     install.BoolDefault("Whether the cluster runs in EKS Auto Mode.", false),
		"cluster_endpoint":      install.Required("The URL of the cluster's API server."),
		"certificate_authority": install.Required("The cluster's certificate authority, base64-encoded."),
		"state":                 install.State(installed),
	}
}

var identitySchema = install.IdentitySchema("id", "The cluster's name in P0.")

var stagedSpec = install.Spec[stagedModel]{
	Title: "Staged Kubernetes Cluster",
	Schema: func(context.Context) schema.Schema {
		attributes := clusterAttributes(false)
		attributes["ca_bundle"] = install.Computed("The CA bundle of P0's admission controller, for its webhook configuration.")
		attributes["server_cert"] = install.Computed("The admission controller's server certificate.")
		attributes["server_key"] = install.Computed("The admission controller's server key.")
		return schema.Schema{
			MarkdownDescription: "Stages a Kubernetes cluster in P0, and exposes the PKI P0 generates for its admission " +
				"controller. Deploy P0's components in the cluster with it, then install the cluster with " +
				"`p0_kubernetes`. A change to the cluster stages it again in place. The integration's root is created " +
				"when it is missing.",
			Attributes: attributes,
		}
	},
	IdentitySchema: identitySchema,
	Describe:       func(m stagedModel) string { return cluster.Describe(m.ID) },
	Ref:            func(m stagedModel) p0.ItemRef { return cluster.Ref(m.ID) },
	Import: func(id string) (stagedModel, error) {
		return stagedModel{clusterModel: clusterModel{ID: types.StringValue(id)}}, nil
	},
	EnsureRoot: true,
	StageBody: func(m stagedModel) any {
		return clusterBody(m.clusterModel, func(*install.Body) {}).Owns("caBundle", "serverCert", "serverKey")
	},
	Read: func(m stagedModel, item, metadata install.Fields) stagedModel {
		m.clusterModel = readCluster(m.clusterModel, item)
		m.CABundle, m.ServerCert, m.ServerKey = metadata.String("caBundle"), metadata.String("serverCert"), metadata.String("serverKey")
		return m
	},
}

// installedBody is the configuration of an installed cluster, with the
// token, which P0 never sends back.
func installedBody(m installedModel) *install.Body {
	body := clusterBody(m.clusterModel, func(c *install.Body) { c.String("publicJwk", m.PublicJWK, install.Null) })
	return body.Object("token", func(t *install.Body) { t.String("clearText", m.Token, install.Null) })
}

var spec = install.InstalledSpec[installedModel]{
	Spec: install.Spec[installedModel]{
		Title: "Kubernetes Cluster",
		Schema: func(context.Context) schema.Schema {
			attributes := clusterAttributes(true)
			attributes["public_jwk"] = install.Required("The public JWK of P0's proxy in the cluster, as JSON.")
			attributes["token"] = schema.StringAttribute{
				MarkdownDescription: "The token of the service account P0 acts as in the cluster. Sensitive: never shown " +
					"or logged. P0 never sends it back, so the state keeps the configured value, a change to it " +
					"reconfigures the cluster, and an import leaves it empty until the next apply.",
				Required: true, Sensitive: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			}
			return schema.Schema{
				MarkdownDescription: "Installs a Kubernetes cluster that `p0_kubernetes_staged` staged, once P0's " +
					"components run in it: P0 verifies the cluster, waiting while they come up, and configures it with " +
					"the token P0 acts with. A change reconfigures it in place. Destroying it puts the item back in " +
					"stage, where the staged resource keeps it.",
				Attributes: attributes,
			}
		},
		IdentitySchema: identitySchema,
		Describe:       func(m installedModel) string { return cluster.Describe(m.ID) },
		Ref:            func(m installedModel) p0.ItemRef { return cluster.Ref(m.ID) },
		Import: func(id string) (installedModel, error) {
			return installedModel{clusterModel: clusterModel{ID: types.StringValue(id)}}, nil
		},
		EnsureRoot: true,
		StageBody:  func(m installedModel) any { return clusterBody(m.clusterModel, func(*install.Body) {}) },
		Secrets:    func(m installedModel) []string { return []string{m.Token.ValueString()} },
		Read: func(m installedModel, item, _ install.Fields) installedModel {
			m.clusterModel = readCluster(m.clusterModel, item)
			m.PublicJWK = item.Object("connectivity").String("publicJwk")
			return m
		},
	},
	ConfigureBody: installedBody,
	State:         func(m installedModel) string { return m.State.ValueString() },
	StagedType:    "p0_kubernetes_staged",
}

// NewStagedResource returns the p0_kubernetes_staged resource.
func NewStagedResource() resource.Resource {
	return install.NewStaged[stagedModel, install.IDIdentity]("kubernetes_staged", stagedSpec)
}

// NewResource returns the p0_kubernetes resource.
func NewResource() resource.Resource {
	return install.NewInstalled[installedModel, install.IDIdentity]("kubernetes", spec)
}

// NewStagedListResource returns the p0_kubernetes_staged list resource.
func NewStagedListResource() list.ListResource {
	return install.NewList("kubernetes_staged", install.ListOf(cluster, stagedSpec, false))
}

// NewListResource returns the p0_kubernetes list resource.
func NewListResource() list.ListResource {
	return install.NewList("kubernetes", install.ListOf(cluster, spec.Spec, true))
}
