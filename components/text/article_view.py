"""Article page content (pure): Markdown for sentences with highlights, and the date-check table."""

from __future__ import annotations

import functools

import pandas as pd

from components.locale import N_, _
from components.locale.formats import date_as
from components.text.article import Article, Block, DateMention, Sentence, deduplicated_blocks
from components.text.safe import md_escape

VERDICT_MARKS = {
    "agrees": N_("✓ agrees"),
    "roughly": N_("≈ roughly"),
    "disagrees": N_("✗ disagrees"),
    "ambiguous": N_("? ambiguous"),
    "no event": N_("· no event to check"),
    "unresolved": N_("! unresolved"),
}
# the date-check table's columns, as shown
DATE_COLUMNS = (N_("the article says"), N_("resolves to"), N_("verified date"), N_("check"), N_("event"),
                N_("paragraph"), N_("rule"), N_("note"))


def block_markdown(block: Block, sentences: list[Sentence], focus: str | None = None) -> str:
    """The block as Markdown: sentences that mention an event on a coloured background (bold if they
    mention the focused event); all text escaped, so nothing in it renders as Markdown or HTML."""
    parts, cursor = [], 0
    for s in sorted((s for s in sentences if s.block == block.index), key=lambda s: s.start):
        parts.append(md_escape(block.text[cursor:s.start]))
        text = md_escape(s.text)
        if s.event_ids:
            colour = "orange" if focus in s.event_ids else "blue"
            text = f":{colour}-background[{text}]"
            if focus in s.event_ids:
                text = f"**{text}**"
        parts.append(text)
        cursor = s.start + len(s.text)
    parts.append(md_escape(block.text[cursor:]))
    return "".join(parts)


def mentioned_events(block: Block, sentences: list[Sentence]) -> list[str]:
    """Event ids mentioned in a block, in order of first mention."""
    ids: list[str] = []
    for s in sentences:
        if s.block == block.index:
            ids += [e for e in s.event_ids if e not in ids]
    return ids


def sentences_for_event(event_id: str, article: Article) -> list[Sentence]:
    """The article's sentences that mention the event, each point once: sentences in a paragraph that
    repeats an earlier one in other words are left out, as the article page leaves them out."""
    kept = _kept_blocks(article.blocks)
    return [s for s in article.sentences if event_id in s.event_ids and s.block in kept]


@functools.lru_cache(maxsize=4)
def _kept_blocks(blocks: tuple[Block, ...]) -> frozenset[int]:
    """The blocks the article page shows (each point once), computed once per article."""
    return frozenset(item.block.index for item in deduplicated_blocks(blocks))


def date_table(mentions: list[DateMention], titles: dict[str, str]) -> pd.DataFrame:
    """One row per date expression: the wording, what it resolves to, the verified date, the verdict."""
    rows = []
    for m in mentions:
        resolved = "" if not m.resolved else (
            date_as(m.start_date, "weekday_date") if m.start_date == m.end_date
            else _("{start} – {end}").format(start=date_as(m.start_date, "date"), end=date_as(m.end_date, "date")))
        rows.append((
            m.wording,
            resolved or _("unresolved: {reason}").format(reason=m.reason),
            "; ".join(date_as(c.verified_date, "weekday_date") for c in m.checks),
            _(VERDICT_MARKS[m.verdict]) if m.verdict in VERDICT_MARKS else m.verdict,
            "; ".join(titles.get(c.event_id, c.event_id) for c in m.checks),
            m.block + 1,
            m.rule,
            " ".join(x for x in [m.note, *(c.note for c in m.checks)] if x),
        ))
    return pd.DataFrame(rows, columns=[_(c) for c in DATE_COLUMNS])
