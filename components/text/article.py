"""The bundled article: text and metadata, blocks and sentences, repeats, event mentions and dates.

The article (``data/article.txt``) is a reworded copy of a CNN Business story datelined Hong Kong and
published on Thursday 2025-03-06. Most of its paragraphs, and two of its headings, appear twice in
other words; :func:`deduplicated_blocks` shows each point once.

Repeats are measured with RapidFuzz's ``fuzz.ratio`` (normalised Indel similarity, 0-100) after
``utils.default_process`` (lower case, punctuation to spaces), comparing headings with headings and
paragraphs with paragraphs. On this article the six repeat pairs (non-empty lines 1&2, 4&5, 6&7,
8&9, 14&15, 17&18) score 63.35 to 76.34; the highest distinct pair scores 50.63 (headings 10&16,
both "... China's AI ..."), the highest distinct paragraphs 46.39. ``THRESHOLD`` sits in the middle
of that gap. Other scorers separated less well: ``token_set_ratio`` leaves a narrower gap (58.9 to
67.3), ``token_sort_ratio`` ranks the Manus headings (56.8) below a distinct pair (59.2), and
``partial_token_set_ratio`` gives 100 to everything.

Dates are found with :func:`components.extraction.find_date_expressions` and checked against the
verified dates in ``data/events.json``. Nothing here imports streamlit and nothing returns HTML.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, utils

from components.data.events import Event, shown_title, usable_events, zone_name
from components.data.records import plain_error
from components.facts import DATA_DIR
from components.locale import _
from components.locale import formats as F
from components.text.dates import DateExpression, find_date_expressions
from components.text.event_gaps import gap_note, utc_date
from components.text.sentences import sentence_spans

ARTICLE_FILE = DATA_DIR / "article.txt"
META_FILE = DATA_DIR / "article.json"
HEADING_MAX_CHARS = 80
THRESHOLD = 57.0  # between the bundled article's repeated and distinct blocks (measured: tests/text/test_article.py)

EVENT_CUES: dict[str, tuple[str, ...]] = {
    "qwq-32b-release": (r"\bQwQ-32B\b",),
    "manus-launch": (r"\bManus\b",),
    "tongyi-qianwen-unveiled": (r"\bTongyi Qianwen\b",),
    "qwen2.5-max-release": (r"\bQwen 2\.5 Max\b",),
    "deepseek-r1-release": (r"\bDeepSeek-R1\b", r"\bR1 model\b"),
    "openai-o1-mini-release": (r"\bOpenAI[’']s cost-effective model\b",),
    "alibaba-hk-jump-hscei-2025-03-06": (r"\bshares listed in Hong Kong to jump by 8%",
                                         r"\b8% surge in the company[’']s Hong Kong-listed shares",
                                         r"\b(?:elevating|boosting) the tech-\w+ Hang Seng China Enterprises Index\b"),
    "hscei-ytd-claim": (r"\bmore than 30% since January\b",),
    "china-gwr-future-industries": (r"\bOn Wednesday, Chinese officials reiterated\b",
                                    r"“?emerging industries and future sectors”?"),
}
# "Two key events capturing attention this week" names its events only in the sentences after it.
EXPRESSION_LINKS: dict[str, tuple[str, ...]] = {"this week": ("qwq-32b-release", "manus-launch")}
CLAIM_IDS: dict[str, str] = {"hscei-ytd-claim": "hscei-30pct-since-january"}
VERDICT_ORDER = ("agrees", "roughly", "disagrees")


class ArticleMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = Field(min_length=1, max_length=150)
    publication_date: dt.date
    dateline: str
    outlet: str
    source_note: str


@dataclass(frozen=True)
class Block:
    """A heading or paragraph: ``index`` counts non-empty lines from 0; ``start`` is its offset in the text."""

    index: int
    kind: Literal["heading", "paragraph"]
    text: str
    start: int


@dataclass(frozen=True)
class Sentence:
    """A sentence; ``index`` counts sentences through the article and ``start`` is its offset in its block."""

    index: int
    block: int
    start: int
    text: str
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class Repeat:
    first: int
    later: int
    score: float


@dataclass(frozen=True)
class DedupedBlock:
    block: Block
    repeated_by: tuple[Repeat, ...]


@dataclass(frozen=True)
class EventMention:
    """A phrase of the article that names an event: its id, where the phrase stands, and the phrase."""

    event_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EventCheck:
    event_id: str
    verified_date: dt.date
    verdict: str
    note: str


@dataclass(frozen=True)
class DateMention:
    """A date expression of the article, its resolution and its check against the verified dates.

    ``start``/``end`` are offsets of ``text`` in its sentence; ``wording`` adds a participle just
    before it ("introduced in 2023") for display.

    ``verdict`` is "agrees", "roughly" or "disagrees" (the worst of ``checks``), "ambiguous" when the
    expression's period is open to two readings (see ``claim_id``), "no event" when it dates nothing
    in events.json, or "unresolved" (see ``reason``).
    """

    text: str
    wording: str
    block: int
    sentence: int
    start: int
    end: int
    kind: str
    start_date: dt.date | None
    end_date: dt.date | None
    rule: str
    note: str
    reason: str
    checks: tuple[EventCheck, ...]
    verdict: str
    claim_id: str | None = None

    @property
    def resolved(self) -> bool:
        """True when the expression has a date or a period."""
        return self.start_date is not None

    @property
    def event_ids(self) -> tuple[str, ...]:
        """The events this expression dates, in the order they were checked."""
        return tuple(c.event_id for c in self.checks)


@dataclass(frozen=True)
class Article:
    meta: ArticleMeta
    text: str
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]


def load_article_meta(path: Path = META_FILE) -> ArticleMeta:
    """The article's metadata from article.json; ValueError names the file and the problem."""
    try:
        return ArticleMeta.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{Path(path).name} is not valid article metadata ({plain_error(exc)})") from exc


