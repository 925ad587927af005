package p0

import "encoding/json"

// The install lifecycle every P0 integration follows (P0's AWS integration
// document, and p0-integrations.md for the others): a root document,
// /integrations/{key}/config, and items of (component, id) under it, each
// staged (PUT), verified, configured, read and deleted. An item is a JSON
// object whose fields depend on the integration and the component; the
// client hands it over as P0 sent it (Object), and each integration maps
// its fields.

// ItemRef names one item: /integrations/{Integration}/config/{Component}/{ID}.
type ItemRef struct {
	Integration string
	Component   string
	ID          string
}

// String names the item in messages and logs: integration/component/id.
func (r ItemRef) String() string {
	return r.Integration + "/" + r.Component + "/" + r.ID
}

// Object is a JSON object as P0 sent it: each field's JSON, byte for byte.
type Object map[string]json.RawMessage

// Item is P0's answer about one item: its fields and the metadata P0
// generated for it (the role or permissions the other side must grant,
// keys, certificates). Either is nil where P0 gave none.
type Item struct {
	Item     Object `json:"item"`
	Metadata Object `json:"metadata"`
}

// State is the item's state as P0 gives it: stage, configure or
// installed; "" when P0 gives none.
func (i Item) State() string {
	var state string
	_ = json.Unmarshal(i.Item["state"], &state) // a state of another type is no state the lifecycle knows
	return state
}

// itemAnswer is the answer to a write of an item: {"ok": true}, which may
// carry the item as P0 now holds it, and its metadata.
type itemAnswer struct {
	OK       bool   `json:"ok"`
	Item     Object `json:"item"`
	Metadata Object `json:"metadata"`
}

func (itemAnswer) emptyAnswerAllowed() {}

// item is the answer as an Item, or nil when P0 sent no item.
func (a itemAnswer) item() *Item {
	if a.Item == nil {
		return nil
	}
	return &Item{Item: a.Item, Metadata: a.Metadata}
}

// Integration is P0's answer to GET /integrations/{key}/config: every
// component's items by id, the root item (root._) where the integration
// has one, and the metadata P0 generated for the integration. P0's AWS
// document shows the components at the top of the answer; P0's own client
// reads other integrations' answers as {"config": {...}, "metadata": {...}}:
// both are read.
type Integration struct {
	Components map[string]map[string]Object
	Metadata   Object
}

// Root is the integration's root item, root._, or nil.
func (i Integration) Root() Object {
	return i.Components[rootComponent][SingletonID]
}

// rootComponent is the component that holds an integration's root item.
const rootComponent = "root"

// SingletonID is the id of the one item of a component that has one per
// organization (an Azure app, a GCP organization's access logs).
const SingletonID = "_"

func (i *Integration) UnmarshalJSON(data []byte) error {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return err
	}
	components := top
	if config, ok := top["config"]; ok && wrapped(top) {
		components = nil
		if err := json.Unmarshal(config, &components); err != nil {
			return err
		}
		if err := json.Unmarshal(orNull(top["metadata"]), &i.Metadata); err != nil {
			return err
		}
	}
	i.Components = map[string]map[string]Object{}
	for name, raw := range components {
		var items map[string]Object
		if err := json.Unmarshal(raw, &items); err != nil {
			// Not a component of items (an "ok" beside them, say).
			continue
		}
		i.Components[name] = items
	}
	return nil
}

// wrapped reports whether an answer holds its components under "config",
// as P0's own client reads it, rather than at the top, as the AWS document
// shows: nothing but config, metadata and ok at the top.
func wrapped(top map[string]json.RawMessage) bool {
	for name := range top {
		if name != "config" && name != "metadata" && name != "ok" {
			return false
		}
	}
	return true
}

// orNull is raw, or JSON null where there is none.
func orNull(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 {
		return json.RawMessage("null")
	}
	return raw
}

// integrationPathSegments are the segments of an integration's paths after
// /o/{org}.
func integrationPathSegments(key string, more ...string) []string {
	return append([]string{"integrations", key, "config"}, more...)
}
