"""The story a text tells: the market it reports on and the session it reports, read from its lead.

* **Its place.** A dateline names it ("HONG KONG (Reuters) -"); an Asian report says "overnight" of a
  US listing; otherwise the **lead** decides: the session its first lines' listings trade in ("ADRs rose
  11%", "(NYSE:BABA)", "in premarket trading" against "Hong Kong-listed", "HK$"), and only when the lead
  names neither session, or both as often, the market the whole text names most.
* **Its session.** A dateline with a day ("NEW YORK, June 4 —") gives it; else the first move of the
  story's market in its lead with a written day ("stocks rose on Wednesday" in a story published
  Thursday); else the publication day. A figure without a day of its own belongs to this session, not
  to the publication day's, which may not have traded yet.
* **Sessions are trading days** of the market's own calendar (``components.data.calendars``): "the
  previous session" is never a weekend day or a holiday; where no calendar is known, weekdays stand in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pandas as pd

from components.data.listings import COMPANY_RE, INDEX_RE, Company, company_named, index_named
from components.locale import _, ngettext
from components.locale.formats import date_as
from components.text import clause_parts, entities, lexicon
from components.text.date_types import MONTH, month_number
from components.text.titles import DATELINE_PLACES

LEAD_LINES, LEAD_CHARS, LEAD_MIN = 3, 600, 40  # the lead: the first body lines (not bylines), up to 600 characters
LEAD_PARAGRAPHS = 3  # a dated move in these first paragraphs (of the body) sets the story's session
STORY_WINDOW = 6  # days before publication the story's session may lie
_DATELINE_DAY = re.compile(rf"^[A-Z][A-Za-z .'-]{{1,28}}[A-Za-z],\s*(?P<month>{MONTH})\.?\s(?P<day>\d{{1,2}})\b"
                           r"(?:,?\s(?P<year>\d{4}))?")
_US_SESSION = lexicon.patterns(lexicon.US_SESSION_WORDS, 0)
_HK_PRICE = re.compile(r"\bHK\$\s?\d")
_HK_MARKET = re.compile(r"\bHong Kong(?:'s)? (?:share|stock|equity) market\b|\bHang Seng (?:Index|index)\b")
BEFORE_OPEN = lexicon.patterns(lexicon.BEFORE_OPEN)
CLOSE = lexicon.patterns(lexicon.CLOSE_WORDS)
_US_TICKER = re.compile(r"\((?:NYSE|NASDAQ|Nasdaq|NasdaqGS):\s?[A-Z]")


def lead_place(lines: list[str], cues: dict[str, re.Pattern]) -> tuple[str, str] | None:
    """The session the lead reports, with why; None when it names neither market's, or both as often.

    ``cues`` are the listing cues per market ("ADRs", "Hong Kong-listed", "(NYSE:"); with the session's own
    words ("premarket", "10 a.m. ET", "HK$") they say which session a figure is from. A place named ("Beijing")
    does not: a US story about China names Beijing."""
    lead = " ".join([line for line in lines if len(line) >= LEAD_MIN][:LEAD_LINES])[:LEAD_CHARS]
    found = {"HK": [cues["HK"], _HK_PRICE, _HK_MARKET], "US": [cues["US"], _US_SESSION, _US_TICKER]}
    counts = {code: _phrases([m.start() for p in patterns for m in p.finditer(lead)])
              for code, patterns in found.items()}
    if counts["US"] == counts["HK"]:
        return None
    place = "US" if counts["US"] > counts["HK"] else "HK"
    return place, ngettext("its lead reports the {place} session ({count} cue against {other})",
                           "its lead reports the {place} session ({count} cues against {other})", counts[place]).format(
        place=place, count=counts[place], other=counts[_other(place)])


_OVERNIGHT = re.compile(r"\b[Oo]vernight\b")


# Asian markets moving ("Asian markets opened on a higher note on Tuesday", AP's "Shares were mostly lower Tuesday
# in Asia"): a lead saying so is written in Asia, after the US session it reports, and its day is the story's
ASIA_AS_A_WHOLE = (r"(?:Asian|Asia-Pacific|Asia Pacific|Asia's) (?:stock |equity |share )?(?:market )?(?:markets"
                   r"|stocks|shares|equities|indexes|indices|bourses)")  # "Asian shares", "Asia-Pacific markets"
ASIAN_MOVE = re.compile(r"\b" + ASIA_AS_A_WHOLE + r" (?:opened|opens?|started|starts?|began"
                        r"|begins?|edged|rose|climbed|gained|fell|slipped|dropped|declined|retreated|advanced|rallied"
                        r"|tumbled|slid|sank|traded|were trading|are trading|kicked off|were mixed|are mixed|ended"
                        r"|closed|finished|(?:were|are) (?:mostly |broadly |largely |slightly )?(?:lower|higher|up"
                        r"|down))\b"
                        r"|\b(?:[Ss]hares|[Ss]tocks|[Mm]arkets) (?:were|are) (?:mostly |broadly |largely |slightly )?"
                        r"(?:lower|higher|mixed|up|down)(?: on)?(?: (?:Monday|Tuesday|Wednesday|Thursday|Friday))?"
                        r" in Asia\b")
# an Australian note's own clock or open ("ASX futures were down 1.2 per cent at 6980 as of 7:59am AEDT", "ASX likely to
# fall"), in its first paragraphs even after two on Wall Street: written in Asia, after the US session it reports
_ASIAN_CLOCK = re.compile(r"\b(?:ASX|Australian (?:share|stock) ?market)(?: 200)?(?: futures)? (?:(?:is |are )?"
                          r"(?:likely|set|poised|expected|tipped) to|will)\b"
                          r"|\b\d{1,2}[:.]\d{2}\s?(?:am|pm|a\.m\.|p\.m\.)\s?AE[DS]T\b"  # "as of 8:30 am AEST"
                          r"|\((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday) AE[DS]T\)")
_ASIAN_LEAD = re.compile(ASIAN_MOVE.pattern + "|" + _ASIAN_CLOCK.pattern
                         + r"|\$US ?\d")  # Australian style: "erasing $US589 billion ($936 billion)"


REGION = "Asia"  # a market of no calendar of its own: "Asian shares fell on Monday" is that calendar day's


def asian_move(text: str, place: str, found: list) -> re.Match | None:
    """In a story written in Asia, a clause whose subject is Asia's markets ("Asian stock markets retreated on
    Wednesday", before any listing it names): the region's move, whose day is the story's."""
    m = ASIAN_MOVE.search(text) if is_asian(place) else None
    return m if m and all(m.start() < f.start for f in found) else None