def load_article_text(path: Path = ARTICLE_FILE) -> str:
    """The article exactly as bundled (UTF-8, no normalisation)."""
    return Path(path).read_text(encoding="utf-8")


def is_heading(line: str) -> bool:
    """A heading is a short line without final punctuation."""
    stripped = line.strip()
    return 0 < len(stripped) <= HEADING_MAX_CHARS and stripped[-1] not in ".!?;:,\"”’'…"


def split_blocks(text: str) -> tuple[Block, ...]:
    """The non-empty lines of ``text`` as headings and paragraphs, in order."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    return tuple(Block(i, "heading" if is_heading(m.group()) else "paragraph", m.group().strip(),
                       m.start() + len(m.group()) - len(m.group().lstrip())) for i, m in enumerate(lines))


def block_sentences(blocks: Iterable[Block]) -> tuple[Sentence, ...]:
    """Every sentence of the blocks, numbered through, each with the events it mentions."""
    pieces = [(b.index, a, b.text[a:z]) for b in blocks for a, z in sentence_spans(b.text)]
    return tuple(Sentence(i, block, start, text, tuple(dict.fromkeys(m.event_id for m in event_mentions(text))))
                 for i, (block, start, text) in enumerate(pieces))


@lru_cache(maxsize=2)
def bundled_article(text_path: Path = ARTICLE_FILE, meta_path: Path = META_FILE) -> Article:
    """The bundled article with its metadata, blocks and sentences (cached; everything is immutable)."""
    text = load_article_text(text_path)
    blocks = split_blocks(text)
    return Article(load_article_meta(meta_path), text, blocks, block_sentences(blocks))


def similarity(a: str, b: str) -> float:
    """RapidFuzz ``fuzz.ratio`` (0-100) of two texts after lower-casing and blanking punctuation."""
    return fuzz.ratio(a, b, processor=utils.default_process)


def pair_scores(blocks: Iterable[Block]) -> list[tuple[int, int, float]]:
    """(first index, later index, similarity) for every pair of blocks of the same kind."""
    return [(a.index, b.index, similarity(a.text, b.text))
            for a, b in itertools.combinations(blocks, 2) if a.kind == b.kind]


def repeat_pairs(blocks: Iterable[Block], threshold: float = THRESHOLD) -> list[Repeat]:
    """The pairs of same-kind blocks that say the same thing (similarity at or above ``threshold``)."""
    return [Repeat(a, b, score) for a, b, score in pair_scores(blocks) if score >= threshold]


def deduplicated_blocks(blocks: Iterable[Block], threshold: float = THRESHOLD) -> list[DedupedBlock]:
    """Each block once: a block repeating an earlier kept one is folded into that one's ``repeated_by``."""
    blocks = list(blocks)
    kept: dict[int, list[Repeat]] = {}
    for block in blocks:
        scores = [(similarity(blocks[k].text, block.text), k) for k in kept if blocks[k].kind == block.kind]
        best = max(scores, default=(0.0, -1))
        if best[0] >= threshold:
            kept[best[1]].append(Repeat(best[1], block.index, best[0]))
        else:
            kept[block.index] = []
    return [DedupedBlock(blocks[k], tuple(reps)) for k, reps in kept.items()]


def event_mentions(text: str) -> list[EventMention]:
    """Non-overlapping cue matches in ``text`` (see EVENT_CUES), ordered by position."""
    found = sorted((m.start(), -m.end(), event_id, m.group()) for event_id, cues in EVENT_CUES.items()
                   for cue in cues for m in re.finditer(cue, text))
    mentions, taken_until = [], 0
    for start, neg_end, event_id, phrase in found:
        if start >= taken_until:
            mentions.append(EventMention(event_id, start, -neg_end, phrase))
            taken_until = -neg_end
    return mentions



def _linked_events(expr: DateExpression, sentence: str) -> tuple[str, ...]:
    """The event an expression dates: the link table, else a cue around it, before it, or after it."""
    if expr.text.lower() in EXPRESSION_LINKS:
        return EXPRESSION_LINKS[expr.text.lower()]
    mentions = event_mentions(sentence)
    around = [m for m in mentions if m.start < expr.end and m.end > expr.start]
    before = [m for m in mentions if m.end <= expr.start]
    after = [m for m in mentions if m.start >= expr.end]
    chosen = around[:1] or before[-1:] or after[:1]
    return tuple(m.event_id for m in chosen)


