"""Days and periods a market story counts from its own day: the story's session (``Context.now``).

* **So far**: "this week", "this month", "this year", "for the week", "a weekly gain", "in the new year"
  run from their start to the story's day when the clause does not look ahead (what has happened by
  then); a clause that looks ahead keeps the whole period.
* **The time of day a story is written in**: "this morning", "tonight" are the publication day; "last
  night" the evening before it (a US session in a European or Asian morning report). A sentence opening
  with "Later," is on the day the text named last.
* **A month of a relative year**: "March last year", "in June this year" are that month of that year.
* **Halves of a year**: "early 2023" is January to June, "late 2023" July to December, "mid-2023" April
  to September.
* **Named holiday periods**: "the Golden Week holiday" is 1–7 October of the publication year (the May
  Day holiday 1–5 May).
* **Trading sessions**: "the last eight trading days" are the eight sessions of the story's market
  ending on its day, on the market's own calendar (holidays skipped).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from components.locale import _
from components.locale.formats import date_as, month_name
from components.text import lexicon, story
from components.text.date_types import (
    MONTH,
    Context,
    DateExpression,
    count_of,
    month_number,
    month_span,
    resolved,
    unresolved,
    week_of,
)

_HALVES = {"early": (1, 6), "late": (7, 12), "mid": (4, 9)}


def so_far(span: tuple[dt.date, dt.date], m: re.Match, ctx: Context, rule: str) -> tuple[tuple[dt.date, dt.date],
                                                                                       str]:
    """A period running at the story's day, cut at that day unless the clause looks ahead."""
    now = ctx.now
    if span[0] <= now < span[1] and ctx.tense(m.start(), m.end()) != "future":
        return (span[0], now), _("{rule}, up to the story's day ({day})").format(rule=rule, day=date_as(now, "date"))
    return span, rule


def _week(m: re.Match, ctx: Context) -> DateExpression:
    span, rule = so_far(week_of(ctx.now), m, ctx, _("the Monday-to-Friday week of the story"))
    return resolved(m, "span", span, rule)


def _previous_week(m: re.Match, ctx: Context) -> DateExpression:
    monday = week_of(ctx.now)[0]
    return resolved(m, "relative", week_of(monday - dt.timedelta(days=7)),
                    _("the Monday-to-Friday week before the story's"))


