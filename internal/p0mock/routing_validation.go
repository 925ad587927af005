package p0mock

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
)

// ruleShape is what the server checks of a rule: the fields its checks
// read. Every other field is stored as sent, since P0 holds more than its
// documents list.
type ruleShape struct {
	Name      string `json:"name"`
	Disabled  *bool  `json:"disabled"`
	Requestor *struct {
		Type   string            `json:"type"`
		UID    string            `json:"uid"`
		Groups []json.RawMessage `json:"groups"`
	} `json:"requestor"`
	Resource *struct {
		Type    string `json:"type"`
		Service string `json:"service"`
		Filters map[string]struct {
			Effect string `json:"effect"`
		} `json:"filters"`
	} `json:"resource"`
	Approval []struct {
		Type string `json:"type"`
	} `json:"approval"`
}

// storeRule makes the rule body sent for name (where name is "", the
// body's own) what the server stores: decoded, spelt as the server takes
// it, named, and checked. Errors name the offending field as the JSON path
// the client sent, so that a client bug is easy to place.
func storeRule(body json.RawMessage, name string, s RoutingSpelling) (storedRule, error) {
	rule, err := decodeJSONObject(body)
	if err != nil {
		return storedRule{}, err
	}
	if err := applySpelling(rule, s); err != nil {
		return storedRule{}, err
	}
	if name != "" {
		if sent, ok := rule["name"].(string); ok && sent != "" && sent != name {
			return storedRule{}, badRequest("name %q in the body does not match %q in the path", sent, name)
		}
		rule["name"] = name
	}
	stored, err := newStoredRule(rule)
	if err != nil {
		return storedRule{}, err
	}
	return stored, validateRule(stored.body)
}

// newStoredRule encodes rule for storing.
func newStoredRule(rule map[string]any) (storedRule, error) {
	body, err := json.Marshal(rule)
	if err != nil {
		return storedRule{}, badRequest("encoding the rule: %v", err)
	}
	name, _ := rule["name"].(string)
	return storedRule{name: name, body: body}, nil
}

// decodeJSONObject decodes one JSON object, keeping numbers as sent.
func decodeJSONObject(data []byte) (map[string]any, error) {
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	var object map[string]any
	if err := decoder.Decode(&object); err != nil {
		return nil, badRequest("rule: %s", describeDecodeError(err))
	}
	if object == nil {
		return nil, badRequest("rule must be a JSON object")
	}
	return object, nil
}

// validateRule checks one rule. Types P0 knows beyond the documents'
// (an "agentic" requestor, say) are taken as they are; the documents'
// types get the checks that go with them.
func validateRule(body json.RawMessage) error {
	var rule ruleShape
	if err := json.Unmarshal(body, &rule); err != nil {
		return badRequest("rule: %s", describeDecodeError(err))
	}
	if rule.Name == "" {
		return badRequest("name is required")
	}
	if rule.Requestor == nil || rule.Requestor.Type == "" {
		return badRequest("requestor.type is required")
	}
	switch rule.Requestor.Type {
	case "user":
		if rule.Requestor.UID == "" {
			return badRequest("requestor.uid is required when requestor.type is user")
		}
	case "group":
		if rule.Requestor.UID == "" && len(rule.Requestor.Groups) == 0 {
			return badRequest("requestor.uid or requestor.groups is required when requestor.type is group")
		}
	}
	if rule.Resource == nil || rule.Resource.Type == "" {
		return badRequest("resource.type is required")
	}
	if rule.Resource.Type == "integration" && rule.Resource.Service == "" {
		return badRequest("resource.service is required when resource.type is integration")
	}
	// Sorted, so that the same body always reports the same filter.
	for _, name := range slices.Sorted(maps.Keys(rule.Resource.Filters)) {
		if rule.Resource.Filters[name].Effect == "" {
			return badRequest("resource.filters[%q].effect is required", name)
		}
	}
	if len(rule.Approval) == 0 {
		return badRequest("approval must have at least one step")
	}
	for i, step := range rule.Approval {
		if step.Type == "" {
			return badRequest("approval[%d].type is required", i)
		}
	}
	return nil
}

// storeWorkflowRules makes the rules of a whole-workflow save what the
// server stores, and checks that no two share a name, since rules are
// addressed by name.
func storeWorkflowRules(bodies []json.RawMessage, s RoutingSpelling) ([]storedRule, error) {
	rules := make([]storedRule, 0, len(bodies))
	seen := map[string]bool{}
	for i, body := range bodies {
		rule, err := storeRule(body, "", s)
		if err != nil {
			return nil, badRequest("workflow.rules[%d]: %v", i, err)
		}
		if seen[rule.name] {
			return nil, badRequest("workflow.rules[%d]: duplicate rule name %q", i, rule.name)
		}
		seen[rule.name] = true
		rules = append(rules, rule)
	}
	return rules, nil
}
