"""The sessions a run of moves covers: "capping a nine-day win streak", "advanced for a fifth straight day",
"seven consecutive weeks of gains", "snapping a three-day losing streak".

A run ends on its clause's session, or on the session before when the clause ends it ("snapping a three-day losing
streak": the three sessions before the day that snapped it). A run of sessions counts back on its market's own
calendar; a run of weeks starts on the Monday of its first week.
"""

from __future__ import annotations

import datetime as dt
import re

from components.locale import _
from components.locale.formats import date_as
from components.text import story
from components.text.date_types import add_months, count_of
from components.text.quantities import Quantity

# the words before a run that end it: "snapping a", "ending its", "broke a"
ENDED = re.compile(r"\b(?:snap\w*|end\w*|break\w*|broke|halt\w*|stop\w*|snuff\w*|(?:wr[io]te|writ\w+|put\w*|brought"
                   r"|bring\w*) (?:a finish|an end) to)\s(?:out of\s|of\s)?(?:(?:a|an|its|their|the)\s)?$"
                   r"|\b(?:after|following)\s(?:(?:a|an|its|their)\s)?$", re.IGNORECASE)  # "paused on Friday after a
# four-day rally", "After seven consecutive declines, Hong Kong stocks rebounded"
FIRST_IN = re.compile(r"first\s", re.IGNORECASE)  # a run a "first rise in three weeks" ended (quantities.py)


# what comes before those words: "one day after halting the four-day slide", "since ending a two-day slide"
_DAYS_AFTER = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|\d{1,2}) (?:trading )?(?:days?|sessions?) after\s+$",
                         re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)  # "since ending a slide", "since the end of the rally"


def ended_by(text: str, q: Quantity) -> re.Match | None:
    """What ends the run ``q`` before the clause's session: "snapping a" before it, or its own "first rise in three
    weeks"; None when it runs up to the session."""
    return ENDED.search(text, max(0, q.start - 40), q.start) or FIRST_IN.match(q.text)


def run_end(text: str, q: Quantity, day: dt.date, market: str) -> tuple[dt.date | None, str]:
    """The last session of the run ``q`` in a clause whose session is ``day``, and the rule; None (with the reason)
    when the clause ended the run at a time it does not pin ("since ending a two-day slide" counts sessions from a
    day the text leaves one session either way)."""
    ended = ended_by(text, q)
    if ended is None:
        return story.last_session(market, day), _("'{words}': a run up to the clause's session ({day})").format(
            words=q.text, day=date_as(day, "weekday_day"))
    said = ended.group().strip() if ended.re is ENDED else q.text  # "snapped", or "first rise in three weeks"
    before = text[max(0, ended.start() - 40):ended.start()] if ended.re is ENDED else ""
    after = _DAYS_AFTER.search(before)
    if after is not None:  # "one day after halting the slide": halted the session before, so it ended before that
        n = count_of(after.group("n")) or 1
        last = story.sessions_back(market, day, n + 2)
        words = f"{after.group().strip()} {ended.group().strip()} {q.text}"
        return last, _("'{words}': the run ended the session before the one that halted it ({day})").format(
            words=words, day=date_as(last, "weekday_day"))
    since = _SINCE.search(before)
    if since is not None:
        words = f"{before[since.start() + len('since'):].strip()} {ended.group().strip()}".strip()
        return None, _("'since {words} {run}' does not say which session ended the run").format(words=words, run=q.text)
    if q.unit == "week":  # "Snaps a four-week losing streak": the run ended with the week before
        last = story.previous_session(market, day - dt.timedelta(days=day.weekday()))
        return last, _("'{words}': a run of weeks that ended the week before ({day})").format(
            words=said, day=date_as(last, "weekday_day"))
    last = story.previous_session(market, day)
    return last, _("'{words}': a run that ended the session before ({day})").format(
        words=said, day=date_as(last, "weekday_day"))


def run_span(text: str, q: Quantity, day: dt.date, market: str) -> tuple[dt.date, dt.date] | None:
    """(first, last) session of the run ``q`` of the clause ``text`` whose session is ``day``; None for a run of
    months or years, or of fewer than two."""
    if q.kind != "streak" or q.count < 2 or q.unit not in ("session", "week"):
        return None
    last = run_end(text, q, day, market)[0]
    if last is None:
        return None
    if q.unit == "week":
        monday = last - dt.timedelta(days=last.weekday() + 7 * (q.count - 1))
        return story.next_session(market, monday - dt.timedelta(days=1)), last
    return story.sessions_back(market, last, q.count), last


# "Up four of the past five months", "up 11 of the past 13 trading days": a tally over the last units to the session
_TALLY = re.compile(r"\b(?:up|down|higher|lower|rose|fell|gained|lost|advanced|declined) (?:in )?(?P<k>\w+) of the "
                    r"(?:past|last) (?P<n>\w+) (?P<unit>trading days|sessions|days|weeks|months|quarters|years)\b",
                    re.IGNORECASE)


def tallies(text: str, day: dt.date, market: str) -> list[tuple[str, dt.date, dt.date]]:
    """(words, first day, last day) of each tally of the clause ``text`` whose session is ``day``: the last ``n``
    sessions on the market's calendar, or the weeks (from a Monday), months, quarters or years up to the session."""
    out = []
    for m in _TALLY.finditer(text):
        n, unit = count_of(m.group("n")), m.group("unit").lower()
        if not n or n < 2 or n > 400:
            continue
        last = story.last_session(market, day)
        if unit in ("trading days", "sessions", "days"):
            first = story.sessions_back(market, last, n)
        elif unit == "weeks":
            first = story.next_session(market, last - dt.timedelta(days=last.weekday() + 7 * (n - 1) + 1))
        else:
            months = {"months": 1, "quarters": 3, "years": 12}[unit] * (n - 1)
            start = last.replace(day=1) if unit == "months" else dt.date(
                last.year, 3 * ((last.month - 1) // 3) + 1 if unit == "quarters" else 1, 1)
            first = add_months(start, -months)
        out.append((m.group(), first, last))
    return out


_SESSION_WORD = re.compile(r"\b(?:day|days|session|sessions|daily)\b", re.IGNORECASE)
_WEEK_MOVE = re.compile(r"\b(?:for the week|on the week|this week|weekly)\b", re.IGNORECASE)


def unit_of(q: Quantity, text: str) -> str:
    """A run's unit: sessions unless written; "surged 4.5% for the week, marking its fourth consecutive gain" counts
    weeks."""
    if q.unit == "session" and not _SESSION_WORD.search(q.text) and _WEEK_MOVE.search(text):
        return "week"
    return q.unit
