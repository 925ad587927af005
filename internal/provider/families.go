package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/service/access"
	"github.com/p0-security/terraform-provider-p0/internal/service/agentic"
	"github.com/p0-security/terraform-provider-p0/internal/service/auditlogs"
	"github.com/p0-security/terraform-provider-p0/internal/service/aws"
	"github.com/p0-security/terraform-provider-p0/internal/service/azure"
	"github.com/p0-security/terraform-provider-p0/internal/service/databases"
	"github.com/p0-security/terraform-provider-p0/internal/service/gcp"
	"github.com/p0-security/terraform-provider-p0/internal/service/kubernetes"
	"github.com/p0-security/terraform-provider-p0/internal/service/okta"
	"github.com/p0-security/terraform-provider-p0/internal/service/roles"
	"github.com/p0-security/terraform-provider-p0/internal/service/routing"
	"github.com/p0-security/terraform-provider-p0/internal/service/settings"
	"github.com/p0-security/terraform-provider-p0/internal/service/ssh"
)

// families are what the provider serves, one service package each.
var families = []framework.Family{
	routing.Family,
	aws.Family,
	settings.Family,
	access.Family,
	azure.Family,
	gcp.Family,
	kubernetes.Family,
	ssh.Family,
	databases.Family,
	okta.Family,
	auditlogs.Family,
	agentic.Family,
	roles.Family,
}

// every gathers one kind of object from every family.
func every[T any](kind func(framework.Family) []T) []T {
	var all []T
	for _, f := range families {
		all = append(all, kind(f)...)
	}
	return all
}

func (p *p0Provider) Resources(context.Context) []func() resource.Resource {
	return every(func(f framework.Family) []func() resource.Resource { return f.Resources })
}

func (p *p0Provider) DataSources(context.Context) []func() datasource.DataSource {
	return every(func(f framework.Family) []func() datasource.DataSource { return f.DataSources })
}

func (p *p0Provider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return every(func(f framework.Family) []func() ephemeral.EphemeralResource { return f.EphemeralResources })
}

func (p *p0Provider) ListResources(context.Context) []func() list.ListResource {
	return every(func(f framework.Family) []func() list.ListResource { return f.ListResources })
}

func (p *p0Provider) Actions(context.Context) []func() action.Action {
	return every(func(f framework.Family) []func() action.Action { return f.Actions })
}
