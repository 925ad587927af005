#!/usr/bin/env bash
# make demo: build the provider and the mock P0 API, then run Terraform on
# examples/demo against the mock: apply, a plan that must show no changes,
# and destroy. Nothing outside a temporary folder is touched: the Terraform
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

say "Building the provider and the mock P0 API"
mkdir -p "$work/bin"
(cd "$root" && go build -o "$work/bin/terraform-provider-p0" . && go build -o "$work/bin/p0mock" ./internal/p0mock/cmd/p0mock)

say "Starting the mock P0 API on a free loopback port"
org="demo-org"
token="demo-token-$RANDOM$RANDOM"
"$work/bin/p0mock" -addr 127.0.0.1:0 -org "$org" -token "$token" -url-file "$work/url" &
mock_pid=$!
for _ in $(seq 1 100); do
	[[ -s "$work/url" ]] && break
	kill -0 "$mock_pid" 2>/dev/null || { echo "the mock P0 API exited before it was ready" >&2; exit 1; }
	sleep 0.1
done
[[ -s "$work/url" ]] || { echo "the mock P0 API did not start within 10 seconds" >&2; exit 1; }

cat >"$work/terraformrc" <<CONFIG
provider_installation {
  dev_overrides {
    "p0-security/p0" = "$work/bin"
  }
  direct {}
}
CONFIG

export TF_CLI_CONFIG_FILE="$work/terraformrc"
export TF_IN_AUTOMATION=1
export P0_HOST="$(cat "$work/url")"
export P0_ORG="$org"
export P0_API_TOKEN="$token"

# -L copies what the demo links to: it uses the resource examples as they are.
cp -RL "$root/examples/demo" "$work/demo"
cd "$work/demo"

say "terraform apply (P0 at $P0_HOST, organization $org)"
terraform apply -input=false -auto-approve

say "terraform plan -detailed-exitcode: a second plan must show no changes"
set +e
terraform plan -input=false -detailed-exitcode
plan_status=$?
set -e
case "$plan_status" in
	0) echo "No changes: the applied configuration matches P0." ;;
	2) echo "The second plan wants changes; the provider did not converge." >&2; exit 1 ;;
	*) echo "terraform plan failed." >&2; exit 1 ;;
esac

say "terraform destroy"
terraform destroy -input=false -auto-approve

say "Demo finished: applied, re-planned with no changes, destroyed."
