"""The reader's rules for what a figure measures.

:func:`measure_of` tries the rules of :data:`MEASURE_RULES` in order, the first that applies winning (premarket, a time
of day, the open, a ranking, a high or low, a period, a level or points), else the day's move. Whether a figure is a
price at all is :mod:`components.text.not_prices`' to say, asked first."""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from components.facts import HISTORY_START
from components.locale import _
from components.locale.formats import date_as
from components.text import claim_periods, clause_parts, figure_periods, runs
from components.text import lexicon as L
from components.text.claim_subjects import Owner
from components.text.extreme_levels import AS_MUCH as _AS_MUCH
from components.text.extreme_levels import extreme as _extreme
from components.text.not_prices import MOVE_NOUN
from components.text.quantities import Quantity, quantities
from components.text.reader import Clause, Reading


class Story(Protocol):
    """What the measure rules need of the text around a figure: its story-wide mid-session marker, if any."""

    intraday: str
    morning: bool
    intraday_markets: frozenset[str]
    opening: str
    reading: Reading


_EXTENDED = L.patterns(L.EXTENDED)
_ENDING_AT = re.compile(r"\b(?:clos|end|finish|settl)(?:ed|ing)(?: the (?:day|session))?(?: (?:at|up|down))?\s$",
                        re.IGNORECASE)
_TURN = re.compile(r"\b(?:while|but|whereas|and|after|before|as|following|amid|despite|since|from)\b|;", re.IGNORECASE)
_TIME_OF_DAY = L.patterns(L.TIME_OF_DAY)
_UNTIL_LATER = re.compile(r"^[^;]{0,80}?\b(?:before|until|by)\b(?![^;]{0,80}\b(?:clos|end|finish|settl))[^;]{0,60}",
                          re.IGNORECASE)
_SUBJECT_PART = re.compile(r"\s(?:after|as|while|when|whereas|because|amid|despite)\s(?!\w+ing\b)", re.IGNORECASE)
_MORNING = re.compile(r"\b(?:in|during|by|through) the (?:morning|midday|lunch)(?: session| break| trade| trading)?\b"
                      r"|\bmorning (?:session|trade|trading|high|low)\b|\bat (?:mid-?day|noon)\b"
                      r"|\bfirst half of (?:the )?(?:session|trading|day)", re.IGNORECASE)
_CLOSING = L.patterns(L.CLOSING)
_OPENING = re.compile(r"\b(?:open(?:ed|s|ing)?|at the open(?:ing)?|at the start of trad(?:e|ing))\b(?:[\w\s,]{0,20}"
                      # "opened lower, with the HSI down 169 points or 0.7% at 23,900": each figure of the chain
                      r"|(?: (?:higher|lower|up|down|flat|firmer|weaker|mixed)(?: by)?)?(?:,? with (?:the )?[\w&.'-]+"
                      r"(?: [\w&.'-]+){0,3} (?:down|up|off|higher|lower))?"
                      r"(?: [\d,.]+ ?(?:points?|pts|per ?cent|percent|%)(?:,? or)?){0,2},?(?: at| to)? )$",
                      re.IGNORECASE)
_UPON_OPEN = re.compile(r"(?:\s(?:points?|per ?cent|percent|%))?\s(?:upon|on|at|after) (?:the )?open(?:ing)?\b"
                        r"(?! (?:of|a|an|the)\b)", re.IGNORECASE)  # "25,000 points upon opening", not "on opening of"
_FROM_MARK = re.compile(r"\b(?:from|off|below|above|under|beneath)\s(?:(?:near|close to)\s)?(?:(?:its|the|their|a|an)"
                        r"\s)?$", re.IGNORECASE)  # "retreating from near a two-week high": a past mark
_GIVEN_BACK = re.compile(r"\b(?:eras\w+|wip\w+ out|par\w+|surrender\w*|gave back|giving back|reversed|reversing)"
                         r"(?: all| most| part)?(?: of)? (?:a|an|its|the|their|early|earlier|initial|morning)"
                         r" (?:\w+ )?(?:[\d.,]+ ?(?:%|per ?cent|percent|points?) )?"
                         r"(?P<noun>decline|drop|fall|loss|slide|slump|gain|rise|rally|advance|jump|surge)\b",
                         re.IGNORECASE)
