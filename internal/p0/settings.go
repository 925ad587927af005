package p0

import (
	"context"
	"net/http"
	"strconv"
	"strings"
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
	// A shared answer reflects every write this client made before it was
	// requested, as a write stops sharing; it counts as sent now.
	at := c.expiry.now()
	var out ExpiryOptions
	if err := c.readShared(ctx, c.expiryOptionsPath(), &out); err != nil {
		return nil, err
	}
	c.expiry.received(out.Options, at)
	return out.Options, nil
}

// CreateExpiryOption adds one expiry preset.
func (c *Client) CreateExpiryOption(ctx context.Context, time int64, unit string) error {
	body := Duration{Time: time, Unit: unit}
	defer c.expiry.writing(ExpiryKey(time, unit))()
	return c.write(ctx, http.MethodPost, c.expiryOptionsPath(), body, nil, c.expiryOptionsPath())
}

// ResetExpiryOptions restores P0's default presets and returns them.
func (c *Client) ResetExpiryOptions(ctx context.Context) ([]Duration, error) {
	var out ExpiryOptions
	defer c.expiry.writing("")()
	err := c.write(ctx, http.MethodPost, c.orgPath("settings", "expiry-options", "_reset"), nil, &out, c.expiryOptionsPath())
	if err != nil {
		return nil, err
	}
	return out.Options, nil
}

// GetDefaultApprovals reads the approval defaults (an undocumented read).
// A value never set is nil, however P0 says so: a null or empty body, a
// missing field, or a null one.
func (c *Client) GetDefaultApprovals(ctx context.Context) (*DefaultApprovals, error) {
	var out DefaultApprovals
	if err := c.readSetting(ctx, c.orgPath("settings", "default-approvals"), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// UpdateDefaultApprovals sets the approval defaults; nil fields are left as
// they are.
func (c *Client) UpdateDefaultApprovals(ctx context.Context, approvals DefaultApprovals) error {
	return c.do(ctx, http.MethodPut, c.orgPath("settings", "default-approvals"), approvals, nil)
}

// Names of the duration settings, as their paths spell them.
const (
	standingAccessDuration = "standing-access-duration"
	maxAccessDuration      = "max-access-duration"
	approvableDuration     = "approvable-duration"
)

// GetStandingAccessDuration reads the standing access duration (an
// undocumented read). It is nil, with no error, when never set.
func (c *Client) GetStandingAccessDuration(ctx context.Context) (*Duration, error) {
	return c.accessDuration(ctx, http.MethodGet, standingAccessDuration, nil)
}

// SetStandingAccessDuration sets the standing access duration and returns
// it with P0's display text.
func (c *Client) SetStandingAccessDuration(ctx context.Context, d Duration) (*Duration, error) {
	return c.accessDuration(ctx, http.MethodPut, standingAccessDuration, &Duration{Time: d.Time, Unit: d.Unit})
}

// GetMaxAccessDuration reads the maximum access duration (an undocumented
// read). It is nil, with no error, when never set.
func (c *Client) GetMaxAccessDuration(ctx context.Context) (*Duration, error) {
	return c.accessDuration(ctx, http.MethodGet, maxAccessDuration, nil)
}

// SetMaxAccessDuration sets the maximum access duration and returns it with
// P0's display text.
func (c *Client) SetMaxAccessDuration(ctx context.Context, d Duration) (*Duration, error) {
	return c.accessDuration(ctx, http.MethodPut, maxAccessDuration, &Duration{Time: d.Time, Unit: d.Unit})
}

// GetApprovableDuration reads how long after a request is made it may
// still be approved (an undocumented read). It is nil, with no error, when
// never set.
func (c *Client) GetApprovableDuration(ctx context.Context) (*Duration, error) {
	return c.accessDuration(ctx, http.MethodGet, approvableDuration, nil)
}

// SetApprovableDuration sets how long after a request is made it may
// still be approved, and returns it with P0's display text.
func (c *Client) SetApprovableDuration(ctx context.Context, d Duration) (*Duration, error) {
	return c.accessDuration(ctx, http.MethodPut, approvableDuration, &Duration{Time: d.Time, Unit: d.Unit})
}

// accessDuration reads or writes one of the duration settings; each
// answers {"ok": true, "<settingName>": {time, unit, value}}. body is nil
// for a read, which returns nil for a duration never set (see readSetting).
// A write whose answer lacks the duration returns the duration sent,
// without display text: P0 took it, which is what matters.
func (c *Client) accessDuration(ctx context.Context, method, setting string, body *Duration) (*Duration, error) {
	var out accessDurationResponse
	path := c.orgPath("settings", setting)
	if body == nil {
		if err := c.readSetting(ctx, path, &out); err != nil {
			return nil, err
		}
	} else if err := c.do(ctx, method, path, body, &out); err != nil {
		return nil, err
	}
	d := out.StandingAccessDuration
	switch setting {
	case maxAccessDuration:
		d = out.MaxAccessDuration
	case approvableDuration:
		d = out.ApprovableDuration
	}
	if d == nil && body != nil {
		d = &Duration{Time: body.Time, Unit: body.Unit}
	}
	return d, nil
}

// readSetting reads a setting into out. P0 may answer a read of settings
// never set with a null or empty body, which leaves out as it is, rather
// than with fields that say so: the documents describe no reads of
// settings, so every form is plausible.
func (c *Client) readSetting(ctx context.Context, path string, out any) error {
	data, err := c.send(ctx, http.MethodGet, path, nil)
	if err != nil {
		return c.reportOnce(err)
	}
	if text := strings.TrimSpace(string(data)); text == "" || text == "null" {
		return nil
	}
	return c.decodeRead(path, data, out)
}
