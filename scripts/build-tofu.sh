#!/usr/bin/env bash
# scripts/build-tofu.sh VERSION [BUILD_DIR]
#
# Builds the OpenTofu CLI at VERSION (for example 1.12.6) from its Go module
# and prints the binary's path as the last line of output. OpenTofu publishes
# no prebuilt binary through the Go module proxy, and `go install` refuses its
# module because its go.mod has replace directives, so the module is
# downloaded with `go mod download`, copied to a writable folder (the module
# cache is read-only) and ./cmd/tofu is built inside it.
#
# The binary is cached as BUILD_DIR/tofu/VERSION/tofu (BUILD_DIR defaults to
# the repository's .build): when it exists nothing is downloaded or built.
set -euo pipefail

say() { printf '==> %s\n' "$*" >&2; }

version="${1:?usage: $0 VERSION [BUILD_DIR]}"
version="${version#v}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${2:-$root/.build}"
module="github.com/opentofu/opentofu"
dest="$build_dir/tofu/$version"
bin="$dest/tofu"

if [[ -x "$bin" ]]; then
	say "OpenTofu $version already built: $bin"
	echo "$bin"
	exit 0
fi

if ! command -v go >/dev/null 2>&1; then
	echo "building OpenTofu needs Go on PATH; install it from https://go.dev/dl/" >&2
	exit 1
fi

# OpenTofu's go.mod names the Go version it needs; use the installed
# toolchain rather than letting Go fetch another, and let Go fill in go.sum
# if the copy needs it.
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
# Go source lingers in the repository for gofmt or editors to find; Go's
# build cache keeps the compiled packages for the next try.
work="$dest/src"
trap 'rm -rf "$work" "$dest/tofu.tmp"' EXIT
say "Copying $src_dir to $work"
rm -rf "$work"
mkdir -p "$dest"
cp -R "$src_dir" "$work"
chmod -R u+w "$work"

# The release build's flags: dev=no drops the -dev suffix so that
# `tofu version` reports exactly $version.
say "Building ./cmd/tofu (this takes several minutes the first time)"
start=$SECONDS
(cd "$work" && go build -trimpath \
	-ldflags "-s -w -X '$module/version.dev=no'" \
	-o "$dest/tofu.tmp" ./cmd/tofu)
# An empty CLI configuration keeps warnings about a missing one out of the
# version line.
built="$(TF_CLI_CONFIG_FILE=/dev/null "$dest/tofu.tmp" version 2>/dev/null | grep -m1 '^OpenTofu v' || true)"
if [[ "$built" != "OpenTofu v$version" ]]; then
	echo "the binary built reports \"$built\", not OpenTofu v$version" >&2
	exit 1
fi
mv "$dest/tofu.tmp" "$bin"
say "Built $built in $((SECONDS - start))s: $bin"
echo "$bin"
