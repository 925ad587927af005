package p0mock

import (
	"slices"
	"time"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// createdDateLayout is RFC 3339 with milliseconds, as P0 writes dates.
const createdDateLayout = "2006-01-02T15:04:05.000Z07:00"

// workflowState is the routing workflow: the current rules and every
// version ever saved, so that old versions stay readable by id.
type workflowState struct {
	rules    []p0.RoutingRule // current rules in workflow order; never nil
	versions map[string]workflowVersion
	current  string // id of the current version
}

// workflowVersion is a snapshot of the rules taken at each change.
type workflowVersion struct {
	id      string
	created time.Time
	rules   []p0.RoutingRule
}

func (v workflowVersion) wire() p0.Workflow {
	return p0.Workflow{
		ID:          v.id,
		CreatedDate: v.created.UTC().Format(createdDateLayout),
		Rules:       v.rules,
	}
}

// commitWorkflow records the current rules as a new version, so that later
// changes cannot rewrite history. Every change to the rules, through any
// endpoint or accessor, ends with it. The version gets a slice of its own,
// but shares the rules in it with the current workflow: a stored rule is
// never changed in place (changes replace whole rules with fresh copies),
// so copying each one again, at every change, would only make large
// workflows slow to change.
func (st *state) commitWorkflow() {
	version := workflowVersion{
		id:      st.newID("wf"),
		created: time.Now(),
		rules:   append(make([]p0.RoutingRule, 0, len(st.workflow.rules)), st.workflow.rules...), // never nil, so it encodes as []
	}
	st.workflow.versions[version.id] = version
	st.workflow.current = version.id
}

func (st *state) currentWorkflow() p0.Workflow {
	return st.workflow.versions[st.workflow.current].wire()
}

func (st *state) workflowVersion(id string) (p0.Workflow, bool) {
	version, ok := st.workflow.versions[id]
	return version.wire(), ok
}

// ruleIndex is the position of the rule called name, or -1.
func (st *state) ruleIndex(name string) int {
	return slices.IndexFunc(st.workflow.rules, func(rule p0.RoutingRule) bool { return rule.Name == name })
}

// replaceRules makes rules the whole workflow.
func (st *state) replaceRules(rules []p0.RoutingRule) {
	st.workflow.rules = cloneRules(rules)
	st.commitWorkflow()
}

// putRule replaces the rule of the same name in place, or appends it.
func (st *state) putRule(rule p0.RoutingRule) {
	rule = cloneRule(rule)
	if i := st.ruleIndex(rule.Name); i >= 0 {
		st.workflow.rules[i] = rule
	} else {
		st.workflow.rules = append(st.workflow.rules, rule)
	}
	st.commitWorkflow()
}

// removeRule deletes the rule called name and reports whether it existed.
func (st *state) removeRule(name string) bool {
	i := st.ruleIndex(name)
	if i < 0 {
		return false
	}
	st.workflow.rules = slices.Delete(st.workflow.rules, i, i+1)
	st.commitWorkflow()
	return true
}
