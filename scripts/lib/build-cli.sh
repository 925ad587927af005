# shellcheck shell=bash
# Sourced by build-terraform.sh and build-tofu.sh (not run on its own): the
# steps both CLIs' builds share. Neither CLI publishes a binary through the
# Go module proxy, and `go install` refuses both modules because their
# go.mod files have replace directives, so each is built from a writable
# copy of its module.
#
#   cli_source NAME BINARY MODULE VERSION BUILD_DIR
#       When BUILD_DIR/BINARY/VERSION/BINARY exists, prints its path and
#       exits the script: nothing is downloaded or built. Otherwise
#       downloads MODULE@vVERSION and copies it to $work.
#   (the script edits the copy in $work here, if it needs to)
#   cli_build PACKAGE
#       Builds PACKAGE of the copy, checks that `BINARY version` reports
#       exactly "NAME vVERSION", and prints the binary's path as the last
#       line of output.

say() { printf '==> %s\n' "$*" >&2; }

cli_source() {
	cli_name="$1"
	cli_binary="$2"
	module="$3"
	version="${4#v}"
	dest="$5/$cli_binary/$version"
	bin="$dest/$cli_binary"

	if [[ -x "$bin" ]]; then
		say "$cli_name $version already built: $bin"
		echo "$bin"
		exit 0
	fi

	if ! command -v go >/dev/null 2>&1; then
		echo "building $cli_name needs Go on PATH; install it from https://go.dev/dl/" >&2
		exit 1
	fi

	# The module's go.mod names the Go version it needs: use the installed
	# toolchain rather than letting Go fetch another, and let Go fill in
	# go.sum if the copy (or an edit of its go.mod) needs it.
	export GOTOOLCHAIN=local
	export GOFLAGS="-mod=mod -buildvcs=false"
	export CGO_ENABLED=0

	say "Downloading $module@v$version through the Go module proxy"
	# Run from / so that no go.mod (this repository's included) is read or changed.
	# On failure, -json still prints the module's record, with the reason
	# under "Error".
	local answer src_dir
	if ! answer="$(cd / && GOWORK=off go mod download -json "$module@v$version")"; then
		echo "go mod download could not fetch $module@v$version: $(sed -n 's/^[[:space:]]*"Error": "\(.*\)"$/\1/p' <<<"$answer")" >&2
		exit 1
	fi
	src_dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$answer")"
	if [[ -z "$src_dir" || ! -d "$src_dir" ]]; then
		echo "go mod download did not report a source folder for $module@v$version" >&2
		exit 1
	fi

	# The copy is removed whether or not the build succeeds, so that no
	# stray Go source lingers in the repository for gofmt or editors to
	# find; Go's build cache keeps the compiled packages for the next try.
	# (The module cache itself is read-only, hence the copy.)
	work="$dest/src"
	trap 'rm -rf "$work" "$bin.tmp"' EXIT
	say "Copying $src_dir to $work"
	rm -rf "$work"
	mkdir -p "$dest"
	cp -R "$src_dir" "$work"
	chmod -R u+w "$work"
}

cli_build() {
	local package="$1" start=$SECONDS built
	say "Building $cli_name (this takes several minutes the first time)"
	# The release build's flags: dev=no drops the -dev suffix, so that
	# `$cli_binary version` reports exactly $version, which version checks
	# in tests read.
	(cd "$work" && go build -trimpath \
		-ldflags "-s -w -X '$module/version.dev=no'" \
		-o "$bin.tmp" "$package")
	# An empty CLI configuration keeps warnings about a missing one out of
	# the version line.
	built="$(TF_CLI_CONFIG_FILE=/dev/null "$bin.tmp" version 2>/dev/null | grep -m1 "^$cli_name v" || true)"
	if [[ "$built" != "$cli_name v$version" ]]; then
		echo "the binary built reports \"$built\", not $cli_name v$version" >&2
		exit 1
	fi
	mv "$bin.tmp" "$bin"
	say "Built $built in $((SECONDS - start))s: $bin"
	echo "$bin"
}
