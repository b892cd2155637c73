"""Events a user uploads as CSV or JSON: a parser that reports every problem by row and field.

The schema and templates are in :mod:`components.text.upload_schema`.

JSON is a list of such objects or ``{"events": [...]}``; there ``symbols`` may also be a list.
Column names and keys match in any case ("Source URL" is ``source_url``); a CSV whose header has
no comma may use ; or a tab between columns. Whatever is not in the schema is ignored and named in a
notice, so nothing the user gave disappears silently.

Every event gets ``origin="user"`` and an id starting ``user-`` (the given id in lower case, or a
slug of title and date). An id already taken, by ``existing_ids`` or an earlier row, gets a suffix
"-2", "-3"... and a notice.

Uploaded text is untrusted. A value with markup (a ``<tag``, a ``javascript:`` or ``vbscript:``
link, ``data:text/html``, an event handler such as ``onerror=``, also when written with HTML
entities) or with control or bidirectional-override characters is a problem for its field, and its
row is rejected; kept values are trimmed plain text, with line breaks as "\n".

A title, summary or source title starting with = + - or @ is kept as written, because "+3% after
results" is ordinary text, and reported as a notice: code that writes CSV should pass such values
through :func:`csv_safe`.

Whole-file problems (too big, more than MAX_UPLOAD_ROWS rows, not UTF-8, not CSV or JSON, empty, required
columns missing, malformed JSON) raise :class:`UploadError`. A bad row never stops the others: each
bad field becomes one :class:`RowProblem` and the valid rows are kept.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

from pydantic import ValidationError

from components.data.events import Event, shown_time_note
from components.facts import MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS
from components.locale import N_, _
from components.locale.formats import number
from components.text.safe import looks_like_formula
from components.text.upload_schema import (
    ALIASES,
    FIELDS,
    ID_MAX,
    ID_PREFIX,
    PENDING_ID,
    REQUIRED,
    REQUIRED_REASON,
    UploadedEvent,
    clip,
    shown,
)
from components.text.upload_values import (
    column_key,
    field_errors,
    field_of,
    file_label,
    row_label,
    row_numbers,
    site_name,
    split_datetime,
    tidy,
    unsafe_text,
)

IN_SESSION = N_("your event")  # what a duplicate repeats: one of the session's events, else an earlier row


class UploadError(ValueError):
    """The uploaded file as a whole cannot be used; the message says why, for the user."""


@dataclass(frozen=True)
class RowProblem:
    """One bad field of one row: ``row`` counts data rows from 1; ``line`` is the CSV line, or None."""

    row: int
    line: int | None
    field: str
    reason: str

    def __str__(self) -> str:
        return _("{where}, field '{field}': {reason}").format(where=row_label(self.row, self.line), field=self.field,
                                                              reason=self.reason)


@dataclass(frozen=True)
class UploadResult:
    """The valid events in file order, one problem per bad field, and notices about changes made.

    ``duplicates`` are rows that repeat an event already given (``existing``) or an earlier row of the file:
    (the row's event, what it repeats: "your event 'user-…'" or "Row 1 (line 2) of this file"); they are
    not in ``events``. ``in_session`` counts those that repeat one of the session's events (the others repeat
    an earlier row)."""

    events: list[Event]
    problems: list[RowProblem]
    notices: list[str]
    duplicates: list[tuple[Event, str]] = field(default_factory=list)
    in_session: int = 0


def same_event_key(event: Event) -> tuple:
    """What makes two events the same one: the day, the hour, the zone and the title (in any case)."""
    return event.date, event.time, event.tz, " ".join(event.title.casefold().split())


@dataclass(frozen=True)
class _RawRow:
    row: int
    line: int | None
    values: dict[str, object]
    problems: dict[str, str]


def parse_upload(name: str, data: bytes, existing_ids: set[str], existing: list[Event] | tuple = ()) -> UploadResult:
    """Read an uploaded CSV or JSON file (chosen by ``name``'s extension) into validated events.

    ``existing_ids`` are ids already in use (bundled events, earlier uploads); it is not changed.
    ``existing`` are the session's own events: a row repeating one is a duplicate, not an event.
    Raises :class:`UploadError` for whole-file problems; bad rows become ``problems``.
    """
    label = file_label(name)
    reader = _READERS.get(PurePath(name).suffix.lower())
    if reader is None:
        raise UploadError(_("{file} is not a CSV or JSON file: use a name ending in .csv or .json (from a spreadsheet, "
                            "save as 'CSV UTF-8').").format(file=label))
    rows, notices = reader(_decode(data, label), label)
    events, problems, taken, repeated = [], [], set(existing_ids), []
    theirs = {same_event_key(e) for e in existing}
    known = {same_event_key(e): _("{your_event} '{id}'").format(your_event=_(IN_SESSION), id=e.id) for e in existing}
    for raw in rows:
        event, row_problems, row_notices = _check_row(raw)
        problems += row_problems
        notices += row_notices
        if event is None:
            continue
        if same_event_key(event) in known:  # one event however many rows repeat it
            repeated.append((event, known[same_event_key(event)]))
            continue
        known[same_event_key(event)] = _("{where} of this file").format(where=row_label(raw.row, raw.line))
        final = _unique_id(event.id, taken)
        if final != event.id:
            notices.append(_("{where}: the id '{id}' is already taken, so this event's id is '{final}'.").format(
                where=row_label(raw.row, raw.line), id=event.id, final=final))
        taken.add(final)
        events.append(Event.model_validate({**event.model_dump(), "id": final}))
    return UploadResult(events, problems, notices, repeated, sum(same_event_key(e) in theirs for e, _what in repeated))


def _decode(data: bytes, label: str) -> str:
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError(_("{file} is {size} bytes; the limit is 1 MB ({limit} bytes). Split it into smaller "
                            "files.").format(file=label, size=number(len(data), 0), limit=number(MAX_UPLOAD_BYTES, 0)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UploadError(_("{file} is not UTF-8 text (byte 0x{byte} at position {position}); save it as UTF-8, in "
                            "Excel as 'CSV UTF-8'.").format(file=label, byte=f"{data[exc.start]:02x}",
                                                           position=exc.start)) from None
    if not text.strip():
        raise UploadError(_("{file} is empty.").format(file=label))
    return text


def _read_csv(text: str, label: str) -> tuple[list[_RawRow], list[str]]:
    records = _csv_records(text, label)
    if not records:
        raise UploadError(_("{file} is empty.").format(file=label))
    columns, notices = _csv_columns(records[0][1], label)
    _check_count(len(records) - 1, label)
    notices += _unknown_columns(records)
    rows = [_csv_row(i, line, cells, columns) for i, (line, cells) in enumerate(records[1:], start=1)]
    return rows, notices


def _csv_records(text: str, label: str) -> list[tuple[int, list[str]]]:
    header_line = next(line for line in text.splitlines() if line.strip())
    delimiter = next((d for d in ",;\t" if d in header_line), ",")
    # strict: an unclosed quote would otherwise swallow every later row into one cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records, start = [], 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise UploadError(_("{file} is not valid CSV: {error} in the row starting on line {line}. A value with "
                            "commas, quotes or line breaks must be in double quotes, with its own quotes "
                            "doubled.").format(file=label, error=exc, line=start)) from None
    return records


def _unknown_columns(records: list[tuple[int, list[str]]]) -> list[str]:
    """A notice naming ignored columns; an unnamed column counts only if some row fills it."""
    header, body = records[0][1], [cells for _, cells in records[1:]]
    unknown = [f"'{clip(name)}'" if name.strip() else _("unnamed column {number}").format(number=i)
               for i, name in enumerate(header, start=1)
               if field_of(name) is None
               and (name.strip() or any(len(c) >= i and c[i - 1].strip() for c in body))]
    return [_("Ignored columns not in the schema: {columns}.").format(columns=", ".join(unknown))] if unknown else []


def _csv_columns(header: list[str], label: str) -> tuple[list[str], list[str]]:
    """The field each column holds (aliases such as 'timezone' read as 'tz', each said in a notice)."""
    columns = [field_of(c) or column_key(c) for c in header]
    notices = [(_("Column '{column}' was read as a date and a time.") if f == "datetime"
                else _("Column '{column}' was read as '{field}'.")).format(column=clip(c), field=f)
               for c, f in zip(header, columns) if f in ALIASES.values() and (column_key(c) != f or f == "datetime")]
    by_field: dict[str, list[str]] = {}
    for name, column in zip(header, columns):
        if column in FIELDS or column == "datetime":
            by_field.setdefault(column, []).append(clip(name.strip()))
    repeated = sorted(f for f, names in by_field.items() if len(names) > 1)
    if repeated:
        named = "; ".join(_("{columns} all name '{field}'").format(
            columns=_(" and ").join(repr(n) for n in by_field[f]), field=f) for f in repeated)
        raise UploadError(_("{file} has the column {fields} more than once ({named}).").format(
            file=label, fields=", ".join(repeated), named=named))
    missing = [f for f in REQUIRED if f not in columns and not (f == "date" and "datetime" in columns)]
    if missing:
        raise UploadError(_("{file} has no {missing} column: the first row must name the columns, and {required} "
                            "are required. The template shows the layout.").format(
            file=label, missing=", ".join(missing), required=", ".join(REQUIRED)))
    return columns, notices


def _csv_row(row: int, line: int, cells: list[str], columns: list[str]) -> _RawRow:
    # a short row leaves its last columns empty; extra cells are checked just below
    values = {c: cell for c, cell in zip(columns, cells, strict=False) if c in FIELDS or c == "datetime"}
    problems = {}
    extra = [cell for cell in cells[len(columns):] if cell.strip()]
    if extra:
        problems["(row)"] = _("has {cells} cells but the header names {columns} columns (the first extra one is "
                              "{extra}); a value containing commas needs double quotes").format(
            cells=len(cells), columns=len(columns), extra=shown(extra[0]))
    return _RawRow(row, line, values, problems)


class _JsonObject(dict):
    """A JSON object that remembers keys written more than once (json.loads keeps only the last)."""

    def __init__(self, pairs: list[tuple[str, object]]) -> None:
        super().__init__(pairs)
        self.repeated = {k for k, n in Counter(k for k, _ in pairs).items() if n > 1}
        self.given = {k: [v for key, v in pairs if key == k] for k in self.repeated}


def _read_json(text: str, label: str) -> tuple[list[_RawRow], list[str]]:
    try:
        payload = json.loads(text, object_pairs_hook=_JsonObject)
    except json.JSONDecodeError as exc:
        raise UploadError(_("{file} is not valid JSON: {error} at line {line}, column {column}.").format(
            file=label, error=exc.msg, line=exc.lineno, column=exc.colno)) from None
    except (ValueError, RecursionError):
        raise UploadError(_("{file} cannot be read as JSON: it is nested too deeply or holds a number too "
                            "long.").format(file=label)) from None
    items, notices = _json_items(payload, label)
    _check_count(len(items), label)
    unknown: dict[str, list[int]] = {}
    aliased: dict[str, str] = {}
    for i, item in enumerate(items, start=1):
        for key in item if isinstance(item, dict) else ():
            if field_of(key) is None:
                unknown.setdefault(key, []).append(i)
            elif column_key(key) not in FIELDS:
                aliased[key] = field_of(key)
    notices += [_("Ignored field '{key}', which is not in the schema, in rows {rows}.").format(
        key=clip(key), rows=row_numbers(where)) for key, where in unknown.items()]
    notices += [_("Field '{key}' was read as '{field}'.").format(key=clip(key), field=field)
                for key, field in aliased.items()]
    return [_json_row(i, item) for i, item in enumerate(items, start=1)], notices


def _json_items(payload: object, label: str) -> tuple[list[object], list[str]]:
    """The list of event objects, from a list or from ``{"events": [...]}`` (other keys noted)."""
    notices = []
    if isinstance(payload, dict):
        if "events" in getattr(payload, "repeated", ()):
            raise UploadError(_("{file} has the key 'events' more than once; JSON keeps only the last list, so the "
                                "others would be lost. Put every event in one 'events' list.").format(file=label))
        ignored = [f"'{clip(k)}'" for k in payload if k != "events"]
        if ignored:
            notices.append(_("Ignored top-level keys other than 'events': {keys}.").format(keys=", ".join(ignored)))
        payload = payload.get("events")
    if not isinstance(payload, list):
        raise UploadError(_("{file} must hold a list of events, or an object with an 'events' list.").format(
            file=label))
    return payload, notices


def _json_row(row: int, item: object) -> _RawRow:
    if not isinstance(item, dict):
        return _RawRow(row, None, {}, {"(row)": _("is not an object with named fields")})
    values, problems = {}, {}
    for key, value in item.items():
        name = field_of(key)
        if name is None:
            continue
        if name in values or key in getattr(item, "repeated", ()):
            given = ([values[name]] if name in values else []) + getattr(item, "given", {}).get(key, [value])
            problems[name] = _("is given more than once ({values})").format(
                values=_(", then ").join(shown(v) for v in given[:3]))
        values[name] = value
    return _RawRow(row, None, values, problems)


def _check_row(raw: _RawRow) -> tuple[UploadedEvent | None, list[RowProblem], list[str]]:
    values = {k: tidy(v) for k, v in raw.values.items()}
    values = {k: v for k, v in values.items() if v not in (None, "", [])}
    bad = dict(raw.problems)
    for name, value in values.items():
        reason = unsafe_text(value)
        if reason:
            said = shown(value) if isinstance(value, str) else _("the value")
            bad.setdefault(name, _("{value} {reason}").format(value=said, reason=reason))
    if "datetime" in values and "datetime" not in bad:
        bad.update(split_datetime(values))
    values.pop("datetime", None)
    event = None
    try:
        if raw.values or not bad:  # a JSON item that is not an object has no fields to check
            checked = {k: v for k, v in values.items() if k not in bad}
            event = UploadedEvent.model_validate(_event_input(checked))
    except ValidationError as exc:
        for name, reason in field_errors(exc):
            bad.setdefault(name, reason)
    if "datetime" in bad and bad.get("date") == _(REQUIRED_REASON):
        del bad["date"]  # the datetime's own problem says it
    if bad:
        order = sorted(bad, key=lambda f: FIELDS.index(f) if f in FIELDS else 1 if f == "datetime" else -1)
        return None, [RowProblem(raw.row, raw.line, f, bad[f]) for f in order], []
    if "id" not in values:
        event = event.model_copy(update={"id": _slug_id(event.title, event.date)})
    clock = [_("{where}: {note}").format(where=row_label(raw.row, raw.line), note=shown_time_note(event))] \
        if event.time_note else []  # a time the clocks skip, in the reader's language
    return event, [], _formula_notices(raw, values) + clock


def _event_input(values: dict[str, object]) -> dict[str, object]:
    data = {k: v for k, v in values.items() if k not in ("source_url", "source_title")}
    url, title = values.get("source_url"), values.get("source_title")
    if url is not None or title is not None:
        source = {"url": url} if url is not None else {}
        source["title"] = title if title is not None else site_name(url)
        data["sources"] = [source]
    return {"id": PENDING_ID, **data, "origin": "user"}


def _formula_notices(raw: _RawRow, values: dict[str, object]) -> list[str]:
    texts = {name: values.get(name) for name in ("title", "summary", "source_title")}
    return [_("{where}, field '{field}': starts with '{first}', which a spreadsheet may read as a formula; it is "
              "kept as plain text.").format(where=row_label(raw.row, raw.line), field=name, first=text[0])
            for name, text in texts.items() if isinstance(text, str) and looks_like_formula(text)]


def _unique_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted[:ID_MAX - len(str(n)) - 1]}-{n}"
    return candidate


def _slug_id(title: str, date: dt.date) -> str:
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:48].strip("-")
    return f"{ID_PREFIX}{words or 'event'}-{date.isoformat()}"


def _check_count(count: int, label: str) -> None:
    if count > MAX_UPLOAD_ROWS:
        raise UploadError(_("{file} has {count} rows; the limit is {limit} events per file. Split it into smaller "
                            "files.").format(file=label, count=count, limit=MAX_UPLOAD_ROWS))
    if count == 0:
        raise UploadError(_("{file} holds no events.").format(file=label))


_READERS: dict[str, Callable[[str, str], tuple[list[_RawRow], list[str]]]] = {
    ".csv": _read_csv,
    ".json": _read_json,
}
