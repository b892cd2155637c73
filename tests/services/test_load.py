"""Load: 20 concurrent browser sessions on one server (``tests/services/load.py`` runs them), each loading the
timeline, clicking an event and changing the date range. Zero errors, every chart drawn; prints p50/p95 time to chart.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time

import pytest

from tests.browser_harness import ARTIFACTS, percentile, streamlit_server
from tests.services.load import SESSIONS, run_load


@pytest.mark.browser
@pytest.mark.load
def test_twenty_concurrent_sessions_load_click_and_change_range_without_errors(tmp_path):
    with streamlit_server(tmp_path / "cache") as server:
        started, cpu_before = time.monotonic(), server.cpu_seconds()
        results = asyncio.run(run_load(server.url))
        wall, server_cpu = time.monotonic() - started, server.cpu_seconds() - cpu_before
        log = server.log_tail(20000)
    failures = [r for r in results if r["errors"]]
    to_chart = [r["to_chart"] for r in results if "to_chart" in r]
    to_detail = [r["click_to_detail"] for r in results if "click_to_detail" in r]
    report = {"sessions": SESSIONS, "wall_s": round(wall, 1), "server_cpu_s": round(server_cpu, 1),
              "failed": len(failures),
              "to_chart_p50_s": round(statistics.median(to_chart), 2) if to_chart else None,
              "to_chart_p95_s": round(percentile(to_chart, 95), 2) if to_chart else None,
              "click_to_detail_p50_s": round(statistics.median(to_detail), 2) if to_detail else None,
              "click_to_detail_p95_s": round(percentile(to_detail, 95), 2) if to_detail else None}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "load.json").write_text(json.dumps({"summary": report, "sessions": results}, indent=2))
    print(f"load: {report}")
    assert not failures, f"{len(failures)} sessions failed: {failures[:3]}"
    assert "Traceback" not in log, log[-3000:]
    assert len(to_chart) == SESSIONS
