package azure_test

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

const (
	directory    = "2f4a6c8e-1b3d-4f5a-8c7e-9d0b1a2c3e4f"
	subscription = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
	roleID       = "/subscriptions/" + subscription + "/providers/Microsoft.Authorization/roleDefinitions/11111111-2222-3333-4444-555555555555"
	adminRoleID  = "/subscriptions/" + subscription + "/providers/Microsoft.Authorization/roleDefinitions/66666666-7777-8888-9999-000000000000"
	clientID     = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
	otherClient  = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"
)

// root is the Azure integration every Azure component needs.
var root = acctest.InstallBlock("p0_azure", `directory_id = "`+directory+`"`)

// component is a block of an Azure component, which needs the root.
func component(resourceType string, attributes ...string) string {
	return acctest.InstallBlock(resourceType, append(attributes, `depends_on = [p0_azure.this]`)...)
}

func azureBastion(bastion string) string {
	return `azure_bastion = { bastion_id = "/subscriptions/` + subscription + `/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/` +
		bastion + `", standard_access_role_id = "` + roleID + `", admin_access_role_id = "` + adminRoleID + `" }`
}

const jumpHostVM = `jump_host = { virtual_machine_id = "/subscriptions/` + subscription + `/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/jump", ` +
	`standard_access_role_id = "` + roleID + `", admin_access_role_id = "` + adminRoleID + `" }`

