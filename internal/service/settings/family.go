// Package settings serves the organization's JIT settings: expiry
// presets, one by one (p0_expiry_option) or as the whole set
// (p0_expiry_options), and the defaults and durations (p0_jit_settings).
package settings

import (
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Family is what the settings package serves.
var Family = framework.Family{
	Resources:     []func() resource.Resource{NewExpiryOptionResource, NewExpiryOptionsResource, NewJITSettingsResource},
	ListResources: []func() list.ListResource{NewExpiryOptionListResource},
	Actions:       []func() action.Action{NewExpiryOptionsResetAction},
}
