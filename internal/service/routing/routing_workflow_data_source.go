package routing

import (
	"context"
	"fmt"
	"maps"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// routingWorkflowDataSource reads the whole routing configuration, the
// current version or one named by id.
type routingWorkflowDataSource struct{ framework.DataSourceBase }

// NewRoutingWorkflowDataSource returns the p0_routing_workflow data source.
func NewRoutingWorkflowDataSource() datasource.DataSource {
	return &routingWorkflowDataSource{framework.DataSourceNamed("routing_workflow")}
}

var (
	_ datasource.DataSourceWithConfigure = (*routingWorkflowDataSource)(nil)
)

type routingWorkflowModel struct {
	ID          types.String        `tfsdk:"id"`
	CreatedDate types.String        `tfsdk:"created_date"`
	Rules       []routingRuleFields `tfsdk:"rules"`
}

func (d *routingWorkflowDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	ruleAttributes := maps.Clone(routingRuleSchema().Attributes)
	delete(ruleAttributes, "id") // a rule's id is its name, already listed
	rules := framework.ComputedAttributes(ruleAttributes)
	// Read, not configured: what configuring them does is not for here.
	rules["name"] = schema.StringAttribute{MarkdownDescription: ruleNameDescription, Computed: true}
	rules["disabled"] = schema.BoolAttribute{MarkdownDescription: ruleDisabledDescription, Computed: true}

	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads P0's routing (access request) workflow: every rule, in evaluation order, " +
			"and the workflow's version. Useful to inspect rules managed outside this configuration.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The workflow version to read. Leave it unset to read the current version; it is then set to that version's id.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"created_date": schema.StringAttribute{
				MarkdownDescription: "When this version of the workflow was saved (RFC 3339).",
				Computed:            true,
			},
			"rules": schema.ListNestedAttribute{
				MarkdownDescription: "The workflow's rules, in the order P0 evaluates them.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: rules},
			},
		},
	}
}

func (d *routingWorkflowDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	config, op := framework.Begin[routingWorkflowModel](ctx, d.Base, req.Config, &resp.Diagnostics, "Unable to Read Routing Workflow")
	if op.Failed() {
		return
	}

	var (
		workflow *p0.Workflow
		err      error
		action   = "reading the current routing workflow"
	)
	if id := config.ID.ValueString(); id != "" {
		action = fmt.Sprintf("reading routing workflow version %q", id)
		workflow, err = d.Client.GetWorkflowByID(ctx, id)
	} else {
		workflow, err = d.Client.GetWorkflow(ctx)
	}
	if err != nil {
		op.APIError(action, err)
		return
	}
	warnUnreadableRules(&resp.Diagnostics, "routing workflow "+strconv.Quote(workflow.ID), workflow.Rules)
	resp.Diagnostics.Append(resp.State.Set(ctx, workflowModel(*workflow))...)
}

// workflowModel maps a workflow to the data source's state.
func workflowModel(w p0.Workflow) routingWorkflowModel {
	m := routingWorkflowModel{
		ID:          types.StringValue(w.ID),
		CreatedDate: framework.OptionalString(w.CreatedDate),
		Rules:       make([]routingRuleFields, 0, len(w.Rules)),
	}
	for _, rule := range w.Rules {
		m.Rules = append(m.Rules, fieldsFromRule(rule))
	}
	return m
}
