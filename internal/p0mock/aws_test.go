package p0mock

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

const (
	awsPath     = orgPath + "/integrations/aws/config"
	accountID   = "123456789012"
	otherID     = "210987654321"
	functionARN = "arn:aws:lambda:us-west-2:555566667777:function:approve-access"
)

func itemPath(component, id string) string { return awsPath + "/" + component + "/" + id }

// installedRoot is a harness whose AWS integration root exists.
func installedRoot(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t)
	expectStatus(t, h.do(http.MethodPost, awsPath, ""), http.StatusOK)
	return h
}

// itemIn is a harness holding one item of component in state.
func itemIn(t *testing.T, component, id, state string) *harness {
	t.Helper()
	h := installedRoot(t)
	expectStatus(t, h.do(http.MethodPut, itemPath(component, id), ""), http.StatusOK)
	if state != p0.StateStage {
		expectStatus(t, h.do(http.MethodPost, itemPath(component, id)+"/verify", `{"state":"stage"}`), http.StatusOK)
	}
	if state == p0.StateInstalled {
		expectStatus(t, h.do(http.MethodPost, itemPath(component, id)+"/configure", validConfiguration(component)), http.StatusOK)
	}
	return h
}

// validConfiguration is a configure body each component accepts.
func validConfiguration(component string) string {
	switch component {
	case p0.ComponentIAMAssessment:
		return `{"state":"configure","accessAnalyzerArn":"arn:aws:access-analyzer:us-west-2:123456789012:analyzer/p0"}`
	case p0.ComponentAccessLogs:
		return `{"state":"configure","cloudLakeArn":"arn:aws:cloudtrail:us-west-2:123456789012:eventdatastore/abc"}`
	case p0.ComponentIAMWrite:
		return `{"state":"configure","login":{"type":"idc","identity":{"type":"email"}}}`
	default:
		return `{"state":"configure"}`
	}
}

// idFor is a valid item id for component.
func idFor(component string) string {
	if component == p0.ComponentFunctionCaller {
		return functionARN
	}
	return accountID
}

func TestAWSRoot(t *testing.T) {
	h := newHarness(t)
	expectError(t, h.do(http.MethodGet, awsPath, ""), http.StatusNotFound, "the AWS integration is not installed")

	rec := h.do(http.MethodPost, awsPath, "")
	expectStatus(t, rec, http.StatusOK)
	if got := rec.Body.String(); got != `{"ok":true}` {
		t.Errorf("install answered %s, want {\"ok\":true}", got)
	}
	empty := h.do(http.MethodGet, awsPath, "")
	expectStatus(t, empty, http.StatusOK)
	wantEmpty := `{"access-logs":{},"base":{},"function-caller":{},"iam-assessment":{},"iam-write":{},"inventory":{}}`
	if got := empty.Body.String(); got != wantEmpty {
		t.Errorf("empty integration = %s, want %s", got, wantEmpty)
	}

	expectStatus(t, h.do(http.MethodPut, itemPath(p0.ComponentInventory, accountID), ""), http.StatusOK)
	expectStatus(t, h.do(http.MethodPost, awsPath, ""), http.StatusOK) // idempotent
	integration := decodeBody[p0.AWSIntegration](t, h.do(http.MethodGet, awsPath, ""))
	if _, kept := integration[p0.ComponentInventory][accountID]; !kept {
		t.Error("installing the root again removed an item")
	}
	if !reflect.DeepEqual(integration, h.server.AWSIntegration()) {
		t.Errorf("GET answered %+v, AWSIntegration() is %+v", integration, h.server.AWSIntegration())
	}

	expectStatus(t, h.do(http.MethodDelete, awsPath, ""), http.StatusNoContent)
	if h.server.AWSRootExists() {
		t.Error("the root exists after DELETE")
	}
	for component, items := range h.server.AWSIntegration() {
		if len(items) != 0 {
			t.Errorf("%s still has items after DELETE: %v", component, items)
		}
	}
	expectError(t, h.do(http.MethodGet, awsPath, ""), http.StatusNotFound, "not installed")
	expectError(t, h.do(http.MethodPut, itemPath(p0.ComponentInventory, accountID), ""), http.StatusNotFound, "not installed")
}