// TestAccAzure runs the install lifecycle of every Azure resource.
func TestAccAzure(t *testing.T) {
	item := func(key, id string) p0.ItemRef { return p0.ItemRef{Integration: "azure", Component: key, ID: id} }
	inSubscription := `subscription_id = "` + subscription + `"`
	byOrg := map[string]string{"org": acctest.TestOrg}
	bySubscription := map[string]string{"subscription_id": subscription}
	functionApp := `function_app_resource_id = "/subscriptions/` + subscription + `/resourceGroups/rg/providers/Microsoft.Web/sites/p0-jump"`
	acctest.RunInstall(t, []acctest.InstallCase{
		{
			Name: "root", Address: "p0_azure.this", Config: root,
			Replaced: acctest.InstallBlock("p0_azure", `directory_id = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"`),
			ImportID: directory, Identity: map[string]string{"directory_id": directory}, Ref: p0.ItemRef{Integration: "azure"},
			Wire: []string{`POST {"root":{"_":{"directoryId":"2f4a6c8e-1b3d-4f5a-8c7e-9d0b1a2c3e4f"}}}`},
		},
		{
			Name: "app staged", Address: "p0_azure_app_staged.this", Before: root, Config: component("p0_azure_app_staged"),
			ImportID: acctest.TestOrg, Identity: byOrg, Ref: item("azure-app", "_"),

			Wire: []string{`PUT {}`}},
		{
			Name: "app", Address: "p0_azure_app.this", Before: root + component("p0_azure_app_staged"),
			Config:   acctest.InstallBlock("p0_azure_app", `client_id = "`+clientID+`"`, `depends_on = [p0_azure_app_staged.this]`),
			Replaced: acctest.InstallBlock("p0_azure_app", `client_id = "`+otherClient+`"`, `depends_on = [p0_azure_app_staged.this]`),
			ImportID: acctest.TestOrg, Identity: byOrg, Ref: item("azure-app", "_"), Installed: true,
			Wire: []string{`PUT {}`, `PUT {}`, `POST /verify {"clientId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}`, `POST /configure {"clientId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}`},
		},
		{
			Name: "iam-write staged", Address: "p0_azure_iam_write_staged.this", Before: root,
			Config:   component("p0_azure_iam_write_staged", inSubscription),
			Replaced: component("p0_azure_iam_write_staged", `subscription_id = "0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f"`),
			ImportID: subscription, Identity: bySubscription, Ref: item("iam-write", subscription),

			Wire: []string{`PUT {}`}},
		{
			Name: "iam-write", Address: "p0_azure_iam_write.this", Before: root + component("p0_azure_iam_write_staged", inSubscription),
			Config:   component("p0_azure_iam_write", "subscription_id = p0_azure_iam_write_staged.this.subscription_id"),
			ImportID: subscription, Identity: bySubscription, Ref: item("iam-write", subscription), Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"item":{"label":"","state":""}}`, `POST /configure {"item":{"label":"","state":""}}`},
		},
		{
			Name: "bastion host staged", Address: "p0_azure_bastion_host_staged.this", Before: root,
			Config:   component("p0_azure_bastion_host_staged", inSubscription),
			ImportID: subscription, Identity: bySubscription, Ref: item("bastion-host", subscription),

			Wire: []string{`PUT {}`}},
		{
			Name: "azure bastion", Address: "p0_azure_bastion_host.this", Before: root + component("p0_azure_bastion_host_staged", inSubscription),
			Config:   component("p0_azure_bastion_host", "subscription_id = p0_azure_bastion_host_staged.this.subscription_id", azureBastion("bastion-1")),
			Replaced: component("p0_azure_bastion_host", "subscription_id = p0_azure_bastion_host_staged.this.subscription_id", azureBastion("bastion-2")),
			ImportID: subscription, Identity: bySubscription, Ref: item("bastion-host", subscription), Installed: true,
			Wire: []string{`PUT {}`, `PUT {"bastion":{"type":"azureBastion","standardAccessRoleId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/11111111-2222-3333-4444-555555555555","adminAccessRoleId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/66666666-7777-8888-9999-000000000000","bastionHost":{"type":"single","bastionId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/bastion-1"}}}`, `POST /verify {"bastion":{"type":"azureBastion","standardAccessRoleId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/11111111-2222-3333-4444-555555555555","adminAccessRoleId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/66666666-7777-8888-9999-000000000000","bastionHost":{"type":"single","bastionId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/bastion-1"}}}`, `POST /configure {"bastion":{"type":"azureBastion","standardAccessRoleId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/11111111-2222-3333-4444-555555555555","adminAccessRoleId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/66666666-7777-8888-9999-000000000000","bastionHost":{"type":"single","bastionId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/bastion-1"}}}`},
		},
		{
			Name: "jump host vm", Address: "p0_azure_bastion_host.this", Before: root,
			Config:   component("p0_azure_bastion_host", inSubscription, jumpHostVM),
			Replaced: component("p0_azure_bastion_host", inSubscription, azureBastion("bastion-1")),
			ImportID: subscription, Identity: bySubscription, Ref: item("bastion-host", subscription), Installed: true,
			Wire: []string{`PUT {"bastion":{"type":"jumpHost","standardAccessRoleId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/11111111-2222-3333-4444-555555555555","adminAccessRoleId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/66666666-7777-8888-9999-000000000000","virtualMachineId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/jump"}}`, `POST /verify {"bastion":{"type":"jumpHost","standardAccessRoleId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/11111111-2222-3333-4444-555555555555","adminAccessRoleId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/66666666-7777-8888-9999-000000000000","virtualMachineId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/jump"}}`, `POST /configure {"bastion":{"type":"jumpHost","standardAccessRoleId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/11111111-2222-3333-4444-555555555555","adminAccessRoleId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/66666666-7777-8888-9999-000000000000","virtualMachineId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/jump"}}`},
		},
		{
			Name: "jump host", Address: "p0_azure_jump_host.this", Before: root,
			Config:   component("p0_azure_jump_host", `client_id = "`+clientID+`"`, functionApp),
			Updated:  component("p0_azure_jump_host", `client_id = "`+otherClient+`"`, functionApp),
			ImportID: acctest.TestOrg, Identity: byOrg, Ref: item("jump-host", "_"), Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"clientId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","functionAppResourceId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/resourceGroups/rg/providers/Microsoft.Web/sites/p0-jump"}`, `POST /configure {"clientId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","functionAppResourceId":"/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/resourceGroups/rg/providers/Microsoft.Web/sites/p0-jump"}`},
		},
	})
}
