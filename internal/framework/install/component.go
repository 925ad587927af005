package install

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Component is a component of an integration, whose items resources
// manage, one item each.
type Component struct {
	// Integration and Key are where P0 holds the items: "gcloud",
	// "iam-write".
	Integration, Key string
	// What names the component in messages: "GCP IAM write".
	What string
	// Of is what an item's id names, in messages: "project"; "" to quote
	// the id as a name.
	Of string
}

// Ref is the item with id.
func (c Component) Ref(id types.String) p0.ItemRef {
	return p0.ItemRef{Integration: c.Integration, Component: c.Key, ID: id.ValueString()}
}

// Describe names the item with id in messages: "GCP IAM write of project
// p0-1", `Kubernetes cluster "prod"`.
func (c Component) Describe(id types.String) string {
	if c.Of == "" {
		return c.What + " " + framework.Quoted(id)
	}
	return c.What + " of " + c.Of + " " + id.ValueString()
}

// ListOf is the list resource of the items of c that a resource of spec
// holds: the installed ones, or those that are not (a staged resource's,
// whose metadata the query reads when it asks for resource objects).
func ListOf[M framework.Identified](c Component, spec Spec[M], installed bool) ListSpec[M] {
	object := "installed " + c.What + " items"
	if !installed {
		object = c.What + " items that are not installed"
	}
	return ListSpec[M]{Spec: spec, Integration: c.Integration, Component: c.Key, Object: object, Installed: installed, Metadata: !installed,
		FromItemID: func(id string) (M, bool) {
			m, err := spec.Import(id)
			return m, err == nil
		}}
}
