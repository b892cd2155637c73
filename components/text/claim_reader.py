"""Numeric claims of any article, figure by figure: whose figure it is, which session, and what it measures.

Every figure of a clause becomes an :class:`~components.analysis.article_claims.ArticleClaim` with the rules' trail:

* **whose**: :mod:`components.text.claim_subjects` (the subject of its verb, shared out "respectively",
  attached in brackets, ...); a reference ("its shares", "the index", "the benchmark") points back to the last
  company or index named, and a name the app does not know stays that name: never another company's listing;
* **what it measures** (:data:`MEASURE_RULES`, first match wins): premarket and after-hours, a time of day
  before the close, the open, a ranking or a run of sessions, the day's high or low, a period ("for the week",
  "so far this year"), a level, a change in points, else the day's move; figures of revenue, profit, a stake,
  a target or turnover are not prices;
* **which session** (:mod:`components.text.claim_sessions`): a day written in the figure's own stretch ("wiping
  out a 1.3% rise on Wednesday"), else its clause's day, else the previous move of its paragraph, else the session
  the story reports (:meth:`~components.text.reader.Reading.story_day`).

A figure whose listing, session or measure no rule settles is still listed, with ``unsure`` saying which and
why: the checker then says "not sure" instead of a verdict.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from components.analysis.article_claims import MOMENT, ArticleClaim
from components.data.listings import company_named
from components.facts import MAX_ARTICLE_CLAIMS, MAX_SENTENCE_FIGURES, MAX_SHARERS
from components.locale import N_, _, ngettext
from components.locale.formats import date_as
from components.text import (
    claim_periods,
    claim_sessions,
    clause_parts,
    extreme_bases,
    figure_days,
    live_reports,
    name_codes,
    period_levels,
    run_figures,
    runs,
    story_lines,
)
from components.text import entities as E
from components.text import lexicon as L
from components.text import story as story_sessions
from components.text.claim_subjects import Owner, owners
from components.text.clause_dates import finished
from components.text.measure_rules import measure_of
from components.text.not_prices import not_a_price
from components.text.quantities import Quantity, quantities
from components.text.reader import Clause, Reading, read_article

PLACES = {"": N_("read from the text"), "HK": N_("Hong Kong (an Asian report)"),  # shown through _()
          "US": N_("New York (a US report)")}
_FOREIGN = N_("the text is not in English, the one language the reader reads: its subjects and days are guesses")
_PREMARKET = re.compile(r"\b(?:pre-?market|futures|(?:ahead of|before) " + L.OPENING_BELL + r"|ahead of the open)\b",
                        re.IGNORECASE)
_CLOSING = L.patterns(L.CLOSING)
_LAST_CLOSE = re.compile(r"\b(?:last|previous|prior) clos(?:e|ing)(?: level| price)? (?:of|at)\s(?:about |around )?$",
                         re.IGNORECASE)
_BEAT = L.patterns(L.BEAT)
# "• Alibaba rose 3%": an item with its own subject ("--Highest closing value since ..." is a ranking, not one)
_OWN_SUBJECT = re.compile(r"^\W*(?!(?:Highest|Lowest|Largest|Biggest|Longest|Best|Worst|Strongest|Weakest|Today)\b)"
                          r"(?:[A-Z][\w.&'’-]*\s){1,4}(?:" + L.alternation(sorted(L.inflections(
                              L.VERBAL_MOVE_VERBS + ("add", "lose", "gain")))) + r")\b")
_BULLET = re.compile(r"^\s*(?:--|[•·▪●–—-])\s*(?=[A-Z])")  # a list item: "--Up 76.40 points", "• Down 2%"
_WHEN = re.compile(r"\bwhen\b[^.;,]*$", re.IGNORECASE)  # "... since March 7, when the market rose for four days"


@dataclass
class _Story:
    """What the text has said so far: the last company and index named, and a story-wide mid-session marker."""

    reading: Reading
    memory: E.Memory
    intraday: str = ""
    morning: bool = False  # a report of the morning session: even its "closing" figures are the midday break's
    intraday_markets: frozenset[str] = frozenset()  # the markets a live marker is about; empty: every market
    before_open: bool = False  # a US story written before the session opened ("futures rose ahead of the bell")
    opening: str = ""  # a report of the open ("opened higher Tuesday"): the words that say so
    claims: list[ArticleClaim] = field(default_factory=list)
    lead: E.Mention | None = None  # the listing the last line that is not a list item named: its items' subject


def article_title(text: str) -> str:
    """A short name for an article a user brought: its "Title:" line, else its first line that is not a header
    line (plain text); "" for a text without one."""
    lines = [line.strip() for line in text.splitlines()[:40] if line.strip()]
    title = next((line.split(":", 1)[1].strip() for line in lines if line.lower().startswith(("title:",
                                                                                              "headline:"))), "")
    first = title or next((line for line in lines if not re.match(r"^(?:URL|Source|Published|Date|By)\b\s*:",
                                                                  line, re.IGNORECASE)), "")
    return first[:70] + ("…" if len(first) > 70 else "")


def claims_of_text(text: str, published: dt.date | str, *, place: str | None = None) -> tuple[Reading,
                                                                                             list[ArticleClaim]]:
    """The text read (with a notice for each limit reached), and its claims; ValueError for text over the limit or a
    bad date."""
    reading = read_article(text, published, place=place)
    notices: list[str] = []
    claims = read_claims(reading, notices)
    return replace(reading, notices=reading.notices + tuple(notices)), claims


def read_claims(reading: Reading, notices: list[str] | None = None) -> list[ArticleClaim]:
    """Every claim of a text already read, in order, at most MAX_ARTICLE_CLAIMS (and MAX_SENTENCE_FIGURES of one
    sentence); each limit reached is added to ``notices``."""
    lead = [c.text for c in reading.clauses if not c.heading][:4]
    marker, markets = live_reports.live_marker(reading, lead)
    morning = live_reports.morning_report(reading)
    before_open = reading.place == "US" and any(_PREMARKET.search(text) for text in lead)
    marker = "" if before_open and marker.lower().startswith("as of") else marker  # "As of 8.15 am ET": premarket
    story = _Story(reading, E.Memory(reading.place, reading.company), morning or marker, bool(morning),
                   intraday_markets=frozenset() if morning else markets, before_open=before_open,
                   opening=live_reports.opening_report(reading, lead))
    notices = notices if notices is not None else []
    for clause in reading.clauses:
        if len(story.claims) >= MAX_ARTICLE_CLAIMS:
            notices.append(_("Only the first {limit} figures of the text were read and checked.").format(
                limit=MAX_ARTICLE_CLAIMS))
            break
        story.claims += _clause_claims(clause, story, notices)
    english = story_lines.reads_as_english(" ".join(c.text for c in reading.clauses))  # else "fell" is unread
    return story.claims if english else [replace(c, unsure=c.unsure or _(_FOREIGN)) for c in story.claims]


_OR = re.compile(r"\s*(?:,\s*)?(?:or|\()\s*")  # "76.40 points or 1.63%", "76.40 points (1.63%)"


def _paired(out: list[ArticleClaim], qs: list[Quantity], text: str) -> list[ArticleClaim]:
    """Two figures of one move ("up 76.40 points or 1.63% over the last three trading days"): the one its clause
    measures over a period, the other too (its words may stand nearer the other figure)."""
    for i in range(min(len(out), len(qs)) - 1):
        joint = _OR.match(text, qs[i].end)
        if joint is None or joint.end() != qs[i + 1].start:
            continue
        for j, other in ((i, out[i + 1]), (i + 1, out[i])):
            mine, family = out[j], _PAIRED.get(other.measure)
            if mine.measure in ("day", "points") and family and mine.symbol == other.symbol:
                rule = _("measure: {rule}").format(rule=_("'{words}' is one move said twice: the measure of its "
                                                          "pair").format(words=text[qs[i].start:qs[i + 1].end]))
                out[j] = replace(mine, measure=family[mine.measure == "points"], since=other.since,
                                 since_rule=other.since_rule, day=other.day, trail=mine.trail[:3] + (rule,),
                                 unsure="")  # the trail: whose, listing, session, measure
    return out


# the measures a move's other figure takes from it: (in percent, in points)
_PAIRED = {m: pair for pair in (("period", "period_points"), ("high_move", "high_points"), ("low_move", "low_points"),
                                ("open_move", "open_points")) for m in pair}


# a price in brackets right after another, the same price in another currency: "at HKD519.50 (USD66.85)"
_CONVERTED = re.compile(r"\d\s?\($")


def _clause_claims(clause: Clause, story: _Story, notices: list[str]) -> list[ArticleClaim]:
    text = clause.text
    found = story.memory.read(text)
    if not _BULLET.match(text):
        story.lead = next((m for m in reversed(found) if m.kind in E.LISTING_KINDS and m.symbol), story.lead)
    elif story.lead is not None and not _OWN_SUBJECT.match(text):
        # "The S&P 500 is up 0.42% today" then "--Up 1.63% over three days": the item's subject is its lead's, not a
        # name an earlier item gave in passing ("--Up 23.96% from the Inauguration Day close")
        found = [replace(story.lead, start=0, end=0, cue="", alone=False, rule=_(
            "a list item under '{words}', with no subject of its own").format(words=story.lead.text)),
                 *(m for m in found if m.text.lower() not in ("it", "its"))]  # "--Month-to-date it is up": the lead
    qs = [q for q in quantities(text) if not (q.kind == "money" and text[max(0, q.start - 1):q.start] == "("
                                              or q.kind == "level" and _CONVERTED.search(text, 0, q.start))]
    room = min(MAX_SENTENCE_FIGURES, MAX_ARTICLE_CLAIMS - len(story.claims))
    if len(qs) > room:
        if len(qs) > MAX_SENTENCE_FIGURES:
            notices.append(_("Sentence {number} has {count} figures; only the first {limit} were read.").format(
                number=clause.sentence_index + 1, count=len(qs), limit=MAX_SENTENCE_FIGURES))
        qs = qs[:room]
    owned = owners(text, qs, found)
    out = period_levels.placed(_paired([_claim(q, owner, clause, story, len(story.claims) + i) for i, (q, owner) in
                                        enumerate(zip(qs, owned))], qs, text), qs, clause)
    for q, owner in zip(qs, owned):  # "the Hang Seng Index and the China Enterprises Index rose around 4%": each one
        for m in owner.also[:MAX_SHARERS]:
            if len(story.claims) + len(out) >= MAX_ARTICLE_CLAIMS:
                break
            out.append(_claim(q, replace(owner, subject=m, also=(), rule=_("'{words}' shares it with '{other}'").format(
                words=m.text, other=owner.subject.text)), clause, story, len(story.claims) + len(out)))
    beat = _BEAT.search(text)
    if beat and not any(c.measure == "fundamental" for c in out):
        out.append(ArticleClaim(f"claim-{len(story.claims) + len(out) + 1:03d}", clause.sentence, beat.group(),
                                "fundamental", sentence_index=clause.sentence_index, reason=_(L.FUNDAMENTALS_REASON)))
    return out


_TABLE_CELL = N_("one cell of a table's row: the app does not read which period its column stands for")
def _subject_words(s) -> str:
    """The figure's subject as a reader names it: an unknown company by its name, even when the figure's words only
    point back to it ("Carnival, whose shares fell": "Carnival", not "shares")."""
    return "" if s is None else s.name if s.kind == "other" and s.name else s.text


_EXTREME_MOVES = ("high_move", "low_move", "high_points", "low_points", "high_level", "low_level")
_AT_A_MOMENT = re.compile(L.AT_A_MOMENT, re.IGNORECASE)
_TABLE_ROW = re.compile(r"(?:[-+−]?\d[\d.,]*\s?%\s+){2,}[-+−]?\d[\d.,]*\s?%")  # three or more figures in a row


def _claim(q: Quantity, owner: Owner, clause: Clause, story: _Story, n: int) -> ArticleClaim:
    base = dict(id=f"claim-{n + 1:03d}", sentence=clause.sentence, quote=q.text, sentence_index=clause.sentence_index,
                value=q.value, decimals=q.decimals, qualifier=q.qualifier, direction=owner.direction,
                subject=_subject_words(owner.subject))
    settled = not_a_price(q, owner, clause.text)
    if settled is not None:
        return ArticleClaim(measure=settled[0], reason=settled[1], **base)
    listing, listing_rule, unsure, unlisted = _listing(q, owner, story, clause.text)
    market = owner.subject.market if owner.subject and owner.subject.market else story.reading.place
    day, day_rule, written = claim_sessions.session(q, clause, story, market)
    measure, reason, measure_rule, unsure_measure = measure_of(q, owner, clause, story, day)
    if measure in _EXTREME_MOVES and not q.qualifier and _AT_A_MOMENT.search(clause.text, max(0, q.start - 60),
                                                                                 q.start):
        base["qualifier"] = MOMENT  # "at one point dropping 2,981 points": a price the session passed
    framed = _framed(q, clause, story, market, measure, day, written)
    if framed is not None:
        measure, measure_rule, day, written, extra = framed
        reason, unsure_measure = "", extra.pop("unsure", "")
        day_rule = measure_rule if "day" in extra else day_rule
    vague = claim_periods.unresolved_day(clause, q)
    spans = vague is not None and vague.kind in ("span", "since")  # "slumped 12% over the past few months"
    if vague is not None and (spans or not written):  # "to $117.59 the next day": which day, the text does not say
        vaguely = vague.reason if spans else _("'{words}' {why}").format(
            words=vague.text, why=vague.reason or _("names a day the text does not give"))
        unsure = "; ".join(x for x in (unsure, vaguely) if x)
    if _TABLE_ROW.search(clause.text):  # "Dow 5.6% -1.7% 8.2%" under "Index Q1 Q2 Q3"
        unsure = "; ".join(x for x in (unsure, _(_TABLE_CELL)) if x)
    if day is not None and day > story.reading.published:  # "may take further damage on Wednesday"
        unsure = "; ".join(x for x in (unsure, _("{day} is after the article was published: a forecast, not a price "
                                                 "it had seen").format(day=date_as(day, "date"))) if x)
    fields = dict(symbol=listing, listing_rule=listing_rule, unlisted=unlisted, day=day, day_rule=day_rule,
                  written_day=written, closing=bool(_CLOSING.search(clause.text[max(0, q.start - 30):q.start])),
                  reason=reason,
                  unsure="; ".join(x for x in (unsure, unsure_measure) if x),
                  trail=(_("whose: {rule}").format(rule=owner.rule), _("listing: {rule}").format(rule=listing_rule),
                         _("session: {rule}").format(rule=day_rule), _("measure: {rule}").format(rule=measure_rule)))
    if framed is not None:
        fields.update({k: v for k, v in extra.items() if k != "day"})
    elif measure in ("period", "period_points", "rank", "streak"):
        fields.update(claim_periods.period_fields(q, clause, measure, day))
        if measure in ("period", "period_points") and fields["day"] == day and not written and \
                (told := run_figures.before_now(clause, q, day, story.reading, market)):  # "Before today, it had"
            fields.update(day=told[0], written_day=False, day_rule=told[1], trail=fields["trail"][:2] + (_(
                "session: {rule}").format(rule=told[1]),) + fields["trail"][3:])
    if measure == "rank":
        either = q.text.lower().startswith(("a level", "level"))  # "a level not seen since": the highest or lowest
        fields.update(sign=q.rank_sign or owner.direction or (0 if either else 1), rank_of=q.rank_of or "close",
                      nth=q.nth)
    if measure == "streak":
        fields.update(sign=q.rank_sign or owner.direction, count=q.count, unit=runs.unit_of(q, clause.text))
    return ArticleClaim(measure=measure, **base, **fields)


def _framed(q: Quantity, clause: Clause, story: _Story, market: str, measure: str, day: dt.date | None,
            written: bool) -> tuple[str, str, dt.date, bool, dict] | None:
    """What the words around a figure make of it, as (measure, rule, session, day written, fields), or None:

    * "compared to the index's last close of 19,000": the level of the session before the story's;
    * "tracked higher in seven straight sessions, soaring 4.1 percent along the way": a move over that run;
    * a paragraph opening with a period ("Over the full lunar year, ...") or a section head ("For the week:"):
      a move over it, for a figure that names no day of its own."""
    if day is None:
        return None
    dated = _from_dated_extreme(q, clause, story, market)
    if dated is not None:
        return dated
    if measure == "streak" and _WHEN.search(clause.text, max(0, q.start - 80), q.start):
        when = figure_days.when_day(clause, q)  # "since Wednesday, Dec. 24, 2025, when the market rose for ..."
        if when is not None:
            last = story_sessions.last_session(market, when)
            return "streak", _("'{words}': a run ending {day}, the day written before 'when'").format(
                words=q.text, day=date_as(last, "weekday_day")), last, True, {"day": last}
        rule = _("'{words}' is a run at a time the text does not date ('when …')").format(words=q.text)
        return "streak", rule, day, False, {"day": day, "unsure": rule}
    before = run_figures.BEFORE_NOW.search(clause.text, 0, q.start) if measure == "streak" else None  # "had rallied"
    if measure == "streak" and (runs.ended_by(clause.text, q) or before):  # "snapping a three-day losing streak":
        # ended before; "rose 1.2% last week, its first weekly gain in three weeks": before the week of the clause
        ended = min([p.end_date for p in (*clause.periods, clause.date) if p and p.is_range and p.end_date < day
                     and not clause_parts.looks_back(clause.text, p)]  # not "the steepest since early April"
                    + [story_sessions.previous_session(market, day) if before else day])
        last, rule = runs.run_end(clause.text, q, ended, market)
        return "streak", rule, last or day, False, {"day": last or day} | ({} if last else {"unsure": rule})
    on = claim_periods.dated_base(clause, q) if measure == "level" else None
    if on is not None and (standing := story_sessions.last_session(market, on.start_date)) != on.start_date:
        return "level", _("'{words}': the market was closed that day, so the close standing then, of {day}").format(
            words=on.text, day=date_as(standing, "weekday_day")), standing, True, {"day": standing}
    last = _LAST_CLOSE.search(clause.text[max(0, q.start - 40):q.start]) if q.kind == "level" else None
    if last is not None:
        preview = story.reading.preview
        day = story_sessions.previous_session(market, preview[0] if preview else day)
        return "level", _("'{words}': the close of the session before ({day})").format(
            words=last.group().strip(), day=date_as(day, "weekday_day")), day, False, {"day": day}
    if (run := run_figures.framed_run(clause, q, measure, market, day)) is not None:  # "the two-day winning streak
        return run[0], run[1], run[2], written, run[3]  # in which it had advanced 0.7 percent": that run's move
    if measure not in ("day", "points") or claim_periods.own_day(clause, q):
        return None
    period = run_figures.PERIOD_OF[measure]
    if written:  # a day carried from the move before it: a recap's period carries too
        return _recap(clause, story, period)
    in_run = _in_a_run(q, clause, market, day, period)
    if in_run is not None:
        return in_run
    run = run_figures.run_before(clause, q)
    over = run_figures.over_run(run, clause, market, day) if run is not None else None
    if over is not None:
        return period, over[0], over[1]["day"], written, over[1]
    under = clause.section if clause.section is not None and clause.section.is_range else None
    opened = under or claim_periods.paragraph_period(clause, story.reading.clauses)
    if opened is not None and opened.start_date <= day:  # never a period yet to come ("Next week, ...")
        return period, _("'{words}' opens its paragraph: a move over {first} to {last}").format(
            words=opened.text, first=date_as(opened.start_date, "date"), last=date_as(opened.end_date, "date")), \
            day, written, claim_periods.paragraph_fields(opened, day)
    return _recap(clause, story, period)


def _recap(clause: Clause, story: _Story, period: str) -> tuple | None:
    """A recap of a finished period ("the Hang Seng Index rose by 17.7% in 2024" in a story of 2 January): a figure
    later in the paragraph that names no day or period of its own is that period's move too ("The H-share index and
    the Tech Index increased by 26.4% and 18.7%, respectively"), as its clause's date is (:mod:`clause_dates`)."""
    e = clause.date
    if not clause.implicit or not finished(e, story.reading.published):
        return None
    return period, clause.implicit, e.end_date, False, {"since": e.start_date, "since_rule": clause.implicit,
                                                         "day": e.end_date}


