#!/usr/bin/env bash
# A Temporal server on PostgreSQL on this machine, without Docker: the same topology as
# docker-compose.yml (frontend, history, matching and worker services in one process, default
# and visibility stores on PostgreSQL), for soak tests (bench/soak.ts) and for trying Waymark
# against a real cluster store.
#
# 1. Finds the server version the pinned CLI (v1.5.1) embeds: `go.temporal.io/server` in the
#    CLI module's go.mod (`go mod download -json`), and builds that server and its
#    temporal-sql-tool once with `go install` into the git-ignored .tools/bin (`server`, `sql`).
# 2. Starts a throwaway PostgreSQL from Debian's binaries (scripts/ensure-postgres.sh) on a
#    free loopback port in a temporary folder (as `nobody` when run as root).
# 3. Creates the `temporal` and `temporal_visibility` databases and schemas with the sql tool,
#    and an empty `waymark` database for the registry (DATABASE_URL).
# 4. Writes the server config (free ports) and runs the server; waits for the frontend, creates
#    the `default` namespace and Waymark's search attributes (src/temporal/search-attributes.ts).
#
# Prints `temporal-postgres: ready TEMPORAL_ADDRESS=… DATABASE_URL=…` on stdout, then runs until
# SIGINT/SIGTERM, when it stops the server and PostgreSQL and removes the folder.
# `--build-only` stops after step 1. Logs: $WAYMARK_TEMPORAL_PG_DIR (default: a temporary folder).
set -euo pipefail
CLI_VERSION="v1.5.1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="$root/.tools/bin"
say() { echo "temporal-postgres: $*" >&2; }

