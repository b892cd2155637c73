"""Reading a market report: each clause with its date, its listings and whether it reports a move.

``read_article(text, published)`` splits the text into paragraphs, sentences and clauses (a
sentence's parts between semicolons) and resolves every date expression against the publication
date and what the text said before it. The rules, stated once (README, "Reading another article"):

* a **written date** wins: a day before a period, and in a clause with a subordinate part (", which
  ...", ", after ...") a day of the main part before one of the subordinate part;
* a clause reporting a **market move** (a price figure, "highest level since ...") without a day of
  its own belongs to the day of the previous move of its paragraph, else to the **publication
  session**; for a US listing in an Asian report that is the last US session before publication.
  A move measured over a period ("so far this year", "over the past 12 months") is a period
  statistic, never a day;
* **spans and look-backs** never date an event; a clause with nothing but a span keeps the span;
* **references** ("that same day") count from the last day written, never from an implied one;
* an **event cue** with no date stays undated and is listed, never given the publication date.

The article's place (its market) comes from its dateline or the markets it names; its company is
the one it names most, whose fiscal year sets what "third-quarter" means. Datelines, photo
captions and header lines ("URL:", "Published:") are set aside. Work is bounded: at most
MAX_SENTENCES sentences of at most MAX_SENTENCE_CHARS characters each, every one said in a notice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Mapping

from components.data.listings import COMPANY_RE, Company, company_named
from components.facts import MAX_SENTENCE_CHARS, MAX_SENTENCES
from components.text import clause_parts, figures, listings_text, periods
from components.text.date_types import Context, DateExpression, checked_date, one_day
from components.text.dates import find_date_expressions
from components.text.listings_text import Listing
from components.text.sentences import checked_text, split_sentences
from components.text.titles import is_caption, strip_dateline

MARKET_TZ = {"HK": "Asia/Hong_Kong", "US": "America/New_York", "CN": "Asia/Shanghai", "JP": "Asia/Tokyo"}
DAY_KINDS = ("absolute", "weekday", "relative", "overnight", "reference", "offset")
PERIOD_KINDS = ("span", "since")  # a move over one of these is a period statistic
_HEADER = re.compile(r"^(?P<key>URL|Source|Title|Headline|Published|Date|Author|By|Byline):\s*(?P<value>.*)$",
                     re.IGNORECASE)
_OUTLET = re.compile(r"\s\([A-Z][\w .&'-]{1,40}\)$")


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
    listings: tuple[Listing, ...]
    second: DateExpression | None = None  # a day only an aside or reported speech gives: a second event
    second_text: str = ""

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

    def story_day(self, market: str) -> tuple[dt.date, str]:
        """The session of ``market`` a figure means when neither it nor its paragraph gives a day, and why."""
        return publication_day(self.place, market, self.published)


@dataclass
class _State:
    """What the text has said so far: the last day and quarter written, the last listing, the last move."""

    context: Context
    last: Listing | None = None  # the last company listing named
    last_index: Listing | None = None  # the last index named
    move: tuple[int, DateExpression, str] | None = None  # (paragraph, date, tz) of the last written move
    notices: list[str] = field(default_factory=list)
    company: Company | None = None


def read_article(text: str, published: dt.date | str, *, place: str | None = None,
                 anchors: Mapping[str, dt.date] | None = None) -> Reading:
    """Read a text (see the module's docstring); ValueError for text over MAX_ARTICLE_CHARS or a bad date."""
    clean, day = checked_text(text), checked_date(published)
    lines, skipped, notices, dateline = _lines(clean, day)
    found_place, place_rule = listings_text.article_place(clean, dateline)
    place = place or found_place
    place_rule = place_rule if place == found_place else "chosen by hand"
    company = listings_text.main_company(clean)
    context = Context(day, anchors or {}, place=place, fiscal_end=company.fiscal_year_end if company else 12)
    state, clauses, sentences = _State(context, notices=notices, company=company), [], 0
    for paragraph, line, heading in lines:
        if sentences >= MAX_SENTENCES:
            _notice_once(state, f"Only the first {MAX_SENTENCES:,} sentences were read; the rest of the text was not.")
            break
        read, count = _sentences(line, sentences, state)
        sentences += count
        for sentence_index, sentence in read:
            for part in _parts(sentence):
                clauses.append(_read_clause(len(clauses), sentence_index, paragraph, part, sentence, heading, state))
    return Reading(day, place, place_rule, company, tuple(clauses), tuple(state.notices), tuple(skipped))


def _lines(text: str, published: dt.date) -> tuple[list[tuple[int, str, bool]], list, list[str], str]:
    """The story's lines as (paragraph, text, is heading), with header lines, captions and datelines set aside."""
    lines, skipped, notices, dateline = [], [], [], ""
    for number, raw in enumerate(line.strip() for line in text.split("\n")):
        if not raw:
            continue
        header = _HEADER.match(raw) if number < 8 else None
        if header and header.group("key").lower() not in ("title", "headline"):
            skipped.append((raw[:200], "a header line"))
            notices += _published_notice(header, published)
            continue
        if is_caption(raw):
            skipped.append((raw[:200], "a photo caption or credit: its date is the picture's, not an event's"))
            continue
        city, rest = strip_dateline(raw)
        if city:
            skipped.append((raw[:len(raw) - len(rest)].strip(), "a dateline: where the story was filed"))
            dateline = dateline or city
        title = header.group("value") if header else ""
        lines.append((len(lines), _OUTLET.sub("", title) if title else rest, bool(title)))
    return lines, skipped, notices, dateline


def _published_notice(header: re.Match, published: dt.date) -> list[str]:
    if header.group("key").lower() not in ("published", "date"):
        return []
    written = re.search(r"\d{4}-\d{2}-\d{2}", header.group("value"))
    if written and written.group() != published.isoformat():
        return [f"The text says it was published {written.group()}; dates are read against {published.isoformat()}, "
                "the date given. Change the publication date if the text is right."]
    return []


def _sentences(line: str, first: int, state: _State) -> tuple[list[tuple[int, str]], int]:
    """The line's sentences to read, numbered on from ``first``, and how many the line has."""
    out, pieces = [], split_sentences(line)
    for offset, sentence in enumerate(pieces):
        number = first + offset
        if number >= MAX_SENTENCES:
            _notice_once(state, f"Only the first {MAX_SENTENCES:,} sentences were read; the rest of the text was not.")
            break
        if len(sentence) > MAX_SENTENCE_CHARS:
            state.notices.append(f"Sentence {number + 1} is {len(sentence):,} characters long; only its first "
                                 f"{MAX_SENTENCE_CHARS:,} were read.")
            sentence = sentence[:MAX_SENTENCE_CHARS]
        out.append((number, sentence))
    return out, len(pieces)


def _notice_once(state: _State, notice: str) -> None:
    if notice not in state.notices:
        state.notices.append(notice)


# ", and China retaliated ...": a coordinated clause with a subject of its own is a clause of its own
_AND_CLAUSE = re.compile(r",\s(?:and|but|while)\s(?=(?:[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*)*|it|they|its|their)"
                         r"\s(?:[a-z]+\s){0,2}?(?:said|announced|reported|retaliated|rose|fell|gained|lost|added|slipped"
                         r"|climbed|dropped|jumped|slid|declined|surged|tumbled|ended|closed|was|were|is|has|had|will)\b)")


def _parts(sentence: str) -> list[str]:
    """A sentence's clauses: its parts between semicolons, and coordinated clauses with their own subject."""
    parts = [p.strip() for p in sentence.split(";") if p.strip()]
    return [q.strip(" ,") for p in parts for q in _AND_CLAUSE.split(p) if q.strip(" ,")]


_REREAD = ("reference", "quarter-ref", "comparison", "span")


def _expressions(text: str, state: _State) -> list[DateExpression]:
    """The clause's expressions, re-read after each day or quarter it names, so a later reference counts from it.

    Quarters follow the fiscal year of the company the clause names first, else of the article's company."""
    ctx = state.context
    named = next((c for c in map(company_named, (m.group() for m in COMPANY_RE.finditer(text))) if c), None)
    if named is not None and named.fiscal_year_end != ctx.fiscal_end:
        ctx = replace(ctx, fiscal_end=named.fiscal_year_end)
    found = find_date_expressions(text, ctx.published, context=ctx)
    for _ in range(4):  # a clause naming many days re-reads at most a few times
        anchor = next((e for e in found if _sets_anchor(e, ctx) and any(
            later.start >= e.end and later.kind in _REREAD for later in found)), None)
        if anchor is None:
            break
        ctx = _advanced(ctx, anchor)
        found = [e for e in found if e.end <= anchor.end] + [
            e for e in find_date_expressions(text, ctx.published, context=ctx) if e.start >= anchor.end]
    return found


def _sets_anchor(e: DateExpression, ctx: Context) -> bool:
    if not e.resolved:
        return False
    if e.kind in DAY_KINDS and not e.is_range:
        return e.start_date != ctx.day
    return e.kind == "quarter" and (e.start_date, e.end_date) != ctx.quarter  # a quarter named, not "the quarter"


def _advanced(ctx: Context, e: DateExpression) -> Context:
    if e.kind == "quarter":
        return replace(ctx, quarter=(e.start_date, e.end_date))
    return replace(ctx, day=e.start_date)


def _read_clause(index: int, sentence_index: int, paragraph: int, text: str, sentence: str, heading: bool,
                 state: _State) -> Clause:
    ctx = state.context
    expressions = _expressions(text, state)
    found = listings_text.listings_in(text, ctx.place, _company(state), state.last, state.last_index)
    move = figures.is_move(text) and (bool(found) or not listings_text.is_generic(text))
    period = move and _period_statistic(text, expressions)
    date, implicit, tz = _date_of(text, expressions, move and not period, found, paragraph, state, period)
    expressions = [_session_filled(e, date) for e in expressions]
    for e in expressions:
        if _sets_anchor(e, state.context):
            state.context = _advanced(state.context, e)
    companies = [f for f in found if f.symbol and not f.symbol.startswith("^") and company_named(f.name)]
    indices = [f for f in found if f.symbol and f.symbol.startswith("^")]
    state.last = companies[-1] if companies else state.last
    state.last_index = indices[-1] if indices else state.last_index
    if move and not period and date is not None and not date.is_range:
        state.move = (paragraph, date, tz)
    days = [e for e in expressions if e.resolved and e.text and (e.kind == "weekend" or (
        e.kind in DAY_KINDS and not e.is_range))]  # a weekend dates a second event as its two days
    second = clause_parts.second_event(text, days, date)
    return Clause(index, sentence_index, paragraph, text, sentence, heading, tuple(expressions), date, implicit, tz,
                  move, period, tuple(found), *(second or (None, "")))


def _company(state: _State) -> Company | None:
    """The company a bare "its shares" means: the last listing's company, else the article's."""
    return (company_named(state.last.name) if state.last else None) or state.company


def _period_statistic(text: str, expressions: list[DateExpression]) -> bool:
    """A move whose figure is measured over a span ("up 70% so far this year"), not a ranking's look-back
    nor a span of another part of the clause ("fell 6% after it cut prices for the second time this year")."""
    lo, hi = clause_parts.segment(text, _move_at(text))
    spans = [e for e in expressions if (e.kind in PERIOD_KINDS or (e.kind == "relative" and e.is_range))
             and (lo <= e.start < hi or e.start < 5)]  # in the figure's stretch, or opening the clause
    if not spans:
        return False
    ranks = figures.find_superlatives(text)
    return any(not any(r.end <= s.start and s.start - r.end < 40 for r in ranks) for s in spans)


def _move_at(text: str) -> int:
    """Where a move's figure (or ranking) stands in its clause."""
    spots = [f.start for f in figures.find_figures(text) if f.subject in ("price", "") and f.kind != "money"]
    spots += [r.start for r in figures.find_superlatives(text)]
    aside = clause_parts.asides(text)  # "The stock, which touched its highest since 2021, has climbed 60%"
    main = [at for at in spots if not any(a <= at < b for a, b in aside)]
    return min(main or spots, default=0)


def _date_of(text: str, expressions: list[DateExpression], dated_move: bool, found: list[Listing], paragraph: int,
             state: _State, period: bool = False) -> tuple[DateExpression | None, str, str]:
    """The clause's date expression, the implicit rule ("" when written) and the zone of the day.

    A move over a period keeps its span unless its main part names a day: a day of its subordinate part
    ("rallied 4% last week after Beijing pledged support on Friday") is another event's."""
    days = [e for e in expressions if e.resolved and e.kind in DAY_KINDS and not e.is_range]
    if period:
        days = [e for e in days if e.start < clause_parts.main_end(text)]
    chosen = clause_parts.move_day(text, days, _move_at(text)) if dated_move else clause_parts.main_day(text, days)
    if chosen is not None:
        return chosen, "", chosen.tz or _listing_tz(found, state)
    if dated_move:
        return _implicit(text, found, paragraph, state)
    ranges = [e for e in expressions if e.resolved and e.kind not in ("comparison", "session")
              and (e.is_range or e.kind not in DAY_KINDS or e in days)]  # a subordinate part's day stays its own
    narrow = [e for e in ranges if e.kind not in PERIOD_KINDS] or ranges
    chosen = min(narrow, key=lambda e: ((e.end_date - e.start_date).days, e.start), default=None)
    return chosen, "", MARKET_TZ.get(state.context.place, MARKET_TZ["HK"])


def _listing_tz(found: list[Listing], state: _State) -> str:
    markets = {f.market for f in found if f.symbol}
    market = next(iter(markets)) if len(markets) == 1 else state.context.place
    return MARKET_TZ.get(market, MARKET_TZ["HK"])


def _implicit(text: str, found: list[Listing], paragraph: int, state: _State) -> tuple[DateExpression, str, str]:
    """A move without a day: the last move of the paragraph, else the publication session of its listing."""
    ctx = state.context
    if state.move and state.move[0] == paragraph:
        _, date, tz = state.move
        rule = f"the day of the previous move in its paragraph ({date.text or date.rule})"
        return replace(date, text="", start=0, end=0), rule, tz
    markets = {f.market for f in found if f.symbol} or ({state.last.market} if state.last else {ctx.place})
    market = markets.pop() if len(markets) == 1 else ctx.place
    day, rule = publication_day(ctx.place, market, ctx.published)
    expr = DateExpression("", 0, 0, "implicit", *one_day(day), rule)
    return expr, rule, MARKET_TZ.get(market, MARKET_TZ["HK"])


def publication_day(place: str, market: str, published: dt.date) -> tuple[dt.date, str]:
    """The session a report means when it gives no day: the publication day, or for a US listing in an
    Asian report the weekday before it (the US session of that day had not begun)."""
    if place in periods.ASIAN_PLACES and market == "US":
        return periods.previous_weekday(published), ("no date of its own: the last US session before this Asian "
                                                     "report's publication")
    return published, "no date of its own: the publication session"


def _session_filled(e: DateExpression, date: DateExpression | None) -> DateExpression:
    """'Through the day', 'intraday': the day of its own clause, once that is known."""
    if e.kind != "session" or date is None or date.is_range:
        return e
    return replace(e, start_date=date.start_date, end_date=date.start_date, reason="",
                   rule="the trading day of its own sentence")
