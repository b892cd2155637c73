"""Events a clause holds besides its own: the periods its figures are measured over, the runs of sessions it names
("capping a nine-day win streak") and the points its moves are measured against ("from its November peak", "its
heftiest drop since 1997"), each a candidate with its own span and rule; and a move of its sentence's list that a cause
cut off from it ("Tencent +2.23% after announcing ..., Xiaomi +1.7%")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from components.facts import MAX_SYMBOLS
from components.locale import _
from components.locale.formats import date_as
from components.text import claim_periods, clause_parts, event_parts, lexicon, periods_of, quantities, runs, story
from components.text.candidates import DEFAULT_TZ, Candidate, cue, guess_category
from components.text.clause_dates import MARKET_TZ
from components.text.date_types import DateExpression, month_span, since_day
from components.text.reader import Clause, Reading
from components.text.titles import suggest_title


def besides(clause: Clause, reading: Reading, parts: list[event_parts.Part]) -> list[Candidate]:
    """Every event of the clause besides its own: periods, runs and reference points, in that order."""
    return [*period_candidates(clause, parts, reading.published), *run_candidates(clause, reading, parts),
            *reference_candidates(clause, parts), *measured_from(clause, reading)]


def measured_from(clause: Clause, reading: Reading) -> list[Candidate]:
    """A move measured from a day the text gives ("has declined 15.6 per cent from a peak on March 19", "Off 0.39%
    from its record close of 6977.27 hit Monday, Jan. 12, 2026"): the stretch from that day to the clause's
    session, beside the day itself."""
    if not clause.move:
        return []
    markets = {m.market for m in clause.listings if m.market}
    out = []
    for q in quantities.quantities(clause.text)[:MAX_SYMBOLS]:
        base = claim_periods.base_day(clause, q) if q.kind in ("percent", "points") else None
        if base is None:
            continue
        day = clause.day if clause.day and clause.day > base.start_date else reading.story_day(
            next(iter(markets)) if len(markets) == 1 else reading.place)[0]
        if day <= base.start_date:
            continue
        rule = _("the move '{words}' from {start} to {day}").format(words=q.text, start=date_as(base.start_date,
                                                                                                "date"),
                                                                    day=date_as(day, "date"))
        out.append(Candidate(clause.text, clause.sentence_index, q.text, base.start_date, day, rule,
                             suggest_title(clause.text), "market move", cue(clause.text),
                             _("medium: {rule}").format(rule=rule), clause.tz or DEFAULT_TZ, (), ""))
    return out


OTHER_KINDS = ("absolute", "weekday", "year", "month", "half", "quarter", "months", "holiday", "weekend")


def period_candidates(clause: Clause, parts: list[event_parts.Part], published: dt.date) -> list[Candidate]:
    """A candidate for each other period a figure of the clause is measured over ("down 33% over the past 12
    months, has shed 8% in the new year": both), and for each other date a clause that is not a move names
    ("revenue in the three months through March rose 9%, its slowest growth since listing in 2014": 2014)."""
    out = []
    others = () if clause.move else tuple(
        e for e in clause.expressions if e.resolved and e.kind in OTHER_KINDS and e != clause.date
        and not periods_of.covered(clause.text, e) and not clause_parts.is_comparison(clause.text, e, False))
    for e in clause.periods + others:
        if clause_parts.not_its_time(clause.text, e, published):
            continue
        part = next((p for p in parts if p.start <= e.start < p.end), None)
        words = part.text(clause.text) if part is not None and len(parts) > 1 else clause.text
        out.append(Candidate(words, clause.sentence_index, e.text, e.start_date, e.end_date, e.rule,
                             suggest_title(words), "market move", cue(words),
                             _("low: a period statistic ({rule}), not a day").format(rule=e.rule), clause.tz, (),
                             e.qualifier))
    return out


# a point a move is measured against: "from its November peak", "the all-time high it set in early January",
# "its steepest loss since its creation in July 2020", "its heftiest drop since 1997", "its best day since June 4"
_REFERENCE = re.compile(r"\b(?:high|highs|low|lows|peak|trough|record|top|bottom|close|drop|fall|loss|gain|rally|slump"
                        r"|crash|plunge|slide|creation|inception|launch|debut|listing|reach\w*|hitting|touching)\b"
                        r"[^;]{0,30}?(?:\b(?:set|seen|hit|reached|touched|recorded|logged|in|on|of))?\s+"
                        r"(?:early |late |mid-?)?$|" + clause_parts.SUPERLATIVE + r"[^.;,]{0,40}?\bsince\s+$",
                        re.IGNORECASE)
_PEAK = re.compile(r"\b(?:peak|high|highs|low|lows|trough|top|bottom)$")
_YEAR_ONLY = re.compile(r"^since (?:19|20)\d\d$", re.IGNORECASE)


def is_reference(clause: Clause, e: DateExpression) -> bool:
    """Whether ``e`` names a point a move is measured against (see ``_REFERENCE``)."""
    if not e.resolved or e.kind not in ("month", "year", "absolute", "since"):
        return False
    words = clause.text[max(0, e.start - 60):e.start] + ("since " if e.kind == "since" else "")
    return bool(_PEAK.search(e.text) or _REFERENCE.search(words))  # "November peak", "its best day since June 4"


def stands_alone(clause: Clause, e: DateExpression) -> bool:
    """Whether the clause's own date is only a reference point it names, with no move of its own ("--Largest
    four-day gain since Friday, March 24, 2023" in a data sheet): its one event is that point."""
    return e is clause.date and e.kind == "since" and not clause.move and is_reference(clause, e)


def reference_candidates(clause: Clause, parts: list[event_parts.Part]) -> list[Candidate]:
    """A candidate for each point a move of the clause is measured against (see ``_REFERENCE``): the day, month or
    year it names, an event of its own."""
    out = []
    for e in clause.expressions[:MAX_SYMBOLS]:
        if (e is clause.date and not stands_alone(clause, e)) or not is_reference(clause, e):
            continue
        start, end = e.start_date, e.end_date
        if e.kind == "since":  # "since 1997": that year; "since Nov. 11": that day; "since March": that month
            end = dt.date(start.year, 12, 31) if _YEAR_ONLY.match(e.text) else start if since_day(e) else month_span(
                start.year, start.month)[1]
        rule = _("the point the move is measured against ('{words}')").format(words=e.text)
        said = _part_words(clause, parts, e.start)
        out.append(Candidate(said, clause.sentence_index, e.text, start, end, rule, suggest_title(said),
                             "market move", cue(said), _("medium: {rule}").format(rule=rule),
                             e.tz or clause.tz or DEFAULT_TZ, (), e.qualifier))
    return out


def _part_words(clause: Clause, parts: list[event_parts.Part], at: int) -> str:
    """The words of the part of the clause that holds position ``at`` (the whole clause when it has one part)."""
    part = next((p for p in parts if p.start <= at < p.end), None)
    return part.text(clause.text) if part is not None and len(parts) > 1 else clause.text


def run_candidates(clause: Clause, reading: Reading, parts: list[event_parts.Part]) -> list[Candidate]:
    """A candidate for each run of sessions or weeks the clause names ("capping a nine-day win streak", "for a fifth
    straight day"): the sessions it covers, on its listing's market calendar (see components.text.runs)."""
    over_period = clause.date is not None and clause.day is None  # its runs have no one session to end on, but a
    # run in a ", when ..." part ends on the day written before it ("since Tuesday, Jan. 17, 2023, when ...")
    markets = {m.market for m in clause.listings if m.market}
    market = next(iter(markets)) if len(markets) == 1 else reading.place
    day = clause.day or reading.story_day(market)[0]  # "--Up for three consecutive trading days" in a data sheet
    out = []
    for q in quantities.quantities(clause.text)[:MAX_SYMBOLS]:
        part = next((p for p in parts if p.start <= q.start < p.end), parts[0])
        if part.lead.split()[-1:] not in ([], ["when"], *([w] for w in lexicon.SIMULTANEOUS_LEADS)):
            continue  # a run in a cause ("after bullion set a record for a third day") is the cause's
        when = date_before(clause, part) if part.lead == "when" else None  # "since Jan. 16, when it rose 4 days"
        weekly = over_period and q.kind == "streak" and q.unit == "week" and (
            clause.date.end_date - clause.date.start_date).days <= 6  # "rose this week, ending a two-week slide"
        if (part.lead == "when" or over_period and not weekly) and when is None:
            continue
        end = when.start_date if when else clause.date.end_date if weekly else day
        span = runs.run_span(clause.text, q, end, market)
        if span is None:
            continue
        words = _part_words(clause, parts, q.start)
        rule = _("the sessions of the run '{words}' on the {market} market's calendar, ending {day}").format(
            words=q.text, market=market, day=date_as(span[1], "date"))
        out.append(Candidate(words, clause.sentence_index, q.text, span[0], span[1], rule,
                             suggest_title(words), "market move", cue(words),
                             _("medium: {rule}").format(rule=rule), clause.tz or DEFAULT_TZ, (), ""))
    for words, first, last in runs.tallies(clause.text, day, market)[:MAX_SYMBOLS] if not over_period else ():
        rule = _("'{words}': the stretch it counts, on the {market} market's calendar, up to {day}").format(
            words=words, market=market, day=date_as(last, "date"))
        out.append(Candidate(clause.text, clause.sentence_index, words, first, last, rule, suggest_title(clause.text),
                             "market move", cue(clause.text), _("medium: {rule}").format(rule=rule),
                             clause.tz or DEFAULT_TZ, (), ""))
    return out


def date_before(clause: Clause, part: event_parts.Part) -> DateExpression | None:
    """The date written right before a ", when ..." part ("since Monday, Jan. 16, 2023, when ..."), or None."""
    before = [e for e in clause.expressions if e.resolved and 0 <= part.start - e.end <= 2]
    if before and since_day(before[-1]):
        return replace(before[-1], end_date=before[-1].start_date)  # "since Tuesday, Jan. 17, 2023, when": that day
    return before[-1] if before else None


def apart(clause: Clause, part: event_parts.Part) -> Candidate:
    """A move at the same time as its clause, cut off from it by a cause ("Alibaba +3.13%, Tencent +2.23% after
    announcing an effort ..., Xiaomi +1.7%"): the clause's day."""
    words, e = part.words(clause.text), clause.date
    rule = _("the day of its sentence's move ({rule})").format(rule=e.rule)
    return Candidate(part.text(clause.text), clause.sentence_index, None, e.start_date, e.end_date, rule,
                     suggest_title(words), guess_category(words), cue(words),
                     _("medium: {rule}; a move in its sentence's list").format(rule=rule), clause.tz or DEFAULT_TZ,
                     (), e.qualifier)


# Wall Street's move in a story written in Asia: "after stocks slipped on Wall Street", "following a decline on Wall
# Street", "tracking an overnight rally in U.S. stocks"
_WALL_STREET = re.compile(r"\b(?:on|in|from) Wall Street\b|\bWall Street['’]s\b"
                          r"|\bin (?:U\.S\.|US) (?:stocks|shares|markets)\b"
                          r"|\b(?:U\.S\.|US) (?:stocks|shares|markets) (?=\w+ed\b)")


_MOVE_NOUN = lexicon.words_pattern(lexicon.DIRECTION_NOUNS)  # "following a decline on Wall Street"


def wall_street_before(clause: Clause, reading: Reading, part: event_parts.Part) -> list[DateExpression]:
    """The day of a Wall Street move that a clause of an Asian story follows: the last US session before the clause's
    own day (the US session of that day had not begun); none for futures, which trade while Asia does."""
    words = clause.text[part.start:part.end]
    m = _WALL_STREET.search(words)
    if m is None or not story.is_asian(reading.place) or clause.date is None or clause.date.is_range \
            or "futures" in words.lower() or not (lexicon.move_verb_re().search(words) or _MOVE_NOUN.search(words)):
        return []
    day = story.previous_session("US", clause.date.start_date)
    return [DateExpression(m.group(), part.start + m.start(), part.start + m.end(), "relative", day, day, _(
        "Wall Street's move before this Asian session: the last US session before {day}").format(
        day=date_as(clause.date.start_date, "weekday_day")), tz=MARKET_TZ["US"])]
