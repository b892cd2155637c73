#!/usr/bin/env bash
# Install everything the tests need (Python packages into .venv, Debian's chromium, postgresql and
# nginx) and run the whole suite offline. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
# Debian's packages: chromium and a CJK font (browser tests), postgresql and nginx (workspaces on PostgreSQL, the
# two-replica test). The tests start their own servers on loopback; none is started as a service.
MISSING=""
[ -x /usr/bin/chromium ] || MISSING="$MISSING chromium"
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || MISSING="$MISSING postgresql"
[ -x /usr/sbin/nginx ] || MISSING="$MISSING nginx"
# Chinese pages in the browser tests need a CJK font (Debian's Noto CJK)
compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK*" >/dev/null || MISSING="$MISSING fonts-noto-cjk"
if [ -n "$MISSING" ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  # shellcheck disable=SC2086
  $SUDO apt-get install -y --no-install-recommends $MISSING >/dev/null 2>&1 \
    || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends $MISSING >/dev/null; }
fi
export DASHBOARD_OFFLINE=1
if [ "$#" -gt 0 ]; then
  exec .venv/bin/python -m pytest -n 2 --dist worksteal "$@"
fi
# everything (two workers; an idle one takes tests queued for the other, so a few long browser tests at the end do
# not leave one core waiting: 8 1/2 minutes here against 13 with the default split), then the benchmark's quick pass
# (every page of the navigation and each of its controls against its floor; it fails when a page is left out or a run
# raises), then the load test alone: its twenty browser tabs need the machine to themselves
.venv/bin/python -m pytest -n 2 --dist worksteal -m "not load"
.venv/bin/python scripts/bench.py --quick
exec .venv/bin/python -m pytest -m load
