package p0mock

import (
	"math"
	"testing"
)

func TestDisplayValue(t *testing.T) {
	tests := []struct {
		time int64
		unit string
		want string
	}{
		{5, "m", "5 minutes"},
		{1, "h", "1 hour"},
		{2, "h", "2 hours"},
		{24, "h", "1 day"},
		{168, "h", "1 week"},
		{720, "h", "30 days"},
		{90, "m", "90 minutes"},
		{60, "m", "1 hour"},
		{3600, "s", "1 hour"},
		{1, "s", "1 second"},
		{45, "s", "45 seconds"},
		{14, "d", "2 weeks"},
		{30, "d", "30 days"},
		{1, "w", "1 week"},
		{3, "w", "3 weeks"},
		{0, "h", "0 hours"},
		{math.MaxInt64, "w", "9223372036854775807 weeks"},
		{2, "y", "2 y"},
	}
	for _, tt := range tests {
		if got := DisplayValue(tt.time, tt.unit); got != tt.want {
			t.Errorf("DisplayValue(%d, %q) = %q, want %q", tt.time, tt.unit, got, tt.want)
		}
	}
}

func TestParseExpiryKey(t *testing.T) {
	valid := map[string]string{"2h": "2 hours", "5m": "5 minutes", "720h": "30 days", "1w": "1 week", "10s": "10 seconds"}
	for key, want := range valid {
		d, err := parseExpiryKey(key)
		if err != nil || expiryKey(d) != key || d.Value != want {
			t.Errorf("parseExpiryKey(%q) = %+v, %v; want %s", key, d, err, want)
		}
	}
	for _, key := range []string{"", "h", "2", "0h", "02h", "-2h", "2 h", "2hours", "2H", "2y", "99999999999999999999h", "9223372036854775807w"} {
		if d, err := parseExpiryKey(key); err == nil {
			t.Errorf("parseExpiryKey(%q) = %+v, want an error", key, d)
		}
	}
}
