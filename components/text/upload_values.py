"""Cells of an uploaded events file: column names and their aliases, tidying, unsafe text, date-and-time cells.

Used by :mod:`components.text.uploads`; every message quotes the value it is about (clipped, and with
no character that could read as markup).
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from components.data.text_rules import text_problem
from components.data.text_rules import tidy as tidy_text
from components.text.upload_schema import ALIASES, FIELDS, clip, shown


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
        return {"datetime": f"{shown(raw)} is not a date and time such as 2025-03-06 16:30 (or 2025-03-06T08:30Z)"}
    if "date" in values:
        return {"datetime": f"{shown(raw)} repeats the date column ({shown(values['date'])}); give one of them"}
    values["date"], time_text = m.group("date"), m.group("time")
    if time_text:
        values.setdefault("time", time_text)
    if m.group("offset") and time_text:
        try:
            offset = m.group("offset").replace("Z", "+00:00")
            moment = dt.datetime.fromisoformat(f"{m.group('date')}T{time_text}{offset}")
        except ValueError:
            return {"datetime": f"{shown(raw)} is not a date and time such as 2025-03-06 16:30"}
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
