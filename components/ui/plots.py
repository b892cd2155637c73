"""Putting figures on the page: one plotly config for every chart, charts whose markers are clickable,
and the page script (``assets/page.js``) that makes Enter apply a typed date and keeps each chart's
zoom and hidden series when Streamlit draws it anew."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.ui import device
from components.ui.state import PAGE_HELPERS, Chart

ASSETS = Path(__file__).parent / "assets"
PAGE_SCRIPT = st.components.v2.component("page_helpers", js=(ASSETS / "page.js").read_text(encoding="utf-8"))


def config() -> dict:
    """The plotly config: no logo; on a touch screen no toolbar (a swipe scrolls, the legend stays clear)."""
    return {"displaylogo": False, "displayModeBar": False} if device.is_touch() else {"displaylogo": False}


def drawn_once(fig):
    """``fig``, whose plotly dict is built on its first drawing only.

    ``st.plotly_chart`` asks a figure for its dict on every run, and building it (a deep copy, arrays encoded)
    costs more than the rest of drawing. The figures pages draw are cached per inputs and never changed once
    built (``caches``), so the dict of the first drawing is the dict of every later one.
    """
    if "to_dict" not in vars(fig):
        as_dict = fig.to_dict()
        fig.to_dict = lambda: as_dict
    return fig


def show(fig, key: str) -> None:
    """A chart to look at."""
    st.plotly_chart(drawn_once(fig), key=key, config=config())


def clickable(fig, chart: Chart, *, remember: bool = True) -> str | None:
    """A chart whose event markers can be clicked; the event id of a click, else None.

    With ``remember`` a selection counts once (it stays in the chart's state across reruns, and must
    not undo a later choice made elsewhere); without, every run reports the current selection.
    """
    if device.is_touch():  # a selectable chart turns a swipe into a pan; on a phone the timeline selects
        show(fig, chart.key)
        return None
    chart_state = st.plotly_chart(drawn_once(fig), key=chart.key, on_select="rerun", selection_mode="points",
                                  config=config())
    return chart.picked(chart_state) if remember else chart.clicked(chart_state)


def page_helpers() -> None:
    """Once per run, from app.py: the page script (in the sidebar, where an empty element takes no room)."""
    with st.sidebar:
        PAGE_SCRIPT(key=PAGE_HELPERS)
