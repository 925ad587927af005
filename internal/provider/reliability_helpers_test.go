package provider

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// What the reliability suites share: a recorder between the provider and
// the mock that times every exchange and can lose, refuse, replace or hold
// chosen ones; a large configuration of every resource type (fleet) that
// knows what P0 must hold once it is applied; and the traffic report the
// suites take their figures from.

// reliabilityEnv is a testEnv whose mock is reached through a
// trafficRecorder.
type reliabilityEnv struct {
	*testEnv
	Traffic *trafficRecorder
}

// newReliabilityEnv starts a fresh mock behind a recorder, on loopback, and
// stops both at the end of the test.
func newReliabilityEnv(t *testing.T) *reliabilityEnv {
	t.Helper()
	mock := p0mock.New(testOrg, testToken)
	traffic := &trafficRecorder{next: mock}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listening for the mock P0 API: %v", err)
	}
	server := &http.Server{Handler: traffic, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = server.Serve(listener) }()
	t.Cleanup(func() { _ = server.Close() })
	return &reliabilityEnv{
		testEnv: &testEnv{Mock: mock, URL: "http://" + listener.Addr().String()},
		Traffic: traffic,
	}
}

// exchange is one request as the recorder saw it.
type exchange struct {
	Method     string
	Path       string
	BodySum    string // digest of the request body: a retry sends the same body, another call to the URL may not
	Arrived    time.Time
	Answered   time.Time
	Status     int    // 0 when no answer was written
	RetryAfter string // the Retry-After header answered, if any
	Lost       bool   // the connection was dropped instead of answering
}

// key identifies the call an exchange belongs to: a retry repeats method,
// path and body.
func (e exchange) key() string { return e.Method + " " + e.Path + " " + e.BodySum }

// faulted reports whether the exchange ended in a way the client retries:
// throttled, unavailable or lost.
func (e exchange) faulted() bool {
	return e.Lost || e.Status == http.StatusTooManyRequests || e.Status == http.StatusServiceUnavailable
}

// trafficRecorder is an http.Handler in front of the mock. It logs every
// exchange with its timing and tracks how many requests are in flight at
// once. For chosen requests it can lose the answer after the mock has
// committed them (loseNext, which the mock's LoseResponseRate only does at
// random), answer in the mock's stead (failNext, answerNext: for one item
// among many, or for the second of two reads, which FailNext cannot
// single out), or hold them unanswered (hangNext).
type trafficRecorder struct {
	next http.Handler

	mu          sync.Mutex
	exchanges   []*exchange
	inFlight    int
	maxInFlight int
	planned     []plannedFault
}

// plannedFault is what happens to a chosen request: its answer is lost
// after the mock has committed it (status 0), it is answered with status
// and body before it reaches the mock, or it hangs. It matches requests with this method whose
// path starts with path, or is exactly path without its trailing "$", and
// fires on the one after skip matching requests.
type plannedFault struct {
	method, path string
	skip         int
	status       int
	contentType  string
	body         []byte
	hang         bool // no answer until the client gives up
}

func (f plannedFault) matches(r *http.Request) bool {
	if exact, ok := strings.CutSuffix(f.path, "$"); ok {
		return f.method == r.Method && r.URL.Path == exact
	}
	return f.method == r.Method && strings.HasPrefix(r.URL.Path, f.path)
}

// loseNext makes the recorder drop the connection of the next request with
// this method and path prefix (or exact path, ending in "$") once the mock
// has handled it, so the change is committed and its answer lost. Planned
// faults queue up.
func (tr *trafficRecorder) loseNext(method, path string) {
	tr.plan(plannedFault{method: method, path: path})
}

// failNext answers the request after skip matching ones with status and
// {"error": message}, without letting it reach the mock.
func (tr *trafficRecorder) failNext(method, path string, skip, status int, message string) {
	body, _ := json.Marshal(map[string]string{"error": message})
	tr.answerNext(method, path, skip, status, "application/json", body)
}

