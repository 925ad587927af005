package p0mock

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"maps"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The integrations the mock serves beside AWS, each with what P0 generates
// for it (p0-integrations.md 2.6 and each integration's "Read" lines): the
// values P0's client reads back, shaped like P0's and derived from the
// organization and the item, so that they are the same at every stage of
// the same item and in every run.

// installables are the integrations other than AWS, by key.
var installables = map[string]installable{
	"aws-midc": {title: "AWS IAM Identity Center", componentNames: []string{"identity"},
		staged: func(org, _, id string, _ p0.Object) (p0.Object, p0.Object) {
			return nil, roleMetadata(org, "P0RoleIdentityCenter", []string{"sso:*", "identitystore:*"}, "*")
		},
		configured: func(_, _, id string, item p0.Object) p0.Object {
			return mergeObjects(item, p0.Object{
				"idcArn":          quoted("arn:aws:sso:::instance/ssoins-" + digest(id, 16)),
				"identityStoreId": quoted("d-" + digest(id, 10)),
			})
		}},
	"aws-oidc": {title: "AWS OIDC", componentNames: []string{"identity"},
		staged: func(string, string, string, p0.Object) (p0.Object, p0.Object) {
			return p0.Object{"awsPartition": quoted("aws")}, nil
		}},
	"aws-rds": {title: "AWS RDS", componentNames: []string{"iam-write"}},
	"k8s": {title: "Kubernetes", componentNames: []string{"iam-write"},
		staged: func(org, _, id string, _ p0.Object) (p0.Object, p0.Object) {
			return nil, p0.Object{
				"caBundle":   quoted(pem("CERTIFICATE", org+"/ca/"+id)),
				"serverCert": quoted(pem("CERTIFICATE", org+"/server/"+id)),
				"serverKey":  quoted(pem("PRIVATE KEY", org+"/key/"+id)),
			}
		}},
	"azure": {title: "Azure", componentNames: []string{"azure-app", "iam-write", "bastion-host", "jump-host"},
		root: func(org string, _ p0.Object) (p0.Object, p0.Object) {
			email, id := serviceAccount(org, "azure")
			return p0.Object{"serviceAccountEmail": quoted(email), "serviceAccountId": quoted(id)}, azureAppMetadata(org)
		},
		staged: func(org, component, id string, _ p0.Object) (p0.Object, p0.Object) {
			switch component {
			case "azure-app":
				return nil, azureAppMetadata(org)
			case "iam-write", "bastion-host":
				return nil, objectOf(map[string]any{"customRole": map[string]any{
					"name": "P0 " + component + " " + digest(id, 6), "description": "Lets P0 grant just-in-time access",
					"actions":  []string{"Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/roleAssignments/delete"},
					"isCustom": true, "assignableScope": "/subscriptions/" + id, "condition": "",
				}})
			}
			return nil, nil
		},
		configured: func(org, component, _ string, item p0.Object) p0.Object {
			email, id := serviceAccount(org, "azure")
			switch {
			case component == "azure-app":
				return mergeObjects(item, p0.Object{"clientServicePrincipalId": quoted(uuidOf(org + "/sp"))})
			case component == "jump-host":
				return mergeObjects(item, p0.Object{"directoryId": quoted(uuidOf(org + "/directory")),
					"serviceAccountEmail": quoted(email), "serviceAccountId": quoted(id)})
			case component == "bastion-host" && stringField(objectField(item, "bastion"), "type") == "jumpHost":
				return mergeObjects(item, p0.Object{"bastion": json.RawMessage(`{"ip":"10.0.0.4"}`)})
			}
			return item
		}},
	"gcloud": {title: "Google Cloud",
		componentNames: []string{"iam-assessment", "iam-write", "access-logs", "sharing-restriction", "org-access-logs",
			"org-iam-assessment", "iam-write-security-perimeter"},
		root: func(org string, _ p0.Object) (p0.Object, p0.Object) {
			email, _ := serviceAccount(org, "gcloud")
			return p0.Object{"serviceAccountEmail": quoted(email)}, objectOf(map[string]any{
				"access-logs": map[string]any{"requiredPermissions": []string{"logging.sinks.create", "pubsub.topics.create"},
					"customRole": map[string]string{"id": "p0AccessLogs", "name": "organizations/" + digest(org, 12) + "/roles/p0AccessLogs"}},
				"iam-assessment": map[string]any{"requiredPermissions": []string{"iam.roles.list", "resourcemanager.projects.getIamPolicy"},
					"orgLevelPermissions": []string{"resourcemanager.organizations.getIamPolicy"}},
				"org-wide-policy": map[string]any{"requiredPermissions": []string{"orgpolicy.policies.list"},
					"customRole": map[string]string{"id": "p0OrgWidePolicy", "name": "organizations/" + digest(org, 12) + "/roles/p0OrgWidePolicy"}},
			})
		},
		staged: func(_, component, id string, _ p0.Object) (p0.Object, p0.Object) {
			role := map[string]string{"id": "p0" + component, "name": "projects/" + id + "/roles/p0" + digest(component, 6)}
			switch component {
			case "iam-assessment":
				return nil, objectOf(map[string]any{"requiredPermissions": []string{"iam.roles.list"}, "customRole": role})
			case "iam-write":
				return nil, objectOf(map[string]any{"requiredPermissions": []string{"resourcemanager.projects.setIamPolicy"},
					"customRole": role, "predefinedRole": "roles/iam.securityAdmin"})
			case "iam-write-security-perimeter":
				return p0.Object{"allowedDomains": quoted("example.com"), "imageDigest": quoted("sha256:" + digest(id, 64))},
					objectOf(map[string]any{"customRole": role, "requiredPermissions": []string{"run.services.invoke"},
						"projectReaderRole": map[string]any{"customRole": role, "requiredPermissions": []string{"resourcemanager.projects.get"}}})
			}
			return nil, nil
		}},
	"gcp-cloudsql": {title: "Google Cloud SQL", componentNames: []string{"iam-write"},
		staged: func(org, _, id string, _ p0.Object) (p0.Object, p0.Object) {
			return p0.Object{"connectorRegion": quoted("us-west1"), "connectorServiceName": quoted("p0-connector-" + digest(id, 8)),
				"connectorServiceAccount": quoted("p0-connector@" + digest(org, 8) + ".iam.gserviceaccount.com")}, nil
		},
		configured: func(_, _, id string, item p0.Object) p0.Object {
			return mergeObjects(item, p0.Object{"connectorServiceUri": quoted("https://p0-connector-" + digest(id, 8) + "-uw.a.run.app")})
		}},
	"gcp-wif": {title: "Google Cloud Workload Identity Federation", componentNames: []string{"identity"},
		staged: func(org, _, id string, _ p0.Object) (p0.Object, p0.Object) {
			return p0.Object{"audience": quoted(fmt.Sprintf("//iam.googleapis.com/projects/%s/locations/global/workloadIdentityPools/p0-%s/providers/%s",
				digest(org, 12), digest(org, 6), id))}, nil
		}},
	"ssh": {title: "SSH", componentNames: []string{"iam-write"}},
	"file-transfer": {title: "file transfer", componentNames: []string{"iam-write"},
		configured: func(_, _, _ string, item p0.Object) p0.Object {
			return mergeObjects(item, p0.Object{"region": quoted("us-west-2"), "awsPartition": quoted("aws")})
		}},
	"mysql":    database("MySQL"),
	"postgres": database("PostgreSQL"),
	"okta": {title: "Okta", componentNames: []string{"listing", "group-assignment"},
		staged: func(org, component, id string, _ p0.Object) (p0.Object, p0.Object) {
			if component != "listing" {
				return nil, nil
			}
			kid := "p0-" + digest(org+id, 8)
			jwk, _ := json.Marshal(map[string]string{"kty": "RSA", "kid": kid, "e": "AQAB", "n": base64.RawURLEncoding.EncodeToString([]byte(digest(id, 64)))})
			return p0.Object{"keyId": quoted(kid), "publicKey": quoted(string(jwk))}, nil
		}},
	"splunk":  auditLog("Splunk", "token"),
	"datadog": auditLog("Datadog", "apiKey"),
	"agentic": {title: "agentic access", componentNames: []string{"gateway", "identity-provider", "server"},
		staged: func(org, component, id string, _ p0.Object) (p0.Object, p0.Object) {
			if component != "gateway" {
				return nil, nil
			}
			return p0.Object{"serviceAccountEmail": quoted("p0-gateway-" + digest(id, 6) + "@" + digest(org, 8) + ".iam.gserviceaccount.com")}, nil
		}},
}

