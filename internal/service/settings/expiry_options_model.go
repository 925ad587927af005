package settings

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// expiryOptionsModel is p0_expiry_options's state: the organization's
// whole set of expiry presets.
type expiryOptionsModel struct {
	ID      types.String        `tfsdk:"id"`
	Options []expiryOptionEntry `tfsdk:"options"`
}

// expiryOptionEntry is one preset of the set, as P0's own provider's
// schema has it.
type expiryOptionEntry struct {
	Time types.Int64  `tfsdk:"time"`
	Unit types.String `tfsdk:"unit"`
}

func (m expiryOptionsModel) Identity() framework.Identity { return framework.OrgIdentity{Org: m.ID} }

func (e expiryOptionEntry) key() string {
	return p0.ExpiryKey(e.Time.ValueInt64(), e.Unit.ValueString())
}

// keys are the presets' keys, in the model's order.
func (m expiryOptionsModel) keys() []string {
	keys := make([]string, len(m.Options))
	for i, e := range m.Options {
		keys[i] = e.key()
	}
	return keys
}

// entryOf is one preset of P0's list as an entry of the set.
func entryOf(d p0.Duration) expiryOptionEntry {
	return expiryOptionEntry{Time: types.Int64Value(d.Time), Unit: types.StringValue(d.Unit)}
}

// readOptions is the set as P0 lists it, in the order of known (the state
// or the plan) where P0 lists the same presets, so that a set P0 lists in
// another order shows no change; presets P0 lists beyond known follow, in
// P0's order.
func readOptions(known []expiryOptionEntry, listed []p0.Duration) []expiryOptionEntry {
	listedKeys := make([]string, len(listed))
	for i, d := range listed {
		listedKeys[i] = p0.ExpiryKey(d.Time, d.Unit)
	}
	out := []expiryOptionEntry{}
	seen := map[string]bool{}
	for _, e := range known {
		if slices.Contains(listedKeys, e.key()) && !seen[e.key()] {
			out, seen[e.key()] = append(out, e), true
		}
	}
	for i, d := range listed {
		if !seen[listedKeys[i]] {
			out, seen[listedKeys[i]] = append(out, entryOf(d)), true
		}
	}
	return out
}
