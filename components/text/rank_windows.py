"""How far back a ranking looks: "a four-month low", "its worst day in four weeks", "the highest since July 2023",
"a new closing low for 2022", "a record close". The window runs from its first day (``since``) to the session
before the figure's; a span said without "since" is approximate, and a record looks at every session the data hold.
"""

from __future__ import annotations

import datetime as dt
import re

from components.locale import _
from components.locale.formats import date_as
from components.text import clause_parts
from components.text import lexicon as L
from components.text.date_types import DateExpression, add_months
from components.text.quantities import Quantity
from components.text.reader import Clause


def sessions_from(words: str, start: dt.date) -> str:
    return _("'{words}': the sessions from {day}").format(words=words, day=date_as(start, "date"))


_WHOSE_RANK = re.compile(r"\s(?:for|of|in) (?:the |its |their )?[\w&.'’ -]{1,40}?\s")  # "... for the stock since"


def _year_start(year: int) -> dt.date:
    """The first weekday of ``year`` after 1 January, when no market trades: where a year's ranking starts."""
    day = dt.date(year, 1, 2)
    return day + dt.timedelta(days=max(0, 7 - day.weekday()) if day.weekday() >= 5 else 0)


def rank_window(q: Quantity, clause: Clause, day: dt.date) -> dict:
    """``since`` (the window's first day, None for a record) and its rule of a ranking whose session is ``day``, or
    ``unsure`` with why when its words do not say how far back it looks."""
    back = q.look_back.lower()
    if back in ("record", "on record", "in record", "in history", "ever", "of all time") or q.text.lower().startswith((
            "record", "all-time", "fresh record", "new record", "lifetime")):
        return {"since": None, "since_rule": _("a record: every session the data hold")}
    if q.span_days:
        months = {"week": 0, "day": 0, "session": 0}.get(q.unit)
        start = (day - dt.timedelta(days=q.span_days - _INCLUSIVE.get(q.unit, 0)) if months is not None
                 else add_months(day, -q.count * {"month": 1, "quarter": 3, "year": 12, "decade": 120}[q.unit]))
        return _looked_back(start, q.look_back)
    if back.startswith(("of the ", "this ")) or re.fullmatch(r"(?:for|of|in) (?:19|20)\d\d", back):
        unit = back.split()[-1]  # "a new closing low for 2022": from the year's first weekday after New Year's Day
        start = {"year": _year_start(day.year), "month": day.replace(day=1)}.get(
            unit, _year_start(int(unit)) if unit.isdigit() else day - dt.timedelta(days=day.weekday()))
        return _looked_back(start, q.look_back)
    m = re.match(r"in (?:more than |over |nearly |almost |about )?(\w+)(?: and a half)? (\w+?)s?$", back)
    if m and L.number_word(m.group(1)):
        n, unit = L.number_word(m.group(1)), m.group(2)
        start = (day - dt.timedelta(days=n * L.UNITS_IN_DAYS.get(unit, 1) - _INCLUSIVE.get(unit, 0))
                 if unit in ("day", "session", "week")
                 else add_months(day, -n * {"month": 1, "quarter": 3, "year": 12, "decade": 120}.get(unit, 12)))
        return _looked_back(start, q.look_back)
    named = next((e for e in clause.expressions if e.resolved and q.start <= e.start and (
        e.start <= q.end + 8 or _WHOSE_RANK.fullmatch(clause.text[q.end:e.start])
        or clause_parts.since_a_move(clause.text, q.end, e.start))), None)
    if named is not None:
        start = _after_named(named)
        return _looked_back(start, q.look_back or named.text)
    return {"unsure": _("'{words}' does not say how far back it looks").format(words=q.text)}


# "Its worst day in four weeks" on a Tuesday: the four weeks that end on it, from the Wednesday four weeks before;
# the Tuesday four weeks back is the day it is measured against
_INCLUSIVE = {"week": 1, "day": 1}


def _looked_back(start: dt.date, words: str) -> dict:
    """A ranking's window from ``start``, as its words said it; a span said without "since" ("a three-year high",
    "in four months") is approximate."""
    return {"since": start, "since_rule": sessions_from(words, start),
            "approximate": "since" not in words}


def _after_named(e: DateExpression) -> dt.date:
    """The first day after what a look-back names: a day, a month, a year (its last day, from the expression)."""
    text = re.sub(r"\b(?:since|early|late|mid|the end of|the start of|the beginning of)\b-?", " ", e.text.lower())
    if e.kind in ("absolute", "weekday", "relative") and not e.is_range:
        return e.start_date + dt.timedelta(days=1)
    if re.search(r"\b(?:19|20)\d\d\b", text) and not re.search(r"[a-z]{3,}", text):
        return dt.date(e.start_date.year + 1, 1, 1)  # "since 2017": from 2018
    month = re.search(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", text)
    if month and re.search(r"\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b", text):
        return e.start_date + dt.timedelta(days=1)  # "since June 4": from June 5
    if e.kind in ("since", "month") or month:
        return add_months(e.start_date.replace(day=1), 1)  # "since July 2023": from August 2023
    return (e.end_date or e.start_date) + dt.timedelta(days=1)