def story_place(text: str, lines: list[str], dateline: str) -> tuple[str, str]:
    """The story's market and why: its dateline, an Asian report's "overnight" or Asian open, else its lead
    (``lines``, the body's lines), else the markets the whole text names most."""
    place, rule = article_place(text, dateline)
    if dateline.upper() in DATELINE_PLACES or overnight_us(text):
        return place, rule
    body = [line for line in lines if len(line) >= LEAD_MIN]
    if _ASIAN_LEAD.search(" ".join(body[:2])[:LEAD_CHARS]) or _ASIAN_CLOCK.search(" ".join(body[:LEAD_PARAGRAPHS + 1])):
        return "HK", _("its lead reports Asian markets trading, as a story written in Asia does")
    return lead_place(lines, entities.MARKET_CUES) or (place, rule)


def earlier_move(text: str, at: int) -> bool:
    """Whether the day ending at ``at`` names a move before the story's ("surrendered most of Tuesday's rally", "in
    the previous session"), or the clause gives only a price reached during a session ("reached 4,793.30 at its high
    on Thursday, but backed off by the close" in a weekly recap): neither sets the story's session."""
    return bool(clause_parts.POSSESSED_MOVE.match(text, at) or _DURING_SESSION.search(text)
                or _BEFORE_THE_DAY.search(text, max(0, at - 40), at))


# "fell 7.4% in the previous session": a day counted back from the story's own, so never the story's session
_BEFORE_THE_DAY = re.compile(r"\b(?:previous|prior|preceding) (?:session|trading (?:day|session)|day)$", re.IGNORECASE)


_DURING_SESSION = re.compile(r"\b(?:at|to) (?:its|an|a|the) (?:intraday |session |all-time )?(?:high|low|peak)\b"
                             r"|\bintraday (?:high|low)\b|\bas much as\b", re.IGNORECASE)


