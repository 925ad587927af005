package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// operation is one Terraform command a row is measured on.
type operation string

const (
	opApply operation = "apply"
	// opValidate is the schema load (see schema.go), on no row.
	opValidate operation = "validate"
	opPlan     operation = "plan"
	opDestroy  operation = "destroy"
)

// operations are run in this order on every row: each needs the state the
// one before leaves.
var operations = []operation{opApply, opPlan, opDestroy}

// minimum is the fewest API calls the P0 API allows for one operation on
// n units: perUnit for every unit, plus perOperation once for the whole
// operation (a read every unit can share, the AWS integration root).
type minimum struct {
	perUnit      float64
	perOperation float64
}

// callsPerUnit is the minimum spread over n units, as the table shows it.
func (m minimum) callsPerUnit(n int) float64 {
	return m.perUnit + m.perOperation/float64(n)
}

// kind is a family of rows: what the provider manages and what the API
// must at least do for it.
type kind struct {
	name  string // used in -rows, e.g. "rules" in "rules-500"
	title string // the table's Resources column
	unit  string // what one of the N is
	// resources are the provider's resource types the kind needs; rows of
	// a kind whose resources the provider lacks are skipped.
	resources []string
	// terraformPerUnit is how many Terraform resources one unit is (0 where
	// one resource holds every unit), and floorPerUnit how many of the
	// floor's.
	terraformPerUnit, floorPerUnit int
	config, floor                  func(n int) string
	minimums                       map[operation]minimum
	// note explains the minimums in the report.
	note string
}

