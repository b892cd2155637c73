"""Candidate events from another article: sentences, date expressions and event cues.

``propose_events(text, published)`` splits an article into sentences and proposes one candidate
per sentence that carries a resolvable date expression or an event cue ("unveiled", "shares
rose", "IPO", ...). Dates are resolved against the publication date; every rule is named in the
result, and an expression that cannot be resolved ("soon", "a day after the launch of Foo" with no
known anchor) is listed with its reason instead of being guessed.

The text is untrusted. Nothing here produces HTML: every field is plain text for a page to render
escaped. Input longer than ``MAX_CHARS`` is refused with a ValueError.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Callable, Mapping, NamedTuple

import pandas as pd
from dateutil import parser as date_parser
from pydantic import ValidationError

from components.events import Event, describe_validation_error

MAX_CHARS = 100_000
TITLE_MAX_CHARS = 80
DEFAULT_TZ = Event.model_fields["tz"].default

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                           "mr", "mrs", "ms", "dr", "st", "inc", "corp", "co", "ltd", "no", "vs", "etc",
                           "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "prof", "jr", "sr", "gov", "gen"})
FUTURE_TENSE = re.compile(r"\b(?:will|shall|next|upcoming|scheduled|plans? to|expected to|is set to|are set to)\b",
                          re.IGNORECASE)
EVENT_CUES = [
    re.compile(r"\b(?:shares|stocks?|index)\b[^.;]{0,60}?\b(?:rose|fell|jumped|surged|soared|slumped|tumbled"
               r"|dropped|climbed|plunged|gained|lost|rallied|slid)\b", re.IGNORECASE),
    re.compile(r"\b(?:launched|released|unveil(?:ed|s)|announce[ds]|introduced|debuted|rolled out)\b", re.IGNORECASE),
    re.compile(r"\bIPO\b|\binitial public offering\b|\blisted on\b|\bwent public\b"),
    re.compile(r"\bearnings\b|\bquarterly results\b|\bresults for\b", re.IGNORECASE),
    re.compile(r"\bacquired\b|\bacquisition of\b|\bmerger\b", re.IGNORECASE),
]
# First match wins ties, so the more specific categories come first.
CATEGORY_KEYWORDS = {
    "agent launch": re.compile(r"\bagents?\b", re.IGNORECASE),
    "model release": re.compile(r"\bmodels?\b|\bLLMs?\b|\bweights\b|\bchatbot\b", re.IGNORECASE),
    "market move": re.compile(r"\bshares\b|\bstocks?\b|\bindex\b|\b\d+(?:\.\d+)?%", re.IGNORECASE),
    "corporate": re.compile(r"\bearnings\b|\brevenue\b|\bprofit\b|\bIPO\b|\bacqui\w+|\bmerger\b|\binvest\w*"
                            r"|\bCEO\b|\blisted\b|\bresults\b|\bfounded\b", re.IGNORECASE),
    "policy": re.compile(r"\bgovernment\b|\bregulators?\b|\bministry\b|\bofficials\b|\bpolic(?:y|ies)\b|\brules\b"
                         r"|\btariffs?\b|\bcentral bank\b|\bcongress\b|\bsanctions?\b", re.IGNORECASE),
    "claim": re.compile(r"\bclaim(?:s|ed)?\b|\baccording to\b|\basserted\b", re.IGNORECASE),
}


@dataclass(frozen=True)
class DateExpression:
    """A date expression in a sentence; ``start``/``end`` are offsets in that sentence.

    Resolved expressions carry ``start_date``/``end_date`` (equal for a single day) and the ``rule``
    used; unresolved ones carry ``reason`` instead.
    """

    text: str
    start: int
    end: int
    kind: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    rule: str = ""
    note: str = ""
    reason: str = ""
    anchor: str = ""
    offset_days: int = 0

    @property
    def resolved(self) -> bool:
        """True when the expression has a date or a period."""
        return self.start_date is not None

    @property
    def is_range(self) -> bool:
        """True when it resolves to a period of more than one day."""
        return self.resolved and self.start_date != self.end_date


@dataclass(frozen=True)
class Candidate:
    """A proposed event: the sentence, the date it gives (a day or a range) and guesses to review."""

    sentence: str
    sentence_index: int
    expression: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    rule: str
    title: str
    category: str
    cue: str | None
    confidence: str

    @property
    def date(self) -> dt.date | None:
        """The single day, or None for a range or an undated candidate."""
        return self.start_date if self.start_date == self.end_date else None


@dataclass(frozen=True)
class Unresolved:
    sentence: str
    sentence_index: int
    expression: str
    reason: str


@dataclass(frozen=True)
class Extraction:
    candidates: tuple[Candidate, ...]
    unresolved: tuple[Unresolved, ...]


class _Context(NamedTuple):
    published: dt.date
    anchors: Mapping[str, dt.date]
    future: bool


def checked_text(text: str) -> str:
    """The text with line endings unified and control characters blanked; ValueError when too long."""
    if not isinstance(text, str):
        raise ValueError("The article text must be a string.")
    if len(text) > MAX_CHARS:
        raise ValueError(f"The article is {len(text):,} characters long; the limit is {MAX_CHARS:,}. "
                         "Paste one article at a time.")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)


def checked_date(published: dt.date | str) -> dt.date:
    """The publication date as a ``datetime.date`` (accepts a date, a datetime or an ISO string)."""
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published))
    except ValueError:
        raise ValueError(f"The publication date '{published}' is not a date such as 2025-06-10.") from None


_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def _ends_with_abbreviation(chunk: str) -> bool:
    words = chunk.split()
    word = words[-1].lower().strip("(\"'“‘") if words else ""
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence; lines never share a sentence and abbreviations don't split."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in _BOUNDARY.finditer(text, line.start(), line.end()):
            if not _ends_with_abbreviation(text[start:m.start()]):
                spans.append((start, m.start() + len(m.group().rstrip())))
                start = m.end()
        spans.append((start, line.end()))
    return [_trimmed(text, a, b) for a, b in spans if text[a:b].strip()]


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order (see :func:`sentence_spans`)."""
    return [text[a:b] for a, b in sentence_spans(text)]


