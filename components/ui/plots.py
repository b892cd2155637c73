"""Putting figures on the page: one plotly config for every chart, charts whose markers are clickable,
and the page script (``assets/page.js``) that makes Enter apply a typed date and keeps each chart's
zoom and hidden series when Streamlit draws it anew.

Every chart comes with its text alternative: a one-sentence summary for screen
readers, written by :func:`components.charts.describe.describe`, and the chart's data as a table one
click away, so no reader depends on seeing the plot."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import locale
from components.charts import describe, plotly_locale
from components.locale import _
from components.ui import device, replay, tables
from components.ui.state import PAGE_HELPERS, Chart

ASSETS = Path(__file__).parent / "assets"
DARK_CSS = (ASSETS / "dark.css").read_text(encoding="utf-8")
PAGE_SCRIPT = st.components.v2.component("page_helpers", js=(ASSETS / "page.js").read_text(encoding="utf-8"))


def config() -> dict:
    """The plotly config: no logo; plotly's own words and dates in the run's language; on a touch screen no toolbar
    (a swipe scrolls, the legend stays clear)."""
    touch = {"displayModeBar": False} if device.is_touch() else {}
    return {"displaylogo": False, **touch, **plotly_locale.plotly_config()}


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


def _described(fig) -> tuple:
    """The chart's summary sentence, its data tables and a key of the three, worked out on its first drawing (kept on
    the figure, which is cached per inputs and language, like its dict)."""
    if "_described" not in vars(fig):
        summary, table, events = describe.described(fig)
        fig._described = (summary, table, events, (summary, tables.content_key(table), tables.content_key(events)))
    return fig._described


def data_expander(fig) -> str:
    """The chart's data one click away: the summary, then its series and the events it marks as tables (drawn once
    per what they say: ``replay``). Returns the summary, the chart's accessible name."""
    summary, table, events, said = _described(fig)
    replay.draw("chart data", lambda: _data_tables(summary, table, events), said)
    return summary


def _data_tables(summary: str, table, events) -> None:
    """The expander's drawing: its tables drawn here, not by ``tables.show`` (a drawing replayed inside another
    one's block lands outside that block)."""
    with st.expander(_("Data of this chart"), icon=":material/table:"):
        st.caption(summary)
        if not table.empty:
            st.dataframe(table, hide_index=True, alt=summary)
        if not events.empty:
            st.dataframe(events, hide_index=True, alt=_("The events this chart marks"))


def show(fig, key: str) -> None:
    """A chart to look at; its summary is the chart's accessible name (``alt``), its data one click away."""
    st.plotly_chart(drawn_once(fig), key=key, config=config(), alt=_described(fig)[0])
    data_expander(fig)


def clickable(fig, chart: Chart, *, remember: bool = True) -> str | None:
    """A chart whose event markers can be clicked; the event id of a click, else None.

    With ``remember`` a selection counts once (it stays in the chart's state across reruns, and must
    not undo a later choice made elsewhere); without, every run reports the current selection.
    """
    if device.is_touch():  # a selectable chart turns a swipe into a pan; on a phone the timeline selects
        show(fig, chart.key)
        return None
    chart_state = st.plotly_chart(drawn_once(fig), key=chart.key, on_select="rerun", selection_mode="points",
                                  config=config(), alt=_described(fig)[0])
    data_expander(fig)
    return chart.picked(chart_state) if remember else chart.clicked(chart_state)


def page_helpers() -> None:
    """Once per run, from app.py: the page script (in the sidebar, where an empty element takes no room), told the
    run's language for ``<html lang>``, the chart's full-screen button and Streamlit's own words (the skip link, a
    file uploader's), and, in the dark theme, the contrast fixes of ``assets/dark.css``."""
    # Translators: the title of a chart's button that shows it on the whole screen, and of the one that ends it
    buttons = {"Fullscreen": _("Fullscreen"), "Close fullscreen": _("Close fullscreen")}
    # Streamlit's own words: its skip link, and a file uploader's buttons, their names and size line ("{size}" is
    # "1MB"; "{name}" a chosen file's name)
    words = {} if locale.current() == "en" else {
        "skip": _("Skip to main content"), "upload": _("Upload"), "perFile": _("{size} per file"),
        "fileUpload": _("file upload"), "addFiles": _("Add files"), "remove": _("Remove {name}"),
        "cancel": _("Cancel upload of {name}")}
    with st.sidebar:
        PAGE_SCRIPT(key=PAGE_HELPERS, data={"lang": locale.current(), "buttons": buttons, "words": words})
        if device.is_dark():
            st.html(f"<style>{DARK_CSS}</style>")
