package p0_test

import (
	"context"
	"errors"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func TestExpiryOptionMethods(t *testing.T) {
	ctx := context.Background()
	client, mock := newMockClient(t)

	defaults, err := client.ListExpiryOptions(ctx)
	if err != nil || len(defaults) != 5 {
		t.Fatalf("ListExpiryOptions = %v, %v; want the five defaults", defaults, err)
	}
	if err := client.CreateExpiryOption(ctx, 2, p0.UnitHours); err != nil {
		t.Fatal(err)
	}
	if err := client.CreateExpiryOption(ctx, 2, p0.UnitHours); !errors.Is(err, p0.ErrConflict) {
		t.Fatalf("duplicate option: %v, want ErrConflict", err)
	}
	opts, _ := client.ListExpiryOptions(ctx)
	if len(opts) != 6 {
		t.Fatalf("%d options after create, want 6", len(opts))
	}
	if key := p0.ExpiryKey(2, p0.UnitHours); key != "2h" {
		t.Fatalf("ExpiryKey = %q", key)
	}
	if err := client.DeleteExpiryOption(ctx, 2, p0.UnitHours); err != nil {
		t.Fatal(err)
	}
	if err := client.DeleteExpiryOption(ctx, 2, p0.UnitHours); err != nil {
		t.Fatalf("second delete: %v, want nil: an option already gone is deleted", err)
	}
	if err := client.DeleteExpiryOption(ctx, 5, p0.UnitMinutes); err != nil {
		t.Fatal(err)
	}
	reset, err := client.ResetExpiryOptions(ctx)
	if err != nil || len(reset) != 5 || len(mock.ExpiryOptions()) != 5 {
		t.Fatalf("ResetExpiryOptions = %v, %v", reset, err)
	}
}

// TestExpiryOptionListsShared lists the options around writes: lists share
// a request until the client changes an option.
func TestExpiryOptionListsShared(t *testing.T) {
	ctx := context.Background()
	client, mock := newMockClient(t)
	const listEndpoint = "GET /o/{org}/settings/expiry-options"
	lists := func(want int) {
		t.Helper()
		if n := mock.Count(listEndpoint); n != want {
			t.Fatalf("%d lists, want %d", n, want)
		}
	}
	for range 3 {
		if opts, err := client.ListExpiryOptions(ctx); err != nil || len(opts) != 5 {
			t.Fatalf("ListExpiryOptions = %v, %v", opts, err)
		}
	}
	lists(1)
	if err := client.CreateExpiryOption(ctx, 2, p0.UnitHours); err != nil {
		t.Fatal(err)
	}
	if opts, _ := client.ListExpiryOptions(ctx); len(opts) != 6 {
		t.Fatalf("%d options after create, want 6", len(opts))
	}
	lists(2)
	if err := client.DeleteExpiryOption(ctx, 2, p0.UnitHours); err != nil {
		t.Fatal(err)
	}
	if opts, _ := client.ListExpiryOptions(ctx); len(opts) != 5 {
		t.Fatalf("%d options after delete, want 5", len(opts))
	}
	lists(3)
	if _, err := client.ResetExpiryOptions(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := client.ListExpiryOptions(ctx); err != nil {
		t.Fatal(err)
	}
	lists(4)
}

// TestExpiryOptionListed answers from the latest list unless the client
// has written the option since.
func TestExpiryOptionListed(t *testing.T) {
	ctx := context.Background()
	client, mock := newMockClient(t)
	const listEndpoint = "GET /o/{org}/settings/expiry-options"
	check := func(time int64, unit string, want bool, lists int) {
		t.Helper()
		listed, err := client.ExpiryOptionListed(ctx, time, unit)
		if err != nil || listed != want {
			t.Fatalf("ExpiryOptionListed(%d%s) = %v, %v; want %v", time, unit, listed, err, want)
		}
		if n := mock.Count(listEndpoint); n != lists {
			t.Fatalf("%d lists after ExpiryOptionListed(%d%s), want %d", n, time, unit, lists)
		}
	}
	check(2, p0.UnitHours, false, 1)
	check(4, p0.UnitHours, false, 1) // from the same list
	check(1, p0.UnitHours, true, 1)  // a default
	if err := client.CreateExpiryOption(ctx, 2, p0.UnitHours); err != nil {
		t.Fatal(err)
	}
	check(4, p0.UnitHours, false, 1) // 4h was not written since the list
	check(2, p0.UnitHours, true, 2)  // 2h was: listed again
	if err := client.DeleteExpiryOption(ctx, 2, p0.UnitHours); err != nil {
		t.Fatal(err)
	}
	check(2, p0.UnitHours, false, 3)
	if _, err := client.ResetExpiryOptions(ctx); err != nil {
		t.Fatal(err)
	}
	check(4, p0.UnitHours, false, 4) // a reset forgets every list
}

func TestApprovalAndDurationMethods(t *testing.T) {
	ctx := context.Background()
	client, mock := newMockClient(t)

	yes := true
	if err := client.UpdateDefaultApprovals(ctx, p0.DefaultApprovals{RequireReason: &yes}); err != nil {
		t.Fatal(err)
	}
	approvals, err := client.GetDefaultApprovals(ctx)
	if err != nil || approvals.RequireReason == nil || !*approvals.RequireReason {
		t.Fatalf("GetDefaultApprovals = %+v, %v", approvals, err)
	}

	maxDuration, err := client.SetMaxAccessDuration(ctx, p0.Duration{Time: 2, Unit: p0.UnitDays})
	if err != nil || maxDuration.Value != "2 days" {
		t.Fatalf("SetMaxAccessDuration = %+v, %v", maxDuration, err)
	}
	standing, err := client.SetStandingAccessDuration(ctx, p0.Duration{Time: 90, Unit: p0.UnitMinutes})
	if err != nil || standing.Value != "90 minutes" {
		t.Fatalf("SetStandingAccessDuration = %+v, %v", standing, err)
	}
	if _, err := client.SetStandingAccessDuration(ctx, p0.Duration{Time: 3, Unit: p0.UnitDays}); err == nil {
		t.Fatal("standing above max was accepted")
	}
	if got, err := client.GetStandingAccessDuration(ctx); err != nil || got.Time != 90 {
		t.Fatalf("GetStandingAccessDuration = %+v, %v", got, err)
	}
	if got, err := client.GetMaxAccessDuration(ctx); err != nil || got.Unit != p0.UnitDays {
		t.Fatalf("GetMaxAccessDuration = %+v, %v", got, err)
	}

	mock.SetSettingsReads(false)
	if _, err := client.GetMaxAccessDuration(ctx); !errors.Is(err, p0.ErrNotFound) {
		t.Fatalf("read with reads off: %v, want ErrNotFound", err)
	}
}

func TestSubmitCommand(t *testing.T) {
	ctx := context.Background()
	client, mock := newMockClient(t)
	argv := []string{"request", "aws", "permission-set", "BucketList", "--account", "p0-dev", "--reason", "deploy"}
	res, err := client.SubmitCommand(ctx, argv)
	if err != nil || res.ID == "" || res.Message == "" || res.IsPreexisting {
		t.Fatalf("SubmitCommand = %+v, %v", res, err)
	}
	again, err := client.SubmitCommand(ctx, argv)
	if err != nil || !again.IsPreexisting {
		t.Fatalf("second SubmitCommand = %+v, %v; want isPreexisting", again, err)
	}
	if cmds := mock.Commands(); len(cmds) != 2 || cmds[0].ScriptName != "p0" {
		t.Fatalf("mock recorded %+v", cmds)
	}
	if _, err := client.SubmitCommand(ctx, []string{"rm", "-rf"}); err == nil {
		t.Fatal("an unknown command was accepted")
	}
}

// TestSettingsNeverSet reads settings never set, in every form P0 may give
// them, as no value: never as an error.
func TestSettingsNeverSet(t *testing.T) {
	for _, variant := range []string{"settings-unset-null", "settings-unset-empty", "settings-unset-missing", "settings-unset-null-field"} {
		t.Run(variant, func(t *testing.T) {
			ctx := context.Background()
			client, mock := newMockClient(t)
			behaving(t, mock, variant)
			for name, get := range map[string]func(context.Context) (*p0.Duration, error){
				"standing": client.GetStandingAccessDuration, "max": client.GetMaxAccessDuration,
			} {
				if d, err := get(ctx); err != nil || d != nil {
					t.Errorf("%s access duration never set = %+v, %v; want nil, nil", name, d, err)
				}
			}
			approvals, err := client.GetDefaultApprovals(ctx)
			if err != nil || approvals.AllowOneParty != nil || approvals.RequireReason != nil {
				t.Errorf("approval defaults never set = %+v, %v; want both nil", approvals, err)
			}
			if _, err := client.SetStandingAccessDuration(ctx, p0.Duration{Time: 2, Unit: "h"}); err != nil {
				t.Fatal(err)
			}
			if d, err := client.GetStandingAccessDuration(ctx); err != nil || d == nil || d.Value != "2 hours" {
				t.Errorf("standing access duration once set = %+v, %v", d, err)
			}
		})
	}
}