def lead_paragraphs(lines: list[tuple[int, str, bool]]) -> frozenset[int]:
    """The paragraphs of the story's lead: its first body paragraphs, not its title, byline or dateline notes."""
    body = [number for number, line, heading in lines if not heading and len(line) >= LEAD_MIN]
    return frozenset(body[:LEAD_PARAGRAPHS])


def before_open(lines: list[str]) -> bool:
    """Whether the lead says the story was written before the session opened ("in premarket trading", "ahead of
    the bell"): its closes without a day are then the previous session's."""
    lead = " ".join([line for line in lines if len(line) >= LEAD_MIN][:LEAD_LINES])[:LEAD_CHARS]
    return bool(BEFORE_OPEN.search(lead) or _OPEN_AHEAD.search(lead))


# a lead's move at a time of day ("gained 0.8 per cent to 15,476.85 at the local noon trading break"): the story
# reports the publication day's session as it trades, and a later "climbed 2.6 per cent on Tuesday" is a recap
LIVE_LEAD = re.compile(r"\b(?:at|by) (?:the )?(?:local )?(?:mid-?day|noon|lunch)(?:time)?(?: trading)?(?: break)?\b"
                       r"|\bat the (?:midday|lunch|noon|morning) (?:break|close)\b", re.IGNORECASE)


# a lead on where futures point the open: "Early cues from the U.S. Futures Index suggest that Wall Street might open
# positive", "futures were up ahead of the open"
_OPEN_AHEAD = re.compile(r"\b(?:might|may|could|is set to|are set to|seen|poised to|expected to|likely to) open\b"
                         r"|\bahead of the open\b", re.IGNORECASE)


def extended_day(place: str, market: str, session: dt.date, text: str, opened: bool) -> tuple[dt.date, str] | None:
    """The session a move outside a market's hours belongs to, when it is not the story's: premarket trading in
    the US seen from an Asian story is before the US session of the story's own date; a close in a US story
    written before the open is the previous session's. None otherwise."""
    if market != "US":
        return None
    if is_asian(place) and BEFORE_OPEN.search(text):
        return last_session("US", session), _("premarket trading before the US session of the story's date")
    if is_asian(place) and re.search(r"\bfutures\b", text) and not CLOSE.search(text):
        return session, _("US futures trading during Asia's day: the story's date")
    if place == "US" and not opened and CLOSE.search(text):
        return previous_session("US", session), _("a close in a story written before the open: the previous "
                                                  "session")
    return None


def _phrases(starts: list[int]) -> int:
    """How many phrases the cues make: cues within a few words of each other ("US-listed ADRs") are one."""
    count, last = 0, -100
    for at in sorted(starts):
        count += at - last > 20
        last = at
    return count


def _other(place: str) -> str:
    return "HK" if place == "US" else "US"


def dateline_day(line: str, published: dt.date) -> dt.date | None:
    """The day a dateline names ("NEW YORK, June 4 —"), on or before publication; None without one."""
    m = _DATELINE_DAY.match(line)
    if not m:
        return None
    try:
        day = dt.date(int(m.group("year") or published.year), month_number(m.group("month")), int(m.group("day")))
    except ValueError:
        return None
    if day > published and not m.group("year"):
        day = day.replace(year=day.year - 1) if (day.month, day.day) != (2, 29) else day
    return day if published - dt.timedelta(days=STORY_WINDOW) <= day <= published else None


def in_window(day: dt.date, published: dt.date) -> bool:
    """Whether a day can be the story's session: on or up to a few days before publication."""
    return published - dt.timedelta(days=STORY_WINDOW) <= day <= published


def is_asian(market: str) -> bool:
    return market in lexicon.ASIAN_MARKETS


def market_day(place: str, market: str, session: dt.date) -> tuple[dt.date, str]:
    """The session of ``market`` a story of ``place`` about ``session`` means, and why.

    Asian markets trade the same calendar day as each other, and before New York's session of that date:
    in an Asian story a US listing's session is the last one before the story's."""
    if is_asian(place) and market == "US":
        return previous_session("US", session), _("the last US session before this Asian story's session")
    return last_session(market, session), _("the story's session")


_NO_CALENDAR: set[str] = set()  # markets whose calendar could not be built: not tried again


def _sessions(market: str):
    """The market's trading calendar, or None (no calendar known, or the library cannot build it)."""
    from components.data import calendars  # its library costs ~0.3 s: loaded on first use only

    if market not in calendars.EXCHANGES or market in _NO_CALENDAR:
        return None
    try:
        return calendars.sessions(market)
    except (ValueError, KeyError, OSError, ImportError):
        _NO_CALENDAR.add(market)
        return None


