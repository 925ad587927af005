#!/usr/bin/env bash
# make demo: build the provider, the mock P0 API and the offline stand-in
# for the AWS provider, then run Terraform on examples/demo against the
# mock: apply, a plan that must show no changes, and destroy, with a summary
# on the screen and Terraform's full output in .build/demo/terraform.log. Nothing outside a temporary folder is touched: the Terraform
# CLI configuration with dev_overrides lives there too, so the user's own
# ~/.terraformrc is never read or changed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
say() { printf '\n==> %s\n' "$*"; }

if ! command -v terraform >/dev/null 2>&1; then
	echo "make demo needs the terraform CLI on PATH; install it from https://developer.hashicorp.com/terraform/install and run make demo again." >&2
	exit 1
fi
if ! command -v go >/dev/null 2>&1; then
	echo "make demo needs Go on PATH to build the provider; install it from https://go.dev/dl/ and run make demo again." >&2
	exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/p0-demo.XXXXXX")"
mock_pid=""
cleanup() {
	if [[ -n "$mock_pid" ]] && kill -0 "$mock_pid" 2>/dev/null; then
		kill "$mock_pid" 2>/dev/null || true
		wait "$mock_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

# The first build on a machine downloads Go modules and compiles them, which
# takes minutes; say so, and show that it is still going.
building() {
	local what="$1"
	shift
	say "Building $what"
	"$@" &
	local pid=$! waited=0
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		waited=$((waited + 1))
		if ((waited % 20 == 0)); then
			echo "    still building ($waited s; the first build on a machine downloads and compiles Go modules, a few minutes)"
		fi
	done
	wait "$pid"
}

mkdir -p "$work/bin" "$work/aws"
building "the provider, the mock P0 API and the offline AWS stand-in" \
	bash -c "cd '$root' && go build -o '$work/bin/terraform-provider-p0' . && go build -o '$work/bin/p0mock' ./internal/p0mock/cmd/p0mock && go build -o '$work/aws/terraform-provider-aws' ./tools/awsstub"

say "Starting the mock P0 API on a free loopback port"
org="demo-org"
token="demo-token-$RANDOM$RANDOM"
"$work/bin/p0mock" -addr 127.0.0.1:0 -org "$org" -token "$token" -url-file "$work/url" >/dev/null &
mock_pid=$!
for _ in $(seq 1 100); do
	[[ -s "$work/url" ]] && break
	kill -0 "$mock_pid" 2>/dev/null || { echo "the mock P0 API exited before it was ready" >&2; exit 1; }
	sleep 0.1
done
[[ -s "$work/url" ]] || { echo "the mock P0 API did not start within 10 seconds" >&2; exit 1; }

# hashicorp/aws is the offline stand-in of tools/awsstub: the demo applies
# the real onboarding example without AWS.
cat >"$work/terraformrc" <<CONFIG
provider_installation {
  dev_overrides {
    "p0-security/p0" = "$work/bin"
    "hashicorp/aws"  = "$work/aws"
  }
  direct {}
}
CONFIG

export TF_CLI_CONFIG_FILE="$work/terraformrc"
export TF_IN_AUTOMATION=1
export CHECKPOINT_DISABLE=1
export P0_HOST="$(cat "$work/url")"
export P0_ORG="$org"
export P0_API_TOKEN="$token"

# -L copies what the demo links to: it uses the examples as they are.
cp -RL "$root/examples/demo" "$work/demo"
cd "$work/demo"

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

say "terraform apply (P0 at $P0_HOST, organization $org)"
run "terraform apply" terraform apply -input=false -auto-approve || fail "terraform apply failed."
applied="$(grep -o 'Apply complete! Resources: [0-9]* added' "$log" | grep -o '[0-9]*' | head -n 1)"

say "terraform plan -detailed-exitcode: a second plan must show no changes"
set +e
run "terraform plan" terraform plan -input=false -detailed-exitcode
plan_status=$?
set -e
case "$plan_status" in
	0) ;;
	2) fail "The second plan wants changes; the provider did not converge." ;;
	*) fail "terraform plan failed." ;;
esac

outputs="$(terraform output -no-color 2>>"$log")"

say "terraform destroy"
run "terraform destroy" terraform destroy -input=false -auto-approve || fail "terraform destroy failed."
destroyed="$(grep -o 'Destroy complete! Resources: [0-9]* destroyed' "$log" | grep -o '[0-9]*' | tail -n 1)"

cat <<SUMMARY

==> Demo finished in ${SECONDS}s
    apply:    ${applied} resources created: AWS components staged and installed in the
              mock P0 (their IAM roles by the AWS stand-in), routing rules,
              expiry options, JIT settings
    plan:     no changes: what P0 holds matches the configuration
    destroy:  ${destroyed} resources destroyed (JIT settings stay in P0: the API cannot unset them)
    outputs after apply:
$(sed 's/^/      /' <<<"$outputs")
    Terraform's full output: ${log#"$root"/}
SUMMARY
