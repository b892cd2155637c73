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
from components.text.date_types import FUTURE_WORDS
from components.text.reader import Reading

# A story-wide marker: every same-day figure without a closing word is intraday.
_STORY_WORDS = (r"\(Updates? to (?:mid-?session|midday|afternoon|morning|early|late morning)[^)]*\)",
                r"\bas of \d{1,2}[:.]\d{2}", r"^At \d{1,2}[:.]\d{2}\s?(?:a\.?m\.?|p\.?m\.?)")
# said in the story's lead, these make it a report written during the session
_LEAD_WORDS = (r"\bmid-?session\b",
               r"\b(?:at|by) (?:mid-?day|noon|lunch(?:time)?|the (?:midday|lunch|noon)(?: trading)? break)\b",
               r"\b(?:shortly |just )?before (?:mid-?day|noon|the (?:midday|lunch) break)\b",
               r"\b(?:sit|sits|trade|trades|hover|hovers) (?:\w+ )?(?:higher|lower|flat)\b",  # "sit modestly higher"
               r"\ba close (?:at|near|around) (?:these|this|current|the current) levels?\b",  # the close still ahead
               r"\b(?:set|on track|on course|poised|headed) for (?:its|their|the) (?:best|worst"
               r"|biggest|largest|steepest|sharpest)\b",  # "was set for its best day in 11 months": still trading
               r"\bon (?:pace|track|course) to (?:close|end|finish|post|notch|log|book|record|enter)\b",  # "on pace to
               # close in correction territory on Friday": the close still to come
               r"\bat (?:the )?local (?:mid-?day|noon|lunch)\b",
               r"\bmidday (?:close|break)\b", r"\bon the stock market today\b", r"\bat \d\d?[.:]\d\d\s?(?:am|a\.m\.)",
               r"\bin (?:the )?(?:recent (?:morning |afternoon )?|(?:morning|afternoon) )trad(?:e|ing)\b",
               r"\bin the morning session\b",  # "gained 0.12% to 21,114.25 in the morning session" (a midday wire)
               r"\b(?:were|was|are|is) (?:sink|fall|ris|climb|dropp|slid|gain|tumbl|rally|jump|surg|soar|slipp|declin"
               r"|advanc|plung|retreat)ing (?:on )?(?:[MTWF]\w+day|today)\b",  # a live report: "were sinking Friday"
               # "Asian shares were trading mixed Tuesday": the session still open when it was written
               r"\b(?:were|was|are|is) trading (?:\w+ly )?(?:higher|lower|mixed|flat|up|down)\b(?! by\b)",
               r"\b(?:were|was|are|is) (?:higher|lower|up|down|mixed|flat|weaker|firmer) (?:on )?(?:(?:Mon|Tues|Wednes"
               r"|Thurs|Fri)day|this) (?:morning|afternoon)\b")  # "shares were lower Friday morning"
# said in the title or lead, these make it a report of the morning session, whose "closing" is the midday break
# (unless the session was a half day on the exchange's calendar: then it is the day's close)
_MORNING_WORDS = (r"\b(?:in|for) (?:the |a )?half[- ](?:a[- ])?day\b", r"\bhalf[- ]day (?:session|trading|trade)\b",
                  r"\b(?:at|by) the end of the morning session\b", r"\bat the midday close\b",
                  r"\b(?:closed|ended|finished) the morning (?:session|trade|trading)\b")
# said in the title, these make the text a report of the morning session: "HSI Sheds 148Pts at Midday"
_TITLE_WORDS = (r"\b(?:at|by) (?:mid-?day|noon|lunch(?:time)?|the (?:midday|lunch|noon)(?: trading)? break)\b",
                r"\bmorning (?:session|close|trade|trading)\b", r"\bmid-?day (?:close|break|report|wrap)\b")
_LIVE_TITLE = re.compile(r"\b(?:live updates|live blog|live coverage|as it happened|stock market today live)\b"
                         r"|\bLIVE\b", re.IGNORECASE)
