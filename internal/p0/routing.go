package p0

import (
	"context"
	"net/http"
)

// CreateRoutingRule creates a rule under its name and returns what P0 stored.
func (c *Client) CreateRoutingRule(ctx context.Context, rule RoutingRule) (*RoutingRule, error) {
	var out RoutingRule
	if err := c.do(ctx, http.MethodPost, c.orgPath("routing", "name", rule.Name), rule, &out); err != nil {
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
	if err := c.do(ctx, http.MethodPut, c.orgPath("routing", "name", rule.Name), rule, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// DeleteRoutingRule deletes one rule by name.
func (c *Client) DeleteRoutingRule(ctx context.Context, name string) error {
	return c.do(ctx, http.MethodDelete, c.orgPath("routing", "name", name), nil, nil)
}

// GetWorkflow reads the organization's current routing configuration.
func (c *Client) GetWorkflow(ctx context.Context) (*Workflow, error) {
	var out Workflow
	if err := c.do(ctx, http.MethodGet, c.orgPath("routing"), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
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
	if err := c.do(ctx, http.MethodPost, c.orgPath("routing"), body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