def _is_session(market: str, day: dt.date) -> bool | None:
    cal = _sessions(market)
    if cal is None or not cal.covers(day):
        return None
    return cal.index_of(day) is not None


def early_close(market: str, day: dt.date) -> bool:
    """Whether ``day`` is a half-day session of ``market`` (Christmas Eve, Lunar New Year's Eve in Hong Kong)."""
    cal = _sessions(market)
    return cal is not None and day in cal.early_closes


def last_session(market: str, day: dt.date) -> dt.date:
    """The last trading session of ``market`` on or before ``day`` (weekdays where no calendar is known)."""
    for _step in range(15):  # no market closes for more than two weeks
        known = _is_session(market, day)
        if known or (known is None and day.weekday() < 5):
            return day
        day -= dt.timedelta(days=1)
    return day


def previous_session(market: str, day: dt.date) -> dt.date:
    """The trading session of ``market`` before ``day``: never a weekend day or a holiday."""
    return last_session(market, day - dt.timedelta(days=1))


def next_session(market: str, day: dt.date) -> dt.date:
    """The trading session of ``market`` after ``day``."""
    day += dt.timedelta(days=1)
    for _step in range(15):
        known = _is_session(market, day)
        if known or (known is None and day.weekday() < 5):
            return day
        day += dt.timedelta(days=1)
    return day


def sessions_back(market: str, day: dt.date, count: int) -> dt.date:
    """The first of the last ``count`` sessions of ``market`` ending on the last session on or before ``day``."""
    day = last_session(market, day)
    for _step in range(max(0, min(count, 400)) - 1):
        day = previous_session(market, day)
    return day


def is_weekday_session(market: str, day: dt.date) -> bool:
    """Whether a weekday was a trading session of ``market`` (True where no calendar is known)."""
    known = _is_session(market, day)
    return day.weekday() < 5 if known is None else known


def business_days_back(day: dt.date, count: int) -> dt.date:
    return (pd.Timestamp(day) - pd.offsets.BDay(count)).date()


def story_day(place: str, market: str, published: dt.date, session: dt.date | None = None,
              session_rule: str = "", preview: tuple[dt.date, str] | None = None) -> tuple[dt.date, str]:
    """The session of ``market`` a story of ``place`` published on ``published`` means by a figure without a day.

    ``session`` is the story's own session when its dateline or lead gives one ("NEW YORK, June 4",
    "stocks rose on Wednesday" in a story published Thursday); else the publication day."""
    if preview is not None and (session is None or session >= preview[0]):
        return previous_session(market, preview[0]), _("no date of its own: the last {market} session before {day} "
                                                       "({why})").format(market=market,
                                                                         day=date_as(preview[0], "weekday_day"),
                                                                         why=preview[1])
    if session is None or session == published:
        return publication_day(place, market, published)
    day, why = market_day(place, market, session)
    return day, _("no date of its own: {why} ({day}: {rule})").format(why=why, day=date_as(session, "date"),
                                                                       rule=session_rule)


def publication_day(place: str, market: str, published: dt.date) -> tuple[dt.date, str]:
    """The session a report means when it gives no day: the publication day, or for a US listing in an
    Asian report the last US session before it (the US session of that day had not begun)."""
    if is_asian(place) and market == "US":
        return previous_session("US", published), _("no date of its own: the last US session before this "
                                                    "Asian report's publication")
    day = last_session(market, published)
    if day != published:
        return day, _("no date of its own: the last {market} session on or before publication (it did not trade "
                      "then)").format(market=market)
    return published, _("no date of its own: the publication session")


# --- the article as a whole ----------------------------------------------------------------------------------
PLACE_CUES = {
    "HK": re.compile(r"\b(?:Hong Kong|Hang Seng|HKEX|(?:Shanghai|Shenzhen) (?:Composite|Component|index|stocks|market)"
                     r"|Asian (?:markets|trade|trading)|HK\$|H-shares?)(?:\b|(?<=\$))"),
    "US": re.compile(r"\b(?:New York(?![- ]listed)|Wall Street(?! Journal)|Nasdaq|NYSE|S&P 500|the Dow"
                     r"|Dow Jones(?! Market Data| Newswires)|U\.S\. (?:markets|trading|session)|ADRs?"
                     r"|American depositary|OTCPK|pre-?market|premarket"
                     r"|after-hours|ahead of " + lexicon.OPENING_BELL
                     + r"|(?:listed|traded|trading) in the U\.?S(?:\.|\b)|in the U\.S\.)"
                     r"(?:\b|(?<=\.))"),
}



