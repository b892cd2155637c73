"""Two written days joined as one period: "from January 30th to March 20th", "between March 3 and March 7",
"January 3rd — January 27th" (:func:`components.text.dates.find_date_expressions` asks this last)."""

from __future__ import annotations

import re
from dataclasses import replace

from components.locale import _
from components.text.date_types import DateExpression

# "from January 30th to March 20th", "between March 3 and March 7", "January 3rd — January 27th": one period
_FROM_TO = re.compile(r"(?P<from>\b(?:[Ff]rom|[Bb]etween) )?$")
_JOIN = re.compile(r"^\s?(?:(?P<to>to|until|through|and)\s|[—–-]\s?)$")


def joined_ranges(sentence: str, found: list[DateExpression]) -> list[DateExpression]:
    """Two written days joined as a range become one period from the first to the second."""
    out: list[DateExpression] = []
    for e in found:
        first = out[-1] if out else None
        join = _JOIN.match(sentence[first.end:e.start]) if first is not None else None
        opened = _FROM_TO.search(sentence[:first.start]) if first is not None else None
        if (join and first.kind == e.kind == "absolute" and first.resolved and e.resolved
                and first.start_date < e.start_date and (opened.group("from") or not join.group("to"))):
            start = first.start - len(opened.group("from") or "")
            out[-1] = replace(first, text=sentence[start:e.end], start=start, end=e.end, kind="span",
                              end_date=e.end_date, rule=_("from {first} to {last}, as written").format(
                                  first=first.text, last=e.text))
            continue
        out.append(e)
    return out
