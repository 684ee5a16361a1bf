#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the console's browser tests (puppeteer-core
# drives it; nothing is downloaded from a browser vendor). As root it installs the package with
# apt-get; otherwise it says what to run. Prints the browser's path.
set -euo pipefail
for candidate in "${WAYMARK_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "$candidate"
    exit 0
  fi
done
if [ "$(id -u)" != "0" ]; then
  echo "Chromium is missing: run 'sudo apt-get install -y chromium' (or set WAYMARK_CHROMIUM)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq chromium >&2
echo /usr/bin/chromium
