package p0

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
)

// integrationPath builds /o/{org}/integrations/{key}/config[/segments...].
func (c *Client) integrationPath(key string, segments ...string) string {
	return c.orgPath(integrationPathSegments(key, segments...)...)
}

// itemPath builds the path of ref, and below it segments.
func (c *Client) itemPath(ref ItemRef, segments ...string) string {
	return c.integrationPath(ref.Integration, append([]string{ref.Component, ref.ID}, segments...)...)
}

// CreateIntegration creates the integration root that items hang from,
// with no body (see noBody). EnsureIntegration calls it when needed.
func (c *Client) CreateIntegration(ctx context.Context, key string) error {
	path := c.integrationPath(key)
	return c.write(ctx, http.MethodPost, path, noBody(key), &itemAnswer{}, path)
}

// InstallIntegration creates the integration root with a body of its own
// (an Azure directory, a GCP organization: {"root": {"_": {...}}}), and
// returns the integration as P0 answers it, or nil when the answer does
// not carry it.
func (c *Client) InstallIntegration(ctx context.Context, key string, body any) (*Integration, error) {
	path := c.integrationPath(key)
	var out integrationAnswer
	if err := c.write(ctx, http.MethodPost, path, body, &out, path); err != nil {
		return nil, err
	}
	if out.Components == nil {
		return nil, nil
	}
	return &out.Integration, nil
}

// integrationAnswer is the answer to an install of an integration root:
// the integration, or an empty body.
type integrationAnswer struct{ Integration }

func (integrationAnswer) emptyAnswerAllowed() {}

// GetIntegration reads the integration: every component's items, the root
// item and the integration's metadata. Without an integration root P0
// answers ErrNotFound. Reads share one request until this client changes
// the integration (see sharedReads); the answer is shared: callers must
// not change it.
func (c *Client) GetIntegration(ctx context.Context, key string) (*Integration, error) {
	path := c.integrationPath(key)
	return sharedDecoded(ctx, c, path, func(body []byte) (*Integration, error) {
		var out Integration
		if err := c.decodeRead(path, body, &out); err != nil {
			return nil, err
		}
		return &out, nil
	})
}

// DeleteIntegration removes the integration root and every item under it.
func (c *Client) DeleteIntegration(ctx context.Context, key string) error {
	path := c.integrationPath(key)
	if err := c.write(ctx, http.MethodDelete, path, nil, nil, path, path+"/"); err != nil {
		return err
	}
	c.roots.forget(key)
	return nil
}

// EnsureIntegration makes sure the integration root exists, posting it
// once per Client: P0 wants it before a stage, and P0's documents give no
// answer by which a stage would say that it is missing. A 409 means that
// the root is already there. Callers in parallel wait for the first one's
// answer, so the root is posted at most once per process unless that post
// fails.
func (c *Client) EnsureIntegration(ctx context.Context, key string) error {
	known := c.roots.of(key)
	var exists bool
	select {
	case exists = <-known:
	case <-ctx.Done():
		return ctx.Err()
	}
	if exists {
		known <- true
		return nil
	}
	err := c.CreateIntegration(ctx, key)
	if errors.Is(err, ErrConflict) {
		err = nil
	}
	known <- err == nil
	return err
}

// StageItem stages the item with body (PUT), which creates it in stage
// with the metadata the other side needs, and returns it when P0's answer
// carries it. P0 may answer a stage of an item that exists with 409, or
// re-stage it (the documents say neither); a 409 is taken to mean the item
// exists only once a read finds it, and is returned otherwise.
func (c *Client) StageItem(ctx context.Context, ref ItemRef, body any) (*Item, error) {
	path := c.itemPath(ref)
	var out itemAnswer
	if body == nil {
		body = noBody(ref.Integration)
	}
	err := c.write(ctx, http.MethodPut, path, body, &out, path, c.integrationPath(ref.Integration))
	if !errors.Is(err, ErrConflict) {
		if err != nil {
			return nil, err
		}
		return out.item(), nil
	}
	// The stage was a write, so this read is a fresh one.
	got, readErr := c.GetItem(ctx, ref)
	if readErr != nil {
		if errors.Is(readErr, ErrNotFound) {
			return nil, err // the 409 was about something else
		}
		return nil, readErr
	}
	c.logger.Debug(ctx, "P0 answered 409 to a stage, and the item exists: taking it as staged", map[string]any{"path": path})
	return got, nil
}

