"""Candidate events from another article: sentences, date expressions and event cues.

``propose_events(text, published)`` splits an article into sentences and proposes one candidate
per sentence that carries a resolvable date expression or an event cue ("unveiled", "shares
rose", "IPO", ...). Dates are resolved against the publication date; every rule is named in the
result, and an expression that cannot be resolved ("soon", "a day after the launch of Foo" with no
known anchor) is listed with its reason instead of being guessed.

The text is untrusted. Nothing here produces HTML: every field is plain text for a page to render
escaped. Input longer than ``MAX_ARTICLE_CHARS`` is refused with a ValueError.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Mapping

from pydantic import ValidationError

from components.data.events import Event, describe_validation_error
from components.text.dates import FUTURE_TENSE, DateExpression, checked_date, find_date_expressions
from components.text.sentences import checked_text, split_sentences

TITLE_MAX_CHARS = 80
DEFAULT_TZ = Event.model_fields["tz"].default

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
