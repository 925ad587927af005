#!/usr/bin/env bash
# scripts/build-tofu.sh VERSION [BUILD_DIR]
#
# Builds the OpenTofu CLI at VERSION (for example 1.12.6) from its Go module
# (the shared steps, and why, are in lib/build-cli.sh) and prints the
# binary's path as the last line of output. Its module builds as it is.
#
# The binary is cached as BUILD_DIR/tofu/VERSION/tofu (BUILD_DIR defaults to
# the repository's .build): when it exists nothing is downloaded or built.
set -euo pipefail

# shellcheck source=lib/build-cli.sh
source "$(dirname "$0")/lib/build-cli.sh"

version="${1:?usage: $0 VERSION [BUILD_DIR]}"
root="$(cd "$(dirname "$0")/.." && pwd)"

cli_source OpenTofu tofu github.com/opentofu/opentofu "$version" "${2:-$root/.build}"
cli_build ./cmd/tofu
