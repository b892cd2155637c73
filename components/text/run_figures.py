"""A figure that is the move of a run of sessions: "ending a four-day 5.3 per cent rally" (:func:`run_figure`), "has
tracked higher in seven straight sessions, soaring more than 900 points" (:func:`run_before`). Read by
:mod:`components.text.claim_reader` beside :mod:`components.text.claim_periods`."""

from __future__ import annotations

import datetime as dt
import re

from components.locale import _
from components.locale.formats import date_as
from components.text import claim_periods, runs, story
from components.text import lexicon as L
from components.text.quantities import Quantity, quantities
from components.text.reader import Clause, Reading

_RUN_OF = re.compile(r"\b(?P<n>\w+)-(?:day|session),? $", re.IGNORECASE)  # "a five-day, 4.3 per cent decline"
_RUN_NOUN = re.compile(r" (?:rally|gain|advance|winning streak|climb|rise|run|slide|decline|losing streak|sell-?off"
                       r"|rout|drop|fall|retreat|loss|slump|tumble|plunge|surge|jump|losing run|winning run)\b",
                       re.IGNORECASE)


def run_figure(clause: Clause, q: Quantity) -> tuple[int, str, int] | None:
    """The run a figure is the move of ("ending a four-day 5.3 per cent rally"): its sessions, its words and where
    they start; None when the figure is not one."""
    m = _RUN_OF.search(clause.text, max(0, q.start - 20), q.start)
    noun = _RUN_NOUN.match(clause.text, q.end) if m else None
    n = L.number_word(m.group("n")) if noun else None
    return (n, clause.text[m.start():noun.end()], m.start()) if n and n > 1 else None


def run_before(clause: Clause, q: Quantity) -> Quantity | None:
    """A run of sessions named before a figure in its part of the clause ("has tracked higher in seven straight
    sessions, soaring more than 900 points"): the figure is that run's move. None otherwise."""
    along = _ALONG.search(clause.text, q.end, q.end + 60) is not None
    return next((r for r in quantities(clause.text) if r.kind == "streak" and r.end <= q.start and r.unit == "session"
                 and r.count > 1 and not re.search(r"[;.]", clause.text[r.end:q.start])
                 and (along or _IN_WHICH.fullmatch(clause.text, r.end, q.start)
                      or (r.text.endswith("s") and _AMASSING.fullmatch(clause.text, r.end, q.start)))), None)


PERIOD_OF = {"day": "period", "points": "period_points"}  # a day's move read as a period's


def framed_run(clause: Clause, q: Quantity, measure: str, market: str, day: dt.date) -> tuple | None:
    """(measure, rule, last session, fields) of a figure that is the move of a run named before it ("the two-day
    winning streak in which it had advanced 0.7 percent") or after it ("gaining 19% across six consecutive trading
    days"); None otherwise."""
    run = run_before(clause, q) if measure in ("period", "period_points") else \
        run_after(clause, q) if measure in ("day", "points") else None
    over = over_run(run, clause, market, day) if run is not None and not claim_periods.own_day(clause, q) else None
    return (PERIOD_OF.get(measure, measure), over[0], over[1]["day"], over[1]) if over is not None else None


def before_now(clause: Clause, q: Quantity, day: dt.date, reading: Reading, market: str) -> tuple[dt.date, str] | None:
    """(the session before, the rule) for a figure of the story's own session told in the past perfect ("Before
    today, the index had declined 9.8 per cent since a peak on May 20"); None otherwise."""
    told = BEFORE_NOW.search(clause.text, 0, q.start) if day == (reading.session or reading.published) else None
    if told is None:
        return None
    last = story.previous_session(market, day)
    return last, _("'{words}': told in the past perfect, the session before the story's ({day})").format(
        words=told.group(), day=date_as(last, "weekday_day"))


def run_after(clause: Clause, q: Quantity) -> Quantity | None:
    """A run of sessions named right after a figure ("gaining more than 19% across six consecutive trading days"):
    the figure is that run's move. None otherwise."""
    if not _ACROSS.match(clause.text, q.end):
        return None
    return next((r for r in quantities(clause.text) if r.kind == "streak" and r.unit == "session" and r.count > 1
                 and _ACROSS.fullmatch(clause.text, q.end, r.start)), None)


def over_run(run: Quantity, clause: Clause, market: str, day: dt.date) -> tuple[str, dict] | None:
    """(rule, fields) of a move over the run ``run`` of a clause whose session is ``day``: from the close before its
    first session to its last (the session before, when the clause ended it: "wrote a finish to the two-day winning
    streak in which it had advanced 0.7 percent"); None when its sessions cannot be told."""
    if BEFORE_NOW.search(clause.text, 0, run.start):  # "had previously rallied, ... across six days": before it
        day = story.previous_session(market, day)
    span = runs.run_span(clause.text, run, day, market)
    if span is None:
        return None
    first, last = span
    rule = _("'{words}': a move over that run, from {day}").format(words=run.text, day=date_as(first, "date"))
    return rule, {"since": first, "day": last, "since_rule": _("'{words}': the {count} sessions from {day}").format(
        words=run.text, count=run.count, day=date_as(first, "date"))}


# the figure of a run, said of it as a whole ("soaring 900 points along the way", "for three consecutive sessions,
# amassing nearly 560 points"); "rose for a third session, with the index up 1.2%" says the day's move
_AMASSING = re.compile(r",\s(?:amassing|collecting|accumulating|racking up|piling up|gaining|adding|climbing|jumping"
                       r"|soaring|surging|rising|rallying|advancing|shedding|losing|giving up|plunging|tumbling|sinking"
                       r"|falling|dropping|slumping|surrendering|skidding|sliding|retreating|declining)"
                       r"\s(?:(?:more than|nearly|almost|about|around|some|over|roughly|a total of)\s)?"
                       r"(?:[\d,.]+ points?,? or (?:an? |about |nearly |almost |more than )?)?", re.IGNORECASE)
# "the two-day winning streak in which it had advanced almost 140 points or 0.7 percent"
_IN_WHICH = re.compile(r"\s(?:in|during|over) which (?:it|they|the \w+)(?: had| has| have)? \w+ (?:(?:more than"
                       r"|nearly|almost|about|around|some|over|roughly)\s)?(?:[\d,.]+ points?,? or (?:about |nearly "
                       r"|almost )?)?", re.IGNORECASE)
_ACROSS = re.compile(r"\s(?:across|over|in|during) (?:the (?:past|last|previous) )?(?:a |an )?", re.IGNORECASE)
BEFORE_NOW = re.compile(r"\bhad (?:previously|earlier|already)\b|\bhad (?:\w+ed)\b|\bbefore today\b", re.IGNORECASE)
_ALONG = re.compile(r"\b(?:along the way|over (?:that|this|the) (?:stretch|span|run|streak|period)|during (?:that|this"
                    r"|the) (?:stretch|run|streak)|in (?:that|this) (?:stretch|span|time)|in all|in total"
                    r"|cumulatively)\b", re.IGNORECASE)