func TestAWSStage(t *testing.T) {
	type stageCase struct {
		name       string
		noRoot     bool
		component  string
		id         string
		wantStatus int
		wantError  string
	}
	tests := []stageCase{
		{"without the root", true, p0.ComponentIAMWrite, accountID, http.StatusNotFound, "the AWS integration is not installed; POST /o/{org}/integrations/aws/config first"},
		{"base", false, p0.ComponentBase, accountID, http.StatusBadRequest, "the base component is managed by P0"},
		{"unknown component", false, "iam-read", accountID, http.StatusNotFound, `unknown AWS component "iam-read"`},
		{"short account id", false, p0.ComponentIAMWrite, "12345678901", http.StatusBadRequest, "must be a 12-digit AWS account id"},
		{"account id with letters", false, p0.ComponentInventory, "12345678901a", http.StatusBadRequest, "must be a 12-digit AWS account id"},
		{"function-caller with an account id", false, p0.ComponentFunctionCaller, accountID, http.StatusBadRequest, "must be a Lambda function ARN"},
		{"function-caller with another ARN", false, p0.ComponentFunctionCaller, "arn:aws:iam::123456789012:role:x", http.StatusBadRequest, "must be a Lambda function ARN"},
		{"account id with an ARN", false, p0.ComponentIAMAssessment, functionARN, http.StatusBadRequest, "must be a 12-digit AWS account id"},
		{"function ARN with a qualifier", false, p0.ComponentFunctionCaller, functionARN + ":prod", http.StatusOK, ""},
		{"function ARN in another partition", false, p0.ComponentFunctionCaller, "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f", http.StatusOK, ""},
	}
	for _, component := range p0.InstallableComponents {
		tests = append(tests, stageCase{"stage " + component, false, component, idFor(component), http.StatusOK, ""})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			if !tt.noRoot {
				h = installedRoot(t)
			}
			rec := h.do(http.MethodPut, itemPath(tt.component, tt.id), "")
			if tt.wantError != "" {
				expectError(t, rec, tt.wantStatus, tt.wantError)
				if items := h.server.AWSIntegration()[p0.ComponentBase]; len(items) != 0 {
					t.Errorf("a refused stage created base items: %v", items)
				}
				return
			}
			expectStatus(t, rec, tt.wantStatus)
			if got := rec.Body.String(); got != `{"ok":true}` {
				t.Errorf("stage answered %s", got)
			}
			item, found := h.server.AWSItem(tt.component, tt.id)
			if !found || item.State != p0.StateStage {
				t.Errorf("staged item = %+v, %v; want state stage", item, found)
			}
			expectError(t, h.do(http.MethodPut, itemPath(tt.component, tt.id), ""), http.StatusConflict, "already exists")
		})
	}
}

func TestAWSStageConflictLeavesTheItemAlone(t *testing.T) {
	h := itemIn(t, p0.ComponentIAMWrite, accountID, p0.StateInstalled)
	before, _ := h.server.AWSItem(p0.ComponentIAMWrite, accountID)
	expectError(t, h.do(http.MethodPut, itemPath(p0.ComponentIAMWrite, accountID), ""), http.StatusConflict,
		`item "123456789012" already exists in component iam-write`)
	if after, _ := h.server.AWSItem(p0.ComponentIAMWrite, accountID); !reflect.DeepEqual(after, before) {
		t.Errorf("item changed from %+v to %+v", before, after)
	}
}

