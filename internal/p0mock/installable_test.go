package p0mock

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// exchange is one request and what its answer must be: the status, and
// fragments the body must hold.
type exchange struct {
	method, path, body string
	status             int
	holds              []string
}

// runExchanges sends each exchange to a fresh mock and checks its answer.
func runExchanges(t *testing.T, exchanges []exchange) {
	t.Helper()
	h := newHarness(t)
	for _, e := range exchanges {
		rec := h.do(e.method, orgPath+e.path, e.body)
		if rec.Code != e.status {
			t.Fatalf("%s %s answered %d %s; want %d", e.method, e.path, rec.Code, rec.Body, e.status)
		}
		for _, want := range e.holds {
			if !strings.Contains(rec.Body.String(), want) {
				t.Fatalf("%s %s answered %s; want it to hold %s", e.method, e.path, rec.Body, want)
			}
		}
	}
}

// TestInstallableLifecycle runs the install lifecycle of integrations other
// than AWS as P0's client drives it: the root posted with {} (409 once it
// exists), a stage that merges and generates, verify and configure that
// merge and advance, reads with item and metadata, and delete.
func TestInstallableLifecycle(t *testing.T) {
	const db = "/integrations/mysql/config/iam-write/prod-db"
	runExchanges(t, []exchange{
		{http.MethodPut, db, `{}`, http.StatusNotFound, []string{"the MySQL integration is not installed"}},
		{http.MethodPost, "/integrations/mysql/config", `{}`, http.StatusOK, []string{`"config"`}},
		{http.MethodPost, "/integrations/mysql/config", `{}`, http.StatusConflict, []string{"already installed"}},
		{http.MethodPut, db, `{"state":null,"hosting":{"type":"aws-rds","instanceArn":"arn:aws:rds:us-west-2:1:db:prod","connectorArn":"","vpcId":"vpc-0abc1234"}}`,
			http.StatusOK, []string{`"state":"stage"`, `"connectorArn":"arn:aws:lambda:`, `"vpcId":"vpc-0abc1234"`}},
		// The final resource's stage merges its own settings.
		{http.MethodPut, db, `{"port":"3306","state":""}`, http.StatusOK, []string{`"port":"3306"`, `"vpcId":"vpc-0abc1234"`}},
		{http.MethodPost, db + "/configure", `{"port":"3306","state":""}`, http.StatusBadRequest, []string{"verify it first"}},
		{http.MethodPost, db + "/verify", `{"port":"3306","defaultDb":"app","state":""}`, http.StatusOK, []string{`"state":"configure"`, `"defaultDb":"app"`}},
		{http.MethodPost, db + "/configure", `{"port":"3306","defaultDb":"app","state":""}`, http.StatusOK,
			[]string{`"state":"installed"`, `"hostname":"prod-db.cluster-`, `"instanceArn"`}},
		{http.MethodGet, "/integrations/mysql/config", "", http.StatusOK, []string{`"config":{"iam-write":{"prod-db":{`}},
		{http.MethodGet, "/integrations/mysql/config/listing/x", "", http.StatusNotFound, []string{`unknown MySQL component \"listing\"`}},
		{http.MethodDelete, db, "", http.StatusNoContent, nil},
		{http.MethodGet, db, "", http.StatusNotFound, nil},
	})
}