_STORY_INTRADAY = L.patterns(_STORY_WORDS)
_LEAD_INTRADAY = L.patterns(_LEAD_WORDS)
_PROGRESSIVE = re.compile(r"(?:were|was|are|is)\s", re.IGNORECASE)  # "were sinking Friday": a live marker
_MORNING_REPORT = L.patterns(_MORNING_WORDS)
_MORNING_TITLE = L.patterns(_TITLE_WORDS + _MORNING_WORDS)
_AT_THE_CLOSE = re.compile(r"\bat the close\b|\bat closing bell\b|\bat the closing bell\b", re.IGNORECASE)
_CLOCK_ZONE = re.compile(r"\b\d{1,2}[:.]\d{2}\s?(?:a\.?m\.?|p\.?m\.?)?\s?\(?(ET|EST|EDT|HKT|New York|Hong Kong"
                         r"|Beijing)\b", re.IGNORECASE)
_SESSION_DONE = L.patterns(L.CLOSE_WORDS + (r"\bclos(?:e|es)\b", r"\bend(?:ed|ing) the (?:day|session)\b",
                                             r"\bfinish(?:es|ing)\b", r"\bsettl(?:es|ing)\b"))  # the session is over
_SHUT = re.compile(r"\b(?:are|is|were|was|remains?|remained|stays?|stayed|will be) closed\b"
                   r"|\bclosed (?:for|on|until|over)\b", re.IGNORECASE)  # "markets are closed for a holiday": no close
_IN_TRADING = re.compile(r"\bin (?:the )?(?:recent |morning |afternoon )", re.IGNORECASE)
_ASIA_AS_A_WHOLE = re.compile(r"\b" + story_sessions.ASIA_AS_A_WHOLE + r"\b|\bshares in Asia\b", re.IGNORECASE)
_US_FUTURES_NOW = re.compile(r"\b(?:U\.S\.|US) (?:stock )?futures (?:were|are) (?:little changed|(?!expected|set|seen)"
                             r"\w+)")


def live_marker(reading: Reading, lead: list[str]) -> tuple[str, frozenset[str]]:
    """The words of the lead (else of a story tag) that make the story a report written while the session was open,
    and the markets they are about: "shares were sinking Friday" is about the listings its clause names (none named:
    no marker), "at midday" and an "(Updates to midday)" tag about every market, US futures quoted in an Asian lead
    about Asia's markets."""
    place = reading.place
    title = next((c.text for c in reading.clauses[:3] if c.heading), "")
    live_title = _LIVE_TITLE.search(title)
    if live_title and not _SESSION_DONE.search(" ".join([title, *lead[:2]])):  # "S&P 500 jumps to new high led by
        return live_title.group(), frozenset({place})  # Nvidia: Live updates": the story's own market, as it trades;
    # not "S&P 500 Closes Just Above Bear Market: Live Updates" (a live page kept after the close)
    for i, text in enumerate(lead):
        m = _LEAD_INTRADAY.search(text)
        live = _US_FUTURES_NOW.search(text) if place in L.ASIAN_MARKETS else None
        if live:  # AP's Asian desk: "Shares were mostly lower Tuesday in Asia and U.S. futures were flat"
            return live.group(), frozenset(L.ASIAN_MARKETS)
        if m is None:
            continue
        weak = _IN_TRADING.match(m.group())  # "In recent trading activity, ... closing at 19,722": a close wrap
        if not _PROGRESSIVE.match(m.group()) and (_AT_THE_CLOSE.search(" ".join(lead))
                                                  or weak and _SESSION_DONE.search(_SHUT.sub(" ", " ".join(lead)))):
            continue  # "dropped 0.4 per cent at the close ... rose as much as 0.6 per cent in morning trading": a
            # close wrap that gives one figure's time of day
        if not _PROGRESSIVE.match(m.group()):  # a clock with its zone is that zone's market's ("at 04:51 a.m. ET")
            zone = _CLOCK_ZONE.match(" ".join(lead[i:i + 2]), m.start() + 3)  # "a.m." and "ET." may part
            return m.group(), _zone_markets(zone, frozenset())
        subject = text[:m.start()]  # what was trading: not "after a rally continued on Wall Street"
        markets = frozenset(f.market for f in E.mentions(subject, place) if f.market and f.symbol) or (
            frozenset(L.ASIAN_MARKETS) if _ASIA_AS_A_WHOLE.search(subject) else frozenset())
        if markets:  # "Asian shares were trading mixed Tuesday": every Asian market, Hong Kong's among them
            return m.group(), markets
    tag = next((m.group() for c in reading.clauses[:200] for m in [_STORY_INTRADAY.search(c.text)] if m), "")
    # a tag says when the story's own market stood there ("as of 11:30 a.m. ET"): Hong Kong had closed by then
    if not tag:
        return "", frozenset()
    clock = _CLOCK_ZONE.search(" ".join(c.text for c in reading.clauses[:200]))  # "11:30 a.m." and "ET." may part
    return tag, _zone_markets(clock, frozenset(L.ASIAN_MARKETS) if place in L.ASIAN_MARKETS else frozenset({place}))


