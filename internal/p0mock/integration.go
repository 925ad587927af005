package p0mock

import (
	"encoding/json"
	"maps"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The install lifecycle every integration follows, served once for all of
// them: a root document (/integrations/{key}/config) and items of
// (component, id) under it, staged (PUT), verified, configured, read and
// deleted. Items and their metadata are stored as raw JSON objects; what
// differs from one integration to another (its components, what a stage
// generates, what verify and configure check and change) is its
// integrationKind.

// integrationStore is one integration as P0 holds it.
type integrationStore struct {
	installed bool // the root exists
	// metadata is what P0 generated for the integration as a whole, which
	// GET .../config answers beside the items (a GCP organization's roles).
	metadata p0.Object
	items    map[string]map[string]*itemRecord // component → item id → record
}

// itemRecord is one item and the metadata P0 generated when it was staged.
type itemRecord struct {
	item     p0.Object
	metadata p0.Object
	// verifyRefusals is how many verifications are still to be refused
	// (Behavior.VerifyRefusals).
	verifyRefusals int
}

// state is the item's state field.
func (r *itemRecord) state() string { return stringField(r.item, "state") }

// setState sets the item's state field.
func (r *itemRecord) setState(state string) { r.item = withField(r.item, "state", state) }

// clone copies the record: objects are replaced, never changed in place,
// so copying their maps is enough.
func (r *itemRecord) clone() *itemRecord {
	c := *r
	c.item, c.metadata = maps.Clone(r.item), maps.Clone(r.metadata)
	return &c
}

// integrationKind is what the mock knows of one integration.
type integrationKind interface {
	// name is the integration as messages name it ("AWS").
	name() string
	// components lists the components GET .../config answers, in order,
	// each with a key even when it has no item.
	components() []string
	// install answers the POST of the root.
	install(s *Server, store *integrationStore, req *apiRequest) (reply, error)
	// config answers GET .../config.
	config(s *Server, store *integrationStore) any
	// writable refuses a change (action: "staged", "verified", ...) of an
	// item of component that clients may not change, or that does not
	// exist.
	writable(component, action string) error
	// stage stages the item (PUT), creating its record or changing it.
	stage(s *Server, store *integrationStore, component, id string, req *apiRequest) error
	// verify and configure advance a record.
	verify(s *Server, component, id string, record *itemRecord, req *apiRequest) error
	configure(s *Server, component, id string, record *itemRecord, req *apiRequest) error
	// richAnswers reports whether writes always answer with the item and
	// its metadata, as P0's client expects of every integration but AWS.
	richAnswers() bool
}

// integrationKinds are the integrations the mock serves, by key: AWS, as
// its document describes it, and the others.
var integrationKinds = func() map[string]integrationKind {
	kinds := map[string]integrationKind{p0.IntegrationAWS: awsKind{}}
	for key, kind := range installables {
		kinds[key] = kind
	}
	return kinds
}()

// newIntegrationStores is every integration, with no root and no item.
func newIntegrationStores() map[string]*integrationStore {
	stores := map[string]*integrationStore{}
	for key, kind := range integrationKinds {
		stores[key] = &integrationStore{items: emptyComponents(kind)}
	}
	return stores
}

// emptyComponents is every component of kind, with no item.
func emptyComponents(kind integrationKind) map[string]map[string]*itemRecord {
	items := map[string]map[string]*itemRecord{}
	for _, component := range kind.components() {
		items[component] = map[string]*itemRecord{}
	}
	return items
}

// integration is the kind and store of the integration a request names.
func (s *Server) integration(req *apiRequest) (integrationKind, *integrationStore, error) {
	key := integrationKeyOf(req)
	kind, ok := integrationKinds[key]
	if !ok {
		return nil, nil, notFound("unknown integration %q", key)
	}
	return kind, s.state.integrations[key], nil
}

// integrationKeyOf is the integration a request names: its {key}, or the
// one a route of its own names (aws).
func integrationKeyOf(req *apiRequest) string {
	if key := req.PathValue("key"); key != "" {
		return key
	}
	return p0.IntegrationAWS
}

func (s *Server) installIntegration(req *apiRequest) (reply, error) {
	kind, store, err := s.integration(req)
	if err != nil {
		return reply{}, err
	}
	return kind.install(s, store, req)
}

func (s *Server) getIntegration(req *apiRequest) (reply, error) {
	kind, store, err := s.integration(req)
	if err != nil {
		return reply{}, err
	}
	if !store.installed {
		return reply{}, notFound("the %s integration is not installed", kind.name())
	}
	return respondJSON(kind.config(s, store))
}

func (s *Server) uninstallIntegration(req *apiRequest) (reply, error) {
	kind, store, err := s.integration(req)
	if err != nil {
		return reply{}, err
	}
	store.installed = false
	store.metadata = nil
	store.items = emptyComponents(kind)
	return respondNoContent()
}

// itemsOf is every component's items as GET .../config shows them.
func (store *integrationStore) itemsOf() map[string]map[string]p0.Object {
	out := map[string]map[string]p0.Object{}
	for component, records := range store.items {
		items := map[string]p0.Object{}
		for id, record := range records {
			items[id] = maps.Clone(record.item)
		}
		out[component] = items
	}
	return out
}

// lookup finds an item, or says what is missing.
func (s *Server) lookup(kind integrationKind, store *integrationStore, component, id string) (*itemRecord, error) {
	if _, known := store.items[component]; !known {
		return nil, kind.writable(component, "read")
	}
	record, ok := store.items[component][id]
	if !ok {
		return nil, notFound("item %q not found in component %s", id, component)
	}
	return record, nil
}

func (s *Server) getItem(req *apiRequest) (reply, error) {
	kind, store, err := s.integration(req)
	if err != nil {
		return reply{}, err
	}
	record, err := s.lookup(kind, store, req.PathValue("component"), req.PathValue("id"))
	if err != nil {
		return reply{}, err
	}
	return respondJSON(itemAnswer(record))
}

// itemAnswer is an item and its metadata as P0 answers them.
func itemAnswer(record *itemRecord) any {
	return struct {
		OK       bool      `json:"ok"`
		Item     p0.Object `json:"item"`
		Metadata p0.Object `json:"metadata"`
	}{true, orEmpty(record.item), orEmpty(record.metadata)}
}

// stageItem is the PUT that starts an item's installation.
func (s *Server) stageItem(req *apiRequest) (reply, error) {
	kind, store, err := s.integration(req)
	if err != nil {
		return reply{}, err
	}
	component, id := req.PathValue("component"), req.PathValue("id")
	if err := kind.writable(component, "staged"); err != nil {
		return reply{}, err
	}
	if !store.installed {
		return reply{}, s.behavior.rootMissing(kind.name(), integrationKeyOf(req))
	}
	if err := kind.stage(s, store, component, id, req); err != nil {
		return reply{}, err
	}
	return s.writeAnswer(kind, store.items[component][id])
}

// verifyItem moves an item from stage to configure, unless a test has made
// verification fail for it (FailVerification), or it is still to refuse
// (Behavior.VerifyRefusals), which leaves it in stage as when the other
// side is not set up yet.
func (s *Server) verifyItem(req *apiRequest) (reply, error) {
	return s.advanceItem(req, "verified", integrationKind.verify)
}

// configureItem installs a verified item, or reconfigures an installed
// one.
func (s *Server) configureItem(req *apiRequest) (reply, error) {
	return s.advanceItem(req, "configured", integrationKind.configure)
}

// advanceItem runs step on a copy of the item a request names, and keeps
// the copy only when the step succeeds: a refused step changes nothing.
func (s *Server) advanceItem(req *apiRequest, action string,
	step func(kind integrationKind, s *Server, component, id string, record *itemRecord, req *apiRequest) error) (reply, error) {
	kind, store, err := s.integration(req)
	if err != nil {
		return reply{}, err
	}
	component, id := req.PathValue("component"), req.PathValue("id")
	if err := kind.writable(component, action); err != nil {
		return reply{}, err
	}
	record, err := s.lookup(kind, store, component, id)
	if err != nil {
		return reply{}, err
	}
	changed := record.clone()
	err = step(kind, s, component, id, changed, req)
	// A refusal still counts down the refusals left.
	record.verifyRefusals = changed.verifyRefusals
	if err != nil {
		return reply{}, err
	}
	store.items[component][id] = changed
	return s.writeAnswer(kind, changed)
}

// refuseVerification refuses the verification of an item whose other
// side a test made fail, or that is still to be refused while the other
// side propagates.
func (s *Server) refuseVerification(id string, record *itemRecord, notReady func() error) error {
	if message, failing := s.state.verificationFailures[id]; failing {
		return badRequest("%s", message)
	}
	if record.verifyRefusals > 0 {
		record.verifyRefusals--
		return notReady()
	}
	return nil
}

func (s *Server) deleteItem(req *apiRequest) (reply, error) {
	kind, store, err := s.integration(req)
	if err != nil {
		return reply{}, err
	}
	component, id := req.PathValue("component"), req.PathValue("id")
	if err := kind.writable(component, "deleted"); err != nil {
		return reply{}, err
	}
	if _, err := s.lookup(kind, store, component, id); err != nil {
		return reply{}, err
	}
	delete(store.items[component], id)
	return respondNoContent()
}

// writeAnswer answers a stage, verify or configure of an item: {"ok":
// true}, or with the item and its metadata where the kind or the behavior
// says so.
func (s *Server) writeAnswer(kind integrationKind, record *itemRecord) (reply, error) {
	if !kind.richAnswers() && !s.behavior.RichWriteAnswers {
		return respondOK()
	}
	return respondJSON(itemAnswer(record))
}

// stringField is the string value of an object's field, or "".
func stringField(o p0.Object, name string) string {
	var s string
	_ = json.Unmarshal(o[name], &s) // a value of another type is no string
	return s
}

// withField is o with field name set to value, o unchanged.
func withField(o p0.Object, name string, value any) p0.Object {
	encoded, err := json.Marshal(value)
	if err != nil {
		panic("p0mock: encoding a field: " + err.Error()) // the mock's own values always encode
	}
	out := maps.Clone(o)
	if out == nil {
		out = p0.Object{}
	}
	out[name] = encoded
	return out
}

// objectOf is v as a JSON object.
func objectOf(v any) p0.Object {
	encoded, err := json.Marshal(v)
	if err != nil {
		panic("p0mock: encoding an object: " + err.Error()) // the mock's own values always encode
	}
	var o p0.Object
	if err := json.Unmarshal(encoded, &o); err != nil {
		panic("p0mock: " + err.Error())
	}
	return o
}

// decodeInto reads a stored object into v.
func decodeInto(o p0.Object, v any) error {
	encoded, err := json.Marshal(o)
	if err != nil {
		return err
	}
	return json.Unmarshal(encoded, v)
}

// orEmpty is o, or {} for none: answers show objects, never null.
func orEmpty(o p0.Object) p0.Object {
	if o == nil {
		return p0.Object{}
	}
	return o
}

// integrationRoutes are the routes of every integration; AWS's own,
// which its document names, come first in the request log.
func (s *Server) integrationRoutes() map[string]endpointFunc {
	routes := map[string]endpointFunc{}
	for _, prefix := range []string{"/o/{org}/integrations/aws/config", "/o/{org}/integrations/{key}/config"} {
		routes["GET "+prefix] = s.getIntegration
		routes["POST "+prefix] = s.installIntegration
		routes["DELETE "+prefix] = s.uninstallIntegration
		routes["GET "+prefix+"/{component}/{id}"] = s.getItem
		routes["PUT "+prefix+"/{component}/{id}"] = s.stageItem
		routes["DELETE "+prefix+"/{component}/{id}"] = s.deleteItem
		routes["POST "+prefix+"/{component}/{id}/verify"] = s.verifyItem
		routes["POST "+prefix+"/{component}/{id}/configure"] = s.configureItem
	}
	return routes
}
