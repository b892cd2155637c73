"""The upload schema: the fields of an event a user brings, the templates, and their conversions.

A user can add their own events to the charts for their session. Each CSV row, or each JSON
object, is one event with these fields (the same table is :data:`SCHEMA`, for the page to show):

============  ========  =====================================================  ===================
field         required  format                                                 example
============  ========  =====================================================  ===================
title         yes       plain text, at most 150 characters                     Results published
date          yes       YYYY-MM-DD, the date in the event's time zone          2025-03-06
time          no        HH:MM, 24-hour, local time in ``tz`` (HH:MM:SS too)    16:30
tz            no        IANA time zone, default Asia/Hong_Kong                 America/New_York
category      yes       one of ``events.CATEGORIES``, in any case              model release
symbols       no        Yahoo symbols split by ; or spaces (commas in quotes)  9988.HK; BABA
summary       no        plain text, at most 2000 characters                    What happened.
source_url    no        an http:// or https:// address                         https://example.com
source_title  no        plain text; needs source_url; default the site name    Example News
id            no        letters, digits, . _ -; default a slug of title, date  my-event
============  ========  =====================================================  ===================

:class:`UploadedEvent` converts an upload's formats (dates, times, categories in any case, symbols
in one string, ids without the ``user-`` prefix), then the rules of
:class:`~components.data.events.Event` apply, so an uploaded event and a bundled one obey the same model.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass

from pydantic import field_validator

from components.data.events import CATEGORIES, Event
from components.locale import N_, _

ID_PREFIX = "user-"
DEFAULT_TZ: str = Event.model_fields["tz"].default
ID_MAX = 80  # the length components.events.ID_PATTERN allows
PENDING_ID = ID_PREFIX + "pending"
SYMBOL_SEPARATORS = re.compile(r"[;,\s]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"(?P<h>[01]?[0-9]|2[0-3]):(?P<m>[0-5][0-9])(?P<s>:[0-5][0-9])?")
PATTERN_HINTS = {
    "id": N_("use only letters, digits, '.', '_' and '-', at most 80 characters with the 'user-' prefix"),
    "source_url": N_("should be a web address starting with http:// or https://"),
}
REQUIRED_REASON = N_("is required")


def _max_length(name: str) -> int:
    return next(m.max_length for m in Event.model_fields[name].metadata if hasattr(m, "max_length"))


@dataclass(frozen=True)
class SchemaField:
    """One field of the upload schema, as a row of the table shown to users."""

    field: str
    required: bool
    described: str  # the format, marked for translation; {limit} is the field's length limit, {tz}, {categories}
    example: str

    @property
    def format(self) -> str:
        """The field's format in the run's language."""
        limit = _max_length(self.field) if "{limit}" in self.described else None
        return _(self.described).format(limit=limit, tz=DEFAULT_TZ, categories=", ".join(CATEGORIES))


SCHEMA: tuple[SchemaField, ...] = (
    SchemaField("title", True, N_("plain text, at most {limit} characters"), "Results published"),
    SchemaField("date", True, N_("YYYY-MM-DD, the date in the event's time zone"), "2025-03-06"),
    SchemaField("time", False, N_("HH:MM, 24-hour, local time in tz (HH:MM:SS also accepted)"), "16:30"),
    SchemaField("tz", False, N_("IANA time zone, default {tz}"), "America/New_York"),
    SchemaField("category", True, N_("one of {categories} (any case; '-' or '_' for spaces)"), "model release"),
    SchemaField("symbols", False, N_("Yahoo symbols split by ; or spaces (commas inside quotes); in JSON also a list"),
                "9988.HK; BABA"),
    SchemaField("summary", False, N_("plain text, at most {limit} characters"), "What happened."),
    SchemaField("source_url", False, N_("an http:// or https:// address"), "https://example.com/news"),
    SchemaField("source_title", False, N_("plain text; needs source_url; default the site name"), "Example News"),
    SchemaField("id", False, N_("letters, digits, '.', '_', '-'; stored in lower case after 'user-'; default a slug "
                                "of title and date"), "my-event"),
)
FIELDS: tuple[str, ...] = tuple(f.field for f in SCHEMA)


def schema_rows() -> list[dict[str, object]]:
    """The schema as the table shown to users (field, required, format, example), in the run's language."""
    return [{"field": f.field, "required": f.required, "format": f.format, "example": f.example} for f in SCHEMA]