def _zone_markets(clock: re.Match | None, otherwise: frozenset[str]) -> frozenset[str]:
    """The markets still trading at a clock time with its zone: New York's for ET ("as of 11:30 a.m. ET": Hong Kong
    had closed), Asia's for an Asian zone; ``otherwise`` without one."""
    if clock is None:
        return otherwise
    return frozenset({"US"}) if clock.group(1).upper() in ("ET", "EST", "EDT", "NEW YORK") else \
        frozenset(L.ASIAN_MARKETS)


# said in the title or lead, these make the text a report of the open ("Hong Kong stocks opened higher Tuesday",
# "soared more than three percent at Wednesday's open", title "Hong Kong start with gains"): the session's figures
# that give no time of their own are the open's
_OPENING_WORDS = (r"\bopen(?:ed|s)\s(?:sharply |slightly |modestly |solidly |firmly )?(?:higher|lower|up|down|flat"
                  r"|firmer|weaker|mixed|in (?:the red|positive territory|negative territory))\b",
                  r"\bat (?:the|(?:Mon|Tues|Wednes|Thurs|Fri)day['’]s) open(?:ing)?\b(?! of)",
                  r"\bstart(?:s|ed)? (?:the day |trading )?(?:with gains|with losses|higher|lower|in the red)\b")
_OPENING_REPORT = L.patterns(_OPENING_WORDS)


def opening_report(reading: Reading, lead: list[str]) -> str:
    """The words of the title or lead that make the text a report of the session's open ("opened higher Tuesday"),
    unless the lead also reports a later time or the close; else ""."""
    title = " ".join(c.text for c in reading.clauses[:3] if c.heading)
    words = " ".join([title, *lead[:2]])
    found = _OPENING_REPORT.search(words)
    later = _SESSION_DONE.search(words) or _LEAD_INTRADAY.search(words) or _MORNING_REPORT.search(words)
    return found.group() if found and not later else ""


def morning_report(reading: Reading) -> str:
    """The words of the title or lead that make the text a report of the morning session ("drops 535 points in half
    a day"), unless its session was a half day on the exchange's calendar; else ""."""
    if reading.place not in claim_periods.ASIAN:
        return ""
    day = reading.session or reading.published
    found = next((m.group() for c in reading.clauses[:12]
                  for m in [(_MORNING_TITLE if c.heading else _MORNING_REPORT).search(c.text)]
                  if m and not FUTURE_WORDS.search(c.text[:m.start()])), "")  # not "will trade for half a day"
    closed = any(_AT_THE_CLOSE.search(c.text) for c in reading.clauses[:12] if not c.heading)  # "... at the close"
    return "" if not found or closed or story_sessions.early_close(reading.place, day) else found
