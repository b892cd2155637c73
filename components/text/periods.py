"""Spans, look-backs, quarters, "overnight" and reference words: the periods of a market report.

* **Spans and look-backs** ("so far this year", "over the past 12 months", "in more than three
  years", "in two decades") resolve to a period ending at publication; vague ones ("for years",
  "in recent months", "over the last few quarters") are unresolved: they name no bounds. "The
  preceding three days" of a clause dated Friday are the three sessions before it.
* **Quarters** ("third-quarter", "Q3 2024", "the June quarter", "fiscal 2025") and **comparisons**
  ("year-on-year": the same quarter a year earlier) are resolved in :mod:`components.text.quarters`;
  their patterns are listed here with the others.
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
from components.text.quarters import (
    MonthMatch,
    consecutive_quarters,
    fiscal_year_named,
    month_quarter,
    numbered_quarter,
    relative_quarter,
    shifted_quarter,
    year_earlier_quarter,
)

US_TZ, HK_TZ = "America/New_York", "Asia/Hong_Kong"
ASIAN_PLACES = ("HK", "CN", "JP")
_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120}


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
    if unit in ("day", "session", "trading day", "trading session") and (m.groupdict().get("rel") or "").lower() in (
            "preceding", "previous", "prior"):  # "fell on Friday after rallying over the preceding three days"
        market = ctx.market or ctx.place
        end = story.previous_session(market, ctx.day or ctx.now)
        start = (pd.Timestamp(end) - pd.offsets.BDay(count - 1)).date()
        return resolved(m, "span", (start, end), ngettext(
            "the {count} {market} session before the day of the clause",
            "the {count} {market} sessions before the day of the clause", count).format(count=count, market=market),
            _("the base day is the close before the first of them; a holiday among them can change a figure"))
    if unit in ("session", "trading day", "trading session"):  # the close before the first of them, on the
        market = ctx.market or ctx.place  # market's own calendar ("14% over three sessions" across Labor Day)
        start = story.previous_session(market, story.sessions_back(market, pub, count))
    elif unit == "day":
        start = pub - dt.timedelta(count)
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


def _first_months(m: re.Match, ctx: Context) -> DateExpression:
    """ "Up 16% for the first six months of the year", "the first half of 2023": from 1 January, to the end of those
    months or to publication if sooner."""
    groups = m.groupdict()
    count = 6 if groups.get("half") or groups.get("h2") else count_of(groups.get("n")) or 6
    year = int(groups["year"]) if groups.get("year") else ctx.published.year
    end = min(month_span(year, count)[1], ctx.published)
    return resolved(m, "span", (dt.date(year, 1, 1), end), _("the first {count} months of {year}").format(
        count=count, year=year))


def _vague_span(m: re.Match, ctx: Context) -> DateExpression:
    return unresolved(m, "span", _("'{words}' is a period without bounds: it names no calendar date").format(
        words=m.group()))


def _since_event(m: re.Match, ctx: Context) -> DateExpression:
    return unresolved(m, "span", _("'{words}' counts from an event the text does not date").format(words=m.group()))


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
    (re.compile(r"\b(?:so far (?:this year|in (?P<y>\d{4}))|this year so far|(?:since|from) the (?:start|beginning"
                r"|turn) of (?:(?:the|this) year|(?P<y2>\d{4}))|year[- ]to[- ]date|YTD)\b", re.IGNORECASE),
     _year_to_date),
    (re.compile(rf"(?:\b(?:over|in|during|for|within) |(?<=% ))the (?P<rel>past|last|previous|prior|preceding) "
                rf"(?:{_N} )?{_UNIT}\b", re.IGNORECASE), _trailing),  # "has climbed 7.9% the past two days"
    (re.compile(rf"\b(?:on|over) an? {_N}[- ](?P<unit>year|month|week)s? basis\b", re.IGNORECASE), _trailing),
    (re.compile(rf"\bover {_N} (?P<unit>months|years|weeks|(?:trading )?sessions|(?:trading )?days)\b"
                r"(?! (?:ago|earlier|before|later))", re.IGNORECASE), _trailing),  # "41% over three months", "14% over
    # three sessions"
    (re.compile(r"\b(?i:in|for) (?P<q>(?i:more than|over|nearly|almost|about|at least|roughly|around|some) )?"
                r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty) "
                r"(?P<unit>(?i:years?|months?|weeks?|decades?))\b"), _look_back),
    (re.compile(r"\b[Ss]ince (?P<part>early|late|mid-?) ?(?P<year>(?:19|20)\d\d)\b"), _since_part),
    (re.compile(r"\b(?i:the first (?:(?P<n>three|six|nine|3|6|9) months|(?P<half>half)) of (?:(?:the|this) year|"
                r"(?P<year>(?:19|20)\d\d)))\b"), _first_months),
    # "ended the first half up 4%", "its first-half gain": the year's, never "the first half of the session"
    (re.compile(r"\b(?:(?<=ended )|(?<=finished )|(?<=closed out )|(?<=wrapped up ))(?i:the )"
                r"(?i:first (?P<half>half))\b(?! of)|\b(?i:its|a|the) (?i:first-(?P<h2>half)) "
                r"(?i:gain|loss|advance|decline|rally|rise|drop|slump|performance)\b"), _first_months),
    (re.compile(rf"\b(?i:in|over|during|for) the (?P<n>(?i:three|six|nine|twelve)|3|6|9|12) months (?i:through|to"
                rf"|ended|ending)(?: in)? (?P<month>{MONTH})\b(?:,? (?P<year>\d{{4}})\b)?"), _months_through),
    (re.compile(r"\b(?:for (?:years|decades|months|weeks|some time|a long time|(?:several|many|a few) "
                r"(?:years|months|weeks|quarters))|in recent (?:days|weeks|months|years|quarters|sessions)"
                r"|(?:over|in|during) the (?:past|last) (?:few|several|couple of) (?:days|weeks|months|years|quarters"
                r"|sessions)|before (?:the|this|that|its) (?:rally|rebound|recovery|sell-?off|slump|rout|surge"
                r"|advance|decline|crash))\b", re.IGNORECASE), _vague_span),  # "Before the rally, it slumped 12%"
    (re.compile(r"\b[Ss]ince (?:the|its|their) (?!(?:" + MONTH + r")\.? \d)(?:[\w'’-]+ ){0,4}?(?:crisis|crash"
                r"|pandemic|war|election|outbreak|handover|lockdowns?|IPO|listing|debut|launch|merger|founding"
                r"|reopening)\b"), _since_event),
    (re.compile(r"\b(?P<fiscal>(?i:fiscal|financial) )?(?i:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]"
                r"quarter)(?: of (?:(?i:fiscal|financial) (?:year )?)?(?P<year>(?:19|20)\d\d))?\b"), numbered_quarter),
    (re.compile(r"\b(?P<fiscal>(?i:fiscal|financial) )?(?:Q(?P<n>[1-4])(?:[ ,]+(?:FY)?['’]?(?P<year>(?:19|20)\d\d|\d\d"
                r"(?!\d)))?)\b"), numbered_quarter),
    (re.compile(rf"\b(?i:the|its|their) (?:(?P<month>{MONTH})[- ](?i:quarter)\b|(?i:quarter (?:ended|ending|to) "
                rf"(?:in )?)(?P<m2>{MONTH})\b)"), lambda m, ctx: month_quarter(MonthMatch(m), ctx)),
    (re.compile(r"\b(?:FY ?|[Ff]iscal (?:year )?)(?P<year>(?:19|20)\d\d|\d\d(?!\d))\b"), fiscal_year_named),
    (re.compile(r"\b(?:for )?the (?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
                r" (?:consecutive|straight|successive) quarter\b|\b(?P<n>two|three|four|five|six|seven|eight|nine|ten"
                r"|\d{1,2}) (?:consecutive|straight|successive) quarters\b", re.IGNORECASE), consecutive_quarters),
    (re.compile(r"\b(?i:(?:the )?(?P<rel>previous|prior|preceding|last|this|current|next|same) quarter|the quarter)\b"),
     relative_quarter),
    (re.compile(r"\b(?i:(?:in|during|over|for|through(?:out)?) )?(?:(?i:the )?(?i:lunar |zodiac )?"
                r"(?i:year of the) (?P<animal>(?i:" + _ANIMALS + r"))|(?i:the )?(?P<a2>" + _ANIMALS + r") [Yy]ear"
                r"|(?i:(?:the|this) (?P<past>past |last |full |previous )?lunar year))\b"), _lunar),
    (re.compile(r"\b(?:year[- ]on[- ]year|year[- ]over[- ]year|from a year (?:earlier|ago)|yoy)\b|\ban annual\b(?= \d)"
                r"|(?<=% )annual\b|\bannual(?= (?:surge|growth|increase|rise|jump|gain|decline|drop|fall)\b)",
                re.IGNORECASE), year_earlier_quarter),
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


