package aws

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAWSListsWithoutIntegration lists the AWS items of an organization
// that has never staged one, where P0 answers 404 for the integration: both
// lists are empty, with no diagnostic, as the p0_aws_integration data
// source reads it.
func TestAWSListsWithoutIntegration(t *testing.T) {
	env := acctest.NewTestEnv(t)
	client := env.Client(t)
	for name, c := range map[string]struct {
		list     list.ListResource
		resource fwresource.ResourceWithIdentity
	}{
		"p0_aws_component":        {&awsComponentListResource{framework.ResourceBase{Base: framework.Base{Client: client}}}, &awsComponentResource{}},
		"p0_aws_component_staged": {&awsComponentStagedListResource{framework.ResourceBase{Base: framework.Base{Client: client}}}, &awsComponentStagedResource{}},
	} {
		if results := acctest.CollectList(t, c.list, c.resource, 0, false); len(results) != 0 {
			t.Errorf("%s listed %d results without an integration: %+v", name, len(results), results)
		}
	}
	if n := env.Mock.Count("GET /o/{org}/integrations/aws/config"); n == 0 {
		t.Error("the lists did not read the integration")
	}
}

// TestStagedListItemRemovedBetweenReads lists two staged items with their
// resource objects, which takes a read of each after the integration's.
// One that P0 no longer has by then is left out, and the other listed; any
// other failure of that read fails the list, naming the item.
func TestStagedListItemRemovedBetweenReads(t *testing.T) {
	const gone, kept = "111111111111", "222222222222"
	itemRead := "/o/{org}/integrations/aws/config/{component}/{id}"
	for _, c := range []struct {
		name    string
		status  int
		listed  []string
		failure string
		reads   int
	}{
		{name: "removed", status: http.StatusNotFound, listed: []string{p0.ComponentInventory + "/" + kept}, reads: 2},
		{name: "refused", status: http.StatusForbidden, failure: `reading AWS component "inventory" in account ` + gone, reads: 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := acctest.NewTestEnv(t)
			for _, id := range []string{gone, kept} {
				env.Mock.SetAWSItem(p0.ComponentInventory, id, p0.AWSItem{State: p0.StateStage})
			}
			env.Mock.FailNext(http.MethodGet, itemRead, c.status, "no such item")
			l := &awsComponentStagedListResource{framework.ResourceBase{Base: framework.Base{Client: env.Client(t)}}}
			results := acctest.CollectList(t, l, &awsComponentStagedResource{}, 0, true)
			var listed []string
			var errs diag.Diagnostics
			for _, result := range results {
				errs.Append(result.Diagnostics.Errors()...)
				if result.Identity != nil {
					var model awsComponentStagedModel
					result.Diagnostics.Append(result.Resource.Get(context.Background(), &model)...)
					listed = append(listed, model.ID.ValueString())
				}
			}
			if !slices.Equal(listed, c.listed) {
				t.Errorf("listed %v, want %v", listed, c.listed)
			}
			switch {
			case c.failure == "" && errs.HasError():
				t.Errorf("the list failed: %v", errs)
			case c.failure != "" && (len(errs) != 1 || !strings.Contains(errs[0].Detail(), c.failure)):
				t.Errorf("errors = %v, want one that says %q", errs, c.failure)
			}
			if n := env.Mock.Count("GET " + itemRead); n != c.reads {
				t.Errorf("the list read an item %d times, want %d", n, c.reads)
			}
		})
	}
}

// TestNoTimeoutsFitsTheSchema stores an installed item as the
// p0_aws_component list resource returns it: its timeouts block, left out,
// has the type of the resource's block, so the object fits the resource's
// state.
func TestNoTimeoutsFitsTheSchema(t *testing.T) {
	ctx := context.Background()
	item := p0.Object{"state": json.RawMessage(`"installed"`), "label": json.RawMessage(`"listed"`)}
	state := acctest.StateOf(t, NewAWSComponentResource(), componentModel(ctx, newAWSItemTarget(p0.ComponentInventory, "123456789012"), item))
	var block timeouts.Value
	if diags := state.GetAttribute(ctx, path.Root("timeouts"), &block); diags.HasError() || !block.IsNull() {
		t.Fatalf("timeouts = %v (%v), want a null block", block, diags)
	}
}
