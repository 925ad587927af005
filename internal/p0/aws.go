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

// StageAWSComponent creates an item in "stage" state with the metadata the
// AWS side needs. When the integration root is missing (P0 answers 404 to
// the stage) it creates the root and stages again.
//
// Until this client knows that the root exists, stages go one at a time:
// the first one finds out (its PUT succeeds, or is answered 404 and the
// root is posted), and those waiting behind it then stage at once. Parallel
// stages therefore post the root at most once per process, and at most one
// of them is answered 404.
func (c *Client) StageAWSComponent(ctx context.Context, component, id string) error {
	path := c.awsPath(component, id)
	stage := func() error { return c.write(ctx, http.MethodPut, path, nil, &okResponse{}, path) }

	var rootExists bool
	select {
	case rootExists = <-c.awsRoot:
	case <-ctx.Done():
		return ctx.Err()
	}
	if rootExists {
		c.awsRoot <- true
		return stage()
	}
	defer func() { c.awsRoot <- rootExists }()

	err := stage()
	if err == nil || errors.Is(err, ErrConflict) {
		rootExists = true // the item was staged, or already there
		return err
	}
	if !errors.Is(err, ErrNotFound) {
		return err
	}
	if err := c.CreateAWSIntegration(ctx); err != nil {
		return err
	}
	rootExists = true
	return stage()
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
