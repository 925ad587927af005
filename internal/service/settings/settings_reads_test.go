package settings

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func TestNoteDriftUndetectable(t *testing.T) {
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	noteDriftUndetectable(ctx, expiryOptionsRead, &p0.APIError{StatusCode: http.StatusNotFound})
	entries := acctest.LogEntries(t, &out)
	if len(entries) != 1 {
		t.Fatalf("logged %d entries, want 1: %v", len(entries), entries)
	}
	e := entries[0]
	if e["@level"] != "warn" || !strings.Contains(fmt.Sprint(e["@message"]), "cannot be detected") || e["setting"] != expiryOptionsRead {
		t.Errorf("log entry = %v", e)
	}
}