def _day(start: dt.date, end: dt.date | None = None) -> tuple[dt.date, dt.date]:
    return start, end or start


def _week(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    period = pd.Period(year=year, month=month, freq="M")
    return period.start_time.date(), period.end_time.date()


def _shift_month(day: dt.date, months: int) -> tuple[dt.date, dt.date]:
    period = pd.Period(day, freq="M") + months
    return period.start_time.date(), period.end_time.date()


def _year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


_ONE_DAY = dt.timedelta(days=1)
_WEEK = dt.timedelta(days=7)
RELATIVE_PHRASES: dict[str, tuple[Callable[[dt.date], tuple[dt.date, dt.date]], str]] = {
    "today": (lambda p: _day(p), "the publication date"),
    "yesterday": (lambda p: _day(p - _ONE_DAY), "the day before publication"),
    "tomorrow": (lambda p: _day(p + _ONE_DAY), "the day after publication"),
    "earlier this week": (lambda p: (_week(p)[0], p - _ONE_DAY),
                          "from Monday of the week of publication to the day before it"),
    "this week": (_week, "the Monday-to-Sunday week of publication"),
    "last week": (lambda p: _week(p - _WEEK), "the Monday-to-Sunday week before publication"),
    "next week": (lambda p: _week(p + _WEEK), "the Monday-to-Sunday week after publication"),
    "earlier this month": (lambda p: (p.replace(day=1), p - _ONE_DAY),
                           "from the 1st of the month of publication to the day before it"),
    "this month": (lambda p: _shift_month(p, 0), "the calendar month of publication"),
    "last month": (lambda p: _shift_month(p, -1), "the calendar month before publication"),
    "next month": (lambda p: _shift_month(p, 1), "the calendar month after publication"),
    "earlier this year": (lambda p: (dt.date(p.year, 1, 1), p - _ONE_DAY),
                          "from 1 January of the publication year to the day before publication"),
    "later this year": (lambda p: (p + _ONE_DAY, dt.date(p.year, 12, 31)),
                        "from the day after publication to 31 December"),
    "this year": (lambda p: _year_span(p.year), "the calendar year of publication"),
    "last year": (lambda p: _year_span(p.year - 1), "the calendar year before publication"),
    "next year": (lambda p: _year_span(p.year + 1), "the calendar year after publication"),
}


def _resolved(m: re.Match, kind: str, span: tuple[dt.date, dt.date], rule: str, note: str = "") -> DateExpression:
    if span[0] > span[1]:
        return _unresolved(m, kind, f"'{m.group()}' gives an empty period for this publication date")
    return DateExpression(m.group(), m.start(), m.end(), kind, span[0], span[1], rule, note)


def _unresolved(m: re.Match, kind: str, reason: str, anchor: str = "", offset: int = 0) -> DateExpression:
    return DateExpression(m.group(), m.start(), m.end(), kind, reason=reason, anchor=anchor, offset_days=offset)


def _iso(m: re.Match, ctx: _Context) -> DateExpression:
    try:
        day = dt.date.fromisoformat(m.group())
    except ValueError:
        return _unresolved(m, "absolute", f"'{m.group()}' is not a calendar date")
    return _resolved(m, "absolute", _day(day), "absolute date")


def _year_for(month: int, day: int, ctx: _Context) -> tuple[int, str]:
    """The year of a date written without one: the publication year, or the one before if that is later."""
    year = ctx.published.year
    if (month, day) <= (ctx.published.month, ctx.published.day):
        return year, f"year taken from the publication date ({year})"
    if ctx.future:
        return year, (f"year taken from the publication date ({year}); the date is after publication, "
                      "as the future tense suggests")
    return year - 1, (f"year taken as {year - 1}: in {year} the date would fall after publication "
                      f"({ctx.published.isoformat()})")


def _month_day(m: re.Match, ctx: _Context) -> DateExpression:
    year_text = m.group("year")
    try:
        parsed = date_parser.parse(f"{m.group('day')} {m.group('month').rstrip('.')} 2000")
        year, note = (int(year_text), "") if year_text else _year_for(parsed.month, parsed.day, ctx)
        day = date_parser.parse(f"{m.group('day')} {m.group('month').rstrip('.')} {year}").date()
    except (ValueError, OverflowError):
        return _unresolved(m, "absolute", f"'{m.group()}' is not a calendar date")
    return _resolved(m, "absolute", _day(day), "absolute date" if year_text else "month and day without a year", note)


def _month(m: re.Match, ctx: _Context) -> DateExpression:
    month = date_parser.parse(f"1 {m.group('month').rstrip('.')} 2000").month
    year_text = m.group("year")
    year, note = (int(year_text), "") if year_text else _year_for(month, 1, ctx)
    return _resolved(m, "month", _month_range(year, month), "the calendar month named", note)


def _since(m: re.Match, ctx: _Context) -> DateExpression:
    month = date_parser.parse(f"1 {m.group('month').rstrip('.')} 2000").month
    year_text = m.group("year")
    year, _ = (int(year_text), "") if year_text else _year_for(month, 1, ctx)
    note = ("open start: 'since' a month can count from the last close before it (year to date, for January) "
            "or from a low point within it")
    return _resolved(m, "since", (dt.date(year, month, 1), ctx.published),
                     "from the 1st of the month named to the publication date", note)


def _year(m: re.Match, ctx: _Context) -> DateExpression:
    year = int(m.group("year"))
    if m.group().lower().startswith("since"):
        return _resolved(m, "since", (dt.date(year, 1, 1), ctx.published),
                         "from 1 January of the year named to publication")
    return _resolved(m, "year", _year_span(year), "the calendar year named")


def _weekday(m: re.Match, ctx: _Context) -> DateExpression:
    target, lead = WEEKDAYS.index(m.group("weekday")), (m.group("lead") or "").lower()
    pub, monday = ctx.published, _week(ctx.published)[0]
    name = m.group("weekday")
    if lead == "next":
        return _resolved(m, "weekday", _day(pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7)),
                         f"the first {name} after publication")
    if lead == "this":
        return _resolved(m, "weekday", _day(monday + dt.timedelta(days=target)), f"{name} of the week of publication")
    back = (pub.weekday() - target) % 7 or (7 if lead == "last" else 0)
    day = pub - dt.timedelta(days=back)
    if day >= monday:
        return _resolved(m, "weekday", _day(day), "weekday in the week of publication, on or before it")
    note = f"the future tense may mean the coming {name} instead" if ctx.future else ""
    return _resolved(m, "weekday", _day(day), f"the most recent {name} before publication (the week before)", note)


