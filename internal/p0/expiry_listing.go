package p0

import (
	"context"
	"slices"
	"sync"
)

// expiryListing remembers the latest list of expiry options this client
// received, and which options it has written since, so that whether an
// option was there before this client created it can be told without a
// list per create (see ExpiryOptionListed).
type expiryListing struct {
	mu      sync.Mutex
	clock   uint64            // counts lists and the starts and ends of writes
	options []Duration        // the latest list; nil before the first
	at      uint64            // clock when that list was sent
	written map[string]uint64 // by option key: clock at the last start or end of a write of it
	form    expiryKeyForm     // how P0 reads the key of a delete, once seen
	// learning is held by the delete finding out form (see keyFormOrTurn).
	learning chan struct{}
}

func newExpiryListing() *expiryListing {
	return &expiryListing{written: map[string]uint64{}, learning: make(chan struct{}, 1)}
}

// now is the clock for a list about to be sent.
func (l *expiryListing) now() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.clock++
	return l.clock
}

// received keeps options, sent at clock at, unless a later list is kept.
func (l *expiryListing) received(options []Duration, at uint64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if at > l.at {
		l.options, l.at = slices.Clone(options), at
	}
}

// writing marks the option key as changing; call the returned function
// once the write's answer is in. A key of "" forgets every list (a reset).
func (l *expiryListing) writing(key string) (done func()) {
	mark := func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.clock++
		if key == "" {
			l.options, l.at = nil, 0
			return
		}
		l.written[key] = l.clock
	}
	mark()
	return mark
}

// listedBefore answers from the latest list whether it holds the option,
// when this client has not written the option since that list was sent.
func (l *expiryListing) listedBefore(key string) (listed, known bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.options == nil || l.written[key] > l.at {
		return false, false
	}
	_, listed = findExpiryOption(l.options, key)
	return listed, true
}

// findExpiryOption is the option with this key among options.
func findExpiryOption(options []Duration, key string) (Duration, bool) {
	i := slices.IndexFunc(options, func(d Duration) bool { return ExpiryKey(d.Time, d.Unit) == key })
	if i < 0 {
		return Duration{}, false
	}
	return options[i], true
}

// ExpiryOptionListed reports whether P0 lists the option, for a caller
// about to create it. It answers from the latest list this client received
// when the client has not written that option since; otherwise it lists.
// Creating the options of a configuration in parallel thus costs one list,
// not one per option; the answer may be as old as the operation, which
// only matters if something else creates the same option meanwhile.
func (c *Client) ExpiryOptionListed(ctx context.Context, time int64, unit string) (bool, error) {
	if listed, known := c.expiry.listedBefore(ExpiryKey(time, unit)); known {
		return listed, nil
	}
	options, err := c.ListExpiryOptions(ctx)
	if err != nil {
		return false, err
	}
	_, listed := findExpiryOption(options, ExpiryKey(time, unit))
	return listed, nil
}

// keyForm is the form of delete key this client has seen P0 take.
func (l *expiryListing) keyForm() expiryKeyForm {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.form
}

// keyFormOrTurn returns the key form once known. While it is not, it waits
// for its turn to find it out, and returns keyFormUnknown with release,
// which the caller calls when done; other callers wait until then, and
// find the form known unless that caller could not tell it.
func (l *expiryListing) keyFormOrTurn(ctx context.Context) (form expiryKeyForm, release func(), err error) {
	if form := l.keyForm(); form != keyFormUnknown {
		return form, func() {}, nil
	}
	select {
	case l.learning <- struct{}{}:
	case <-ctx.Done():
		return keyFormUnknown, nil, ctx.Err()
	}
	release = func() { <-l.learning }
	if form := l.keyForm(); form != keyFormUnknown {
		release()
		return form, func() {}, nil
	}
	return keyFormUnknown, release, nil
}

func (l *expiryListing) learnKeyForm(form expiryKeyForm) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.form = form
}

// displayValue is the display value of the option with this key in the
// latest list, whatever was written since: it depends only on the
// option's time and unit.
func (l *expiryListing) displayValue(key string) (string, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	option, listed := findExpiryOption(l.options, key)
	return option.Value, listed && option.Value != ""
}
