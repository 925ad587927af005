package p0

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
)

// How this P0 takes routing rules, which the client learns as it goes, once
// per Client (one provider process), and never unlearns:
//
//   - The spelling of the fields whose names have two: the documents'
//     snake_case until P0 shows that it takes camelCase, by refusing a
//     field by name (400) or by answering without values that were sent.
//     The write P0 refused or stripped is then sent again in camelCase.
//   - The routes: the documents' /routing reads until P0 answers GET
//     /routing 404, which the documents never give: the deprecated reads are
//     gone, and /policy/latest and /policy/name/{name} serve instead. Saves
//     stay POST /routing.
//
// On a P0 that answers as the documents say, neither costs a request.
type routingDialect struct {
	spelling atomic.Int32 // a Spelling
	routes   atomic.Int32 // a routeFamily
}

// routeFamily is the set of routes the client reads and writes rules by.
type routeFamily int32

const (
	routesUnknown routeFamily = iota // the documents' routes, not confirmed yet
	routesRouting                    // the documents' routes, which P0 has served
	routesPolicy                     // /policy/latest and /policy/name/{name}
)

// writeSpelling is the spelling writes use now.
func (c *Client) writeSpelling() Spelling { return Spelling(c.dialect.spelling.Load()) }

// learnCamelCase switches writes to camelCase, for reason.
func (c *Client) learnCamelCase(ctx context.Context, reason string) {
	if c.dialect.spelling.CompareAndSwap(int32(SnakeCase), int32(CamelCase)) {
		c.logger.Info(ctx, "P0 takes routing fields in camelCase; writing them so from now on", map[string]any{"reason": reason})
	}
}

// routes is the family of routes in use now.
func (c *Client) routes() routeFamily { return routeFamily(c.dialect.routes.Load()) }

// learnRoutes records which family P0 serves, after a GET /routing that
// succeeded or answered 404.
func (c *Client) learnRoutes(ctx context.Context, family routeFamily) {
	if c.dialect.routes.Load() == int32(family) {
		return
	}
	if family == routesPolicy {
		c.dialect.routes.Store(int32(routesPolicy))
		c.logger.Info(ctx, "P0 answered GET /routing with 404: reading routing rules through /policy from now on", nil)
		return
	}
	c.dialect.routes.CompareAndSwap(int32(routesUnknown), int32(family))
}

// spellingCheck is what a write in the documents' spelling showed: P0
// refused a field by name (refused), or stored the write without values
// that were sent (refused is nil). Either may be the spelling, which a
// write in camelCase then tells.
type spellingCheck struct {
	reason  string
	refused *key
}

// checkSpelling reports whether a write of sent in snake_case, answered
// got or err, may have failed on the spelling: a 400 whose message names a
// field of sent (an object or a list of them) whose name has two
// spellings, or an answer that lacks a value sent under such a field.
func checkSpelling(err error, sent, got any) (spellingCheck, bool) {
	if err == nil {
		have := spelledValues(got)
		for _, value := range spelledValues(sent) {
			if !slices.ContainsFunc(have, func(h spelledValue) bool { return h.path == value.path }) {
				return spellingCheck{reason: "P0's answer lacks " + value.path + ", which was sent"}, true
			}
		}
		return spellingCheck{}, false
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest {
		return spellingCheck{}, false
	}
	for _, value := range spelledValues(sent) {
		if strings.Contains(apiErr.Message, value.key.snake) {
			return spellingCheck{reason: fmt.Sprintf("P0 refused the field %s: %s", value.key.snake, apiErr.Message), refused: &value.key}, true
		}
	}
	return spellingCheck{}, false
}

// settle learns from the same write sent again in camelCase (answered
// again, or againErr) whether P0 takes that spelling, and returns the error
// that stands, or nil when the write in camelCase landed.
//
// P0 takes camelCase when the write landed with every value sent, or when
// P0 refused it for something other than the field it refused in
// snake_case. When it refuses that field in camelCase too, the field's
// value was the matter, not its name: nothing is learned, and P0's first
// answer, which spoke of the value in the documents' spelling, stands.
func (c *Client) settle(ctx context.Context, check spellingCheck, firstErr error, sent, again any, againErr error) error {
	if againErr == nil {
		if _, stripped := checkSpelling(nil, sent, again); !stripped {
			c.learnCamelCase(ctx, check.reason)
		}
		return nil
	}
	var apiErr *APIError
	if check.refused == nil || !errors.As(againErr, &apiErr) || apiErr.StatusCode != http.StatusBadRequest {
		return againErr
	}
	if strings.Contains(apiErr.Message, check.refused.camel) {
		return firstErr
	}
	c.learnCamelCase(ctx, check.reason)
	return againErr
}

// spelledValue is a field whose name has two spellings and which holds a
// value: its key, at its path in the documents' spelling.
type spelledValue struct {
	path string
	key  key
}

// spelledValues lists the fields in v (an object or a list of them), at
// every depth, that hold a value and whose names have two spellings.
func spelledValues(v any) []spelledValue {
	var visit func(at string, o wireObject) []spelledValue
	visit = func(at string, o wireObject) []spelledValue {
		var found []spelledValue
		for _, f := range o.fields() {
			if f.key.spelt() && !isEmpty(f.get()) {
				found = append(found, spelledValue{path: at + f.key.snake, key: f.key})
			}
			found = append(found, inObjects(at+f.key.snake, f.get(), func(at string, inner wireObject) []spelledValue {
				return visit(at+".", inner)
			})...)
		}
		return found
	}
	return inObjects("", reflect.ValueOf(v), visit)
}
