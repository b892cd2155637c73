"""Candidate events from another article: clauses, their dates and event cues, read by the reader.

``propose_events(text, published)`` reads the text with :func:`components.text.reader.read_article`
and proposes one candidate per clause that has a date (written, or the implied day of a market
move) or an event cue ("unveiled", "shares rose", "IPO", "plans to", ...). Every rule is named in
the result. What cannot be dated is listed in ``unresolved`` with its reason and never given the
publication date: an expression such as "soon" or "in recent months", an event cue in a clause
without a date, and a named event ("the launch of the X model") that the text does not date.

The text is untrusted. Nothing here produces HTML: every field is plain text for a page to render
escaped. Input longer than ``MAX_ARTICLE_CHARS`` is refused with a ValueError.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Mapping

from components.facts import MAX_CANDIDATES, MAX_SYMBOLS
from components.locale import _, ngettext
from components.locale.formats import date_as
from components.text import clause_parts, event_parts, lexicon, moves, periods_of, quantities, sections, side_events
from components.text.candidates import DEFAULT_TZ, NAMED_EVENT, Candidate, Extraction, Unresolved, guess_category
from components.text.candidates import cue as cue_of
from components.text.date_types import DateExpression, checked_date, tense_at
from components.text.dates import FUTURE_TENSE, find_date_expressions
from components.text.event_records import candidate_to_event_record, plain_candidates
from components.text.reader import Clause, Reading, read_article
from components.text.story_lines import CAPTION, HEADER_LINE
from components.text.titles import TITLE_MAX_CHARS, suggest_title

__all__ = ["Candidate", "Extraction", "Unresolved", "candidate_to_event_record", "guess_category", "propose_events",
           "suggest_title", "TITLE_MAX_CHARS", "checked_date"]

_NOT_LISTED = ("session", "comparison")  # filled from their own clause, or not a date of an event
_LOOK_BACKS = ("span", "since")  # "in five years", "since 2021": how far back, never the day of an event
_NOMINAL = ("quarter", "quarter-ref")  # "the quarter marked ...": the subject of its sentence, kept in a title


def _confidence(clause: Clause, others: list[DateExpression], category: str) -> str:
    best = clause.date
    if best is None:
        parts = [_("low: no date in the sentence, set the date by hand")]
    elif clause.implicit:
        parts = [_("medium: {rule}").format(rule=clause.implicit)]
    elif best.is_range:
        parts = [_("low: a period ({rule}), not a day; pick the day when saving").format(rule=best.rule)]
    elif best.kind == "absolute" and not best.note:
        parts = [_("high: the date is written out in full")]
    else:
        parts = [_("medium: {rule}").format(rule=best.rule)]
    if best is not None and best.note:
        parts.append(best.note)
    if FUTURE_TENSE.search(clause.text):
        parts.append(_("future tense: this may be an upcoming event"))
    if others:
        parts.append(_("also mentions: {expressions}").format(expressions=", ".join(f"'{e.text}'" for e in others)))
    parts.append(_("category guessed from keywords") if category != "other" else _("no category keyword, so 'other'"))
    return "; ".join(parts)


def _candidate(clause: Clause) -> Candidate | None:
    best, cue = clause.date, cue_of(clause.text)
    if (best is None and cue is None) or (best is not None and side_events.stands_alone(clause, best)) \
            or sections.is_head(clause.text):
        return None  # nothing to date, only the point a ranking looks back to (its own candidate), or a section head
    # a move's category is the move's, not that of the news its subordinate part gives ("fell after it unveiled")
    category = guess_category(clause.text[:clause_parts.main_end(clause.text)] if clause.move else clause.text)
    category = "market move" if clause.move and category == "other" else category
    others = [e for e in clause.expressions if e.resolved and e is not best and e.kind not in _NOT_LISTED]
    written = best if best is not None and not clause.implicit else None
    main = clause_parts.main_end(clause.text)  # a move's listings are its main part's ("after ... with Apple")
    listed = [f for f in clause.listings if f.symbol and (not clause.move or f.start < main)] or \
        [f for f in clause.listings if f.symbol]
    symbols = tuple(dict.fromkeys(f.symbol for f in listed))[:MAX_SYMBOLS]
    return Candidate(clause.text, clause.sentence_index, written.text if written else None,
                     best.start_date if best else None, best.end_date if best else None,
                     (best.rule if best else ""), suggest_title(clause.text, _adverbial(written, clause)),
                     category, cue, _confidence(clause, others, category), clause.tz, symbols,
                     best.qualifier if best else "")


def _second(clause: Clause) -> Candidate | None:
    """The second event of a clause: a day given only by an aside or reported speech ("said on Monday it will
    hold an investor day on Jan. 8")."""
    if clause.second is None:
        return None
    e, words = clause.second, clause.second_text
    company = next((f.name for f in clause.listings if f.symbol and not f.symbol.startswith("^")), None)
    if company:  # "it unveiled a model on Sunday" (after "Alibaba fell 5%"): the company did
        words = re.sub(r"^(?:it|the company|the group)\b", company, words, flags=re.IGNORECASE)
    at = words.find(e.text)
    title = suggest_title(words, replace(e, start=at, end=at + len(e.text)) if at >= 0 else None)
    category = guess_category(words)
    symbols = tuple(dict.fromkeys(f.symbol for f in clause.listings if f.symbol))[:MAX_SYMBOLS]
    confidence = (_("medium: {rule}; a second event of its sentence, dated by its own words; future tense: this may be "
                    "an upcoming event") if FUTURE_TENSE.search(words) else
                  _("medium: {rule}; a second event of its sentence, dated by its own words")).format(rule=e.rule)
    return Candidate(clause.text, clause.sentence_index, e.text, e.start_date, e.end_date, e.rule, title, category,
                     cue_of(words), confidence, e.tz or DEFAULT_TZ, symbols, e.qualifier)


def _adverbial(written: DateExpression | None, clause: Clause) -> DateExpression | None:
    """The date wording a title leaves out: a day or period said as an adverb, not a subject ("the quarter")."""
    if written is None:
        written = next((e for e in clause.expressions if e.kind not in _NOT_LISTED), None)
    if written is None or written.kind in _NOMINAL or written.text.endswith(("'s", "’s")):
        return None  # "Friday's gains carried ...": the date is part of the subject
    return written


def _unresolved(clause: Clause) -> list[Unresolved]:
    out = [Unresolved(clause.text, clause.sentence_index, e.text, e.reason) for e in clause.expressions
           if not e.resolved and e.kind not in _NOT_LISTED]
    spans = [(e.start, e.end) for e in clause.expressions]
    for m in NAMED_EVENT.finditer(clause.text):
        inside = any(a <= m.start() < b for a, b in spans)
        dated = any(e.resolved and 0 <= e.start - m.end() <= 15 for e in clause.expressions)
        if not inside and not dated:
            out.append(Unresolved(clause.text, clause.sentence_index, m.group(),
                                  _("an event the text names without a date; the publication date is not assumed")))
    cue = cue_of(clause.text) or event_parts.news_verb(clause.text)
    if clause.date is None and cue and not out:
        out.append(Unresolved(clause.text, clause.sentence_index, cue,
                              _("an event without a date in the text; the publication date is not assumed")))
    return out


def propose_events(text: str, published: dt.date | str, *, anchors: Mapping[str, dt.date] | None = None,
                   place: str | None = None) -> Extraction:
    """Candidate events of an article (one per qualifying clause) and what was left unresolved.

    ``place`` is the article's market ("HK", "US"); by default it is read from the text.
    ValueError when ``text`` is longer than MAX_ARTICLE_CHARS or ``published`` is not a date.
    """
    return extraction_of(read_article(text, published, place=place, anchors=anchors))


def extraction_of(reading: Reading) -> Extraction:
    """The candidates and unresolved items of a text already read."""
    candidates, unresolved, notices = [], [], list(reading.notices)
    for clause in reading.clauses:
        found, unsure = _clause_events(clause, reading)
        found = [c if c.sentence == clause.sentence else replace(c, context=clause.sentence) for c in found]
        unresolved += unsure
        if len(candidates) + len(found) > MAX_CANDIDATES:
            notices.append(_("Only the first {limit} candidate events are proposed; the text has more.").format(
                limit=MAX_CANDIDATES))
            break
        candidates += found
    unresolved += _captions(reading)
    notices += [_("Set aside {why}: “{line}”").format(why=_(why), line=line[:80]) for line, why in reading.skipped
                if why != HEADER_LINE]
    plain, notice = plain_candidates(candidates)
    return Extraction(tuple(plain), tuple(unresolved), tuple(notices + notice), reading.place, reading.place_rule)


def _clause_events(clause: Clause, reading: Reading) -> tuple[list[Candidate], list[Unresolved]]:
    """A clause's candidates and unresolved items: its main event, and each part that is an event of its own
    (see components.text.event_parts): dated by its own words or a count from its clause's day, else listed
    undated with its reason."""
    clause = _from_base(clause, reading)
    main, second = _candidate(clause), _second(clause)
    parts = event_parts.parts(clause.text)
    if len(parts) == 1:
        return _distinct([main, second, *side_events.besides(clause, reading, parts)]), _unresolved(clause)
    holder = _holder(clause, parts)
    reported = event_parts.is_report(parts[holder])  # "X is examining Y, the Times reported on Saturday"
    kept, found, unsure = set(), [], []
    for i, part in enumerate(parts):
        if i == holder:
            continue
        own = [e for e in clause.expressions if e.resolved and (e.kind not in _NOT_LISTED + _LOOK_BACKS or (
               e.kind == "span" and event_parts.ends_a_period(part))) and e is not clause.date
               and part.start <= e.start < part.end and not periods_of.covered(clause.text, e)
               and not side_events.is_reference(clause, e)  # "shy of its record close reached on Oct. 28"
               and not clause_parts.not_its_time(clause.text, e, reading.published)
               and not clause_parts.looks_back(clause.text, e)]
        own = own or _when(clause, part) or side_events.wall_street_before(clause, reading, part)
        base = clause.date or (_story_day(parts[holder].text(clause.text), reading) if part.back else None)
        if own or (part.back and base is not None):
            found += _part_candidates(clause, part, own, second, base)
        elif clause.date is not None and (part.lead or reported) and event_parts.is_event(clause.text, part) \
                and not event_parts.is_own_action(clause.text, part) and not _same_session(clause.text, part):
            unsure.append(_undated_part(clause, part))
        else:
            kept.add(i)
    lo, hi = _run(parts, holder, kept)
    found += [side_events.apart(clause, part) for i, part in enumerate(parts) if i in kept and not lo <= part.start < hi
              and clause.date is not None and _same_session(clause.text, part)]
    if main is not None and (lo, hi) != (0, len(clause.text)):  # its own words, and a title from them
        own = _adverbial(clause.date if not clause.implicit else None, clause)
        inside = own is not None and lo <= own.start and own.end <= hi
        main = replace(main, sentence=clause.text[lo:hi].strip(" ,;"), title=suggest_title(
            clause.text[lo:hi], replace(own, start=own.start - lo, end=own.end - lo) if inside else None))
    if second is not None and not any(c.expression == second.expression for c in found):
        found.append(second)
    return _distinct([main, *found, *side_events.besides(clause, reading, parts)]), _unresolved(clause) + unsure


def _distinct(candidates: list[Candidate | None]) -> list[Candidate]:
    """The candidates in order, each date wording once (the first, which has the narrowest words, wins)."""
    out, seen = [], set()
    for c in candidates:
        key = (c.expression, c.start_date, c.end_date) if c is not None and c.expression else None
        if c is not None and (key is None or key not in seen):
            out.append(c)
            seen.add(key)
    return out


def _holder(clause: Clause, parts: list[event_parts.Part]) -> int:
    """The part the clause's date belongs to: the one holding its written date, else the main part."""
    date = clause.date
    if date is not None and date.text and not clause.implicit:
        at = next((i for i, p in enumerate(parts) if p.start <= date.start < p.end), None)
        if at is not None:
            return at
    return next((i for i, p in enumerate(parts) if not p.lead), 0)


def _run(parts: list[event_parts.Part], holder: int, kept: set[int]) -> tuple[int, int]:
    """The stretch of the holder and the plain parts next to it (parts that are not events of their own)."""
    lo = hi = holder
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    return parts[lo].start, parts[hi].end


def _when(clause: Clause, part: event_parts.Part) -> list[DateExpression]:
    """The date a ", when ..." part takes from the date right before it ("since 2020, when he vanished": 2020)."""
    if part.lead != "when":
        return []
    e = side_events.date_before(clause, part)
    if e is None:
        return []
    year = re.search(r"\b(?:19|20)\d\d\b", e.text) if e.kind == "since" and e.is_range else None
    if year:  # "since 2020, when he vanished": 2020
        e = replace(e, start_date=dt.date(int(year.group()), 1, 1), end_date=dt.date(int(year.group()), 12, 31))
    elif e is clause.date:
        return []  # "its overhaul in 2023, when the company split": the same time as its clause, one event
    return [replace(e, rule=_("the time of the date before it ('{words}')").format(words=e.text))]


def _from_base(clause: Clause, reading: Reading) -> Clause:
    """A clause whose day (or second day) is where its figure is measured from ("--Rose 24.69% from 52 weeks ago"):
    that event is the stretch from the session after the day to the story's session."""
    end = reading.story_day(reading.place)[0]

    def stretch(e: DateExpression | None) -> DateExpression | None:
        if e is None or e.is_range or end <= e.start_date or not clause_parts.figure_from(clause.text, e):
            return e
        rule = _("from the close of {day} to the story's session ({end})").format(day=date_as(e.start_date, "date"),
                                                                                 end=date_as(end, "date"))
        return replace(e, start_date=e.start_date + dt.timedelta(days=1), end_date=end, rule=rule)

    return replace(clause, date=clause.date if clause.implicit else stretch(clause.date), second=stretch(clause.second))


def _story_day(main: str, reading: Reading) -> DateExpression | None:
    """The story's day, for a main part in the present ("The announcement comes | a day after ..."); else None."""
    if tense_at(main, 0, 0) == "past":
        return None
    day = reading.session or reading.published
    return DateExpression("", 0, 0, "implicit", day, day, _("the story's day, as the clause is in the present"))


def _part_candidates(clause: Clause, part: event_parts.Part, own: list[DateExpression],
                     second: Candidate | None, base: DateExpression | None = None) -> list[Candidate]:
    """The candidate of a part with a date of its own, or counted from its clause's day ("a day after ...")."""
    words, said = part.words(clause.text), part.text(clause.text)
    first = min(own, key=lambda x: x.start) if own else None  # a later date is an aside's ("at last night's price")
    if second is not None and first is not None and first.text == second.expression:
        return [replace(second, sentence=said)]
    if first is not None:
        e = first
        rule = e.rule
        span = (e.start_date, e.end_date)
    else:
        if base is None or base.is_range:
            return []
        day = base.start_date - dt.timedelta(days=part.back)
        rule = (ngettext("{count} day before the day of its clause ({day})",
                         "{count} days before the day of its clause ({day})", abs(part.back)) if part.back > 0 else
                ngettext("{count} day after the day of its clause ({day})",
                         "{count} days after the day of its clause ({day})", abs(part.back))).format(
            count=abs(part.back), day=date_as(base.start_date, "date"))
        span, e = (day, day), None
    at = words.find(e.text) if e else -1
    title = suggest_title(words, replace(e, start=at, end=at + len(e.text)) if at >= 0 else None)
    confidence = _("medium: {rule}; an event of its own in its sentence, dated by its own words").format(rule=rule)
    return [Candidate(said, clause.sentence_index, e.text if e else None, span[0], span[1], rule, title,
                      guess_category(words), cue_of(words), confidence, (e.tz if e else "") or clause.tz or DEFAULT_TZ,
                      (), e.qualifier if e else "")]


def _undated_part(clause: Clause, part: event_parts.Part) -> Unresolved:
    said = part.text(clause.text)
    why = _("the cause of its sentence's move is an event of its own the text gives without a day; the day of its "
            "sentence is not assumed") if part.lead in ("cause", "opening") else _(
        "'{lead} …' is an event of its own the text gives without a day; the day of its sentence is not assumed")
    return Unresolved(said, clause.sentence_index, said, why.format(lead=part.lead))


def _same_session(text: str, part: event_parts.Part) -> bool:
    """A part that is a market move at the same time as its clause (", while Tencent slid 2%", ", with JD.com up
    3%"): its clause's session. A cause ("after gold set a record", "after a broker raised its target by 6%") is
    an event of its own even when it moved."""
    words = text[part.start:part.end]
    return part.lead.split()[-1:] in [[lead] for lead in lexicon.SIMULTANEOUS_LEADS] and (
        quantities.is_move(words) or moves.verbal_move(words, []) is not None)


def _captions(reading: Reading) -> list[Unresolved]:
    """Photo captions that name a day: listed, as the day is the picture's, not an event's."""
    return [Unresolved(line, -1, e.text, _("{why}; the text does not date the event it shows").format(why=_(why)))
            for line, why in reading.skipped if why == CAPTION
            for e in find_date_expressions(line, reading.published)[:1] if e.text]
