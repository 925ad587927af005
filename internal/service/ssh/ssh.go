package ssh

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// cloud is one cloud whose instances P0 gives SSH access to. P0 holds the
// items of every cloud in one component, each item's id prefixed with its
// cloud: "aws:123456789012".
type cloud struct {
	// prefix is the cloud's prefix of item ids, without its colon.
	prefix string
	// typeName is the resource's type, under the provider's: "ssh_aws".
	typeName string
	// idAttribute is the attribute the item's id names: "account_id".
	idAttribute string
	// title names the resource in diagnostics, what its object in messages.
	title, what string
	// idDescription describes the id attribute.
	idDescription string
	// labelSettable says whether the label is the configuration's to set,
	// or P0's alone.
	labelSettable bool
	// fallbacks are fields P0's client sends with a constant value, which
	// P0's values replace (see install.Body.Fallback).
	fallbacks map[string]any
	// validators check the id attribute.
	validators []validator.String
}

var (
	awsCloud = cloud{prefix: "aws", typeName: "ssh_aws", idAttribute: "account_id", title: "SSH for AWS", what: "SSH of AWS account",
		idDescription: "The AWS account's ID.", labelSettable: true, validators: []validator.String{install.NumericAccountID}}
	gcpCloud = cloud{prefix: "gcloud", typeName: "ssh_gcp", idAttribute: "project_id", title: "SSH for GCP", what: "SSH of GCP project",
		idDescription: "The GCP project's ID."}
	azureCloud = cloud{prefix: "azure", typeName: "ssh_azure", idAttribute: "subscription_id", title: "SSH for Azure", what: "SSH of Azure subscription",
		idDescription: "The Azure subscription's ID.", fallbacks: map[string]any{"subscriptionId": nil}}
)

// component is where P0 holds the SSH items of every cloud.
var component = install.Component{Integration: "ssh", Key: "iam-write"}

// sshFields are the state of an SSH resource beside its id, which each
// cloud's model names after the cloud (see cloud.idAttribute).
type sshFields struct {
	GroupKey      types.String `tfsdk:"group_key"`
	IsSudoEnabled types.Bool   `tfsdk:"is_sudo_enabled"`
	Label         types.String `tfsdk:"label"`
	State         types.String `tfsdk:"state"`
}

// listed names the cloud's items in the description of its list resource.
func (c cloud) listed() install.Component {
	return install.Component{Integration: component.Integration, Key: component.Key, What: c.title}
}

// itemID is the id P0 holds the item of id under.
func (c cloud) itemID(id types.String) string { return c.prefix + ":" + id.ValueString() }

// ref is the item of the cloud's id.
func (c cloud) ref(id types.String) p0.ItemRef {
	return p0.ItemRef{Integration: component.Integration, Component: component.Key, ID: c.itemID(id)}
}

func (c cloud) describe(id types.String) string { return c.what + " " + id.ValueString() }

// fromItemID is the id an item id names, when the item is of this cloud.
func (c cloud) fromItemID(itemID string) (string, bool) {
	return strings.CutPrefix(itemID, c.prefix+":")
}

// body is the configuration every step after the stage sends.
func (c cloud) body(f sshFields) *install.Body {
	b := install.NewBody().
		String("groupKey", f.GroupKey, install.Empty).
		Bool("isSudoEnabled", f.IsSudoEnabled, install.Omit).
		Set("state", "")
	if c.labelSettable {
		b.String("label", f.Label, install.Omit)
	} else {
		b.Owns("label")
	}
	for name, value := range c.fallbacks {
		b.Fallback(name, value)
	}
	return b
}

// read is f as P0 holds its item.
func read(f sshFields, item install.Fields) sshFields {
	f.GroupKey, f.IsSudoEnabled = item.StringOr("groupKey", ""), item.BoolOr("isSudoEnabled", false)
	f.Label, f.State = item.String("label"), item.String("state")
	return f
}

// schema is the cloud's resource schema, of version.
func (c cloud) schema(version int64) schema.Schema {
	label := install.Computed("The item's display name in P0.")
	if c.labelSettable {
		label = install.OptionalComputed("The item's display name in P0.")
	}
	return schema.Schema{
		Version: version,
		MarkdownDescription: "Installs P0's SSH access to the instances of " + strings.TrimPrefix(c.what, "SSH of ") + " in one step: " +
			"stages, verifies (waiting while permissions propagate) and configures the item. Changing the grouping, " +
			"sudo or label reconfigures it in place. Destroying it removes the item.",
		Attributes: map[string]schema.Attribute{
			c.idAttribute: install.Key(c.idDescription+" Changing it replaces the resource.", c.validators...),
			"group_key": install.Default("The tag whose value groups instances, so that one request can ask for every "+
				"instance with the same value; `\"\"` for no grouping.", ""),
			"is_sudo_enabled": install.BoolDefault("Whether users may request sudo access.", false),
			"label":           label,
			"state":           install.State(true),
		},
	}
}

// model is the state of one cloud's SSH resource, M.
type model[M any] interface {
	framework.Identified
	// id is the cloud's id of the item: an account, project or
	// subscription.
	id() types.String
	// fields are the rest of the state, and with is M with others.
	fields() sshFields
	with(sshFields) M
}

// spec is the cloud's install spec, of schema version; fromID is the state
// of the item of id before it is read.
func spec[M model[M]](c cloud, version int64, fromID func(string) M) install.InstalledSpec[M] {
	return install.InstalledSpec[M]{
		Spec: install.Spec[M]{
			Title:          c.title,
			Schema:         func(context.Context) schema.Schema { return c.schema(version) },
			IdentitySchema: install.IdentitySchema(c.idAttribute, c.idDescription),
			Describe:       func(m M) string { return c.describe(m.id()) },
			Ref:            func(m M) p0.ItemRef { return c.ref(m.id()) },
			Import:         func(id string) (M, error) { return fromID(id), nil },
			EnsureRoot:     true,
			Read:           func(m M, item, _ install.Fields) M { return m.with(read(m.fields(), item)) },
		},
		ConfigureBody: func(m M) *install.Body { return c.body(m.fields()) },
		State:         func(m M) string { return m.fields().State.ValueString() },
		Uninstall:     install.DeleteItem,
	}
}

// listOf is the list resource typeName of the items of comp that are of
// cloud c, among those of every cloud.
func listOf[M framework.Identified](typeName string, c cloud, comp install.Component, s install.Spec[M], fromID func(string) M) list.ListResource {
	l := install.ListOf(comp, s, true)
	l.FromItemID = func(itemID string) (M, bool) {
		id, ok := c.fromItemID(itemID)
		return fromID(id), ok
	}
	return install.NewList(typeName, l)
}
