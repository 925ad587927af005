package provider_test

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
)

// TestAccReliability_userSecrets installs the integrations that take a
// secret from the configuration (a Kubernetes token, Splunk and Datadog
// keys) with every log at TRACE, including a configure P0 refuses with a
// message that quotes the secret, then searches the log and the error for
// the secrets. The state holds them, as sensitive values, as it must to
// send them again.
func TestAccReliability_userSecrets(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	logPath := filepath.Join(t.TempDir(), "terraform.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	const (
		k8sToken    = acctest.UserSecret + "-k8s"
		datadogKey  = acctest.UserSecret + "-datadog"
		splunkToken = "5d2e8a00-1111-4222-8333-944455556666"
	)
	secrets := []string{k8sToken, datadogKey, splunkToken}
	// As users give them: through variables, from the environment, so that
	// no file Terraform logs holds them.
	t.Setenv("TF_VAR_k8s_token", k8sToken)
	t.Setenv("TF_VAR_datadog_key", datadogKey)
	t.Setenv("TF_VAR_splunk_token", splunkToken)
	config := env.Config(`
variable "k8s_token" {
  type      = string
  sensitive = true
}

variable "datadog_key" {
  type      = string
  sensitive = true
}

variable "splunk_token" {
  type      = string
  sensitive = true
}

resource "p0_kubernetes_staged" "prod" {
  id                    = "prod"
  cluster_arn           = "arn:aws:eks:us-west-2:123456789012:cluster/prod"
  cluster_endpoint      = "https://k8s.example.com"
  certificate_authority = "LS0t"
}

resource "p0_kubernetes" "prod" {
  id                    = p0_kubernetes_staged.prod.id
  cluster_arn           = p0_kubernetes_staged.prod.cluster_arn
  cluster_endpoint      = p0_kubernetes_staged.prod.cluster_endpoint
  certificate_authority = p0_kubernetes_staged.prod.certificate_authority
  public_jwk            = "{}"
  token                 = var.k8s_token
}

resource "p0_datadog_audit_logs" "p0" {
  identifier        = "p0"
  intake_url        = "https://http-intake.logs.datadoghq.com"
  api_key_cleartext = var.datadog_key
}

resource "p0_splunk_audit_logs" "p0" {
  token_id            = "p0"
  hec_endpoint        = "https://splunk.example.com:8088/services/collector"
  hec_token_cleartext = var.splunk_token
}
`)
	// The refused configure is the Splunk collector's alone, so that the
	// planned failure meets it.
	splunkOnly := env.Config(`
variable "splunk_token" {
  type      = string
  sensitive = true
}

resource "p0_splunk_audit_logs" "p0" {
  token_id            = "p0"
  hec_endpoint        = "https://splunk.example.com:8088/services/collector"
  hec_token_cleartext = var.splunk_token
}
`)
	var refusal string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				// P0 refuses the Splunk token, quoting it.
				PreConfig: func() {
					env.Mock.FailNext(http.MethodPost, "/o/{org}/integrations/{key}/config/{component}/{id}/configure",
						http.StatusBadRequest, "the HEC token "+splunkToken+" was refused by Splunk")
				},
				Config:      splunkOnly,
				ExpectError: acctest.ExpectError("P0 answered 400 Bad Request", "the HEC token [redacted] was refused"),
			},
			{Config: config},
		},
		ErrorCheck: func(err error) error {
			refusal = err.Error()
			return err
		},
	})
	for _, secret := range secrets {
		if strings.Contains(refusal, secret) {
			t.Errorf("the error shows a secret: %s", refusal)
		}
	}
	logged, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("reading the log: %v", err)
	}
	for _, want := range []string{"P0 API request", "/integrations/k8s/config/iam-write/prod/configure", "/integrations/datadog/config/audit-log/p0"} {
		if !bytes.Contains(logged, []byte(want)) {
			t.Errorf("the TRACE log (%d bytes) has no %q: it does not show what the provider did, so its lack of the secrets proves nothing", len(logged), want)
		}
	}
	for _, secret := range secrets {
		if i := bytes.Index(logged, []byte(secret)); i >= 0 {
			t.Errorf("the TRACE log shows a secret: …%s…", logged[max(0, i-200):i])
		}
	}
}
