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
	if err := c.write(ctx, http.MethodDelete, c.awsPath(), nil, nil, c.awsPath()+"/"); err != nil {
		return err
	}
	<-c.awsRoot
	c.awsRoot <- false
	return nil
}

// EnsureAWSIntegration makes sure the integration root exists, posting it
// once per Client: P0's documents say to create it before staging, and
// give no answer by which a stage would say that it is missing. A 409 means
// that the root is already there. Callers in parallel wait for the first
// one's answer, so the root is posted at most once per process unless that
// post fails.
func (c *Client) EnsureAWSIntegration(ctx context.Context) error {
	var exists bool
	select {
	case exists = <-c.awsRoot:
	case <-ctx.Done():
		return ctx.Err()
	}
	if exists {
		c.awsRoot <- true
		return nil
	}
	err := c.CreateAWSIntegration(ctx)
	if errors.Is(err, ErrConflict) {
		err = nil
	}
	c.awsRoot <- err == nil
	return err
}

// StageAWSComponent creates an item in "stage" state with the metadata the
// AWS side needs, after making sure the integration root exists. P0 may
// answer a stage of an item that exists with 409, or re-stage it (the
// documents say neither); a 409 is taken to mean the item exists only once
// a read finds it, and is returned otherwise.
func (c *Client) StageAWSComponent(ctx context.Context, component, id string) error {
	if err := c.EnsureAWSIntegration(ctx); err != nil {
		return err
	}
	path := c.awsPath(component, id)
	err := c.write(ctx, http.MethodPut, path, nil, &okResponse{}, path)
	if !errors.Is(err, ErrConflict) {
		return err
	}
	// The stage was a write, so this read is a fresh one.
	if _, readErr := c.GetAWSComponent(ctx, component, id); readErr != nil {
		if errors.Is(readErr, ErrNotFound) {
			return err // the 409 was about something else
		}
		return readErr
	}
	c.logger.Debug(ctx, "P0 answered 409 to a stage, and the item exists: taking it as staged", map[string]any{"path": path})
	return nil
}

// GetAWSComponent reads one item with its metadata. Reads of the same item
// share a request until this client changes the item (see sharedReads).
func (c *Client) GetAWSComponent(ctx context.Context, component, id string) (*AWSComponentItem, error) {
	var out AWSComponentItem
	if err := c.readShared(ctx, c.awsPath(component, id), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// DeleteAWSComponent removes one item.
func (c *Client) DeleteAWSComponent(ctx context.Context, component, id string) error {
	path := c.awsPath(component, id)
	return c.write(ctx, http.MethodDelete, path, nil, nil, path)
}

// VerifyAWSComponent asks P0 to check the AWS side of a staged item; on
// success the item moves to "configure".
func (c *Client) VerifyAWSComponent(ctx context.Context, component, id string) error {
	body := struct {
		State string `json:"state"`
	}{State: StateStage}
	return c.write(ctx, http.MethodPost, c.awsPath(component, id, "verify"), body, &okResponse{}, c.awsPath(component, id))
}

// ConfigureAWSComponent sends an item's configuration; on success the item
// is "installed". The state field is set by the client.
func (c *Client) ConfigureAWSComponent(ctx context.Context, component, id string, item AWSItem) error {
	item.State = StateConfigure
	return c.write(ctx, http.MethodPost, c.awsPath(component, id, "configure"), item, &okResponse{}, c.awsPath(component, id))
}
