package p0mock

import "strings"

// RoutingSpelling is how the server takes the routing fields whose names
// have two spellings: the documents' snake_case (allow_one_party) and the
// camelCase of P0's own client (allowOneParty).
type RoutingSpelling string

const (
	// SpellingSnake takes the documents' spelling and refuses the other
	// with 400, as a strict schema does.
	SpellingSnake RoutingSpelling = ""
	// SpellingCamel takes camelCase only and refuses snake_case with 400,
	// naming the field.
	SpellingCamel RoutingSpelling = "camel"
	// SpellingCamelSilent takes camelCase only and drops snake_case fields
	// without a word, as a stripping schema does.
	SpellingCamelSilent RoutingSpelling = "camel-silent"
	// SpellingEither takes both, and stores each as sent.
	SpellingEither RoutingSpelling = "either"
)

// spelledField is a field of a rule whose name has two spellings, in the
// objects at where ("approval[].options": the options of every step).
type spelledField struct {
	where, snake, camel string
}

// spelledFields are every such field the server knows.
var spelledFields = []spelledField{
	{"resource", "access_type", "accessType"},
	{"approval[]", "profile_property", "profileProperty"},
	{"approval[].options", "allow_one_party", "allowOneParty"},
	{"approval[].options", "require_reason", "requireReason"},
	{"approval[].options", "require_duration", "requireDuration"},
	{"approval[].options", "require_preapproval", "requirePreapproval"},
	{"approval[].options", "break_glass_approver", "breakGlassApprover"},
	{"requestor.agent", "client_id", "clientId"},
	{"requestor.agent", "provider_id", "providerId"},
	{"requestor.agent", "subject_pattern", "subjectPattern"},
}

// applySpelling makes a rule, decoded into rule, what the server stores of
// it under spelling s: it refuses a field in the spelling s does not take,
// or drops it without a word.
func applySpelling(rule map[string]any, s RoutingSpelling) error {
	for _, f := range spelledFields {
		for _, object := range objectsAt(rule, f.where) {
			if err := spellOne(object, f, s); err != nil {
				return err
			}
		}
	}
	return nil
}

func spellOne(object map[string]any, f spelledField, s RoutingSpelling) error {
	kind := "field"
	if strings.HasSuffix(f.where, "options") {
		kind = "option"
	}
	switch s {
	case SpellingSnake:
		if _, ok := object[f.camel]; ok {
			return badRequest("unknown %s %s", kind, f.camel)
		}
	case SpellingCamel:
		if _, ok := object[f.snake]; ok {
			return badRequest("unknown %s %s", kind, f.snake)
		}
	case SpellingCamelSilent:
		delete(object, f.snake)
	}
	return nil
}

// respell renames, in rule, every field spelt in snake_case to camelCase
// where s takes only camelCase, so that a rule set up by a test reads as
// the server would have stored it.
func respell(rule map[string]any, s RoutingSpelling) {
	if s != SpellingCamel && s != SpellingCamelSilent {
		return
	}
	for _, f := range spelledFields {
		for _, object := range objectsAt(rule, f.where) {
			if value, ok := object[f.snake]; ok {
				delete(object, f.snake)
				object[f.camel] = value
			}
		}
	}
}

// objectsAt finds the objects at where in rule: a path of field names
// separated by dots, where "[]" after a name stands for every item of a
// list.
func objectsAt(rule map[string]any, where string) []map[string]any {
	objects := []map[string]any{rule}
	for _, step := range strings.Split(where, ".") {
		name, each := strings.CutSuffix(step, "[]")
		var next []map[string]any
		for _, object := range objects {
			value := object[name]
			if !each {
				if inner, ok := value.(map[string]any); ok {
					next = append(next, inner)
				}
				continue
			}
			items, _ := value.([]any)
			for _, item := range items {
				if inner, ok := item.(map[string]any); ok {
					next = append(next, inner)
				}
			}
		}
		objects = next
	}
	return objects
}