// answerNext answers the request after skip matching ones with status and
// body, whatever they are, without letting it reach the mock.
func (tr *trafficRecorder) answerNext(method, path string, skip, status int, contentType string, body []byte) {
	tr.plan(plannedFault{method: method, path: path, skip: skip, status: status, contentType: contentType, body: body})
}

// hangNext holds the request after skip matching ones without answering
// until the client gives up (or a minute passes), as a hung server does.
func (tr *trafficRecorder) hangNext(method, path string, skip int) {
	tr.plan(plannedFault{method: method, path: path, skip: skip, hang: true})
}

func (tr *trafficRecorder) plan(f plannedFault) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.planned = append(tr.planned, f)
}

// pending is how many planned faults have not fired yet.
func (tr *trafficRecorder) pending() int {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return len(tr.planned)
}

// takeFault returns the planned fault that fires for r, if any. Of the
// faults r matches, the oldest counts r against its skip or fires.
func (tr *trafficRecorder) takeFault(r *http.Request) (plannedFault, bool) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	for i, f := range tr.planned {
		if !f.matches(r) {
			continue
		}
		if f.skip > 0 {
			tr.planned[i].skip--
			return plannedFault{}, false
		}
		tr.planned = append(tr.planned[:i:i], tr.planned[i+1:]...)
		return f, true
	}
	return plannedFault{}, false
}

func (tr *trafficRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body) // a short read only changes the digest
	r.Body = io.NopCloser(bytes.NewReader(body))
	sum := sha256.Sum256(body)
	ex := &exchange{Method: r.Method, Path: r.URL.Path, BodySum: hex.EncodeToString(sum[:8]), Arrived: time.Now()}

	tr.mu.Lock()
	tr.exchanges = append(tr.exchanges, ex)
	tr.inFlight++
	tr.maxInFlight = max(tr.maxInFlight, tr.inFlight)
	tr.mu.Unlock()

	sw := &statusWriter{ResponseWriter: w}
	defer func() {
		tr.mu.Lock()
		tr.inFlight--
		ex.Answered, ex.Status, ex.RetryAfter, ex.Lost = time.Now(), sw.status, sw.retryAfter, sw.lost
		tr.mu.Unlock()
	}()

	fault, planned := tr.takeFault(r)
	if planned && fault.hang {
		select {
		case <-r.Context().Done():
		case <-time.After(time.Minute):
		}
		return
	}
	if planned && fault.status != 0 {
		w.Header().Set("Content-Type", fault.contentType)
		sw.WriteHeader(fault.status)
		_, _ = sw.Write(fault.body)
		return
	}
	if planned {
		answer := httptest.NewRecorder()
		tr.next.ServeHTTP(answer, r)
		sw.status, sw.lost = answer.Code, true
		if conn, _, err := sw.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
		panic(http.ErrAbortHandler)
	}
	tr.next.ServeHTTP(sw, r)
}

// statusWriter notes the status and Retry-After written, and a connection
// taken over (the mock's own lost answers).
type statusWriter struct {
	http.ResponseWriter
	status     int
	retryAfter string
	lost       bool
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.retryAfter = w.Header().Get("Retry-After")
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	w.lost = true
	hijacker, ok := w.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, fmt.Errorf("the connection cannot be taken over")
	}
	return hijacker.Hijack()
}

// Exchanges returns a copy of the log in arrival order.
func (tr *trafficRecorder) Exchanges() []exchange {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	out := make([]exchange, len(tr.exchanges))
	for i, ex := range tr.exchanges {
		out[i] = *ex
	}
	return out
}

// MaxInFlight is the most requests the mock was handling at once.
func (tr *trafficRecorder) MaxInFlight() int {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.maxInFlight
}

// Reset empties the log and the in-flight high-water mark.
func (tr *trafficRecorder) Reset() {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.exchanges, tr.maxInFlight = nil, tr.inFlight
}

