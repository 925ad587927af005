package auditlogs_test

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAccAuditLogs runs the install lifecycle of both audit-log
// collectors.
func TestAccAuditLogs(t *testing.T) {
	const token = "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c"
	splunk := func(more ...string) string {
		return acctest.InstallBlock("p0_splunk_audit_logs", append([]string{`token_id = "p0-hec"`,
			`hec_endpoint = "https://splunk.example.com:8088/services/collector"`, `hec_token_cleartext = "` + token + `"`}, more...)...)
	}
	datadog := func(more ...string) string {
		return acctest.InstallBlock("p0_datadog_audit_logs", append([]string{`identifier = "p0-logs"`,
			`intake_url = "https://http-intake.logs.datadoghq.com"`, `api_key_cleartext = "` + acctest.UserSecret + `"`}, more...)...)
	}
	acctest.RunInstall(t, []acctest.InstallCase{
		{
			Name: "splunk", Address: "p0_splunk_audit_logs.this", Config: splunk(), Updated: splunk(`index = "p0"`),
			Replaced: acctest.InstallBlock("p0_splunk_audit_logs", `token_id = "p0-hec"`,
				`hec_endpoint = "https://splunk.example.com:8088/services/collector"`, `hec_token_cleartext = "4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d"`),
			ImportID: "p0-hec", Identity: map[string]string{"token_id": "p0-hec"}, IgnoreOnImport: []string{"hec_token_cleartext"},
			Ref: p0.ItemRef{Integration: "splunk", Component: "audit-log", ID: "p0-hec"}, Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"endpoint":"https://splunk.example.com:8088/services/collector","token":{"clearText":"3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c"}}`, `POST /configure {"endpoint":"https://splunk.example.com:8088/services/collector","token":{"clearText":"3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c"}}`},
		},
		{
			Name: "datadog", Address: "p0_datadog_audit_logs.this", Config: datadog(), Updated: datadog(`service = "p0-prod"`),
			ImportID: "p0-logs", Identity: map[string]string{"identifier": "p0-logs"}, IgnoreOnImport: []string{"api_key_cleartext"},
			Ref: p0.ItemRef{Integration: "datadog", Component: "audit-log", ID: "p0-logs"}, Installed: true,
			Wire: []string{`PUT {}`, `POST /verify {"endpoint":"https://http-intake.logs.datadoghq.com","apiKey":{"clearText":"*"}}`, `POST /configure {"endpoint":"https://http-intake.logs.datadoghq.com","apiKey":{"clearText":"*"}}`},
		},
	})
}
