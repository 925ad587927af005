package acctest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// InstallCase is the acceptance test of one install resource (RunInstall):
// the lifecycle every resource of the install engine must go through.
type InstallCase struct {
	// Name names the case among its family's.
	Name string
	// Address is the resource's address, for example
	// p0_gcp_iam_write.this.
	Address string
	// Before is what the resource needs beside it (the integration's
	// root resource, its staged resource), applied with it.
	Before string
	// Config is the resource's block. Updated, when set, changes it in
	// place, and Replaced, when set, in a way that replaces it.
	Config, Updated, Replaced string
	// ImportID is the import ID of the object Config makes, and Identity
	// its identity's attributes.
	ImportID string
	Identity map[string]string
	// Ref is the item the resource manages in P0; for an integration's
	// root, its Integration alone.
	Ref p0.ItemRef
	// Installed says whether the resource leaves its item installed, or
	// staged.
	Installed bool
	// IgnoreOnImport are the attributes an import cannot read back: the
	// secrets P0 never returns.
	IgnoreOnImport []string
	// Variant is the mock's behavior, where P0's documents are silent.
	Variant string
	// Wire, when set, is what the first create sends to the item, in
	// order, reads left out: each write as its method, its path under the
	// item's ("" for the item's own, "/verify", "/configure") and its JSON
	// body, or no body: `POST /verify {"state":""}`, `PUT {}`. These are the
	// bodies P0's own client sends, where the provider does not depart
	// from them.
	Wire []string
}

// RunInstall runs each case, in parallel, against an organization of its
// own: create, an empty re-plan, import by ID (and by identity where the
// CLI has identities, and with the configuration -generate-config-out
// writes), an item deleted in P0 planned back and created
// again, an update in place and a replacement where the case has them, and
// a destroy that leaves nothing in P0; then its create and update again on
// another P0 (see anotherP0).
func RunInstall(t *testing.T, cases []InstallCase) {
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			env := NewVariantEnv(t, c.Variant)
			full := func(block string) string { return env.Config(c.Before + block) }
			steps := []resource.TestStep{
				{Config: full(c.Config), Check: resource.ComposeTestCheckFunc(c.checkHeld(env, true), c.checkWire(env))},
				{Config: full(c.Config), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
				{
					Config: full(c.Config), ResourceName: c.Address, ImportState: true, ImportStateId: c.ImportID,
					ImportStateVerify: true, ImportStateVerifyIdentifierAttribute: c.identifier(), ImportStateVerifyIgnore: c.IgnoreOnImport,
				},
			}
			if len(c.IgnoreOnImport) == 0 {
				// What P0 holds, written in HCL by -generate-config-out,
				// imports with nothing to change. A secret P0 never sends
				// back cannot be generated.
				steps = append(steps, resource.TestStep{
					Config: full(c.Config), ResourceName: c.Address, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
					ImportStateId: c.ImportID, GenerateConfig: true,
				})
			}
			if IdentitySupported(t) {
				steps[0].ConfigStateChecks = []statecheck.StateCheck{statecheck.ExpectIdentity(c.Address, c.identityChecks())}
				// The secrets an import cannot read are sent by the first
				// apply after it: in place, never by replacing the object.
				importStep := resource.TestStep{
					Config: full(c.Config), ResourceName: c.Address, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
				}
				if len(c.IgnoreOnImport) > 0 {
					importStep.ExpectNonEmptyPlan = true
					importStep.ImportPlanChecks.PreApply = []plancheck.PlanCheck{plancheck.ExpectResourceAction(c.Address, plancheck.ResourceActionUpdate)}
				}
				steps = append(steps, importStep)
			}
			steps = append(steps, resource.TestStep{
				// Deleted in P0: the plan creates it again.
				PreConfig:        func() { c.remove(env) },
				Config:           full(c.Config),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(c.Address, plancheck.ResourceActionCreate)}},
				Check:            c.checkHeld(env, true),
			})
			if c.Updated != "" {
				steps = append(steps, resource.TestStep{
					Config:           full(c.Updated),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(c.Address, plancheck.ResourceActionUpdate)}},
					Check:            c.checkHeld(env, true),
				}, resource.TestStep{Config: full(c.Updated), PlanOnly: true})
			}
			if c.Replaced != "" {
				steps = append(steps, resource.TestStep{
					Config:           full(c.Replaced),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(c.Address, plancheck.ResourceActionReplace)}},
				}, resource.TestStep{Config: full(c.Replaced), PlanOnly: true})
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories(),
				CheckDestroy:             c.checkHeld(env, false),
				Steps:                    steps,
			})
		})
		t.Run(c.Name+" on another P0", func(t *testing.T) { c.runOnAnotherP0(t) })
	}
}

// anotherP0 is how a P0 may answer where the documents are silent, beside
// the mock's default: a configure replaces the item rather than merging
// what it sends into it, and a verification is refused while the other
// side's permissions propagate.
const anotherP0 = "configure-replaces,iam-propagation"

