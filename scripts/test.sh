#!/usr/bin/env bash
# scripts/test.sh: what `make test` runs, phase by phase, saying before each
# what it does and how long it usually takes, and after it how long it took.
# The Go modules a phase downloads are counted, not listed; the tests run
# under gotestsum, which shows their progress, and the run ends with one
# line that counts the tests passed, failed and skipped.
#
# The Makefile passes the commands and tools it builds:
#   GOTESTSUM        gotestsum, installed from the Go module proxy
#   TERRAFORM_LATEST the newest Terraform, for the docs and examples checks,
#                    and TERRAFORM_LATEST_VERSION its version
#   TFPLUGINDOCS     tfplugindocs
#   UNIT_PACKAGES    the packages whose tests need no Terraform
#   ACC_PACKAGES     the packages whose tests drive Terraform
#   ACC_PARALLEL     acceptance tests run at once
#   TEST_TIMEOUT     the acceptance tests' time limit
#   BUILD_DIR        where results go (test reports under BUILD_DIR/test)
set -euo pipefail
cd "$(dirname "$0")/.."

: "${GOTESTSUM:?}" "${TFPLUGINDOCS:?}" "${TERRAFORM_LATEST:?}" "${TERRAFORM_LATEST_VERSION:?}" "${UNIT_PACKAGES:?}" "${ACC_PACKAGES:?}" "${BUILD_DIR:?}"
ACC_PARALLEL="${ACC_PARALLEL:-4}"
TEST_TIMEOUT="${TEST_TIMEOUT:-20m}"
reports="$BUILD_DIR/test"
rm -rf "$reports"
mkdir -p "$reports"

phases=9
phase=0
started=$SECONDS

# run_phase TITLE USUAL COMMAND...: runs COMMAND with its "go: downloading"
# lines counted instead of shown, and says how long it took.
run_phase() {
	local title="$1" usual="$2" begun=$SECONDS counted="$reports/downloads"
	shift 2
	phase=$((phase + 1))
	printf '==> [%d/%d] %s (usually %s)\n' "$phase" "$phases" "$title" "$usual"
	: >"$counted"
	local status=0
	{ "$@" 2>&1 1>&3 3>&- | awk -v counted="$counted" '
		/^go: downloading / { n++; next }
		{ print > "/dev/stderr"; fflush("/dev/stderr") }
		END { print n + 0 > counted }'; } 3>&1 || status=$?
	local downloads
	downloads="$(cat "$counted" 2>/dev/null || echo 0)"
	local note=""
	if ((${downloads:-0} > 0)); then
		note=", after downloading ${downloads} Go modules (once: the module cache keeps them)"
	fi
	if ((status != 0)); then
		printf '    failed after %ds%s\n' $((SECONDS - begun)) "$note" >&2
		exit "$status"
	fi
	printf '    done in %ds%s\n' $((SECONDS - begun)) "$note"
}

# tests REPORT ARGS...: go test ARGS under gotestsum, its JSON kept as
# REPORT for the closing count.
tests() {
	local report="$1" format="$2"
	shift 2
	"$GOTESTSUM" --format "$format" --format-hide-empty-pkg --jsonfile "$reports/$report.json" -- "$@"
}

run_phase "Go modules: downloading what the build needs" "nothing when cached; 1 to 3 min on a new machine" \
	go mod download
run_phase "Tools: gotestsum and tfplugindocs, from the Go module proxy" "nothing when installed; 1 min once" \
	make --no-print-directory "$GOTESTSUM" "$TFPLUGINDOCS"
run_phase "Terraform $TERRAFORM_LATEST_VERSION, built from its Go module for the docs and examples checks" \
	"nothing when built; 3 to 4 min once" make --no-print-directory terraform-latest
run_phase "go vet ./..." "10 s; about 1 min on a new machine, which compiles the dependencies" \
	go vet ./...
run_phase "Examples: terraform fmt and validate on every folder under examples/" "20 s" \
	env TERRAFORM="$TERRAFORM_LATEST" ./scripts/check-examples.sh
run_phase "Docs: docs/ as make generate writes it, and tfplugindocs validate" "30 s" \
	env TERRAFORM="$TERRAFORM_LATEST" TFPLUGINDOCS="$TFPLUGINDOCS" ./scripts/docs.sh check
# shellcheck disable=SC2086 # UNIT_PACKAGES is a list of package patterns
run_phase "Unit tests, with the race detector" "40 s" \
	tests unit pkgname-and-test-fails -race -count=1 $UNIT_PACKAGES
# shellcheck disable=SC2086 # ACC_PACKAGES is a list of package patterns
run_phase "Acceptance tests: $(TF_CLI_CONFIG_FILE=/dev/null terraform version 2>/dev/null | head -1) against the mock P0 API, $ACC_PARALLEL at a time" "2 to 3 min" \
	env TF_ACC=1 "$GOTESTSUM" --format dots --jsonfile "$reports/acceptance.json" -- $ACC_PACKAGES -count=1 -p 1 \
	-parallel "$ACC_PARALLEL" -timeout "$TEST_TIMEOUT"
run_phase "Go benchmarks, once each, so that one that no longer works fails here" "30 s" \
	env TF_ACC_TERRAFORM_PATH="$TERRAFORM_LATEST" go test -run '^$' -bench . -benchtime 1x ./internal/...
printf '==> make test passed in %dm%02ds: %s\n' $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)) \
	"$(go run ./scripts/testcount "$reports"/unit.json "$reports"/acceptance.json)"