server_version() {
  local gomod
  gomod=$(go mod download -json "github.com/temporalio/cli@$CLI_VERSION" |
    sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')
  awk '$1 == "go.temporal.io/server" { print $2; exit }' "$gomod"
}

build() {
  local version="$1"
  if [ -x "$bin_dir/server" ] && [ -x "$bin_dir/sql" ] &&
    "$bin_dir/server" --version 2>/dev/null | grep -q "${version#v}"; then
    return 0
  fi
  mkdir -p "$bin_dir"
  say "building go.temporal.io/server $version (server + temporal-sql-tool; takes many minutes)"
  GOBIN="$bin_dir" GOFLAGS=-buildvcs=false nice -n 10 go install \
    "go.temporal.io/server/cmd/server@$version" "go.temporal.io/server/cmd/tools/sql@$version" >&2
}

# Free loopback ports below 32768: the membership table stores a port as a smallint.
free_ports() {
  python3 - "$1" <<'EOF'
import random, socket, sys
socks = []
while len(socks) < int(sys.argv[1]):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", random.randint(20000, 32767)))
        socks.append(s)
    except OSError:
        s.close()
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

command -v go >/dev/null || { say "Go is needed to build the Temporal server"; exit 1; }
version=$(server_version)
[ -n "$version" ] || { say "no go.temporal.io/server in the go.mod of the CLI $CLI_VERSION"; exit 1; }
say "CLI $CLI_VERSION embeds go.temporal.io/server $version"
build "$version"
[ "${1:-}" = "--build-only" ] && exit 0
schema="$(go env GOMODCACHE)/go.temporal.io/server@$version/schema/postgresql/v12"
cli=$(bash "$root/scripts/ensure-temporal.sh" | tail -n 1)
pg_bin=$(bash "$root/scripts/ensure-postgres.sh" | tail -n 1)

dir="${WAYMARK_TEMPORAL_PG_DIR:-$(mktemp -d -t waymark-temporal-pg-XXXXXX)}"
mkdir -p "$dir/config/dynamicconfig"
pg_pid="" server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$pg_pid" ] && kill -INT "$pg_pid" 2>/dev/null && wait "$pg_pid" 2>/dev/null
  [ -z "${WAYMARK_TEMPORAL_PG_DIR:-}" ] && rm -rf "$dir"
  return 0
}
trap cleanup EXIT
trap 'exit 0' INT TERM

# --- PostgreSQL (refuses to run as root: then as nobody) ---
as=()
if [ "$(id -u)" = "0" ]; then
  chown nobody "$dir"
  as=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
fi
read -r pg_port frontend http history matching worker m1 m2 m3 m4 <<<"$(free_ports 10)"
LC_ALL=C "${as[@]}" "$pg_bin/initdb" -D "$dir/pg" -U waymark -A trust -E UTF8 --locale=C \
  --no-sync >"$dir/initdb.log"
# max_connections: 4 services × 20 + visibility, and 10 per Waymark process (API, worker).
LC_ALL=C "${as[@]}" "$pg_bin/postgres" -D "$dir/pg" -p "$pg_port" -c listen_addresses=127.0.0.1 \
  -c unix_socket_directories="$dir" -c max_connections=300 -c fsync=off \
  -c synchronous_commit=off -c full_page_writes=off >"$dir/postgres.log" 2>&1 &
pg_pid=$!
for _ in $(seq 1 100); do
  "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break
  sleep 0.2
done
"$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" || { say "postgres did not start:"; cat "$dir/postgres.log" >&2; exit 1; }
"$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U waymark -d postgres -c 'create database waymark'

# --- Schemas ---
sql_tool() { "$bin_dir/sql" --plugin postgres12 --ep 127.0.0.1 -p "$pg_port" -u waymark "$@"; }
for db in temporal temporal_visibility; do
  sub=$([ "$db" = temporal ] && echo temporal || echo visibility)
  sql_tool --db "$db" create >>"$dir/schema.log" 2>&1
  sql_tool --db "$db" setup-schema -v 0.0 >>"$dir/schema.log" 2>&1
  sql_tool --db "$db" update-schema -d "$schema/$sub/versioned" >>"$dir/schema.log" 2>&1 ||
    { say "schema of $db failed:"; tail -20 "$dir/schema.log" >&2; exit 1; }
done

# --- Server config: frontend, history, matching, worker (as docker-compose.yml's) ---
store() {
  cat <<EOF
      sql:
        pluginName: postgres12
        databaseName: $1
        connectAddr: 127.0.0.1:$pg_port
        connectProtocol: tcp
        user: waymark
        password: ""
        maxConns: $2
        maxIdleConns: $2
        maxConnLifetime: 1h
EOF
}
service() {
  printf '  %s:\n    rpc:\n      grpcPort: %s\n      membershipPort: %s\n      bindOnLocalHost: true\n' "$1" "$2" "$3"
  [ -n "${4:-}" ] && printf '      httpPort: %s\n' "$4"
  return 0
}
{
  printf 'log:\n  stdout: true\n  level: warn\n'
  printf 'persistence:\n  defaultStore: default\n  visibilityStore: visibility\n'
  printf '  numHistoryShards: %s\n  datastores:\n    default:\n' "${WAYMARK_TEMPORAL_SHARDS:-4}"
  store temporal 20
  printf '    visibility:\n'
  store temporal_visibility 10
  printf 'global:\n  membership:\n    maxJoinDuration: 30s\n    broadcastAddress: 127.0.0.1\n'
  printf 'services:\n'
  service frontend "$frontend" "$m1" "$http"
  service history "$history" "$m2"
  service matching "$matching" "$m3"
  service worker "$worker" "$m4"
  cat <<EOF
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: 127.0.0.1:$frontend
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: $dir/config/dynamicconfig/dynamic.yaml
  pollInterval: 10s
EOF
} >"$dir/config/development.yaml"
# The dev server's settings (src/temporal/dev-server.ts DEV_SERVER_DYNAMIC_CONFIG, and the
# CLI's visibility RPS; the server's default of 10 would throttle the API's listings).
cat >"$dir/config/dynamicconfig/dynamic.yaml" <<'EOF'
history.transferProcessorMaxPollRPS:
  - value: 2000
history.timerProcessorMaxPollRPS:
  - value: 2000
history.visibilityProcessorMaxPollRPS:
  - value: 2000
system.enableActivityEagerExecution:
  - value: true
frontend.namespaceRPS.visibility:
  - value: 100
EOF

"$bin_dir/server" --root "$dir" --config config --env development --allow-no-auth start \
  >"$dir/server.log" 2>&1 &
server_pid=$!
address="127.0.0.1:$frontend"
ok=""
for _ in $(seq 1 240); do
  kill -0 "$server_pid" 2>/dev/null || break
  if "$cli" operator cluster health --address "$address" >/dev/null 2>&1; then ok=1; break; fi
  sleep 0.5
done
[ -n "$ok" ] || { say "server did not become healthy:"; tail -30 "$dir/server.log" >&2; exit 1; }
for _ in $(seq 1 60); do
  "$cli" operator namespace create --address "$address" --namespace default --retention 24h \
    >>"$dir/admin.log" 2>&1 && break
  "$cli" operator namespace describe --address "$address" --namespace default >/dev/null 2>&1 && break
  sleep 1
done
# Waymark's custom search attributes (searchAttributeTypes in src/temporal/search-attributes.ts).
attributes=$(sed -n '/searchAttributeTypes: Record/,/^};/s/^  \(Waymark[A-Za-z]*\): .\([A-Za-z]*\).,$/\1=\2/p' \
  "$root/src/temporal/search-attributes.ts")
[ -n "$attributes" ] || { say "no search attributes found in src/temporal/search-attributes.ts"; exit 1; }
args=()
for sa in $attributes; do args+=(--name "${sa%%=*}" --type "${sa##*=}"); done
for _ in $(seq 1 30); do
  "$cli" operator search-attribute create --address "$address" --namespace default "${args[@]}" \
    >>"$dir/admin.log" 2>&1 && break
  sleep 1
done
say "server log: $dir/server.log"
echo "temporal-postgres: ready TEMPORAL_ADDRESS=$address DATABASE_URL=postgres://waymark@127.0.0.1:$pg_port/waymark"
wait "$server_pid"