REQUIRED: tuple[str, ...] = tuple(f.field for f in SCHEMA if f.required)
# Other names people give these columns (matched like the fields: any case, spaces or hyphens as "_"); a file
# using one is told which field it was read as. "datetime" holds a date and a time ("2025-03-06 16:30").
ALIASES: dict[str, str] = {
    "timezone": "tz", "time_zone": "tz", "zone": "tz", "tzname": "tz",
    "ticker": "symbols", "tickers": "symbols", "symbol": "symbols", "ticker_symbols": "symbols",
    "datetime": "datetime", "date_time": "datetime", "timestamp": "datetime",
    "headline": "title", "event": "title", "description": "summary", "details": "summary",
    "url": "source_url", "link": "source_url", "source_name": "source_title", "type": "category",
}

TEMPLATE_ROWS: tuple[dict[str, str], ...] = (
    {"title": "Example: quarterly results published", "date": "2025-02-20", "time": "16:30",
     "tz": "Asia/Hong_Kong", "category": "corporate", "symbols": "9988.HK, BABA",
     "summary": "An example row: replace it with your own event.",
     "source_url": "https://example.com/results", "source_title": "Example source", "id": ""},
    {"title": "Example: a model launch whose hour is unknown", "date": "2025-03-10", "time": "",
     "tz": "America/New_York", "category": "Model Release", "symbols": "NVDA", "summary": "",
     "source_url": "", "source_title": "", "id": "my-launch"},
)



class UploadedEvent(Event):
    """An event as an upload writes it: these convert the upload's formats, then Event's rules apply."""

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        if isinstance(value, str) and _DATE.fullmatch(value):
            return value
        raise ValueError(_("{value} is not a date in YYYY-MM-DD form, such as 2025-03-06").format(value=shown(value)))

    @field_validator("time", mode="before")
    @classmethod
    def _clock_time(cls, value: object) -> object:
        match = _TIME.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            raise ValueError(_("{value} is not a 24-hour time in HH:MM form, such as 09:30").format(
                value=shown(value)))
        return f"{int(match['h']):02d}:{match['m']}{match['s'] or ''}"

    @field_validator("category", mode="before")
    @classmethod
    def _any_case(cls, value: object) -> object:
        return re.sub(r"[\s_\-]+", " ", value.lower()).strip() if isinstance(value, str) else value

    @field_validator("symbols", mode="before")
    @classmethod
    def _split_symbols(cls, value: object) -> object:
        if isinstance(value, str):
            return [s for s in SYMBOL_SEPARATORS.split(value) if s]
        return [s for s in value if s != ""] if isinstance(value, list) else value

    @field_validator("id", mode="before")
    @classmethod
    def _user_id(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        value = value.lower()
        return value if value.startswith(ID_PREFIX) else ID_PREFIX + value



def template_csv() -> str:
    """A CSV template: the schema's columns and two example rows that pass :func:`parse_upload`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    writer.writerows(TEMPLATE_ROWS)
    return out.getvalue()


def template_json() -> str:
    """A JSON template, ``{"events": [...]}`` with the two example rows (symbols as lists)."""
    rows = [{k: (SYMBOL_SEPARATORS.split(v) if k == "symbols" else v) for k, v in row.items() if v}
            for row in TEMPLATE_ROWS]
    return json.dumps({"events": rows}, indent=2, ensure_ascii=False) + "\n"



def clip(text: object, width: int = 40) -> str:
    """User text fit to echo in a message: one short line, no angle brackets to read as tags."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in str(text))
    shown = shown.replace("<", "\u2039").replace(">", "\u203a")  # ‹ and ›
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def shown(value: object) -> str:
    return f"'{clip(value)}'" if isinstance(value, str) else clip(repr(value))


