"""Every page runs offline through AppTest with default widgets, and shows real figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
TIMEOUT = 60


def run_app(**state) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


@pytest.mark.parametrize("path", ["app.py", *PAGES])
def test_page_runs_without_exception(path):
    at = run_app()
    if path != "app.py":
        at.switch_page(path).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{path} shows no title"


def test_overview_shows_computed_headline_reactions_and_events_on_the_chart():
    at = run_app()
    metrics = {m.label.split(" · ")[0]: m.value for m in at.metric}
    assert metrics == {"9988.HK": "+8.39%", "BABA": "+8.61%", "^HSI": "+3.29%", "^HSCE": "+3.57%"}
    spec = chart_specs(at)[0]
    ids = {cd[0] for trace in spec["data"] if isinstance(trace.get("customdata"), list)
           for cd in trace["customdata"]}
    assert {"qwq-32b-release", "manus-launch", "deepseek-r1-release"} <= ids
    assert "tongyi-qianwen-unveiled" not in ids  # 2023, outside the default range
    assert any("Offline mode" in i.value for i in at.info)
