// Package roles serves P0's role bindings: the users and groups bound to
// the roles that administer P0 itself (owner, security reviewer,
// assessment, assessment viewer). P0 offers no read of them.
package roles

import "github.com/p0-security/terraform-provider-p0/internal/framework"

// Family is what the roles package serves: a user and a group resource
// for each role.
var Family = framework.Family{Resources: resources()}
