package p0_test

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestIsUnsupportedRead tells a P0 without a read (404, 405) from a failed
// read.
func TestIsUnsupportedRead(t *testing.T) {
	cases := []struct {
		err  error
		want bool
	}{
		{&p0.APIError{StatusCode: http.StatusNotFound}, true},
		{&p0.APIError{StatusCode: http.StatusMethodNotAllowed}, true},
		{fmt.Errorf("reading: %w", &p0.APIError{StatusCode: http.StatusNotFound}), true},
		{&p0.APIError{StatusCode: http.StatusBadRequest}, false},
		{&p0.APIError{StatusCode: http.StatusForbidden}, false},
		{&p0.APIError{StatusCode: http.StatusInternalServerError}, false},
		{errors.New("connection refused"), false},
		{nil, false},
	}
	for _, tc := range cases {
		if got := p0.IsUnsupportedRead(tc.err); got != tc.want {
			t.Errorf("IsUnsupportedRead(%v) = %t, want %t", tc.err, got, tc.want)
		}
	}
}