// sharedReads are reads that several resources send at once with the same
// path and body, so that one's retry cannot be told from another's call.
// They are left out of the per-call wait checks.
var sharedReads = []string{
	"GET /o/" + testOrg + "/settings/expiry-options ",
}

func isSharedRead(key string) bool {
	for _, prefix := range sharedReads {
		if strings.HasPrefix(key, prefix) {
			return true
		}
	}
	return false
}

// retryWait is the pause between a faulted exchange and the retry of the
// same call.
type retryWait struct {
	after exchange // the faulted exchange
	wait  time.Duration
}

// trafficReport sums up a recorded log: what was injected, how the client
// retried, and how long it waited.
type trafficReport struct {
	Requests    int
	Throttled   int // answered 429
	Unavailable int // answered 503
	Lost        int // committed, answer dropped
	Retries     int // requests repeating a call whose previous attempt faulted
	Unretried   int // faulted exchanges never followed by a retry
	LongestRun  int // most consecutive faulted attempts of one call
	Waits       []retryWait
	TotalWait   time.Duration // summed over all retries
}

// Faults is how many exchanges faulted.
func (r trafficReport) Faults() int { return r.Throttled + r.Unavailable + r.Lost }

func (r trafficReport) String() string {
	return fmt.Sprintf("%d requests, %d faults injected (%d throttled, %d unavailable, %d answers lost), "+
		"%d retries, longest run of faults on one call %d, %v total wait before retries",
		r.Requests, r.Faults(), r.Throttled, r.Unavailable, r.Lost, r.Retries, r.LongestRun, r.TotalWait.Round(time.Millisecond))
}

// report analyses the log. A call's attempts are the exchanges with its
// key, in arrival order; an attempt that follows a faulted one is its retry.
func (tr *trafficRecorder) report() trafficReport {
	exchanges := tr.Exchanges()
	var r trafficReport
	r.Requests = len(exchanges)
	last := map[string]exchange{}
	run := map[string]int{}
	for _, ex := range exchanges {
		switch {
		case ex.Lost:
			r.Lost++
		case ex.Status == http.StatusTooManyRequests:
			r.Throttled++
		case ex.Status == http.StatusServiceUnavailable:
			r.Unavailable++
		}
		key := ex.key()
		if prev, seen := last[key]; seen && prev.faulted() {
			r.Retries++
			wait := ex.Arrived.Sub(prev.Answered)
			r.TotalWait += wait
			if !isSharedRead(key) {
				r.Waits = append(r.Waits, retryWait{after: prev, wait: wait})
			}
		}
		if ex.faulted() {
			run[key]++
			r.LongestRun = max(r.LongestRun, run[key])
		} else {
			run[key] = 0
		}
		last[key] = ex
	}
	for _, ex := range last {
		if ex.faulted() {
			r.Unretried++
		}
	}
	return r
}

// lostExchanges lists the exchanges whose answer was dropped.
func (tr *trafficRecorder) lostExchanges() []exchange {
	var lost []exchange
	for _, ex := range tr.Exchanges() {
		if ex.Lost {
			lost = append(lost, ex)
		}
	}
	return lost
}

// mockFaults counts the mock's request log by fault name.
func mockFaults(mock *p0mock.Server) map[string]int {
	counts := map[string]int{}
	for _, r := range mock.Requests() {
		if r.Fault != "" {
			counts[r.Fault]++
		}
	}
	return counts
}

// fleet is a configuration of many objects, and what P0 must hold once it
// is applied. Variant changes every object's settings, for update tests.
type fleet struct {
	Rules         int  // p0_routing_rule
	Accounts      int  // AWS accounts, each with four components staged (p0_aws_component_staged) and installed (p0_aws_component)
	Functions     int  // Lambda functions, each with function-caller staged and installed
	Unstaged      int  // AWS accounts with inventory installed by p0_aws_component alone, which stages it itself
	ExpiryOptions int  // p0_expiry_option
	JITSettings   bool // p0_jit_settings
	// Reads adds the data sources p0_routing_workflow and
	// p0_aws_integration, read after everything else, with outputs that
	// count what they found, and an ephemeral p0_access_request passed to
	// an echo resource.
	Reads   bool
	Variant int
}