# a move from an extreme the text does not date ("Up 20% from a January low"), or from a point no price names ("down
# 2.5% from Trump's second inauguration", "1.2% above where it stood Election Day")
_FROM_EXTREME = re.compile(r"^\s(?:\w+\s){0,2}?(?:from|of|below|above|off) (?:a|an|its|their|the) (?:[\w-]+ ){0,3}"
                           r"(?:low|high|trough|peak|bottom|record)s?\b"
                           r"|^\s(?:from|since|above|below) (?!(?:a year|the (?:previous|prior)|yesterday|last|the day"
                           r"|the (?:start|beginning|end)|[$\d]|[A-Z]{2,3}\$"
                           r"|(?:[\w-]+\s){0,3}?(?:low|high|peak|trough)s?\b))"
                           r"(?:[\w'’-]+\s){0,3}[\w'’-]+", re.IGNORECASE)
_RUN_OF_SESSIONS = re.compile(r"\b(?!one[- ]week)(?:\w+|\d+)[- ](?:day|session|week)[- ](?:slide|rally|run|streak"
                              r"|losing streak|winning streak|decline|rout|sell-?off|advance|gain|drop|fall|losing run"
                              r"|winning run)\b", re.IGNORECASE)
_FIRST_TIME = re.compile(r"[^.;]{0,40}?\bfor the first time(?: ever)?\b(?! (?:since|in|this|in \w+ (?:years|months)))",
                         re.IGNORECASE)
_CFD = re.compile(r"\bcontracts? for differences?\b|\bCFDs?\b", re.IGNORECASE)  # said anywhere in the sentence
_WHEN = re.compile(r"^,?\s(?:when|in which|during which)\b[^,;]{0,40}$", re.IGNORECASE)


def measure_of(q: Quantity, owner: Owner, clause: Clause, story: Story, day: dt.date | None
             ) -> tuple[str, str, str, str]:
    """(measure, reason it cannot be checked, rule, why unsure): the first rule of MEASURE_RULES that applies."""
    lo, hi = claim_periods.stretch(clause.text, q)
    part = clause.text[lo:hi]
    for rule in MEASURE_RULES:
        found = rule(q, owner, clause, story, day, part)
        if found is not None:
            return found
    return "day", "", _("a percentage without a period or a time of day: the day's close-to-close move"), \
        figure_periods.unnamed_period(clause.text, q)


# a ranking's look-back after a figure: "slumped 21 per cent this quarter for the biggest decline since ... 2011"
_RANKED_SINCE = re.compile(clause_parts.SUPERLATIVE + r"[^.;]*\bsince\b", re.IGNORECASE)


def _before_the_data(q, owner, clause, story, day, part):
    """"The record set on January 22, 2008, by 2,061 points": a figure of a day or period before the price data is
    never checked against another day."""
    lo, hi = claim_periods.stretch(clause.text, q)
    when = next((e for e in clause.expressions if e.end <= q.start and _WHEN.match(clause.text[e.end:q.start])
                 and any(int(y) < HISTORY_START.year for y in re.findall(r"\b(?:19|20)\d\d\b", e.text))), None)
    if when is not None:  # "its best year since 2017, when it rose about 36 percent": 2017's figure
        return "other", _before_data(when.text), f"'{when.text}'", ""
    e = next((e for e in clause.expressions if (lo <= e.start < hi or q.start - 12 <= e.end <= q.start) and (
        e.resolved and e.end_date < HISTORY_START or not e.resolved and e.outside_years)
        and not (q.kind != "rank" and _RANKED_SINCE.search(clause.text, q.end, max(q.end, e.start)))), None)
    if e is not None:
        return "other", _before_data(e.text), f"'{e.text}'", ""
    return None


def _before_data(words: str) -> str:
    return _("about {words}, before the price data begins ({day})").format(words=words,
                                                                          day=date_as(HISTORY_START, "date"))


