package p0

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

var (
	// ErrNotFound matches any *APIError with status 404.
	ErrNotFound = errors.New("not found")
	// ErrConflict matches any *APIError with status 409: the object already
	// exists, or a version was stale.
	ErrConflict = errors.New("conflict")
	// ErrMalformedResponse wraps a successful status whose body could not be
	// read as the documented JSON.
	ErrMalformedResponse = errors.New("malformed response from P0")
)

// ErrCredentialsRefused matches a request the client did not send, or
// whose refusal it did not report again, because P0 had already refused
// the credentials (401 or 403) earlier in the client's life, which is one
// Terraform operation: see CredentialsRefusedError.
var ErrCredentialsRefused = errors.New("P0 refused the credentials earlier in this operation")

// CredentialsRefusedError is ErrCredentialsRefused with P0's first refusal,
// which was reported in full.
type CredentialsRefusedError struct {
	First *APIError
}

func (e *CredentialsRefusedError) Error() string {
	return fmt.Sprintf("not sent: P0 refused the API key earlier in this operation (%d %s)",
		e.First.StatusCode, http.StatusText(e.First.StatusCode))
}

func (e *CredentialsRefusedError) Unwrap() error { return ErrCredentialsRefused }

// refusesCredentials reports whether a status says the API key is wrong
// for the organization: whatever else the operation sends meets the same.
func refusesCredentials(status int) bool {
	return status == http.StatusUnauthorized || status == http.StatusForbidden
}

// APIError is an error status from P0. Message is P0's own "error" text, or
// a short excerpt of the body when it was not JSON (an HTML page from a proxy,
// for example).
type APIError struct {
	Method     string
	Path       string
	StatusCode int
	Message    string
	// Attempts is how many times the request was sent; more than one means
	// the final status followed retries.
	Attempts int
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %d %s", e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts)", e.Attempts)
	}
	return b.String()
}

// Is lets errors.Is(err, ErrNotFound) and errors.Is(err, ErrConflict) match
// on the status code.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	}
	return false
}

// Retryable reports whether the status is one the client retries (throttling
// and server errors), so callers can suggest trying again later.
func (e *APIError) Retryable() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.StatusCode >= 500
}

// UncertainSubmissionError is a failed request that must not be made twice
// (an access request), after which P0 may have taken it all the same: a
// server error, a timeout, an answer lost or cut short. It was not sent
// again.
type UncertainSubmissionError struct{ Err error }

func (e *UncertainSubmissionError) Error() string { return e.Err.Error() }
func (e *UncertainSubmissionError) Unwrap() error { return e.Err }

// uncertainUnlessRefused is err, or an *UncertainSubmissionError when P0
// may have taken the request despite err: not when P0 refused it (a 4xx,
// or 503: unavailable) or nothing was sent (a refused key earlier, no
// connection).
func uncertainUnlessRefused(err error) error {
	var apiErr *APIError
	var refused *CredentialsRefusedError
	switch {
	case errors.As(err, &apiErr) && (apiErr.StatusCode < 500 || notHandled(apiErr.StatusCode)),
		errors.As(err, &refused),
		neverSent(err):
		return err
	}
	return &UncertainSubmissionError{Err: err}
}
