package p0

import (
	"fmt"
	"regexp"
	"strconv"
)

// Duration units accepted by the JIT settings endpoints.
const (
	UnitSeconds = "s"
	UnitMinutes = "m"
	UnitHours   = "h"
	UnitDays    = "d"
	UnitWeeks   = "w"
)

// DurationUnits lists every unit the settings API accepts, shortest first.
var DurationUnits = []string{UnitSeconds, UnitMinutes, UnitHours, UnitDays, UnitWeeks}

// unitLengths is each unit's length in seconds.
var unitLengths = map[string]int64{
	UnitSeconds: 1,
	UnitMinutes: 60,
	UnitHours:   60 * 60,
	UnitDays:    24 * 60 * 60,
	UnitWeeks:   7 * 24 * 60 * 60,
}

// UnitLength is the length of one unit in seconds; ok is false for a unit
// the API does not take.
func UnitLength(unit string) (seconds int64, ok bool) {
	seconds, ok = unitLengths[unit]
	return seconds, ok
}

// expiryKeyPattern is the shape of an expiry option's key: a whole number
// of at least 1, then a unit's letter.
var expiryKeyPattern = regexp.MustCompile(`^([1-9][0-9]*)([a-z])$`)

// ParseExpiryKey splits a key such as "2h" (see ExpiryKey) into its time
// and unit. It checks the key's shape, not that the API has the unit (see
// UnitLength), so that callers can say which is wrong.
func ParseExpiryKey(key string) (time int64, unit string, err error) {
	m := expiryKeyPattern.FindStringSubmatch(key)
	if m == nil {
		return 0, "", fmt.Errorf("%q is not an expiry option key: a whole number of at least 1 followed by a unit, "+
			"for example 2h", key)
	}
	time, err = strconv.ParseInt(m[1], 10, 64)
	if err != nil {
		return 0, "", fmt.Errorf("the time in expiry option key %q is too large: %w", key, err)
	}
	return time, m[2], nil
}

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

// accessDurationResponse is the answer of the duration endpoints; each
// fills in its own field.
type accessDurationResponse struct {
	OK                     bool      `json:"ok"`
	StandingAccessDuration *Duration `json:"standingAccessDuration,omitempty"`
	MaxAccessDuration      *Duration `json:"maxAccessDuration,omitempty"`
	ApprovableDuration     *Duration `json:"approvableDuration,omitempty"`
}