def _first_ever(q, owner, clause, story, day, part):
    """"Pushing the shares above $1,000 for the first time": a crossing never seen before, which prices that begin in
    2022 cannot show (before the data)."""
    if q.kind == "level" and _FIRST_TIME.match(clause.text, q.end):
        return "other", _("a first crossing of that price ever: the data begin in {year}, so they cannot show every "
                          "earlier price (before the data)").format(year=HISTORY_START.year), "'for the first time'", ""
    return None


def _extended(q, owner, clause, story, day, part):
    opening = clause_parts.opening_phrase(clause.text, q.start, part, clause.expressions)  # "In premarket trade, ..."
    after = re.match(r"(?:\s?%|\s(?:points?|per ?cent|percent))?[\s,]+(?:in |during )?(?!futures|gr[ae]y|contract)",
                     clause.text[q.end:], re.IGNORECASE)  # a time, not a market named next ("rose 2%, futures ...")
    prev = [f for f in quantities(clause.text) if f.end <= q.start][-1:] if _EXTENDED.search(clause.text, 0, q.start) \
        else []  # (quantities only when a premarket word stands before the figure at all)
    chain = clause.text[prev[0].start:q.start] if prev and q.start - prev[0].end < 60 else ""  # "trades at $140.59 in
    chain = "" if _TURN.search(chain) else chain  # the pre-market session, lower by 3.65%": one print, one time
    m = _EXTENDED.search(part) or _EXTENDED.search(opening) or _CFD.search(clause.sentence) or (
        _EXTENDED.match(clause.text, q.end + after.end()) if after else None) or _EXTENDED.search(chain)
    # "jumped 7.1% ahead of the U.S. opening bell": a time set off after the figure, beyond its part
    if m:
        return ("extended", _("a premarket, after-hours or futures price: daily bars hold the regular session only"),
                f"'{m.group()}'", "")
    return None


def _past_move(q, owner, clause, story, day, part):
    """"its steepest fall since a 9% slide in March last year": the move of one session the ranking looks back to,
    somewhere in the period named, which the text does not date: not sure which session."""
    noun = MOVE_NOUN.match(clause.text, q.end)
    dated = noun and any(e.resolved and not e.is_range and noun.end() < e.start <= noun.end() + 4
                         for e in clause.expressions)  # "since the 10% plunge on Sept. 3": that day's move
    if q.kind in ("percent", "points") and _SINCE_A.search(clause.text, max(0, q.start - 30), q.start) and noun \
            and not dated:
        words = clause.text[max(0, q.start - 8):q.end] + noun.group()
        said = _("'{words}': one session's move the ranking looks back to, on a day the text does not give").format(
            words=words.strip())
        return "day", "", said, said
    return None


_SINCE_A = re.compile(r"\bsince (?:a|an|its|the|their)\s(?:[\w-]+\s)?$", re.IGNORECASE)


# "rose 13.5% to HK$95.55 shortly after the open": a price early in the session, past the level it reached
_JUST_AFTER_OPEN = re.compile(r"(?:\s(?:to|at)\s(?:HK|US)?\$?[\d,.]+\d)?\s(?:shortly|soon|just|right) after (?:the )?"
                              r"open(?:ing)?(?: bell)?\b", re.IGNORECASE)


# the rest of a figure's chain up to a part of the day after its last figure: ", or 0.5%, to around 4,116 Friday
# afternoon"
_DAYPART = L.patterns((L.DAYPART,))
_CHAIN_THEN_TIME = re.compile(r"(?:(?:\s?%|\s(?:points?|pts|per ?cent|percent))?,?\s(?:or|to|at)\s"
                              r"(?:around |about |roughly )?[-+−]?[\d,.]*\d"
                              r"(?:\s?%|\s(?:points?|pts|per ?cent|percent))?)*,?\s", re.IGNORECASE)
# the words of time that leave an extreme "as much as" / "as high as" the day's: "to briefly hit", "in intraday
# trading", "before paring gains" (the high came before the give-back; the day's bar holds it)
_ANY_TIME = re.compile(r"^(?:briefly|(?:in|during) (?:the )?intraday (?:trade|trading|deals|session)|before (?:paring"
                       r"|trimming|giving|erasing|reversing|easing|cutting|retreating|falling|pulling|slipping))\b",
                       re.IGNORECASE)