func TestAWSFirstStageCreatesTheBaseItem(t *testing.T) {
	tests := []struct {
		component   string
		id          string
		baseAccount string
	}{
		{p0.ComponentIAMWrite, accountID, accountID},
		{p0.ComponentFunctionCaller, functionARN, "555566667777"},
	}
	for _, tt := range tests {
		t.Run(tt.component, func(t *testing.T) {
			h := installedRoot(t)
			expectStatus(t, h.do(http.MethodPut, itemPath(tt.component, tt.id), ""), http.StatusOK)
			expectStatus(t, h.do(http.MethodPut, itemPath(p0.ComponentInventory, otherID), ""), http.StatusOK)

			base := h.server.AWSIntegration()[p0.ComponentBase]
			if len(base) != 1 {
				t.Fatalf("base items = %v, want exactly one, for the first account staged", base)
			}
			rec := h.do(http.MethodGet, itemPath(p0.ComponentBase, tt.baseAccount), "")
			expectStatus(t, rec, http.StatusOK)
			if !strings.Contains(rec.Body.String(), `"metadata":{}`) {
				t.Errorf("base metadata should be {}: %s", rec.Body)
			}
			item := decodeBody[p0.AWSComponentItem](t, rec).Item
			if item.State != p0.StateInstalled || item.ServiceAccountEmail == "" || len(item.ServiceAccountID) != 21 {
				t.Errorf("base item = %+v, want installed with a service account", item)
			}
		})
	}
}

func TestAWSStagedMetadata(t *testing.T) {
	for _, component := range p0.InstallableComponents {
		t.Run(component, func(t *testing.T) {
			h := itemIn(t, component, idFor(component), p0.StateStage)
			rec := h.do(http.MethodGet, itemPath(component, idFor(component)), "")
			expectStatus(t, rec, http.StatusOK)
			raw := rec.Body.String()
			answer := decodeBody[p0.AWSComponentItem](t, rec)
			if !answer.OK || answer.Item.State != p0.StateStage {
				t.Errorf("item answer = %+v", answer)
			}
			metadata := answer.Metadata
			if _, needsRole := roleTemplates[component]; !needsRole {
				if !strings.Contains(raw, `"metadata":{}`) {
					t.Errorf("%s should have empty metadata: %s", component, raw)
				}
				return
			}
			_, serviceAccountID := baseServiceAccount(testOrg)
			if !strings.HasPrefix(metadata.RoleName, "P0Role") || metadata.InlinePolicyName == "" || metadata.ServiceAccountID != serviceAccountID {
				t.Errorf("metadata = %+v", metadata)
			}
			var trust, inline policyDocument
			for document, target := range map[string]*policyDocument{metadata.TrustPolicy: &trust, metadata.InlinePolicy: &inline} {
				if err := json.Unmarshal([]byte(document), target); err != nil || len(target.Statement) == 0 {
					t.Fatalf("policy is not a JSON policy document (%v): %s", err, document)
				}
			}
			if aud := trust.Statement[0].Condition["StringEquals"]["accounts.google.com:aud"]; aud != serviceAccountID {
				t.Errorf("trust policy audience = %q, want the base service account %q", aud, serviceAccountID)
			}
		})
	}
	h := itemIn(t, p0.ComponentIAMWrite, accountID, p0.StateStage)
	metadata := decodeBody[p0.AWSComponentItem](t, h.do(http.MethodGet, itemPath(p0.ComponentIAMWrite, accountID), "")).Metadata
	if metadata.RoleName != "P0RoleIamWrite" {
		t.Errorf("iam-write role name = %q, want P0RoleIamWrite", metadata.RoleName)
	}
	h = itemIn(t, p0.ComponentFunctionCaller, functionARN, p0.StateStage)
	metadata = decodeBody[p0.AWSComponentItem](t, h.do(http.MethodGet, itemPath(p0.ComponentFunctionCaller, functionARN), "")).Metadata
	if !strings.Contains(metadata.InlinePolicy, functionARN) {
		t.Errorf("function-caller policy should grant on the function: %s", metadata.InlinePolicy)
	}
}

func TestAWSItemReadAndDelete(t *testing.T) {
	h := itemIn(t, p0.ComponentIAMWrite, accountID, p0.StateStage)
	item := itemPath(p0.ComponentIAMWrite, accountID)
	h.runCalls([]call{
		{"read unknown component", http.MethodGet, itemPath("nope", accountID), "", http.StatusNotFound, `unknown AWS component "nope"`},
		{"read missing item", http.MethodGet, itemPath(p0.ComponentIAMWrite, otherID), "", http.StatusNotFound, `item "210987654321" not found in component iam-write`},
		{"delete base", http.MethodDelete, itemPath(p0.ComponentBase, accountID), "", http.StatusBadRequest, "the base component is managed by P0 and cannot be deleted"},
		{"delete unknown component", http.MethodDelete, itemPath("nope", accountID), "", http.StatusNotFound, "unknown AWS component"},
		{"delete missing", http.MethodDelete, itemPath(p0.ComponentInventory, accountID), "", http.StatusNotFound, "not found"},
		{"read", http.MethodGet, item, "", http.StatusOK, ""},
		{"delete", http.MethodDelete, item, "", http.StatusNoContent, ""},
		{"read deleted", http.MethodGet, item, "", http.StatusNotFound, "not found"},
		{"delete again", http.MethodDelete, item, "", http.StatusNotFound, "not found"},
	})
	if _, found := h.server.AWSItem(p0.ComponentBase, accountID); !found {
		t.Error("deleting a component's item removed the base item")
	}
}

