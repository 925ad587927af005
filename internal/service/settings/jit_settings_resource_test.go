package settings

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

const (
	jitAddress = "p0_jit_settings.test"

	// Mock endpoints, as counted in its request log.
	putApprovalsEndpoint = "PUT /o/{org}/settings/default-approvals"
	putStandingEndpoint  = "PUT /o/{org}/settings/standing-access-duration"
	putMaxEndpoint       = "PUT /o/{org}/settings/max-access-duration"
	getApprovalsEndpoint = "GET /o/{org}/settings/default-approvals"
	getStandingEndpoint  = "GET /o/{org}/settings/standing-access-duration"
	getMaxEndpoint       = "GET /o/{org}/settings/max-access-duration"
)

// durationState checks a duration object in state.
func durationState(time int64, unit, value string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"time":  knownvalue.Int64Exact(time),
		"unit":  knownvalue.StringExact(unit),
		"value": knownvalue.StringExact(value),
	})
}

func TestAccJITSettings_lifecycle(t *testing.T) {
	env := acctest.NewTestEnv(t)
	resetRequests := func() { env.Mock.ResetRequests() }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		// Destroying only forgets the settings: P0 keeps the last values.
		CheckDestroy: acctest.CheckSettings(env, true, false, "3d", "1w"),
		Steps: []resource.TestStep{
			{
				PreConfig: resetRequests,
				Config:    env.Config(acctest.FullJITSettings(true, true, "2h", "14d")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(jitAddress, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("id"), knownvalue.StringExact(acctest.TestOrg)),
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("allow_one_party"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("require_reason"), knownvalue.Bool(true)),
					// Display texts as P0 answered the PUTs.
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("standing_access_duration"), durationState(2, "h", "2 hours")),
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("max_access_duration"), durationState(14, "d", "2 weeks")),
				},
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckSettings(env, true, true, "2h", "14d"),
					// P0 holds a 1 hour standing duration, below the new
					// maximum, so the maximum goes first; nothing is read back.
					checkWrites(env, putApprovalsEndpoint, putMaxEndpoint, putStandingEndpoint),
					env.CheckCount(getStandingEndpoint, 1),
					env.CheckCount(getMaxEndpoint, 0),
					env.CheckCount(getApprovalsEndpoint, 0),
				),
			},
			{
				PreConfig: resetRequests,
				Config:    env.Config(acctest.FullJITSettings(true, true, "2h", "14d")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: checkWrites(env),
			},
			{
				// Only require_reason changes: one PUT, and the durations'
				// display texts stay known in the plan.
				PreConfig: resetRequests,
				Config:    env.Config(acctest.FullJITSettings(true, false, "2h", "14d")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(jitAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(jitAddress, tfjsonpath.New("standing_access_duration").AtMapKey("value"), knownvalue.StringExact("2 hours")),
						plancheck.ExpectKnownValue(jitAddress, tfjsonpath.New("max_access_duration").AtMapKey("value"), knownvalue.StringExact("2 weeks")),
					},
				},
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckSettings(env, true, false, "2h", "14d"),
					checkWrites(env, putApprovalsEndpoint),
					env.CheckCount(putStandingEndpoint, 0),
					env.CheckCount(putMaxEndpoint, 0),
				),
			},
			{
				// Both durations drop below the current standing duration
				// (2h): standing first, or P0 would refuse the maximum.
				PreConfig: resetRequests,
				Config:    env.Config(acctest.FullJITSettings(true, false, "30m", "1h")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(jitAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(jitAddress, tfjsonpath.New("standing_access_duration").AtMapKey("value")),
						plancheck.ExpectUnknownValue(jitAddress, tfjsonpath.New("max_access_duration").AtMapKey("value")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("standing_access_duration"), durationState(30, "m", "30 minutes")),
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("max_access_duration"), durationState(1, "h", "1 hour")),
				},
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckSettings(env, true, false, "30m", "1h"),
					checkWrites(env, putStandingEndpoint, putMaxEndpoint),
				),
			},
			{
				// Both rise above the current maximum (1h): maximum first.
				PreConfig: resetRequests,
				Config:    env.Config(acctest.FullJITSettings(true, false, "3d", "1w")),
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckSettings(env, true, false, "3d", "1w"),
					checkWrites(env, putMaxEndpoint, putStandingEndpoint),
				),
			},
			{
				// An import reads every setting; the configuration leaves the
				// approvable duration to P0.
				ResourceName:            jitAddress,
				ImportState:             true,
				ImportStateId:           acctest.TestOrg,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"approvable_duration"},
			},
			{
				ResourceName:  jitAddress,
				ImportState:   true,
				ImportStateId: "another-org",
				ExpectError:   acctest.ExpectError("Invalid Import ID", acctest.TestOrg),
			},
		},
	})
}