def _relative(m: re.Match, ctx: _Context) -> DateExpression:
    compute, rule = RELATIVE_PHRASES[m.group().lower()]
    return _resolved(m, "relative", compute(ctx.published), rule)


def _anchor_date(anchor: str, anchors: Mapping[str, dt.date]) -> tuple[str, dt.date] | None:
    for name, day in anchors.items():
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", anchor, re.IGNORECASE):
            return name, checked_date(day)
    return None


def _offset(m: re.Match, ctx: _Context) -> DateExpression:
    count = NUMBER_WORDS.get(m.group("count").lower()) or int(m.group("count"))
    days = count * (7 if m.group("unit").lower().startswith("week") else 1)
    sign = 1 if m.group("direction").lower() == "after" else -1
    anchor, found = m.group("anchor"), _anchor_date(m.group("anchor"), ctx.anchors)
    if found is None:
        return _unresolved(m, "offset", f"counts from '{anchor}', which has no known date", anchor, sign * days)
    name, day = found
    span = _day(day + dt.timedelta(days=sign * days))
    rule = f"{days} day(s) {'after' if sign > 0 else 'before'} the anchor event ({name}, {day.isoformat()})"
    return DateExpression(m.group(), m.start(), m.end(), "offset", span[0], span[1], rule, anchor=anchor,
                          offset_days=sign * days)


