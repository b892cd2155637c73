"""The user's own events for a session (pure): merging with unique ids, and accepting reviewed candidates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from pydantic import ValidationError

from components.data.events import Event, describe_validation_error
from components.data.symbols import InvalidSymbol, normalise_symbol
from components.text.extraction import Candidate, candidate_to_event_record

MAX_USER_EVENTS = 500


@dataclass(frozen=True)
class Merge:
    events: list[Event]
    notices: list[str]
    added: int  # how many of the new events were added


def merge(existing: list[Event], new: list[Event], taken: set[str]) -> Merge:
    """Append ``new`` to ``existing``, renaming an id already in ``taken`` or earlier in the list."""
    out, notices = list(existing), []
    used = set(taken) | {e.id for e in existing}
    room = max(MAX_USER_EVENTS - len(existing), 0)
    if len(new) > room:
        notices.append(f"A session holds at most {MAX_USER_EVENTS} events and yours has {len(existing)}, so "
                       f"{len(new) - room} of these {len(new)} were not added"
                       + ("; remove some of yours first." if room == 0 else f" (the first {room} were)."))
        new = new[:room]
    for event in new:
        wanted, n = event.id, 2
        while event.id in used:
            event = event.model_copy(update={"id": f"{wanted[:75]}-{n}"})
            n += 1
        if event.id != wanted:
            notices.append(f"'{wanted}' was already taken; added as '{event.id}'.")
        used.add(event.id)
        out.append(event)
    return Merge(out, notices, len(new))


def review_frame(candidates: list[Candidate]) -> pd.DataFrame:
    """The editable review table: one row per candidate, accepted by default when it has a single date."""
    return pd.DataFrame({
        "add": [c.date is not None for c in candidates],
        "date": [c.date for c in candidates],
        "time": ["" for _ in candidates],
        "title": [c.title for c in candidates],
        "category": [c.category for c in candidates],
        "symbols": ["" for _ in candidates],
        "date expression": [c.expression or "" for c in candidates],
        "resolves to": [_span(c) for c in candidates],
        "confidence": [c.confidence for c in candidates],
        "sentence": [c.sentence for c in candidates],
    })


def _span(c: Candidate) -> str:
    if c.start_date is None:
        return "no date"
    return f"{c.start_date}" if c.start_date == c.end_date else f"{c.start_date} – {c.end_date}"


def accept(candidates: list[Candidate], edited: pd.DataFrame) -> tuple[list[Event], list[str]]:
    """Events from the rows marked ``add``, with the user's edits; a problem line for each bad row."""
    events, problems = [], []
    for i, (candidate, row) in enumerate(zip(candidates, edited.to_dict("records")), start=1):
        if not row.get("add"):
            continue
        try:
            edits = _edits(row)
            events.append(Event.model_validate(candidate_to_event_record(candidate, **edits)))
        except ValidationError as exc:
            problems += describe_validation_error(exc, f"row {i}")
        except (ValueError, InvalidSymbol) as exc:
            problems.append(f"row {i}: {exc}")
    return events, problems


def _edits(row: dict) -> dict:
    day = row.get("date")
    if day is None or (isinstance(day, float) and pd.isna(day)):
        raise ValueError("pick a date: this sentence gives a period or no date")
    edits = {"date": pd.Timestamp(day).date() if not isinstance(day, dt.date) else day,
             "title": str(row.get("title") or "").strip(), "category": row.get("category")}
    time_text = str(row.get("time") or "").strip()
    if time_text:
        edits["time"] = time_text
    symbols = [s for s in str(row.get("symbols") or "").replace(";", " ").replace(",", " ").split() if s]
    if symbols:
        edits["symbols"] = [normalise_symbol(s) for s in symbols]
    return edits