_AT_THE_EXTREME = re.compile(r"\bat (?:the |its )?(?:session|intraday) (high|low|peak)\b", re.IGNORECASE)


def _time_of_day(q, owner, clause, story, day, part):
    earlier = _SUBJECT_PART.split(clause.text[:q.start])[-1]  # up to a part with a subject of its own
    later = _UNTIL_LATER.match(clause.text[q.end:])  # "dropping 2% before regaining 20,000 by midday"
    phrase = clause_parts.opening_phrase(clause.text, q.start, part, clause.expressions)  # "By midday, ..."
    chain = _CHAIN_THEN_TIME.match(clause.text, q.end)  # "fell 21 points, or 0.5%, to around 4,116 Friday afternoon"
    m = _TIME_OF_DAY.search(part) or _TIME_OF_DAY.search(phrase) or _MORNING.search(earlier) or (
        _DAYPART.match(clause.text, chain.end()) if chain else None) or (
        _TIME_OF_DAY.search(later.group()) if later else None) or (
        (j := _JUST_AFTER_OPEN.match(clause.text, q.end)) and _TIME_OF_DAY.search(clause.text, j.start(), j.end()))
    if m and _ANY_TIME.search(m.group()) and _AS_MUCH.search(clause.text[max(0, q.start - 30):q.start]) \
            and not story.intraday:  # "jumped as much as 0.8% to briefly hit ...", "In intraday trading, it climbed
        m = None  # as high as 4,793.30": the day's extreme, which daily bars hold
    extreme = [e for e in _AT_THE_EXTREME.finditer(clause.text, max(0, q.start - 60), q.start)
               if q.kind in ("percent", "points")]
    if extreme:  # "At the intraday high, the index was up 15.74 points": the day's high, which daily bars hold
        low = extreme[-1].group(1).lower() == "low"
        return (("low_" if low else "high_") + ("move" if q.kind == "percent" else "points")), "", \
            f"'{extreme[-1].group()}'", ""
    ended = _ENDING_AT.search(clause.text, max(0, q.start - 25), q.start) if m else None
    if ended and 0 <= clause.text.rfind(m.group(), 0, q.start) < ended.start():
        m = None  # "rose 0.5% in the morning session before ending 2.61% lower": the figure is the close
    if m and (not _CLOSING.search(part) or _MORNING.search(m.group())):
        return ("intraday", _("taken during the session ('{words}'): daily bars hold the open, high, low and close "
                              "only").format(words=m.group()), f"'{m.group()}'", "")
    opening = _OPENING.search(clause.text[max(0, q.start - 90):q.start])  # the open is a daily bar's
    # a story-wide marker makes the session's figures intraday, except a market the marker is not about (Hong Kong's
    # in a live New York story) and a period that ended before the session ("lost 8% in October")
    market = owner.subject.market if owner.subject is not None else ""
    if story.intraday and (story.morning or not _CLOSING.search(part)) and not opening and day is not None \
            and day >= story.reading.published and (not story.intraday_markets or market in story.intraday_markets) \
            and "day" not in claim_periods.period_fields(q, clause, "period", day) \
            and not (q.kind == "streak" and runs.ended_by(clause.text, q)):  # "after a four-day rally": a run over
        return ("intraday", _("the story reports the session while it was open ('{words}'): daily bars hold the close "
                              "only").format(words=story.intraday),
                _("the story's marker '{words}'").format(words=story.intraday), "")
    return None


def _opened(q, owner, clause, story, day, part):
    before = clause.text[max(0, q.start - 90):q.start]
    upon = _UPON_OPEN.match(clause.text, q.end)  # "surged past 25,000 points upon opening on Tuesday morning"
    if q.kind == "rank" and _UPON_OPEN.search(clause.text[max(0, q.start - 80):q.start]):
        return "intraday", _("a ranking of the level at the open: daily bars rank closes"), "'upon opening'", ""
    if q.kind not in ("percent", "points", "level"):
        return None
    measure = {"percent": "open_move", "points": "open_points", "level": "open_level"}[q.kind]
    if _OPENING.search(before) or upon:
        rule = _("'opened': the open against the previous close") if q.kind != "level" else "'opened at'"
        return measure, "", rule, ""
    if _story_open(q, owner, clause, story, day, part):
        return measure, "", _("the story reports the open ('{words}')").format(words=story.opening), ""
    return None


