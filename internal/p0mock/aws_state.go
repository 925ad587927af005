package p0mock

import (
	"slices"
	"strings"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// awsComponents lists every component, base first, as the integration
// answers them.
var awsComponents = append([]string{p0.ComponentBase}, p0.InstallableComponents...)

// awsState is the AWS integration: whether its root exists, and the items of
// every component.
type awsState struct {
	installed            bool                            // the integration root exists
	items                map[string]map[string]awsRecord // component → item id → record
	verificationFailures map[string]string               // item id → what verifying it reports
}

// awsRecord is one item and the metadata P0 generated when it was staged.
type awsRecord struct {
	item     p0.AWSItem
	metadata p0.AWSMetadata
	// verifyRefusals is how many verifications are still to be refused
	// (Behavior.VerifyRefusals).
	verifyRefusals int
}

func newAWSState() awsState {
	aws := awsState{verificationFailures: map[string]string{}}
	aws.removeAllItems()
	return aws
}

// removeAllItems leaves every component empty but present, since the
// integration always answers with a key for each.
func (aws *awsState) removeAllItems() {
	aws.items = map[string]map[string]awsRecord{}
	for _, component := range awsComponents {
		aws.items[component] = map[string]awsRecord{}
	}
}

func (aws *awsState) integration() p0.AWSIntegration {
	integration := p0.AWSIntegration{}
	for component, records := range aws.items {
		items := map[string]p0.AWSItem{}
		for id, record := range records {
			items[id] = cloneAWSItem(record.item)
		}
		integration[component] = items
	}
	return integration
}

// lookup finds an item, or says what is missing.
func (aws *awsState) lookup(component, id string) (awsRecord, error) {
	if !isAWSComponent(component) {
		return awsRecord{}, unknownAWSComponent(component)
	}
	record, ok := aws.items[component][id]
	if !ok {
		return awsRecord{}, notFound("item %q not found in component %s", id, component)
	}
	return record, nil
}

// remove deletes an item, or says what is missing.
func (aws *awsState) remove(component, id string) error {
	if _, err := aws.lookup(component, id); err != nil {
		return err
	}
	delete(aws.items[component], id)
	return nil
}

// stage creates an item in state stage, with the metadata the AWS side
// needs, or puts an existing one back in stage with the metadata it has.
// Verifying it is then refused verifyRefusals times. The first item staged
// also creates the base item for its account, as P0 does.
func (st *state) stage(component, id, account string, verifyRefusals int) {
	if len(st.aws.items[p0.ComponentBase]) == 0 {
		st.aws.items[p0.ComponentBase][account] = awsRecord{item: baseItem(st.org)}
	}
	record, exists := st.aws.items[component][id]
	if !exists {
		record.metadata = stagedMetadata(st.org, component, id)
	}
	record.item = p0.AWSItem{State: p0.StateStage}
	record.verifyRefusals = verifyRefusals
	st.aws.items[component][id] = record
}

// putAWSItem creates or replaces an item as tests set it up. A new item
// gets the metadata staging would have generated, and the root is
// installed, since items cannot exist without it.
func (st *state) putAWSItem(component, id string, item p0.AWSItem) {
	record, exists := st.aws.items[component][id]
	if !exists {
		record.metadata = stagedMetadata(st.org, component, id)
	}
	record.item = cloneAWSItem(item)
	st.aws.items[component][id] = record
	st.aws.installed = true
}

func isAWSComponent(component string) bool {
	return slices.Contains(awsComponents, component)
}

// accountOf checks the form of an item id and returns the AWS account the
// item lives in: the id itself, or for function-caller the account in the
// function's ARN.
func accountOf(component, id string) (string, error) {
	if component == p0.ComponentFunctionCaller {
		match := p0.LambdaARNPattern.FindStringSubmatch(id)
		if match == nil {
			return "", badRequest("item id %q must be a Lambda function ARN (arn:aws:lambda:<region>:<account id>:function:<name>)", id)
		}
		return match[1], nil
	}
	if !p0.AccountIDPattern.MatchString(id) {
		return "", badRequest("item id %q must be a 12-digit AWS account id", id)
	}
	return id, nil
}

// writableComponent checks that clients may change items of component:
// it must exist and must not be base, which P0 manages itself.
func writableComponent(component, action string) error {
	if component == p0.ComponentBase {
		return badRequest("the base component is managed by P0 and cannot be %s", action)
	}
	if !isAWSComponent(component) {
		return unknownAWSComponent(component)
	}
	return nil
}

func unknownAWSComponent(component string) error {
	return notFound("unknown AWS component %q; expected one of %s", component, strings.Join(awsComponents, ", "))
}
