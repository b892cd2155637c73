"""Cells of an uploaded events file: column names and their aliases, tidying, unsafe text, date-and-time cells.

Used by :mod:`components.text.uploads`; every message quotes the value it is about (clipped, and with
no character that could read as markup).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ValidationError

from components.data.text_rules import text_problem
from components.data.text_rules import tidy as tidy_text
from components.data.validation import reason as validation_reason
from components.locale import _
from components.text.upload_schema import ALIASES, FIELDS, PATTERN_HINTS, REQUIRED_REASON, clip, shown


def column_key(name: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def field_of(name: object) -> str | None:
    """The schema field a column or key names, directly or through an alias; None when it names none."""
    key = column_key(name)
    return key if key in FIELDS else ALIASES.get(key)


def tidy(value: object) -> object:
    """Normalise line ends and trim text; a list (JSON symbols) is tidied one level deep only, so a
    deeply nested value cannot exhaust the stack: its inner lists fail validation as non-text."""
    def text(v: object) -> object:
        return tidy_text(v) if isinstance(v, str) else v

    return [text(v) for v in value] if isinstance(value, list) else text(value)


def quotes(reason: str, value: object) -> bool:
    """Whether a message already shows the bad value (or, for a list, one of its items)."""
    items = value if isinstance(value, list) else [value]
    return any(isinstance(v, str) and clip(v) in reason for v in items)


_DATETIME = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d{1,6})?)?"
                       r"\s*(?P<offset>Z|[+-]\d{2}:?\d{2})?")


def split_datetime(values: dict[str, object]) -> dict[str, str]:
    """Put a 'datetime' value ("2025-03-06 16:30", "2025-03-06T08:30Z") into date and time; problems, by field."""
    raw = values["datetime"]
    m = _DATETIME.fullmatch(raw) if isinstance(raw, str) else None
    if m is None:
        return {"datetime": _("{value} is not a date and time such as 2025-03-06 16:30 (or 2025-03-06T08:30Z)").format(
            value=shown(raw))}
    if "date" in values:
        return {"datetime": _("{value} repeats the date column ({date}); give one of them").format(
            value=shown(raw), date=shown(values["date"]))}
    values["date"], time_text = m.group("date"), m.group("time")
    if time_text:
        values.setdefault("time", time_text)
    if m.group("offset") and time_text:
        try:
            offset = m.group("offset").replace("Z", "+00:00")
            moment = dt.datetime.fromisoformat(f"{m.group('date')}T{time_text}{offset}")
        except ValueError:
            return {"datetime": _("{value} is not a date and time such as 2025-03-06 16:30").format(value=shown(raw))}
        zone = values.get("tz") if isinstance(values.get("tz"), str) else "UTC"
        try:
            local = moment.astimezone(ZoneInfo(zone))
        except (ZoneInfoNotFoundError, ValueError):
            return {}  # the tz field reports its own problem
        values.update(date=local.date().isoformat(), time=local.strftime("%H:%M:%S"), tz=zone)
    return {}


def unsafe_text(value: object) -> str | None:
    """Why a cell's text breaks the text rules (components/data/text_rules.py), for its field's problem."""
    for text in value if isinstance(value, list) else [value]:
        problem = text_problem(text) if isinstance(text, str) else None
        if problem:
            return problem
    return None


def site_name(url: object) -> str:
    match = re.match(r"https?://([^/\s?#]+)", str(url))
    return match.group(1) if match else str(url)[:100]


def field_errors(exc: ValidationError) -> list[tuple[str, str]]:
    """(field, reason) per error of an uploaded row, worded as events.describe_validation_error words them."""
    found = []
    for err in exc.errors():
        loc = err["loc"]
        name = str(loc[0]) if loc else "(row)"
        if name == "sources":
            name = "source_title" if loc[-1] == "title" else "source_url"
        if err["type"] == "missing":
            reason = _("is required when source_title is given") if name == "source_url" else _(REQUIRED_REASON)
        elif err["type"] == "string_pattern_mismatch" and name in PATTERN_HINTS:
            reason = _(PATTERN_HINTS[name])
        else:
            reason = validation_reason(err)  # pydantic's kinds of error, worded in one place for every record
        if err["type"] != "missing" and not quotes(reason, err.get("input")):
            reason = _("{value}: {reason}").format(value=shown(err.get("input")), reason=reason)
        found.append((name, reason))
    return found


def file_label(name: str) -> str:
    """The file's name as messages quote it."""
    named = clip(PurePath(name).name) or _("the file")  # outside the f-string, where the catalogs' extraction sees it
    return f"'{named}'"


def row_numbers(rows: list[int], limit: int = 10) -> str:
    """Row numbers as a notice lists them: the first ``limit``, then how many more."""
    listed = ", ".join(str(r) for r in rows[:limit])
    return _("{listed} and {more} more").format(listed=listed, more=len(rows) - limit) if len(rows) > limit else listed


def row_label(row: int, line: int | None) -> str:
    """Where a row is: "Row 3", or "Row 3 (line 4)" for CSV."""
    return _("Row {row}").format(row=row) if line is None else _("Row {row} (line {line})").format(row=row, line=line)
