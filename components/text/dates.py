"""Date expressions in a sentence, resolved against the publication date, each with its rule.

``find_date_expressions(sentence, published)`` finds absolute dates ("6 March 2025", "March 6"),
months, years, weekdays, relative phrases ("this week", "yesterday"), offsets from a named anchor
("a day after the launch of Foo") and vague words ("soon"). A resolved expression carries its day
or period and the rule used; one that cannot be resolved carries the reason instead, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Mapping, NamedTuple

import pandas as pd

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
FUTURE_TENSE = re.compile(r"\b(?:will|shall|next|upcoming|scheduled|plans? to|expected to|is set to|are set to)\b",
                          re.IGNORECASE)

MONTH_NUMBERS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


@dataclass(frozen=True)
class DateExpression:
    """A date expression in a sentence; ``start``/``end`` are offsets in that sentence.

    Resolved expressions carry ``start_date``/``end_date`` (equal for a single day) and the ``rule``
    used; unresolved ones carry ``reason`` instead.
    """

    text: str
    start: int
    end: int
    kind: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    rule: str = ""
    note: str = ""
    reason: str = ""
    anchor: str = ""
    offset_days: int = 0

    @property
    def resolved(self) -> bool:
        """True when the expression has a date or a period."""
        return self.start_date is not None

    @property
    def is_range(self) -> bool:
        """True when it resolves to a period of more than one day."""
        return self.resolved and self.start_date != self.end_date


class _Context(NamedTuple):
    published: dt.date
    anchors: Mapping[str, dt.date]
    future: bool


def checked_date(published: dt.date | str) -> dt.date:
    """The publication date as a ``datetime.date`` (accepts a date, a datetime or an ISO string)."""
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published))
    except ValueError:
        raise ValueError(f"The publication date '{published}' is not a date such as 2025-06-10.") from None


def month_number(name: str) -> int:
    """1..12 for a month name or its abbreviation ("Sept.", "march")."""
    return MONTH_NUMBERS[name.rstrip(".").lower()[:3]]


def _day(start: dt.date, end: dt.date | None = None) -> tuple[dt.date, dt.date]:
    return start, end or start


def _week(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    period = pd.Period(year=year, month=month, freq="M")
    return period.start_time.date(), period.end_time.date()


def _shift_month(day: dt.date, months: int) -> tuple[dt.date, dt.date]:
    period = pd.Period(day, freq="M") + months
    return period.start_time.date(), period.end_time.date()


def _year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


_ONE_DAY = dt.timedelta(days=1)
_WEEK = dt.timedelta(days=7)
RELATIVE_PHRASES: dict[str, tuple[Callable[[dt.date], tuple[dt.date, dt.date]], str]] = {
    "today": (lambda p: _day(p), "the publication date"),
    "yesterday": (lambda p: _day(p - _ONE_DAY), "the day before publication"),
    "tomorrow": (lambda p: _day(p + _ONE_DAY), "the day after publication"),
    "earlier this week": (lambda p: (_week(p)[0], p - _ONE_DAY),
                          "from Monday of the week of publication to the day before it"),
    "this week": (_week, "the Monday-to-Sunday week of publication"),
    "last week": (lambda p: _week(p - _WEEK), "the Monday-to-Sunday week before publication"),
    "next week": (lambda p: _week(p + _WEEK), "the Monday-to-Sunday week after publication"),
    "earlier this month": (lambda p: (p.replace(day=1), p - _ONE_DAY),
                           "from the 1st of the month of publication to the day before it"),
    "this month": (lambda p: _shift_month(p, 0), "the calendar month of publication"),
    "last month": (lambda p: _shift_month(p, -1), "the calendar month before publication"),
    "next month": (lambda p: _shift_month(p, 1), "the calendar month after publication"),
    "earlier this year": (lambda p: (dt.date(p.year, 1, 1), p - _ONE_DAY),
                          "from 1 January of the publication year to the day before publication"),
    "later this year": (lambda p: (p + _ONE_DAY, dt.date(p.year, 12, 31)),
                        "from the day after publication to 31 December"),
    "this year": (lambda p: _year_span(p.year), "the calendar year of publication"),
    "last year": (lambda p: _year_span(p.year - 1), "the calendar year before publication"),
    "next year": (lambda p: _year_span(p.year + 1), "the calendar year after publication"),
}


def _resolved(m: re.Match, kind: str, span: tuple[dt.date, dt.date], rule: str, note: str = "") -> DateExpression:
    if span[0] > span[1]:
        return _unresolved(m, kind, f"'{m.group()}' gives an empty period for this publication date")
    return DateExpression(m.group(), m.start(), m.end(), kind, span[0], span[1], rule, note)


def _unresolved(m: re.Match, kind: str, reason: str, anchor: str = "", offset: int = 0) -> DateExpression:
    return DateExpression(m.group(), m.start(), m.end(), kind, reason=reason, anchor=anchor, offset_days=offset)


def _iso(m: re.Match, ctx: _Context) -> DateExpression:
    try:
        day = dt.date.fromisoformat(m.group())
    except ValueError:
        return _unresolved(m, "absolute", f"'{m.group()}' is not a calendar date")
    return _resolved(m, "absolute", _day(day), "absolute date")


def _year_for(month: int, day: int, ctx: _Context) -> tuple[int, str]:
    """The year of a date written without one: the publication year, or the one before if that is later."""
    year = ctx.published.year
    if (month, day) <= (ctx.published.month, ctx.published.day):
        return year, f"year taken from the publication date ({year})"
    if ctx.future:
        return year, (f"year taken from the publication date ({year}); the date is after publication, "
                      "as the future tense suggests")
    return year - 1, (f"year taken as {year - 1}: in {year} the date would fall after publication "
                      f"({ctx.published.isoformat()})")


def _month_day(m: re.Match, ctx: _Context) -> DateExpression:
    year_text = m.group("year")
    try:
        month, day_of_month = month_number(m.group("month")), int(m.group("day"))
        dt.date(2000, month, day_of_month)  # a day that exists in some year (2000 is a leap year)
        year, note = (int(year_text), "") if year_text else _year_for(month, day_of_month, ctx)
        day = dt.date(year, month, day_of_month)
    except (ValueError, OverflowError):
        return _unresolved(m, "absolute", f"'{m.group()}' is not a calendar date")
    return _resolved(m, "absolute", _day(day), "absolute date" if year_text else "month and day without a year", note)


def _month(m: re.Match, ctx: _Context) -> DateExpression:
    month = month_number(m.group("month"))
    year_text = m.group("year")
    year, note = (int(year_text), "") if year_text else _year_for(month, 1, ctx)
    return _resolved(m, "month", _month_range(year, month), "the calendar month named", note)


def _since(m: re.Match, ctx: _Context) -> DateExpression:
    month = month_number(m.group("month"))
    year_text = m.group("year")
    year, _ = (int(year_text), "") if year_text else _year_for(month, 1, ctx)
    note = ("open start: 'since' a month can count from the last close before it (year to date, for January) "
            "or from a low point within it")
    return _resolved(m, "since", (dt.date(year, month, 1), ctx.published),
                     "from the 1st of the month named to the publication date", note)


def _year(m: re.Match, ctx: _Context) -> DateExpression:
    year = int(m.group("year"))
    if m.group().lower().startswith("since"):
        return _resolved(m, "since", (dt.date(year, 1, 1), ctx.published),
                         "from 1 January of the year named to publication")
    return _resolved(m, "year", _year_span(year), "the calendar year named")


def _weekday(m: re.Match, ctx: _Context) -> DateExpression:
    target, lead = WEEKDAYS.index(m.group("weekday")), (m.group("lead") or "").lower()
    pub, monday = ctx.published, _week(ctx.published)[0]
    name = m.group("weekday")
    if lead == "next":
        return _resolved(m, "weekday", _day(pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7)),
                         f"the first {name} after publication")
    if lead == "this":
        return _resolved(m, "weekday", _day(monday + dt.timedelta(days=target)), f"{name} of the week of publication")
    back = (pub.weekday() - target) % 7 or (7 if lead == "last" else 0)
    day = pub - dt.timedelta(days=back)
    if day >= monday:
        return _resolved(m, "weekday", _day(day), "weekday in the week of publication, on or before it")
    note = f"the future tense may mean the coming {name} instead" if ctx.future else ""
    return _resolved(m, "weekday", _day(day), f"the most recent {name} before publication (the week before)", note)


def _relative(m: re.Match, ctx: _Context) -> DateExpression:
    compute, rule = RELATIVE_PHRASES[m.group().lower()]
    return _resolved(m, "relative", compute(ctx.published), rule)


def _anchor_date(anchor: str, anchors: Mapping[str, dt.date]) -> tuple[str, dt.date] | None:
    for name, day in anchors.items():
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", anchor, re.IGNORECASE):
            return name, checked_date(day)
    return None


def _offset(m: re.Match, ctx: _Context) -> DateExpression:
    count = NUMBER_WORDS.get(m.group("count").lower()) or int(m.group("count"))
    days = count * (7 if m.group("unit").lower().startswith("week") else 1)
    sign = 1 if m.group("direction").lower() == "after" else -1
    anchor, found = m.group("anchor"), _anchor_date(m.group("anchor"), ctx.anchors)
    if found is None:
        return _unresolved(m, "offset", f"counts from '{anchor}', which has no known date", anchor, sign * days)
    name, day = found
    span = _day(day + dt.timedelta(days=sign * days))
    rule = f"{days} day(s) {'after' if sign > 0 else 'before'} the anchor event ({name}, {day.isoformat()})"
    return DateExpression(m.group(), m.start(), m.end(), "offset", span[0], span[1], rule, anchor=anchor,
                          offset_days=sign * days)


def _unanchored(m: re.Match, ctx: _Context) -> DateExpression:
    return _unresolved(m, "offset", "counts from a moment the sentence does not name")


def _vague(m: re.Match, ctx: _Context) -> DateExpression:
    return _unresolved(m, "vague", f"'{m.group()}' names no calendar date or period")


_YEAR = r"(?:,? (?P<year>\d{4})\b)?"
_RELATIVE_RE = "|".join(re.escape(p) for p in sorted(RELATIVE_PHRASES, key=len, reverse=True))
# Order matters only for ties: at one start the longest match wins, then the earlier pattern.
DATE_PATTERNS: list[tuple[re.Pattern, Callable[[re.Match, _Context], DateExpression]]] = [
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), _iso),
    (re.compile(rf"\b(?P<month>{MONTH})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}"), _month_day),
    (re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month>{MONTH})\b(?:\.(?= \d{{4}}))?{_YEAR}"),
     _month_day),
    (re.compile(rf"\b[Ss]ince (?P<month>{MONTH})\b(?: (?P<year>\d{{4}})\b)?"), _since),
    (re.compile(rf"\b(?:[Ii]n |[Dd]uring |[Ee]arly |[Ll]ate |[Mm]id[- ])(?P<month>{MONTH})\b(?: (?P<year>\d{{4}})\b)?"),
     _month),
    (re.compile(rf"\b(?P<month>{MONTH}) (?P<year>\d{{4}})\b"), _month),
    (re.compile(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring) (?P<year>(?:19|20)\d\d)\b"), _year),
    (re.compile(rf"\b(?:(?P<lead>[Oo]n|[Ll]ast|[Tt]his|[Nn]ext) )?(?P<weekday>{'|'.join(WEEKDAYS)})\b"), _weekday),
    (re.compile(rf"\b(?:{_RELATIVE_RE})\b", re.IGNORECASE), _relative),
    (re.compile(r"\b(?i:(?:(?:just|only) )?(?P<count>an?|one|two|three|four|five|six|seven|\d{1,2}) "
                r"(?P<unit>days?|weeks?) (?P<direction>after|before)) (?P<anchor>(?:(?:the|its|their) [a-z]+ of )?"
                r"(?:the )?[A-Z](?:[\w-]|\.(?=\w))*(?: [A-Z](?:[\w-]|\.(?=\w))*){0,4})"), _offset),
    (re.compile(r"\b(?:an?|one|two|three) (?:days?|weeks?) (?:earlier|later)\b|\bthe (?:day before|previous day"
                r"|following day|next day)\b", re.IGNORECASE), _unanchored),
    (re.compile(r"\b(?:soon|recently|lately|shortly|in recent (?:days|weeks|months|years)|in the coming "
                r"(?:days|weeks|months|years)|in the near future|at a later date|eventually)\b", re.IGNORECASE),
     _vague),
]


def find_date_expressions(sentence: str, published: dt.date | str, *,
                          anchors: Mapping[str, dt.date] | None = None) -> list[DateExpression]:
    """Every date expression in one sentence, in order, resolved against ``published`` where possible.

    ``anchors`` maps names (matched case-insensitively inside "a day after <anchor>") to their dates.
    """
    ctx = _Context(checked_date(published), anchors or {}, bool(FUTURE_TENSE.search(sentence)))
    matches = sorted(((m, resolve) for pattern, resolve in DATE_PATTERNS for m in pattern.finditer(sentence)),
                     key=lambda item: (item[0].start(), -len(item[0].group())))
    found, taken_until = [], -1
    for m, resolve in matches:
        if m.start() >= taken_until:
            found.append(resolve(m, ctx))
            taken_until = m.end()
    return found
