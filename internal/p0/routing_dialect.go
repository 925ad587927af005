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

// spellingRefused reports whether err is P0 refusing a body because of how
// it spells a field: a 400 whose message names a field of sent (an object
// or a list of them, written in snake_case) whose name has two spellings.
func spellingRefused(err error, sent any) (string, bool) {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest {
		return "", false
	}
	for _, name := range spelledNames(sent) {
		if strings.Contains(apiErr.Message, name) {
			return fmt.Sprintf("P0 refused the field %s: %s", name, apiErr.Message), true
		}
	}
	return "", false
}

// spellingStripped reports whether P0's answer got lacks a value that sent
// held under a field whose name has two spellings: P0 dropped a field it
// does not know by that spelling.
func spellingStripped(sent, got any) (string, bool) {
	have := spelledFields(got)
	for _, path := range spelledFields(sent) {
		if !slices.Contains(have, path) {
			return "P0's answer lacks " + path + ", which was sent", true
		}
	}
	return "", false
}

// spelledNames lists, in snake_case, the names of the fields in v (an
// object or a list of them), at every depth, that hold a value and whose
// names have two spellings.
func spelledNames(v any) []string {
	var names []string
	for _, path := range spelledFields(v) {
		name := path[strings.LastIndexAny(path, ".]")+1:]
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}

// spelledFields lists the paths of the fields in v (an object or a list of
// them), at every depth, that hold a value and whose names have two
// spellings.
func spelledFields(v any) []string {
	var visit func(at string, o wireObject) []string
	visit = func(at string, o wireObject) []string {
		var paths []string
		for _, f := range o.fields() {
			if f.key.spelt() && !isEmpty(f.get()) {
				paths = append(paths, at+f.key.snake)
			}
			paths = append(paths, inObjects(at+f.key.snake, f.get(), func(at string, inner wireObject) []string {
				return visit(at+".", inner)
			})...)
		}
		return paths
	}
	return inObjects("", reflect.ValueOf(v), visit)
}
