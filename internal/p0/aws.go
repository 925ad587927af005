package p0

import (
	"context"
	"encoding/json"
	"fmt"
)

// The AWS integration (P0's AWS integration document) on the install
// lifecycle every integration follows (integration.go), with the AWS
// item's typed view (AWSItem).

// IntegrationAWS is the AWS integration's key.
const IntegrationAWS = "aws"

// AWSRef names the item id of an AWS component.
func AWSRef(component, id string) ItemRef {
	return ItemRef{Integration: IntegrationAWS, Component: component, ID: id}
}

// AWSVerifyBody is the body of an AWS item's verify, as the document gives
// it.
var AWSVerifyBody = struct {
	State string `json:"state"`
}{State: StateStage}

// CreateAWSIntegration creates the integration root that components hang
// from. EnsureAWSIntegration calls it when needed; few callers need it directly.
func (c *Client) CreateAWSIntegration(ctx context.Context) error {
	return c.CreateIntegration(ctx, IntegrationAWS)
}

// EnsureAWSIntegration makes sure the integration root exists (see
// EnsureIntegration).
func (c *Client) EnsureAWSIntegration(ctx context.Context) error {
	return c.EnsureIntegration(ctx, IntegrationAWS)
}

// DeleteAWSIntegration removes every item of every component.
func (c *Client) DeleteAWSIntegration(ctx context.Context) error {
	return c.DeleteIntegration(ctx, IntegrationAWS)
}

// GetAWSIntegration reads every component's items. Without an integration
// root P0 answers ErrNotFound. Reads share one request until this client
// changes an item (see sharedReads).
func (c *Client) GetAWSIntegration(ctx context.Context) (AWSIntegration, error) {
	integration, err := c.GetIntegration(ctx, IntegrationAWS)
	if err != nil {
		return nil, err
	}
	out := AWSIntegration{}
	for component, items := range integration.Components {
		out[component] = map[string]AWSItem{}
		for id, raw := range items {
			item, err := awsItemOf(raw)
			if err != nil {
				return nil, fmt.Errorf("GET %s: %w: item %q of component %s: %v", c.integrationPath(IntegrationAWS), ErrMalformedResponse, id, component, err)
			}
			out[component][id] = item
		}
	}
	return out, nil
}

// AWSItemFromIntegration reads one item from the whole integration (see
// ItemFromIntegration). An item that the integration does not hold is
// ErrNotFound.
func (c *Client) AWSItemFromIntegration(ctx context.Context, component, id string) (*AWSItem, error) {
	got, err := c.ItemFromIntegration(ctx, AWSRef(component, id))
	if err != nil {
		return nil, err
	}
	item, err := awsItemOf(got.Item)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w: %v", c.integrationPath(IntegrationAWS), ErrMalformedResponse, err)
	}
	return &item, nil
}

// StageAWSComponent creates an item in "stage" state with the metadata the
// AWS side needs, after making sure the integration root exists (see
// StageItem).
func (c *Client) StageAWSComponent(ctx context.Context, component, id string) error {
	if err := c.EnsureAWSIntegration(ctx); err != nil {
		return err
	}
	_, err := c.StageItem(ctx, AWSRef(component, id), nil)
	return err
}

// GetAWSComponent reads one item with its metadata (see GetItem).
func (c *Client) GetAWSComponent(ctx context.Context, component, id string) (*AWSComponentItem, error) {
	ref := AWSRef(component, id)
	got, err := c.GetItem(ctx, ref)
	if err != nil {
		return nil, err
	}
	out, err := awsComponentItemOf(*got)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w: %v", c.itemPath(ref), ErrMalformedResponse, err)
	}
	return &out, nil
}

// DeleteAWSComponent removes one item.
func (c *Client) DeleteAWSComponent(ctx context.Context, component, id string) error {
	return c.DeleteItem(ctx, AWSRef(component, id))
}

// VerifyAWSComponent asks P0 to check the AWS side of a staged item; on
// success the item moves to "configure".
func (c *Client) VerifyAWSComponent(ctx context.Context, component, id string) error {
	_, err := c.VerifyItem(ctx, AWSRef(component, id), AWSVerifyBody)
	return err
}

// ConfigureAWSComponent sends an item's configuration; on success the item
// is "installed", as configured. The state field is set by the client. P0
// may answer with the item it now holds, which is returned, or with
// {"ok": true} alone, and then the item returned is nil.
func (c *Client) ConfigureAWSComponent(ctx context.Context, component, id string, item AWSItem) (*AWSItem, error) {
	item.State = StateConfigure
	ref := AWSRef(component, id)
	got, err := c.ConfigureItem(ctx, ref, item)
	if err != nil || got == nil {
		return nil, err
	}
	out, err := awsItemOf(got.Item)
	if err != nil {
		return nil, fmt.Errorf("POST %s: %w: %v", c.itemPath(ref, "configure"), ErrMalformedResponse, err)
	}
	return &out, nil
}

// awsItemOf reads an item's fields as an AWSItem.
func awsItemOf(raw Object) (AWSItem, error) {
	var item AWSItem
	encoded, err := json.Marshal(raw)
	if err != nil {
		return item, err
	}
	return item, json.Unmarshal(encoded, &item)
}

// awsComponentItemOf reads an item and its metadata as AWS's.
func awsComponentItemOf(got Item) (AWSComponentItem, error) {
	out := AWSComponentItem{OK: true}
	item, err := awsItemOf(got.Item)
	if err != nil {
		return out, err
	}
	out.Item = item
	if got.Metadata != nil {
		encoded, err := json.Marshal(got.Metadata)
		if err != nil {
			return out, err
		}
		if err := json.Unmarshal(encoded, &out.Metadata); err != nil {
			return out, err
		}
	}
	return out, nil
}