def _from_dated_extreme(q: Quantity, clause: Clause, story: _Story, market: str) -> tuple | None:
    """"Has risen 20% from a January low": on the story's session (or the clause's own day), from the lowest close
    of that period; not a low with its own date ("... high of 4796.56 hit Jan. 3", a dated base)."""
    if not extreme_bases.names_extreme(q, clause.text):  # most figures: no story day to work out
        return None
    story_day = story.reading.story_day(market)[0]
    dated = extreme_bases.from_dated_extreme(q, clause.text, story.reading.published, story_day)
    if dated is None or claim_periods.base_day(clause, q) is not None:
        return None
    own = claim_periods.own_day(clause, q)
    on = own.start_date if own is not None and not own.is_range else story_day
    return ("period" if q.kind == "percent" else "period_points"), dated.pop("rule"), on, own is not None, \
        dated | {"day": on}


def _in_a_run(q: Quantity, clause: Clause, market: str, day: dt.date, period: str) -> tuple | None:
    """A figure inside the run it is the move of ("ending a four-day 5.3 per cent rally"): that run's sessions, ended
    the session before when the clause ended it; None otherwise."""
    run_of = run_figures.run_figure(clause, q)
    if run_of is None:
        return None
    count, words, at = run_of
    last = story_sessions.previous_session(market, day) if runs.ENDED.search(clause.text, max(0, at - 40), at) \
        else day
    since = story_sessions.sessions_back(market, last, count)
    return period, _("'{words}': the move of that run, to {day}").format(words=words, day=date_as(last, "date")), \
        last, False, {"day": last, "since": since, "since_rule": ngettext(
            "the {count} session from {day}", "the {count} sessions from {day}", count).format(
            count=count, day=date_as(since, "date"))}