// objects is how many resources the configuration declares, the echo
// resource of Reads not included.
func (f fleet) objects() int {
	n := f.Rules + 2*len(f.awsItems()) - f.Unstaged + f.ExpiryOptions
	if f.JITSettings {
		n++
	}
	return n
}

// accountComponents are the components each fleet account installs.
var accountComponents = []string{p0.ComponentIAMAssessment, p0.ComponentIAMWrite, p0.ComponentAccessLogs, p0.ComponentInventory}

// awsFleetItem is one AWS item of the fleet: what to stage and install, and
// the configuration P0 must end up with.
type awsFleetItem struct {
	label     string // Terraform resource name
	unstaged  bool   // no p0_aws_component_staged for it
	component string
	id        string // account id, or function ARN
	item      p0.AWSItem
}

// awsItems lists the fleet's AWS items. A new variant reconfigures each in
// place.
func (f fleet) awsItems() []awsFleetItem {
	var items []awsFleetItem
	for a := range f.Accounts {
		account := fmt.Sprintf("4000000000%02d", a)
		for _, component := range accountComponents {
			item := p0.AWSItem{Label: fmt.Sprintf("fleet %s %s v%d", component, account, f.Variant)}
			switch component {
			case p0.ComponentIAMAssessment:
				item.AccessAnalyzerArn = fmt.Sprintf("arn:aws:access-analyzer:us-east-1:%s:analyzer/fleet-v%d", account, f.Variant)
			case p0.ComponentIAMWrite:
				login := &p0.AWSLogin{Type: "idc", Identity: p0.AWSLoginIdentity{Type: "email"}}
				if f.Variant%2 == 1 {
					login = &p0.AWSLogin{Type: "federated", Identity: p0.AWSLoginIdentity{Type: "tag", TagName: "p0-user"}}
				}
				item.Login = login
			case p0.ComponentAccessLogs:
				item.CloudLakeArn = fmt.Sprintf("arn:aws:cloudtrail:us-west-2:%s:eventdatastore/fleet-v%d", account, f.Variant)
			}
			items = append(items, awsFleetItem{label: fmt.Sprintf("%s_%s", strings.ReplaceAll(component, "-", "_"), account), component: component, id: account, item: item})
		}
	}
	for i := range f.Functions {
		arn := fmt.Sprintf("arn:aws:lambda:eu-west-1:400000000099:function:fleet-fn-%02d", i)
		items = append(items, awsFleetItem{
			label: fmt.Sprintf("function_caller_%02d", i), component: p0.ComponentFunctionCaller, id: arn,
			item: p0.AWSItem{Label: fmt.Sprintf("fleet function %02d v%d", i, f.Variant)},
		})
	}
	for i := range f.Unstaged {
		account := fmt.Sprintf("4000000001%02d", i)
		items = append(items, awsFleetItem{
			label: "unstaged_" + account, unstaged: true, component: p0.ComponentInventory, id: account,
			item: p0.AWSItem{Label: fmt.Sprintf("fleet unstaged %s v%d", account, f.Variant)},
		})
	}
	return items
}

// expiryOption is the i-th expiry option; none is one of P0's defaults.
// A new variant replaces every option.
func (f fleet) expiryOption(i int) p0.Duration {
	option := p0.Duration{Time: int64(2 + i + 10*f.Variant), Unit: []string{"h", "d", "w", "s"}[i%4]}
	if slices.Contains(defaultExpiryKeys, p0.ExpiryKey(option.Time, option.Unit)) {
		option.Time += 1000
	}
	return option
}