var kinds = []kind{
	{
		name:             "rules",
		title:            "p0_routing_rule",
		unit:             "rule",
		resources:        []string{"p0_routing_rule"},
		terraformPerUnit: 1,
		floorPerUnit:     1,
		config:           rulesConfig,
		floor:            rulesFloor,
		minimums: map[operation]minimum{
			// POST, whose answer is the rule; the credentials check of
			// the plan's and of the apply's provider process.
			opApply: {perUnit: 1, perOperation: 2},
			// One GET of the whole workflow refreshes every rule, and is
			// the credentials check's.
			opPlan: {perOperation: 1},
			// A DELETE each, and the credentials check of the three
			// provider processes terraform destroy configures (the
			// refreshing plan, the destroy plan, the apply), the first of
			// which is also the refresh.
			opDestroy: {perUnit: 1, perOperation: 3},
		},
		note: "a rule: apply 1 (POST, whose answer carries the rule), plan 1 for all rules (GET of the whole " +
			"workflow), destroy 1 (DELETE) plus that GET; and in every operation, the credentials check of each " +
			"provider process Terraform starts (a GET of the routing), which the first GET of the routing shares",
	},
	{
		name:             "aws",
		title:            "p0_aws_component_staged + p0_aws_component",
		unit:             "component (staged + installed pair)",
		resources:        []string{"p0_aws_component_staged", "p0_aws_component"},
		terraformPerUnit: 2,
		floorPerUnit:     2,
		config:           awsConfig,
		floor:            awsFloor,
		minimums: map[operation]minimum{
			// stage (PUT) and GET for the metadata, which the PUT does not
			// return; verify and configure, whose success means installed
			// as sent; once per process, the POST that makes sure the
			// integration root exists.
			// Two credentials checks (plan and apply processes).
			opApply: {perUnit: 4, perOperation: 3},
			// The staged resource reads its item, for the metadata only that
			// answer has; one GET of the whole integration refreshes every
			// installed component; the credentials check.
			opPlan: {perUnit: 1, perOperation: 2},
			// Those reads; p0_aws_component uninstalls by DELETE and stages
			// the item again (PUT), as the p0_aws_component_staged it cannot
			// see may stay; that one's DELETE. Once per process, the POST of
			// the integration root before the first stage; three checks
			// (terraform destroy configures three provider processes).
			opDestroy: {perUnit: 4, perOperation: 5},
		},
		note: "a component pair: apply 4 (stage and GET for the metadata; verify and configure) plus, once per " +
			"provider process, one POST of the integration root; plan 1 (the staged item's GET, for its metadata) " +
			"plus one GET of the whole integration for every installed component; destroy 4 (the item's GET; a " +
			"DELETE and a new stage from p0_aws_component, which leaves the item staged for a p0_aws_component_staged " +
			"that may stay; a DELETE from p0_aws_component_staged) plus the integration's GET and the root's POST; " +
			"and the credentials check of each provider process",
	},
	{
		name:             "expiry",
		title:            "p0_expiry_option",
		unit:             "expiry option",
		resources:        []string{"p0_expiry_option"},
		terraformPerUnit: 1,
		floorPerUnit:     1,
		config:           expiryConfig,
		floor:            expiryFloor,
		minimums: map[operation]minimum{
			// POST (answered without a body) and a list after it for the
			// display text; once per operation, the list that tells
			// whether an option was there before it was created, so that
			// a 409 to a retried create can be told from a clash.
			// Two credentials checks (plan and apply processes).
			opApply: {perUnit: 2, perOperation: 3},
			// The API has no read for one option: one list serves them
			// all; the credentials check.
			opPlan: {perOperation: 2},
			// That list and a DELETE each; once per operation, the list
			// after the first DELETE that tells whether P0 took its key
			// (the documents do not say which form {key} takes); three
			// checks (terraform destroy configures three provider
			// processes).
			opDestroy: {perUnit: 1, perOperation: 5},
		},
		note: "an expiry option: apply 2 (POST, answered without a body, and a list after it for the display text) plus, " +
			"once per operation, the list that tells whether an option was there before it was created; " +
			"plan 1 list for the whole operation, as the API has no read for one option; destroy that list and a DELETE each, " +
			"plus, once per operation, the list that checks that P0 took the first DELETE's key; and the credentials " +
			"check of each provider process",
	},
	{
		name:             "workflow",
		title:            "p0_routing_workflow",
		unit:             "rule, all in one p0_routing_workflow",
		resources:        []string{"p0_routing_workflow"},
		terraformPerUnit: 0,
		floorPerUnit:     1,
		config:           workflowConfig,
		// The same floor as N p0_routing_rule: the same rules.
		floor: rulesFloor,
		minimums: map[operation]minimum{
			// A GET for the version the save must name (a create follows
			// no refresh), which is the apply process's credentials
			// check, one POST of every rule, and the plan process's check.
			opApply: {perOperation: 3},
			// One GET reads every rule, and is the check's.
			opPlan: {perOperation: 1},
			// The refreshing GET, a POST of no rules, and the checks of
			// the three provider processes terraform destroy configures,
			// the first of which the refresh shares.
			opDestroy: {perOperation: 4},
		},
		note: "a workflow of N rules, whatever N: apply 2 (a GET for the version the save names, as a create " +
			"follows no refresh, and one POST of every rule), plan 1 (GET), destroy 2 (GET to refresh, a POST of " +
			"no rules); and the credentials check of each provider process, which the first GET of the routing shares",
	},
}

// row is one kind at one size.
type row struct {
	kind kind
	n    int
}

func (r row) String() string { return fmt.Sprintf("%s-%d", r.kind.name, r.n) }

// defaultRows and quickRows are what make bench and make bench-quick run.
const (
	defaultRows = "rules-50,rules-200,rules-500,workflow-500,aws-50,expiry-20"
	quickRows   = "rules-10,rules-40,workflow-40,aws-5,expiry-5"
)

// parseRows reads a -rows value: comma-separated <kind>-<n>.
func parseRows(spec string) ([]row, error) {
	var rows []row
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		name, count, ok := strings.Cut(item, "-")
		n, err := strconv.Atoi(count)
		if !ok || err != nil || n < 1 {
			return nil, fmt.Errorf("row %q: write rows as <kind>-<count>, for example rules-500", item)
		}
		i := slices.IndexFunc(kinds, func(k kind) bool { return k.name == name })
		if i < 0 {
			return nil, fmt.Errorf("row %q: unknown kind %q; kinds are %s", item, name, kindNames())
		}
		rows = append(rows, row{kind: kinds[i], n: n})
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("no rows in %q", spec)
	}
	return rows, nil
}

func kindNames() string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.name
	}
	return strings.Join(names, ", ")
}
