#!/usr/bin/env bash
# Checks docker-compose.yml with `docker compose config` (issue 19) on a machine without Docker's
# compose plugin: builds Docker Compose from the Go module proxy once into the git-ignored
# .tools/bin (`go install` refuses the module, whose go.mod has exclude directives, so it is
# built from a throwaway module that carries them), then
#   1. without WAYMARK_API_KEYS and WAYMARK_SECRET the file must be refused (they are required);
#   2. with them it must render, and the rendered topology must publish only the proxy (3000)
#      and the loopback-bound Temporal UI, never Temporal's gRPC port 7233.
# Exits non-zero when a check fails. On demand; not part of `npm test`.
set -euo pipefail
COMPOSE_VERSION="v5.6.0"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/.tools/bin/docker-compose"
say() { echo "check-compose: $*" >&2; }

build() {
  [ -x "$bin" ] && return 0
  local mod gomod
  mod=$(mktemp -d)
  go mod download "github.com/docker/compose/v5@$COMPOSE_VERSION" >&2
  gomod="$(go env GOMODCACHE)/cache/download/github.com/docker/compose/v5/@v/$COMPOSE_VERSION.mod"
  {
    printf 'module composecheck\n\n%s\n\nrequire github.com/docker/compose/v5 %s\n\n' \
      "$(grep -m1 '^go ' "$gomod")" "$COMPOSE_VERSION"
    sed -n '/^exclude (/,/^)/p' "$gomod"
  } >"$mod/go.mod"
  printf '//go:build tools\n\npackage composecheck\n\nimport _ "github.com/docker/compose/v5/cmd"\n' >"$mod/tools.go"
  say "building Docker Compose $COMPOSE_VERSION (a few minutes, once)"
  mkdir -p "$(dirname "$bin")"
  (cd "$mod" && GOFLAGS=-buildvcs=false go mod tidy >&2 &&
    GOFLAGS=-buildvcs=false nice -n 10 go build -o "$bin" github.com/docker/compose/v5/cmd >&2)
  rm -rf "$mod"
}

build
cd "$root"
if env -u WAYMARK_API_KEYS -u WAYMARK_SECRET "$bin" config -q 2>/dev/null; then
  say "FAIL: rendered without WAYMARK_API_KEYS and WAYMARK_SECRET"
  exit 1
fi
say "refused without WAYMARK_API_KEYS / WAYMARK_SECRET: ok"
rendered=$(WAYMARK_API_KEYS=check-key WAYMARK_SECRET=check-secret-0123456789 "$bin" config --format json)
python3 - "$rendered" <<'PY'
import json, sys
cfg = json.loads(sys.argv[1])
published = {
    (name, p.get("host_ip", "0.0.0.0"), str(p["published"]), int(p["target"]))
    for name, svc in cfg["services"].items()
    for p in svc.get("ports", [])
}
allowed = {("proxy", "0.0.0.0", "3000", 3000), ("temporal-ui", "127.0.0.1", "8233", 8080)}
extra = published - allowed
if extra:
    sys.exit(f"check-compose: FAIL: unexpected published ports {sorted(extra)}")
for name in ("api", "worker"):
    svc = cfg["services"][name]
    if any(v.get("type") == "volume" or v.get("type") == "bind" for v in svc.get("volumes", [])):
        sys.exit(f"check-compose: FAIL: {name} mounts a volume")
    if "restart" not in svc:
        sys.exit(f"check-compose: FAIL: {name} has no restart policy")
print("check-compose: renders; published ports", sorted(published), "; api and worker mount no volume")
PY