func TestAWSLifecycle(t *testing.T) {
	h := installedRoot(t)
	item := itemPath(p0.ComponentIAMWrite, accountID)
	configure := validConfiguration(p0.ComponentIAMWrite)
	h.runCalls([]call{
		{"verify missing", http.MethodPost, item + "/verify", `{"state":"stage"}`, http.StatusNotFound, "not found"},
		{"configure missing", http.MethodPost, item + "/configure", configure, http.StatusNotFound, "not found"},
		{"stage", http.MethodPut, item, "", http.StatusOK, ""},
		{"configure before verify", http.MethodPost, item + "/configure", configure, http.StatusBadRequest, "item is in state stage; verify it first"},
		{"verify without body", http.MethodPost, item + "/verify", "", http.StatusBadRequest, "request body is required"},
		{"verify with another state", http.MethodPost, item + "/verify", `{"state":"configure"}`, http.StatusBadRequest, `verify expects the body {"state":"stage"}`},
		{"verify with an empty body", http.MethodPost, item + "/verify", `{}`, http.StatusBadRequest, `verify expects the body {"state":"stage"}`},
		{"verify with extra fields", http.MethodPost, item + "/verify", `{"state":"stage","label":"x"}`, http.StatusBadRequest, `unknown field "label"`},
		{"verify base", http.MethodPost, itemPath(p0.ComponentBase, accountID) + "/verify", `{"state":"stage"}`, http.StatusBadRequest, "cannot be verified"},
		{"verify", http.MethodPost, item + "/verify", `{"state":"stage"}`, http.StatusOK, ""},
		{"verify twice", http.MethodPost, item + "/verify", `{"state":"stage"}`, http.StatusBadRequest, "item is in state configure; verify requires stage"},
		{"configure with the wrong state", http.MethodPost, item + "/configure", `{"state":"installed","login":{"type":"iam","identity":{"type":"email"}}}`, http.StatusBadRequest, `state must be "configure"`},
		{"configure base", http.MethodPost, itemPath(p0.ComponentBase, accountID) + "/configure", `{"state":"configure"}`, http.StatusBadRequest, "cannot be configured"},
		{"configure", http.MethodPost, item + "/configure", configure, http.StatusOK, ""},
		{"verify installed", http.MethodPost, item + "/verify", `{"state":"stage"}`, http.StatusBadRequest, "item is in state installed; verify requires stage"},
		{"reconfigure installed", http.MethodPost, item + "/configure", `{"state":"configure","label":"prod","login":{"type":"federated","identity":{"type":"tag","tagName":"p0-user"}}}`, http.StatusOK, ""},
	})
	got, _ := h.server.AWSItem(p0.ComponentIAMWrite, accountID)
	want := p0.AWSItem{
		State: p0.StateInstalled,
		Label: "prod",
		Login: &p0.AWSLogin{Type: "federated", Identity: &p0.AWSLoginIdentity{Type: "tag", TagName: "p0-user"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("item = %+v, want %+v", got, want)
	}
}

func TestAWSVerificationFailure(t *testing.T) {
	h := itemIn(t, p0.ComponentIAMAssessment, accountID, p0.StateStage)
	h.server.FailVerification(accountID, "could not assume role P0RoleIamAssessment in 123456789012")
	verify := itemPath(p0.ComponentIAMAssessment, accountID) + "/verify"
	for attempt := 1; attempt <= 2; attempt++ {
		expectError(t, h.do(http.MethodPost, verify, `{"state":"stage"}`), http.StatusBadRequest, "could not assume role P0RoleIamAssessment")
		if item, _ := h.server.AWSItem(p0.ComponentIAMAssessment, accountID); item.State != p0.StateStage {
			t.Fatalf("after failed verification %d the item is in %s, want stage", attempt, item.State)
		}
	}
	h.server.ClearVerificationFailure(accountID)
	expectStatus(t, h.do(http.MethodPost, verify, `{"state":"stage"}`), http.StatusOK)
	if item, _ := h.server.AWSItem(p0.ComponentIAMAssessment, accountID); item.State != p0.StateConfigure {
		t.Errorf("after verification the item is in %s, want configure", item.State)
	}
}

func TestAWSConfigureValidation(t *testing.T) {
	tests := []struct {
		name      string
		component string
		body      string
		wantError string
	}{
		{"assessment without analyzer", p0.ComponentIAMAssessment, `{"state":"configure"}`, "accessAnalyzerArn is required for component iam-assessment"},
		{"assessment with a bad analyzer", p0.ComponentIAMAssessment, `{"state":"configure","accessAnalyzerArn":"arn:aws:iam::123456789012:role/x"}`, "accessAnalyzerArn must be an IAM Access Analyzer ARN"},
		{"assessment with login", p0.ComponentIAMAssessment, `{"state":"configure","accessAnalyzerArn":"arn:aws:access-analyzer:us-west-2:123456789012:analyzer/p0","login":{"type":"iam","identity":{"type":"email"}}}`, "login does not apply to component iam-assessment"},
		{"access logs without lake", p0.ComponentAccessLogs, `{"state":"configure"}`, "cloudLakeArn is required for component access-logs"},
		{"access logs with a bad lake", p0.ComponentAccessLogs, `{"state":"configure","cloudLakeArn":"lake"}`, "cloudLakeArn must be a CloudTrail Lake ARN"},
		{"access logs with analyzer", p0.ComponentAccessLogs, `{"state":"configure","cloudLakeArn":"arn:aws:cloudtrail:us-west-2:123456789012:eventdatastore/abc","accessAnalyzerArn":"arn:aws:access-analyzer:us-west-2:123456789012:analyzer/p0"}`, "accessAnalyzerArn does not apply to component access-logs"},
		{"iam write without login", p0.ComponentIAMWrite, `{"state":"configure"}`, "login is required for component iam-write"},
		{"iam write login type missing", p0.ComponentIAMWrite, `{"state":"configure","login":{"identity":{"type":"email"}}}`, "login.type is required"},
		{"iam write identity type missing", p0.ComponentIAMWrite, `{"state":"configure","login":{"type":"iam","identity":{}}}`, "login.identity.type is required"},
		{"iam write identity missing", p0.ComponentIAMWrite, `{"state":"configure","login":{"type":"iam"}}`, "login.identity is required when login.type is iam"},
		{"iam write tag without name", p0.ComponentIAMWrite, `{"state":"configure","login":{"type":"iam","identity":{"type":"tag"}}}`, "login.identity.tagName is required when login.identity.type is tag"},
		{"iam write email with tag name", p0.ComponentIAMWrite, `{"state":"configure","login":{"type":"iam","identity":{"type":"email","tagName":"x"}}}`, "login.identity.tagName is only allowed when login.identity.type is tag"},
		{"inventory with lake", p0.ComponentInventory, `{"state":"configure","cloudLakeArn":"arn:aws:cloudtrail:us-west-2:123456789012:eventdatastore/abc"}`, "cloudLakeArn does not apply to component inventory"},
		{"function caller with login", p0.ComponentFunctionCaller, `{"state":"configure","login":{"type":"iam","identity":{"type":"email"}}}`, "login does not apply to component function-caller"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := idFor(tt.component)
			h := itemIn(t, tt.component, id, p0.StateConfigure)
			expectError(t, h.do(http.MethodPost, itemPath(tt.component, id)+"/configure", tt.body), http.StatusBadRequest, tt.wantError)
			if item, _ := h.server.AWSItem(tt.component, id); item.State != p0.StateConfigure {
				t.Errorf("a refused configure moved the item to %s", item.State)
			}
		})
	}
}

func TestAWSConfigureEveryComponent(t *testing.T) {
	logins := []string{"iam", "idc", "merged-idc", "federated"}
	for _, component := range p0.InstallableComponents {
		t.Run(component, func(t *testing.T) {
			h := itemIn(t, component, idFor(component), p0.StateInstalled)
			item, _ := h.server.AWSItem(component, idFor(component))
			if item.State != p0.StateInstalled {
				t.Errorf("state = %s, want installed", item.State)
			}
		})
	}
	h := itemIn(t, p0.ComponentIAMWrite, accountID, p0.StateInstalled)
	for _, login := range logins {
		body := `{"state":"configure","login":{"type":"` + login + `","identity":{"type":"email"}}}`
		expectStatus(t, h.do(http.MethodPost, itemPath(p0.ComponentIAMWrite, accountID)+"/configure", body), http.StatusOK)
	}
}

func TestAWSConfigureReplacesTheConfiguration(t *testing.T) {
	h := itemIn(t, p0.ComponentAccessLogs, accountID, p0.StateConfigure)
	configure := itemPath(p0.ComponentAccessLogs, accountID) + "/configure"
	lake := "arn:aws:cloudtrail:us-west-2:123456789012:eventdatastore/"

	expectStatus(t, h.do(http.MethodPost, configure, `{"state":"configure","label":"audit","cloudLakeArn":"`+lake+`one"}`), http.StatusOK)
	if item, _ := h.server.AWSItem(p0.ComponentAccessLogs, accountID); item.Label != "audit" || item.CloudLakeArn != lake+"one" {
		t.Fatalf("item = %+v", item)
	}
	expectStatus(t, h.do(http.MethodPost, configure, `{"state":"configure","cloudLakeArn":"`+lake+`two"}`), http.StatusOK)
	item := decodeBody[p0.AWSComponentItem](t, h.do(http.MethodGet, itemPath(p0.ComponentAccessLogs, accountID), "")).Item
	want := p0.AWSItem{State: p0.StateInstalled, CloudLakeArn: lake + "two"}
	if !reflect.DeepEqual(item, want) {
		t.Errorf("after reconfiguring without a label: %+v, want %+v", item, want)
	}
}

// TestAWSConfigureTakesSignInsBeyondTheDocuments configures the sign-ins
// P0 knows beyond the documents: merged-idc and federated take no identity,
// and identity types other than email and tag are taken.
func TestAWSConfigureTakesSignInsBeyondTheDocuments(t *testing.T) {
	for _, login := range []string{
		`{"type":"merged-idc","parent":"123456789012"}`,
		`{"type":"federated","provider":{"type":"okta"}}`,
		`{"type":"iam","identity":{"type":"user"}}`,
	} {
		id := idFor(p0.ComponentIAMWrite)
		h := itemIn(t, p0.ComponentIAMWrite, id, p0.StateConfigure)
		expectStatus(t, h.do(http.MethodPost, itemPath(p0.ComponentIAMWrite, id)+"/configure", `{"state":"configure","login":`+login+`}`), http.StatusOK)
	}
}

// TestAWSConfigureKeepsFieldsBeyondTheDocuments configures an item with
// fields the documents do not list, at every depth, and reads them back
// as sent: P0 holds more than its documents list.
func TestAWSConfigureKeepsFieldsBeyondTheDocuments(t *testing.T) {
	id := idFor(p0.ComponentIAMWrite)
	h := itemIn(t, p0.ComponentIAMWrite, id, p0.StateConfigure)
	body := `{"state":"configure","tier":"gold","login":{"type":"idc","parent":"123456789012","identity":{"type":"email","domain":"example.com"}}}`
	expectStatus(t, h.do(http.MethodPost, itemPath(p0.ComponentIAMWrite, id)+"/configure", body), http.StatusOK)
	got := h.do(http.MethodGet, itemPath(p0.ComponentIAMWrite, id), "").Body.String()
	for _, want := range []string{`"tier":"gold"`, `"parent":"123456789012"`, `"domain":"example.com"`} {
		if !strings.Contains(got, want) {
			t.Errorf("the item read back lacks %s: %s", want, got)
		}
	}
}
