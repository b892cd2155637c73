"""The timeline as data for the browser (pure): lanes, events at their moment, the view to open on.

The timeline is drawn in the browser by a small component of its own (``ui/assets/timeline.js``),
not by plotly, so that zoom, the selected event and keyboard stepping live in the page and survive
every rerun. This module decides what it shows: one lane per category present (in canonical
order), each event at its moment on the Hong Kong clock (a date-only event at noon of its date),
and the view to open on, with a key that changes only when the view should be reset.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.charts.lanes import EventMark
from components.charts.palette import CATEGORY_COLORS, ORIGIN_SYMBOLS
from components.data.events import category_name, zone_name
from components.facts import ARTICLE_WEEK, HOME_TZ

MIN_VIEW = pd.Timedelta(hours=6)  # the closest zoom the component allows
PAD = pd.Timedelta(days=2)  # space around the first and last event when showing all of them


def _ms(moment: pd.Timestamp) -> int:
    """A naive Hong Kong wall-clock time as milliseconds, as the component reads it (in UTC terms)."""
    return int(moment.value // 1_000_000)


def opening_view(marks: list[EventMark], start: dt.date, end: dt.date, span: str) -> tuple[pd.Timestamp,
                                                                                            pd.Timestamp, str]:
    """The view to open on and why: the date range when it holds events, else the article's week;
    with ``span`` "all", every event."""
    day = pd.Timedelta(days=1)
    if span == "all" and marks:
        return min(m.x for m in marks) - PAD, max(m.x for m in marks) + PAD, "all"
    lo, hi = pd.Timestamp(start), pd.Timestamp(end) + day
    if any(lo <= m.x < hi for m in marks):
        return lo, hi, "range"
    return pd.Timestamp(ARTICLE_WEEK[0]), pd.Timestamp(ARTICLE_WEEK[1]) + day, "article week"


def timeline_data(marks: list[EventMark], *, start: dt.date, end: dt.date, span: str = "range",
                  selected: str | None = None, dark: bool = False) -> dict:
    """JSON for the timeline component: lanes, events, the selection, the opening view and its key."""
    lanes = [c for c in CATEGORY_COLORS if any(m.category == c for m in marks)]
    view_start, view_end, reason = opening_view(marks, start, end, span)
    if marks:
        lo, hi = min(m.x for m in marks) - PAD * 15, max(m.x for m in marks) + PAD * 15
    else:
        lo, hi = view_start, view_end
    lo, hi = min(lo, view_start), max(hi, view_end)
    return {
        "lanes": [{"name": category_name(c), "color": CATEGORY_COLORS[c]} for c in lanes],
        "events": [{"id": m.id, "title": m.title, "when": m.when, "lane": lanes.index(m.category),
                    "category": m.category, "origin": m.origin, "shape": ORIGIN_SYMBOLS.get(m.origin, "circle"),
                    "t": _ms(m.x)} for m in sorted(marks, key=lambda m: (m.x, m.id))],
        "selected": selected,
        "view": {"start": _ms(view_start), "end": _ms(view_end), "reason": reason,
                 "key": f"{reason}:{view_start:%Y-%m-%d}:{view_end:%Y-%m-%d}"},
        "domain": {"start": _ms(lo), "end": _ms(hi), "min": int(MIN_VIEW.value // 1_000_000)},
        "clock": zone_name(HOME_TZ),
        "dark": dark,
    }
