package p0

import (
	"context"
	"fmt"
	"net/http"
)

// routingPath is the whole workflow's: GET and POST /o/{org}/routing.
func (c *Client) routingPath() string { return c.orgPath("routing") }

// CreateRoutingRule creates a rule under its name and returns what P0 stored.
func (c *Client) CreateRoutingRule(ctx context.Context, rule RoutingRule) (*RoutingRule, error) {
	var out RoutingRule
	if err := c.write(ctx, http.MethodPost, c.orgPath("routing", "name", rule.Name), rule, &out, c.routingPath()); err != nil {
		return nil, err
	}
	return &out, nil
}

// GetRoutingRule reads one rule by name; a missing rule is ErrNotFound.
func (c *Client) GetRoutingRule(ctx context.Context, name string) (*RoutingRule, error) {
	var out RoutingRule
	if err := c.do(ctx, http.MethodGet, c.orgPath("routing", "name", name), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// UpdateRoutingRule replaces the rule with the same name.
func (c *Client) UpdateRoutingRule(ctx context.Context, rule RoutingRule) (*RoutingRule, error) {
	var out RoutingRule
	if err := c.write(ctx, http.MethodPut, c.orgPath("routing", "name", rule.Name), rule, &out, c.routingPath()); err != nil {
		return nil, err
	}
	return &out, nil
}

// DeleteRoutingRule deletes one rule by name.
func (c *Client) DeleteRoutingRule(ctx context.Context, name string) error {
	return c.write(ctx, http.MethodDelete, c.orgPath("routing", "name", name), nil, nil, c.routingPath())
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
		return nil, &APIError{Method: http.MethodGet, Path: c.routingPath(), StatusCode: http.StatusNotFound,
			Message: fmt.Sprintf("the workflow holds no rule named %q", name), Attempts: 1}
	}
	return &index.workflow.Rules[i], nil
}

// workflowIndex is GET /routing, decoded once per request with its rules
// indexed by name.
type workflowIndex struct {
	workflow Workflow
	byName   map[string]int
}

func (c *Client) workflowIndex(ctx context.Context) (*workflowIndex, error) {
	path := c.routingPath()
	return sharedDecoded(ctx, c, path, func(body []byte) (*workflowIndex, error) {
		index := &workflowIndex{}
		if err := c.decodeRead(path, body, &index.workflow); err != nil {
			return nil, err
		}
		index.byName = make(map[string]int, len(index.workflow.Rules))
		for i, rule := range index.workflow.Rules {
			index.byName[rule.Name] = i
		}
		return index, nil
	})
}

// GetWorkflowByID reads one version of the routing configuration.
func (c *Client) GetWorkflowByID(ctx context.Context, id string) (*Workflow, error) {
	var out Workflow
	if err := c.do(ctx, http.MethodGet, c.orgPath("routing", id), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// SaveWorkflow replaces the whole routing configuration. currentVersion is
// the version the caller last read; P0 answers ErrConflict when it is stale.
func (c *Client) SaveWorkflow(ctx context.Context, currentVersion string, workflow Workflow) (*SaveWorkflowResponse, error) {
	var out SaveWorkflowResponse
	body := SaveWorkflowRequest{CurrentVersion: currentVersion, Workflow: workflow}
	if err := c.write(ctx, http.MethodPost, c.routingPath(), body, &out, c.routingPath()); err != nil {
		return nil, err
	}
	return &out, nil
}
