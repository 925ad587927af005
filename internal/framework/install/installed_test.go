package install

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// inventoryModel is a test resource's state: one AWS inventory item.
type inventoryModel struct {
	Account types.String `tfsdk:"account"`
	State   types.String `tfsdk:"state"`
}

type inventoryIdentity struct {
	Account types.String `tfsdk:"account"`
}

func (i inventoryIdentity) ImportID() string { return i.Account.ValueString() }

func (m inventoryModel) Identity() framework.Identity { return inventoryIdentity{Account: m.Account} }

// inventorySpec installs AWS inventory items, as the document describes.
var inventorySpec = InstalledSpec[inventoryModel]{
	Spec: Spec[inventoryModel]{
		Title:      "Inventory",
		Describe:   func(m inventoryModel) string { return "inventory of account " + m.Account.ValueString() },
		Ref:        func(m inventoryModel) p0.ItemRef { return p0.AWSRef(p0.ComponentInventory, m.Account.ValueString()) },
		EnsureRoot: true,
		Read: func(m inventoryModel, item, _ Fields) inventoryModel {
			m.State = item.String("state")
			return m
		},
	},
	VerifyBody:    func(inventoryModel) any { return p0.AWSVerifyBody },
	ConfigureBody: func(inventoryModel) *Body { return NewBody().Set("state", p0.StateConfigure) },
	State:         func(m inventoryModel) string { return m.State.ValueString() },
}

// TestVerifyUnlessDoneAfterAnotherVerified installs an item whose shared
// read says "stage" when something else has verified it since: P0 refuses
// the verification, a fresh read shows the item verified, and installation
// goes on. A genuine refusal is retried until the deadline, then stays an
// error.
func TestVerifyUnlessDoneAfterAnotherVerified(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	env := acctest.NewTestEnv(t)
	cfg := p0.Config{Host: env.URL, Org: acctest.TestOrg, Token: acctest.TestToken, VerifyWaitMin: 20 * time.Millisecond, VerifyWaitMax: 50 * time.Millisecond}
	client, err := p0.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	r := &Installed[inventoryModel, inventoryIdentity]{specResource[inventoryModel, InstalledSpec[inventoryModel]]{Spec: inventorySpec}}
	r.Client = client
	const account = "123456789012"
	m := inventoryModel{Account: types.StringValue(account)}
	if err := client.StageAWSComponent(ctx, p0.ComponentInventory, account); err != nil {
		t.Fatal(err)
	}
	if got, err := client.GetAWSComponent(ctx, p0.ComponentInventory, account); err != nil || got.Item.State != p0.StateStage {
		t.Fatalf("staged item = %+v, %v", got, err)
	}

	env.Mock.SetAWSItem(p0.ComponentInventory, account, p0.AWSItem{State: p0.StateConfigure})
	var diags diag.Diagnostics
	if _, stagedHere, ok := r.verifyUnlessDone(ctx, m, 0, framework.Operation{Diags: &diags, Summary: "Unable to Install Inventory"}); !ok || stagedHere || diags.HasError() {
		t.Fatalf("verifyUnlessDone refused an item verified meanwhile (or took it as staged here): %v", diags)
	}

	// The next operation, with a client of its own.
	if r.Client, err = p0.NewClient(cfg); err != nil {
		t.Fatal(err)
	}
	env.Mock.SetAWSItem(p0.ComponentInventory, account, p0.AWSItem{State: p0.StateStage})
	env.Mock.FailVerification(account, "could not assume role P0RoleInventory")
	diags = nil
	start := time.Now()
	if _, _, ok := r.verifyUnlessDone(ctx, m, 0, framework.Operation{Diags: &diags, Summary: "Unable to Install Inventory"}); ok || !diags.HasError() {
		t.Fatal("verifyUnlessDone accepted a refused verification")
	}
	if n := env.Mock.Count("POST /o/{org}/integrations/aws/config/{component}/{id}/verify"); n < 4 {
		t.Errorf("%d verifications in all, want the refused one retried until the deadline", n)
	}
	if waited := time.Since(start); waited < 300*time.Millisecond {
		t.Errorf("gave up after %v, want close to the 500ms deadline", waited)
	}
}
