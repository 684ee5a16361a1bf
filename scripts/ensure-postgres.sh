#!/usr/bin/env bash
# Makes sure Debian's PostgreSQL server binaries are installed for the registry's PostgreSQL
# tests (test/support/postgres.ts runs initdb and postgres from them in a temporary folder; no
# system cluster is used). As root it installs the package with apt-get, without starting
# Debian's default cluster; otherwise it says what to run. Prints the bin folder.
set -euo pipefail
find_bin() {
  if [ -n "${WAYMARK_PG_BIN:-}" ] && [ -x "$WAYMARK_PG_BIN/initdb" ]; then
    echo "$WAYMARK_PG_BIN"
    return 0
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}
if find_bin; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "PostgreSQL is missing: run 'sudo apt-get install -y postgresql' (or set WAYMARK_PG_BIN)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# No server left running on port 5432 (the tests start their own): while installing, a
# policy-rc.d forbids the package's service start, unless the machine has a policy already.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  trap 'rm -f "$policy"' EXIT
fi
apt-get update -qq >&2
apt-get install -y -qq postgresql >&2
find_bin