// TestAccJITSettings_partial manages only some settings: the others are
// neither sent nor read, and P0 keeps them as they are.
func TestAccJITSettings_partial(t *testing.T) {
	env := acctest.NewTestEnv(t)
	requireReasonOnly := env.Config(acctest.JitSettingsConfig(`  require_reason = true`))
	withMax := env.Config(acctest.JitSettingsConfig(`
  require_reason      = true
  max_access_duration = { time = 7, unit = "d" }`))
	maxOnly := env.Config(acctest.JitSettingsConfig(`  max_access_duration = { time = 7, unit = "d" }`))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckSettings(env, true, true, "1h", "7d"),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					// Set outside Terraform; a PUT carrying allowOneParty
					// would undo it.
					allow := true
					env.Mock.SetDefaultApprovals(p0.DefaultApprovals{AllowOneParty: &allow})
					env.Mock.ResetRequests()
				},
				Config: requireReasonOnly,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("require_reason"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("allow_one_party"), knownvalue.Null()),
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("standing_access_duration"), knownvalue.Null()),
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("max_access_duration"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckSettings(env, true, true, "1h", "30d"),
					checkWrites(env, putApprovalsEndpoint),
				),
			},
			{
				// A refresh reads only what is managed.
				PreConfig: env.Mock.ResetRequests,
				Config:    requireReasonOnly,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(
					checkWrites(env),
					env.CheckCount(getStandingEndpoint, 0),
					env.CheckCount(getMaxEndpoint, 0),
					func(*terraform.State) error {
						if env.Mock.Count(getApprovalsEndpoint) == 0 {
							return fmt.Errorf("the approval defaults were never read")
						}
						return nil
					},
				),
			},
			{
				PreConfig: env.Mock.ResetRequests,
				Config:    withMax,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("max_access_duration"), durationState(7, "d", "1 week")),
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("standing_access_duration"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckSettings(env, true, true, "1h", "7d"),
					checkWrites(env, putMaxEndpoint),
				),
			},
			{
				// require_reason leaves the configuration: it leaves state,
				// and P0 keeps its value.
				PreConfig: env.Mock.ResetRequests,
				Config:    maxOnly,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(jitAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("require_reason"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckSettings(env, true, true, "1h", "7d"),
					checkWrites(env),
				),
			},
		},
	})
}

func TestAccJITSettings_drift(t *testing.T) {
	env := acctest.NewTestEnv(t)
	config := env.Config(acctest.FullJITSettings(false, true, "4h", "7d"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{Config: config},
			{
				// Changed behind Terraform's back: the plan shows it and the
				// apply sends only what drifted.
				PreConfig: func() {
					allow := true
					env.Mock.SetDefaultApprovals(p0.DefaultApprovals{AllowOneParty: &allow})
					env.Mock.SetMaxAccessDuration(p0.Duration{Time: 14, Unit: "d"})
					env.Mock.ResetRequests()
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(jitAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("max_access_duration"), durationState(7, "d", "1 week")),
				},
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckSettings(env, false, true, "4h", "7d"),
					checkWrites(env, putApprovalsEndpoint, putMaxEndpoint),
				),
			},
			{
				// Without the settings reads, the plan works on state: no
				// error, and the change made in P0 cannot be seen.
				PreConfig: func() {
					env.Mock.SetSettingsReads(false)
					reason := false
					env.Mock.SetDefaultApprovals(p0.DefaultApprovals{RequireReason: &reason})
					env.Mock.SetStandingAccessDuration(p0.Duration{Time: 2, Unit: "h"})
				},
				Config:   config,
				PlanOnly: true,
			},
			{
				// Applies still work, taking display texts from the PUTs.
				PreConfig: env.Mock.ResetRequests,
				Config:    env.Config(acctest.FullJITSettings(false, true, "3h", "7d")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("standing_access_duration"), durationState(3, "h", "3 hours")),
				},
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckSettings(env, false, false, "3h", "7d"),
					checkWrites(env, putStandingEndpoint),
				),
			},
			{
				// P0 takes the approvals but refuses the duration: the error
				// names what failed, and state records what was written.
				PreConfig: func() {
					env.Mock.FailNext("PUT", "/o/{org}/settings/standing-access-duration", http.StatusBadRequest, "standing access is frozen")
					env.Mock.ResetRequests()
				},
				Config:      env.Config(acctest.FullJITSettings(true, true, "2h", "7d")),
				ExpectError: acctest.ExpectError("Unable to Update JIT Settings", "setting the standing access duration", "standing access is frozen"),
			},
			{
				// So the next apply sends only the rest, even without reads.
				PreConfig: env.Mock.ResetRequests,
				Config:    env.Config(acctest.FullJITSettings(true, true, "2h", "7d")),
				Check: resource.ComposeTestCheckFunc(
					acctest.CheckSettings(env, true, true, "2h", "7d"),
					checkWrites(env, putStandingEndpoint),
				),
			},
		},
	})
}

