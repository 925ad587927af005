#!/usr/bin/env bash
# Checks examples/: `terraform fmt -check`, then `terraform validate` on
# every folder under examples/ that holds .tf files, found anew on each run,
# against the provider built from this checkout.
#
# Validation needs no `terraform init` and downloads nothing: a dev_overrides
# CLI configuration in a temporary folder points p0-security/p0 at the fresh
# build, and Terraform's builtin provider needs no installation. Each folder
# is validated in a temporary copy with one extra override file that
# declares p0's source, since examples may leave out required_providers.
#
# TERRAFORM names the terraform to use (default: terraform on PATH). The
# examples of actions, list resources (.tfquery.hcl files, validated with
# -query) and import by identity need Terraform 1.14 or later, so the
# Makefile passes the newest Terraform, which it builds.
#
# examples/aws-onboarding also needs hashicorp/aws, which cannot be
# downloaded here: the offline stand-in of tools/awsstub, which has the same
# resources and attributes for what the example uses, validates it. Folders
# that need yet other providers can be listed in EXAMPLES_SKIP (paths under
# examples/, separated by spaces); they are still checked by fmt.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/dev-provider.sh
source "$(dirname "$0")/lib/dev-provider.sh"
cd "$root"

terraform="${TERRAFORM:-terraform}"
# examples/switching/before is a configuration of P0's own provider, which
# cannot be validated against this one (internal/provider/testdata/switching
# holds what P0's provider recorded applying it).
skip="${EXAMPLES_SKIP-switching/before}"

dev_provider with-aws

say "terraform fmt -check -recursive examples"
if ! "$terraform" fmt -check -recursive -diff examples; then
	echo "The files above are not formatted; run make fmt." >&2
	exit 1
fi

skipped() {
	local rel="${1#examples/}" s
	for s in $skip; do
		if [[ "$rel" == "$s" || "$rel" == "$s"/* ]]; then
			return 0
		fi
	done
	return 1
}

say "terraform validate in every example folder"
valid=0
failed=()
n=0
while IFS= read -r dir; do
	if skipped "$dir"; then
		echo "    skip  $dir (needs providers other than p0; listed in EXAMPLES_SKIP)"
		continue
	fi
	n=$((n + 1))
	copy="$dev_dir/examples/$n"
	mkdir -p "$copy"
	# -L: a folder may link to other examples, as examples/demo does.
	cp -RL "$dir/." "$copy/"
	cat >"$copy/zz_p0_source_override.tf" <<'HCL'
terraform {
  required_providers {
    p0 = {
      source = "p0-security/p0"
    }
  }
}
HCL
	if output="$(cd "$copy" && "$terraform" validate -query -no-color 2>&1)"; then
		echo "    ok    $dir"
		valid=$((valid + 1))
	else
		echo "    FAIL  $dir"
		printf '%s\n' "$output" | sed 's/^/          /'
		failed+=("$dir")
	fi
done < <(find examples \( -name '*.tf' -o -name '*.tfquery.hcl' \) -not -path '*/.terraform/*' -exec dirname {} \; | sort -u)

if ((${#failed[@]} > 0)); then
	echo >&2
	echo "terraform validate failed in: ${failed[*]}." >&2
	echo "Fix the example, or, if it needs a provider other than p0, add its folder to EXAMPLES_SKIP in scripts/check-examples.sh." >&2
	exit 1
fi
if ((valid == 0)); then
	echo "No example folder was validated; is examples/ empty?" >&2
	exit 1
fi
echo "    $valid example folders are valid."