// jitSettings are the JIT settings the fleet manages.
func (f fleet) jitSettings() (approvals p0.DefaultApprovals, standing, maximum p0.Duration) {
	allowOneParty, requireReason := f.Variant%2 == 0, true
	return p0.DefaultApprovals{AllowOneParty: &allowOneParty, RequireReason: &requireReason},
		p0.Duration{Time: int64(2 + f.Variant), Unit: "h"},
		p0.Duration{Time: int64(7 + f.Variant), Unit: "d"}
}

// fleetRule is the i-th routing rule. Its shape cycles through the
// attributes a rule can have, so that every part of the mapping is written
// and read back under faults.
func (f fleet) rule(i int) p0.RoutingRule {
	name := fmt.Sprintf("fleet rule %02d", i)
	duration := int64(60 + 15*f.Variant)
	yes, no := true, false
	switch i % 4 {
	case 0:
		return p0.RoutingRule{
			Name:      name,
			Disabled:  f.Variant%2 == 1,
			Requestor: p0.RuleRequestor{Type: "any"},
			Resource:  p0.RuleResource{Type: "any"},
			Approval:  []p0.Approval{{Type: "auto"}},
		}
	case 1:
		return p0.RoutingRule{
			Name:      name,
			Requestor: p0.RuleRequestor{Type: "group", UID: fmt.Sprintf("team-%d@example.com", i)},
			Resource: p0.RuleResource{Type: "integration", Service: "aws", Filters: map[string]p0.ResourceFilter{
				"account":   {Effect: "remove", Key: "account", Pattern: fmt.Sprintf("prod-%d-.*", i)},
				"sensitive": {Effect: "keep", Key: "sensitive", Value: &no},
			}},
			Approval: []p0.Approval{{
				Type: "requestor-profile", Directory: "okta", ProfileProperty: "manager",
				Options: &p0.ApprovalOptions{RequireReason: &yes, Duration: &duration},
			}},
		}
	case 2:
		cooldown := int64(f.Variant)
		return p0.RoutingRule{
			Name:      name,
			Requestor: p0.RuleRequestor{Type: "user", UID: fmt.Sprintf("user-%d", i)},
			Resource:  p0.RuleResource{Type: "integration", Service: "gcloud"},
			Approval: []p0.Approval{
				{Type: "group", Integration: "pagerduty", Services: []string{"on-call", fmt.Sprintf("svc-%d", i)}},
				{Type: "p0", Options: &p0.ApprovalOptions{AllowOneParty: &no, Cooldown: &cooldown}},
			},
		}
	default:
		return p0.RoutingRule{
			Name:      name,
			Disabled:  f.Variant%2 == 0,
			Requestor: p0.RuleRequestor{Type: "any"},
			Resource: p0.RuleResource{Type: "integration", Service: "okta", Filters: map[string]p0.ResourceFilter{
				"all": {Effect: "removeAll"},
			}},
			Approval: []p0.Approval{{Type: "deny"}},
		}
	}
}

// hcl renders the configuration, without the provider block.
func (f fleet) hcl() string {
	var b strings.Builder
	for i := range f.Rules {
		writeRuleHCL(&b, fmt.Sprintf("fleet_%02d", i), f.rule(i))
	}
	for _, it := range f.awsItems() {
		if it.unstaged {
			b.WriteString(awsComponentHCL(it.label, it.component, it.id, it.item, ""))
		} else {
			b.WriteString(stagedHCL(it.label, it.component, it.id))
			b.WriteString(awsComponentHCL(it.label, it.component, it.id, it.item, "  depends_on = [p0_aws_component_staged."+it.label+"]\n"))
		}
		b.WriteString("\n")
	}
	for i := range f.ExpiryOptions {
		option := f.expiryOption(i)
		fmt.Fprintf(&b, "resource \"p0_expiry_option\" \"fleet_%02d\" {\n  time = %d\n  unit = %q\n}\n\n", i, option.Time, option.Unit)
	}
	if f.JITSettings {
		approvals, standing, maximum := f.jitSettings()
		fmt.Fprintf(&b, `resource "p0_jit_settings" "fleet" {
  allow_one_party          = %t
  require_reason           = %t
  standing_access_duration = { time = %d, unit = %q }
  max_access_duration      = { time = %d, unit = %q }
}

`, *approvals.AllowOneParty, *approvals.RequireReason, standing.Time, standing.Unit, maximum.Time, maximum.Unit)
	}
	if f.Reads {
		b.WriteString(f.readsHCL())
	}
	return b.String()
}

