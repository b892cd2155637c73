"""Date-range presets shared by every page, the dates a choice stands for, and the checks a chosen range must pass."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from components.facts import ARTICLE_ANCHOR_END, ARTICLE_DATE, ARTICLE_WEEK
from components.locale import N_, _
from components.locale.formats import date_as

PRESETS = {  # shown through _()
    "week": N_("Article week"),
    "1M": "1M",
    "3M": "3M",
    "6M": "6M",
    "YTD": "YTD",
    "1Y": "1Y",
    "All": N_("All"),
}
CUSTOM = "custom"
DATE_MIN, DATE_MAX = dt.date(2000, 1, 1), dt.date(2100, 12, 31)  # what the date picker accepts
ANCHORS = {"article": N_("a week after the article ({day})"), "latest": N_("the latest data")}  # see anchor_label
DEFAULT_PRESET, DEFAULT_ANCHOR = "3M", "article"
_MONTHS = {"1M": 1, "3M": 3, "6M": 6, "1Y": 12}


@lru_cache(maxsize=256)  # every run resolves the session's range, and month arithmetic in pandas is slow
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
        return _("{range} (cut to the prices that exist)").format(range=text) if self.cut else text


def anchor_label(anchor: str) -> str:
    """What the month presets count back from, in the run's language: "a week after the article (6 Mar 2025)"."""
    return _(ANCHORS[anchor]).format(day=date_as(ARTICLE_DATE, "plain_date"))


def resolve(preset: str, anchor: str, custom: tuple[dt.date | None, dt.date | None], first: dt.date,
            last: dt.date) -> DateRange:
    """The range a choice stands for, given the span of available data ``first..last``."""
    chosen = resolve_range(preset, anchor, custom, first, last)
    return DateRange(preset, anchor, chosen, (first, last), *clamp(*chosen, first, last))


def check_range(start: dt.date | None, end: dt.date | None, first: dt.date, last: dt.date) -> str | None:
    """A message saying why a range cannot be used, or None when it is fine."""
    if start is None or end is None:
        return _("Pick both a start and an end date; the chart keeps the last complete range until then.")
    if not (DATE_MIN <= start <= DATE_MAX and DATE_MIN <= end <= DATE_MAX):
        return _("Dates must lie between {first} and {last}; keeping the last good range.").format(
            first=date_as(DATE_MIN, "date"), last=date_as(DATE_MAX, "date"))
    if start > end:
        return _("The start date {start} is after the end date {end}; keeping the last good range.").format(
            start=date_as(start, "date"), end=date_as(end, "date"))
    if end < first or start > last:
        return _("There are no prices between {start} and {end}: the data covers {first} to {last}. Keeping the "
                 "last good range.").format(start=date_as(start, "date"), end=date_as(end, "date"),
                                            first=date_as(first, "date"), last=date_as(last, "date"))
    if pd.bdate_range(start, end).empty:
        return _("{start} to {end} holds no weekday, so no trading session; keeping the last good range.").format(
            start=date_as(start, "date"), end=date_as(end, "date"))
    return None


def counts_back(preset: str) -> bool:
    """Whether a preset ends on its anchor (the others are fixed: the article's week, all the data)."""
    return preset in _MONTHS or preset == "YTD"


def describe(preset: str, anchor: str, start: dt.date, end: dt.date) -> str:
    """The range in words: "3M, to a week after the article (6 Mar 2025): Sun 15 Dec 2024 – Fri 14 Mar 2025"."""
    label = _(PRESETS[preset]) if preset in PRESETS else _("Custom range")
    dates = {"start": date_as(start, "weekday_date"), "end": date_as(end, "weekday_date")}
    if counts_back(preset):
        return _("{label}, to {anchor}: {start} – {end}").format(label=label, anchor=anchor_label(anchor), **dates)
    return _("{label}: {start} – {end}").format(label=label, **dates)
