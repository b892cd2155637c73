"""Opening the app in AppTest, as every page test does (not a test module).

:func:`open_page` builds an AppTest of the router (``app.py``) with a session state and link
parameters, switched to a page; the ``open_page`` fixture in ``conftest.py`` hands it to tests.
The other helpers read what a run shows: chart specs, texts, query parameters, the date range.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from streamlit.testing.v1 import AppTest

from tests.paths import ROOT

APP = ROOT / "app.py"
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*/*.py") if p.name != "__init__.py")
TIMEOUT = 60  # seconds per AppTest run: generous for a shared, busy machine


def open_page(path: str = "app.py", state: Mapping[str, object] | None = None,
              params: Mapping[str, str] | None = None, *, run: bool = True) -> AppTest:
    """The app showing ``path`` (``app.py`` for the router's default page) with ``state`` and ``params``.

    With ``run=False`` nothing has run yet: the caller runs it (to time it, or to change more first).
    A page other than the default is reached through ``switch_page``, as a click in the sidebar would.
    """
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if path != "app.py":
        at.switch_page(path)
    return at.run() if run else at


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def event_ids_in(spec: dict) -> set[str]:
    return {cd[0] for trace in spec["data"] if isinstance(trace.get("customdata"), list)
            for cd in trace["customdata"] if isinstance(cd, list)}


def qp(at: AppTest, name: str) -> str:
    value = at.query_params[name]
    return value[0] if isinstance(value, list) else value


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [h.value for h in at.header] + [s.value for s in at.subheader]
    return "\n".join(parts)


def assert_no_exception(at: AppTest, when: str) -> None:
    assert not at.exception, f"{when}: uncaught exception: {[e.value for e in at.exception]}"


def shown_range(at: AppTest):
    """The (start, end) dates the app shows for its session state (the sidebar's range)."""
    from components.analysis.ranges import resolve_range
    from components.ui.data import data_span

    ss = at.session_state
    get = lambda key: ss[key] if key in ss else None  # noqa: E731
    return resolve_range(get("range_preset"), get("range_anchor"), (get("range_start"), get("range_end")),
                         *data_span())