// readsHCL reads the workflow and the AWS integration once every rule and
// component is applied, counts what they found in outputs, and opens an
// access request for the echo resource.
func (f fleet) readsHCL() string {
	var rules, components []string
	for i := range f.Rules {
		rules = append(rules, fmt.Sprintf("p0_routing_rule.fleet_%02d", i))
	}
	for _, it := range f.awsItems() {
		components = append(components, "p0_aws_component."+it.label)
	}
	return fmt.Sprintf(`
data "p0_routing_workflow" "fleet" {
  depends_on = [%s]
}

data "p0_aws_integration" "fleet" {
  depends_on = [%s]
}

output "rules" {
  value = length(data.p0_routing_workflow.fleet.rules)
}

output "installed" {
  value = length(flatten([for component, items in data.p0_aws_integration.fleet.components :
    [for id, item in items : id if item.state == "installed"] if component != "base"]))
}

ephemeral "p0_access_request" "fleet" {
  argv   = ["request", "aws", "role", "FleetDeployer"]
  reason = "fleet apply"
}

provider "echo" {
  data = ephemeral.p0_access_request.fleet.is_preexisting
}

resource "echo" "fleet" {}
`, strings.Join(rules, ", "), strings.Join(components, ", "))
}

// readsChecks expect the outputs of readsHCL to count the whole fleet.
func (f fleet) readsChecks() []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownOutputValue("rules", knownvalue.Int64Exact(int64(f.Rules))),
		statecheck.ExpectKnownOutputValue("installed", knownvalue.Int64Exact(int64(len(f.awsItems())))),
		statecheck.ExpectKnownValue("echo.fleet", tfjsonpath.New("data"), knownvalue.NotNull()),
	}
}

// writeRuleHCL writes a p0_routing_rule block that sends exactly rule.
func writeRuleHCL(b *strings.Builder, label string, rule p0.RoutingRule) {
	fmt.Fprintf(b, "resource \"p0_routing_rule\" %q {\n  name     = %q\n  disabled = %t\n", label, rule.Name, rule.Disabled)
	fmt.Fprintf(b, "  requestor = { type = %q%s }\n", rule.Requestor.Type, optionalHCL("uid", rule.Requestor.UID))
	fmt.Fprintf(b, "  resource = {\n    type = %q\n", rule.Resource.Type)
	if rule.Resource.Service != "" {
		fmt.Fprintf(b, "    service = %q\n", rule.Resource.Service)
	}
	if len(rule.Resource.Filters) > 0 {
		b.WriteString("    filters = {\n")
		for _, name := range slices.Sorted(maps.Keys(rule.Resource.Filters)) {
			filter := rule.Resource.Filters[name]
			fmt.Fprintf(b, "      %s = { effect = %q%s%s", name, filter.Effect, optionalHCL("key", filter.Key), optionalHCL("pattern", filter.Pattern))
			if filter.Value != nil {
				fmt.Fprintf(b, ", value = %t", *filter.Value)
			}
			b.WriteString(" }\n")
		}
		b.WriteString("    }\n")
	}
	b.WriteString("  }\n  approval = [\n")
	for _, a := range rule.Approval {
		fmt.Fprintf(b, "    {\n      type = %q\n", a.Type)
		for _, field := range [][2]string{{"directory", a.Directory}, {"integration", a.Integration}, {"profile_property", a.ProfileProperty}} {
			if field[1] != "" {
				fmt.Fprintf(b, "      %s = %q\n", field[0], field[1])
			}
		}
		if len(a.Services) > 0 {
			fmt.Fprintf(b, "      services = [%s]\n", quotedList(a.Services))
		}
		if o := a.Options; o != nil {
			b.WriteString("      options = {\n")
			if o.AllowOneParty != nil {
				fmt.Fprintf(b, "        allow_one_party = %t\n", *o.AllowOneParty)
			}
			if o.RequireReason != nil {
				fmt.Fprintf(b, "        require_reason = %t\n", *o.RequireReason)
			}
			if o.Cooldown != nil {
				fmt.Fprintf(b, "        cooldown = %d\n", *o.Cooldown)
			}
			if o.Duration != nil {
				fmt.Fprintf(b, "        duration = %d\n", *o.Duration)
			}
			b.WriteString("      }\n")
		}
		b.WriteString("    },\n")
	}
	b.WriteString("  ]\n}\n\n")
}