def _story_open(q, owner, clause, story, day, part) -> bool:
    """Whether a figure is the open of a report of the open: the story's session and market, no time or period of
    its own ("The Hang Seng Index rose 0.55 percent, or 113.74 points, to 20,676.88" under "opened higher")."""
    market = owner.subject.market if owner.subject is not None else ""
    session = story.reading.session or story.reading.published
    return bool(story.opening) and day == session and market == story.reading.place and not _CLOSING.search(part) \
        and not _TIME_OF_DAY.search(part) and "day" not in claim_periods.period_fields(q, clause, "period", day)
    # "lost over 4% in opening trade": a time of its own, after the open


# a ranking of whole periods: "its best week of the year", "the biggest monthly gain", "the worst start to a year"
_A_WEEK_S = re.compile(r"\b(?:for|on|over) the week\b|\bweekly\b|\b(?:this|last) week['’]s\b", re.IGNORECASE)
_PERIOD_RANK = re.compile(r"\b(?:best|worst|biggest|largest|strongest|weakest|steepest|sharpest|highest|lowest)\s"
                          r"(?:(?!(?:this|that|the|a|an|of|in|since|for|last)\s)[\w-]+\s){0,2}?"
                          r"(?:(?:week|month|quarter|year)s?\b|(?:weekly|monthly|quarterly|annual|yearly"
                          r"|calendar[- ]year)\b|\w+-(?:day|week|month|quarter) period\b|start to)", re.IGNORECASE)


_HOPED = re.compile(r"\b(?:potential|possible|would (?:be|mark)|could (?:be|mark)|on (?:track|course|pace) (?:for|to)"
                    r"|set for|poised for|head(?:ing|ed) for|bid for|chance (?:of|at)|hopes? (?:of|for)|in line for)"
                    r"\s(?:(?:a|an|its|their|the)\s)?$", re.IGNORECASE)


_WOULD_HAVE = re.compile(r"[^.;,]{0,60}?\b(?:would|could|might) (?:have )?(?:be|been|mark|marked|make|made|set|extend"
                         r"|extended|become)\b", re.IGNORECASE)  # a run or a record that did not happen


def _ranking(q, owner, clause, story, day, part):
    if q.kind == "rank" and _FROM_MARK.search(clause.text[max(0, q.start - 30):q.start]):
        said = _("'{words}' is the point the move is measured from, not a ranking of this session").format(
            words=q.text)  # "Off 10.09% from its 52-week high of 22688.90"
        return "other", said, said, ""
    if q.kind == "rank" and re.match(r"since (?:a|an) ", q.look_back or "", re.IGNORECASE):
        said = _("'{words}' looks back to a move the text does not date").format(words=q.text)
        return "rank", "", f"'{q.text}'", said  # "the most since a 11 per cent drop in October last year"
    hoped = (_HOPED.search(clause.text[max(0, q.start - 40):q.start]) or _WOULD_HAVE.match(clause.text, q.end)) \
        if q.kind in ("rank", "streak") else None  # "A ninth consecutive gain for the S&P 500 would have marked ..."
    if hoped:  # "marking a potential second straight annual gain", "on track for its best month"
        said = _("'{words}': a run or a record the text says may come, not one that has").format(words=q.text)
        return ("rank" if q.kind == "rank" else "streak"), "", f"'{hoped.group().strip()}'", said
    if q.kind == "rank" and (_PERIOD_RANK.search(q.text) or q.rank_of == "move" and _A_WEEK_S.search(
            clause.text, 0, q.start)):  # "For the week, the HSI plummeted 3.47%, ... dropping by the most since April"
        return "rank", "", f"'{q.text}'", _("'{words}' ranks weeks, months or years against each other; the app ranks "
                                            "single sessions only").format(words=q.text)
    if q.kind == "rank":
        if q.rank_of == "intraday":
            return "intraday", _("an intraday extreme ranked against others: not in daily closes"), "'intraday'", ""
        ranking = _("'{words}': a ranking of daily moves") if q.rank_of == "move" else _(
            "'{words}': a ranking of closes")
        return "rank", "", ranking.format(words=q.text), ""
    if q.kind == "streak":
        return "streak", "", _run_of(q.unit).format(words=q.text, unit=q.unit), ""
    return None


