package settings

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

const (
	expiryAddress = "p0_expiry_option.test"

	// Mock endpoints, as counted in its request log.
	listExpiryEndpoint   = "GET /o/{org}/settings/expiry-options"
	createExpiryEndpoint = "POST /o/{org}/settings/expiry-options"
	deleteExpiryEndpoint = "DELETE /o/{org}/settings/expiry-options/{key}"
)

func TestParseExpiryID(t *testing.T) {
	valid := map[string]struct {
		time int64
		unit string
	}{
		"2h":   {2, "h"},
		"45s":  {45, "s"},
		"720h": {720, "h"},
		"1w":   {1, "w"},
		"30d":  {30, "d"},
	}
	for id, want := range valid {
		time, unit, err := parseExpiryID(id)
		if err != nil || time != want.time || unit != want.unit {
			t.Errorf("parseExpiryID(%q) = %d, %q, %v; want %d, %q", id, time, unit, err, want.time, want.unit)
		}
		if key := p0.ExpiryKey(time, unit); key != id {
			t.Errorf("ExpiryKey(parseExpiryID(%q)) = %q; the id must round-trip", id, key)
		}
	}
	for _, id := range []string{"", "h", "2", "0h", "02h", "-1h", "2y", "2H", "2 h", "2hours", "99999999999999999999h"} {
		if _, _, err := parseExpiryID(id); err == nil {
			t.Errorf("parseExpiryID(%q) succeeded, want an error", id)
		}
	}
}

func TestFindExpiryOption(t *testing.T) {
	options := []p0.Duration{{Time: 1, Unit: "h", Value: "1 hour"}, {Time: 60, Unit: "m", Value: "1 hour"}}
	if got, ok := findExpiryOption(options, 60, "m"); !ok || got != options[1] {
		t.Errorf("findExpiryOption(60m) = %+v, %t", got, ok)
	}
	if _, ok := findExpiryOption(options, 1, "d"); ok {
		t.Error("findExpiryOption found 1d in a list without it")
	}
	m := modelFromExpiryOption(options[0])
	if m.ID.ValueString() != "1h" || m.Time.ValueInt64() != 1 || m.Unit.ValueString() != "h" || m.Value.ValueString() != "1 hour" {
		t.Errorf("modelFromExpiryOption = %+v", m)
	}
}

// TestExpiryOptionRead_withoutReads calls Read directly against a P0 without
// the list endpoint: the state is kept, nothing fails, and the log says
// that drift cannot be detected.
func TestExpiryOptionRead_withoutReads(t *testing.T) {
	env := acctest.NewTestEnv(t)
	env.Mock.SetSettingsReads(false)
	r := &expiryOptionResource{}
	r.Client = env.Client(t)
	stored := expiryOptionModel{ID: types.StringValue("2h"), durationModel: durationModel{Time: types.Int64Value(2), Unit: types.StringValue("h"), Value: types.StringValue("2 hours")}}
	state := acctest.StateOf(t, r, stored)

	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	resp := fwresource.ReadResponse{State: state}
	r.Read(ctx, fwresource.ReadRequest{State: state}, &resp)

	if resp.Diagnostics.HasError() {
		t.Fatalf("Read failed: %v", resp.Diagnostics)
	}
	var got expiryOptionModel
	resp.State.Get(ctx, &got)
	if got != stored {
		t.Errorf("state after Read = %+v, want it kept as %+v", got, stored)
	}
	if !acctest.LoggedMessage(acctest.LogEntries(t, &out), "cannot be detected") {
		t.Error("Read did not log that drift cannot be detected")
	}
}