// optionalHCL writes `, name = "value"` for an attribute of an inline
// object, or nothing for "".
func optionalHCL(name, value string) string {
	if value == "" {
		return ""
	}
	return fmt.Sprintf(", %s = %q", name, value)
}

func quotedList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = strconv.Quote(v)
	}
	return strings.Join(quoted, ", ")
}

// mismatches compares P0's state with the configuration and lists every
// difference: objects missing, objects that should not be there (a
// duplicate or an orphan) and objects with other settings.
func (f fleet) mismatches(mock *p0mock.Server) []string {
	var problems []string
	want := map[string]p0.RoutingRule{}
	for i := range f.Rules {
		rule := f.rule(i)
		want[rule.Name] = rule
	}
	got := mock.RoutingRules()
	seen := map[string]bool{}
	for _, rule := range got {
		expected, ok := want[rule.Name]
		switch {
		case seen[rule.Name]:
			problems = append(problems, fmt.Sprintf("routing rule %q is in P0 twice", rule.Name))
		case !ok:
			problems = append(problems, fmt.Sprintf("routing rule %q is in P0 but not in the configuration", rule.Name))
		case !sameJSON(rule, expected):
			problems = append(problems, fmt.Sprintf("routing rule %q differs: P0 has %s, the configuration %s", rule.Name, jsonText(rule), jsonText(expected)))
		}
		seen[rule.Name] = true
	}
	for name := range want {
		if !seen[name] {
			problems = append(problems, fmt.Sprintf("routing rule %q is missing from P0", name))
		}
	}
	problems = append(problems, f.awsMismatches(mock)...)
	problems = append(problems, f.expiryMismatches(mock)...)
	if f.JITSettings {
		problems = append(problems, f.jitMismatches(mock)...)
	}
	slices.Sort(problems)
	return problems
}

// awsMismatches compares P0's AWS items, base left aside, with the
// fleet's, which must all be installed with their configuration.
func (f fleet) awsMismatches(mock *p0mock.Server) []string {
	var problems []string
	want := map[string]p0.AWSItem{}
	for _, it := range f.awsItems() {
		want[it.component+"/"+it.id] = installed(it.item)
	}
	seen := map[string]bool{}
	for component, items := range mock.AWSIntegration() {
		if component == p0.ComponentBase {
			continue
		}
		for id, item := range items {
			key := component + "/" + id
			seen[key] = true
			expected, ok := want[key]
			switch {
			case !ok:
				problems = append(problems, fmt.Sprintf("AWS item %s is in P0 but not in the configuration", key))
			case !sameJSON(item, expected):
				problems = append(problems, fmt.Sprintf("AWS item %s differs: P0 has %s, the configuration %s", key, jsonText(item), jsonText(expected)))
			}
		}
	}
	for key := range want {
		if !seen[key] {
			problems = append(problems, fmt.Sprintf("AWS item %s is missing from P0", key))
		}
	}
	return problems
}

