package p0

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// routingPath is the whole workflow's: GET (deprecated on P0s that serve
// /policy) and POST /o/{org}/routing.
func (c *Client) routingPath() string { return c.orgPath("routing") }

// latestPolicyPath is GET /o/{org}/policy/latest, which serves the
// workflow where GET /routing is gone.
func (c *Client) latestPolicyPath() string { return c.orgPath("policy", "latest") }

// workflowPaths are the paths whose answers a change of any rule changes.
func (c *Client) workflowPaths() []string {
	return []string{c.routingPath(), c.latestPolicyPath()}
}

// rulePath addresses one rule by name, by the routes P0 serves.
func (c *Client) rulePath(name string) string {
	if c.routes() == routesPolicy {
		return c.orgPath("policy", "name", name)
	}
	return c.orgPath("routing", "name", name)
}

// CreateRoutingRule creates a rule under its name and returns what P0 stored.
func (c *Client) CreateRoutingRule(ctx context.Context, rule RoutingRule) (*RoutingRule, error) {
	return c.writeRule(ctx, http.MethodPost, rule)
}

// UpdateRoutingRule replaces the rule with the same name.
func (c *Client) UpdateRoutingRule(ctx context.Context, rule RoutingRule) (*RoutingRule, error) {
	return c.writeRule(ctx, http.MethodPut, rule)
}

// writeRule sends rule with method (POST creates, PUT replaces) in the
// spelling P0 takes. When P0 refuses the documents' spelling, or stores the
// rule without what was sent in it, the rule is sent again in camelCase, as
// an update where the first write created it, and the client learns
// camelCase if P0 takes it (see settle). Where the first write stored the
// rule and the second failed, the rule P0 stored is returned with the
// error.
func (c *Client) writeRule(ctx context.Context, method string, rule RoutingRule) (*RoutingRule, error) {
	spelling := c.writeSpelling()
	got, err := c.sendRule(ctx, method, rule, spelling)
	if spelling == CamelCase {
		return got, err
	}
	check, unsure := checkSpelling(err, rule, derefOrNil(got))
	if !unsure {
		return got, err
	}
	if err == nil {
		method = http.MethodPut // the rule is in P0: what remains is to update it
	}
	again, againErr := c.sendRule(ctx, method, rule, CamelCase)
	if err := c.settle(ctx, check, err, rule, derefOrNil(again), againErr); err != nil {
		return got, err
	}
	return again, nil
}

