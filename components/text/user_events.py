"""The user's own events for a session (pure): merging with unique ids, duplicates, and reviewed candidates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from pydantic import ValidationError

from components.data.events import Event, describe_validation_error, is_time_zone
from components.data.symbols import InvalidSymbol, normalise_symbol
from components.facts import MAX_SYMBOLS, MAX_USER_EVENTS
from components.locale import _, ngettext
from components.locale.formats import date_as
from components.text.extraction import Candidate, candidate_to_event_record
from components.text.uploads import same_event_key

REVIEW_COLUMNS = ("add", "date", "title", "time", "tz", "category", "symbols", "date expression", "resolves to",
                  "confidence", "sentence", "problem")  # the title third, so a phone shows it without scrolling


@dataclass(frozen=True)
class Merge:
    events: list[Event]
    notices: list[str]
    added: int  # how many of the new events were added


def duplicates(existing: list[Event], new: list[Event]) -> list[tuple[Event, Event]]:
    """(new event, the event of ``existing`` it repeats) for each new event already there."""
    known = {same_event_key(e): e for e in existing}
    return [(e, known[same_event_key(e)]) for e in new if same_event_key(e) in known]


def merge(existing: list[Event], new: list[Event], taken: set[str]) -> Merge:
    """Append ``new`` to ``existing``: an event already there, or repeated in ``new``, is added once (a notice
    says so), an id already in ``taken`` or earlier in the list is renamed."""
    out, notices, firsts = list(existing), [], {}
    for event in new:  # one event however often the list repeats it
        firsts.setdefault(same_event_key(event), event)
    if len(firsts) < len(new):
        notices.append(ngettext("{count} event repeated another of these and was added once.",
                                "{count} events repeated another of these and were added once.",
                                len(new) - len(firsts)).format(count=len(new) - len(firsts)))
        new = list(firsts.values())
    repeated = duplicates(existing, new)
    if repeated:
        shown = "; ".join(_("“{title}” ({date})").format(title=e.title, date=date_as(e.date, "date"))
                           for e, _same in repeated[:5])
        if len(repeated) > 5:
            shown = _("{listed} and {more} more").format(listed=shown, more=len(repeated) - 5)
        notices.append(ngettext("{count} event was already among yours and was not added again: {events}.",
                                "{count} events were already among yours and were not added again: {events}.",
                                len(repeated)).format(count=len(repeated), events=shown))
        skip = {id(e) for e, _same in repeated}
        new = [e for e in new if id(e) not in skip]
    used = set(taken) | {e.id for e in existing}
    room = max(MAX_USER_EVENTS - len(existing), 0)
    if len(new) > room:
        full = _("A session holds at most {limit} events and yours has {count}, so {left} of these {new} were not "
                 "added; remove some of yours first.")
        some = _("A session holds at most {limit} events and yours has {count}, so {left} of these {new} were not "
                 "added (the first {room} were).")
        notices.append((full if room == 0 else some).format(limit=MAX_USER_EVENTS, count=len(existing),
                                                            left=len(new) - room, new=len(new), room=room))
        new = new[:room]
    for event in new:
        wanted, n = event.id, 2
        while event.id in used:
            event = event.model_copy(update={"id": f"{wanted[:75]}-{n}"})
            n += 1
        if event.id != wanted:
            notices.append(_("'{wanted}' was already taken; added as '{id}'.").format(wanted=wanted, id=event.id))
        used.add(event.id)
        out.append(event)
    return Merge(out, notices, len(new))


def review_frame(candidates: list[Candidate], rows: list[dict] | None = None) -> pd.DataFrame:
    """The editable review table: one row per candidate, ticked by default when it has a single date.

    ``rows`` (one dict per candidate) are rows kept from an earlier review, with their edits and
    the ``problem`` that kept them from being added."""
    if rows is not None and len(rows) == len(candidates):
        frame = pd.DataFrame([{c: row.get(c, "") for c in REVIEW_COLUMNS} for row in rows], columns=REVIEW_COLUMNS)
    else:
        frame = pd.DataFrame({
            "add": pd.Series([c.date is not None for c in candidates], dtype=bool),
            "date": pd.Series([c.date for c in candidates], dtype=object),
            "time": ["" for _ in candidates],
            "tz": [c.tz for c in candidates],
            "title": [c.title for c in candidates],
            "category": [c.category for c in candidates],
            "symbols": [" ".join(c.symbols) for c in candidates],
            "date expression": [c.expression or "" for c in candidates],
            "resolves to": [_span(c) for c in candidates],
            "confidence": [c.confidence for c in candidates],
            "sentence": [c.sentence for c in candidates],
            "problem": ["" for _ in candidates],
        }, columns=REVIEW_COLUMNS)
    frame["date"] = pd.Series([_as_date(d) for d in frame["date"]], dtype=object, index=frame.index)
    frame["add"] = frame["add"].astype(bool)
    return frame


def _as_date(value) -> dt.date | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date() if not isinstance(value, dt.date) or isinstance(value, dt.datetime) else value


def _span(c: Candidate) -> str:
    if c.start_date is None:
        return _("no date")
    return f"{c.start_date}" if c.start_date == c.end_date else f"{c.start_date} – {c.end_date}"


def accept(candidates: list[Candidate], edited: pd.DataFrame) -> tuple[list[Event], list[str]]:
    """Events from the rows marked ``add``, with the user's edits; a problem line for each bad row."""
    events, kept = accept_rows(candidates, edited)
    return events, [_("row {number}: {problem}").format(number=i + 1, problem=row["problem"])
                    for i, (_c, row) in enumerate(kept) if row.get("problem")]


def accept_rows(candidates: list[Candidate], edited: pd.DataFrame) -> tuple[list[Event], list[tuple[Candidate, dict]]]:
    """The events of the ticked rows that are valid, and every other row (candidate, row) to keep on screen;
    a ticked row that could not be added keeps the reason in its ``problem``."""
    events, kept = [], []
    for candidate, row in zip(candidates, edited.to_dict("records")):
        row = {**row, "problem": ""}
        if not row.get("add"):
            kept.append((candidate, row))
            continue
        try:
            events.append(Event.model_validate(candidate_to_event_record(candidate, **_edits(row, candidate))))
            continue
        except ValidationError as exc:
            row["problem"] = "; ".join(describe_validation_error(exc, _("this row")))
        except (ValueError, InvalidSymbol) as exc:
            row["problem"] = str(exc)
        kept.append((candidate, row))
    return events, kept


def _edits(row: dict, candidate: Candidate) -> dict:
    day = _as_date(row.get("date"))
    if day is None:
        raise ValueError(_("pick a date: this sentence gives a period or no date, so it was not added"))
    edits = {"date": day, "title": str(row.get("title") or "").strip(), "category": row.get("category")}
    time_text = str(row.get("time") or "").strip()
    if time_text:
        edits["time"] = time_text
    zone = str(row.get("tz") or candidate.tz).strip()
    if not is_time_zone(zone):
        raise ValueError(_("'{zone}' is not an IANA time zone such as Asia/Hong_Kong or America/New_York").format(
            zone=zone[:40]))
    edits["tz"] = zone
    symbols = [s for s in str(row.get("symbols") or "").replace(";", " ").replace(",", " ").split() if s]
    if len(symbols) > MAX_SYMBOLS:
        raise ValueError(_("an event lists at most {limit} symbols; this row lists {count}").format(
            limit=MAX_SYMBOLS, count=len(symbols)))
    edits["symbols"] = [normalise_symbol(s) for s in symbols]
    return edits
