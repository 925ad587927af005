package p0mock

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"
)

// maxBodyBytes bounds request bodies; P0's bodies are a few kilobytes.
const maxBodyBytes = 1 << 20

// apiRequest is a request whose body has been read and checked to be a JSON
// object (or empty).
type apiRequest struct {
	*http.Request
	body []byte
}

// readRequest reads the body of POST and PUT requests to an endpoint and
// rejects anything that is not a single JSON object sent as
// application/json. Other methods' bodies are ignored, as P0 ignores them,
// and so are the bodies of requests that matched no endpoint, which are
// answered 404 or 405 whatever they carry.
func readRequest(r *http.Request) (*apiRequest, error) {
	req := &apiRequest{Request: r}
	if r.Pattern == "" || (r.Method != http.MethodPost && r.Method != http.MethodPut) {
		return req, nil
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil {
		return nil, badRequest("reading the request body: %v", err)
	}
	if len(body) > maxBodyBytes {
		return nil, newAPIError(http.StatusRequestEntityTooLarge, "request body exceeds %d bytes", maxBodyBytes)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return req, nil
	}
	if err := checkJSONContentType(r.Header.Get("Content-Type")); err != nil {
		return nil, err
	}
	if err := checkJSONObject(body); err != nil {
		return nil, err
	}
	req.body = body
	return req, nil
}

func checkJSONContentType(contentType string) error {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil || mediaType != "application/json" {
		return newAPIError(http.StatusUnsupportedMediaType,
			"Content-Type must be application/json, got %q", contentType)
	}
	return nil
}

// checkJSONObject rejects bodies that are not one well-formed JSON object,
// saying what was wrong.
func checkJSONObject(body []byte) error {
	if !json.Valid(body) {
		var syntaxErr *json.SyntaxError
		if err := json.Unmarshal(body, new(any)); errors.As(err, &syntaxErr) {
			return badRequest("request body is not valid JSON: %v at offset %d", syntaxErr, syntaxErr.Offset)
		}
		return badRequest("request body is not valid JSON")
	}
	if kind := jsonKind(body); kind != "object" {
		return badRequest("request body must be a JSON object, got %s", kind)
	}
	return nil
}

// jsonKind names the kind of a valid JSON value from its first byte.
func jsonKind(valid []byte) string {
	switch bytes.TrimSpace(valid)[0] {
	case '{':
		return "object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

// decode fills v from the body, which must be present. Unknown fields are
// refused so that a client sending a misspelt field name finds out.
func (req *apiRequest) decode(v any) error {
	if req.body == nil {
		return badRequest("request body is required")
	}
	return req.decodeOptional(v)
}

// decodeOptional is decode for endpoints whose body may be omitted; an
// omitted body leaves v untouched.
func (req *apiRequest) decodeOptional(v any) error {
	if req.body == nil {
		return nil
	}
	decoder := json.NewDecoder(bytes.NewReader(req.body))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(v); err != nil {
		return badRequest("request body: %s", describeDecodeError(err))
	}
	return nil
}

// decodeLenient is decode, taking fields v does not have without a word
// where lenient is set.
func (req *apiRequest) decodeLenient(v any, lenient bool) error {
	if !lenient {
		return req.decode(v)
	}
	if req.body == nil {
		return badRequest("request body is required")
	}
	if err := json.Unmarshal(req.body, v); err != nil {
		return badRequest("request body: %s", describeDecodeError(err))
	}
	return nil
}

// expectNoFields refuses any field in the body of endpoints that take none.
func (req *apiRequest) expectNoFields() error {
	return req.decodeOptional(&struct{}{})
}

// describeDecodeError rewords encoding/json errors for API users.
func describeDecodeError(err error) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		if typeErr.Field == "" {
			return fmt.Sprintf("expected %s, got %s", jsonTypeName(typeErr.Type), typeErr.Value)
		}
		return fmt.Sprintf("field %s must be %s, got %s", typeErr.Field, jsonTypeName(typeErr.Type), typeErr.Value)
	}
	if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return "unknown field " + field
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonTypeName says which JSON type a Go type is decoded from.
func jsonTypeName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	default:
		return "an object"
	}
}
