#!/usr/bin/env bash
# Install everything the tests need (Python packages into .venv, Debian's chromium for the browser
# tests) and run the whole suite offline. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
    || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends chromium >/dev/null; }
fi
export DASHBOARD_OFFLINE=1
if [ "$#" -gt 0 ]; then
  exec .venv/bin/python -m pytest -n 2 "$@"
fi
# everything, then the load test alone: its twenty browser tabs need the machine to themselves
.venv/bin/python -m pytest -n 2 -m "not load"
exec .venv/bin/python -m pytest -m load
