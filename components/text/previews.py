"""Stories written before the session they look ahead to: "investors figure to lock in gains on Monday",
"Asia-Pacific markets are set to open mixed on Tuesday".

Such a story (an Asian market preview written before the open, or a US-evening report on Asia's next day) reports
the sessions that had closed when it was written: a figure without a day of its own is the last session of its
market *before* the one the lead looks ahead to, never the publication day's session.
"""

from __future__ import annotations

import datetime as dt
import re

from components.locale import _
from components.locale.formats import date_as
from components.text import lexicon, story
from components.text.dates import WEEKDAYS, find_date_expressions
from components.text.sentences import split_sentences

PREVIEW = lexicon.patterns(lexicon.PREVIEW)
# a clause of a preview that is about the session ahead: "was set to open higher", "futures stood at 23,397"
LOOKS_AHEAD = lexicon.patterns(lexicon.PREVIEW + (r"\bfutures\b[^.;]{0,60}?\b(?:stood|were|was|traded|pointed)\b",))
AHEAD_DAYS = 4  # a preview looks ahead to the next session: at most a long weekend away
_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_TODAY = re.compile(r"\btoday\b", re.IGNORECASE)


def preview_day(lines: list[str], published: dt.date) -> tuple[dt.date, str] | None:
    """The day of the session the story's lead looks ahead to, with why; None for a story of sessions that ran."""
    lead = " ".join([line for line in lines if len(line) >= story.LEAD_MIN][:story.LEAD_LINES])[:story.LEAD_CHARS]
    for sentence in split_sentences(lead)[:3]:
        m = PREVIEW.search(sentence)
        if m is None:
            continue
        named = _WEEKDAY.search(sentence, m.start())  # a preview's weekday is the next one: "open lower on Wednesday"
        day = published
        if named is not None:
            day = published + dt.timedelta(days=(WEEKDAYS.index(named.group().title()) - published.weekday()) % 7)
        elif _TODAY.search(sentence, m.start()) is None:
            ahead = [e for e in find_date_expressions(sentence, published) if e.kind == "relative" and e.resolved
                     and not e.is_range and published < e.start_date <= published + dt.timedelta(days=AHEAD_DAYS)]
            day = ahead[0].start_date if ahead else published
        return day, _("the lead looks ahead to {day} ('{words}'): the story was written before that session").format(
            day=date_as(day, "long_weekday_day"), words=m.group())
    return None
