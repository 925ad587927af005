#!/usr/bin/env bash
# scripts/build-terraform.sh VERSION [BUILD_DIR]
#
# Builds the Terraform CLI at VERSION (for example 1.16.4) from its Go
# module (the shared steps, and why, are in lib/build-cli.sh) and prints
# the binary's path as the last line of output. Unlike OpenTofu's, its
# module does not build as it is:
#
#   - The module's zip lacks the nested modules that its go.mod's replace
#     directives point at (the azurerm, consul, cos, gcs, kubernetes, oci,
#     oss, pg and s3 state backends, and internal/legacy). Their requires
#     and replaces are dropped from go.mod, and the backend registrations
#     that import them from internal/backend/init; the local, remote, http,
#     inmem and cloud backends stay, which is all that tests need.
#
# The binary is cached as BUILD_DIR/terraform/VERSION/terraform (BUILD_DIR
# defaults to the repository's .build): when it exists nothing is
# downloaded or built.
set -euo pipefail

# shellcheck source=lib/build-cli.sh
source "$(dirname "$0")/lib/build-cli.sh"

version="${1:?usage: $0 VERSION [BUILD_DIR]}"
root="$(cd "$(dirname "$0")/.." && pwd)"

cli_source Terraform terraform github.com/hashicorp/terraform "$version" "${2:-$root/.build}"

# The nested modules missing from the zip, as go.mod names them.
missing='github.com/hashicorp/terraform/internal/(backend/remote-state/(azure|consul|cos|gcs|kubernetes|oci|oss|pg|s3)|legacy)'
say "Dropping the backends whose modules the zip lacks"
# go.mod: their replace lines, and their require lines (alone or in a block).
grep -vE "^[[:space:]]*(replace[[:space:]]+|require[[:space:]]+)?$missing[[:space:]]" "$work/go.mod" >"$work/go.mod.new"
mv "$work/go.mod.new" "$work/go.mod"
# internal/backend/init: their imports and their entries in the registry.
init="$work/internal/backend/init/init.go"
grep -vE "\"$missing\"|^[[:space:]]*\"(azurerm|consul|cos|gcs|kubernetes|oss|pg|s3|oci)\":[[:space:]]*func\(\)" "$init" >"$init.new"
mv "$init.new" "$init"
if grep -qE "$missing" "$work/go.mod" "$init"; then
	echo "the backends missing from the module are still named in go.mod or internal/backend/init; the recipe needs updating for $version" >&2
	exit 1
fi

cli_build .