// database is a database integration: its connector generated at the
// stage of an instance hosted in RDS, and its hostname at the configure.
func database(title string) installable {
	return installable{title: title, componentNames: []string{"iam-write"},
		staged: func(org, _, id string, item p0.Object) (p0.Object, p0.Object) {
			if stringField(objectField(item, "hosting"), "connectorArn") != "" {
				return nil, nil
			}
			arn := "arn:aws:lambda:us-west-2:" + accountDigits(org) + ":function:p0-connector-" + digest(id, 8)
			return p0.Object{"hosting": json.RawMessage(`{"connectorArn":` + string(quoted(arn)) + `}`)}, nil
		},
		configured: func(_, _, id string, item p0.Object) p0.Object {
			if stringField(item, "hostname") != "" {
				return item
			}
			return mergeObjects(item, p0.Object{"hostname": quoted(id + ".cluster-" + digest(id, 12) + ".us-west-2.rds.amazonaws.com")})
		}}
}

// auditLog is an audit-log collector, which keeps the hash of the secret
// it is given (under field, {"clearText": ...}), never the secret.
func auditLog(title, field string) installable {
	return installable{title: title, componentNames: []string{"audit-log"},
		configured: func(_, _, _ string, item p0.Object) p0.Object {
			var secret struct {
				ClearText string `json:"clearText"`
			}
			if json.Unmarshal(item[field], &secret) != nil || secret.ClearText == "" {
				return item
			}
			sum := sha256.Sum256([]byte(secret.ClearText))
			out := maps.Clone(item)
			out[field] = json.RawMessage(`{"hash":"` + hex.EncodeToString(sum[:]) + `"}`)
			return out
		}}
}

