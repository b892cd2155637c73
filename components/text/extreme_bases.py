"""A move measured from a dated period's extreme: "has risen 20% from a January low", "down 8% from its March 2024
high", "off 12% from last year's peak", "more than 20% below the highs of January".

The base is a session the text does not date but the prices do: the lowest (highest) close within that period, up to
the session before the story's. The figure's own session is the story's (the month named is the base's, never the
figure's). A low or high without a dated period ("from its recent low") keeps no base: it is not sure which session.
"""

from __future__ import annotations

import datetime as dt
import re

from components.locale import _
from components.locale.formats import date_as
from components.text.date_types import DateExpression, add_months, count_of
from components.text.dates import find_date_expressions
from components.text.quantities import Quantity

_FROM = re.compile(r"(?:\s(?:on\s)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|yesterday|today))?"  # its own day
                   r"\s(?:(?:points?|per ?cent|percent)\s)?(?:(?:rise|gain|advance|rally|climb|jump|drop|fall|decline"
                   r"|slide|loss|slump|rebound) )?(?:from|off|above|below|since) (?:a|an|its|their|the)"
                   r" (?P<when>(?:(?!intraday)[\w'’ -]){3,30}?)(?:['’]s)? (?:closing )?(?P<way>lows?|highs?|bottoms?"
                   r"|troughs?|peaks?|tops?)\b", re.IGNORECASE)
_FROM_AFTER = re.compile(r"\s(?:(?:points?|per ?cent|percent)\s)?(?:from|off|above|below|under) (?:the|its|their)"
                         r" (?:closing )?(?P<way>lows?|highs?|bottoms?|troughs?|peaks?|tops?) (?:of|in|set in|hit in) "
                         r"(?P<when>[\w'’ -]{3,30}?)(?=[,.;:]|\s(?:and|as|while|but|when)\b|$)", re.IGNORECASE)
_LOW = ("low", "bottom", "trough")
_LOOK_BACK = re.compile(r"(?P<n>\w+)[- ](?P<unit>day|week|month|year)", re.IGNORECASE)  # "a 15-month low"


def names_extreme(q: Quantity, text: str) -> bool:
    """Whether a % or points figure is followed by a low or high it is measured from ("20% from a January low")."""
    return q.kind in ("percent", "points") and bool(_FROM.match(text, q.end) or _FROM_AFTER.match(text, q.end))


def from_dated_extreme(q: Quantity, text: str, published: dt.date, day: dt.date) -> dict | None:
    """(rule and claim fields) of a % or points move from a dated period's low or high, on the story's ``day``;
    None when the figure is not one."""
    if q.kind not in ("percent", "points"):
        return None
    m = _FROM.match(text, q.end) or _FROM_AFTER.match(text, q.end)  # "... a January low", "the highs of January"
    if m is None:
        return None
    back = _LOOK_BACK.fullmatch(m.group("when"))
    if back is not None and count_of(back.group("n")):  # "from a 15-month low": the lowest close of those months
        n, unit = count_of(back.group("n")), back.group("unit").lower()
        first = add_months(day, -n * (12 if unit == "year" else 1)) if unit in ("month", "year") else \
            day - dt.timedelta(days=n * (7 if unit == "week" else 1))
        spans = [DateExpression(m.group("when"), 0, 0, "span", first, day - dt.timedelta(days=1))]
    else:
        spans = [e for e in find_date_expressions("in " + m.group("when"), published) if e.resolved and e.is_range]
    if len(spans) != 1 or spans[0].start_date >= day:
        return None
    period, low = spans[0], m.group("way").lower().rstrip("s") in _LOW
    until = min(period.end_date, day - dt.timedelta(days=1))
    words = m.group().strip()
    rule = (_("'{words}': from the lowest close of {first} to {last}") if low
            else _("'{words}': from the highest close of {first} to {last}")).format(
        words=words, first=date_as(period.start_date, "date"), last=date_as(until, "date"))
    return {"rule": rule, "since": period.start_date, "base_until": until, "base_extreme": -1 if low else 1,
            "since_rule": rule}
