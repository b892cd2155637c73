"""When a story was written: while the session was open (a live report), or of the morning session alone.

A live report's figures before the close are not the day's close: "at midday", "shares were sinking Friday", an
"(Updates to midday ...)" tag, or an Asian wire's lead that says where US futures stand. A morning report ("drops 535
points in half a day") gives the midday break's figures, unless its session was a half day on the exchange's calendar.
"""

from __future__ import annotations

import re

from components.text import claim_periods
from components.text import entities as E
from components.text import lexicon as L
from components.text import story as story_sessions
from components.text.reader import Reading

_STORY_INTRADAY = L.patterns(L.STORY_INTRADAY)
_LEAD_INTRADAY = L.patterns(L.LEAD_INTRADAY)
_PROGRESSIVE = re.compile(r"(?:were|was|are|is)\s", re.IGNORECASE)  # "were sinking Friday": a live marker
_MORNING_REPORT = L.patterns(L.MORNING_REPORT)
_AT_THE_CLOSE = re.compile(r"\bat the close\b|\bat closing bell\b|\bat the closing bell\b", re.IGNORECASE)
_US_FUTURES_NOW = re.compile(r"\b(?:U\.S\.|US) (?:stock )?futures (?:were|are) (?:little changed|(?!expected|set|seen)"
                             r"\w+)")


def live_marker(reading: Reading, lead: list[str]) -> tuple[str, frozenset[str]]:
    """The words of the lead (else of a story tag) that make the story a report written while the session was open,
    and the markets they are about: "shares were sinking Friday" is about the listings its clause names (none named:
    no marker), "at midday" and an "(Updates to midday)" tag about every market, US futures quoted in an Asian lead
    about Asia's markets."""
    place = reading.place
    for text in lead:
        m = _LEAD_INTRADAY.search(text)
        live = _US_FUTURES_NOW.search(text) if place in L.ASIAN_MARKETS else None
        if live:  # AP's Asian desk: "Shares were mostly lower Tuesday in Asia and U.S. futures were flat"
            return live.group(), frozenset(L.ASIAN_MARKETS)
        if m is None:
            continue
        if not _PROGRESSIVE.match(m.group()) and _AT_THE_CLOSE.search(" ".join(lead)):
            continue  # "dropped 0.4 per cent at the close ... rose as much as 0.6 per cent in morning trading": a
            # close wrap that gives one figure's time of day
        if not _PROGRESSIVE.match(m.group()):
            return m.group(), frozenset()
        markets = frozenset(f.market for f in E.mentions(text, place) if f.market and f.symbol)
        if markets:
            return m.group(), markets
    tag = next((m.group() for c in reading.clauses[:200] for m in [_STORY_INTRADAY.search(c.text)] if m), "")
    return tag, frozenset()


def morning_report(reading: Reading) -> str:
    """The words of the title or lead that make the text a report of the morning session ("drops 535 points in half
    a day"), unless its session was a half day on the exchange's calendar; else ""."""
    if reading.place not in claim_periods.ASIAN:
        return ""
    day = reading.session or reading.published
    found = next((m.group() for c in reading.clauses[:12] for m in [_MORNING_REPORT.search(c.text)] if m), "")
    return "" if not found or story_sessions.early_close(reading.place, day) else found
