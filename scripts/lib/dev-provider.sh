# shellcheck shell=bash
# Sourced by the scripts beside it (not run on its own).
#
# dev_provider builds the provider from this checkout into a temporary
# folder and writes, in the same folder, a Terraform CLI configuration whose
# dev_overrides point p0-security/p0 at that build. TF_CLI_CONFIG_FILE is
# exported, so every terraform command that follows uses this build without
# `terraform init`, never downloads a provider, and never reads or changes
# the user's own ~/.terraformrc. The folder is removed when the script exits.
# With the argument "with-aws", hashicorp/aws is overridden too, by the
# offline stand-in of tools/awsstub, for examples/aws-onboarding.
#
# After it returns: $dev_dir is the temporary folder, $root the checkout.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

say() { printf '==> %s\n' "$*"; }

need() {
	if ! command -v "$1" >/dev/null 2>&1; then
		echo "$2" >&2
		exit 1
	fi
}

dev_dir=""
remove_dev_dir() {
	if [[ -n "$dev_dir" ]]; then
		rm -rf "$dev_dir"
	fi
}
trap remove_dev_dir EXIT

# building runs a build command, saying what it builds. The first build on
# a machine downloads Go modules and compiles them, which takes minutes:
# it shows that the build is still going.
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

dev_provider() {
	need go "Go is needed to build the provider; install it from https://go.dev/dl/."
	need terraform "The terraform CLI is needed; install it from https://developer.hashicorp.com/terraform/install."

	dev_dir="$(mktemp -d "${TMPDIR:-/tmp}/p0-dev.XXXXXX")"
	building "the provider into $dev_dir/bin" go build -C "$root" -o "$dev_dir/bin/terraform-provider-p0" .
	local aws_override=""
	if [[ "${1:-}" == with-aws ]]; then
		building "the offline stand-in for hashicorp/aws (tools/awsstub) into $dev_dir/aws" \
			go build -C "$root" -o "$dev_dir/aws/terraform-provider-aws" ./tools/awsstub
		aws_override="\"hashicorp/aws\" = \"$dev_dir/aws\""
	fi

	cat >"$dev_dir/terraformrc" <<CONFIG
provider_installation {
  dev_overrides {
    "p0-security/p0" = "$dev_dir/bin"
    $aws_override
  }
  direct {}
}
CONFIG
	export TF_CLI_CONFIG_FILE="$dev_dir/terraformrc"
	export TF_IN_AUTOMATION=1
	export CHECKPOINT_DISABLE=1
}
