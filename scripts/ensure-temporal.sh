#!/usr/bin/env bash
# Makes sure the pinned Temporal CLI (v1.5.1: server 1.29.1 + Web UI) is available and prints
# its path on the last line of stdout. Reuses a `temporal` on PATH that embeds the same server,
# else builds it once with `go install` into the git-ignored .tools/bin and reuses it after.
set -euo pipefail
VERSION="v1.5.1"
SERVER_MARK="Server 1.29.1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="${WAYMARK_TOOLS_DIR:-$root/.tools}/bin"
local_bin="$bin_dir/temporal"

if [ -x "$local_bin" ] && "$local_bin" --version 2>/dev/null | grep -q "$SERVER_MARK"; then
  echo "$local_bin"; exit 0
fi
if command -v temporal >/dev/null 2>&1 && temporal --version 2>/dev/null | grep -q "$SERVER_MARK"; then
  command -v temporal; exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "ensure-temporal: Go is needed to build the Temporal CLI $VERSION and was not found on PATH" >&2
  exit 1
fi
mkdir -p "$bin_dir"
echo "ensure-temporal: building the Temporal CLI $VERSION with go install (first time only, takes a few minutes)..." >&2
# -x would be too loud; print each module download and a heartbeat so a newcomer sees progress.
( while sleep 20; do echo "ensure-temporal: still building ($(date +%T))..." >&2; done ) &
beat=$!
trap 'kill $beat 2>/dev/null || true' EXIT
GOBIN="$bin_dir" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$VERSION" >&2
echo "ensure-temporal: built $local_bin" >&2
echo "$local_bin"
