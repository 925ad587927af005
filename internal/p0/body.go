package p0

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

const (
	// maxResponseBytes bounds what the client reads from one response, so a
	// misbehaving server or proxy cannot exhaust memory.
	maxResponseBytes = 8 << 20
	// excerptRunes bounds how much of an unexpected body an error quotes.
	excerptRunes = 200
)

// readBody reads at most maxResponseBytes and reports a body that is larger.
func readBody(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxResponseBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading response body: %w", err)
	}
	if len(data) > maxResponseBytes {
		return nil, fmt.Errorf("%w: body exceeds %d bytes", ErrMalformedResponse, maxResponseBytes)
	}
	return data, nil
}

// decodeBody decodes a successful response into out. Writes that answer
// {"ok": true} (out is *okResponse) may also answer with an empty body, or
// 204; every other answer carries the object asked for, so an empty body or
// a JSON null is an error rather than a zero value. An error quotes the
// start of the body with every occurrence of secret (the API token, or ""
// for none) replaced: see redact.
func decodeBody(data []byte, out any, secrets ...string) error {
	if out == nil {
		return nil
	}
	if text := strings.TrimSpace(string(data)); text == "" || text == "null" {
		if _, ok := out.(interface{ emptyAnswerAllowed() }); ok {
			return nil
		}
		if text == "" {
			return fmt.Errorf("%w: the body is empty", ErrMalformedResponse)
		}
		return fmt.Errorf("%w: the body is null", ErrMalformedResponse)
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("%w: %v; body starts with %q", ErrMalformedResponse, err, excerpt(redact(data, secrets...)))
	}
	return nil
}

// redactedText replaces the secret in bodies quoted by errors.
const redactedText = "[redacted]"

// redact replaces every occurrence of secret in a body before any of it is
// quoted: a proxy or debugging endpoint may echo the request, Authorization
// header included, in its error page. Redacting the whole body first means
// that cutting the quote short cannot leave part of the secret behind.
func redact(data []byte, secrets ...string) []byte {
	for _, secret := range secrets {
		if secret != "" {
			data = bytes.ReplaceAll(data, []byte(secret), []byte(redactedText))
		}
	}
	return data
}

// hideSecret is text, decoded from P0's answer, without the secret: JSON
// escapes can spell the secret so that redacting the body missed it.
func hideSecret(text string, secrets ...string) string {
	for _, secret := range secrets {
		if secret != "" {
			text = strings.ReplaceAll(text, secret, redactedText)
		}
	}
	return text
}

// quotedMessage is errorMessage without the secret, whether the body has it
// literally or spelled with JSON escapes that decoding resolves.
func quotedMessage(data []byte, secrets ...string) string {
	return hideSecret(errorMessage(redact(data, secrets...)), secrets...)
}

// quotedJSON is excerpt of a JSON value without the secret, however the
// value spells it: encoding it again resolves its escapes first.
func quotedJSON(data []byte, secrets ...string) string {
	var value any
	if json.Unmarshal(data, &value) == nil {
		if plain, err := json.Marshal(value); err == nil {
			data = plain
		}
	}
	return excerpt(redact(data, secrets...))
}

// errorMessage extracts P0's {"error": "..."} text from an error body, or
// quotes the start of a body that is not that JSON.
func errorMessage(data []byte) string {
	var body struct {
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(data, &body); err == nil {
		if body.Error != "" {
			return body.Error
		}
		if body.Message != "" {
			return body.Message
		}
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return ""
	}
	return fmt.Sprintf("non-JSON response: %q", excerpt(data))
}

// excerpt returns the first excerptRunes runes of data with whitespace runs
// collapsed, so that an HTML page reads as one short line.
func excerpt(data []byte) string {
	text := strings.Join(strings.Fields(string(data)), " ")
	if utf8.RuneCountInString(text) <= excerptRunes {
		return text
	}
	runes := []rune(text)
	return string(runes[:excerptRunes]) + "…"
}
