package p0

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
)

// ExpiryKey is the key P0 uses for an expiry option: its time and unit, as
// in "2h". It is also the option's Terraform id.
func ExpiryKey(time int64, unit string) string {
	return strconv.FormatInt(time, 10) + unit
}

// expiryOptionsPath is where the expiry presets are listed and created.
func (c *Client) expiryOptionsPath() string { return c.orgPath("settings", "expiry-options") }

// ListExpiryOptions reads every expiry preset. The settings documents do not
// describe this read; servers without it answer ErrNotFound. Lists share a
// request until this client changes a preset (see sharedReads).
func (c *Client) ListExpiryOptions(ctx context.Context) ([]Duration, error) {
	var out ExpiryOptions
	if err := c.readShared(ctx, c.expiryOptionsPath(), &out); err != nil {
		return nil, err
	}
	return out.Options, nil
}

// CreateExpiryOption adds one expiry preset.
func (c *Client) CreateExpiryOption(ctx context.Context, time int64, unit string) error {
	body := Duration{Time: time, Unit: unit}
	return c.write(ctx, http.MethodPost, c.expiryOptionsPath(), body, nil, c.expiryOptionsPath())
}

// DeleteExpiryOption removes the preset with the given key (see ExpiryKey).
func (c *Client) DeleteExpiryOption(ctx context.Context, key string) error {
	return c.write(ctx, http.MethodDelete, c.orgPath("settings", "expiry-options", key), nil, nil, c.expiryOptionsPath())
}

// ResetExpiryOptions restores P0's default presets and returns them.
func (c *Client) ResetExpiryOptions(ctx context.Context) ([]Duration, error) {
	var out ExpiryOptions
	err := c.write(ctx, http.MethodPost, c.orgPath("settings", "expiry-options", "_reset"), nil, &out, c.expiryOptionsPath())
	if err != nil {
		return nil, err
	}
	return out.Options, nil
}

// GetDefaultApprovals reads the approval defaults (an undocumented read).
func (c *Client) GetDefaultApprovals(ctx context.Context) (*DefaultApprovals, error) {
	var out DefaultApprovals
	if err := c.do(ctx, http.MethodGet, c.orgPath("settings", "default-approvals"), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// UpdateDefaultApprovals sets the approval defaults; nil fields are left as
// they are.
func (c *Client) UpdateDefaultApprovals(ctx context.Context, approvals DefaultApprovals) error {
	return c.do(ctx, http.MethodPut, c.orgPath("settings", "default-approvals"), approvals, nil)
}

// Names of the two access duration settings, as their paths spell them.
const (
	standingAccessDuration = "standing-access-duration"
	maxAccessDuration      = "max-access-duration"
)

// GetStandingAccessDuration reads the standing access duration (an
// undocumented read).
func (c *Client) GetStandingAccessDuration(ctx context.Context) (*Duration, error) {
	return c.accessDuration(ctx, http.MethodGet, standingAccessDuration, nil)
}

// SetStandingAccessDuration sets the standing access duration and returns
// it with P0's display text.
func (c *Client) SetStandingAccessDuration(ctx context.Context, d Duration) (*Duration, error) {
	return c.accessDuration(ctx, http.MethodPut, standingAccessDuration, Duration{Time: d.Time, Unit: d.Unit})
}

// GetMaxAccessDuration reads the maximum access duration (an undocumented
// read).
func (c *Client) GetMaxAccessDuration(ctx context.Context) (*Duration, error) {
	return c.accessDuration(ctx, http.MethodGet, maxAccessDuration, nil)
}

// SetMaxAccessDuration sets the maximum access duration and returns it with
// P0's display text.
func (c *Client) SetMaxAccessDuration(ctx context.Context, d Duration) (*Duration, error) {
	return c.accessDuration(ctx, http.MethodPut, maxAccessDuration, Duration{Time: d.Time, Unit: d.Unit})
}

// accessDuration reads or writes one of the two duration settings; both
// answer {"ok": true, "<settingName>": {time, unit, value}}.
// body is nil for a read.
func (c *Client) accessDuration(ctx context.Context, method, setting string, body any) (*Duration, error) {
	var out accessDurationResponse
	path := c.orgPath("settings", setting)
	if err := c.do(ctx, method, path, body, &out); err != nil {
		return nil, err
	}
	d := out.StandingAccessDuration
	if setting == maxAccessDuration {
		d = out.MaxAccessDuration
	}
	if d == nil {
		return nil, fmt.Errorf("%s %s: %w: the answer has no %s", method, path, ErrMalformedResponse, setting)
	}
	return d, nil
}
