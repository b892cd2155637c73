"""A proposed event as a record the app stores: an ``Event`` of origin "user", with its date, zone and note.

:func:`candidate_to_event_record` turns a candidate of :mod:`components.text.extraction` into a JSON-ready record
valid for :class:`components.data.events.Event` (id "user-<slug of the title>"), with any field edited on review.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from pydantic import ValidationError

from components.data.events import Event, describe_validation_error
from components.data.text_rules import as_plain
from components.facts import MAX_SYMBOLS
from components.locale import _, ngettext

if TYPE_CHECKING:
    from components.text.extraction import Candidate


def _user_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if name.startswith("user-"):
        slug = slug.removeprefix("user-")
    slug = slug[:70].rstrip("-") or "event-" + hashlib.sha1(name.encode()).hexdigest()[:8]
    return f"user-{slug}"


def _base_record(candidate: Candidate) -> dict:
    note = _("Date from the article's wording ({rule}); not checked against sources.").format(rule=candidate.rule) \
        if candidate.rule else _("The article gives no date for this; not checked against sources.")
    if candidate.qualifier:
        note = _("{note} Time of day in the article: {qualifier}.").format(note=note, qualifier=candidate.qualifier)
    wording = candidate.expression[:300] if candidate.expression else None
    summary = (candidate.context or candidate.sentence)[:2000]
    return {"title": candidate.title, "date": candidate.date, "tz": candidate.tz, "category": candidate.category,
            "summary": summary, "article_wording": wording, "match_note": note[:500],
            "confidence": "unverified", "in_article": False, "origin": "user", "symbols": list(candidate.symbols)}


def candidate_to_event_record(candidate: Candidate, **edits) -> dict:
    """A JSON-ready record valid for components.events.Event: origin "user", id "user-<slug of the title>".

    ``edits`` override any Event field (title, date, category, tz, symbols, ...). A range or undated
    candidate needs ``date=``. ValueError names the problem when the record is not a valid Event.
    """
    unknown = sorted(set(edits) - set(Event.model_fields))
    if unknown:
        raise ValueError(ngettext("unknown event field: {fields}", "unknown event fields: {fields}",
                                  len(unknown)).format(fields=", ".join(unknown)))
    if edits.get("origin", "user") != "user":
        raise ValueError(_("a proposed event always has origin 'user'"))
    record = {**_base_record(candidate), **edits}
    record["id"] = _user_id(str(edits.get("id") or record["title"]))
    if record["date"] is None:
        raise ValueError(_("'{title}' has no single date ({wording}); pass date=YYYY-MM-DD").format(
            title=candidate.title, wording=candidate.expression or _("no date wording")))
    if len(record.get("symbols") or []) > MAX_SYMBOLS:
        raise ValueError(_("an event lists at most {limit} symbols; this one lists {count}").format(
            limit=MAX_SYMBOLS, count=len(record["symbols"])))
    try:
        return Event.model_validate(record).model_dump(mode="json")
    except ValidationError as exc:
        raise ValueError("; ".join(describe_validation_error(exc, _("candidate '{id}'").format(id=record["id"])))) \
            from None


def plain_candidates(candidates: list[Candidate]) -> tuple[list[Candidate], list[str]]:
    """The candidates' words as event text (components/data/text_rules.as_plain: no tag can open in them), and a
    notice when that changed any."""
    plain = [replace(c, sentence=as_plain(c.sentence), title=as_plain(c.title), context=as_plain(c.context),
                     expression=None if c.expression is None else as_plain(c.expression)) for c in candidates]
    if plain == candidates:
        return plain, []
    return plain, [_("Angle brackets in the article's words are written ‹ › in the proposed events (a code such as "
                     "‹BABA.N›), so an event keeps plain text.")]
