package p0mock

import (
	"encoding/json"
	"fmt"
	"hash/fnv"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// What P0 generates for the AWS side: the Google Cloud service account it
// acts as, and for the components that need one, the IAM role AWS must
// create for it. The values are derived from the org and the item, so they
// are stable across restarts, and shaped like the real ones, so that
// Terraform code consuming them (aws_iam_role and friends) can be tested.

// roleTemplate describes the IAM role one component needs.
type roleTemplate struct {
	roleName string
	actions  []string
	// resource is what the inline policy grants the actions on.
	resource func(itemID string) string
}

func anyResource(string) string { return "*" }

func itemResource(itemID string) string { return itemID }

// roleTemplates has an entry for each component that needs a role;
// access-logs and inventory need none and get empty metadata.
var roleTemplates = map[string]roleTemplate{
	p0.ComponentIAMAssessment: {
		roleName: "P0RoleIamAssessment",
		actions:  []string{"access-analyzer:Get*", "access-analyzer:List*", "iam:Get*", "iam:List*"},
		resource: anyResource,
	},
	p0.ComponentIAMWrite: {
		roleName: "P0RoleIamWrite",
		actions: []string{
			"iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy",
			"iam:DetachRolePolicy", "iam:GetRole", "iam:PutRolePolicy", "iam:TagRole",
		},
		resource: anyResource,
	},
	p0.ComponentFunctionCaller: {
		roleName: "P0RoleFunctionCaller",
		actions:  []string{"lambda:InvokeFunction"},
		resource: itemResource,
	},
}

// policyDocument and policyStatement are the parts of the IAM policy
// language the generated policies use.
type policyDocument struct {
	Version   string            `json:"Version"`
	Statement []policyStatement `json:"Statement"`
}

type policyStatement struct {
	Effect    string                       `json:"Effect"`
	Principal map[string]string            `json:"Principal,omitempty"`
	Action    []string                     `json:"Action"`
	Resource  string                       `json:"Resource,omitempty"`
	Condition map[string]map[string]string `json:"Condition,omitempty"`
}

const policyVersion = "2012-10-17"

// baseServiceAccount is the Google Cloud service account P0 acts as in
// AWS for org. Real unique ids are 21 digits.
func baseServiceAccount(org string) (email, uniqueID string) {
	hash := fnv.New64a()
	_, _ = hash.Write([]byte(org)) // writing to a hash never fails
	return fmt.Sprintf("p0-aws-%s@p0-integrations.iam.gserviceaccount.com", org),
		fmt.Sprintf("1%020d", hash.Sum64())
}

// baseItem is the item P0 creates in the base component.
func baseItem(org string) p0.AWSItem {
	email, uniqueID := baseServiceAccount(org)
	return p0.AWSItem{State: p0.StateInstalled, ServiceAccountEmail: email, ServiceAccountID: uniqueID}
}

// stagedMetadata is what staging an item generates.
func stagedMetadata(org, component, itemID string) p0.AWSMetadata {
	template, needsRole := roleTemplates[component]
	if !needsRole {
		return p0.AWSMetadata{}
	}
	_, serviceAccountID := baseServiceAccount(org)
	return p0.AWSMetadata{
		RoleName:         template.roleName,
		InlinePolicyName: template.roleName + "Policy",
		InlinePolicy: policyJSON(policyStatement{
			Effect:   "Allow",
			Action:   template.actions,
			Resource: template.resource(itemID),
		}),
		TrustPolicy:      policyJSON(trustStatement(serviceAccountID)),
		ServiceAccountID: serviceAccountID,
	}
}

// trustStatement lets the base service account, and only it, assume the
// role through Google's identity federation.
func trustStatement(serviceAccountID string) policyStatement {
	return policyStatement{
		Effect:    "Allow",
		Principal: map[string]string{"Federated": "accounts.google.com"},
		Action:    []string{"sts:AssumeRoleWithWebIdentity"},
		Condition: map[string]map[string]string{
			"StringEquals": {"accounts.google.com:aud": serviceAccountID},
		},
	}
}

// policyJSON renders a one-statement policy as P0 returns it: a JSON
// document inside a string.
func policyJSON(statement policyStatement) string {
	document, err := json.MarshalIndent(policyDocument{Version: policyVersion, Statement: []policyStatement{statement}}, "", "  ")
	if err != nil {
		panic(fmt.Sprintf("p0mock: encoding a policy document: %v", err)) // fixed types of strings cannot fail to encode
	}
	return string(document)
}
