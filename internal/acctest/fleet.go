package acctest

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// The fleet generator of the reliability suites: a large configuration of
// every resource type that knows what P0 must hold once it is applied.

// Fleet is a configuration of many objects, and what P0 must hold once it
// is applied. Variant changes every object's settings, for update tests.
type Fleet struct {
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

// Objects is how many resources the configuration declares, the echo
// resource of Reads not included.
func (f Fleet) Objects() int {
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
func (f Fleet) awsItems() []awsFleetItem {
	var items []awsFleetItem
	for a := range f.Accounts {
		account := fmt.Sprintf("4000000000%02d", a)
		for _, component := range accountComponents {
			item := p0.AWSItem{Label: fmt.Sprintf("fleet %s %s v%d", component, account, f.Variant)}
			switch component {
			case p0.ComponentIAMAssessment:
				item.AccessAnalyzerArn = fmt.Sprintf("arn:aws:access-analyzer:us-east-1:%s:analyzer/fleet-v%d", account, f.Variant)
			case p0.ComponentIAMWrite:
				login := &p0.AWSLogin{Type: "idc", Identity: &p0.AWSLoginIdentity{Type: "email"}}
				if f.Variant%2 == 1 {
					login = &p0.AWSLogin{Type: "federated", Identity: &p0.AWSLoginIdentity{Type: "tag", TagName: "p0-user"}}
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
func (f Fleet) expiryOption(i int) p0.Duration {
	option := p0.Duration{Time: int64(2 + i + 10*f.Variant), Unit: []string{"h", "d", "w", "s"}[i%4]}
	if slices.Contains(DefaultExpiryKeys, p0.ExpiryKey(option.Time, option.Unit)) {
		option.Time += 1000
	}
	return option
}

// jitSettings are the JIT settings the fleet manages.
func (f Fleet) jitSettings() (approvals p0.DefaultApprovals, standing, maximum p0.Duration) {
	allowOneParty, requireReason := f.Variant%2 == 0, true
	return p0.DefaultApprovals{AllowOneParty: &allowOneParty, RequireReason: &requireReason},
		p0.Duration{Time: int64(2 + f.Variant), Unit: "h"},
		p0.Duration{Time: int64(7 + f.Variant), Unit: "d"}
}

// fleetRule is the i-th routing rule. Its shape cycles through the
// attributes a rule can have, the documents' and those of P0's current
// form, so that every part of the mapping is written and read back under
// faults.
func (f Fleet) Rule(i int) p0.RoutingRule {
	name := fmt.Sprintf("fleet rule %02d", i)
	duration := int64(60 + 15*f.Variant)
	yes, no := true, false
	switch i % 5 {
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
	case 4:
		return p0.RoutingRule{
			Name:      name,
			Requestor: p0.RuleRequestor{Type: "group", Effect: "keep", Groups: []p0.Group{{Directory: "okta", ID: fmt.Sprintf("00g%d", i), Label: "Team"}}},
			Resource:  p0.RuleResource{Type: "integration", Service: "ssh", AccessType: "all"},
			Approval: []p0.Approval{{
				Type: "group", Effect: "keep", Groups: []p0.Group{{Directory: "okta", ID: "00gapprovers"}},
				Options: &p0.ApprovalOptions{RequireDuration: &yes, RequirePreapproval: &yes, BreakGlassApprover: &no, Duration: &duration},
			}},
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

// Hcl renders the configuration, without the provider block.
func (f Fleet) Hcl() string {
	var b strings.Builder
	for i := range f.Rules {
		writeRuleHCL(&b, fmt.Sprintf("fleet_%02d", i), f.Rule(i))
	}
	for _, it := range f.awsItems() {
		if it.unstaged {
			b.WriteString(AWSComponentHCL(it.label, it.component, it.id, it.item, ""))
		} else {
			b.WriteString(StagedHCL(it.label, it.component, it.id))
			b.WriteString(AWSComponentHCL(it.label, it.component, it.id, it.item, "  depends_on = [p0_aws_component_staged."+it.label+"]\n"))
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
func (f Fleet) readsHCL() string {
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

// ReadsChecks expect the outputs of readsHCL to count the whole fleet.
func (f Fleet) ReadsChecks() []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownOutputValue("rules", knownvalue.Int64Exact(int64(f.Rules))),
		statecheck.ExpectKnownOutputValue("installed", knownvalue.Int64Exact(int64(len(f.awsItems())))),
		statecheck.ExpectKnownValue("echo.fleet", tfjsonpath.New("data"), knownvalue.NotNull()),
	}
}

// writeRuleHCL writes a p0_routing_rule block that sends exactly rule.
func writeRuleHCL(b *strings.Builder, label string, rule p0.RoutingRule) {
	fmt.Fprintf(b, "resource \"p0_routing_rule\" %q {\n", label)
	WriteRuleAttributes(b, rule)
	b.WriteString("}\n\n")
}

// WriteRuleAttributes writes the attributes of a rule that sends exactly
// rule, one per line: the body of a p0_routing_rule block, or an object of
// p0_routing_workflow's rules.
func WriteRuleAttributes(b *strings.Builder, rule p0.RoutingRule) {
	fmt.Fprintf(b, "  name     = %q\n  disabled = %t\n", rule.Name, rule.Disabled)
	q := rule.Requestor
	fmt.Fprintf(b, "  requestor = { type = %q%s%s%s }\n", q.Type, optionalHCL("uid", q.UID), optionalHCL("effect", q.Effect), groupsHCL(q.Groups))
	fmt.Fprintf(b, "  resource = {\n    type = %q\n", rule.Resource.Type)
	for _, field := range [][2]string{{"service", rule.Resource.Service}, {"access_type", rule.Resource.AccessType}} {
		if field[1] != "" {
			fmt.Fprintf(b, "    %s = %q\n", field[0], field[1])
		}
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
		for _, field := range [][2]string{{"directory", a.Directory}, {"integration", a.Integration}, {"profile_property", a.ProfileProperty}, {"effect", a.Effect}} {
			if field[1] != "" {
				fmt.Fprintf(b, "      %s = %q\n", field[0], field[1])
			}
		}
		if len(a.Services) > 0 {
			fmt.Fprintf(b, "      services = [%s]\n", quotedList(a.Services))
		}
		if len(a.Groups) > 0 {
			fmt.Fprintf(b, "      %s\n", strings.TrimPrefix(groupsHCL(a.Groups), ", "))
		}
		if o := a.Options; o != nil {
			b.WriteString("      options = {\n")
			for _, option := range []struct {
				name  string
				value any
			}{
				{"allow_one_party", o.AllowOneParty}, {"require_reason", o.RequireReason}, {"cooldown", o.Cooldown}, {"duration", o.Duration},
				{"require_duration", o.RequireDuration}, {"require_preapproval", o.RequirePreapproval}, {"break_glass_approver", o.BreakGlassApprover},
			} {
				switch v := option.value.(type) {
				case *bool:
					if v != nil {
						fmt.Fprintf(b, "        %s = %t\n", option.name, *v)
					}
				case *int64:
					if v != nil {
						fmt.Fprintf(b, "        %s = %d\n", option.name, *v)
					}
				}
			}
			b.WriteString("      }\n")
		}
		b.WriteString("    },\n")
	}
	b.WriteString("  ]\n")
}

// groupsHCL writes `, groups = [...]` for groups, or nothing for none.
func groupsHCL(groups []p0.Group) string {
	if len(groups) == 0 {
		return ""
	}
	items := make([]string, len(groups))
	for i, g := range groups {
		items[i] = "{ " + strings.TrimPrefix(optionalHCL("directory", g.Directory)+optionalHCL("id", g.ID)+optionalHCL("label", g.Label), ", ") + " }"
	}
	return ", groups = [" + strings.Join(items, ", ") + "]"
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

// Mismatches compares P0's state with the configuration and lists every
// difference: objects missing, objects that should not be there (a
// duplicate or an orphan) and objects with other settings.
func (f Fleet) Mismatches(mock *p0mock.Server) []string {
	var problems []string
	want := map[string]p0.RoutingRule{}
	for i := range f.Rules {
		rule := f.Rule(i)
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
		case !framework.SameJSON(rule, expected):
			problems = append(problems, fmt.Sprintf("routing rule %q differs: P0 has %s, the configuration %s", rule.Name, JSONText(rule), JSONText(expected)))
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
		problems = append(problems, f.JITMismatches(mock)...)
	}
	slices.Sort(problems)
	return problems
}

// awsMismatches compares P0's AWS items, base left aside, with the
// fleet's, which must all be installed with their configuration.
func (f Fleet) awsMismatches(mock *p0mock.Server) []string {
	var problems []string
	want := map[string]p0.AWSItem{}
	for _, it := range f.awsItems() {
		want[it.component+"/"+it.id] = Installed(it.item)
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
			case !framework.SameJSON(item, expected):
				problems = append(problems, fmt.Sprintf("AWS item %s differs: P0 has %s, the configuration %s", key, JSONText(item), JSONText(expected)))
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
func (f Fleet) expiryMismatches(mock *p0mock.Server) []string {
	var problems []string
	want := map[string]bool{}
	for _, key := range DefaultExpiryKeys {
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

func (f Fleet) JITMismatches(mock *p0mock.Server) []string {
	var problems []string
	approvals, standing, maximum := f.jitSettings()
	if got := mock.DefaultApprovals(); !framework.SameJSON(got, approvals) {
		problems = append(problems, fmt.Sprintf("P0's default approvals are %s, the configuration's %s", JSONText(got), JSONText(approvals)))
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

// CheckMatches is a TestCheckFunc asserting that P0 holds exactly the
// fleet.
func (f Fleet) CheckMatches(mock *p0mock.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if problems := f.Mismatches(mock); len(problems) > 0 {
			return fmt.Errorf("P0 does not hold exactly the configuration (%d differences):\n%s", len(problems), strings.Join(problems, "\n"))
		}
		return nil
	}
}

// CheckEmpty is CheckDestroy for a fleet: nothing of it is left in P0.
func (f Fleet) CheckEmpty(mock *p0mock.Server) resource.TestCheckFunc {
	return Fleet{}.CheckMatches(mock)
}

func JSONText(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%+v", v)
	}
	return string(data)
}

// AWSComponentHCL is a p0_aws_component named name that installs item id
// of component with the settings of item; extra is added to the body.
func AWSComponentHCL(name, component, id string, item p0.AWSItem, extra string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"p0_aws_component\" %q {\n  component = %q\n", name, component)
	if component == p0.ComponentFunctionCaller {
		fmt.Fprintf(&b, "  function_arn = %q\n", id)
	} else {
		fmt.Fprintf(&b, "  account_id = %q\n", id)
	}
	if item.Label != "" {
		fmt.Fprintf(&b, "  label = %q\n", item.Label)
	}
	if item.AccessAnalyzerArn != "" {
		fmt.Fprintf(&b, "  access_analyzer_arn = %q\n", item.AccessAnalyzerArn)
	}
	if item.CloudLakeArn != "" {
		fmt.Fprintf(&b, "  cloud_lake_arn = %q\n", item.CloudLakeArn)
	}
	if l := item.Login; l != nil {
		tag := ""
		if l.Identity.TagName != "" {
			tag = fmt.Sprintf(", tag_name = %q", l.Identity.TagName)
		}
		fmt.Fprintf(&b, "  login = {\n    type = %q\n    identity = { type = %q%s }\n  }\n", l.Type, l.Identity.Type, tag)
	}
	b.WriteString(extra)
	b.WriteString("}\n")
	return b.String()
}

// StagedHCL is a p0_aws_component_staged named name for item id of
// component.
func StagedHCL(name, component, id string) string {
	attribute := "account_id"
	if component == p0.ComponentFunctionCaller {
		attribute = "function_arn"
	}
	return fmt.Sprintf("resource \"p0_aws_component_staged\" %q {\n  component = %q\n  %s = %q\n}\n", name, component, attribute, id)
}

// DefaultExpiryKeys are the presets every organization starts with.
var DefaultExpiryKeys = []string{"5m", "1h", "24h", "168h", "720h"}