// TestAccJITSettings_invalid feeds configurations that must fail at plan
// time, naming the attribute, before any request reaches P0.
func TestAccJITSettings_invalid(t *testing.T) {
	env := acctest.NewTestEnv(t)
	cases := []struct {
		body string
		want []string
	}{
		// 90 minutes is longer than 1 hour though 90 < 1 would say no.
		{`standing_access_duration = { time = 90, unit = "m" }
  max_access_duration = { time = 1, unit = "h" }`, []string{"Standing Access Longer Than Maximum", "standing_access_duration (90m, 5400 seconds)"}},
		{`standing_access_duration = { time = 8, unit = "d" }
  max_access_duration = { time = 1, unit = "w" }`, []string{"Standing Access Longer Than Maximum", "max_access_duration (1w, 604800 seconds)"}},
		{`standing_access_duration = { time = 0, unit = "h" }`, []string{`Attribute standing_access_duration.time value must be at least 1`}},
		{`max_access_duration = { time = -3, unit = "d" }`, []string{`Attribute max_access_duration.time value must be at least 1`}},
		{`standing_access_duration = { time = 2, unit = "y" }`, []string{`Attribute standing_access_duration.unit value must be one of`}},
		{`max_access_duration = { time = 2, unit = "H" }`, []string{`Attribute max_access_duration.unit value must be one of`}},
		{`max_access_duration = { time = 2, unit = "months" }`, []string{`Attribute max_access_duration.unit value must be one of`}},
		{`standing_access_duration = { time = 2 }`, []string{`Inappropriate value for attribute "standing_access_duration"`, `"unit" is required`}},
		{`require_reason = "sometimes"`, []string{`Inappropriate value for attribute "require_reason"`}},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(acctest.JitSettingsConfig("  " + tc.body)),
			PlanOnly:    true,
			ExpectError: acctest.ExpectError(tc.want...),
		})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	env.CheckNoRequests(t)
}

// TestJITSettingsRead_withoutReads calls Read directly against a P0 without
// the settings reads: every managed value is kept, nothing fails, and the
// log says that drift cannot be detected.
func TestJITSettingsRead_withoutReads(t *testing.T) {
	env := acctest.NewTestEnv(t)
	env.Mock.SetSettingsReads(false)
	r := &jitSettingsResource{}
	r.Client = env.Client(t)
	stored := jitSettingsModel{
		ID:                     types.StringValue(acctest.TestOrg),
		AllowOneParty:          types.BoolValue(true),
		RequireReason:          types.BoolNull(),
		StandingAccessDuration: modelFromDuration(p0.Duration{Time: 4, Unit: "h", Value: "4 hours"}),
		MaxAccessDuration:      modelFromDuration(p0.Duration{Time: 7, Unit: "d", Value: "1 week"}),
	}
	got, out := readJITSettings(t, r, stored)
	if !sameSettingsModel(got, stored) {
		t.Errorf("state after Read = %+v, want it kept as %+v", got, stored)
	}
	entries := acctest.LogEntries(t, out)
	for _, read := range []string{approvalsRead, standingRead, maxRead} {
		if !acctest.LoggedMessage(entries, read) {
			t.Errorf("Read did not log that %s is unavailable", read)
		}
	}
}

// TestJITSettingsRead_managedPartsOnly reads one GET per managed part and
// leaves the rest null, even where P0's answer holds them.
func TestJITSettingsRead_managedPartsOnly(t *testing.T) {
	env := acctest.NewTestEnv(t)
	r := &jitSettingsResource{}
	r.Client = env.Client(t)
	reason := true
	env.Mock.SetDefaultApprovals(p0.DefaultApprovals{RequireReason: &reason})
	got, _ := readJITSettings(t, r, jitSettingsModel{
		ID:            types.StringValue(acctest.TestOrg),
		AllowOneParty: types.BoolNull(),
		RequireReason: types.BoolValue(false),
	})
	if !got.RequireReason.Equal(types.BoolValue(true)) || !got.AllowOneParty.IsNull() ||
		got.StandingAccessDuration != nil || got.MaxAccessDuration != nil {
		t.Errorf("state after Read = %+v; want require_reason read as true and nothing else", got)
	}
	counts := env.Mock.Counts()
	if counts[getApprovalsEndpoint] != 1 || counts[getStandingEndpoint] != 0 || counts[getMaxEndpoint] != 0 {
		t.Errorf("Read sent %v; want one GET of the approval defaults", counts)
	}
}

