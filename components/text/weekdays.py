"""Days said by their weekday or their place in a week, month or year: "on Tuesday", "last Friday", "since
Monday", "over Wednesday and Thursday", "the weekend", "the last trading day of this year", "ended last week".
A weekday is the most recent such day on or before publication, or the next one when its clause looks ahead; part of
:mod:`components.text.dates`, whose patterns list them.
"""

from __future__ import annotations

import datetime as dt
import re

from components.locale import N_, _
from components.text import story
from components.text.date_types import Context, DateExpression, month_span, one_day, resolved, week_of

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# trading as it happens, next to its weekday: "jumped 4.6% in early trading on Monday"
_LIVE = re.compile(r"\b(?:in|during) (?:early|morning)(?: Asian)? (?:trade|trading|deals)\b|\bat the open\b",
                   re.IGNORECASE)
_NEAR, _COMING = 30, 2  # characters from the weekday to the live words; days ahead a weekend story's session may be
# trading starting again, in the present tense: "Hong Kong trading picks up again Monday", "markets reopen on Monday"
_RESUMES = re.compile(r"\b(?:picks? up again|resumes?|reopens?|restarts?|returns? to trading)\b", re.IGNORECASE)


def weekday(m: re.Match, ctx: Context) -> DateExpression:
    target, lead = WEEKDAYS.index(m.group("weekday")), (m.group("lead") or "").lower()
    pub, monday, name = ctx.published, week_of(ctx.published)[0], m.group("weekday")
    qualifier = (m.group("q1") or m.group("q2") or "").lower()
    extra = {"qualifier": qualifier, "note": _("time of day: {words}").format(words=qualifier) if qualifier else ""}
    if lead == "next" or (not lead or lead == "on") and ctx.tense(m.start(), m.end()) == "future":
        ahead = (target - pub.weekday()) % 7 or (7 if lead == "next" else 0)
        rule = (_("the first {weekday} after publication") if lead == "next" else
                _("the first {weekday} on or after publication, as the clause looks ahead")).format(weekday=name)
        return resolved(m, "weekday", one_day(pub + dt.timedelta(days=ahead)), rule, **extra)
    ahead = (target - pub.weekday()) % 7
    near = m.string[max(0, m.start() - _NEAR):m.end() + _NEAR]
    if lead in ("", "on") and pub.weekday() >= 5 and 0 < ahead <= _COMING and _LIVE.search(near):
        return resolved(m, "weekday", one_day(pub + dt.timedelta(days=ahead)), _(
            "the coming {weekday}: a story dated on a weekend that reports trading as it happens was written that "
            "morning in Asia, the evening before in the Americas").format(weekday=name), **extra)
    if lead in ("", "on") and pub.weekday() >= 5 and 0 < ahead <= _COMING and _RESUMES.search(near):
        return resolved(m, "weekday", one_day(pub + dt.timedelta(days=ahead)), _(
            "the coming {weekday}: a story dated on a weekend says when trading starts again").format(weekday=name),
            **extra)
    if lead == "this":
        return resolved(m, "weekday", one_day(monday + dt.timedelta(days=target)),
                        _("{weekday} of the week of publication").format(weekday=name), **extra)
    back = (pub.weekday() - target) % 7 or (7 if lead in ("last", "past") else 0)
    day = pub - dt.timedelta(days=back)
    if day >= monday:
        return resolved(m, "weekday", one_day(day), _("weekday in the week of publication, on or before it"), **extra)
    return resolved(m, "weekday", one_day(day),
                    _("the most recent {weekday} before publication (the week before)").format(weekday=name), **extra)


def since_weekday(m: re.Match, ctx: Context) -> DateExpression:
    """ "Gains since last Friday", "has risen 3% since Monday": from that day's close, the most recent such weekday
    before publication (a week back when it is the publication's own weekday), to publication."""
    pub = ctx.published
    day = pub - dt.timedelta(days=(pub.weekday() - WEEKDAYS.index(m.group("weekday"))) % 7 or 7)
    return resolved(m, "since", (day, pub), _("from the close of the most recent {weekday} before publication to "
                                              "publication").format(weekday=m.group("weekday")))


def last_session_of(m: re.Match, ctx: Context) -> DateExpression:
    """ "On the last trading day of this year": the last session of the story's market in the year (month, week) of
    publication, on or before its last day."""
    pub, unit = ctx.published, m.group("unit").lower()
    end = {"year": dt.date(pub.year, 12, 31), "month": month_span(pub.year, pub.month)[1]}.get(
        unit, pub + dt.timedelta(days=6 - pub.weekday()))
    market = ctx.market or ctx.place
    return resolved(m, "absolute", one_day(story.last_session(market, end)), _(_LAST_OF[unit]).format(market=market))


def ended_last_week(m: re.Match, ctx: Context) -> DateExpression:
    """ "The index ended last week at a 13-year low": the last session of the week before publication's."""
    market = ctx.market or ctx.place
    sunday = ctx.published - dt.timedelta(days=ctx.published.weekday() + 1)
    return resolved(m, "reference", one_day(story.last_session(market, sunday)), _(  # a look back: not the story's day
        "what ended last week: the last {market} session of the week before publication").format(market=market))


_LAST_OF = {"year": N_("the last {market} session of the year of publication"),
            "month": N_("the last {market} session of the month of publication"),
            "week": N_("the last {market} session of the week of publication")}


def two_weekdays(m: re.Match, ctx: Context) -> DateExpression:
    """ "Surged 17 per cent over Wednesday and Thursday": the sessions from the first to the second, the most recent
    such days on or before publication."""
    pub = ctx.published
    first, last = (pub - dt.timedelta(days=(pub.weekday() - WEEKDAYS.index(m.group(group))) % 7)
                   for group in ("weekday", "last"))
    return resolved(m, "span", (first, last), _("from {first} to {last}, the most recent such days on or before "
                                                "publication").format(first=m.group("weekday"), last=m.group("last")))


def weekend(m: re.Match, ctx: Context) -> DateExpression:
    """Saturday and Sunday: the last weekend on or before publication, or the next one when the clause looks
    ahead ("will ... this weekend", "next weekend")."""
    lead, pub = (m.group("lead") or "").lower(), ctx.published
    saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)  # the Saturday on or before publication
    if lead == "next" or (lead in ("", "this") and ctx.tense(m.start(), m.end()) == "future"):
        ahead = saturday if pub.weekday() == 6 and lead != "next" else saturday + dt.timedelta(days=7)
        if lead == "this" and pub.weekday() >= 5:
            ahead = saturday
        return resolved(m, "weekend", (ahead, ahead + dt.timedelta(days=1)),
                        _("the first weekend after publication, as the clause looks ahead"))
    if lead == "last" and pub.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    end = min(saturday + dt.timedelta(days=1), pub)
    return resolved(m, "weekend", (saturday, end), _("the most recent weekend, on or before publication"))
