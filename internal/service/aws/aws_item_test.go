package aws

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func TestParseAWSItemID(t *testing.T) {
	valid := map[string]awsItemTarget{
		"iam-write/123456789012":                             newAWSItemTarget(p0.ComponentIAMWrite, "123456789012"),
		"inventory/000000000001":                             newAWSItemTarget(p0.ComponentInventory, "000000000001"),
		"function-caller/" + acctest.TestLambdaARN:           newAWSItemTarget(p0.ComponentFunctionCaller, acctest.TestLambdaARN),
		"function-caller/" + acctest.TestLambdaARN + ":live": newAWSItemTarget(p0.ComponentFunctionCaller, acctest.TestLambdaARN+":live"),
	}
	for id, want := range valid {
		got, err := parseAWSItemID(id)
		if err != nil {
			t.Errorf("parseAWSItemID(%q): %v", id, err)
			continue
		}
		if got != want || got.ID.ValueString() != id {
			t.Errorf("parseAWSItemID(%q) = %+v, want %+v", id, got, want)
		}
	}

	invalid := map[string]string{
		"iam-write":                           `no "/"`,
		"/123456789012":                       `no "/"`,
		"iam-write/":                          `no "/"`,
		"base/123456789012":                   `"base" is not a component that can be managed`,
		"iam-read/123456789012":               `"iam-read" is not a component`,
		"iam-write/12345678901":               `12-digit AWS account ID`,
		"inventory/" + acctest.TestLambdaARN:  `12-digit AWS account ID`,
		"function-caller/123456789012":        `Lambda function ARN`,
		"function-caller/arn:aws:s3:::bucket": `Lambda function ARN`,
	}
	for id, want := range invalid {
		_, err := parseAWSItemID(id)
		if err == nil {
			t.Errorf("parseAWSItemID(%q) succeeded", id)
			continue
		}
		for _, part := range []string{want, `"<component>/<account_id>"`, `"function-caller/<function_arn>"`} {
			if !strings.Contains(err.Error(), part) {
				t.Errorf("parseAWSItemID(%q) = %q, want it to contain %q", id, err, part)
			}
		}
	}
}

func TestAWSIdentifierPatterns(t *testing.T) {
	cases := []struct {
		name    string
		pattern *regexp.Regexp
		valid   []string
		invalid []string
	}{
		{"account", p0.AccountIDPattern,
			[]string{"123456789012", "000000000000"},
			[]string{"12345678901", "1234567890123", "12345678901a", " 123456789012"}},
		{"lambda", p0.LambdaARNPattern,
			[]string{acctest.TestLambdaARN, acctest.TestLambdaARN + ":3", acctest.TestLambdaARN + ":$LATEST", "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f"},
			[]string{"arn:aws:lambda:us-east-1:12345678901:function:f", "arn:aws:lambda:us-east-1:123456789012:layer:f", "arn:aws:iam::123456789012:role/r", "p0-notify"}},
		{"access analyzer", accessAnalyzerARNPattern, []string{acctest.TestAnalyzerA, acctest.TestAnalyzerB, "arn:aws-cn:access-analyzer:cn-north-1:123456789012:analyzer/a.b_c-d"},
			[]string{"arn:aws:access-analyzer:us-east-1:123456789012:analyzer/", "arn:aws:access-analyzer:us-east-1:123456789012:archive-rule/x", "arn:aws:iam::123456789012:role/r"}},
		{"cloudtrail lake", cloudTrailLakeARNPattern, []string{acctest.TestCloudLakeA, acctest.TestCloudLakeB},
			[]string{"arn:aws:cloudtrail:us-east-1:123456789012:trail/management", "arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/", acctest.TestAnalyzerA}},
	}
	for _, tc := range cases {
		for _, s := range tc.valid {
			if !tc.pattern.MatchString(s) {
				t.Errorf("%s pattern refuses %q", tc.name, s)
			}
		}
		for _, s := range tc.invalid {
			if tc.pattern.MatchString(s) {
				t.Errorf("%s pattern accepts %q", tc.name, s)
			}
		}
	}
}

func TestAWSItemTargetDescribesWhereTheItemLives(t *testing.T) {
	account := newAWSItemTarget(p0.ComponentIAMWrite, "123456789012")
	if got := account.describe(); got != `AWS component "iam-write" in account 123456789012` {
		t.Errorf("describe() = %q", got)
	}
	if got := account.account(); got != "123456789012" {
		t.Errorf("account() = %q", got)
	}
	function := newAWSItemTarget(p0.ComponentFunctionCaller, acctest.TestLambdaARN)
	if got := function.describe(); got != `AWS component "function-caller" for Lambda function `+acctest.TestLambdaARN {
		t.Errorf("describe() = %q", got)
	}
	if got := function.account(); got != "222222222222" {
		t.Errorf("account() of a function = %q, want the account in its ARN", got)
	}
	if !function.AccountID.IsNull() || function.FunctionARN.ValueString() != acctest.TestLambdaARN {
		t.Errorf("function target = %+v, want only function_arn set", function)
	}
	planned := awsItemTarget{ID: types.StringUnknown(), Component: types.StringValue("inventory"), AccountID: types.StringValue("123456789012"), FunctionARN: types.StringNull()}
	if got := planned.withID().ID.ValueString(); got != "inventory/123456789012" {
		t.Errorf("withID().ID = %q", got)
	}
}

// The helpers below are shared by the AWS acceptance tests.

// awsPrefix is where the AWS integration's paths start for the test org.
const awsPrefix = "/o/" + acctest.TestOrg + "/integrations/aws/config"

// awsCallsSince lists the AWS integration requests after mark as
// "METHOD /component/id[/action]", or "METHOD /" for the root.
func awsCallsSince(e *acctest.TestEnv, mark int) []string {
	var calls []string
	for _, r := range e.Mock.Requests()[mark:] {
		if rest, ok := strings.CutPrefix(r.Path, awsPrefix); ok {
			if rest == "" {
				rest = "/"
			}
			calls = append(calls, r.Method+" "+rest)
		}
	}
	return calls
}

// expectAWSCalls checks that the AWS requests since *mark are exactly want,
// in order.
func expectAWSCalls(e *acctest.TestEnv, mark *int, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := awsCallsSince(e, *mark); !slices.Equal(got, want) {
			return fmt.Errorf("AWS requests:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		return nil
	}
}