// azureAppMetadata is the Azure app P0 registers for an organization.
func azureAppMetadata(org string) p0.Object {
	return objectOf(map[string]any{"appName": "P0 Security (" + org + ")", "credentialInfo": map[string]any{
		"name": "p0-" + digest(org, 8), "description": "Federated credential of P0's service account",
		"issuer": "https://accounts.google.com", "audiences": []string{"api://AzureADTokenExchange"},
	}})
}

// roleMetadata is the metadata of an item whose other side is an IAM role
// in AWS, as the AWS integration's are.
func roleMetadata(org, roleName string, actions []string, resource string) p0.Object {
	_, serviceAccountID := baseServiceAccount(org)
	return objectOf(p0.AWSMetadata{
		RoleName:         roleName,
		InlinePolicyName: roleName + "Policy",
		InlinePolicy:     policyJSON(policyStatement{Effect: "Allow", Action: actions, Resource: resource}),
		TrustPolicy:      policyJSON(trustStatement(serviceAccountID)),
		ServiceAccountID: serviceAccountID,
	})
}

// serviceAccount is the service account P0 acts as for org in a cloud.
func serviceAccount(org, cloud string) (email, id string) {
	return fmt.Sprintf("p0-%s-%s@p0-integrations.iam.gserviceaccount.com", cloud, org), "1" + digits(org+cloud, 20)
}

// objectField is an object's field that is an object, or nil.
func objectField(o p0.Object, name string) p0.Object {
	var inner p0.Object
	_ = json.Unmarshal(o[name], &inner) // a field of another type is no object
	return inner
}

// quoted is s as a JSON string.
func quoted(s string) json.RawMessage {
	encoded, _ := json.Marshal(s) // a string always encodes
	return encoded
}

// digest is n hex digits derived from s.
func digest(s string, n int) string {
	sum := sha256.Sum256([]byte(s))
	text := hex.EncodeToString(sum[:])
	for len(text) < n {
		text += text
	}
	return text[:n]
}

// digits is n decimal digits derived from s.
func digits(s string, n int) string {
	hash := fnv.New64a()
	_, _ = hash.Write([]byte(s)) // writing to a hash never fails
	text := fmt.Sprintf("%020d", hash.Sum64())
	for len(text) < n {
		text += text
	}
	return text[:n]
}

// accountDigits is an AWS account id derived from s.
func accountDigits(s string) string { return digits(s, 12) }

// uuidOf is a UUID derived from s.
func uuidOf(s string) string {
	d := digest(s, 32)
	return d[:8] + "-" + d[8:12] + "-" + d[12:16] + "-" + d[16:20] + "-" + d[20:32]
}

// pem is a PEM block of kind whose content is derived from s.
func pem(kind, s string) string {
	return "-----BEGIN " + kind + "-----\n" + base64.StdEncoding.EncodeToString([]byte(digest(s, 48))) + "\n-----END " + kind + "-----\n"
}
