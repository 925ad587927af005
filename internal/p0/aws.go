package p0

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// awsPath builds /o/{org}/integrations/aws/config[/segments...].
func (c *Client) awsPath(segments ...string) string {
	return c.orgPath(append([]string{"integrations", "aws", "config"}, segments...)...)
}

// CreateAWSIntegration creates the integration root that components hang
// from. EnsureAWSIntegration calls it when needed; few callers need it directly.
func (c *Client) CreateAWSIntegration(ctx context.Context) error {
	return c.write(ctx, http.MethodPost, c.awsPath(), nil, &okResponse{}, c.awsPath())
}

// GetAWSIntegration reads every component's items. Without an integration
// root P0 answers ErrNotFound. Reads share one request until this client
// changes an item (see sharedReads); the answer is shared: callers must
// not change it.
func (c *Client) GetAWSIntegration(ctx context.Context) (AWSIntegration, error) {
	path := c.awsPath()
	return sharedDecoded(ctx, c, path, func(body []byte) (AWSIntegration, error) {
		out := AWSIntegration{}
		if err := c.decodeRead(path, body, &out); err != nil {
			return nil, err
		}
		return out, nil
	})
}

// AWSItemFromIntegration reads one item from the whole integration (GET
// .../integrations/aws/config): one request serves the refresh of every
// installed component in an operation. It carries no metadata, which only
// a read of the item itself has (GetAWSComponent). An item that the
// integration does not hold is ErrNotFound.
func (c *Client) AWSItemFromIntegration(ctx context.Context, component, id string) (*AWSItem, error) {
	integration, err := c.GetAWSIntegration(ctx)
	if err != nil {
		return nil, err
	}
	item, ok := integration[component][id]
	if !ok {
		return nil, &APIError{Method: http.MethodGet, Path: c.awsPath(), StatusCode: http.StatusNotFound,
			Message: fmt.Sprintf("the integration holds no item %q of component %s", id, component), Attempts: 1}
	}
	return &item, nil
}

// DeleteAWSIntegration removes every item of every component.
func (c *Client) DeleteAWSIntegration(ctx context.Context) error {
	if err := c.write(ctx, http.MethodDelete, c.awsPath(), nil, nil, c.awsPath(), c.awsPath()+"/"); err != nil {
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
	err := c.write(ctx, http.MethodPut, path, nil, &okResponse{}, path, c.awsPath())
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
	return c.write(ctx, http.MethodDelete, path, nil, nil, path, c.awsPath())
}

// VerifyAWSComponent asks P0 to check the AWS side of a staged item; on
// success the item moves to "configure".
func (c *Client) VerifyAWSComponent(ctx context.Context, component, id string) error {
	body := struct {
		State string `json:"state"`
	}{State: StateStage}
	return c.write(ctx, http.MethodPost, c.awsPath(component, id, "verify"), body, &okResponse{}, c.awsPath(component, id), c.awsPath())
}

// ConfigureAWSComponent sends an item's configuration; on success the item
// is "installed", as configured. The state field is set by the client. P0
// may answer with the item it now holds, which is returned, or with
// {"ok": true} alone, and then the item returned is nil.
func (c *Client) ConfigureAWSComponent(ctx context.Context, component, id string, item AWSItem) (*AWSItem, error) {
	item.State = StateConfigure
	var out writeAnswer
	if err := c.write(ctx, http.MethodPost, c.awsPath(component, id, "configure"), item, &out, c.awsPath(component, id), c.awsPath()); err != nil {
		return nil, err
	}
	return out.Item, nil
}
