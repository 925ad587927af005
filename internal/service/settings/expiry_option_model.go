package settings

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// expiryOptionModel is p0_expiry_option's state.
type expiryOptionModel struct {
	ID types.String `tfsdk:"id"`
	durationModel
}

// option is the preset's time and unit, and P0's key for it (see
// p0.ExpiryKey).
func (m expiryOptionModel) option() (time int64, unit, key string) {
	time, unit = m.Time.ValueInt64(), m.Unit.ValueString()
	return time, unit, p0.ExpiryKey(time, unit)
}

// expiryOptionIdentity is p0_expiry_option's identity: P0's key for the
// option, such as 2h.
type expiryOptionIdentity struct {
	Key types.String `tfsdk:"key"`
}

func (i expiryOptionIdentity) ImportID() string { return i.Key.ValueString() }

func (m expiryOptionModel) Identity() framework.Identity {
	_, _, key := m.option()
	return expiryOptionIdentity{Key: types.StringValue(key)}
}

// parseExpiryID splits an import ID, P0's key such as 2h, into its time and
// unit.
func parseExpiryID(id string) (int64, string, error) {
	time, unit, err := p0.ParseExpiryKey(id)
	if _, known := p0.UnitLength(unit); err == nil && !known {
		err = fmt.Errorf("%q is not a unit", unit)
	}
	if err != nil {
		return 0, "", fmt.Errorf("import an expiry option by its key, a whole number of at least 1 followed by one of "+
			"%s: for example terraform import p0_expiry_option.two_hours \"2h\". Got %q (%w)", strings.Join(p0.DurationUnits, ", "), id, err)
	}
	return time, unit, nil
}

// findExpiryOption picks the option with the given time and unit from P0's
// list.
func findExpiryOption(options []p0.Duration, time int64, unit string) (p0.Duration, bool) {
	for _, o := range options {
		if o.Time == time && o.Unit == unit {
			return o, true
		}
	}
	return p0.Duration{}, false
}

// modelFromExpiryOption maps one option of P0's list to state; an option
// without display text (not listed yet) has a null value.
func modelFromExpiryOption(o p0.Duration) expiryOptionModel {
	d := modelFromDuration(o)
	return expiryOptionModel{ID: types.StringValue(p0.ExpiryKey(o.Time, o.Unit)), durationModel: *d}
}