def _unanchored(m: re.Match, ctx: _Context) -> DateExpression:
    return _unresolved(m, "offset", "counts from a moment the sentence does not name")


def _vague(m: re.Match, ctx: _Context) -> DateExpression:
    return _unresolved(m, "vague", f"'{m.group()}' names no calendar date or period")


_YEAR = r"(?:,? (?P<year>\d{4})\b)?"
_RELATIVE_RE = "|".join(re.escape(p) for p in sorted(RELATIVE_PHRASES, key=len, reverse=True))
# Order matters only for ties: at one start the longest match wins, then the earlier pattern.
DATE_PATTERNS: list[tuple[re.Pattern, Callable[[re.Match, _Context], DateExpression]]] = [
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), _iso),
    (re.compile(rf"\b(?P<month>{MONTH})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}"), _month_day),
    (re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month>{MONTH})\b(?:\.(?= \d{{4}}))?{_YEAR}"),
     _month_day),
    (re.compile(rf"\b[Ss]ince (?P<month>{MONTH})\b(?: (?P<year>\d{{4}})\b)?"), _since),
    (re.compile(rf"\b(?:[Ii]n |[Dd]uring |[Ee]arly |[Ll]ate |[Mm]id[- ])(?P<month>{MONTH})\b(?: (?P<year>\d{{4}})\b)?"),
     _month),
    (re.compile(rf"\b(?P<month>{MONTH}) (?P<year>\d{{4}})\b"), _month),
    (re.compile(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring) (?P<year>(?:19|20)\d\d)\b"), _year),
    (re.compile(rf"\b(?:(?P<lead>[Oo]n|[Ll]ast|[Tt]his|[Nn]ext) )?(?P<weekday>{'|'.join(WEEKDAYS)})\b"), _weekday),
    (re.compile(rf"\b(?:{_RELATIVE_RE})\b", re.IGNORECASE), _relative),
    (re.compile(r"\b(?i:(?:(?:just|only) )?(?P<count>an?|one|two|three|four|five|six|seven|\d{1,2}) "
                r"(?P<unit>days?|weeks?) (?P<direction>after|before)) (?P<anchor>(?:(?:the|its|their) [a-z]+ of )?"
                r"(?:the )?[A-Z](?:[\w-]|\.(?=\w))*(?: [A-Z](?:[\w-]|\.(?=\w))*){0,4})"), _offset),
    (re.compile(r"\b(?:an?|one|two|three) (?:days?|weeks?) (?:earlier|later)\b|\bthe (?:day before|previous day"
                r"|following day|next day)\b", re.IGNORECASE), _unanchored),
    (re.compile(r"\b(?:soon|recently|lately|shortly|in recent (?:days|weeks|months|years)|in the coming "
                r"(?:days|weeks|months|years)|in the near future|at a later date|eventually)\b", re.IGNORECASE),
     _vague),
]


