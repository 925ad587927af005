package p0mock

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
)

// reply is a complete answer, built before anything is written so that the
// request log knows the status and a lost-response fault can throw it away
// after the change is committed.
type reply struct {
	status int
	header http.Header
	body   []byte
	fault  string // set when a fault answers, or loses the answer
	// stream, when set, writes the whole answer as it comes, after the
	// lock is released: an answer that lasts (see streamDecision).
	stream func(http.ResponseWriter, *http.Request)
}

// errorBody is the body of every error answer.
type errorBody struct {
	Error string `json:"error"`
}

// okBody is the {"ok": true} body many writes answer with.
type okBody struct {
	OK bool `json:"ok"`
}

// jsonReply encodes v as the body. Encoding happens at once, while the
// caller still holds the state lock, so the body never aliases state.
func jsonReply(status int, v any) reply {
	body, err := json.Marshal(v)
	if err != nil {
		return errorReply(newAPIError(http.StatusInternalServerError, "encoding the response: %v", err))
	}
	header := http.Header{}
	header.Set("Content-Type", "application/json")
	return reply{status: status, header: header, body: body}
}

// errorReply turns err into {"error": ...}; errors that are not apiErrors
// are server bugs and answer 500.
func errorReply(err error) reply {
	status := http.StatusInternalServerError
	var apiErr *apiError
	if errors.As(err, &apiErr) {
		status = apiErr.status
	}
	return jsonReply(status, errorBody{Error: err.Error()})
}

func htmlReply(status int, html string) reply {
	header := http.Header{}
	header.Set("Content-Type", "text/html")
	return reply{status: status, header: header, body: []byte(html)}
}

func noContentReply() reply {
	return reply{status: http.StatusNoContent, header: http.Header{}}
}

// respondJSON, respondOK and respondNoContent are the success returns of
// endpoints.
func respondJSON(v any) (reply, error) { return jsonReply(http.StatusOK, v), nil }

func respondOK() (reply, error) { return respondJSON(okBody{OK: true}) }

func respondNoContent() (reply, error) { return noContentReply(), nil }

func (rep reply) write(w http.ResponseWriter) {
	for name, values := range rep.header {
		w.Header()[name] = values
	}
	if len(rep.body) > 0 {
		w.Header().Set("Content-Length", strconv.Itoa(len(rep.body)))
	}
	w.WriteHeader(rep.status)
	_, _ = w.Write(rep.body) // the client may be gone; nothing left to tell it
}
