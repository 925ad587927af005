#!/usr/bin/env bash
# scripts/build-terraform.sh VERSION [BUILD_DIR]
#
# Builds the Terraform CLI at VERSION (for example 1.16.4) from its Go
# module and prints the binary's path as the last line of output. HashiCorp
# publishes no binary through the Go module proxy, and no other download is
# reachable here, so Terraform is built from source:
#
#   - `go install` refuses the module, whose go.mod has replace directives;
#     so the module is downloaded with `go mod download` and copied to a
#     writable folder (the module cache is read-only).
#   - The module's zip lacks the nested modules that those replace
#     directives point at (the azurerm, consul, cos, gcs, kubernetes, oci,
#     oss, pg and s3 state backends, and internal/legacy). Their requires
#     and replaces are dropped from go.mod, and the backend registrations
#     that import them from internal/backend/init; the local, remote, http,
#     inmem and cloud backends stay, which is all that tests need.
#   - `-X .../version.dev=no` drops the -dev suffix, so that `terraform
#     version` reports exactly VERSION, which version checks in tests read.
#
# The binary is cached as BUILD_DIR/terraform/VERSION/terraform (BUILD_DIR
# defaults to the repository's .build): when it exists nothing is
# downloaded or built.
set -euo pipefail

say() { printf '==> %s\n' "$*" >&2; }

version="${1:?usage: $0 VERSION [BUILD_DIR]}"
version="${version#v}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${2:-$root/.build}"
module="github.com/hashicorp/terraform"
dest="$build_dir/terraform/$version"
bin="$dest/terraform"

if [[ -x "$bin" ]]; then
	say "Terraform $version already built: $bin"
	echo "$bin"
	exit 0
fi

if ! command -v go >/dev/null 2>&1; then
	echo "building Terraform needs Go on PATH; install it from https://go.dev/dl/" >&2
	exit 1
fi

# Use the installed toolchain rather than letting Go fetch another, and let
# Go fill in go.sum after go.mod is edited.
export GOTOOLCHAIN=local
export GOFLAGS="-mod=mod -buildvcs=false"
export CGO_ENABLED=0

say "Downloading $module@v$version through the Go module proxy"
# Run from / so that no go.mod (this repository's included) is read or changed.
src_dir="$(cd / && GOWORK=off go mod download -json "$module@v$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
if [[ -z "$src_dir" || ! -d "$src_dir" ]]; then
	echo "go mod download did not report a source folder for $module@v$version" >&2
	exit 1
fi

# The copy is removed whether or not the build succeeds, so that no stray
# Go source lingers in the repository; Go's build cache keeps the compiled
# packages for the next try.
work="$dest/src"
trap 'rm -rf "$work" "$dest/terraform.tmp"' EXIT
say "Copying $src_dir to $work"
rm -rf "$work"
mkdir -p "$dest"
cp -R "$src_dir" "$work"
chmod -R u+w "$work"

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

say "Building Terraform (this takes several minutes the first time)"
start=$SECONDS
(cd "$work" && go build -trimpath \
	-ldflags "-s -w -X '$module/version.dev=no'" \
	-o "$dest/terraform.tmp" .)
built="$(TF_CLI_CONFIG_FILE=/dev/null "$dest/terraform.tmp" version 2>/dev/null | grep -m1 '^Terraform v' || true)"
if [[ "$built" != "Terraform v$version" ]]; then
	echo "the binary built reports \"$built\", not Terraform v$version" >&2
	exit 1
fi
mv "$dest/terraform.tmp" "$bin"
say "Built $built in $((SECONDS - start))s: $bin"
echo "$bin"