// TestJITSettingsDelete_warns checks that Delete sends nothing and warns
// that the values stay in P0.
func TestJITSettingsDelete_warns(t *testing.T) {
	env := acctest.NewTestEnv(t)
	r := &jitSettingsResource{}
	r.Client = env.Client(t)
	state := acctest.StateOf(t, r, jitSettingsModel{ID: types.StringValue(acctest.TestOrg), AllowOneParty: types.BoolValue(true), RequireReason: types.BoolNull()})
	var resp fwresource.DeleteResponse
	r.Delete(context.Background(), fwresource.DeleteRequest{State: state}, &resp)

	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("Delete diagnostics = %v; want one warning", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()[0]
	if w.Summary() != "JIT Settings Left in P0" || !strings.Contains(w.Detail(), "keep their current values in P0") {
		t.Errorf("warning = %q: %q", w.Summary(), w.Detail())
	}
	env.CheckNoRequests(t)
}

// sameSettingsModel compares two states field by field, display texts
// included.
func sameSettingsModel(a, b jitSettingsModel) bool {
	sameObject := func(x, y *durationModel) bool {
		if x == nil || y == nil {
			return x == y
		}
		return *x == *y
	}
	return a.ID.Equal(b.ID) && a.AllowOneParty.Equal(b.AllowOneParty) && a.RequireReason.Equal(b.RequireReason) &&
		sameObject(a.StandingAccessDuration, b.StandingAccessDuration) && sameObject(a.MaxAccessDuration, b.MaxAccessDuration)
}

// readJITSettings runs Read on a state holding stored, returning the new
// state and what was logged.
func readJITSettings(t *testing.T, r *jitSettingsResource, stored jitSettingsModel) (jitSettingsModel, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	state := acctest.StateOf(t, r, stored)
	resp := fwresource.ReadResponse{State: state}
	r.Read(ctx, fwresource.ReadRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("Read failed: %v", resp.Diagnostics)
	}
	var got jitSettingsModel
	if diags := resp.State.Get(ctx, &got); diags.HasError() {
		t.Fatalf("reading state: %v", diags)
	}
	return got, &out
}

// checkWrites asserts the exact sequence of writes (PUT, POST, DELETE) that
// reached P0 since the log was last reset.
func checkWrites(e *acctest.TestEnv, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var got []string
		for _, r := range e.Mock.Requests() {
			if r.Method != "GET" {
				got = append(got, r.Endpoint)
			}
		}
		if !slices.Equal(got, want) {
			return fmt.Errorf("writes sent to P0: %q, want %q", got, want)
		}
		return nil
	}
}

// TestJITSettingsValidateConfig calls ValidateConfig directly, with values
// that configurations can only give through other resources: unknown ones
// are skipped, to be checked once known.
func TestJITSettingsValidateConfig(t *testing.T) {
	r, ok := NewJITSettingsResource().(*jitSettingsResource)
	if !ok {
		t.Fatalf("NewJITSettingsResource returned %T, want *jitSettingsResource", NewJITSettingsResource())
	}
	s := acctest.SchemaOf(t, r)
	ctx := context.Background()
	rootType, ok := s.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatalf("schema type is %T, want tftypes.Object", s.Type().TerraformType(ctx))
	}
	durationType, ok := rootType.AttributeTypes["max_access_duration"].(tftypes.Object)
	if !ok {
		t.Fatalf("max_access_duration type is %T, want tftypes.Object", rootType.AttributeTypes["max_access_duration"])
	}
	duration := func(time any, unit any) tftypes.Value {
		return tftypes.NewValue(durationType, map[string]tftypes.Value{
			"time":  tftypes.NewValue(tftypes.Number, time),
			"unit":  tftypes.NewValue(tftypes.String, unit),
			"value": tftypes.NewValue(tftypes.String, nil),
		})
	}
	unknownDuration := tftypes.NewValue(durationType, tftypes.UnknownValue)
	nullDuration := tftypes.NewValue(durationType, nil)
	cases := []struct {
		name              string
		standing, maximum tftypes.Value
		wantError         bool
	}{
		{"90m over 1h", duration(90, "m"), duration(1, "h"), true},
		{"8d over 1w", duration(8, "d"), duration(1, "w"), true},
		{"1w equals 7d", duration(1, "w"), duration(7, "d"), false},
		{"60m equals 1h", duration(60, "m"), duration(1, "h"), false},
		{"standing unknown", unknownDuration, duration(1, "h"), false},
		{"maximum's time unknown", duration(90, "m"), duration(tftypes.UnknownValue, "h"), false},
		{"standing's unit unknown", duration(90, tftypes.UnknownValue), duration(1, "h"), false},
		{"no maximum", duration(90, "d"), nullDuration, false},
		{"unit rejected by its own validator", duration(90, "y"), duration(1, "h"), false},
	}
	for _, tc := range cases {
		config := tfsdk.Config{Schema: s, Raw: tftypes.NewValue(rootType, map[string]tftypes.Value{
			"id":                       tftypes.NewValue(tftypes.String, nil),
			"allow_one_party":          tftypes.NewValue(tftypes.Bool, nil),
			"require_reason":           tftypes.NewValue(tftypes.Bool, nil),
			"standing_access_duration": tc.standing,
			"max_access_duration":      tc.maximum,
			"approvable_duration":      nullDuration,
		})}
		var resp fwresource.ValidateConfigResponse
		r.ValidateConfig(ctx, fwresource.ValidateConfigRequest{Config: config}, &resp)
		if got := resp.Diagnostics.HasError(); got != tc.wantError {
			t.Errorf("%s: error = %t, want %t: %v", tc.name, got, tc.wantError, resp.Diagnostics)
		}
		if tc.wantError && resp.Diagnostics.Errors()[0].Summary() != "Standing Access Longer Than Maximum" {
			t.Errorf("%s: summary = %q", tc.name, resp.Diagnostics.Errors()[0].Summary())
		}
	}
}

