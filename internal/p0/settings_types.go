package p0

// Duration units accepted by the JIT settings endpoints.
const (
	UnitSeconds = "s"
	UnitMinutes = "m"
	UnitHours   = "h"
	UnitDays    = "d"
	UnitWeeks   = "w"
)

// DurationUnits lists every unit the settings API accepts.
var DurationUnits = []string{UnitSeconds, UnitMinutes, UnitHours, UnitDays, UnitWeeks}

// Duration is a time span as the settings API writes it. Value is P0's
// display text ("2 hours") and is only present in responses.
type Duration struct {
	Time  int64  `json:"time"`
	Unit  string `json:"unit"`
	Value string `json:"value,omitempty"`
}

// ExpiryOptions is the list of expiry presets.
type ExpiryOptions struct {
	Options []Duration `json:"options"`
}

// DefaultApprovals are the organization-wide approval defaults.
type DefaultApprovals struct {
	AllowOneParty *bool `json:"allowOneParty,omitempty"`
	RequireReason *bool `json:"requireReason,omitempty"`
}

// accessDurationResponse is the answer of the standing and maximum access
// duration endpoints; each fills in its own field.
type accessDurationResponse struct {
	OK                     bool      `json:"ok"`
	StandingAccessDuration *Duration `json:"standingAccessDuration,omitempty"`
	MaxAccessDuration      *Duration `json:"maxAccessDuration,omitempty"`
}
