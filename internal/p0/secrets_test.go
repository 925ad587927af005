package p0_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestErrorsNeverShowTheSecretsSent checks that P0's answers quoted in
// errors show neither the API token nor the secrets the request carried,
// whether P0 echoes them in an error or in an answer it cannot read.
func TestErrorsNeverShowTheSecretsSent(t *testing.T) {
	const secret = "k8s-token-9f2c"
	ref := p0.ItemRef{Integration: "k8s", Component: "iam-write", ID: "prod"}
	for name, answer := range map[string]struct {
		status int
		body   string
	}{
		"refusal":    {http.StatusBadRequest, `{"error":"token ` + secret + ` and key ` + testToken + ` are not valid"}`},
		"unreadable": {http.StatusOK, `{"item": "` + secret + `", "metadata": [` + testToken},
	} {
		t.Run(name, func(t *testing.T) {
			client := newServerClient(t, func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(answer.status)
				_, _ = w.Write([]byte(answer.body))
			}, 0)
			_, err := client.StageItem(p0.WithSecrets(context.Background(), secret), ref, map[string]any{"token": map[string]string{"clearText": secret}})
			if err == nil {
				t.Fatal("no error")
			}
			if text := err.Error(); strings.Contains(text, secret) || strings.Contains(text, testToken) || !strings.Contains(text, "[redacted]") {
				t.Errorf("error %q shows a secret, or redacts nothing", text)
			}
		})
	}
}
