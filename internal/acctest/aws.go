package acctest

import (
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

const (
	TestLambdaARN  = "arn:aws:lambda:us-east-1:222222222222:function:p0-notify"
	TestAnalyzerA  = "arn:aws:access-analyzer:us-east-1:111111111111:analyzer/p0"
	TestAnalyzerB  = "arn:aws:access-analyzer:us-west-2:111111111111:analyzer/organization"
	TestCloudLakeA = "arn:aws:cloudtrail:us-east-1:333333333333:eventdatastore/0c4ac9d4-7a34-4d39-9dd6-1b4f0d4e5b8a"
	TestCloudLakeB = "arn:aws:cloudtrail:eu-west-1:333333333333:eventdatastore/audit-lake"
)

// ExpectAWSItem checks the item P0 holds, all fields compared.
func ExpectAWSItem(e *TestEnv, component, id string, want p0.AWSItem) resource.TestCheckFunc {
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

// ExpectNoAWSItem checks that P0 no longer holds an item.
func ExpectNoAWSItem(e *TestEnv, component, id string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got, ok := e.Mock.AWSItem(component, id); ok {
			return fmt.Errorf("%s/%s is still in P0: %+v", component, id, got)
		}
		return nil
	}
}

// CheckOnlyBaseLeft is CheckDestroy for the AWS resources: what remains in
// P0 is what P0 owns, the one base item created with the first stage.
func CheckOnlyBaseLeft(e *TestEnv) resource.TestCheckFunc {
	return func(*terraform.State) error {
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
}

const ComponentAddress = "p0_aws_component.test"

// OnboardingHCL is the flow of examples/aws-onboarding for one component,
// with terraform_data standing in for aws_iam_role and
// aws_iam_role_policy so that it runs offline.
func OnboardingHCL(name, component, account, settings string) string {
	return fmt.Sprintf(`
resource "p0_aws_component_staged" %[1]q {
  component  = %[2]q
  account_id = %[3]q
}

resource "terraform_data" "%[1]s_role" {
  input = {
    name               = p0_aws_component_staged.%[1]s.role_name
    assume_role_policy = p0_aws_component_staged.%[1]s.trust_policy
    policy_name        = p0_aws_component_staged.%[1]s.inline_policy_name
    policy             = p0_aws_component_staged.%[1]s.inline_policy
  }
}

resource "p0_aws_component" %[1]q {
  component  = p0_aws_component_staged.%[1]s.component
  account_id = p0_aws_component_staged.%[1]s.account_id
  %[4]s

  depends_on = [terraform_data.%[1]s_role]
}
`, name, component, account, settings)
}