// TestInstallableRoots installs the integrations whose root has a body of
// its own: the answer and later reads carry the root item, with what P0
// generates, and the integration's metadata; a second install is refused.
func TestInstallableRoots(t *testing.T) {
	runExchanges(t, []exchange{
		{http.MethodPost, "/integrations/gcloud/config", `{}`, http.StatusBadRequest, []string{"integration is installed with"}},
		{http.MethodPost, "/integrations/gcloud/config", `{"root":{"_":{"organizationId":"123"}}}`, http.StatusOK,
			[]string{`"root":{"_":{"organizationId":"123","serviceAccountEmail":"p0-gcloud-`, `"access-logs":{"customRole"`, `"orgLevelPermissions"`}},
		{http.MethodPost, "/integrations/gcloud/config", `{"root":{"_":{"organizationId":"456"}}}`, http.StatusConflict, nil},
		{http.MethodGet, "/integrations/gcloud/config", "", http.StatusOK, []string{`"organizationId":"123"`, `"iam-write":{}`}},
		{http.MethodPut, "/integrations/gcloud/config/iam-write/proj-1", `{}`, http.StatusOK, []string{`"predefinedRole"`, `"requiredPermissions"`}},
		{http.MethodPost, "/integrations/azure/config", `{"root":{"_":{"directoryId":"d"}}}`, http.StatusOK, []string{`"appName"`, `"credentialInfo"`}},
		{http.MethodDelete, "/integrations/gcloud/config", "", http.StatusNoContent, nil},
		{http.MethodGet, "/integrations/gcloud/config", "", http.StatusNotFound, nil},
	})
}

// TestInstallableGenerates checks what P0 fills in for the integrations
// whose resources read it back: a JWK as a JSON string, a secret replaced
// by its hash, a WIF audience, an Azure jump host's address.
func TestInstallableGenerates(t *testing.T) {
	h := newHarness(t)
	for _, key := range []string{"okta", "splunk", "gcp-wif", "azure"} {
		body := `{}`
		if key == "azure" {
			body = `{"root":{"_":{"directoryId":"d"}}}`
		}
		expectStatus(t, h.do(http.MethodPost, orgPath+"/integrations/"+key+"/config", body), http.StatusOK)
	}
	rec := h.do(http.MethodPut, orgPath+"/integrations/okta/config/listing/example.okta.com", `{}`)
	var staged struct {
		Item struct {
			PublicKey string `json:"publicKey"`
			KeyID     string `json:"keyId"`
		} `json:"item"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &staged); err != nil {
		t.Fatal(err)
	}
	var jwk map[string]string
	if err := json.Unmarshal([]byte(staged.Item.PublicKey), &jwk); err != nil || jwk["kid"] != staged.Item.KeyID || jwk["kty"] != "RSA" {
		t.Errorf("the listing's public key %q is not a JWK of key %q: %v", staged.Item.PublicKey, staged.Item.KeyID, err)
	}

	const splunk = orgPath + "/integrations/splunk/config/audit-log/tok-1"
	h.do(http.MethodPut, splunk, `{}`)
	h.do(http.MethodPost, splunk+"/verify", `{"endpoint":"https://s:8088","token":{"clearText":"secret-token"}}`)
	rec = h.do(http.MethodPost, splunk+"/configure", `{"endpoint":"https://s:8088","token":{"clearText":"secret-token"}}`)
	if body := rec.Body.String(); strings.Contains(body, "secret-token") || !strings.Contains(body, `"token":{"hash":"`) {
		t.Errorf("the Splunk item after configure = %s; want the token's hash, never the token", body)
	}

	rec = h.do(http.MethodPut, orgPath+"/integrations/gcp-wif/config/identity/gh", `{"projectId":"p","oidcProviderUrl":"https://token.actions.githubusercontent.com"}`)
	if !strings.Contains(rec.Body.String(), `"audience":"//iam.googleapis.com/projects/`) {
		t.Errorf("the WIF identity has no audience: %s", rec.Body)
	}

	const bastion = orgPath + "/integrations/azure/config/bastion-host/sub-1"
	jump := `{"bastion":{"type":"jumpHost","standardAccessRoleId":"s","adminAccessRoleId":"a","virtualMachineId":"vm"}}`
	h.do(http.MethodPut, bastion, jump)
	h.do(http.MethodPost, bastion+"/verify", jump)
	if rec = h.do(http.MethodPost, bastion+"/configure", jump); !strings.Contains(rec.Body.String(), `"ip":"10.0.0.4"`) ||
		!strings.Contains(rec.Body.String(), `"virtualMachineId":"vm"`) {
		t.Errorf("the jump host after configure = %s; want its address beside its settings", rec.Body)
	}
}
