package p0

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// ErrStillListed wraps a delete that P0 answered as done while the object
// is still there.
var ErrStillListed = errors.New("still listed after being deleted")

// expiryKeyForm is how a P0 spells the {key} of DELETE
// /settings/expiry-options/{key}, once this client has seen which.
type expiryKeyForm int

const (
	keyFormUnknown expiryKeyForm = iota
	keyFormCompact               // time and unit, "2h" (ExpiryKey)
	keyFormDisplay               // the display value from the list, "2 hours"
)

// DeleteExpiryOption removes the preset of the given time and unit, and
// makes sure that it is gone.
//
// The documents do not define {key}: P0 may take the compact key ("2h") or
// the display value ("2 hours"), and may answer a key it does not know with
// 2xx, 404 or 400 while removing nothing. So while this client has not yet
// seen which form removes an option, a delete is checked against the list:
// an option still listed is deleted again by its display value, and if
// that does not remove it either, the error wraps ErrStillListed. An option
// already gone is not an error. Where the list cannot be read, P0's answers
// stand. Once a form has removed an option, it is used without checking:
// one P0 does not change how it reads keys. Deletes in parallel wait while
// the first one finds the form out.
func (c *Client) DeleteExpiryOption(ctx context.Context, time int64, unit string) error {
	compact := ExpiryKey(time, unit)
	defer c.expiry.writing(compact)()

	// Until the form is known, deletes find it out one at a time, so that
	// those waiting behind the first one need no list of their own.
	form, release, err := c.expiry.keyFormOrTurn(ctx)
	if err != nil {
		return err
	}
	defer release()
	switch display, known := c.expiry.displayValue(compact); {
	case form == keyFormCompact:
		return ignoreNotFound(c.deleteExpiryKey(ctx, compact))
	case form == keyFormDisplay && known:
		return ignoreNotFound(c.deleteExpiryKey(ctx, display))
	}
	// The form is unknown, or it is the display value and no list has
	// shown this option's: delete and check.

	err = c.deleteExpiryKey(ctx, compact)
	if err != nil && !keyNotTaken(err) {
		return err
	}
	listed, still, listErr := c.expiryOptionListed(ctx, time, unit)
	switch {
	case IsUnsupportedRead(listErr):
		// Nothing can be checked: P0's answers stand, now and from now on.
		c.expiry.learnKeyForm(keyFormCompact)
		return ignoreNotFound(err)
	case listErr != nil:
		return listErr
	case !still:
		if err == nil {
			c.expiry.learnKeyForm(keyFormCompact)
		}
		return nil
	case listed.Value == "" || listed.Value == compact:
		return fmt.Errorf("expiry option %s: %w (deleted with key %q)", compact, ErrStillListed, compact)
	}

	if err := c.deleteExpiryKey(ctx, listed.Value); err != nil && !keyNotTaken(err) {
		return err
	}
	if _, still, listErr = c.expiryOptionListed(ctx, time, unit); listErr != nil {
		return listErr
	}
	if still {
		return fmt.Errorf("expiry option %s: %w (deleted with keys %q and %q)", compact, ErrStillListed, compact, listed.Value)
	}
	c.expiry.learnKeyForm(keyFormDisplay)
	return nil
}

// deleteExpiryKey sends one DELETE /settings/expiry-options/{key}.
func (c *Client) deleteExpiryKey(ctx context.Context, key string) error {
	return c.write(ctx, http.MethodDelete, c.orgPath("settings", "expiry-options", key), nil, nil, c.expiryOptionsPath())
}

// expiryOptionListed lists the presets (a fresh list when this client
// wrote one since the last) and returns the one of this time and unit.
func (c *Client) expiryOptionListed(ctx context.Context, time int64, unit string) (Duration, bool, error) {
	options, err := c.ListExpiryOptions(ctx)
	if err != nil {
		return Duration{}, false, err
	}
	option, listed := findExpiryOption(options, ExpiryKey(time, unit))
	return option, listed, nil
}

// keyNotTaken reports whether a delete's error may only mean that P0 reads
// keys in another form: it did not find the key (404) or did not accept it
// (400).
func keyNotTaken(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusNotFound || apiErr.StatusCode == http.StatusBadRequest)
}

func ignoreNotFound(err error) error {
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// IsUnsupportedRead reports whether a failed read means that P0 has no
// such read: the settings documents describe none, so 404 and 405 are what
// a P0 without them answers, rather than errors.
func IsUnsupportedRead(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusNotFound || apiErr.StatusCode == http.StatusMethodNotAllowed)
}