def article_place(text: str, dateline: str = "") -> tuple[str, str]:
    """The article's market ("HK" or "US") and why: its dateline, else the market it names most; the why is "" when
    it names no market (the app's home market, :func:`home_place_rule`)."""
    if dateline.upper() in DATELINE_PLACES:
        return DATELINE_PLACES[dateline.upper()], _("the dateline names {place}").format(place=dateline.title())
    if overnight_us(text):
        return "HK", _("it says 'overnight' of a US listing, as an Asian report does")
    counts = {code: len(pattern.findall(text)) for code, pattern in PLACE_CUES.items()}
    if counts["US"] == counts["HK"] and counts["US"]:  # a tie: the markets of the indices and funds it names
        named = [index_named(m.group()) for m in INDEX_RE.finditer(text)]
        listed = Counter(i.market for i in named if i is not None and i.symbol)
        if listed["US"] > listed["HK"]:
            return "US", _("it names US and Hong Kong markets as often ({count} times), and US-listed indices and "
                           "funds most ({us} against {hk})").format(count=counts["US"], us=listed["US"],
                                                                    hk=listed["HK"])
    if counts["US"] > counts["HK"]:
        return "US", ngettext("it names US markets most ({count} time against {other})",
                              "it names US markets most ({count} times against {other})", counts["US"]).format(
            count=counts["US"], other=counts["HK"])
    if counts["HK"] > counts["US"]:
        return "HK", ngettext("it names Hong Kong or mainland markets most ({count} time against {other})",
                              "it names Hong Kong or mainland markets most ({count} times against {other})",
                              counts["HK"]).format(count=counts["HK"], other=counts["US"])
    if counts["HK"]:  # a tie, and no more US-listed indices or funds named than Hong Kong ones
        return "HK", ngettext("it names US and Hong Kong markets as often ({count} time each), and Hong Kong indices "
                              "at least as often as US ones", "it names US and Hong Kong markets as often ({count} "
                              "times each), and Hong Kong indices at least as often as US ones",
                              counts["HK"]).format(count=counts["HK"])
    markets = {market for m in COMPANY_RE.finditer(text) for c in [company_named(m.group())] if c
               for market in c.symbols}
    if markets == {"US"}:  # "Nvidia's meteoric rise stumbled Thursday": only US-listed companies, and no market named
        return "US", _("it names no market, and only companies listed in the US")
    return "HK", ""


def home_place_rule() -> str:
    """Why a story that names no market is read as the app's home market's."""
    return _("no market is named, so the app's home market (Hong Kong)")


_US_OVERNIGHT = re.compile(r"(?:[^.]|\.(?=\S)){0,80}\b[Oo]vernight\b(?:[^.]|\.(?=\S)){0,80}")  # "U.S." inside
_US_NEAR = re.compile(r"\b(?:ADRs?|ADSs?|Wall Street|New York|U\.?S\.?[- ]listed|US[- ]listed|S&P 500|Nasdaq|Dow"
                      r"|U\.?S\.? (?:stocks|shares|markets?|trading|session)|[Ss]tateside)\b|\bin the U\.?S\.?(?!\w)")


def overnight_us(text: str) -> bool:
    """Whether the text says "overnight" of US trading ("its ADRs slid 6% overnight", "Wall Street overnight"), as a
    report written in Asia does; "overnight" of Asian markets in a US story does not count."""
    for m in _US_OVERNIGHT.finditer(text):
        if _US_NEAR.search(m.group()) and not re.search(r"\bAsian (?:markets|stocks|shares|trade|trading)\b",
                                                        m.group()):
            return True
    return False


def main_company(text: str) -> Company | None:
    """The company the text names most often (the first one on a tie)."""
    names = [company_named(m.group()) for m in COMPANY_RE.finditer(text)]
    counted = Counter(c.name for c in names if c)
    if not counted:
        return None
    best = counted.most_common(1)[0][0]
    return next(c for c in names if c and c.name == best)