// TestAccJITSettings_neverSet adopts the settings of an organization where
// none was ever set, or which P0 cannot read, in every form P0 may answer:
// the import, the configuration generated from it and a first apply all
// work, and none reports a malformed answer.
func TestAccJITSettings_neverSet(t *testing.T) {
	acctest.EachVariant(t, []string{
		"settings-unset-null", "settings-unset-empty", "settings-unset-missing", "settings-unset-null-field",
		"settings-reads-404", "settings-reads-405",
	}, func(t *testing.T, _ string, env *acctest.TestEnv) {
		config := env.Config(`
resource "p0_jit_settings" "this" {
  standing_access_duration = { time = 3, unit = "h" }
  max_access_duration      = { time = 2, unit = "d" }
}
`)
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories(),
			Steps: []resource.TestStep{
				{
					// Nothing set: the generated configuration is empty, and
					// importing it plans nothing.
					Config:          env.ProviderBlock(),
					ResourceName:    "p0_jit_settings.this",
					ImportState:     true,
					ImportStateKind: resource.ImportBlockWithID,
					ImportStateId:   acctest.TestOrg,
					GenerateConfig:  true,
				},
				{
					Config: config,
					Check: func(*terraform.State) error {
						s, m := env.Mock.StandingAccessDuration(), env.Mock.MaxAccessDuration()
						if p0.ExpiryKey(s.Time, s.Unit) != "3h" || p0.ExpiryKey(m.Time, m.Unit) != "2d" {
							return fmt.Errorf("P0 holds standing %+v and max %+v, want 3h and 2d", s, m)
						}
						return nil
					},
				},
				{
					Config: config,
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
				},
			},
		})
	})
}

// TestAccJITSettings_approvableDuration sets how long a request may still
// be approved (P0's own provider's approvable): one PUT, read back like
// the other durations, drift planned back, an import reading it.
func TestAccJITSettings_approvableDuration(t *testing.T) {
	env := acctest.NewTestEnv(t)
	config := env.Config(acctest.JitSettingsConfig(`  approvable_duration = { time = 2, unit = "d" }`))
	held := func(want string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if got := env.Mock.ApprovableDuration(); p0.ExpiryKey(got.Time, got.Unit) != want {
				return fmt.Errorf("P0 holds an approvable duration of %+v, want %s", got, want)
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  held("2d"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jitAddress, tfjsonpath.New("approvable_duration"), durationState(2, "d", "2 days")),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				PreConfig: func() { env.Mock.SetApprovableDuration(p0.Duration{Time: 3, Unit: "h"}) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(jitAddress, plancheck.ResourceActionUpdate)}},
				Check: held("2d"),
			},
			{
				Config: config, ResourceName: jitAddress, ImportState: true, ImportStateId: acctest.TestOrg,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if got := states[0].Attributes["approvable_duration.value"]; got != "2 days" {
						return fmt.Errorf("imported approvable_duration.value %q, want \"2 days\"", got)
					}
					return nil
				},
			},
		},
	})
}
