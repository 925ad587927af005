package p0mock

import (
	"encoding/json"
	"slices"
	"time"
)

// createdDateLayout is RFC 3339 with milliseconds, as P0 writes dates.
const createdDateLayout = "2006-01-02T15:04:05.000Z07:00"

// workflowState is the routing workflow: the current rules and every
// version ever saved, so that old versions stay readable by id.
type workflowState struct {
	rules []storedRule // current rules in workflow order
	// fields are the workflow's own fields beyond its id, date, rules and
	// version, as the last save sent them.
	fields   map[string]json.RawMessage
	versions map[string]workflowVersion
	current  string // id of the current version
}

// storedRule is a rule as P0 stores it: the JSON object it was sent (in
// the spelling the server takes), whatever fields it holds, and its name.
// A stored body is never changed in place: changes store new ones.
type storedRule struct {
	name string
	body json.RawMessage
}

// workflowVersion is a snapshot of the rules taken at each change.
type workflowVersion struct {
	id      string
	created time.Time
	rules   []storedRule
	fields  map[string]json.RawMessage
}

// wire is the version as GET /routing answers it; version, when not "",
// is given beside the id.
func (v workflowVersion) wire(version string) map[string]any {
	out := make(map[string]any, len(v.fields)+4)
	for name, value := range v.fields {
		out[name] = value
	}
	out["id"] = v.id
	out["createdDate"] = v.created.UTC().Format(createdDateLayout)
	out["rules"] = ruleBodies(v.rules)
	if version != "" {
		out["version"] = version
	}
	return out
}

// ruleBodies lists the rules' JSON; it is never nil, so it encodes as [].
func ruleBodies(rules []storedRule) []json.RawMessage {
	bodies := make([]json.RawMessage, len(rules))
	for i, rule := range rules {
		bodies[i] = rule.body
	}
	return bodies
}

// commitWorkflow records the current rules as a new version, so that later
// changes cannot rewrite history. Every change to the rules, through any
// endpoint or accessor, ends with it. The version gets a slice of its own
// and shares the rule bodies, which are never changed in place.
func (st *state) commitWorkflow() {
	version := workflowVersion{
		id:      st.newID("wf"),
		created: time.Now(),
		rules:   slices.Clone(st.workflow.rules),
		fields:  st.workflow.fields,
	}
	st.workflow.versions[version.id] = version
	st.workflow.current = version.id
}

func (st *state) currentVersion() workflowVersion {
	return st.workflow.versions[st.workflow.current]
}

// ruleIndex is the position of the rule called name, or -1.
func (st *state) ruleIndex(name string) int {
	return slices.IndexFunc(st.workflow.rules, func(rule storedRule) bool { return rule.name == name })
}

// replaceRules makes rules the whole workflow, with the workflow's own
// fields.
func (st *state) replaceRules(rules []storedRule, fields map[string]json.RawMessage) {
	st.workflow.rules = slices.Clone(rules)
	st.workflow.fields = fields
	st.commitWorkflow()
}

// putRule replaces the rule of the same name in place, or appends it.
func (st *state) putRule(rule storedRule) {
	if i := st.ruleIndex(rule.name); i >= 0 {
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
