// Command emptyplugin is the benchmark's second floor: a provider on
// terraform-plugin-framework that calls no API and keeps one string per
// resource. Measured on the same configurations as terraform_data, it shows
// what the plugin protocol alone costs Terraform and a provider process,
// below which no plugin provider can go.
//
// It serves p0-bench/floor with one resource, floor_value, whose required
// value is kept in state as it is planned.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/p0-security/terraform-provider-p0/internal/pluginprocess"
)

func main() {
	// Set up as the provider's process is: logs nobody reads cost both
	// processes CPU time, and so would a collector left at Go's default.
	pluginprocess.SilenceUnreadLogs()
	pluginprocess.TuneGarbageCollector()
	err := providerserver.Serve(context.Background(), func() provider.Provider { return floorProvider{} },
		providerserver.ServeOpts{Address: "registry.terraform.io/p0-bench/floor"})
	if err != nil {
		log.Fatal(err)
	}
}

type floorProvider struct{}

func (floorProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "floor"
}

func (floorProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (floorProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (floorProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return valueResource{} }}
}

func (floorProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// valueResource keeps its planned value; Read finds it unchanged and
// Delete has nothing to remove.
type valueResource struct{}

func (valueResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_value"
}

func (valueResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"value": schema.StringAttribute{Required: true},
	}}
}

func (valueResource) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = req.Plan.Raw
}

func (valueResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (valueResource) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}

func (valueResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