def _month(m: re.Match, ctx: Context) -> DateExpression:
    now = ctx.now
    nxt = (now.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    span, rule = so_far((now.replace(day=1), nxt - dt.timedelta(days=1)), m, ctx,
                         _("the calendar month of the story"))
    return resolved(m, "span", span, rule)


NEW_YEAR_DAYS = 3  # a story's day up to 3 January: its "for the year" is the year just ended (a recap on 2 January)


# a running tally the day's move is added to: "rose 1.3% on Friday, taking its gain for the year to 1.3%"
_TALLY = re.compile(r"\b(?:taking|bringing|pushing|lifting|cutting|trimming|extending|paring|widening)\b[^.;]{0,40}$",
                    re.IGNORECASE)


def _year(m: re.Match, ctx: Context) -> DateExpression:
    now = ctx.now
    tally = _TALLY.search(m.string, 0, m.start()) and now.weekday() < 5 and now > dt.date(now.year, 1, 1)
    if now.month == 1 and now.day <= NEW_YEAR_DAYS and not tally:  # a new year's tally holds its first session
        return resolved(m, "span", (dt.date(now.year - 1, 1, 1), dt.date(now.year - 1, 12, 31)),
                        _("the calendar year just ended: the story's day is in the first days of the next"))
    span, rule = so_far((dt.date(now.year, 1, 1), dt.date(now.year, 12, 31)), m, ctx,
                        _("the calendar year of the story"))
    return resolved(m, "span", span, rule)


def _quarter(m: re.Match, ctx: Context) -> DateExpression:
    now = ctx.now
    first = dt.date(now.year, 3 * ((now.month - 1) // 3) + 1, 1)
    last = (first.replace(day=28) + dt.timedelta(days=70)).replace(day=1) - dt.timedelta(days=1)
    span, rule = so_far((first, last), m, ctx, _("the calendar quarter of the story"))
    return resolved(m, "span", span, rule)


def _named_year(m: re.Match, ctx: Context) -> DateExpression:
    year = int(m.group("year"))
    return resolved(m, "year", (dt.date(year, 1, 1), dt.date(year, 12, 31)), _("the calendar year named"))


def _month_of_year(m: re.Match, ctx: Context) -> DateExpression:
    """"March last year", "in June this year", "September next year": that month of that year."""
    rel = m.group("rel").lower()
    year = ctx.published.year + {"last": -1, "this": 0, "next": 1}[rel]
    month = month_number(m.group("month"))
    said = {"last": _("{month} of the year last year of publication ({year})"),
            "this": _("{month} of the year this year of publication ({year})"),
            "next": _("{month} of the year next year of publication ({year})")}[rel]
    return resolved(m, "month", month_span(year, month), said.format(month=m.group("month"), year=year))


def _new_year(m: re.Match, ctx: Context) -> DateExpression:
    now = ctx.now
    return resolved(m, "span", (dt.date(now.year, 1, 1), now), _("the new year: from 1 January to the story's day"))


def _after_close(m: re.Match, ctx: Context) -> DateExpression:
    return resolved(m, "relative", (ctx.now,) * 2, _("after the close of the story's session"))


def _day_part(m: re.Match, ctx: Context) -> DateExpression:
    text = m.group().lower()
    part = next((p for p in lexicon.DAY_PARTS if p in text), "night")
    if text.startswith("last"):
        return resolved(m, "relative", (ctx.published - dt.timedelta(days=1),) * 2,
                        _("last {part}: the day before publication").format(part=part), qualifier=part)
    return resolved(m, "relative", (ctx.published,) * 2, _("this {part}: the publication day").format(part=part),
                    qualifier=part)


def _half(m: re.Match, ctx: Context) -> DateExpression:
    part, year = m.group("part").lower().rstrip("-"), int(m.group("year"))
    first, last = _HALVES[part]
    end = (dt.date(year + 1, 1, 1) if last == 12 else dt.date(year, last + 1, 1)) - dt.timedelta(days=1)
    return resolved(m, "half", (dt.date(year, first, 1), end),
                    _("{part} {year}: {first} to {last}").format(part=part, year=year, first=month_name(first),
                                                                 last=month_name(last)))


def _holiday(month: int, first: int, last: int) -> Callable[[re.Match, Context], DateExpression]:
    def resolve(m: re.Match, ctx: Context) -> DateExpression:
        year = ctx.published.year
        return resolved(m, "holiday", (dt.date(year, month, first), dt.date(year, month, last)),
                        _("'{words}': {first}–{last} {month} of the publication year").format(
                            words=m.group(), first=first, last=last, month=month_name(month)))
    return resolve


def _later(m: re.Match, ctx: Context) -> DateExpression:
    if ctx.day is None:
        return unresolved(m, "reference", _("counts from a moment the sentence does not name"))
    return resolved(m, "reference", (ctx.day, ctx.day),
                    _("later on the day the text named last ({day})").format(day=date_as(ctx.day, "date")))


def _session_before(m: re.Match, ctx: Context) -> DateExpression:
    """"rose 0.1% on Monday, a day after falling 0.3%": the session before the day the text named last, on the
    market's calendar (a Monday's is the Friday before)."""
    if ctx.day is None:
        return unresolved(m, "reference", _("counts from a moment the sentence does not name"))
    market = ctx.market or ctx.place
    day = story.previous_session(market, ctx.day)
    return resolved(m, "reference", (day, day), _("the {market} session before the day the text named last ({day}), "
                                                  "on the market's calendar").format(market=market,
                                                                                      day=date_as(ctx.day, "date")))


def _sessions(m: re.Match, ctx: Context) -> DateExpression:
    count = count_of(m.group("n"))
    if count is None or count > 400:
        return unresolved(m, "span", _("'{words}' counts no number of sessions").format(words=m.group()))
    market = ctx.market or ctx.place
    if _PREVIOUS.search(m.group()):  # "in the previous four sessions": the ones before the clause's day
        now = story.previous_session(market, ctx.day or ctx.now)
        return resolved(m, "span", (story.sessions_back(market, now, count), now),
                        _("the {count} sessions of the {market} market before the day of the clause, on its own "
                          "calendar").format(count=count, market=market))
    now = story.last_session(market, ctx.now)
    start = story.sessions_back(market, now, count)
    return resolved(m, "span", (start, now), _("the last {count} sessions of the {market} market to the story's day, "
                                               "on its own calendar").format(count=count, market=market))


_PREVIOUS = re.compile(r"\b(?:previous|prior|preceding)\b", re.IGNORECASE)


# a move said as the way a period ended: "finished the year up 62%", "ended the week higher"
_ENDING = r"(?:finish(?:ed|es|ing)?|end(?:ed|s|ing)?|clos(?:e|ed|es|ing)|wrap(?:ped|s|ping)? up)"
PATTERNS: list[tuple[re.Pattern, Callable[[re.Match, Context], DateExpression]]] = [
    (re.compile(r"\b(?:the )?(?:previous|prior|preceding) week['’]s(?= (?:[\w-]+ )?(?:gains?|loss(?:es)?|advances?"
                r"|declines?|drops?|falls?|rally|slide|rout|sell-?off|close|high|low)\b)", re.IGNORECASE),
     _previous_week),  # "reversing the previous week's loss"
    (re.compile(rf"\b(?:(?:for|over|on|in|during|{_ENDING}) the (?:holiday-shortened |shortened |trading )?"
                rf"week(?![\w-])"
                r"(?!['’]s? (?:high|low))"
                r"|week[- ]to[- ]date|week['’]s (?=(?:gains?|loss(?:es)?|advances?|declines?|drops?|falls?|rally"
                r"|slide)\b)"
                r"|(?:weekly|(?:(?<=\bits )|(?<=\btheir )|(?<=\ba ))one[- ]week)"
                r"(?= (?:gains?|loss(?:es)?|advances?|declines?|rises?|drops?|falls?"
                r"|rally|slide|increases?|decreases?|performance)\b)|(?<=[%s] )weekly\b|week[- ](?:on|over)[- ]week"
                r"|(?:a|its|their) (?:first |second |third )?(?:standout|strong|weak|stellar|bumper|tough|rough|good"
                r"|bad|best|worst|negative|positive|losing|winning|volatile|turbulent|choppy) week\b(?! (?:ago|earlier"
                r"|later|before|after)))", re.IGNORECASE), _week),
    (re.compile(rf"\b(?:(?:for|over|on|in|{_ENDING}) the (?:trading )?month(?![\w-])|month[- ]to[- ]date"
                r"|monthly(?= (?:gains?|loss(?:es)?|advances?|declines?|rises?|drops?|falls?|rally|slide)\b))",
                re.IGNORECASE), _month),
    (re.compile(r"\bin the new year\b", re.IGNORECASE), _new_year),
    (re.compile(rf"\b(?:(?i:in|during|early|late|mid-?)\s)?(?P<month>{MONTH})\.? (?P<rel>(?i:last|this|next)) "
                r"(?i:year)\b"), _month_of_year),
    (re.compile(r"\b(?:(?:for|over|on|in) the (?:full |whole |entire )?year(?![\w-])(?!['’]s? (?:high|low))"
                rf"|{_ENDING} the year|(?:yearly|annual)(?= (?:gains?|loss(?:es)?|advances?|declines?|rises?"
                r"|drops?|falls?|rally|slide|performance)\b)"
                r"|for an? (?:\w+ )?(?:straight |consecutive |successive )?year(?: running| in a row)\b)",
                re.IGNORECASE), _year),
    (re.compile(r"\b(?:(?:for|over|on|in) the quarter(?![\w-])|quarterly(?= (?:gains?|loss(?:es)?|advances?"
                r"|declines?|rises?|drops?|falls?)\b))", re.IGNORECASE), _quarter),
    (re.compile(r"\b(?:[Ff]or|[Oo]ver|[Tt]hroughout) (?P<year>(?:19|20)\d\d)\b"), _named_year),
    (re.compile(rf"\b(?:{_ENDING}|closed out|closing out|rounded out) (?P<year>(?:19|20)\d\d)\b"), _named_year),
    (re.compile(r"^\W*(?:Later(?: that day| in the day| on)?|Later that (?:morning|afternoon|evening))(?=,)"), _later),
    (re.compile(r"\b(?:a|one) (?:day|session|trading day) after(?= (?:" + lexicon.alternation(sorted(
        f for f in lexicon.inflections(lexicon.UP_VERBS + lexicon.DOWN_VERBS + ("edge",)) if f.endswith("ing")))
        + r")\b)", re.IGNORECASE), _session_before),
    (re.compile(r"\b(?:(?:this|last) (?:morning|afternoon|evening|night)|tonight)\b", re.IGNORECASE), _day_part),
    (re.compile(r"\bafter the (?:market )?close(?:d|\b)|\bafter the market closed\b", re.IGNORECASE), _after_close),
    (re.compile(r"\b(?P<part>[Ee]arly|[Ll]ate|[Mm]id-?)[ -]?(?P<year>(?:19|20)\d\d)\b"), _half),
    *[(re.compile(rf"\b{pattern}\b", re.IGNORECASE), _holiday(month, first, last))
      for pattern, month, first, last in lexicon.HOLIDAY_PERIODS],
    (re.compile(r"\b(?:through|over|in|during|for|within) the (?:past|last|previous|prior) (?P<n>\d{1,3}|two|three"
                r"|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty) (?:trading (?:days|sessions)"
                r"|sessions)\b", re.IGNORECASE), _sessions),
]
