#!/usr/bin/env bash
# make demo: build the provider, the mock P0 API and the offline stand-in
# for the AWS provider, then run Terraform on examples/demo against the
# mock: apply, a plan that must show no changes, and destroy, with a summary
# on the screen and Terraform's full output in .build/demo/terraform.log;
# then the same for examples/demo/workflow, the p0_routing_workflow example,
# which owns the whole routing and so runs on its own.
# The builds and the Terraform CLI configuration with dev_overrides live in
# a temporary folder (see lib/dev-provider.sh), so the user's own
# ~/.terraformrc is never read or changed.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/dev-provider.sh
source "$(dirname "$0")/lib/dev-provider.sh"
# The demo's steps stand apart on the screen.
say() { printf '\n==> %s\n' "$*"; }

mock_pid=""
cleanup() {
	if [[ -n "$mock_pid" ]] && kill -0 "$mock_pid" 2>/dev/null; then
		kill "$mock_pid" 2>/dev/null || true
		wait "$mock_pid" 2>/dev/null || true
	fi
	remove_dev_dir
}
trap cleanup EXIT

# The provider, and hashicorp/aws as the offline stand-in of tools/awsstub:
# the demo applies the real onboarding example without AWS.
dev_provider with-aws
building "the mock P0 API" go build -C "$root" -o "$dev_dir/mock/p0mock" ./internal/p0mock/cmd/p0mock

say "Starting the mock P0 API on a free loopback port"
org="demo-org"
token="demo-token-$RANDOM$RANDOM"
"$dev_dir/mock/p0mock" -addr 127.0.0.1:0 -org "$org" -token "$token" -url-file "$dev_dir/url" >/dev/null &
mock_pid=$!
for _ in $(seq 1 100); do
	[[ -s "$dev_dir/url" ]] && break
	kill -0 "$mock_pid" 2>/dev/null || { echo "the mock P0 API exited before it was ready" >&2; exit 1; }
	sleep 0.1
done
[[ -s "$dev_dir/url" ]] || { echo "the mock P0 API did not start within 10 seconds" >&2; exit 1; }

export P0_HOST="$(cat "$dev_dir/url")"
export P0_ORG="$org"
export P0_API_TOKEN="$token"

# -L copies what the demo links to: it uses the examples as they are.
cp -RL "$root/examples/demo" "$dev_dir/demo"
cd "$dev_dir/demo"

# Terraform's full output goes to a log that outlives the demo; the screen
# gets a summary.
log_dir="$root/.build/demo"
mkdir -p "$log_dir"
log="$log_dir/terraform.log"
: >"$log"
run() {
	local title="$1"
	shift
	printf '\n==> %s\n' "$title" >>"$log"
	"$@" -no-color >>"$log" 2>&1
}
fail() {
	echo "$1 Terraform's output is in $log:" >&2
	tail -n 30 "$log" >&2
	exit 1
}

# cycle TITLE: in the current folder, apply, a plan that must show no
# changes, and destroy. It sets applied and destroyed (the resource counts)
# and outputs (what the apply output).
cycle() {
	local title="$1" plan_status
	say "terraform apply: $title (P0 at $P0_HOST, organization $org)"
	run "terraform apply ($title)" terraform apply -input=false -auto-approve || fail "terraform apply failed."
	applied="$(grep -o 'Apply complete! Resources: [0-9]* added' "$log" | tail -n 1 | grep -o '[0-9]*' | head -n 1)"

	say "terraform plan -detailed-exitcode: a second plan must show no changes"
	set +e
	run "terraform plan ($title)" terraform plan -input=false -detailed-exitcode
	plan_status=$?
	set -e
	case "$plan_status" in
		0) ;;
		2) fail "The second plan wants changes; the provider did not converge." ;;
		*) fail "terraform plan failed." ;;
	esac

	outputs="$(terraform output -no-color 2>>"$log")"

	say "terraform destroy: $title"
	run "terraform destroy ($title)" terraform destroy -input=false -auto-approve || fail "terraform destroy failed."
	destroyed="$(grep -o 'Destroy complete! Resources: [0-9]* destroyed' "$log" | tail -n 1 | grep -o '[0-9]*')"
}

cycle "every resource but p0_routing_workflow"
everything_applied="$applied" everything_destroyed="$destroyed" everything_outputs="$outputs"

# p0_routing_workflow owns the organization's whole routing, so it cannot
# stand beside p0_routing_rule: it has the mock to itself, after the
# destroy above.
cd "$dev_dir/demo/workflow"
cycle "p0_routing_workflow"
workflow_rules="$(sed -n 's/^routing_workflow_rules = "\(.*\)"$/\1/p' <<<"$outputs")"

cat <<SUMMARY

==> Demo finished in ${SECONDS}s
    apply:    ${everything_applied} resources created: AWS components staged and installed in the
              mock P0 (their IAM roles by the AWS stand-in), the Google Cloud
              integration with IAM write in a project, routing rules, expiry
              options, JIT settings
    plan:     no changes: what P0 holds matches the configuration
    destroy:  ${everything_destroyed} resources destroyed (JIT settings stay in P0: the API cannot unset them)
    outputs after apply:
$(sed 's/^/      /' <<<"$everything_outputs")
    workflow: p0_routing_workflow applied on its own (${applied} resource; rules in order:
              ${workflow_rules}), planned no changes, destroyed (${destroyed})
    Terraform's full output: ${log#"$root"/}
SUMMARY
