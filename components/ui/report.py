"""The "Download report" button: the current story as one HTML file, built only when it is clicked.

The button's data is a callable (Streamlit runs it on the click, in a worker thread, without the
script), so it takes plain values captured on this run and calls only pure code: the prices from
``data.store``, the report from ``components.report.story``.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging

import streamlit as st

from components import locale
from components.analysis.ranges import DateRange
from components.data import store
from components.locale import _
from components.report.story import Story, build_report, symbols_needed
from components.ui import state, updown
from components.ui.prices_events import all_events

log = logging.getLogger("dashboard")


def story_now(share_url: str | None, shown: DateRange) -> Story:
    """The story as the session shows it: its events, selection, range and symbols."""
    return Story(events=tuple(all_events()), selected=state.EVENT.get(), start=shown.start, end=shown.end,
                 symbols=tuple(state.SYMBOLS.get()), share_url=share_url,
                 articles=tuple(state.LOADED_ARTICLES.get()), updown=updown.chosen())


def report_file(story: Story, span: tuple[dt.date, dt.date], language: str) -> bytes:
    """The report's bytes in ``language``, the reader's (runs on the click, outside the script, in a thread where no
    run's language is set: pure code only, in a context of its own that the language is set in)."""
    return contextvars.copy_context().run(_report_in, language, story, span)


def _report_in(language: str, story: Story, span: tuple[dt.date, dt.date]) -> bytes:
    locale.use(language)
    try:
        history = store.get_prices(symbols_needed(story), *span)
        return build_report(story, history).encode("utf-8")
    except Exception:
        log.exception("report not built")
        raise


def report_button(page: str, share_url: str | None, shown: DateRange) -> None:
    story, span, language = story_now(share_url, shown), shown.span, locale.current()
    st.download_button(_("Download report"), data=lambda: report_file(story, span, language),
                       file_name=f"qwq-week-{page}-{story.start:%Y%m%d}-{story.end:%Y%m%d}.html", mime="text/html",
                       key=state.WS_REPORT, on_click="ignore", icon=":material/download:", width="stretch",
                       help=_("One HTML file of this story (timeline, prices, reactions, claims, sources and the "
                              "share link) that opens in any browser, even offline."))
