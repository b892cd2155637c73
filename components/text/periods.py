"""Spans, look-backs, quarters, "overnight" and reference words: the periods of a market report.

* **Spans and look-backs** ("so far this year", "over the past 12 months", "in more than three
  years", "in two decades") resolve to a period ending at publication; vague ones ("for years",
  "in recent months", "over the last few quarters") are unresolved: they name no bounds.
* **Quarters** ("third-quarter", "Q3 2024", "the June quarter", "fiscal 2025") follow the fiscal
  year of the company the text is about (``Context.fiscal_end``): a quarter named without a year
  is the most recent one that had ended by publication. "The quarter" and "the previous quarter"
  count from the last quarter the text named, "the eighth consecutive quarter" back from it.
* **Comparisons** ("year-on-year", "an annual 26%") are the same quarter a year earlier.
* **"Overnight"** in an Asian report is the previous US session (a weekday, New York date); in a
  US report it is the Asian session of the publication day.
* **Reference words** ("that same day", "the next day") count from the last day the text named
  (``Context.day``); without one they stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

import pandas as pd

from components.locale import _, ngettext
from components.locale import formats as F
from components.text import story
from components.text.date_types import (
    MONTH,
    Context,
    DateExpression,
    add_months,
    count_of,
    month_number,
    month_span,
    months_before,
    one_day,
    resolved,
    unresolved,
)
from components.text.period_words import ANIMAL_NAMES, LOOK_BACK, SINCE_PART, TRAILING

US_TZ, HK_TZ = "America/New_York", "Asia/Hong_Kong"
ASIAN_PLACES = ("HK", "CN", "JP")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120}



def _months_later(day: dt.date, months: int) -> dt.date:
    return add_months(day, months)


def quarter_from(start: dt.date) -> tuple[dt.date, dt.date]:
    """The three months starting at ``start`` (the 1st of a month)."""
    return start, _months_later(start, 3) - dt.timedelta(days=1)


def shifted_quarter(quarter: tuple[dt.date, dt.date], n: int) -> tuple[dt.date, dt.date]:
    return quarter_from(_months_later(quarter[0], 3 * n))


def latest_quarter(start_month: int, published: dt.date) -> tuple[dt.date, dt.date]:
    """The most recent quarter starting in ``start_month`` that had ended by ``published``."""
    for year in range(published.year, published.year - 3, -1):
        quarter = quarter_from(dt.date(year, start_month, 1))
        if quarter[1] <= published:
            return quarter
    raise AssertionError("a quarter ends every year")


def fiscal_start_month(number: int, fiscal_end: int) -> int:
    """The calendar month fiscal quarter ``number`` (1-4) starts in, for a year ending in ``fiscal_end``."""
    return (fiscal_end + 3 * (number - 1)) % 12 + 1


def fiscal_year(year: int, fiscal_end: int) -> tuple[dt.date, dt.date]:
    """Fiscal year ``year``: the twelve months ending in month ``fiscal_end`` of ``year``."""
    end = month_span(year, fiscal_end)[1]
    return months_before(end, 12) + dt.timedelta(days=1), end


def _fy_note(ctx: Context) -> str:
    if ctx.fiscal_end == 12:
        return _("calendar quarters (no fiscal year known for the company)")
    return _("the company's fiscal year ends in {month}").format(month=F.month_name(ctx.fiscal_end))


def _year_to_date(m: re.Match, ctx: Context) -> DateExpression:
    year = int(m.group("y") or m.group("y2") or ctx.now.year)
    end = ctx.now if year == ctx.now.year or m.group("y2") else dt.date(year, 12, 31)  # "since the start of 2023"
    return resolved(m, "span", (dt.date(year, 1, 1), end),
                    _("year to date: from 1 January to publication (the price base is the last close of the year "
                      "before)"))


def _trailing(m: re.Match, ctx: Context) -> DateExpression:
    count = count_of(m.group("n") or "1")
    unit = m.group("unit").lower().removesuffix("s")
    if count is None:
        return unresolved(m, "span", _("'{words}' is a period without bounds").format(words=m.group()))
    pub = ctx.published
    if unit in ("session", "trading day", "trading session") and not m.group("n"):  # "in the previous session"
        market = ctx.market or ctx.place
        day = story.previous_session(market, ctx.day or ctx.now)
        return resolved(m, "relative", one_day(day), _("the {market} session before the day of the clause, on its "
                                                       "own calendar (never a weekend day or a holiday)").format(
                                                           market=market))
    if unit in ("day", "session", "trading day", "trading session"):
        start = (pd.Timestamp(pub) - pd.offsets.BDay(count)).date() if unit != "day" else pub - dt.timedelta(count)
    elif unit == "week":
        start = pub - dt.timedelta(days=7 * count)
    elif unit == "quarter" and ctx.quarter:
        return resolved(m, "span", (shifted_quarter(ctx.quarter, 1 - count)[0], ctx.quarter[1]),
                        ngettext("the {count} quarter up to the last quarter named",
                                 "the {count} quarters up to the last quarter named", count).format(count=count))
    else:
        start = months_before(pub, count * _UNIT_MONTHS.get(unit, 12))
    return resolved(m, "span", (start, pub), ngettext(*TRAILING.get(unit, TRAILING["year"]), count).format(count=count),
                    _("the base day is the same date back; a day either way can change a figure"), to_publication=True)


def _look_back(m: re.Match, ctx: Context) -> DateExpression:
    count, unit = count_of(m.group("n")), m.group("unit").lower().removesuffix("s")
    if ctx.tense(m.start(), m.end()) == "future":
        return unresolved(m, "span", _("'{words}' counts ahead from publication; no day is given").format(
            words=m.group()))
    start = ctx.published - dt.timedelta(days=7 * count) if unit == "week" else \
        months_before(ctx.published, count * _UNIT_MONTHS[unit])
    bound = (m.group("q") or "").strip().lower()
    note = _("open start: '{words}' makes {day} a bound, not the day it began").format(
        words=bound, day=F.date_as(start, "date")) if bound else ""
    return resolved(m, "span", (start, ctx.published), ngettext(*LOOK_BACK[unit], count).format(count=count), note)


def _since_part(m: re.Match, ctx: Context) -> DateExpression:
    year, part = int(m.group("year")), m.group("part").lower().rstrip("-")
    start = dt.date(year, {"early": 1, "mid": 5, "late": 9}[part], 1)
    return resolved(m, "span", (start, ctx.published), _(SINCE_PART[part]).format(year=year),
                    _("open start: '{words}' is read as from {month}").format(words=f"{part} {year}",
                                                                               month=F.month(start)))


def _months_through(m: re.Match, ctx: Context) -> DateExpression:
    """"The three months through March": the months ending with the most recent such month that had ended (or the
    month of the year named)."""
    count, month = count_of(m.group("n")) or 3, month_number(m.group("month"))
    year = int(m.group("year")) if m.group("year") else (
        ctx.published.year if month < ctx.published.month else ctx.published.year - 1)
    end = month_span(year, month)[1]
    start = add_months(end.replace(day=1), 1 - count)
    return resolved(m, "quarter" if count == 3 else "months", (start, end),
                    _("the {count} months ending with {month}").format(count=count, month=F.month(end)))


def _vague_span(m: re.Match, ctx: Context) -> DateExpression:
    return unresolved(m, "span", _("'{words}' is a period without bounds: it names no calendar date").format(
        words=m.group()))


def _since_event(m: re.Match, ctx: Context) -> DateExpression:
    return unresolved(m, "span", _("'{words}' counts from an event the text does not date").format(words=m.group()))


def _numbered_quarter(m: re.Match, ctx: Context) -> DateExpression:
    number = ORDINALS.get((m.groupdict().get("ord") or "").lower()) or int(m.group("n"))
    year_text, fiscal = m.group("year"), bool(m.group("fiscal"))
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        if fiscal or m.group().upper().find("FY") >= 0:
            fy_start = fiscal_year(year, ctx.fiscal_end)[0]
            span = quarter_from(_months_later(fy_start, 3 * (number - 1)))
            return resolved(m, "quarter", span, _("fiscal Q{number} of fiscal {year}; {basis}").format(
                number=number, year=year, basis=_fy_note(ctx)))
        return resolved(m, "quarter", quarter_from(dt.date(year, 3 * number - 2, 1)),
                        _("calendar Q{number} {year}").format(number=number, year=year))
    span, rule = _quarter_for(fiscal_start_month(number, ctx.fiscal_end), m, ctx)
    return resolved(m, "quarter", span, _("Q{number}, {rule}; {basis}").format(number=number, rule=rule,
                                                                               basis=_fy_note(ctx)))


def _month_quarter(m: re.Match, ctx: Context) -> DateExpression:
    end_month = month_number(m.group("month"))
    span, rule = _quarter_for((end_month - 3) % 12 + 1, m, ctx)
    return resolved(m, "quarter", span, _("the quarter ending in {month}, {rule}").format(
        month=F.month_name(end_month), rule=rule))


def _quarter_for(start_month: int, m: re.Match, ctx: Context) -> tuple[tuple[dt.date, dt.date], str]:
    """A quarter named without a year: the one running at publication when the clause looks ahead ("will
    report its June-quarter results"), else the most recent that had ended by publication."""
    if ctx.tense(m.start(), m.end()) == "future":
        running = _current_quarter(ctx.published)
        if running[0].month == start_month:
            return running, _("the one running at publication, as the clause looks ahead")
    return latest_quarter(start_month, ctx.published), _("the most recent that had ended by publication")


def _relative_quarter(m: re.Match, ctx: Context) -> DateExpression:
    word = (m.group("rel") or "").lower()
    last_ended = shifted_quarter(_current_quarter(ctx.published), -1)
    if word in ("this", "current"):
        return resolved(m, "quarter-ref", _current_quarter(ctx.published), _("the quarter of publication"))
    if word == "next":
        return resolved(m, "quarter-ref", shifted_quarter(_current_quarter(ctx.published), 1),
                        _("the quarter after publication"))
    if word == "last" or (not ctx.quarter and word in ("previous", "prior", "preceding", "")):
        return resolved(m, "quarter-ref", last_ended, _("the last quarter that had ended by publication"))
    if word in ("previous", "prior", "preceding"):
        return resolved(m, "quarter-ref", shifted_quarter(ctx.quarter, -1),
                        _("the quarter before the last quarter named"))
    if word == "same":
        return resolved(m, "quarter-ref", shifted_quarter(ctx.quarter or last_ended, -4),
                        _("the same quarter a year earlier"))
    return resolved(m, "quarter-ref", ctx.quarter, _("the last quarter the text named"))


def _current_start(day: dt.date) -> int:
    return 3 * ((day.month - 1) // 3) + 1


def _current_quarter(day: dt.date) -> tuple[dt.date, dt.date]:
    return quarter_from(dt.date(day.year, _current_start(day), 1))


def _consecutive(m: re.Match, ctx: Context) -> DateExpression:
    count = ORDINALS.get((m.group("ord") or "").lower()) or count_of(m.group("n") or "x")
    if not count:
        return unresolved(m, "span", _("'{words}' counts quarters without a number").format(words=m.group()))
    last = ctx.quarter or shifted_quarter(_current_quarter(ctx.published), -1)
    rule = _("counted back from the last quarter named") if ctx.quarter else _(
        "counted back from the last ended quarter")
    return resolved(m, "span", (shifted_quarter(last, 1 - count)[0], last[1]),
                    _("{count} quarters, {rule}").format(count=count, rule=rule))


def _fiscal_year(m: re.Match, ctx: Context) -> DateExpression:
    text = m.group("year")
    year = int(text) + (2000 if len(text) == 2 else 0)
    return resolved(m, "fiscal-year", fiscal_year(year, ctx.fiscal_end),
                    _("fiscal {year}; {basis}").format(year=year, basis=_fy_note(ctx)))


def _lunar(m: re.Match, ctx: Context) -> DateExpression:
    """"The Year of the Rabbit", "the Snake year": the latest lunar year of that animal begun by publication;
    "the (past, full) lunar year": the one running at publication, or the one just ended on its last day."""
    from components.data import calendars  # its library loads on first use only

    animal = (m.group("animal") or m.group("a2") or "").lower()
    animal = calendars.ZODIAC_OTHER_NAMES.get(animal, animal)
    coming = calendars.lunar_year(ctx.now.year + (ctx.now.month > 6))
    if animal and coming and coming[2] == animal and ctx.now < coming[0] <= ctx.now + dt.timedelta(days=60):
        return unresolved(m, "span", _("the Year of the {animal} begins on {day}, after publication").format(
            animal=_(ANIMAL_NAMES[animal]), day=F.date_as(coming[0], "date")))
    for year in range(ctx.now.year, ctx.now.year - 12, -1):
        found = calendars.lunar_year(year)
        if found is None or found[0] > ctx.now or (animal and found[2] != animal):
            continue
        if not animal and m.group("past") and found[0] > ctx.now - dt.timedelta(days=14):
            continue  # "the past lunar year" a few days into a new one is the year just ended
        first, last, name = found
        rule = _("the lunar Year of the {animal}: {first} to {last} (the price base is the last close before it)")
        return resolved(m, "span", (first, min(last, ctx.now)), rule.format(
            animal=_(ANIMAL_NAMES[name]), first=F.date_as(first, "date"), last=F.date_as(last, "date")))
    return unresolved(m, "span", _("'{words}': no such lunar year had begun by publication").format(words=m.group()))


def _comparison(m: re.Match, ctx: Context) -> DateExpression:
    if ctx.quarter is None:
        return unresolved(m, "comparison", _("compares with a year earlier, but the text names no period"))
    return resolved(m, "comparison", shifted_quarter(ctx.quarter, -4),
                    _("the same quarter a year earlier (comparison)"))


def previous_weekday(day: dt.date) -> dt.date:
    day -= dt.timedelta(days=1)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _overnight(m: re.Match, ctx: Context) -> DateExpression:
    if ctx.place in ASIAN_PLACES:
        return resolved(m, "overnight", one_day(story.previous_session("US", ctx.now)),
                        _("overnight in an Asian report: the previous US session (New York date, on its calendar)"),
                        tz=US_TZ)
    return resolved(m, "overnight", one_day(ctx.published),
                    _("overnight in a US or European report: the Asian session of the publication day"), tz=HK_TZ)


_REFERENCE_OFFSETS = {"after": 1, "before": -1, "previous": -1, "prior": -1, "earlier": -1, "next": 1, "following": 1,
                      "later": 1}


def _reference(m: re.Match, ctx: Context) -> DateExpression:
    text = m.group().lower()
    word = next((w for w in _REFERENCE_OFFSETS if w in text.split()), "")
    count = count_of(m.group("n")) if m.groupdict().get("n") else 1
    offset = _REFERENCE_OFFSETS.get(word, 0) * (count or 1) * (7 if "week" in text else 1)
    qualifier = next((q for q in ("morning", "afternoon", "evening", "night") if q in text), "")
    if ctx.day is None:
        return unresolved(m, "reference", _("counts from a moment the sentence does not name"), qualifier=qualifier)
    if offset and ("session" in text or "trading day" in text):  # "the previous session": a trading day
        day = ctx.day
        for _step in range(min(abs(offset), 30)):
            day = story.previous_session(ctx.market or ctx.place, day) if offset < 0 else \
                story.next_session(ctx.market or ctx.place, day)
        said = (ngettext("{count} session after the day the text named last ({day}), on the market's calendar",
                         "{count} sessions after the day the text named last ({day}), on the market's calendar",
                         abs(offset)) if offset > 0 else
                ngettext("{count} session before the day the text named last ({day}), on the market's calendar",
                         "{count} sessions before the day the text named last ({day}), on the market's calendar",
                         abs(offset)))
        return resolved(m, "reference", one_day(day), said.format(count=abs(offset), day=F.date_as(ctx.day, "date")),
                        qualifier=qualifier)
    day = ctx.day + dt.timedelta(days=offset)
    said = (ngettext("{count} day after the day the text named last ({day})",
                     "{count} days after the day the text named last ({day})", abs(offset)) if offset > 0 else
            ngettext("{count} day before the day the text named last ({day})",
                     "{count} days before the day the text named last ({day})", abs(offset)) if offset else
            _("the day the text named last ({day})"))
    return resolved(m, "reference", one_day(day), said.format(count=abs(offset), day=F.date_as(ctx.day, "date")),
                    qualifier=qualifier)


def _session(m: re.Match, ctx: Context) -> DateExpression:
    return unresolved(m, "session", _("the trading day of its own sentence"))


_N = r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|few|several)"
_UNIT = r"(?P<unit>trading days?|trading sessions?|sessions?|days?|weeks?|months?|quarters?|years?|decades?)"
_ANIMALS = "Rat|Ox|Tiger|Rabbit|Hare|Dragon|Snake|Horse|Goat|Sheep|Ram|Monkey|Rooster|Cock|Dog|Pig|Boar"
PATTERNS: list[tuple[re.Pattern, Callable[[re.Match, Context], DateExpression]]] = [
    (re.compile(r"\b(?:so far (?:this year|in (?P<y>\d{4}))|this year so far|(?:since|from) the (?:start|beginning) of "
                r"(?:(?:the|this) year|(?P<y2>\d{4}))|year[- ]to[- ]date|YTD)\b", re.IGNORECASE), _year_to_date),
    (re.compile(rf"\b(?:over|in|during|for|within) the (?:past|last|previous|prior) (?:{_N} )?{_UNIT}\b",
                re.IGNORECASE), _trailing),
    (re.compile(rf"\b(?:on|over) an? {_N}[- ](?P<unit>year|month|week)s? basis\b", re.IGNORECASE), _trailing),
    (re.compile(rf"\bover {_N} (?P<unit>months|years|weeks)\b(?! (?:ago|earlier|before|later))", re.IGNORECASE),
     _trailing),  # "41% over three months"
    (re.compile(r"\b(?i:in|for) (?P<q>(?i:more than|over|nearly|almost|about|at least|roughly|around|some) )?"
                r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty) "
                r"(?P<unit>(?i:years?|months?|weeks?|decades?))\b"), _look_back),
    (re.compile(r"\b[Ss]ince (?P<part>early|late|mid-?) ?(?P<year>(?:19|20)\d\d)\b"), _since_part),
    (re.compile(rf"\b(?i:in|over|during|for) the (?P<n>(?i:three|six|nine|twelve)|3|6|9|12) months (?i:through|to"
                rf"|ended|ending)(?: in)? (?P<month>{MONTH})\b(?:,? (?P<year>\d{{4}})\b)?"), _months_through),
    (re.compile(r"\b(?:for (?:years|decades|months|weeks|some time|a long time|(?:several|many|a few) "
                r"(?:years|months|weeks|quarters))|in recent (?:days|weeks|months|years|quarters|sessions)"
                r"|(?:over|in|during) the (?:past|last) (?:few|several|couple of) (?:days|weeks|months|years|quarters"
                r"|sessions))\b", re.IGNORECASE), _vague_span),
    (re.compile(r"\b[Ss]ince (?:the|its|their) (?:[\w'’-]+ ){0,4}?(?:crisis|crash|pandemic|war|election|outbreak"
                r"|handover|lockdowns?|IPO|listing|debut|launch|merger|founding|reopening)\b"), _since_event),
    (re.compile(r"\b(?P<fiscal>(?i:fiscal|financial) )?(?i:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]"
                r"quarter)(?: of (?:(?i:fiscal|financial) (?:year )?)?(?P<year>(?:19|20)\d\d))?\b"), _numbered_quarter),
    (re.compile(r"\b(?P<fiscal>(?i:fiscal|financial) )?(?:Q(?P<n>[1-4])(?:[ ,]+(?:FY)?['’]?(?P<year>(?:19|20)\d\d|\d\d"
                r"(?!\d)))?)\b"), _numbered_quarter),
    (re.compile(rf"\b(?i:the|its|their) (?:(?P<month>{MONTH})[- ](?i:quarter)\b|(?i:quarter (?:ended|ending|to) "
                rf"(?:in )?)(?P<m2>{MONTH})\b)"), lambda m, ctx: _month_quarter(_MonthMatch(m), ctx)),
    (re.compile(r"\b(?:FY ?|[Ff]iscal (?:year )?)(?P<year>(?:19|20)\d\d|\d\d(?!\d))\b"), _fiscal_year),
    (re.compile(r"\b(?:for )?the (?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
                r" (?:consecutive|straight|successive) quarter\b|\b(?P<n>two|three|four|five|six|seven|eight|nine|ten"
                r"|\d{1,2}) (?:consecutive|straight|successive) quarters\b", re.IGNORECASE), _consecutive),
    (re.compile(r"\b(?i:(?:the )?(?P<rel>previous|prior|preceding|last|this|current|next|same) quarter|the quarter)\b"),
     _relative_quarter),
    (re.compile(r"\b(?i:(?:in|during|over|for|through(?:out)?) )?(?:(?i:the )?(?i:lunar )?Year of the (?P<animal>"
                + _ANIMALS + r")|(?i:the )?(?P<a2>" + _ANIMALS + r") [Yy]ear|(?i:(?:the|this) (?P<past>past |last "
                r"|full |previous )?lunar year))\b"), _lunar),
    (re.compile(r"\b(?:year[- ]on[- ]year|year[- ]over[- ]year|from a year (?:earlier|ago)|yoy)\b|\ban annual\b(?= \d)"
                r"|(?<=% )annual\b|\bannual(?= (?:surge|growth|increase|rise|jump|gain|decline|drop|fall)\b)",
                re.IGNORECASE), _comparison),
    (re.compile(r"\b[Oo]vernight\b(?! (?:rates?|lending|repo|funding|interest|success|stays?|delivery|shipping|flights?"
                r"|trains?|bus))"), _overnight),
    (re.compile(r"\b(?i:(?:on )?that (?:same )?(?:day|morning|afternoon|evening|night)|the same day"
                r"|the (?:day|session) (?:before|after)"
                r"|the (?:previous|prior|next|following) (?:day|session|trading day)"
                r"|(?P<n>an?|one|two|three|four|five|six|seven) (?:days?|weeks?|sessions?) (?:earlier|later))\b"),
     _reference),
    (re.compile(r"\b(?:through(?:out)? the (?:day|session)|during the (?:day|session)|intraday|in (?:early|late|morning"
                r"|afternoon) (?:trade|trading|deals)|at the (?:open|opening bell|close)|by the close|at midday"
                r"|at the (?:lunch|midday) break)\b", re.IGNORECASE), _session),
]


class _MonthMatch:
    """A match of "the June quarter" or "the quarter ended June", read through one ``month`` group."""

    def __init__(self, m: re.Match):
        self._m = m

    def group(self, name: str | int = 0):
        if name == "month":
            return self._m.group("month") or self._m.group("m2")
        return self._m.group(name)

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()
