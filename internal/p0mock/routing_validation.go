package p0mock

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
)

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
// types get the checks that go with them. A value of another JSON type
// than the documents show ("cooldown": "60") is stored as sent, as P0
// stores it: only what the checks read must be there.
func validateRule(body json.RawMessage) error {
	rule, err := decodeJSONObject(body)
	if err != nil {
		return err
	}
	if !present(rule["name"]) {
		return badRequest("name is required")
	}
	requestor := object(rule["requestor"])
	if !present(requestor["type"]) {
		return badRequest("requestor.type is required")
	}
	switch requestor["type"] {
	case "user":
		if !present(requestor["uid"]) {
			return badRequest("requestor.uid is required when requestor.type is user")
		}
	case "group":
		// Named by uid (the documents), by groups (P0's own provider since
		// 0.17), or by directory, id and label (its 0.15 and 0.16).
		if !present(requestor["uid"]) && !present(requestor["groups"]) && !present(requestor["id"]) {
			return badRequest("requestor.uid or requestor.groups is required when requestor.type is group")
		}
	}
	resource := object(rule["resource"])
	if !present(resource["type"]) {
		return badRequest("resource.type is required")
	}
	if resource["type"] == "integration" && !present(resource["service"]) {
		return badRequest("resource.service is required when resource.type is integration")
	}
	// Sorted, so that the same body always reports the same filter.
	filters := object(resource["filters"])
	for _, name := range slices.Sorted(maps.Keys(filters)) {
		if !present(object(filters[name])["effect"]) {
			return badRequest("resource.filters[%q].effect is required", name)
		}
	}
	steps, _ := rule["approval"].([]any)
	if len(steps) == 0 {
		return badRequest("approval must have at least one step")
	}
	for i, step := range steps {
		if !present(object(step)["type"]) {
			return badRequest("approval[%d].type is required", i)
		}
	}
	return nil
}

// object is v as a JSON object, or an empty one.
func object(v any) map[string]any {
	o, _ := v.(map[string]any)
	return o
}

// present reports whether a JSON value is there: not missing, null, an
// empty string or an empty list.
func present(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case string:
		return v != ""
	case []any:
		return len(v) > 0
	}
	return true
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
