package provider

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

const (
	testLambdaARN  = "arn:aws:lambda:us-east-1:222222222222:function:p0-notify"
	testAnalyzerA  = "arn:aws:access-analyzer:us-east-1:111111111111:analyzer/p0"
	testAnalyzerB  = "arn:aws:access-analyzer:us-west-2:111111111111:analyzer/organization"
	testCloudLakeA = "arn:aws:cloudtrail:us-east-1:333333333333:eventdatastore/0c4ac9d4-7a34-4d39-9dd6-1b4f0d4e5b8a"
	testCloudLakeB = "arn:aws:cloudtrail:eu-west-1:333333333333:eventdatastore/audit-lake"
)

func TestParseAWSItemID(t *testing.T) {
	valid := map[string]awsItemTarget{
		"iam-write/123456789012":                     newAWSItemTarget(p0.ComponentIAMWrite, "123456789012"),
		"inventory/000000000001":                     newAWSItemTarget(p0.ComponentInventory, "000000000001"),
		"function-caller/" + testLambdaARN:           newAWSItemTarget(p0.ComponentFunctionCaller, testLambdaARN),
		"function-caller/" + testLambdaARN + ":live": newAWSItemTarget(p0.ComponentFunctionCaller, testLambdaARN+":live"),
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
		"inventory/" + testLambdaARN:          `12-digit AWS account ID`,
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
			[]string{testLambdaARN, testLambdaARN + ":3", testLambdaARN + ":$LATEST", "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f"},
			[]string{"arn:aws:lambda:us-east-1:12345678901:function:f", "arn:aws:lambda:us-east-1:123456789012:layer:f", "arn:aws:iam::123456789012:role/r", "p0-notify"}},
		{"access analyzer", accessAnalyzerARNPattern,
			[]string{testAnalyzerA, testAnalyzerB, "arn:aws-cn:access-analyzer:cn-north-1:123456789012:analyzer/a.b_c-d"},
			[]string{"arn:aws:access-analyzer:us-east-1:123456789012:analyzer/", "arn:aws:access-analyzer:us-east-1:123456789012:archive-rule/x", "arn:aws:iam::123456789012:role/r"}},
		{"cloudtrail lake", cloudTrailLakeARNPattern,
			[]string{testCloudLakeA, testCloudLakeB},
			[]string{"arn:aws:cloudtrail:us-east-1:123456789012:trail/management", "arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/", testAnalyzerA}},
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
	function := newAWSItemTarget(p0.ComponentFunctionCaller, testLambdaARN)
	if got := function.describe(); got != `AWS component "function-caller" for Lambda function `+testLambdaARN {
		t.Errorf("describe() = %q", got)
	}
	if got := function.account(); got != "222222222222" {
		t.Errorf("account() of a function = %q, want the account in its ARN", got)
	}
	if !function.AccountID.IsNull() || function.FunctionARN.ValueString() != testLambdaARN {
		t.Errorf("function target = %+v, want only function_arn set", function)
	}
	planned := awsItemTarget{ID: types.StringUnknown(), Component: types.StringValue("inventory"), AccountID: types.StringValue("123456789012"), FunctionARN: types.StringNull()}
	if got := planned.withID().ID.ValueString(); got != "inventory/123456789012" {
		t.Errorf("withID().ID = %q", got)
	}
}

// The helpers below are shared by the AWS acceptance tests.

// awsPrefix is where the AWS integration's paths start for the test org.
const awsPrefix = "/o/" + testOrg + "/integrations/aws/config"

// awsCallsSince lists the AWS integration requests after mark as
// "METHOD /component/id[/action]", or "METHOD /" for the root.
func (e *testEnv) awsCallsSince(mark int) []string {
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
func (e *testEnv) expectAWSCalls(mark *int, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := e.awsCallsSince(*mark); !slices.Equal(got, want) {
			return fmt.Errorf("AWS requests:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		return nil
	}
}

// expectAWSItem checks the item P0 holds, all fields compared.
func (e *testEnv) expectAWSItem(component, id string, want p0.AWSItem) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, ok := e.Mock.AWSItem(component, id)
		if !ok {
			return fmt.Errorf("%s/%s is not in P0", component, id)
		}
		if !reflect.DeepEqual(got, want) {
			return fmt.Errorf("%s/%s in P0 = %+v, want %+v", component, id, got, want)
		}
		return nil
	}
}

// expectNoAWSItem checks that P0 no longer holds an item.
func (e *testEnv) expectNoAWSItem(component, id string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got, ok := e.Mock.AWSItem(component, id); ok {
			return fmt.Errorf("%s/%s is still in P0: %+v", component, id, got)
		}
		return nil
	}
}

// checkOnlyBaseLeft is CheckDestroy for the AWS resources: what remains in
// P0 is what P0 owns, the one base item created with the first stage.
func (e *testEnv) checkOnlyBaseLeft(*terraform.State) error {
	for component, items := range e.Mock.AWSIntegration() {
		want := 0
		if component == p0.ComponentBase {
			want = 1
		}
		if len(items) != want {
			return fmt.Errorf("after destroy P0 holds %d %s items, want %d: %v", len(items), component, want, items)
		}
	}
	return nil
}
