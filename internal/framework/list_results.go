package framework

import (
	"context"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
)

// What every list resource (`terraform query`, Terraform 1.14+) shares:
// each makes one read for the whole list, turns what it found into the
// state models its resource stores, and streams them as results: the
// identity and a display name always, the resource object when the query
// asks for it (include_resource, or -generate-config-out).

// Found is one object a list resource found.
type Found struct {
	DisplayName string
	// model is the state the resource would hold after importing the
	// object; it also gives the identity.
	Model Identified
	// warnings are about this object alone, for its result.
	Warnings diag.Diagnostics
}

// listResults streams objects as list results, at most req.Limit of them
// when the query sets a limit.
func listResults(ctx context.Context, req list.ListRequest, objects []Found) iter.Seq[list.ListResult] {
	return func(push func(list.ListResult) bool) {
		for i, object := range objects {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			result := req.NewListResult(ctx)
			result.DisplayName = object.DisplayName
			result.Diagnostics.Append(object.Warnings...)
			SetIdentity(ctx, result.Identity, object.Model.Identity(), &result.Diagnostics)
			if req.IncludeResource {
				result.Diagnostics.Append(result.Resource.Set(ctx, object.Model)...)
			}
			if !push(result) {
				return
			}
		}
	}
}

// ListObjects is a List: it checks the client, decodes the query's
// configuration into the filter F, reads what the filter allows with read,
// and streams what read found. A List has no diagnostics of its own, so
// the operation collects them for the stream.
func ListObjects[F any](ctx context.Context, b Base, req list.ListRequest, stream *list.ListResultsStream, summary string,
	read func(ctx context.Context, filter F, op Operation) []Found) {
	filter, op := Begin[F](ctx, b, req.Config, &diag.Diagnostics{}, summary)
	var objects []Found
	if !op.Failed() {
		objects = read(ctx, filter, op)
	}
	endList(ctx, req, stream, op, objects)
}

// endList streams the objects found, after what op reported (a warning
// that leaves a list incomplete); after an error, it streams only that.
func endList(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream, op Operation, objects []Found) {
	reported := list.ListResultsStreamDiagnostics(*op.Diags)
	if len(*op.Diags) == 0 {
		reported = list.NoListResults
	}
	if op.Failed() {
		stream.Results = reported
		return
	}
	results := listResults(ctx, req, objects)
	stream.Results = func(push func(list.ListResult) bool) {
		for result := range reported {
			if !push(result) {
				return
			}
		}
		results(push)
	}
}
