package roles

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// role is one of P0's roles, as P0's own provider names its resources.
type role struct {
	// slug is P0's name of the role in routes; name the resources' type
	// prefix, under the provider's: "security_reviewer".
	slug, name string
	// title names the role in diagnostics and docs.
	title string
	// grants says what the role lets its members do.
	grants string
}

var roles = []role{
	{"owner", "owner", "Owner", "administer the organization in P0, its other roles included"},
	{"manager", "security_reviewer", "Security Reviewer", "review and change the organization's security settings in P0"},
	{"iamOwner", "assessment", "Assessment", "run and manage P0's IAM assessments"},
	{"iamViewer", "assessment_viewer", "Assessment Viewer", "view P0's IAM assessments"},
}

// member is one kind of member of a role: a user, by email, or a group.
type member struct {
	kind      string // P0's: users or groups
	suffix    string // the resource type's: user or group
	attribute string // the attribute that names the member: email or group
}

var (
	userMember  = member{p0.RoleMemberUsers, "user", "email"}
	groupMember = member{p0.RoleMemberGroups, "group", "group"}
)

// userModel is the state of a binding to a user, and its identity.
type userModel struct {
	Email types.String `tfsdk:"email"`
}

func (m userModel) Identity() framework.Identity { return m }
func (m userModel) ImportID() string             { return m.Email.ValueString() }
func (m userModel) name() types.String           { return m.Email }

// groupModel is the state of a binding to a group, and its identity.
type groupModel struct {
	Group types.String `tfsdk:"group"`
}

func (m groupModel) Identity() framework.Identity { return m }
func (m groupModel) ImportID() string             { return m.Group.ValueString() }
func (m groupModel) name() types.String           { return m.Group }

// memberModel is the state of a binding to a member of one kind, which is
// also its identity.
type memberModel interface {
	framework.Identified
	framework.Identity
	name() types.String
}

func resources() []func() resource.Resource {
	var out []func() resource.Resource
	for _, r := range roles {
		out = append(out,
			func() resource.Resource {
				return newBinding(r, userMember, func(v string) userModel { return userModel{Email: types.StringValue(v)} })
			},
			func() resource.Resource {
				return newBinding(r, groupMember, func(v string) groupModel { return groupModel{Group: types.StringValue(v)} })
			})
	}
	return out
}

// bindingResource binds one role to one member of kind M.
type bindingResource[M memberModel] struct {
	framework.ResourceBase
	role   role
	member member
	// of is the state of the binding to the member named v.
	of func(v string) M
}

func newBinding[M memberModel](r role, m member, of func(string) M) *bindingResource[M] {
	return &bindingResource[M]{ResourceBase: framework.ResourceNamed(r.name + "_" + m.suffix), role: r, member: m, of: of}
}

var (
	_ resource.ResourceWithImportState = (*bindingResource[userModel])(nil)
	_ resource.ResourceWithIdentity    = (*bindingResource[groupModel])(nil)
)

func (r *bindingResource[M]) binding(m M) p0.RoleBinding {
	return p0.RoleBinding{Role: r.role.slug, Kind: r.member.kind, Member: m.name().ValueString()}
}

func (r *bindingResource[M]) describe(m M) string {
	return fmt.Sprintf("the %s role's %s %q", r.role.title, r.member.suffix, m.name().ValueString())
}

func (r *bindingResource[M]) summary(verb string) string {
	return "Unable to " + verb + " " + r.role.title + " Role Binding"
}

func (r *bindingResource[M]) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	description := "The user's email. P0 matches emails without regard to case; the state keeps it as written."
	if r.member == groupMember {
		description = "The group's name, as the organization's directory names it."
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: fmt.Sprintf("Binds P0's %s role to a %s, who may then %s. P0 offers no read of role "+
			"bindings: the state keeps what was applied, and a binding removed outside Terraform is not seen. "+
			"Import ID: the %s; an import is not checked against P0. P0 refuses to remove the organization's last "+
			"owner, and a destroy that would fails with P0's words.",
			r.role.title, r.member.suffix, r.role.grants, r.member.attribute),
		Attributes: map[string]schema.Attribute{
			r.member.attribute: schema.StringAttribute{
				MarkdownDescription: description + " Changing it replaces the binding.",
				Required:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
		},
	}
}

func (r *bindingResource[M]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IdentitySchema(map[string]string{r.member.attribute: "The " + r.member.suffix + " bound to the role."})
}

func (r *bindingResource[M]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	m, op := framework.Begin[M](ctx, r.Base, req.Plan, &resp.Diagnostics, r.summary("Create"))
	if op.Failed() {
		return
	}
	if err := r.Client.PutRoleBinding(ctx, r.binding(m)); err != nil {
		op.APIError("binding "+r.describe(m), err)
		return
	}
	framework.Store(ctx, &resp.State, resp.Identity, m, &resp.Diagnostics)
}

// Read keeps the state: P0 offers no read of role bindings.
func (r *bindingResource[M]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	m, op := framework.Begin[M](ctx, r.Base, req.State, &resp.Diagnostics, r.summary("Read"))
	if !op.Failed() {
		framework.Store(ctx, &resp.State, resp.Identity, m, &resp.Diagnostics)
	}
}

// Update is never called: the one attribute replaces the binding.
func (r *bindingResource[M]) Update(_ context.Context, _ resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.Diagnostics.AddError(r.summary("Update"), "A role binding cannot change in place; a change replaces it. "+
		"This is a bug in the provider; please report it.")
}

// Delete unbinds the member. One unbound already counts as unbound.
func (r *bindingResource[M]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	m, op := framework.Begin[M](ctx, r.Base, req.State, &resp.Diagnostics, r.summary("Delete"))
	if op.Failed() {
		return
	}
	if err := r.Client.DeleteRoleBinding(ctx, r.binding(m)); err != nil && !errors.Is(err, p0.ErrNotFound) {
		op.APIError("unbinding "+r.describe(m), err)
	}
}

// ImportState takes the member; P0 has no read to check it against.
func (r *bindingResource[M]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := framework.ImportedID[M](ctx, req, &resp.Diagnostics)
	if !resp.Diagnostics.HasError() {
		framework.Store(ctx, &resp.State, resp.Identity, r.of(id), &resp.Diagnostics)
	}
}
