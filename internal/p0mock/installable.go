package p0mock

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// installable is an integration other than AWS, as P0 serves it to its own
// client (p0-integrations.md, "Minimum behaviour of a test double"): the
// root is posted with {} (409 once it exists), or with a root item of its
// own; a stage (PUT) merges its body into the item and puts it in stage;
// verify and configure merge their body (the same configuration, as P0's
// client sends it) and advance the item: stage → configure → installed;
// every write answers with the item and its metadata. What an integration
// generates (metadata at a stage, fields P0 fills in at a configure) are
// its hooks.
type installable struct {
	title string // the integration as messages name it
	// components lists the components, in order; the root item, where the
	// integration has one, is not among them.
	componentNames []string
	// root, when set, makes the root a POST with {"root": {"_": {...}}},
	// refused with 409 once installed, and generates the root item's
	// fields and the integration's metadata from the posted root item.
	root func(org string, posted p0.Object) (root, metadata p0.Object)
	// staged generates what a stage of a new item adds: fields of the item,
	// and its metadata.
	staged func(org, component, id string, item p0.Object) (fields, metadata p0.Object)
	// configured is the item a configure stores, given the item as the
	// configure left it: with what P0 fills in (a hostname), or keeps in
	// place of what it is given (a hash of a secret, not the secret).
	configured func(org, component, id string, item p0.Object) p0.Object
}

func (k installable) name() string          { return k.title }
func (k installable) components() []string  { return k.componentNames }
func (k installable) richAnswers() bool     { return true }
func (k installable) known(c string) bool   { return slices.Contains(k.componentNames, c) }
func (k installable) componentList() string { return strings.Join(k.componentNames, ", ") }

// install creates the root: {} from P0's client's EnsureConfig, answered
// 409 once it exists; or, where the integration has a root item, that
// item, which a second install may not replace.
func (k installable) install(s *Server, store *integrationStore, req *apiRequest) (reply, error) {
	var body struct {
		Root map[string]p0.Object `json:"root"`
	}
	if err := req.decodeOptional(&body); err != nil {
		return reply{}, err
	}
	if store.installed {
		return reply{}, conflict("the %s integration is already installed", k.title)
	}
	if k.root != nil {
		posted, ok := body.Root[p0.SingletonID]
		if !ok {
			return reply{}, badRequest(`the %s integration is installed with {"root": {"_": {...}}}`, k.title)
		}
		root, metadata := k.root(s.state.org, posted)
		store.items["root"] = map[string]*itemRecord{p0.SingletonID: {item: mergeObjects(posted, root)}}
		store.metadata = metadata
	}
	store.installed = true
	return respondJSON(k.config(s, store))
}

// config is P0's answer to GET .../config, as P0's client reads it:
// the components under config, beside the integration's metadata.
func (k installable) config(_ *Server, store *integrationStore) any {
	return map[string]any{"config": store.itemsOf(), "metadata": orEmpty(store.metadata)}
}

// writable refuses a component the integration does not have, and the
// root item, which only the install changes.
func (k installable) writable(component, action string) error {
	if !k.known(component) {
		return notFound("unknown %s component %q; expected one of %s", k.title, component, k.componentList())
	}
	return nil
}

// stage merges the body into the item, a new one with the fields and
// metadata P0 generates for it, and puts it in stage: P0 treats a stage of
// an item that exists as a merge, on which the final resources of some
// integrations rely.
func (k installable) stage(s *Server, store *integrationStore, component, id string, req *apiRequest) error {
	body, err := bodyObject(req)
	if err != nil {
		return err
	}
	record, exists := store.items[component][id]
	if !exists {
		record = &itemRecord{verifyRefusals: s.behavior.VerifyRefusals}
	}
	record.item = mergeObjects(record.item, body)
	if !exists && k.staged != nil {
		fields, metadata := k.staged(s.state.org, component, id, record.item)
		record.item, record.metadata = mergeObjects(record.item, fields), metadata
	}
	record.setState(p0.StateStage)
	store.items[component][id] = record
	return nil
}

// verify merges the configuration into the item and moves a staged item
// to configure, unless the other side is made to fail or is still to
// propagate.
func (k installable) verify(s *Server, _, id string, record *itemRecord, req *apiRequest) error {
	body, err := bodyObject(req)
	if err != nil {
		return err
	}
	err = s.refuseVerification(id, record, func() error {
		return badRequest("could not verify %s item %q: the permissions it needs are not granted, or not usable yet", k.title, id)
	})
	if err != nil {
		return err
	}
	record.item = mergeObjects(record.item, body)
	if record.state() == p0.StateStage {
		record.setState(p0.StateConfigure)
	}
	return nil
}

// configure installs a verified item, or reconfigures an installed one:
// the body merges into the item, or replaces it where the behavior says
// so, keeping only what P0 generated.
func (k installable) configure(s *Server, component, id string, record *itemRecord, req *apiRequest) error {
	body, err := bodyObject(req)
	if err != nil {
		return err
	}
	state := record.state()
	if state == p0.StateStage {
		return badRequest("item is in state stage; verify it first")
	}
	if message, failing := s.state.verificationFailures[id]; failing && state == p0.StateInstalled {
		return badRequest("%s", message)
	}
	item := mergeObjects(record.item, body)
	if s.behavior.ConfigureReplaces {
		item = maps.Clone(body)
	}
	if k.configured != nil {
		item = k.configured(s.state.org, component, id, item)
	}
	record.item = item
	record.setState(p0.StateInstalled)
	return nil
}

// bodyObject is the body of a write as an object; none is {}. The state
// it sends, which P0's client sends as "", "configure" or null, is left
// out: the item's state is P0's to say.
func bodyObject(req *apiRequest) (p0.Object, error) {
	body := p0.Object{}
	if err := req.decodeOptional(&body); err != nil {
		return nil, err
	}
	if wrapped, ok := wrappedItem(body); ok {
		body = wrapped
	}
	delete(body, "state")
	return body, nil
}

// wrappedItem is the item a body sends wrapped ({"item": {...}}, beside
// the metadata or not), as P0's client sends some configurations.
func wrappedItem(body p0.Object) (p0.Object, bool) {
	raw, ok := body["item"]
	if !ok || len(body) > 2 || (len(body) == 2 && body["metadata"] == nil) {
		return nil, false
	}
	var item p0.Object
	if json.Unmarshal(raw, &item) != nil || item == nil {
		return nil, false
	}
	return item, true
}

// mergeObjects is base with every field of over, objects merged field by
// field, as P0 merges what a write sends into what it holds; neither is
// changed.
func mergeObjects(base, over p0.Object) p0.Object {
	out := maps.Clone(base)
	if out == nil {
		out = p0.Object{}
	}
	for name, value := range over {
		var inner, held p0.Object
		if json.Unmarshal(value, &inner) == nil && inner != nil && json.Unmarshal(out[name], &held) == nil && held != nil {
			merged, err := json.Marshal(mergeObjects(held, inner))
			if err == nil {
				out[name] = merged
				continue
			}
		}
		out[name] = value
	}
	return out
}