def _from_context(expr: DateExpression, anchor: DateMention) -> DateExpression:
    """Resolve "a day after X" from the dated subject of the story: X lies that many days before it."""
    day = anchor.start_date - dt.timedelta(days=expr.offset_days)
    count = abs(expr.offset_days)
    if expr.offset_days > 0:
        rule = _("one day before the anchor event ({subject}, dated '{words}' = {day})") if count == 1 else _(
            "{count} days before the anchor event ({subject}, dated '{words}' = {day})")
    else:
        rule = _("one day after the anchor event ({subject}, dated '{words}' = {day})") if count == 1 else _(
            "{count} days after the anchor event ({subject}, dated '{words}' = {day})")
    named = [shown_title(e) for e in usable_events() if e.id in anchor.event_ids[:1]]
    subject = named[0] if named else anchor.event_ids[0] if anchor.event_ids else _("the story's subject")
    rule = rule.format(count=count, subject=subject, words=anchor.text, day=F.date_as(anchor.start_date, "date"))
    return replace(expr, start_date=day, end_date=day, rule=rule, reason="")


def _check(expr: DateExpression, event: Event, anchor: Event | None) -> EventCheck:
    """Compare a resolved expression with one event's verified date (in the event's own time zone)."""
    verified, start, end = event.date, expr.start_date, expr.end_date
    off_by = 0 if start <= verified <= end else min(abs((verified - start).days), abs((verified - end).days))
    verdict = "agrees" if off_by == 0 else "roughly" if off_by <= 1 else "disagrees"
    notes = [_("verified {day} ({tz})").format(day=F.date_as(verified, "date"), tz=zone_name(event.tz))]
    if utc_date(event) not in (None, verified):
        notes.append(_("in UTC it was {day}").format(day=F.date_as(utc_date(event), "date")))
    gap = gap_note(expr, event, anchor) if expr.kind == "offset" else ""
    if gap:
        verdict, notes = max(verdict, "roughly", key=VERDICT_ORDER.index), notes + [gap]
    return EventCheck(event.id, verified, verdict, "; ".join(notes))


def _verdict(expr: DateExpression, checks: tuple[EventCheck, ...]) -> tuple[str, str | None]:
    if not expr.resolved:
        return "unresolved", None
    claim = next((CLAIM_IDS[c.event_id] for c in checks if c.event_id in CLAIM_IDS), None)
    if claim and expr.kind == "since":
        return "ambiguous", claim
    if not checks:
        return "no event", None
    return max((c.verdict for c in checks), key=VERDICT_ORDER.index), claim


def _wording(expr: DateExpression, sentence: str) -> str:
    """The expression with a participle just before it ("introduced in 2023"), as a reader quotes it."""
    before = re.search(r"(\w+ed) $", sentence[:expr.start])
    return f"{before.group(1)} {expr.text}" if before else expr.text


def _date_mention(expr: DateExpression, sentence: Sentence, anchor: DateMention | None,
                  events: dict[str, Event]) -> DateMention:
    if not expr.resolved and expr.kind == "offset" and expr.anchor and anchor is not None:
        expr = _from_context(expr, anchor)
    elif not expr.resolved and expr.kind == "offset" and expr.anchor:
        reason = _("{reason}, and no earlier date in the paragraph dates the story's subject")
        expr = replace(expr, reason=reason.format(reason=expr.reason))
    anchor_event = events.get(anchor.event_ids[0]) if anchor is not None and anchor.event_ids else None
    linked = [events[i] for i in _linked_events(expr, sentence.text) if i in events]
    checks = tuple(_check(expr, e, anchor_event) for e in linked) if expr.resolved else ()
    verdict, claim = _verdict(expr, checks)
    note = _("{note}; see the claims check '{claim}'").format(note=expr.note, claim=claim) \
        if verdict == "ambiguous" else expr.note
    return DateMention(expr.text, _wording(expr, sentence.text), sentence.block, sentence.index,
                       expr.start, expr.end, expr.kind, expr.start_date, expr.end_date, expr.rule, note,
                       expr.reason, checks, verdict, claim)


def date_mentions(sentences: Iterable[Sentence], published: dt.date,
                  events: Iterable[Event] | None = None) -> list[DateMention]:
    """Every date expression of the sentences, resolved against ``published`` and checked against ``events``.

    "A day after X" counts back from the last single-day date earlier in the same block (the story's
    subject); without one it stays unresolved. ``events`` defaults to the bundled events.
    """
    by_id = {e.id: e for e in (usable_events() if events is None else events)}
    found, anchor, block = [], None, None
    for sentence in sentences:
        if sentence.block != block:
            anchor, block = None, sentence.block
        for expr in find_date_expressions(sentence.text, published):
            mention = _date_mention(expr, sentence, anchor, by_id)
            found.append(mention)
            if mention.resolved and mention.start_date == mention.end_date and mention.kind != "offset":
                anchor = mention
    return found


def article_date_mentions() -> list[DateMention]:
    """The bundled article's date expressions, resolved against its publication date and checked."""
    article = bundled_article()
    return date_mentions(article.sentences, article.meta.publication_date)