func TestAccExpiryOption_lifecycle(t *testing.T) {
	env := acctest.NewTestEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckOnlyExpiryOptions(env, acctest.DefaultExpiryKeys...),
		Steps: []resource.TestStep{
			{
				Config: env.Config(acctest.ExpiryOptionConfig(2, "h")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(expiryAddress, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(expiryAddress, tfjsonpath.New("id"), knownvalue.StringExact("2h")),
					statecheck.ExpectKnownValue(expiryAddress, tfjsonpath.New("time"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(expiryAddress, tfjsonpath.New("unit"), knownvalue.StringExact("h")),
					statecheck.ExpectKnownValue(expiryAddress, tfjsonpath.New("value"), knownvalue.StringExact("2 hours")),
				},
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckOnlyExpiryOptions(env, append(slices.Clone(acctest.DefaultExpiryKeys), "2h")...),
					env.CheckCount(createExpiryEndpoint, 1),
				),
			},
			{
				Config: env.Config(acctest.ExpiryOptionConfig(2, "h")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				ResourceName:      expiryAddress,
				ImportState:       true,
				ImportStateId:     "2h",
				ImportStateVerify: true,
			},
			{
				ResourceName:  expiryAddress,
				ImportState:   true,
				ImportStateId: "2 hours",
				ExpectError:   acctest.ExpectError("Invalid Import ID", "terraform import p0_expiry_option"),
			},
			{
				// A well-formed key that P0 does not have.
				ResourceName:  expiryAddress,
				ImportState:   true,
				ImportStateId: "9h",
				ExpectError:   acctest.ExpectError("Cannot import non-existent remote object"),
			},
			{
				// A new unit replaces the option: the old key is deleted,
				// the new one created.
				Config: env.Config(acctest.ExpiryOptionConfig(2, "d")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(expiryAddress, plancheck.ResourceActionReplace),
						plancheck.ExpectUnknownValue(expiryAddress, tfjsonpath.New("value")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(expiryAddress, tfjsonpath.New("id"), knownvalue.StringExact("2d")),
					statecheck.ExpectKnownValue(expiryAddress, tfjsonpath.New("value"), knownvalue.StringExact("2 days")),
				},
				Check: acctest.CheckOnlyExpiryOptions(env, append(slices.Clone(acctest.DefaultExpiryKeys), "2d")...),
			},
			{
				// So does a new time.
				Config: env.Config(acctest.ExpiryOptionConfig(90, "m")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(expiryAddress, plancheck.ResourceActionReplace)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(expiryAddress, tfjsonpath.New("value"), knownvalue.StringExact("90 minutes")),
				},
				Check: acctest.CheckOnlyExpiryOptions(env, append(slices.Clone(acctest.DefaultExpiryKeys), "90m")...),
			},
		},
	})
}

// TestAccExpiryOption_parallel creates several options in one apply, which
// Terraform does in parallel; the mock's latency keeps their requests in
// flight together.
func TestAccExpiryOption_parallel(t *testing.T) {
	env := acctest.NewTestEnv(t)
	keys := []string{"2h", "4h", "2d", "3w", "90m", "45s"}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckOnlyExpiryOptions(env, acctest.DefaultExpiryKeys...),
		Steps: []resource.TestStep{
			{
				PreConfig: func() { env.Mock.SetFaults(p0mock.Faults{Latency: 100 * time.Millisecond}) },
				Config: env.Config(`
locals {
  # count rather than for_each: the testing framework's legacy state
  # checks cannot address string keys.
  options = [
    { time = 2, unit = "h" },
    { time = 4, unit = "h" },
    { time = 2, unit = "d" },
    { time = 3, unit = "w" },
    { time = 90, unit = "m" },
    { time = 45, unit = "s" },
  ]
}

resource "p0_expiry_option" "many" {
  count = length(local.options)
  time  = local.options[count.index].time
  unit  = local.options[count.index].unit
}
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("p0_expiry_option.many[3]", tfjsonpath.New("value"), knownvalue.StringExact("3 weeks")),
					statecheck.ExpectKnownValue("p0_expiry_option.many[5]", tfjsonpath.New("value"), knownvalue.StringExact("45 seconds")),
					statecheck.ExpectKnownValue("p0_expiry_option.many[4]", tfjsonpath.New("id"), knownvalue.StringExact("90m")),
				},
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckOnlyExpiryOptions(env, append(slices.Clone(acctest.DefaultExpiryKeys), keys...)...),
					env.CheckCount(createExpiryEndpoint, len(keys)),
					env.CheckNoFailedRequests,
				),
			},
		},
	})
}

// TestAccExpiryOption_existing covers an option P0 already has, here one of
// its defaults: creating it fails with advice to import, importing it with
// an import block works, and destroying it deletes the default.
func TestAccExpiryOption_existing(t *testing.T) {
	env := acctest.NewTestEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckOnlyExpiryOptions(env, "5m", "24h", "168h", "720h"),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(acctest.ExpiryOptionConfig(1, "h")),
				ExpectError: acctest.ExpectError("Expiry Option Already Exists", "P0 answered 409 Conflict: expiry option 1h already exists", `terraform import p0_expiry_option.<name> "1h"`, "import {"),
			},
			{
				Config: env.Config(`
import {
  to = p0_expiry_option.test
  id = "1h"
}
` + acctest.ExpiryOptionConfig(1, "h")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(expiryAddress, tfjsonpath.New("id"), knownvalue.StringExact("1h")),
					statecheck.ExpectKnownValue(expiryAddress, tfjsonpath.New("value"), knownvalue.StringExact("1 hour")),
				},
				Check: env.CheckCount(createExpiryEndpoint, 1), // only the refused attempt of the first step
			},
		},
	})
}

func TestAccExpiryOption_drift(t *testing.T) {
	env := acctest.NewTestEnv(t)
	twoHours := env.Config(acctest.ExpiryOptionConfig(2, "h"))
	withFourHours := twoHours + `
resource "p0_expiry_option" "four_hours" {
  time = 4
  unit = "h"
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckOnlyExpiryOptions(env, acctest.DefaultExpiryKeys...),
		Steps: []resource.TestStep{
			{Config: twoHours},
			{
				// Deleted behind Terraform's back: the next apply recreates it.
				PreConfig: func() { removeExpiryOption(env, t, "2h") },
				Config:    twoHours,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(expiryAddress, plancheck.ResourceActionCreate)},
				},
				Check: acctest.CheckOnlyExpiryOptions(env, append(slices.Clone(acctest.DefaultExpiryKeys), "2h")...),
			},
			{
				// Without the list read, the deletion cannot be seen: the
				// plan works on state and stays empty.
				PreConfig: func() {
					env.Mock.SetSettingsReads(false)
					removeExpiryOption(env, t, "2h")
				},
				Config:   twoHours,
				PlanOnly: true,
			},
			{
				// Creating still works; the display text is then unknown to
				// the provider and stays null.
				Config: withFourHours,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("p0_expiry_option.four_hours", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction(expiryAddress, plancheck.ResourceActionNoop),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("p0_expiry_option.four_hours", tfjsonpath.New("id"), knownvalue.StringExact("4h")),
					statecheck.ExpectKnownValue("p0_expiry_option.four_hours", tfjsonpath.New("value"), knownvalue.Null()),
					statecheck.ExpectKnownValue(expiryAddress, tfjsonpath.New("value"), knownvalue.StringExact("2 hours")),
				},
				Check: acctest.CheckOnlyExpiryOptions(env, append(slices.Clone(acctest.DefaultExpiryKeys), "4h")...),
			},
			{
				// Destroying the option that was already gone is no error
				// (its DELETE answers 404).
				Config: env.Config(""),
				Check:  env.CheckCount(deleteExpiryEndpoint, 2),
			},
		},
	})
}

// TestAccExpiryOption_invalid feeds configurations that must fail at plan
// time, naming the attribute, before any request reaches P0.
func TestAccExpiryOption_invalid(t *testing.T) {
	env := acctest.NewTestEnv(t)
	cases := []struct{ body, want string }{
		{`time = 0
  unit = "h"`, `Attribute time value must be at least 1`},
		{`time = -2
  unit = "h"`, `Attribute time value must be at least 1`},
		{`time = 2
  unit = "y"`, `Attribute unit value must be one of`},
		{`time = 2
  unit = "hours"`, `Attribute unit value must be one of`},
		{`unit = "h"`, `The argument "time" is required`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(fmt.Sprintf("resource \"p0_expiry_option\" \"test\" {\n  %s\n}\n", tc.body)),
			PlanOnly:    true,
			ExpectError: acctest.ExpectError(tc.want),
		})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	env.CheckNoRequests(t)
}

// removeExpiryOption deletes an option behind Terraform's back.
func removeExpiryOption(e *acctest.TestEnv, t *testing.T, key string) {
	t.Helper()
	options := e.Mock.ExpiryOptions()
	i := slices.IndexFunc(options, func(o p0.Duration) bool { return p0.ExpiryKey(o.Time, o.Unit) == key })
	if i < 0 {
		t.Fatalf("expiry option %s is not in the mock", key)
	}
	e.Mock.SetExpiryOptions(slices.Delete(options, i, i+1))
}

func TestOwnEarlierAttempt(t *testing.T) {
	first := &p0.APIError{StatusCode: http.StatusConflict, Attempts: 1}
	retried := &p0.APIError{StatusCode: http.StatusConflict, Attempts: 3}
	cases := []struct {
		name                string
		conflict            *p0.APIError
		existed, known, own bool
	}{
		{"absent before, first attempt", first, false, true, true},
		{"absent before, after retries", retried, false, true, true},
		{"there before", first, true, true, false},
		{"there before, after retries", retried, true, true, false},
		{"unknown, first attempt", first, false, false, false},
		{"unknown, after retries", retried, false, false, true},
	}
	for _, tc := range cases {
		if got := ownEarlierAttempt(tc.conflict, tc.existed, tc.known); got != tc.own {
			t.Errorf("%s: ownEarlierAttempt = %t, want %t", tc.name, got, tc.own)
		}
	}
}
