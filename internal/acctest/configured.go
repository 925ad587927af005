package acctest

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Configured is object configured with client, as the provider configures
// what it serves, for the tests that call an object's methods directly.
func Configured[T any](object T, client *p0.Client) T {
	ctx := context.Background()
	data := &framework.ProviderData{Client: client, Version: "test"}
	switch o := any(object).(type) {
	case resource.ResourceWithConfigure:
		o.Configure(ctx, resource.ConfigureRequest{ProviderData: data}, &resource.ConfigureResponse{})
	case list.ListResourceWithConfigure:
		o.Configure(ctx, resource.ConfigureRequest{ProviderData: data}, &resource.ConfigureResponse{})
	case datasource.DataSourceWithConfigure:
		o.Configure(ctx, datasource.ConfigureRequest{ProviderData: data}, &datasource.ConfigureResponse{})
	case ephemeral.EphemeralResourceWithConfigure:
		o.Configure(ctx, ephemeral.ConfigureRequest{ProviderData: data}, &ephemeral.ConfigureResponse{})
	case action.ActionWithConfigure:
		o.Configure(ctx, action.ConfigureRequest{ProviderData: data}, &action.ConfigureResponse{})
	default:
		panic(fmt.Sprintf("acctest: a %T cannot be configured", object))
	}
	return object
}
