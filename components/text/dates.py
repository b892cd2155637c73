"""Date expressions in a sentence, resolved against the publication date, each with its rule.

``find_date_expressions(sentence, published)`` finds absolute dates ("6 March 2025", "March 6"),
months, years, weekdays ("early Monday", "Thursday evening"), relative phrases ("this week",
"yesterday"), offsets from a named anchor ("a day after the launch of Foo") and vague words
("soon"); :mod:`components.text.periods` adds spans and look-backs, quarters (fiscal too),
"overnight" and reference words ("that same day"). A resolved expression carries its day or period
and the rule used; one that cannot be resolved carries the reason instead, never a guess.

A date written without a year is placed by the tense around it: ahead of publication when the
clause looks forward ("will", "starting June 1"), on or before it when it looks back, and
otherwise in the year that puts it nearest to publication. A weekday is the most recent such day
on or before publication, or the next one when the clause looks forward (:mod:`components.text.weekdays`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Callable, Mapping

from components.locale import N_, _, ngettext
from components.locale import formats as F
from components.text import holiday_names, periods, story_periods
from components.text.date_ranges import joined_ranges
from components.text.date_types import (
    FUTURE_WORDS,
    MONTH,
    NUMBER_WORDS,
    Context,
    DateExpression,
    checked_date,
    month_number,
    month_span,
    one_day,
    resolved,
    shifted_month,
    unresolved,
    week_of,
    year_span,
)
from components.text.weekdays import (
    WEEKDAYS,
    ended_last_week,
    last_session_of,
    since_weekday,
    two_weekdays,
    weekday,
    weekend,
)

__all__ = ["DateExpression", "Context", "FUTURE_TENSE", "checked_date", "find_date_expressions", "month_number"]

FUTURE_TENSE = FUTURE_WORDS  # the words that make a sentence look forward (see date_types)

_ONE_DAY = dt.timedelta(days=1)
_WEEK = dt.timedelta(days=7)
RELATIVE_PHRASES: dict[str, tuple[Callable[[dt.date], tuple[dt.date, dt.date]], str]] = {
    "today": (lambda p: one_day(p), N_("the publication date")),
    "yesterday": (lambda p: one_day(p - _ONE_DAY), N_("the day before publication")),
    "tomorrow": (lambda p: one_day(p + _ONE_DAY), N_("the day after publication")),
    "earlier this week": (lambda p: (week_of(p)[0], p - _ONE_DAY),
                          N_("from Monday of the week of publication to the day before it")),
    "this week": (week_of, N_("the Monday-to-Friday week of publication")),
    # parts of the week of publication: "At the start of the week, a tariff hike ...", "In the second half of the week"
    "the start of the week": (lambda p: (week_of(p)[0], week_of(p)[0] + _ONE_DAY),
                              N_("Monday and Tuesday of the week of publication")),
    "the beginning of the week": (lambda p: (week_of(p)[0], week_of(p)[0] + _ONE_DAY),
                                  N_("Monday and Tuesday of the week of publication")),
    "the first half of the week": (lambda p: (week_of(p)[0], week_of(p)[0] + 2 * _ONE_DAY),
                                   N_("Monday to Wednesday of the week of publication")),
    "the second half of the week": (lambda p: (week_of(p)[0] + 2 * _ONE_DAY, week_of(p)[1]),
                                    N_("Wednesday to Friday of the week of publication")),
    "the end of the week": (lambda p: (week_of(p)[1] - _ONE_DAY, week_of(p)[1]),
                            N_("Thursday and Friday of the week of publication")),
    "last week": (lambda p: week_of(p - _WEEK), N_("the Monday-to-Friday week before publication")),
    "next week": (lambda p: week_of(p + _WEEK), N_("the Monday-to-Friday week after publication")),
    "earlier this month": (lambda p: (p.replace(day=1), p - _ONE_DAY),
                           N_("from the 1st of the month of publication to the day before it")),
    "this month": (lambda p: shifted_month(p, 0), N_("the calendar month of publication")),
    "last month": (lambda p: shifted_month(p, -1), N_("the calendar month before publication")),
    "next month": (lambda p: shifted_month(p, 1), N_("the calendar month after publication")),
    "earlier this year": (lambda p: (dt.date(p.year, 1, 1), p - _ONE_DAY),
                          N_("from 1 January of the publication year to the day before publication")),
    "later this year": (lambda p: (p + _ONE_DAY, dt.date(p.year, 12, 31)),
                        N_("from the day after publication to 31 December")),
    "late last year": (lambda p: (dt.date(p.year - 1, 7, 1), dt.date(p.year - 1, 12, 31)),
                       N_("July to December of the year before publication")),
    "early next year": (lambda p: (dt.date(p.year + 1, 1, 1), dt.date(p.year + 1, 6, 30)),
                        N_("January to June of the year after publication")),
    "this year": (lambda p: year_span(p.year), N_("the calendar year of publication")),
    "last year": (lambda p: year_span(p.year - 1), N_("the calendar year before publication")),
    "next year": (lambda p: year_span(p.year + 1), N_("the calendar year after publication")),
}


def _year_for(month: int, day: int, m: re.Match, ctx: Context) -> tuple[int, str]:
    """The year of a date written without one, from the tense around it (see the module's docstring)."""
    pub, year = ctx.published, ctx.published.year
    tense, later = ctx.tense(m.start(), m.end()), (month, day) > (pub.month, pub.day)
    if tense == "future":
        chosen = year + 1 if (month, day) < (pub.month, pub.day) else year
        why = _("the clause looks ahead, so the first such date on or after publication")
    elif tense == "past" or not later:
        chosen = year - 1 if later else year
        why = _("on or before publication, as the clause looks back") if tense == "past" else _(
            "on or before publication")
    else:  # no tense: the nearer of this year's date (ahead) and last year's
        ahead = (dt.date(year, month, min(day, 28)) - pub).days
        behind = (pub - dt.date(year - 1, month, min(day, 28))).days
        chosen = year if ahead < behind else year - 1
        why = _("the nearer to publication of this year's and last year's")
    if chosen == year:
        if later:
            return year, _("year taken from the publication date ({year}); the date is after publication, as the "
                           "clause looks ahead").format(year=year)
        return year, _("year taken from the publication date ({year})").format(year=year)
    return chosen, _("year taken as {year}: {why} ({published})").format(year=chosen, why=why,
                                                                          published=F.date_as(pub, "date"))


def _iso(m: re.Match, ctx: Context) -> DateExpression:
    try:
        day = dt.date.fromisoformat(m.group())
    except ValueError:
        return unresolved(m, "absolute", _not_a_date(m))
    return resolved(m, "absolute", one_day(day), _("absolute date"))


def _not_a_date(m: re.Match) -> str:
    return _("'{words}' is not a calendar date").format(words=m.group())


def _month_day(m: re.Match, ctx: Context) -> DateExpression:
    year_text = m.group("year")
    try:
        month, day_of_month = month_number(m.group("month")), int(m.group("day"))
        dt.date(2000, month, day_of_month)  # a day that exists in some year (2000 is a leap year)
        year, note = (int(year_text), "") if year_text else _year_for(month, day_of_month, m, ctx)
        day = dt.date(year, month, day_of_month)
    except (ValueError, OverflowError):
        return unresolved(m, "absolute", _not_a_date(m))
    weekday = m.groupdict().get("weekday")
    if weekday and WEEKDAYS.index(weekday) != day.weekday():
        note = " ".join(filter(None, (note, _("the weekday written ({weekday}) is not that date's").format(
            weekday=weekday))))
    return resolved(m, "absolute", one_day(day), _("absolute date") if year_text else _("month and day without a year"),
                    note)


def _week_ending(m: re.Match, ctx: Context) -> DateExpression:
    """"the week ending March 3, 2023": Monday of that week to the day named."""
    day = _month_day(m, ctx)
    if not day.resolved:
        return day
    monday = day.start_date - dt.timedelta(days=day.start_date.weekday())
    return resolved(m, "span", (monday, day.start_date), _("the week that ends on the day named"), day.note)


def _month_days(m: re.Match, ctx: Context) -> DateExpression:
    """"December 25 and 26", "March 3-5": the days from the first to the second, in one month."""
    first = _month_day(m, ctx)
    try:
        last = first.start_date.replace(day=int(m.group("last"))) if first.resolved else None
    except ValueError:
        last = None
    if last is None or last <= first.start_date:
        return first
    return resolved(m, "span", (first.start_date, last), _("from {first} to {last}, as written").format(
        first=F.date_as(first.start_date, "date"), last=F.date_as(last, "date")), first.note)


def _month(m: re.Match, ctx: Context) -> DateExpression:
    month = month_number(m.group("month"))
    year_text = m.group("year")
    if year_text or month == ctx.published.month:
        year, note = int(year_text or ctx.published.year), ""
    else:
        year, note = _year_for(month, 1, m, ctx)
    first, last = month_span(year, month)
    part = m.group().split()[0].lower().rstrip("-")
    if part in _THIRDS:  # "early January": its first ten days; "late May": from the 20th
        lo, hi, rule = _THIRDS[part]
        return resolved(m, "month", (first.replace(day=lo), last.replace(day=min(hi, last.day))), _(rule), note)
    return resolved(m, "month", (first, last), _("the calendar month named"), note)


_MOVE_NOUNS = tuple(f"{noun}{plural}" for noun in ("gain", "loss", "rise", "drop", "decline", "advance", "rally",
                                                      "increase", "fall", "slide", "jump", "surge", "return",
                                                      "climb", "slump", "rebound", "retreat", "move")
                    for plural in ("", "s" if noun != "loss" else "es"))
_THIRDS = {"early": (1, 10, N_("the first ten days of the month named")),
           "mid": (11, 20, N_("the middle of the month named (the 11th to the 20th)")),
           "late": (20, 31, N_("the end of the month named (from the 20th)"))}


def _month_mark(m: re.Match, ctx: Context) -> DateExpression:
    """A peak or a low named by its month ("from its November peak", "its October 2024 high"): that month, the
    most recent one that has begun when no year is written (a peak is behind the story)."""
    month, pub = month_number(m.group("month")), ctx.published
    year = int(m.group("year")) if m.group("year") else pub.year if month <= pub.month else pub.year - 1
    first, last = month_span(year, month)
    return resolved(m, "month", (first, min(last, max(first, pub))), _("the month of the peak or low named"))


def _since(m: re.Match, ctx: Context) -> DateExpression:
    month, year_text, rel = month_number(m.group("month")), m.group("year"), (m.group("rel") or "").lower()
    pub = ctx.published
    if year_text:
        year = int(year_text)
    elif rel:
        year = pub.year - 1 if rel == "last" else pub.year
    else:  # the most recent such month that has begun
        year = pub.year if month <= pub.month else pub.year - 1
    if m.group("day"):
        try:
            day = dt.date(year, month, int(m.group("day")))
        except ValueError:
            return unresolved(m, "since", _not_a_date(m))
        if day > pub and not (year_text or rel):
            day = day.replace(year=year - 1) if not (month == 2 and day.day == 29) else day
        return resolved(m, "since", (day, pub), _("from the day named to the publication date"))
    note = _("open start: 'since' a month can count from the last close before it (year to date, for January) "
             "or from a low point within it")
    return resolved(m, "since", (dt.date(year, month, 1), pub),
                    _("from the 1st of the month named to the publication date"), note)


def _year(m: re.Match, ctx: Context) -> DateExpression:
    year = int(m.group("year"))
    if m.group().lower().startswith("since"):
        return resolved(m, "since", (dt.date(year, 1, 1), ctx.published),
                        _("from 1 January of the year named to publication"))
    span, rule = story_periods.so_far(year_span(year), m, ctx, _("the calendar year named"))  # "up 33% in 2024"
    return resolved(m, "year", span, rule)  # said while 2024 runs: to the story's day


def _relative(m: re.Match, ctx: Context) -> DateExpression:
    """A relative phrase; "this week", "this month", "this year" run to the story's day unless the clause looks
    ahead (see :mod:`components.text.story_periods`)."""
    phrase = m.group().lower()
    compute, rule = RELATIVE_PHRASES[phrase]
    span = compute(ctx.published)
    if phrase in _OF_THE_STORY:
        span, rule = story_periods.so_far(compute(ctx.now), m, ctx, _(_OF_THE_STORY[phrase]))
        return resolved(m, "relative", span, rule)
    return resolved(m, "relative", span, _(rule))


# "this week", "this month", "this year" run to the story's day: their rules said of the story
_OF_THE_STORY = {"this week": N_("the Monday-to-Friday week of the story"),
                 "this month": N_("the calendar month of the story"),
                 "this year": N_("the calendar year of the story")}


def _ago(m: re.Match, ctx: Context) -> DateExpression:
    count = NUMBER_WORDS.get(m.group("count").lower()) or int(m.group("count"))
    unit, pub = m.group("unit").lower().rstrip("s"), ctx.published
    if unit in ("day", "week"):
        day = pub - dt.timedelta(days=count * (7 if unit == "week" else 1))
        said = ngettext("{count} day before publication", "{count} days before publication", count) if unit == "day" \
            else ngettext("{count} week before publication", "{count} weeks before publication", count)
        return resolved(m, "relative", one_day(day), said.format(count=count))
    if unit == "month":
        return resolved(m, "relative", shifted_month(pub, -count),
                        ngettext("the calendar month {count} month before publication",
                                 "the calendar month {count} months before publication", count).format(count=count))
    return resolved(m, "relative", year_span(pub.year - count),
                    ngettext("the calendar year {count} year before publication",
                             "the calendar year {count} years before publication", count).format(count=count))


def _anchor_date(anchor: str, anchors: Mapping[str, dt.date]) -> tuple[str, dt.date] | None:
    for name, day in anchors.items():
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", anchor, re.IGNORECASE):
            return name, checked_date(day)
    return None


def _offset(m: re.Match, ctx: Context) -> DateExpression:
    count = NUMBER_WORDS.get(m.group("count").lower()) or int(m.group("count"))
    days = count * (7 if m.group("unit").lower().startswith("week") else 1)
    sign = 1 if m.group("direction").lower() == "after" else -1
    anchor, found = m.group("anchor"), _anchor_date(m.group("anchor"), ctx.anchors)
    if found is None:
        return unresolved(m, "offset", _("counts from '{anchor}', which has no known date").format(anchor=anchor),
                          anchor, sign * days)
    name, day = found
    span = one_day(day + dt.timedelta(days=sign * days))
    rule = (ngettext("{days} day after the anchor event ({name}, {day})",
                     "{days} days after the anchor event ({name}, {day})", days) if sign > 0 else
            ngettext("{days} day before the anchor event ({name}, {day})",
                     "{days} days before the anchor event ({name}, {day})", days)).format(
        days=days, name=name, day=F.date_as(day, "date"))
    return resolved(m, "offset", span, rule, anchor=anchor, offset_days=sign * days)


def _vague(m: re.Match, ctx: Context) -> DateExpression:
    return unresolved(m, "vague", _("'{words}' names no calendar date or period").format(words=m.group()))


_YEAR = r"(?:,? (?P<year>\d{4})\b)?"
_RELATIVE_RE = "|".join(re.escape(p) for p in sorted(RELATIVE_PHRASES, key=len, reverse=True))
_COUNT = r"(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
# Order matters only for ties: at one start the longest match wins, then the earlier pattern.
DATE_PATTERNS: list[tuple[re.Pattern, Callable[[re.Match, Context], DateExpression]]] = [
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), _iso),
    (re.compile(rf"\b(?:[Tt]he )?week (?:ending|ended|that ended) (?P<month>{MONTH})\.? (?P<day>\d{{1,2}})"
                rf"(?:st|nd|rd|th)?\b{_YEAR}"), _week_ending),
    (re.compile(rf"\b(?P<month>{MONTH})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?: and |-|–| to | through )"
                rf"(?P<last>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}(?=\s*(?:[,.;:)]|$)|\s(?:for|as|when|because|after"
                r"|before|in|on|to|with|and|but|while|amid)\b)"),
     _month_days),  # "December 25 and 26", "March 3-5"
    (re.compile(rf"\b(?:(?:[Oo]n )?(?P<weekday>{'|'.join(WEEKDAYS)}),? )?(?P<month>{MONTH})\.? "
                rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,]\d|\s?%|\s?(?:per ?cent|percent|points?)\b){_YEAR}"),
     _month_day),  # "Monday, Jan. 12, 2026": one day; not "ended January 1.7% higher"
    (re.compile(rf"\b(?:(?:[Oo]n )?(?P<weekday>{'|'.join(WEEKDAYS)}),? )?(?<![\d.,])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
                rf" (?:of )?"
                rf"(?P<month>{MONTH})\b(?:\.(?= \d{{4}}))?{_YEAR}"), _month_day),  # "Thursday, 20 November 2025"
    (re.compile(rf"\b[Ss]ince (?:(?:{'|'.join(WEEKDAYS)}),? )?(?P<month>{MONTH})"
                rf"(?:\.(?= \d))?(?: (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
                rf"(?:,? (?P<year>\d{{4}})\b| (?P<rel>last|this) year\b)?"), _since),
    (re.compile(rf"\b(?:[Ii]n |[Dd]uring |[Ee]arly |[Ll]ate |[Mm]id[- ])(?P<month>{MONTH})\b"
                rf"(?: (?:of )?(?P<year>\d{{4}})\b)?"),
     _month),
    # "For June, the Dow surged 4.32%"; not "sales for April" (the period data cover), nor "for May 5"
    (re.compile(rf"(?:^|(?<=[,;] ))(?:[Ff]or|[Oo]ver|[Tt]hroughout) (?P<month>{MONTH})\b(?!\.? \d{{1,2}}\b)"
                rf"(?: (?:of )?(?P<year>\d{{4}})\b)?"), _month),
    # "locked in a 5% gain for June": a move's month (a noun of a move right before "for")
    (re.compile(rf"(?:{'|'.join(f'(?<={noun} )' for noun in _MOVE_NOUNS)})for (?P<month>{MONTH})\b"
                rf"(?!\.? \d{{1,2}}\b)(?: (?:of )?(?P<year>\d{{4}})\b)?"), _month),
    (re.compile(rf"\b(?P<month>{MONTH}) (?:of )?(?P<year>\d{{4}})\b"), _month),
    (re.compile(rf"\b(?:(?:[Oo]ver|[Ii]n|[Dd]uring|[Ff]or|[Tt]hroughout) the month of|[Oo]ver the course of)"
                rf" (?P<month>{MONTH})\b"
                rf"(?: (?P<year>\d{{4}})\b)?"), _month),  # "climbed 9% over the month of November": November
    (re.compile(rf"\b(?P<month>{MONTH})['’]s(?P<year>)\b"), _month),  # "April's 4.3 per cent loss": that month
    (re.compile(rf"(?:(?<=\bits )|(?<=\bthe )|(?<=\ba )|(?<=['’]s ))(?P<month>{MONTH})(?P<year>) (?=(?:increase|gain"
                r"|advance|rally|rise|decline"
                r"|drop|loss|fall|slide|slump|surge|jump|rebound|sell-?off|performance)s?\b)"),
     _month),  # "the benchmark's June increase to 6.5%": that month
    (re.compile(rf"(?:(?<=\bclosed )|(?<=\bended )|(?<=\bfinished )|(?<=\bwrapped up ))(?P<month>{MONTH})(?P<year>)"
                r"(?= (?:with|up|down|higher|lower)\b| [-+]?\d[\d.,]*\s?(?:%|per ?cent|percent|points?)\s(?:up|down"
                r"|higher|lower|stronger|weaker|firmer)\b)"), _month),  # "closed November with an 8.9% jump", "ended
    # January 1.7% higher"
    (re.compile(rf"^(?P<month>{MONTH})(?P<year>)(?= (?:was|has been|saw|marked|brought|proved)\b)"),
     _month),  # "December was the worst month for the S&P 500": that month
    (re.compile(rf"(?:(?<=\bits )|(?<=\bthe )|(?<=\ba )|(?<=\ban ))(?P<month>{MONTH})(?: (?P<year>\d{{4}}))? "
                r"(?:all-time |record )?(?:peak|high|highs|low|lows|trough|top|bottom)\b"), _month_mark),
    (re.compile(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring) (?P<year>(?:19|20)\d\d)\b"), _year),
    (re.compile(rf"\b[Ss]ince (?:(?:[Ll]ast|[Pp]ast) )?(?P<weekday>{'|'.join(WEEKDAYS)})\b"), since_weekday),
    (re.compile(r"\b(?i:the (?:last|final) trading (?:day|session) of (?:this|the) (?P<unit>year|month|week))\b"),
     last_session_of),
    (re.compile(r"(?:(?<=\bended )|(?<=\bclosed )|(?<=\bfinished )|(?<=\b[Bb]y the end of )|(?<=\b[Aa]t the end of ))"
                r"(?i:last week)\b"), ended_last_week),  # "By the end of last week, it had posted a gain of 16.1%"
    (re.compile(rf"\b(?:[Oo]ver|[Aa]cross) (?P<weekday>{'|'.join(WEEKDAYS)}) and (?P<last>{'|'.join(WEEKDAYS)})\b"),
     two_weekdays),
    (re.compile(rf"\b(?:(?P<q1>[Ee]arly|[Ll]ate) (?:on )?)?(?:(?P<lead>[Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast) )?"
                rf"(?P<weekday>{'|'.join(WEEKDAYS)})(?:['’]s\b)?(?: (?P<q2>morning|afternoon|evening|night)\b)?"),
     weekday),
    (re.compile(r"\b(?:(?:[Oo]ver|[Aa]t|[Oo]n|[Dd]uring) the|(?P<lead>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)) weekend\b"),
     weekend),
    (re.compile(rf"\b(?:{_RELATIVE_RE})\b", re.IGNORECASE), _relative),
    (re.compile(rf"\b(?i:{_COUNT} (?P<unit>days?|weeks?|months?|years?) ago)\b"), _ago),
    (re.compile(rf"\b(?i:(?:(?:just|only) )?{_COUNT} "
                r"(?P<unit>days?|weeks?) (?P<direction>after|before)) (?P<anchor>(?:(?:the|its|their) [a-z]+ of )?"
                r"(?:the )?[A-Z](?:[\w-]|\.(?=\w))*(?: [A-Z](?:[\w-]|\.(?=\w))*){0,4})"), _offset),
    (re.compile(r"\b(?:soon|(?<!as )recently(?! as)|lately|shortly|in the coming (?:days|weeks|months|years)"
                r"|in the near future"
                r"|at a later date|eventually)\b", re.IGNORECASE), _vague),
    *story_periods.PATTERNS,
    *periods.PATTERNS,
    (holiday_names.PATTERN, holiday_names.resolve),  # "in observance of Veterans Day", "the Dragon Boat Festival"
]


def find_date_expressions(sentence: str, published: dt.date | str, *, anchors: Mapping[str, dt.date] | None = None,
                          context: Context | None = None) -> list[DateExpression]:
    """Every date expression in one sentence, in order, resolved against ``published`` where possible.

    ``anchors`` maps names (matched case-insensitively inside "a day after <anchor>") to their dates.
    ``context`` carries what the text said before (its place, fiscal year, last day and quarter).
    """
    base = context or Context(checked_date(published))
    ctx = replace(base, published=checked_date(published), anchors=anchors or base.anchors, sentence=sentence)
    matches = sorted(((m, resolve) for pattern, resolve in DATE_PATTERNS for m in pattern.finditer(sentence)),
                     key=lambda item: (item[0].start(), -len(item[0].group())))
    found, taken_until = [], -1
    for m, resolve in matches:
        if m.start() >= taken_until:
            found.append(resolve(m, ctx))
            taken_until = m.end()
    return joined_ranges(sentence, found)
