#!/usr/bin/env bash
# Creates .venv beside this script (git-ignored) with the pinned requirements; does nothing when
# it already holds exactly them. Used by test/e2e/python-worker.test.ts and by hand:
#   examples/python-worker/setup.sh && examples/python-worker/.venv/bin/python worker.py
set -euo pipefail
cd "$(dirname "$0")"
stamp=.venv/requirements.installed
if [ -f "$stamp" ] && cmp -s requirements.txt "$stamp"; then exit 0; fi
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
cp requirements.txt "$stamp"
