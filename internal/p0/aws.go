package p0

import (
	"context"
	"errors"
	"net/http"
)

// awsPath builds /o/{org}/integrations/aws/config[/segments...].
func (c *Client) awsPath(segments ...string) string {
	return c.orgPath(append([]string{"integrations", "aws", "config"}, segments...)...)
}

// CreateAWSIntegration creates the integration root that components hang
// from. StageAWSComponent calls it when needed; few callers need it directly.
func (c *Client) CreateAWSIntegration(ctx context.Context) error {
	return c.do(ctx, http.MethodPost, c.awsPath(), nil, &okResponse{})
}

// GetAWSIntegration reads every component's items. Without an integration
// root P0 answers ErrNotFound.
func (c *Client) GetAWSIntegration(ctx context.Context) (AWSIntegration, error) {
	out := AWSIntegration{}
	if err := c.do(ctx, http.MethodGet, c.awsPath(), nil, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteAWSIntegration removes every item of every component.
func (c *Client) DeleteAWSIntegration(ctx context.Context) error {
	if err := c.do(ctx, http.MethodDelete, c.awsPath(), nil, nil); err != nil {
		return err
	}
	c.awsRootMu.Lock()
	c.awsRootReady = false
	c.awsRootMu.Unlock()
	return nil
}

// StageAWSComponent creates an item in "stage" state with the metadata the
// AWS side needs. When the integration root is missing (P0 answers 404 to
// the stage) it creates the root once for the whole process and stages again.
func (c *Client) StageAWSComponent(ctx context.Context, component, id string) error {
	path := c.awsPath(component, id)
	err := c.do(ctx, http.MethodPut, path, nil, &okResponse{})
	if !errors.Is(err, ErrNotFound) {
		return err
	}
	created, rootErr := c.ensureAWSIntegration(ctx)
	if rootErr != nil {
		return rootErr
	}
	if !created {
		// The root was already there, so the 404 was about something else.
		return err
	}
	return c.do(ctx, http.MethodPut, path, nil, &okResponse{})
}

// ensureAWSIntegration posts the integration root unless this client has
// already done so. It reports whether the root is now known to exist.
func (c *Client) ensureAWSIntegration(ctx context.Context) (bool, error) {
	c.awsRootMu.Lock()
	defer c.awsRootMu.Unlock()
	if c.awsRootReady {
		return true, nil
	}
	if err := c.CreateAWSIntegration(ctx); err != nil {
		return false, err
	}
	c.awsRootReady = true
	return true, nil
}

// GetAWSComponent reads one item with its metadata.
func (c *Client) GetAWSComponent(ctx context.Context, component, id string) (*AWSComponentItem, error) {
	var out AWSComponentItem
	if err := c.do(ctx, http.MethodGet, c.awsPath(component, id), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// DeleteAWSComponent removes one item.
func (c *Client) DeleteAWSComponent(ctx context.Context, component, id string) error {
	return c.do(ctx, http.MethodDelete, c.awsPath(component, id), nil, nil)
}

// VerifyAWSComponent asks P0 to check the AWS side of a staged item; on
// success the item moves to "configure".
func (c *Client) VerifyAWSComponent(ctx context.Context, component, id string) error {
	body := struct {
		State string `json:"state"`
	}{State: StateStage}
	return c.do(ctx, http.MethodPost, c.awsPath(component, id, "verify"), body, &okResponse{})
}

// ConfigureAWSComponent sends an item's configuration; on success the item
// is "installed". The state field is set by the client.
func (c *Client) ConfigureAWSComponent(ctx context.Context, component, id string, item AWSItem) error {
	item.State = StateConfigure
	return c.do(ctx, http.MethodPost, c.awsPath(component, id, "configure"), item, &okResponse{})
}
