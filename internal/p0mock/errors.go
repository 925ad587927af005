package p0mock

import (
	"fmt"
	"net/http"
)

// apiError is an error the API answers with: the status and the message of
// the {"error": ...} body.
type apiError struct {
	status  int
	message string
}

func (e *apiError) Error() string { return e.message }

func newAPIError(status int, format string, args ...any) error {
	return &apiError{status: status, message: fmt.Sprintf(format, args...)}
}

func badRequest(format string, args ...any) error {
	return newAPIError(http.StatusBadRequest, format, args...)
}

func notFound(format string, args ...any) error {
	return newAPIError(http.StatusNotFound, format, args...)
}

func conflict(format string, args ...any) error {
	return newAPIError(http.StatusConflict, format, args...)
}

func methodNotAllowed(format string, args ...any) error {
	return newAPIError(http.StatusMethodNotAllowed, format, args...)
}