def _run_of(unit: str) -> str:
    """"'{words}': a run of sessions" for a streak of ``unit``s, in the run's language."""
    if unit == "session":
        return _("'{words}': a run of sessions")
    if unit == "week":
        return _("'{words}': a run of weeks")
    return {"month": _("'{words}': a run of months"), "quarter": _("'{words}': a run of quarters"),
            "year": _("'{words}': a run of years")}.get(unit, _("'{words}': a run of sessions"))


def _period(q, owner, clause, story, day, part):
    if q.kind in ("percent", "points"):
        found = claim_periods.period_of(q, clause, day)
        if found is not None:
            return ("period" if q.kind == "percent" else "period_points"), "", found, ""
    return None


def _given_back(q, owner, clause, story, day, part):
    """"Erases a 1.2% decline", "pared a 3% gain": a move the session made and gave back, without a day of its own:
    the day's low (high) against the previous close."""
    at = max(0, q.start - 40)
    m = _GIVEN_BACK.search(clause.text[at:q.end + 30])
    inside = m is not None and at + m.start() <= q.start and q.end <= at + m.end()  # not "rose 0.4% after erasing a
    if q.kind in ("percent", "points") and inside and not claim_periods.own_day(clause, q):  # loss": the day's move
        low = m.group("noun").lower() in L.LOSS_NOUNS
        measure = ("low_" if low else "high_") + ("move" if q.kind == "percent" else "points")
        gave = _("'{words}': a move the session gave back, at its low") if low else \
            _("'{words}': a move the session gave back, at its high")
        return measure, "", gave.format(words=m.group().strip()), ""
    return None


_PREVIOUS_CLOSE = re.compile(r"\b(?:previous|prior|preceding) (?:day|session|trading day)['’]s clos(?:e|ing)\b",
                             re.IGNORECASE)


def _from_extreme(q, owner, clause, story, day, part):
    """"Up 20% from a January low", "rebounded 5% from its monthly low": measured from a price the text does not
    date, so not sure which."""
    m = _FROM_EXTREME.search(clause.text[q.end:q.end + 50])
    if m and _PREVIOUS_CLOSE.search(m.group()):  # "rising 16.4% above its previous day's close": the day's move
        return None
    if q.kind in ("percent", "points") and m and claim_periods.base_day(clause, q) is None:
        measure = "period" if q.kind == "percent" else "period_points"
        return measure, "", f"'{m.group().strip()}'", _("'{words}' does not say which session it counts from").format(
            words=m.group().strip())
    return None


def _multi_session(q, owner, clause, story, day, part):
    """A figure of a run of sessions the text names but does not date ("a two-day slide in which it had fallen 700
    points"): a period whose sessions are not said, so never checked as the day's move."""
    m = _RUN_OF_SESSIONS.search(clause.text[max(0, q.start - 90):q.start])
    if q.kind in ("percent", "points") and m and not claim_periods.own_day(clause, q):  # not "..., and undid much
        # of the 4 per cent jump on February 6" after a run the sentence names
        measure = "period" if q.kind == "percent" else "period_points"
        return measure, "", _("'{words}': a move over several sessions").format(words=m.group()), _(
            "'{words}' does not say which sessions it spans").format(words=m.group())
    return None


def _level_or_change(q, owner, clause, story, day, part):
    if q.kind == "level":
        return "level", "", _("'{words}' is a level: the session's close").format(words=q.text), ""
    if q.kind == "points":
        return "points", "", _("'{words}': a change in points, close to close").format(words=q.text), ""
    return None


MEASURE_RULES = (_before_the_data, _past_move, _first_ever, _extended, _opened, _time_of_day, _ranking, _extreme,
                 _from_extreme, _given_back, _period, _multi_session, _level_or_change)
