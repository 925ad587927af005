package p0_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestDeleteExpiryOptionKeyForms deletes two options under each form of
// key P0 may take: each is gone afterwards, and once a form has removed
// one, the next delete sends that form alone, unchecked.
func TestDeleteExpiryOptionKeyForms(t *testing.T) {
	const deletes, lists = "DELETE /o/{org}/settings/expiry-options/{key}", "GET /o/{org}/settings/expiry-options"
	cases := []struct {
		variant                  string
		firstDeletes, firstLists int // for the first option
		nextDeletes, nextLists   int // for the second
	}{
		{"documented", 1, 1, 1, 0},
		{"expiry-key-display", 2, 2, 1, 0},
		{"expiry-key-display-404", 2, 2, 1, 0},
	}
	for _, tc := range cases {
		t.Run(tc.variant, func(t *testing.T) {
			ctx := context.Background()
			client, mock := newMockClient(t)
			behaving(t, mock, tc.variant)
			if _, err := client.ListExpiryOptions(ctx); err != nil {
				t.Fatal(err)
			}
			mock.ResetRequests()
			for i, option := range []p0.Duration{{Time: 1, Unit: "h"}, {Time: 24, Unit: "h"}} {
				if err := client.DeleteExpiryOption(ctx, option.Time, option.Unit); err != nil {
					t.Fatal(err)
				}
				for _, left := range mock.ExpiryOptions() {
					if left.Time == option.Time && left.Unit == option.Unit {
						t.Fatalf("%s is still in P0 after the delete", p0.ExpiryKey(option.Time, option.Unit))
					}
				}
				wantDeletes, wantLists := tc.firstDeletes, tc.firstLists
				if i == 1 {
					wantDeletes, wantLists = tc.firstDeletes+tc.nextDeletes, tc.firstLists+tc.nextLists
				}
				if d, l := mock.Count(deletes), mock.Count(lists); d != wantDeletes || l != wantLists {
					t.Fatalf("after delete %d: %d deletes and %d lists, want %d and %d", i+1, d, l, wantDeletes, wantLists)
				}
			}
		})
	}
}

// TestDeleteExpiryOptionStillListed is a P0 that answers every delete 204
// and removes nothing: the delete is an error that says so, never success.
func TestDeleteExpiryOptionStillListed(t *testing.T) {
	var sent []string
	client := newServerClient(t, func(w http.ResponseWriter, r *http.Request) {
		sent = append(sent, r.Method+" "+r.URL.EscapedPath())
		if r.Method == http.MethodGet {
			_, _ = w.Write([]byte(`{"options": [{"time": 2, "unit": "h", "value": "2 hours"}]}`))
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}, 0)
	err := client.DeleteExpiryOption(context.Background(), 2, "h")
	if !errors.Is(err, p0.ErrStillListed) || !strings.Contains(err.Error(), `"2h" and "2 hours"`) {
		t.Fatalf("err = %v; want ErrStillListed naming both keys", err)
	}
	want := "DELETE /o/" + testOrg + "/settings/expiry-options/2h, GET /o/" + testOrg + "/settings/expiry-options, " +
		"DELETE /o/" + testOrg + "/settings/expiry-options/2%20hours, GET /o/" + testOrg + "/settings/expiry-options"
	if got := strings.Join(sent, ", "); got != want {
		t.Fatalf("requests:\n %s\nwant\n %s", got, want)
	}
}

// TestDeleteExpiryOptionWithoutList keeps P0's answer to the delete where
// the list cannot be read to check it.
func TestDeleteExpiryOptionWithoutList(t *testing.T) {
	for _, status := range []int{http.StatusNotFound, http.StatusMethodNotAllowed} {
		client := newServerClient(t, func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodGet {
				w.WriteHeader(status)
				return
			}
			w.WriteHeader(http.StatusNoContent)
		}, 0)
		if err := client.DeleteExpiryOption(context.Background(), 2, "h"); err != nil {
			t.Fatalf("list answered %d: %v; want the delete's 204 to stand", status, err)
		}
	}
}

// TestDeleteExpiryOptionsInParallel deletes ten options at once from a P0
// that deletes by display value: the first delete finds the form out while
// the others wait, so that they need no list of their own.
func TestDeleteExpiryOptionsInParallel(t *testing.T) {
	ctx := context.Background()
	client, mock := newMockClient(t)
	behaving(t, mock, "expiry-key-display")
	var options []p0.Duration
	for i := range 10 {
		options = append(options, p0.Duration{Time: int64(10 + i), Unit: "m"})
	}
	mock.SetExpiryOptions(options)
	if _, err := client.ListExpiryOptions(ctx); err != nil {
		t.Fatal(err)
	}
	mock.ResetRequests()
	var wg sync.WaitGroup
	errs := make(chan error, len(options))
	for _, option := range options {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- client.DeleteExpiryOption(ctx, option.Time, option.Unit)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if left := mock.ExpiryOptions(); len(left) != 0 {
		t.Fatalf("options left: %v", left)
	}
	if n := mock.Count("GET /o/{org}/settings/expiry-options"); n != 2 {
		t.Errorf("%d lists for ten deletes, want 2: the first delete's checks only", n)
	}
	if n := mock.Count("DELETE /o/{org}/settings/expiry-options/{key}"); n != 11 {
		t.Errorf("%d deletes, want 11: two for the first option, one for each other", n)
	}
}
