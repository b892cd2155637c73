"""A figure that is the move of a run of sessions: "ending a four-day 5.3 per cent rally" (:func:`run_figure`), "has
tracked higher in seven straight sessions, soaring more than 900 points" (:func:`run_before`). Read by
:mod:`components.text.claim_reader` beside :mod:`components.text.claim_periods`."""

from __future__ import annotations

import re

from components.text import lexicon as L
from components.text.quantities import Quantity, quantities
from components.text.reader import Clause

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
                 and (along or (r.text.endswith("s") and _AMASSING.fullmatch(clause.text, r.end, q.start)))), None)


# the figure of a run, said of it as a whole ("soaring 900 points along the way", "for three consecutive sessions,
# amassing nearly 560 points"); "rose for a third session, with the index up 1.2%" says the day's move
_AMASSING = re.compile(r",\s(?:amassing|collecting|accumulating|racking up|piling up|gaining|adding|climbing|jumping"
                       r"|soaring|surging|rising|rallying|advancing|shedding|losing|giving up|plunging|tumbling|sinking"
                       r"|falling|dropping|slumping|surrendering|skidding|sliding|retreating|declining)"
                       r"\s(?:(?:more than|nearly|almost|about|around|some|over|roughly|a total of)\s)?"
                       r"(?:[\d,.]+ points?,? or (?:an? |about |nearly |almost |more than )?)?", re.IGNORECASE)
_ALONG = re.compile(r"\b(?:along the way|over (?:that|this|the) (?:stretch|span|run|streak|period)|during (?:that|this"
                    r"|the) (?:stretch|run|streak)|in (?:that|this) (?:stretch|span|time)|in all|in total"
                    r"|cumulatively)\b", re.IGNORECASE)