// runOnAnotherP0 runs the case's create and update against anotherP0: each
// must install the item after waiting for the verification, and leave
// nothing for the next plan to do, as a configure that dropped what the
// stage set would.
func (c InstallCase) runOnAnotherP0(t *testing.T) {
	env := NewVariantEnv(t, anotherP0)
	full := func(block string) string { return env.Config(c.Before + block) }
	steps := []resource.TestStep{
		{Config: full(c.Config), Check: c.checkHeld(env, true)},
		{Config: full(c.Config), PlanOnly: true},
	}
	if c.Updated != "" {
		steps = append(steps,
			resource.TestStep{Config: full(c.Updated), Check: c.checkHeld(env, true)},
			resource.TestStep{Config: full(c.Updated), PlanOnly: true})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             c.checkHeld(env, false),
		Steps:                    steps,
	})
}

// identifier is the attribute an import's state is matched on: the one
// the identity names.
func (c InstallCase) identifier() string {
	for name := range c.Identity {
		if name != "org" {
			return name
		}
	}
	return "id"
}

func (c InstallCase) identityChecks() map[string]knownvalue.Check {
	checks := map[string]knownvalue.Check{}
	for name, value := range c.Identity {
		checks[name] = knownvalue.StringExact(value)
	}
	return checks
}

// remove deletes the case's object in P0, behind Terraform's back.
func (c InstallCase) remove(env *TestEnv) {
	if c.Ref.Component == "" {
		env.Mock.UninstallIntegration(c.Ref.Integration)
		return
	}
	env.Mock.DeleteItem(c.Ref)
}

// checkHeld checks that P0 holds the case's object, in the state the
// resource leaves it, or does not hold it.
func (c InstallCase) checkHeld(env *TestEnv, held bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if c.Ref.Component == "" {
			if installed := env.Mock.IntegrationInstalled(c.Ref.Integration); installed != held {
				return fmt.Errorf("the %s integration installed: %t, want %t", c.Ref.Integration, installed, held)
			}
			return nil
		}
		item, ok := env.Mock.Item(c.Ref)
		switch {
		case ok != held:
			return fmt.Errorf("P0 holds %s: %t, want %t", c.Ref, ok, held)
		case !held:
			return nil
		case c.Installed != (item.State() == p0.StateInstalled):
			return fmt.Errorf("P0 holds %s in state %q; installed wanted: %t", c.Ref, item.State(), c.Installed)
		}
		return nil
	}
}

// checkWire checks what the create sent to the item against Wire.
func (c InstallCase) checkWire(env *TestEnv) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if c.Wire == nil {
			return nil
		}
		item := "/o/" + TestOrg + "/integrations/" + c.Ref.Integration + "/config"
		if c.Ref.Component != "" {
			item += "/" + c.Ref.Component + "/" + c.Ref.ID
		}
		var sent []string
		for _, r := range env.Mock.Requests() {
			under, ok := strings.CutPrefix(r.Path, item)
			if r.Method != http.MethodGet && ok && (under == "" || strings.HasPrefix(under, "/")) {
				sent = append(sent, strings.TrimSpace(r.Method+" "+under+" "+string(r.Body)))
			}
		}
		same := len(sent) == len(c.Wire)
		for i := 0; same && i < len(sent); i++ {
			same = sameCall(c.Wire[i], sent[i])
		}
		if !same {
			return fmt.Errorf("the create sent to %s:\n  %s\nwant:\n  %s", item, strings.Join(sent, "\n  "), strings.Join(c.Wire, "\n  "))
		}
		return nil
	}
}

// sameCall reports whether a call sent is the one want describes: the same
// method, path and body, where a string "*" in want's body stands for any
// value.
func sameCall(want, sent string) bool {
	wantHead, wantBody := splitCall(want)
	sentHead, sentBody := splitCall(sent)
	if wantHead != sentHead {
		return false
	}
	var w, g any
	if json.Unmarshal([]byte(wantBody), &w) != nil || json.Unmarshal([]byte(sentBody), &g) != nil {
		return wantBody == sentBody
	}
	return matchesJSON(w, g)
}

// splitCall splits a call into its method and path, and its body.
func splitCall(call string) (head, body string) {
	if i := strings.IndexAny(call, "{["); i >= 0 {
		return strings.TrimSpace(call[:i]), call[i:]
	}
	return strings.TrimSpace(call), ""
}

// matchesJSON compares decoded JSON values, "*" in want matching any value.
func matchesJSON(want, got any) bool {
	if want == "*" {
		return true
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for k, v := range w {
			if gv, ok := g[k]; !ok || !matchesJSON(v, gv) {
				return false
			}
		}
		return true
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !matchesJSON(w[i], g[i]) {
				return false
			}
		}
		return true
	}
	return want == got
}

// InstallBlock is a resource block of type (p0_gcp_iam_write) named this,
// with attributes, one per line.
func InstallBlock(resourceType string, attributes ...string) string {
	return "resource \"" + resourceType + "\" \"this\" {\n  " + strings.Join(attributes, "\n  ") + "\n}\n"
}
