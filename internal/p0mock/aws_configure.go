package p0mock

import (
	"encoding/json"
	"regexp"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// configureRequest is the body of POST .../{component}/{id}/configure.
// Pointers tell a field left out from one sent empty. Fields the documents
// do not list are kept as sent (others), at every depth: P0 holds more
// than its documents list.
type configureRequest struct {
	State             string       `json:"state"`
	Label             *string      `json:"label"`
	AccessAnalyzerArn *string      `json:"accessAnalyzerArn"`
	CloudLakeArn      *string      `json:"cloudLakeArn"`
	Login             *p0.AWSLogin `json:"login"`
	others            map[string]json.RawMessage
}

// decodeConfigure reads the body of a configure.
func decodeConfigure(req *apiRequest) (configureRequest, error) {
	var body configureRequest
	if req.body == nil {
		return body, badRequest("request body is required")
	}
	if err := json.Unmarshal(req.body, &body); err != nil {
		return body, badRequest("request body: %s", describeDecodeError(err))
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(req.body, &fields); err != nil {
		return body, badRequest("request body: %s", describeDecodeError(err))
	}
	for name, value := range fields {
		switch name {
		case "state", "label", "accessAnalyzerArn", "cloudLakeArn", "login":
		default:
			if body.others == nil {
				body.others = map[string]json.RawMessage{}
			}
			body.others[name] = value
		}
	}
	return body, nil
}

// configurationFields names, for each component that has one, the field it
// requires besides the optional label. Other components take only label.
var configurationFields = map[string]string{
	p0.ComponentIAMAssessment: "accessAnalyzerArn",
	p0.ComponentIAMWrite:      "login",
	p0.ComponentAccessLogs:    "cloudLakeArn",
}

var (
	accessAnalyzerARNPattern = regexp.MustCompile(`^arn:aws[a-z-]*:access-analyzer:\S+$`)
	cloudTrailARNPattern     = regexp.MustCompile(`^arn:aws[a-z-]*:cloudtrail:\S+$`)
)

// installedItem checks the body against component and returns the item it
// configures. Fields not sent are not kept from before: configuring
// replaces the whole configuration.
func (body configureRequest) installedItem(component string) (p0.AWSItem, error) {
	if err := body.checkFieldsFor(component); err != nil {
		return p0.AWSItem{}, err
	}
	if err := body.checkValues(); err != nil {
		return p0.AWSItem{}, err
	}
	return p0.AWSItem{
		State:             p0.StateInstalled,
		Label:             valueOrZero(body.Label),
		AccessAnalyzerArn: valueOrZero(body.AccessAnalyzerArn),
		CloudLakeArn:      valueOrZero(body.CloudLakeArn),
		Login:             clonePointer(body.Login),
		Unmanaged:         body.others,
	}, nil
}

// checkFieldsFor refuses fields that belong to another component and
// requires the one that belongs to this component.
func (body configureRequest) checkFieldsFor(component string) error {
	sent := []struct {
		name    string
		present bool
	}{
		{"accessAnalyzerArn", body.AccessAnalyzerArn != nil},
		{"cloudLakeArn", body.CloudLakeArn != nil},
		{"login", body.Login != nil},
	}
	required := configurationFields[component]
	for _, field := range sent {
		switch {
		case field.present && field.name != required:
			return badRequest("%s does not apply to component %s", field.name, component)
		case !field.present && field.name == required:
			return badRequest("%s is required for component %s", field.name, component)
		}
	}
	return nil
}

func (body configureRequest) checkValues() error {
	if arn := body.AccessAnalyzerArn; arn != nil && !accessAnalyzerARNPattern.MatchString(*arn) {
		return badRequest("accessAnalyzerArn must be an IAM Access Analyzer ARN (arn:aws:access-analyzer:...); got %q", *arn)
	}
	if arn := body.CloudLakeArn; arn != nil && !cloudTrailARNPattern.MatchString(*arn) {
		return badRequest("cloudLakeArn must be a CloudTrail Lake ARN (arn:aws:cloudtrail:...); got %q", *arn)
	}
	if body.Login != nil {
		return checkLogin(*body.Login)
	}
	return nil
}

// checkLogin checks the sign-in: its type, and the identity of the
// sign-ins the documents describe it for. P0 knows more sign-ins than the
// documents (merged-idc and federated take no identity) and more identity
// types; those are taken as they are.
func checkLogin(login p0.AWSLogin) error {
	if login.Type == "" {
		return badRequest("login.type is required")
	}
	identity := login.Identity
	if identity == nil {
		if login.Type == "iam" || login.Type == "idc" {
			return badRequest("login.identity is required when login.type is %s", login.Type)
		}
		return nil
	}
	if identity.Type == "" {
		return badRequest("login.identity.type is required")
	}
	byTag := identity.Type == "tag"
	switch {
	case byTag && identity.TagName == "":
		return badRequest("login.identity.tagName is required when login.identity.type is tag")
	case !byTag && identity.TagName != "":
		return badRequest("login.identity.tagName is only allowed when login.identity.type is tag")
	}
	return nil
}

// valueOrZero dereferences p, treating nil as the zero value.
func valueOrZero[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
