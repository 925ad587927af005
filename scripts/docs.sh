#!/usr/bin/env bash
# Renders the registry documentation with tfplugindocs, offline.
#
#   scripts/docs.sh generate   rewrite docs/ from the provider's schema
#                              descriptions, templates/ and examples/
#   scripts/docs.sh check      render into .build/docs/rendered and fail when
#                              it differs from docs/ (run `make generate`)
#
# Both end with `tfplugindocs validate` on docs/. The schema comes from the
# provider built from this checkout, through `terraform providers schema
# -json` and a dev_overrides CLI configuration in a temporary folder;
# nothing is downloaded. TFPLUGINDOCS names the tfplugindocs binary (the
# Makefile installs a pinned one into .build/tools). TERRAFORM names the
# terraform that reads the schema (default: terraform on PATH); only
# Terraform 1.14 and later give the identity schemas, list resources and
# actions, so the Makefile passes the newest Terraform, which it builds.
#
# Templates for objects the provider does not serve yet (for example a
# resource still being written on another branch) are left out of the
# rendering, with a note, so that they can be committed ahead of the code.
#
# A resource's examples/resources/<type>/import-by-block.tf (an `import {}`
# block) is shown as its import block example: tfplugindocs knows that file
# as import-by-string-id.tf, so the rendering uses a copy of examples/ with
# the file under that name too.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/dev-provider.sh
source "$(dirname "$0")/lib/dev-provider.sh"
cd "$root"

mode="${1:-}"
case "$mode" in
	generate | check) ;;
	*)
		echo "usage: $0 generate|check" >&2
		exit 2
		;;
esac
tfplugindocs="${TFPLUGINDOCS:-}"
if [[ -z "$tfplugindocs" || ! -x "$tfplugindocs" ]]; then
	echo "TFPLUGINDOCS must name the tfplugindocs binary; run this through make generate or make check-docs, which install it." >&2
	exit 1
fi

# tfplugindocs takes these folders relative to the provider's folder.
work=".build/docs"
rm -rf "$work"
mkdir -p "$work"

dev_provider

say "Reading the provider's schema (terraform providers schema -json)"
mkdir -p "$dev_dir/schema"
cat >"$dev_dir/schema/main.tf" <<'HCL'
terraform {
  required_providers {
    p0 = {
      source = "p0-security/p0"
    }
  }
}
HCL
(cd "$dev_dir/schema" && "${TERRAFORM:-terraform}" providers schema -json) >"$dev_dir/terraform-schema.json"
go run ./scripts/docschema -in "$dev_dir/terraform-schema.json" -out "$work/schema.json" >"$work/objects.txt"
echo "    serves: $(tr '\n' ' ' <"$work/objects.txt")"

say "Collecting templates/"
mkdir -p "$work/templates"
if [[ -d templates ]]; then
	cp -R templates/. "$work/templates/"
fi
# List resources take the resources' fallback template: one page shape,
# grouped by integration alike.
if [[ -f "$work/templates/resources.md.tmpl" && ! -f "$work/templates/list-resources.md.tmpl" ]]; then
	cp "$work/templates/resources.md.tmpl" "$work/templates/list-resources.md.tmpl"
fi
for kind in resources data-sources ephemeral-resources list-resources actions; do
	for file in "$work/templates/$kind"/*; do
		[[ -f "$file" ]] || continue
		base="$(basename "$file")"
		if ! grep -qxF "$kind/${base%%.*}" "$work/objects.txt"; then
			echo "    not rendered yet: templates/$kind/$base (the provider has no p0_${base%%.*} in $kind)"
			rm -f "$file"
		fi
	done
done

say "Collecting examples/"
cp -R examples "$work/examples"
for block in "$work"/examples/resources/*/import-by-block.tf; do
	[[ -f "$block" ]] || continue
	target="$(dirname "$block")/import-by-string-id.tf"
	if [[ -f "$target" ]]; then
		echo "    $(dirname "${block#"$work"/}") has both import-by-block.tf and import-by-string-id.tf; showing import-by-string-id.tf" >&2
		continue
	fi
	cp "$block" "$target"
done

out="docs"
if [[ "$mode" == check ]]; then
	out="$work/rendered"
fi

say "Rendering $out/ with tfplugindocs"
"$tfplugindocs" generate \
	--provider-name p0 \
	--rendered-provider-name P0 \
	--providers-schema "$work/schema.json" \
	--website-source-dir "$work/templates" \
	--rendered-website-dir "$out" \
	--examples-dir "$work/examples" \
	>"$work/tfplugindocs.log" 2>&1 || {
	cat "$work/tfplugindocs.log" >&2
	echo "tfplugindocs generate failed." >&2
	exit 1
}
grep -i 'warn\|error' "$work/tfplugindocs.log" || true

if [[ "$mode" == check ]]; then
	say "Comparing docs/ with the fresh rendering"
	if ! diff -ruN docs "$out"; then
		echo >&2
		echo "docs/ is out of date with the schema, templates/ or examples/. Run make generate and commit docs/." >&2
		exit 1
	fi
	echo "    docs/ is up to date."
fi

say "Validating docs/ (tfplugindocs validate)"
if ! "$tfplugindocs" validate --provider-name p0 --providers-schema "$work/schema.json" >"$work/validate.log" 2>&1; then
	grep -v '\[DEBUG\]' "$work/validate.log" >&2
	echo "tfplugindocs validate found problems in docs/ (above); fix templates/ or the schema descriptions and run make generate." >&2
	exit 1
fi
echo "    docs/ is valid."