// GetItem reads one item with its metadata. Reads of the same item share a
// request until this client changes the item (see sharedReads).
func (c *Client) GetItem(ctx context.Context, ref ItemRef) (*Item, error) {
	var out Item
	if err := c.readShared(ctx, c.itemPath(ref), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ItemFromIntegration reads one item from the whole integration (GET
// .../config): one request serves every item read in an operation. It
// carries no metadata, which only a read of the item itself has (GetItem).
// An item that the integration does not hold is ErrNotFound.
func (c *Client) ItemFromIntegration(ctx context.Context, ref ItemRef) (*Item, error) {
	integration, err := c.GetIntegration(ctx, ref.Integration)
	if err != nil {
		return nil, err
	}
	item, ok := integration.Components[ref.Component][ref.ID]
	if !ok {
		return nil, &APIError{Method: http.MethodGet, Path: c.integrationPath(ref.Integration), StatusCode: http.StatusNotFound,
			Message: fmt.Sprintf("the integration holds no item %q of component %s", ref.ID, ref.Component), Attempts: 1}
	}
	return &Item{Item: item}, nil
}

// VerifyItem asks P0 to check the other side of a staged item; on success
// the item moves to configure. It returns the item when P0's answer
// carries it.
func (c *Client) VerifyItem(ctx context.Context, ref ItemRef, body any) (*Item, error) {
	return c.advance(ctx, ref, "verify", body)
}

// ConfigureItem sends an item's configuration; on success the item is
// installed, as configured. It returns the item when P0's answer carries
// it (P0 may answer {"ok": true} alone).
func (c *Client) ConfigureItem(ctx context.Context, ref ItemRef, body any) (*Item, error) {
	return c.advance(ctx, ref, "configure", body)
}

// advance posts body to the item's step (verify or configure).
func (c *Client) advance(ctx context.Context, ref ItemRef, step string, body any) (*Item, error) {
	var out itemAnswer
	if body == nil {
		body = noBody(ref.Integration)
	}
	if err := c.write(ctx, http.MethodPost, c.itemPath(ref, step), body, &out, c.itemPath(ref), c.integrationPath(ref.Integration)); err != nil {
		return nil, err
	}
	return out.item(), nil
}

// DeleteItem removes one item.
func (c *Client) DeleteItem(ctx context.Context, ref ItemRef) error {
	path := c.itemPath(ref)
	return c.write(ctx, http.MethodDelete, path, nil, nil, path, c.integrationPath(ref.Integration))
}

// noBody is what a step that takes nothing sends to integration key: no
// body at all to AWS, as P0's AWS document shows these calls, and {} to
// the others, as P0's own client sends them.
func noBody(key string) any {
	if key == IntegrationAWS {
		return nil
	}
	return struct{}{}
}

// integrationRoots remembers, per integration, whether its root is known to
// exist. Receiving from an integration's channel takes the right to post
// the root while that is not known (see EnsureIntegration); sending puts it
// back.
type integrationRoots struct {
	mu    sync.Mutex
	known map[string]chan bool
}

func newIntegrationRoots() *integrationRoots {
	return &integrationRoots{known: map[string]chan bool{}}
}

// of is key's channel.
func (r *integrationRoots) of(key string) chan bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	known, ok := r.known[key]
	if !ok {
		known = make(chan bool, 1)
		known <- false
		r.known[key] = known
	}
	return known
}

// forget marks key's root as not known to exist, after it was deleted.
func (r *integrationRoots) forget(key string) {
	known := r.of(key)
	<-known
	known <- false
}
