"""Date-range presets shared by every page, the dates a choice stands for, and the checks a chosen range must pass."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from components.facts import ARTICLE_ANCHOR_END, ARTICLE_DATE, ARTICLE_WEEK

PRESETS = {
    "week": "Article week",
    "1M": "1M",
    "3M": "3M",
    "6M": "6M",
    "YTD": "YTD",
    "1Y": "1Y",
    "All": "All",
}
CUSTOM = "custom"
DATE_MIN, DATE_MAX = dt.date(2000, 1, 1), dt.date(2100, 12, 31)  # what the date picker accepts
ANCHORS = {"article": f"a week after the article ({ARTICLE_DATE.day} {ARTICLE_DATE:%b %Y})",
           "latest": "the latest data"}
DEFAULT_PRESET, DEFAULT_ANCHOR = "3M", "article"
_MONTHS = {"1M": 1, "3M": 3, "6M": 6, "1Y": 12}


def preset_range(preset: str, anchor: str, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The (start, end) of a preset given the span of available data ``first..last``."""
    if preset == "week":
        return ARTICLE_WEEK
    if preset == "All":
        return first, last
    end = ARTICLE_ANCHOR_END if anchor == "article" else last
    if preset == "YTD":
        start = dt.date(end.year, 1, 1)
    elif preset in _MONTHS:
        start = (pd.Timestamp(end) - pd.DateOffset(months=_MONTHS[preset]) + pd.Timedelta(days=1)).date()
    else:
        raise ValueError(f"unknown preset '{preset}'")
    return max(start, first), end


def resolve_range(preset: str, anchor: str, custom: tuple[dt.date | None, dt.date | None], first: dt.date,
                  last: dt.date) -> tuple[dt.date, dt.date]:
    """The dates a choice stands for: the custom dates as chosen, or the preset's given the data span."""
    if preset == CUSTOM and None not in custom:
        return custom
    return preset_range(preset if preset != CUSTOM else DEFAULT_PRESET, anchor, first, last)


def clamp(start: dt.date, end: dt.date, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """A range cut to the data that exists (a link may ask for years past the last price)."""
    return max(start, first), min(end, last)


@dataclass(frozen=True)
class DateRange:
    """The shared date range of one run, resolved once: what the user chose, the dates it stands for, and those
    dates cut to the data that exists (``start``..``end``, what the pages show)."""

    preset: str
    anchor: str
    chosen: tuple[dt.date, dt.date]  # the dates chosen (a custom range may reach past the data)
    span: tuple[dt.date, dt.date]  # the first and last date with prices
    start: dt.date
    end: dt.date

    @property
    def cut(self) -> bool:
        """Whether the chosen dates reach past the data."""
        return self.chosen != (self.start, self.end)

    def describe(self) -> str:
        text = describe(self.preset, self.anchor, self.start, self.end)
        return text + " (cut to the prices that exist)" if self.cut else text


def resolve(preset: str, anchor: str, custom: tuple[dt.date | None, dt.date | None], first: dt.date,
            last: dt.date) -> DateRange:
    """The range a choice stands for, given the span of available data ``first..last``."""
    chosen = resolve_range(preset, anchor, custom, first, last)
    return DateRange(preset, anchor, chosen, (first, last), *clamp(*chosen, first, last))


def check_range(start: dt.date | None, end: dt.date | None, first: dt.date, last: dt.date) -> str | None:
    """A message saying why a range cannot be used, or None when it is fine."""
    if start is None or end is None:
        return "Pick both a start and an end date; the chart keeps the last complete range until then."
    if not (DATE_MIN <= start <= DATE_MAX and DATE_MIN <= end <= DATE_MAX):
        return (f"Dates must lie between {DATE_MIN:%d %b %Y} and {DATE_MAX:%d %b %Y}; "
                "keeping the last good range.")
    if start > end:
        return f"The start date {start:%d %b %Y} is after the end date {end:%d %b %Y}; keeping the last good range."
    if end < first or start > last:
        return (f"There are no prices between {start:%d %b %Y} and {end:%d %b %Y}: the data covers "
                f"{first:%d %b %Y} to {last:%d %b %Y}. Keeping the last good range.")
    if pd.bdate_range(start, end).empty:
        return (f"{start:%d %b %Y} to {end:%d %b %Y} holds no weekday, so no trading session; "
                "keeping the last good range.")
    return None


def counts_back(preset: str) -> bool:
    """Whether a preset ends on its anchor (the others are fixed: the article's week, all the data)."""
    return preset in _MONTHS or preset == "YTD"


def describe(preset: str, anchor: str, start: dt.date, end: dt.date) -> str:
    label = PRESETS.get(preset, "Custom range")
    suffix = f", to {ANCHORS[anchor]}" if counts_back(preset) else ""
    return f"{label}{suffix}: {start:%a %d %b %Y} – {end:%a %d %b %Y}"