def _currency_near(q: Quantity, text: str) -> str:
    """The currency of a price right after a move ("rose 2% to nearly $75"), else of the price its sentence gave just
    before ("fell 11% to $89.37 at the close, down 21.4% for the month"): it names the listing too."""
    m = re.match(r"^[\s\w,]{0,24}?\bto (?:\w+ )?(HK\$|US\$|\$)\d", text[q.end:q.end + 40])
    before = re.findall(r"\b(?:to|at) (?:\w+ )?(HK\$|US\$|\$)\d", text[max(0, q.start - 60):q.start])
    return m.group(1) if m else before[-1] if before else ""


def _listing(q: Quantity, owner: Owner, story: _Story, text: str) -> tuple[str | None, str, str, str]:
    """(symbol, rule, why unsure, why it has no listing: "group", "unknown" or "") of the figure's subject; a
    currency picks a dual-listed company's listing."""
    s = owner.subject
    if s is None:
        return None, _("no listing is named for this figure"), _("no listing is named for it"), ""
    if s.kind == "group":
        return None, _("'{words}': a group of stocks, no single listing").format(words=s.text), "", "group"
    if s.kind in ("company_ref", "index_ref"):
        return None, _("'{words}' points back to nothing named before").format(words=s.text), _(
            "'{words}' points back to nothing named").format(words=s.text), ""
    company = company_named(s.name) if s.kind == "company" else None
    currency = q.currency or (_currency_near(q, text) if not s.cue else "")
    if company and currency:
        market = "HK" if currency.startswith("HK") else ("US" if currency in ("$", "US$", "USD") else "")
        if market and company.symbol_for(market) and market in company.symbols:
            return company.symbol_for(market), _("{name} in {currency}: {symbol}").format(
                name=s.name, currency=currency, symbol=company.symbol_for(market)), "", ""
    where = name_codes.market_after(text, q.end) if company else None
    if where is not None and company.symbols.get(where[0]) and company.symbols[where[0]] != s.symbol:
        symbol = company.symbols[where[0]]  # "surging 19% in Hong Kong and closing up nearly 13% in New York"
        return symbol, _("'{words}' right after the figure: {symbol}").format(words=where[1], symbol=symbol), "", ""
    if s.symbol is None:
        return None, _("{rule}; the app has no prices for {name}").format(rule=s.rule, name=s.name or s.text), "", \
            "unknown"
    unsure = ""
    defaulted = story.reading.place_defaulted and s.alone
    if company and len(company.symbols) > 1 and defaulted:
        unsure = _("{name} trades in several markets and the article does not say which").format(name=s.name)
    return s.symbol, s.rule, unsure, ""
