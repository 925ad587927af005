package p0

import (
	"net/http"
	"testing"
	"time"
)

func TestBackoffBounds(t *testing.T) {
	const lo, hi = 100 * time.Millisecond, 2 * time.Second
	for attempt := 0; attempt < 12; attempt++ {
		interval := lo << attempt
		if interval > hi {
			interval = hi
		}
		for range 50 {
			got := backoff(lo, hi, attempt, nil)
			if got < interval/2 || got > interval {
				t.Fatalf("attempt %d: backoff %v outside [%v, %v]", attempt, got, interval/2, interval)
			}
		}
	}
}

func TestRetryAfterParsing(t *testing.T) {
	resp := func(status int, header string) *http.Response {
		r := &http.Response{StatusCode: status, Header: http.Header{}}
		if header != "" {
			r.Header.Set("Retry-After", header)
		}
		return r
	}
	cases := []struct {
		resp *http.Response
		want time.Duration
		ok   bool
	}{
		{resp(429, "3"), 3 * time.Second, true},
		{resp(503, "0"), 0, true},
		{resp(429, "86400"), maxRetryAfter, true},
		{resp(429, "soon"), 0, false},
		{resp(429, ""), 0, false},
		{resp(500, "3"), 0, false},
		{nil, 0, false},
	}
	for i, tc := range cases {
		got, ok := retryAfter(tc.resp)
		if got != tc.want || ok != tc.ok {
			t.Errorf("case %d: retryAfter = %v, %t; want %v, %t", i, got, ok, tc.want, tc.ok)
		}
	}
	date := resp(429, time.Now().Add(2*time.Second).UTC().Format(http.TimeFormat))
	if got, ok := retryAfter(date); !ok || got <= 0 || got > 2*time.Second {
		t.Errorf("HTTP-date Retry-After gave %v, %t", got, ok)
	}
	if got := backoff(time.Millisecond, time.Millisecond, 0, resp(429, "1")); got != time.Second {
		t.Errorf("backoff ignores Retry-After: %v", got)
	}
}
