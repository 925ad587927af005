// Package p0mock is a stateful fake of the P0 Security API, served as an
// http.Handler.
//
// It backs the provider's unit and acceptance tests (in process) and
// `make demo` (standalone, see cmd/p0mock). It is deliberately as strict as
// the real API, and stricter where that catches client mistakes early:
// bearer-token auth and the organization in the path are checked on every
// request, request bodies must be JSON objects with no unknown fields, the
// AWS component lifecycle (stage, verify, configure) is enforced, and every
// error is a JSON body {"error": "..."} with a fitting status.
//
// Tests can also make the transport misbehave (throttling, 503 pages from a
// proxy, answers lost after the change was committed, latency, one-off
// failures), inspect the log of every request, and read or change the state
// behind the client's back to simulate drift.
package p0mock
