"""What the reader proposes from an article: a candidate event (its clause, its day or span, the rule that dated it),
an item it could not date (with the reason), and the guesses shown with each (its event cue, its category).

Plain data and plain text: nothing here produces HTML, and nothing reads the text beyond one clause.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from components.data.events import Event

DEFAULT_TZ = Event.model_fields["tz"].default

EVENT_CUES = [
    re.compile(r"\b(?:shares|stocks?|index)\b[^.;]{0,60}?\b(?:rose|fell|jumped|surged|soared|slumped|tumbled"
               r"|dropped|climbed|plunged|gained|lost|rallied|slid|leapt|opened|closed)\b", re.IGNORECASE),
    re.compile(r"\b(?:launched|released|unveil(?:ed|s)|announce[ds]|introduced|debuted|rolled out)\b", re.IGNORECASE),
    re.compile(r"\bIPO\b|\binitial public offering\b|\blisted on\b|\bwent public\b"),
    re.compile(r"\bearnings\b|\bquarterly results\b|\bresults for\b|\breported (?:revenue|profit|earnings|net)",
               re.IGNORECASE),
    re.compile(r"\bacquired\b|\bacquisition of\b|\bmerger\b|\bagreed to (?:buy|acquire|sell)\b", re.IGNORECASE),
    re.compile(r"\b(?:plans?|planning|intends?|intention|aims?) to\b", re.IGNORECASE),
    re.compile(r"\breported that\b|\b(?:is|are) working on\b", re.IGNORECASE),
    re.compile(r"\b(?:entered|plunged into|moved into|expanded into|pushed into)\b", re.IGNORECASE),
    re.compile(r"\b(?:approved|banned|fined|sued|sanctioned)\b|\bsigned an? (?:deal|agreement)\b", re.IGNORECASE),
    re.compile(r"\b(?:meeting|gathering|symposium|summit)\b", re.IGNORECASE),
]
NAMED_EVENT = re.compile(r"\bthe (?:launch|release|debut|unveiling|introduction|rollout|listing|IPO|acquisition)"
                         r" of (?:the |its |a |an )?[\w.’'-]+(?: (?:[A-Z0-9][\w.’'-]*|AI|model|chatbot|app|agent|chip"
                         r"|service|platform|product)){0,4}")
# First match wins ties, so the more specific categories come first.
CATEGORY_KEYWORDS = {
    "agent launch": re.compile(r"\bagents?\b", re.IGNORECASE),
    "model release": re.compile(r"\bmodels?\b|\bLLMs?\b|\bweights\b|\bchatbot\b", re.IGNORECASE),
    "market move": re.compile(r"\bshares\b|\bstocks?\b|\bindex\b|\bADRs?\b", re.IGNORECASE),
    "corporate": re.compile(r"\bearnings\b|\brevenue\b|\bprofit\b|\bIPO\b|\bacqui\w+|\bmerger\b|\binvest\w*"
                            r"|\bCEO\b|\blisted\b|\bresults\b|\bfounded\b", re.IGNORECASE),
    "policy": re.compile(r"\bgovernment\b|\bregulators?\b|\bministry\b|\bofficials\b|\bpolic(?:y|ies)\b|\brules\b"
                         r"|\btariffs?\b|\bcentral bank\b|\bcongress\b|\bsanctions?\b", re.IGNORECASE),
    "claim": re.compile(r"\bclaim(?:s|ed)?\b|\baccording to\b|\basserted\b", re.IGNORECASE),
}


@dataclass(frozen=True)
class Candidate:
    """A proposed event: the clause, the date it gives (a day or a range) and guesses to review."""

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
    tz: str = DEFAULT_TZ
    symbols: tuple[str, ...] = ()
    qualifier: str = ""  # "early", "morning"... kept from the wording
    context: str = ""  # the whole sentence, when ``sentence`` is only the event's own part of it

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
    notices: tuple[str, ...] = ()
    place: str = "HK"
    place_rule: str = ""


def cue(sentence: str) -> str | None:
    hits = [m for pattern in EVENT_CUES for m in [pattern.search(sentence)] if m]
    return min(hits, key=lambda m: m.start()).group() if hits else None


def guess_category(sentence: str) -> str:
    """The category (one of components.events.CATEGORIES) with most keyword hits; "other" with none."""
    scores = {name: len({hit.lower() for hit in pattern.findall(sentence)})
              for name, pattern in CATEGORY_KEYWORDS.items()}
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] else "other"