def find_date_expressions(sentence: str, published: dt.date | str, *,
                          anchors: Mapping[str, dt.date] | None = None) -> list[DateExpression]:
    """Every date expression in one sentence, in order, resolved against ``published`` where possible.

    ``anchors`` maps names (matched case-insensitively inside "a day after <anchor>") to their dates.
    """
    ctx = _Context(checked_date(published), anchors or {}, bool(FUTURE_TENSE.search(sentence)))
    matches = sorted(((m, resolve) for pattern, resolve in DATE_PATTERNS for m in pattern.finditer(sentence)),
                     key=lambda item: (item[0].start(), -len(item[0].group())))
    found, taken_until = [], -1
    for m, resolve in matches:
        if m.start() >= taken_until:
            found.append(resolve(m, ctx))
            taken_until = m.end()
    return found


_PRECISION = {"absolute": 0, "offset": 1, "weekday": 1, "relative": 2, "month": 3, "since": 4, "year": 5}


def _best(expressions: list[DateExpression]) -> DateExpression | None:
    """The most precise resolved expression: a single day before a range, then by kind, then the first."""
    resolved = [e for e in expressions if e.resolved]
    return min(resolved, key=lambda e: ((e.end_date - e.start_date).days, _PRECISION[e.kind], e.start), default=None)


def _cue(sentence: str) -> str | None:
    hits = [m for pattern in EVENT_CUES for m in [pattern.search(sentence)] if m]
    return min(hits, key=lambda m: m.start()).group() if hits else None


def guess_category(sentence: str) -> str:
    """The category (one of components.events.CATEGORIES) with most keyword hits; "other" with none."""
    scores = {name: len({hit.lower() for hit in pattern.findall(sentence)})
              for name, pattern in CATEGORY_KEYWORDS.items()}
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] else "other"


