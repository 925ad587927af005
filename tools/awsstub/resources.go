package main

import (
	"context"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// stored is a resource of string attributes that keeps what it is given:
// required attributes, each of which replaces the resource when changed,
// and computed ones derived from them.
type stored struct {
	name     string
	required []string
	derive   func(values map[string]string) map[string]string
}

func storedResource(name string, required []string, derive func(map[string]string) map[string]string) func() resource.Resource {
	return func() resource.Resource { return stored{name: name, required: required, derive: derive} }
}

func (s stored) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + s.name
}

func (s stored) computed() []string {
	example := map[string]string{}
	for _, name := range s.required {
		example[name] = ""
	}
	return slices.Sorted(maps.Keys(s.derive(example)))
}

func (s stored) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attributes := map[string]schema.Attribute{}
	for _, name := range s.required {
		attributes[name] = schema.StringAttribute{Required: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}}
	}
	for _, name := range s.computed() {
		attributes[name] = schema.StringAttribute{Computed: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	resp.Schema = schema.Schema{Attributes: attributes}
}

func (s stored) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	values := map[string]string{}
	for _, name := range s.required {
		var v types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root(name), &v)...)
		values[name] = v.ValueString()
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
	for name, value := range s.derive(values) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), value)...)
	}
}

// Read keeps the state: there is nothing else to read.
func (stored) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

// Update is never called: every attribute replaces the resource.
func (stored) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {}

func (stored) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// callerIdentity is the aws_caller_identity data source.
type callerIdentity struct{}

func newCallerIdentity() datasource.DataSource { return callerIdentity{} }

func (callerIdentity) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_caller_identity"
}

func (callerIdentity) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{Attributes: map[string]dschema.Attribute{
		"id":         dschema.StringAttribute{Computed: true},
		"account_id": dschema.StringAttribute{Computed: true},
		"arn":        dschema.StringAttribute{Computed: true},
		"user_id":    dschema.StringAttribute{Computed: true},
	}}
}

func (callerIdentity) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	for name, value := range map[string]string{
		"id": accountID, "account_id": accountID, "arn": "arn:aws:iam::" + accountID + ":user/demo", "user_id": "AIDADEMO",
	} {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), value)...)
	}
}
