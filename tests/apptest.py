"""Opening the app in AppTest, as every page test does (not a test module).

:func:`open_page` builds an AppTest of the router (``app.py``) with a session state and link
parameters, switched to a page; the ``open_page`` fixture in ``conftest.py`` hands it to tests.
The other helpers read what a run shows: chart specs, texts, query parameters, the date range.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from streamlit.testing.v1 import AppTest

from components.ui.state import Key
from tests.paths import ROOT

APP = ROOT / "app.py"
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*/*.py") if p.name != "__init__.py")
TIMEOUT = 60  # seconds per AppTest run: generous for a shared, busy machine


def open_page(path: str = "app.py", session: Mapping[Key | str, object] | None = None,
              params: Mapping[str, str] | None = None, *, run: bool = True) -> AppTest:
    """The app showing ``path`` (``app.py`` for the router's default page) with ``session`` and ``params``.

    ``session`` maps state keys (``state.EVENT``, or a widget key of ``components.ui.state``) to values.
    With ``run=False`` nothing has run yet: the caller runs it (to time it, or to change more first).
    A page other than the default is reached through ``switch_page``, as a click in the sidebar would.
    """
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in (session or {}).items():
        at.session_state[key.name if isinstance(key, Key) else key] = value
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


def frame_with(at: AppTest, column: str):
    """The first dataframe on screen with ``column`` (dataframes carry no key in AppTest)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def assert_no_exception(at: AppTest, when: str) -> None:
    assert not at.exception, f"{when}: uncaught exception: {[e.value for e in at.exception]}"


def shown_range(at: AppTest):
    """The (start, end) dates the app shows for its session state (the dates chosen, as the range line says)."""
    from components.analysis.ranges import resolve
    from components.ui import state
    from components.ui.prices_events import data_span

    ss = at.session_state
    get = lambda key: ss[key.name] if key.name in ss else None  # noqa: E731
    return resolve(get(state.RANGE_PRESET), get(state.RANGE_ANCHOR), (get(state.RANGE_START), get(state.RANGE_END)),
                   *data_span()).chosen


def with_article(text: str, published, place: str = "") -> dict[Key, object]:
    """Session state holding one loaded article, the one the claims page checks."""
    from components.ui import articles, state

    article = articles.new_article(text, published, place)
    return {state.LOADED_ARTICLES: [article], state.CLAIMS_ARTICLE: article.id, state.CLAIMS_SOURCE: "loaded"}


def claims_article(at: AppTest):
    """The loaded article the claims page checks, as the session names it."""
    from components.ui import state

    wanted = at.session_state[state.CLAIMS_ARTICLE.name]
    return next(a for a in at.session_state[state.LOADED_ARTICLES.name] if a.id == wanted)
