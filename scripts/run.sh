#!/usr/bin/env bash
# Install the app's requirements into .venv and start it on the bundled data (http://localhost:8501).
# DASHBOARD_OFFLINE=0 ./scripts/run.sh tries live Yahoo Finance first and falls back per symbol.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
export DASHBOARD_OFFLINE="${DASHBOARD_OFFLINE:-1}"
exec .venv/bin/python scripts/serve.py "$@"  # streamlit run app.py, every page at its own address