// expiryMismatches compares P0's expiry options with P0's defaults plus
// the fleet's.
func (f fleet) expiryMismatches(mock *p0mock.Server) []string {
	var problems []string
	want := map[string]bool{}
	for _, key := range defaultExpiryKeys {
		want[key] = true
	}
	for i := range f.ExpiryOptions {
		option := f.expiryOption(i)
		want[p0.ExpiryKey(option.Time, option.Unit)] = true
	}
	seen := map[string]bool{}
	for _, option := range mock.ExpiryOptions() {
		key := p0.ExpiryKey(option.Time, option.Unit)
		switch {
		case seen[key]:
			problems = append(problems, fmt.Sprintf("expiry option %s is in P0 twice", key))
		case !want[key]:
			problems = append(problems, fmt.Sprintf("expiry option %s is in P0 but neither configured nor a default", key))
		}
		seen[key] = true
	}
	for key := range want {
		if !seen[key] {
			problems = append(problems, fmt.Sprintf("expiry option %s is missing from P0", key))
		}
	}
	return problems
}

func (f fleet) jitMismatches(mock *p0mock.Server) []string {
	var problems []string
	approvals, standing, maximum := f.jitSettings()
	if got := mock.DefaultApprovals(); !sameJSON(got, approvals) {
		problems = append(problems, fmt.Sprintf("P0's default approvals are %s, the configuration's %s", jsonText(got), jsonText(approvals)))
	}
	for _, d := range []struct {
		name      string
		got, want p0.Duration
	}{
		{"standing access duration", mock.StandingAccessDuration(), standing},
		{"maximum access duration", mock.MaxAccessDuration(), maximum},
	} {
		if d.got.Time != d.want.Time || d.got.Unit != d.want.Unit {
			problems = append(problems, fmt.Sprintf("P0's %s is %s, the configuration's %s", d.name,
				p0.ExpiryKey(d.got.Time, d.got.Unit), p0.ExpiryKey(d.want.Time, d.want.Unit)))
		}
	}
	return problems
}

// checkMatches is a TestCheckFunc asserting that P0 holds exactly the
// fleet.
func (f fleet) checkMatches(mock *p0mock.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if problems := f.mismatches(mock); len(problems) > 0 {
			return fmt.Errorf("P0 does not hold exactly the configuration (%d differences):\n%s", len(problems), strings.Join(problems, "\n"))
		}
		return nil
	}
}

// checkEmpty is CheckDestroy for a fleet: nothing of it is left in P0.
func (f fleet) checkEmpty(mock *p0mock.Server) resource.TestCheckFunc {
	return fleet{}.checkMatches(mock)
}

func jsonText(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%+v", v)
	}
	return string(data)
}

// faultRetries is max_retries for suites that inject faults at random. At
// 20% faults, the default of five retries would fail one call in about
// 16,000 by chance (six faults in a row); ten make that one in 50 million.
const faultRetries = 10

// configWithRetries prefixes hcl with a provider block that sets
// max_retries.
func (e *reliabilityEnv) configWithRetries(retries int, hcl string) string {
	return fmt.Sprintf(`
provider "p0" {
  host        = %q
  org         = %q
  api_token   = %q
  max_retries = %d
}
`, e.URL, testOrg, testToken, retries) + hcl
}

// createAWSRoot creates the AWS integration root through the API, as an
// earlier apply would have.
func (e *testEnv) createAWSRoot(t *testing.T) {
	t.Helper()
	client, err := p0.NewClient(p0.Config{Host: e.URL, Org: testOrg, Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.CreateAWSIntegration(context.Background()); err != nil {
		t.Fatalf("creating the AWS integration root: %v", err)
	}
}