def suggest_title(sentence: str, expression: DateExpression | None = None) -> str:
    """A short title from the sentence: the date wording removed, cut at the first comma, at most 80 chars."""
    if expression is not None:  # drop the date wording and a preposition left in front of it ("rose on")
        before = re.sub(r"\s+(?:on|in|by|since|at|from)\s*$", " ", sentence[:expression.start], flags=re.IGNORECASE)
        text = before + sentence[expression.end:]
    else:
        text = sentence
    text = re.sub(r"^[\W_]*(?:(?:on|in|by|since)\b)?[\s,]*", "", re.sub(r"\s+", " ", text), flags=re.IGNORECASE)
    text = re.split(r",|;|\s[-–—]\s|:\s|\s\(", text)[0]
    text = re.sub(r"(?:\s+(?:on|in|by|since|at|from))+\s*[.!?]*$", "", text.strip(), flags=re.IGNORECASE)
    text = text.strip(" .!?\"'“”‘’")
    if len(text) > TITLE_MAX_CHARS:
        text = text[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return (text[:1].upper() + text[1:]) or "Untitled event"


def _confidence(best: DateExpression | None, others: list[DateExpression], sentence: str, category: str) -> str:
    if best is None:
        parts = ["low: no date in the sentence, set the date by hand"]
    elif best.is_range:
        parts = [f"low: a period ({best.rule}), not a day; pick the day when saving"]
    elif best.kind == "absolute" and not best.note:
        parts = ["high: the date is written out in full"]
    else:
        parts = [f"medium: {best.rule}"]
    if best is not None and best.note:
        parts.append(best.note)
    if FUTURE_TENSE.search(sentence):
        parts.append("future tense: this may be an upcoming event")
    if others:
        parts.append("also mentions: " + ", ".join(f"'{e.text}'" for e in others))
    parts.append("category guessed from keywords" if category != "other" else "no category keyword, so 'other'")
    return "; ".join(parts)


def _candidate(index: int, sentence: str, expressions: list[DateExpression]) -> Candidate | None:
    best, cue = _best(expressions), _cue(sentence)
    if best is None and cue is None:
        return None
    category = guess_category(sentence)
    others = [e for e in expressions if e.resolved and e is not best]
    return Candidate(sentence, index, best.text if best else None, best.start_date if best else None,
                     best.end_date if best else None, best.rule if best else "",
                     suggest_title(sentence, best or next(iter(expressions), None)),
                     category, cue, _confidence(best, others, sentence, category))


def propose_events(text: str, published: dt.date | str, *,
                   anchors: Mapping[str, dt.date] | None = None) -> Extraction:
    """Candidate events of an article (one per qualifying sentence) and the expressions left unresolved.

    ValueError when ``text`` is longer than MAX_CHARS or ``published`` is not a date.
    """
    clean, day = checked_text(text), checked_date(published)
    candidates, unresolved = [], []
    for index, sentence in enumerate(split_sentences(clean)):
        expressions = find_date_expressions(sentence, day, anchors=anchors)
        unresolved += [Unresolved(sentence, index, e.text, e.reason) for e in expressions if not e.resolved]
        candidate = _candidate(index, sentence, expressions)
        if candidate is not None:
            candidates.append(candidate)
    return Extraction(tuple(candidates), tuple(unresolved))


def _user_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if name.startswith("user-"):
        slug = slug.removeprefix("user-")
    slug = slug[:70].rstrip("-") or "event-" + hashlib.sha1(name.encode()).hexdigest()[:8]
    return f"user-{slug}"


def _base_record(candidate: Candidate) -> dict:
    note = f"Date from the article's wording ({candidate.rule}); not checked against sources." if candidate.rule else \
        "The article gives no date for this; not checked against sources."
    wording = candidate.expression[:300] if candidate.expression else None
    return {"title": candidate.title, "date": candidate.date, "tz": DEFAULT_TZ, "category": candidate.category,
            "summary": candidate.sentence[:2000], "article_wording": wording, "match_note": note[:500],
            "confidence": "unverified", "in_article": False, "origin": "user"}


def candidate_to_event_record(candidate: Candidate, **edits) -> dict:
    """A JSON-ready record valid for components.events.Event: origin "user", id "user-<slug of the title>".

    ``edits`` override any Event field (title, date, category, tz, symbols, ...). A range or undated
    candidate needs ``date=``. ValueError names the problem when the record is not a valid Event.
    """
    unknown = sorted(set(edits) - set(Event.model_fields))
    if unknown:
        raise ValueError(f"unknown event field(s): {', '.join(unknown)}")
    if edits.get("origin", "user") != "user":
        raise ValueError("a proposed event always has origin 'user'")
    record = {**_base_record(candidate), **edits}
    record["id"] = _user_id(str(edits.get("id") or record["title"]))
    if record["date"] is None:
        raise ValueError(f"'{candidate.title}' has no single date ({candidate.expression or 'no date wording'}); "
                         "pass date=YYYY-MM-DD")
    try:
        return Event.model_validate(record).model_dump(mode="json")
    except ValidationError as exc:
        raise ValueError("; ".join(describe_validation_error(exc, f"candidate '{record['id']}'"))) from None
