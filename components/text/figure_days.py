"""Days written around a figure that are not its session's: the day before the ", when ..." part a run stands in,
and a period written right before a figure as its owner ("April's 4.3 per cent loss")."""

from __future__ import annotations

import datetime as dt
import re

from components.text.date_types import DateExpression, since_day
from components.text.quantities import Quantity
from components.text.reader import Clause


def when_day(clause: Clause, q: Quantity) -> dt.date | None:
    """The day written right before the ", when ..." part a figure stands in ("Longest winning streak since Wednesday,
    Dec. 24, 2025, when the market rose for five straight trading days": 24 December 2025), else None."""
    for e in clause.expressions:
        if e.resolved and e.end <= q.start and _WHEN_PART.match(clause.text[e.end:q.start]) and (
                not e.is_range or since_day(e)):
            return e.start_date
    return None


_WHEN_PART = re.compile(r"^,?\s+when\b[^.;,]*$", re.IGNORECASE)


def attached_period(clause: Clause, q: Quantity) -> DateExpression | None:
    """A period written right before a figure as its owner ("April's 4.3 per cent loss"), else None."""
    return next((e for e in clause.expressions if e.resolved and e.is_range and 0 <= q.start - e.end <= 1), None)
