package p0mock

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// durationUnit is one unit of the settings API.
type durationUnit struct {
	symbol  string // as the API writes it, e.g. "h"
	seconds int64
	name    string // singular, for display text
}

// durationUnits lists every unit, largest first. Each is a whole multiple
// of every smaller one, which DisplayValue relies on.
var durationUnits = []durationUnit{
	unitNamed(p0.UnitWeeks, "week"),
	unitNamed(p0.UnitDays, "day"),
	unitNamed(p0.UnitHours, "hour"),
	unitNamed(p0.UnitMinutes, "minute"),
	unitNamed(p0.UnitSeconds, "second"),
}

// unitNamed is the unit whose symbol is given, with its length from the
// API's vocabulary and its name for display text.
func unitNamed(symbol, name string) durationUnit {
	seconds, ok := p0.UnitLength(symbol)
	if !ok {
		panic("p0mock: unknown duration unit " + symbol) // the list above names only the API's units
	}
	return durationUnit{symbol: symbol, seconds: seconds, name: name}
}

func findUnit(symbol string) (durationUnit, bool) {
	for _, unit := range durationUnits {
		if unit.symbol == symbol {
			return unit, true
		}
	}
	return durationUnit{}, false
}

// DisplayValue is P0's display text for a span: the count in the largest
// unit that divides the span evenly, singular for one. 24h is "1 day",
// 168h "1 week", 720h "30 days", 90m "90 minutes". An unknown unit is shown
// as given.
func DisplayValue(time int64, unit string) string {
	given, known := findUnit(unit)
	if !known {
		return fmt.Sprintf("%d %s", time, unit)
	}
	if time == 0 {
		return countOf(0, given.name)
	}
	// Only units larger than the given one need trying, since the given one
	// always divides. Counting in ratios rather than seconds cannot overflow.
	for _, larger := range durationUnits {
		ratio := larger.seconds / given.seconds
		if ratio > 1 && time%ratio == 0 {
			return countOf(time/ratio, larger.name)
		}
	}
	return countOf(time, given.name)
}

func countOf(count int64, name string) string {
	if count == 1 {
		return "1 " + name
	}
	return fmt.Sprintf("%d %ss", count, name)
}

// newDuration checks a span written as time and unit, and returns it with
// its display text.
func newDuration(time int64, symbol string) (p0.Duration, error) {
	unit, known := findUnit(symbol)
	if !known {
		return p0.Duration{}, oneOf("unit", symbol, p0.DurationUnits)
	}
	if time < 1 {
		return p0.Duration{}, badRequest("time must be a positive integer; got %d", time)
	}
	if time > math.MaxInt64/unit.seconds {
		return p0.Duration{}, badRequest("time %d%s is too long", time, symbol)
	}
	return displayed(time, symbol), nil
}

// displayed is a duration known to be valid, with its display text.
func displayed(time int64, unit string) p0.Duration {
	return p0.Duration{Time: time, Unit: unit, Value: DisplayValue(time, unit)}
}

// durationRequest is the body {"time": 2, "unit": "h"}. time is kept raw so
// that a string or a fraction is refused with a clear message instead of
// being coerced.
type durationRequest struct {
	Time json.RawMessage `json:"time"`
	Unit string          `json:"unit"`
}

func decodeDuration(req *apiRequest) (p0.Duration, error) {
	var body durationRequest
	if err := req.decode(&body); err != nil {
		return p0.Duration{}, err
	}
	if len(body.Time) == 0 {
		return p0.Duration{}, badRequest("time is required")
	}
	time, err := strconv.ParseInt(string(body.Time), 10, 64)
	if err != nil {
		return p0.Duration{}, badRequest("time must be a positive integer; got %s", body.Time)
	}
	return newDuration(time, body.Unit)
}

// parseExpiryKey reads a key such as "2h" from a DELETE path.
func parseExpiryKey(key string) (p0.Duration, error) {
	time, unit, err := p0.ParseExpiryKey(key)
	if err != nil {
		return p0.Duration{}, badRequest("expiry option key %q is malformed: %v", key, err)
	}
	return newDuration(time, unit)
}

// expiryKey is the key that names an expiry option, e.g. "2h".
func expiryKey(d p0.Duration) string {
	return p0.ExpiryKey(d.Time, d.Unit)
}

// spanSeconds is the length of a valid duration in seconds.
func spanSeconds(d p0.Duration) int64 {
	unit, _ := findUnit(d.Unit)
	return d.Time * unit.seconds
}

// defaultExpiryOptions are the presets P0 starts with and resets to.
func defaultExpiryOptions() []p0.Duration {
	return []p0.Duration{
		displayed(5, p0.UnitMinutes),
		displayed(1, p0.UnitHours),
		displayed(24, p0.UnitHours),
		displayed(168, p0.UnitHours),
		displayed(720, p0.UnitHours),
	}
}
