"""Levels inside a sentence about a past period: "fell 4.3% in April to 22,119.41" is the close that ended April, not
the story day's; "In the second quarter, a shock briefly pushed the index down to 19,260" names a period, not the
session of its level, so no session is checked as if it were. Read by :mod:`components.text.claim_reader`."""

from __future__ import annotations

import re
from dataclasses import replace

from components.analysis.article_claims import ArticleClaim
from components.locale import _
from components.locale.formats import date_as
from components.text.date_types import DateExpression
from components.text.quantities import Quantity
from components.text.reader import Clause

_PERIOD_MOVES = ("period", "period_points")
# what joins a period move to the level it ended at: "fell 4.3% in April to 22,119.41", "(up 4.3%) to end at"
_TO_LEVEL = re.compile(r"[^.;]{0,50}?\b(?:to|at)\s(?:a |an )?(?:\w+ )?$", re.IGNORECASE)


def placed(out: list[ArticleClaim], qs: list[Quantity], clause: Clause) -> list[ArticleClaim]:
    """``out`` with each level that names no day of its own set on the session its sentence's period ended, or left
    unsure when the sentence gives only a past period."""
    for i, claim in enumerate(out[:len(qs)]):
        if claim.measure != "level" or claim.written_day or claim.day is None:
            continue
        before = next((j for j in range(i - 1, -1, -1) if out[j].measure in _PERIOD_MOVES
                       and out[j].symbol == claim.symbol and out[j].day is not None and out[j].day < claim.day
                       and _TO_LEVEL.fullmatch(clause.text, qs[j].end, qs[i].start)), None)
        if before is not None:
            day = out[before].day
            rule = _("the close that ended the period of the move before it ({day})").format(
                day=date_as(day, "weekday_day"))
            trail = claim.trail[:2] + (_("session: {rule}").format(rule=rule),) + claim.trail[3:]
            out[i] = replace(claim, day=day, day_rule=rule, trail=trail)
        elif (period := _past_period(clause, qs[i], claim.day)) is not None:
            why = _("'{words}' names a period, not the session of this level").format(words=period.text)
            out[i] = replace(claim, unsure="; ".join(x for x in (claim.unsure, why) if x))
    return out


def _past_period(clause: Clause, q: Quantity, day) -> DateExpression | None:
    """A period that frames the sentence before the level and ended before its session ("In the second quarter, ...
    down to 19,260"), not one it is compared with ("up 5% from the second quarter")."""
    framing = [clause.date] if clause.date is not None and clause.date.is_range else []
    framing += [e for e in clause.expressions if e.resolved and e.is_range and e.end <= q.start
                and not _COMPARED.search(clause.text, max(0, e.start - 14), e.start)]
    return next((e for e in framing if e.end_date < day), None)


_COMPARED = re.compile(r"\b(?:from|since|than|compared with|against|over|versus|vs\.?)\s(?:the\s)?$", re.IGNORECASE)