// derefOrNil is *p, or nil.
func derefOrNil[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// sendRule sends one write of rule in spelling s.
func (c *Client) sendRule(ctx context.Context, method string, rule RoutingRule, s Spelling) (*RoutingRule, error) {
	var out RoutingRule
	err := c.onRuleRoutes(ctx, func() error {
		return c.write(ctx, method, c.rulePath(rule.Name), spelled{s, &rule}, &out, c.workflowPaths()...)
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// GetRoutingRule reads one rule by name; a missing rule is ErrNotFound.
func (c *Client) GetRoutingRule(ctx context.Context, name string) (*RoutingRule, error) {
	var out RoutingRule
	if err := c.onRuleRoutes(ctx, func() error { return c.do(ctx, http.MethodGet, c.rulePath(name), nil, &out) }); err != nil {
		return nil, err
	}
	return &out, nil
}

// DeleteRoutingRule deletes one rule by name.
func (c *Client) DeleteRoutingRule(ctx context.Context, name string) error {
	return c.onRuleRoutes(ctx, func() error {
		return c.write(ctx, http.MethodDelete, c.rulePath(name), nil, nil, c.workflowPaths()...)
	})
}

// onRuleRoutes sends a request to a rule's path. A 404 before the client
// knows which routes P0 serves may be the /routing routes being gone, not
// the rule: the workflow read tells, and if the routes are gone, the
// request is sent again to /policy. Were a 404 taken at its word there, a
// delete would report success and leave the rule in P0.
func (c *Client) onRuleRoutes(ctx context.Context, send func() error) error {
	sentTo := c.routes()
	err := send()
	if !errors.Is(err, ErrNotFound) || sentTo != routesUnknown {
		return err
	}
	// Another request may have learned the routes meanwhile; if not, the
	// workflow read tells.
	if c.routes() == routesUnknown {
		if _, readErr := c.readRouting(ctx); readErr != nil && !errors.Is(readErr, ErrNotFound) {
			return errors.Join(err, readErr)
		}
	}
	if c.routes() != routesPolicy {
		return err
	}
	return send()
}

// CheckCredentials reads the routing, which every key of the organization
// may read, to check the API key and the organization; the answer is
// shared with the reads of the routing that follow (see sharedReads). A
// 403 there is no reason to refuse other requests, whose objects the key
// may be scoped to: it is not kept as the operation's refusal (see
// reportOnce), and the first request P0 refuses with 403 is reported in
// full. The check is bounded by the client's CheckTimeout.
func (c *Client) CheckCredentials(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, c.checkTimeout)
	defer cancel()
	_, err := c.GetWorkflow(ctx)
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusForbidden && c.refusal.CompareAndSwap(apiErr, nil) {
		c.refusalReported.Store(false)
	}
	return err
}

// GetWorkflow reads the organization's current routing configuration.
// Reads share one request until this client changes a rule or the
// workflow (see sharedReads); the answer is shared: callers must not
// change it.
func (c *Client) GetWorkflow(ctx context.Context) (*Workflow, error) {
	index, err := c.workflowIndex(ctx)
	if err != nil {
		return nil, err
	}
	return &index.workflow, nil
}

// RoutingRuleFromWorkflow reads one rule from the whole workflow: one
// request serves the refresh of every rule in an operation, where a GET of
// each rule by name would take one request each. A rule that the workflow
// does not hold is ErrNotFound, as a GET of it by name would be.
func (c *Client) RoutingRuleFromWorkflow(ctx context.Context, name string) (*RoutingRule, error) {
	index, err := c.workflowIndex(ctx)
	if err != nil {
		return nil, err
	}
	i, ok := index.byName[name]
	if !ok {
		return nil, &APIError{Method: http.MethodGet, Path: index.path, StatusCode: http.StatusNotFound,
			Message: fmt.Sprintf("the workflow holds no rule named %q", name), Attempts: 1}
	}
	return &index.workflow.Rules[i], nil
}

// workflowIndex is the current workflow, decoded once per request with its
// rules indexed by name.
type workflowIndex struct {
	workflow Workflow
	byName   map[string]int
	path     string // where it was read
}

// workflowIndex reads the workflow from GET /routing, or where P0 answers
// that 404, from GET /policy/latest, for the rest of the client's life.
func (c *Client) workflowIndex(ctx context.Context) (*workflowIndex, error) {
	if c.routes() != routesPolicy {
		index, err := c.readRouting(ctx)
		if !errors.Is(err, ErrNotFound) {
			return index, err
		}
	}
	return c.readWorkflowIndex(ctx, c.latestPolicyPath(), &latestPolicy{})
}

// readRouting is the shared read of GET /routing, from whose answer the
// client learns which routes P0 serves.
func (c *Client) readRouting(ctx context.Context) (*workflowIndex, error) {
	index, err := c.readWorkflowIndex(ctx, c.routingPath(), &Workflow{})
	switch {
	case err == nil:
		c.learnRoutes(ctx, routesRouting)
	case errors.Is(err, ErrNotFound):
		c.learnRoutes(ctx, routesPolicy)
	}
	return index, err
}

// workflowAnswer is an answer that holds the workflow.
type workflowAnswer interface {
	current() *Workflow
}

func (w *Workflow) current() *Workflow { return w }

func (p *latestPolicy) current() *Workflow { return &p.Workflow }

// readWorkflowIndex is the shared read of the workflow at path, decoded
// into answer.
func (c *Client) readWorkflowIndex(ctx context.Context, path string, answer workflowAnswer) (*workflowIndex, error) {
	return sharedDecoded(ctx, c, path, func(body []byte) (*workflowIndex, error) {
		if err := c.decodeRead(path, body, answer); err != nil {
			return nil, err
		}
		workflow := answer.current()
		index := &workflowIndex{workflow: *workflow, path: path, byName: make(map[string]int, len(workflow.Rules))}
		for i, rule := range workflow.Rules {
			index.byName[rule.Name] = i
		}
		return index, nil
	})
}

// GetWorkflowByID reads one version of the routing configuration. Where
// P0 serves only /policy, which has no route for old versions, the current
// version is still found by its id.
func (c *Client) GetWorkflowByID(ctx context.Context, id string) (*Workflow, error) {
	var out Workflow
	err := c.do(ctx, http.MethodGet, c.orgPath("routing", id), nil, &out)
	if !errors.Is(err, ErrNotFound) {
		if err != nil {
			return nil, err
		}
		return &out, nil
	}
	current, readErr := c.GetWorkflow(ctx)
	if readErr != nil {
		return nil, errors.Join(err, readErr)
	}
	if c.routes() == routesPolicy && current.ID == id {
		return current, nil
	}
	if c.routes() == routesPolicy {
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			withReason := *apiErr
			withReason.Message = fmt.Sprintf("this P0 serves routing through /policy, which reads only the current "+
				"workflow version (%q), not older ones", current.ID)
			return nil, &withReason
		}
	}
	return nil, err
}

// SaveWorkflow replaces the whole routing configuration. currentVersion is
// the version the caller last read; P0 answers ErrConflict when it is
// stale. As writeRule does, it learns camelCase from a save P0 refuses or
// strips, and saves again, naming the version the stripped save made.
func (c *Client) SaveWorkflow(ctx context.Context, currentVersion string, workflow Workflow) (*SaveWorkflowResponse, error) {
	spelling := c.writeSpelling()
	saved, err := c.sendWorkflow(ctx, currentVersion, workflow, spelling)
	if spelling == CamelCase {
		return saved, err
	}
	check, unsure := checkSpelling(err, workflow.Rules, saved.rules())
	if !unsure {
		return saved, err
	}
	if err == nil {
		currentVersion = saved.Version
		if currentVersion == "" {
			current, readErr := c.GetWorkflow(ctx)
			if readErr != nil {
				return nil, readErr
			}
			currentVersion = current.CurrentVersion()
		}
	}
	again, againErr := c.sendWorkflow(ctx, currentVersion, workflow, CamelCase)
	if err := c.settle(ctx, check, err, workflow.Rules, again.rules(), againErr); err != nil {
		return nil, err
	}
	return again, nil
}

// sendWorkflow sends one save of workflow in spelling s.
func (c *Client) sendWorkflow(ctx context.Context, currentVersion string, workflow Workflow, s Spelling) (*SaveWorkflowResponse, error) {
	body := struct {
		CurrentVersion string  `json:"currentVersion,omitempty"`
		Workflow       spelled `json:"workflow"`
	}{currentVersion, spelled{s, &workflow}}
	var out SaveWorkflowResponse
	if err := c.write(ctx, http.MethodPost, c.routingPath(), body, &out, c.workflowPaths()...); err != nil {
		return nil, err
	}
	return &out, nil
}
