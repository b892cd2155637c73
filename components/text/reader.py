"""Reading a market report: each clause with its date, its listings and whether it reports a move.

``read_article(text, published)`` splits the text into paragraphs, sentences and clauses (parts between semicolons,
coordinated clauses with a subject and verb of their own) and resolves every date expression against the publication
date, the story's session and what the text said before it. The rules (README, "Reading another article"):

* a **written date** wins: a day before a period, and in a clause with a subordinate part (", which
  ...", ", after ...") a day of the main part before one of the subordinate part;
* a clause reporting a **market move** (a price figure, "highest level since ...", or a market moving
  without one: "US futures jumped", :mod:`moves`) without a day of its own belongs to the day opening its
  sentence ("Last Friday, ..."), else to the day of the previous move of its market in its paragraph, else to
  the **story's session** (:mod:`story`: a dateline's day, else the lead's dated move, else the session a US story's
  dated moves all name when it never names its own date (:mod:`session_clues`), else the publication day),
  on its market's calendar; for a US listing in an Asian story, the last US session before the story's. A move
  over a period ("so far this year", "a weekly gain") is a period statistic, never a day (:mod:`figure_periods`);
* **spans and look-backs** never date an event; a clause with nothing but a span keeps the span; the period a
  result or forecast covers never dates it (:mod:`periods_of`); **references** ("that same day") count from the last
  day written, never an implied one; a clause that only continues a report takes that report's day;
* an **event cue** with no date stays undated and is listed, never given the publication date.

The article's place comes from its dateline, its lead or the markets it names; its company (the one named most) sets
what "third-quarter" means. Datelines, captions and header lines are set aside (:mod:`story_lines`). At most
MAX_SENTENCES sentences of at most MAX_SENTENCE_CHARS characters are read, each limit said in a notice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Mapping

from components.data.listings import COMPANY_RE, INDEX_RE, Company, company_named
from components.facts import MAX_SENTENCE_CHARS, MAX_SENTENCES
from components.locale import _
from components.locale import formats as F
from components.locale.formats import date_as
from components.text import (
    clause_parts,
    figure_periods,
    previews,
    sections,
    session_clues,
    story,
)
from components.text.clause_dates import date_of, finished, market_of
from components.text.date_types import (
    Context,
    DateExpression,
    advanced,
    anchored,
    checked_date,
    leaves_the_day,
)
from components.text.dates import find_date_expressions
from components.text.entities import LISTING_KINDS, Memory, Mention
from components.text.sentences import checked_text, split_sentences
from components.text.story_lines import DATELINE, story_lines

DAY_KINDS, PERIOD_KINDS = figure_periods.DAY_KINDS, figure_periods.PERIOD_KINDS


@dataclass(frozen=True)
class Clause:
    """One clause: its date (written, or ``implicit`` with the rule), its listings and whether it is a move."""

    index: int
    sentence_index: int
    paragraph: int
    text: str
    sentence: str
    heading: bool
    expressions: tuple[DateExpression, ...]
    date: DateExpression | None
    implicit: str
    tz: str
    move: bool
    period_statistic: bool
    listings: tuple[Mention, ...]
    second: DateExpression | None = None  # a day only an aside or reported speech gives: a second event
    second_text: str = ""
    periods: tuple[DateExpression, ...] = ()  # other periods a figure of the clause is measured over
    section: DateExpression | None = None  # the day or period of the section head it stands under ("For the week:")
    follows_move: bool = False  # its day is the previous move's of its paragraph (``implicit`` says so)

    @property
    def day(self) -> dt.date | None:
        """The single day of the clause, or None (a period, or no date)."""
        return self.date.start_date if self.date is not None and not self.date.is_range else None


@dataclass(frozen=True)
class Reading:
    published: dt.date
    place: str
    place_rule: str
    company: Company | None
    clauses: tuple[Clause, ...]
    notices: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]  # (line, why) set aside: captions, datelines, header lines
    session: dt.date | None = None  # the session the story reports, in its place's calendar (see story.py)
    session_rule: str = ""
    preview: tuple[dt.date, str] | None = None  # the session a preview looks ahead to, and why (see previews.py)
    place_defaulted: bool = False  # no market is named: the place is the app's home market

    def story_day(self, market: str) -> tuple[dt.date, str]:
        """The session of ``market`` a figure means when neither it nor its paragraph gives a day, and why."""
        return story.story_day(self.place, market, self.published, self.session, self.session_rule, self.preview)


@dataclass
class _State:
    """What the text has said so far: the last day and quarter written, the last listing, the last move."""

    context: Context
    memory: Memory  # the last company and index named, for "its shares", "the index"
    move: tuple[int, DateExpression, str, str] | None = None  # (paragraph, date, tz, market) of the last move
    recap: tuple[int, DateExpression] | None = None  # (paragraph, period) of a move over a finished period
    notices: list[str] = field(default_factory=list)
    company: Company | None = None
    session: dt.date | None = None  # the story's session, once its dateline or lead gives it
    session_rule: str = ""
    before_open: bool = False  # a US story written before the open: its closes are the previous session's
    report: DateExpression | None = None  # the day of the last report the text dated ("X said on Wednesday")
    lead: frozenset[int] = frozenset()  # the paragraphs of the story's lead (not its title, byline or notes)
    preview: tuple[dt.date, str] | None = None  # the session the lead looks ahead to (previews.py)
    section: DateExpression | None = None  # the day or period of the section head above ("For the week:")
    follows_move: bool = False  # the last clause dated without a day of its own took the previous move's
    opening: tuple[int, DateExpression] | None = None  # a day opening its sentence ("Last Friday, ..."): its scope
    last_period: DateExpression | None = None  # the period of the last move over one, for "during the same period"
    recap_lead: bool = False  # the lead opened with a move over a period up to the story's day ("This week, ...")


def read_article(text: str, published: dt.date | str, *, place: str | None = None,
                 anchors: Mapping[str, dt.date] | None = None, session: tuple[dt.date, str] | None = None) -> Reading:
    """Read a text (see the module's docstring); ValueError for text over MAX_ARTICLE_CHARS or a bad date.
    ``session``: the story's session and why, when a first reading found it only in the whole text."""
    clean, day = checked_text(text), checked_date(published)
    lines, skipped, notices, dateline = story_lines(clean, day)
    found_place, place_rule = story.story_place(clean, [line for _, line, head in lines if not head], dateline)
    place = place or found_place
    defaulted = place == found_place and not place_rule
    place_rule = (place_rule or story.home_place_rule()) if place == found_place else "chosen by hand"
    company = story.main_company(clean)
    context = Context(day, anchors or {}, place=place, fiscal_end=company.fiscal_year_end if company else 12)
    state, clauses, sentences = _State(context, Memory(place, company), notices=notices, company=company), [], 0
    body = [line for _, line, heading in lines if not heading]
    state.before_open = place == "US" and story.before_open(body)
    state.preview = previews.preview_day(body, day)
    if state.preview is not None and state.preview[0] > day and story.is_asian(place):
        day = state.preview[0]  # an Asian morning preview dated the evening before in New York: its own day is Asia's
        state.context = replace(state.context, published=day)
        notices.append(_("The story looks ahead to Asia's session of {day}; it was written that morning in Asia, so "
                         "its days are counted from that date.").format(day=date_as(day, "long_weekday_day")))
    state.lead = story.lead_paragraphs(lines)
    dated = next((d for d in (story.dateline_day(line, day) for line, why in skipped if why == DATELINE) if d), None)
    if dated is not None:
        _set_session(state, dated, _("the dateline's day ({day})").format(day=date_as(dated, "long_day")))
    elif session is not None:
        _set_session(state, *session)
    for paragraph, line, heading in lines:
        state.section = sections.current(line, state.section, heading, state.context, place)
        if sentences >= MAX_SENTENCES:
            _notice_once(state, _sentences_read())
            break
        read, count = _sentences(line, sentences, state)
        sentences += count
        for sentence_index, sentence in read:
            for part in clause_parts.clauses(sentence):
                clauses.append(_read_clause(len(clauses), sentence_index, paragraph, part, sentence, heading, state))
    later = None if dated or session or state.preview or state.before_open else session_clues.later_session(
        clauses, day, place, state.session)
    if later is not None:  # read again with the session the whole text gives
        return read_article(text, published, place=place, anchors=anchors, session=later)
    return Reading(day, place, place_rule, company, tuple(clauses), tuple(state.notices), tuple(skipped),
                   state.session, state.session_rule, state.preview, defaulted)


def _set_session(state: _State, day: dt.date, rule: str) -> None:
    """The story's session, once: every dateless move of the story's market belongs to it (a preview has none: its
    dateless figures are the sessions before the one it looks ahead to)."""
    if state.session is None and state.preview is None:
        state.session, state.session_rule = day, rule
        state.context = replace(state.context, story=day)


def _sentences(line: str, first: int, state: _State) -> tuple[list[tuple[int, str]], int]:
    """The line's sentences to read, numbered on from ``first``, and how many the line has."""
    out, pieces = [], split_sentences(line)
    for offset, sentence in enumerate(pieces):
        number = first + offset
        if number >= MAX_SENTENCES:
            _notice_once(state, _sentences_read())
            break
        if len(sentence) > MAX_SENTENCE_CHARS:
            state.notices.append(_("Sentence {number} is {length} characters long; only its first {limit} were "
                                   "read.").format(number=number + 1, length=F.number(len(sentence), 0),
                                                   limit=F.number(MAX_SENTENCE_CHARS, 0)))
            sentence = sentence[:MAX_SENTENCE_CHARS]
        out.append((number, sentence))
    return out, len(pieces)


def _sentences_read() -> str:
    return _("Only the first {limit} sentences were read; the rest of the text was not.").format(
        limit=F.number(MAX_SENTENCES, 0))


def _notice_once(state: _State, notice: str) -> None:
    if notice not in state.notices:
        state.notices.append(notice)


_REREAD = ("reference", "quarter-ref", "comparison", "span")


def _expressions(text: str, state: _State, market: str = "") -> list[DateExpression]:
    """The clause's expressions, re-read after each day or quarter it names, so a later reference counts from it.
    Quarters follow the fiscal year of the company the clause names first, else of the article's company, but a
    clause naming an index before any company ("The S&P 500 rose 10.6% in the second quarter") counts calendar ones."""
    ctx = replace(state.context, market=market)
    at, named = next(((m.start(), c) for m in COMPANY_RE.finditer(text) for c in [company_named(m.group())] if c),
                     (len(text), None))
    index = INDEX_RE.search(text, 0, at)
    if index is not None or (named is not None and named.fiscal_year_end != ctx.fiscal_end):
        ctx = replace(ctx, fiscal_end=12 if index is not None else named.fiscal_year_end)
    found = find_date_expressions(text, ctx.published, context=ctx)
    for _round in range(4):  # a clause naming many days re-reads at most a few times
        anchor = next((e for e in found if anchored(e, ctx) and any(
            later.start >= e.end and later.kind in _REREAD for later in found)), None)
        if anchor is None:
            break
        ctx = advanced(ctx, anchor)
        found = [e for e in found if e.end <= anchor.end] + [
            e for e in find_date_expressions(text, ctx.published, context=ctx) if e.start >= anchor.end]
    same = _SAME_PERIOD.search(text)
    if same and state.last_period is not None and not any(e.start <= same.start() < e.end for e in found):
        last = state.last_period  # "Hong Kong's index climbed 13% during the same period": the last one's
        found = sorted([*found, replace(last, text=same.group(), start=same.start(), end=same.end(), rule=_(
            "the period of the move before it ('{words}')").format(words=last.text))], key=lambda e: e.start)
    return found


_SAME_PERIOD = re.compile(r"\b(?:during|over|in|for|across|within) the same (?:period|stretch|span|time ?frame)\b",
                          re.IGNORECASE)


def _read_clause(index: int, sentence_index: int, paragraph: int, text: str, sentence: str, heading: bool,
                 state: _State) -> Clause:
    found = [m for m in state.memory.read(text) if m.kind in LISTING_KINDS]
    state.opening = state.opening if state.opening and state.opening[0] == sentence_index else None
    expressions, at, period, (date, implicit, tz) = _dating(text, found, paragraph, heading, state)
    if not implicit and clause_parts.opens_sentence(text, sentence, date):
        state.opening = (sentence_index, date)
    follows = bool(implicit) and state.follows_move
    move = at is not None
    if not move and state.move and state.move[0] == paragraph and date is not None and not implicit \
            and (date.is_range or date.start_date > state.move[1].start_date
                 and not clause_parts.REPORTED.search(text)):  # "In the second half of the week, Trump announced":
        state.move = None  # the paragraph's story has moved on from its last move's day
    date, implicit = _continued(text, date, implicit, state)
    expressions = [_session_filled(e, date) for e in expressions]
    for e in expressions:
        if anchored(e, state.context):
            state.context = advanced(state.context, e)
        elif leaves_the_day(e, state.context):
            state.context = replace(state.context, day=None)
    if move and period and date is not None and date.is_range:
        state.last_period = date
    if move and not period and date is not None and not date.is_range and date.text.lower() != "last week":
        state.move, state.recap = (paragraph, date, tz, market_of(text, found, state)), None
    elif move and period and not implicit and finished(date, state.context.published) \
            and not (state.move and state.move[0] == paragraph):  # "rose 17.7% in 2024" opening a recap; not "The
        state.recap = (paragraph, date)  # gauge slumped 7.8% in July" after the day's close in its paragraph
    days = [e for e in expressions if e.resolved and e.text and (e.kind == "weekend" or (
        e.kind in DAY_KINDS and not e.is_range))]  # a weekend dates a second event as its two days
    second = clause_parts.second_event(text, days, date)
    compared = [e for e in days if clause_parts.is_comparison(text, e, move) and (date is None
                                                                              or e.start_date != date.start_date)]
    if second is None and compared:  # "added to gains from Monday": Monday's gains are a second event
        second = compared[0], text[:compared[0].end]
    if second is None and move and date is not None:  # "ended 0.6% weaker, wiping out a 1.3% rise on Wednesday"
        second = figure_periods.other_move_day(text, days, date, at or 0)
    second = second or clause_parts.cause_day(text, days, date)  # "buoyed by ... Wall Street on Thursday"
    periods = tuple(e for e in figure_periods.figure_periods(text, expressions, state.context.now)
                    if date is None or (e.start, e.end) != (date.start, date.end))  # the clause's own, cut or not
    return Clause(index, sentence_index, paragraph, text, sentence, heading, tuple(expressions), date, implicit, tz,
                  move, period, tuple(found), *(second or (None, "")), periods, state.section, follows)


def _continued(text: str, date: DateExpression | None, implicit: str, state: _State) -> tuple[DateExpression | None,
                                                                                              str]:
    """A report's day, kept: a clause that reports with a written day sets it; one that only continues a report
    ("The company added that ...", "It also said ...") without a day of its own takes it."""
    if date is not None and not implicit and not date.is_range and clause_parts.REPORTED.search(text):
        state.report = date
    if date is None and state.report is not None and clause_parts.CONTINUES.match(text):
        rule = _("continues the report of {day} ('{words}')").format(day=date_as(state.report.start_date, "date"),
                                                                      words=state.report.text)
        return replace(state.report, text="", start=0, end=0, kind="implicit", rule=rule), rule
    return date, implicit


def _dating(text: str, found: list[Mention], paragraph: int, heading: bool, state: _State) -> tuple:
    """The clause's expressions, where its move stands (None: not a move), whether it is a period statistic and its
    date; a dated move of the story's market in its lead sets the story's session (the clause is then re-read)."""
    for _round in range(2):
        expressions = _expressions(text, state, market_of(text, found, state))
        at = figure_periods.main_move_at(text, [f.end for f in found])
        regional = story.asian_move(text, state.context.place, found) if paragraph in state.lead else None
        at = regional.end() if at is None and regional else at
        past = [e for e in expressions if at is None or not (e.resolved and e.is_range  # a move is never "in 2026"
                                                             and e.start_date > state.context.published)]
        spans = figure_periods.period_spans(text, past, at, state.context.now) if at is not None else []
        period, moved = bool(spans), at is not None and not spans
        told = [e for e in past if not clause_parts.not_its_time(text, e, state.context.published)
                and not clause_parts.looks_back(text, e)]
        date, implicit, tz = date_of(text, told, moved, found, paragraph, state, spans, at or 0)
        if period and paragraph in state.lead and state.session is None and date is not None and date.is_range \
                and date.end_date >= state.context.published:  # "This week, the Hang Seng tumbled 8.5%": a recap
            state.recap_lead = True  # up to the story's day; a day its lead names later is one of its sessions
        if moved and implicit and paragraph in state.lead and state.session is None and story.LIVE_LEAD.search(text):
            _set_session(state, state.context.published, _("the lead reports the session as it trades"))
        if not (moved and not implicit and paragraph in state.lead and state.session is None and state.preview is None
                and not state.recap_lead
                and date is not None and not date.is_range and date.kind in ("absolute", "weekday", "relative")
                and story.in_window(date.start_date, state.context.published) and not story.earlier_move(text, date.end)
                and (regional or market_of(text, found, state) == state.context.place)):
            break
        _set_session(state, date.start_date, _("the day of the lead's move ('{words}')").format(words=date.text))
    return expressions, at, period, (date, implicit, tz)


def _session_filled(e: DateExpression, date: DateExpression | None) -> DateExpression:
    """'Through the day', 'intraday': the day of its own clause, once that is known."""
    if e.kind != "session" or date is None or date.is_range:
        return e
    return replace(e, start_date=date.start_date, end_date=date.start_date, reason="",
                   rule="the trading day of its own sentence")
