"""How far apart an article puts an event and its anchor ("a day after the launch"), against their verified times.

A note is written only when the hours disagree with the article's day count; an event without a verified hour spans
its whole date, so the gap is then a range of hours.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.data.events import Event, shown_time_note, shown_title
from components.locale import formats as F
from components.locale import ngettext
from components.text.dates import DateExpression

# A "day after" that the verified times put more than this far from 24 hours is only "roughly" right.
GAP_TOLERANCE_HOURS = 12


def utc_date(event: Event) -> dt.date | None:
    return None if event.timestamp is None else event.timestamp.tz_convert("UTC").date()


def gap_note(expr: DateExpression, event: Event, anchor: Event | None) -> str:
    """A note when the hours between event and anchor disagree with the article's day count.

    An event without a verified hour spans its whole date: the gap is then a range, and "a day" holds
    only as a statement about calendar days."""
    if anchor is None or anchor.timestamp is None:
        return ""
    days = abs(expr.offset_days)
    if event.timestamp is None:
        start = pd.Timestamp(event.date).tz_localize(event.tz)
        low, high = sorted(abs((anchor.timestamp - t).total_seconds()) / 3600
                           for t in (start, start + pd.Timedelta(days=1)))
        said = ngettext("the article puts {days} day between {event} and {anchor}; {event} has no verified hour "
                        "({why}), so from its date the gap is {low} to {high} hours: a day only in calendar terms",
                        "the article puts {days} days between {event} and {anchor}; {event} has no verified hour "
                        "({why}), so from its date the gap is {low} to {high} hours: a day only in calendar terms",
                        days) \
            if event.time_note else ngettext(
                "the article puts {days} day between {event} and {anchor}; {event} has no verified hour, so from its "
                "date the gap is {low} to {high} hours: a day only in calendar terms",
                "the article puts {days} days between {event} and {anchor}; {event} has no verified hour, so from its "
                "date the gap is {low} to {high} hours: a day only in calendar terms", days)
        return said.format(days=days, event=shown_title(event), anchor=shown_title(anchor), why=shown_time_note(event),
                           low=F.fixed_number(low, 0, grouping=False), high=F.fixed_number(high, 0, grouping=False))
    hours = (anchor.timestamp - event.timestamp).total_seconds() / 3600
    if abs(hours - 24 * expr.offset_days) <= GAP_TOLERANCE_HOURS:
        return ""
    same_utc = utc_date(event) == utc_date(anchor)
    said = ngettext("the article puts {days} day between {event} and {anchor}; the verified times are about {hours} "
                    "hours apart ({event_time}; {anchor_time}); both fall on {day} in UTC",
                    "the article puts {days} days between {event} and {anchor}; the verified times are about {hours} "
                    "hours apart ({event_time}; {anchor_time}); both fall on {day} in UTC", days) if same_utc else \
        ngettext("the article puts {days} day between {event} and {anchor}; the verified times are about {hours} hours "
                 "apart ({event_time}; {anchor_time})",
                 "the article puts {days} days between {event} and {anchor}; the verified times are about {hours} "
                 "hours apart ({event_time}; {anchor_time})", days)
    return said.format(days=days, event=shown_title(event), anchor=shown_title(anchor),
                       hours=F.fixed_number(abs(hours), 0, grouping=False),
                       event_time=event.when(), anchor_time=anchor.when(),
                       day=F.date_as(utc_date(event), "date"))
