"""The article's events: a validated model, the bundled loader and helpers for their times.

Every event has a verified date in its own time zone and, where known, a time. The loader checks
each record with pydantic and reports a bad one by its position, id and field, so the events file can
be fixed by hand.
"""

from __future__ import annotations

import datetime as dt
import functools
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import available_timezones

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from components.data.clocks import city, clock_note, holds_clock_note, shown_clock_notes, zone_name
from components.data.records import json_records
from components.data.symbols import MARKETS, InvalidSymbol, normalise_symbol
from components.data.text_rules import text_problem, tidy
from components.data.validation import describe_validation_error, field_problem
from components.facts import DATA_DIR, EVENT_YEARS, HOME_TZ, MAX_SYMBOLS
from components.locale import N_, _, catalog_key, current, joined
from components.locale import formats as F

EVENTS_FILE = DATA_DIR / "events.json"
CATEGORIES = [N_("model release"), N_("agent launch"), N_("market move"), N_("policy"), N_("corporate"), N_("claim"),
              N_("other")]  # codes stored in data and links; shown through category_name()
Category = Literal["model release", "agent launch", "market move", "policy", "corporate", "claim", "other"]
ID_PATTERN = r"^[a-z0-9][a-z0-9._\-]{0,79}$"
MAX_SOURCES, MAX_COMPANIES = 10, 20  # per event: so one stored record stays a few kilobytes


def _plain_text(value: str) -> str:
    """Every text of an event is tidied and obeys the one set of text rules (components/data/text_rules.py)."""
    value = tidy(value)
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    # no spaces, quotes, angle brackets or backticks: a URL is shown as a link and must stay one
    url: str = Field(pattern=r"^https?://[^\s<>\"'`]+$", max_length=500)
    title: str = Field(min_length=1, max_length=300)

    _plain = field_validator("url", "title")(_plain_text)


class EventText(BaseModel):
    """An event's title and summary in one of the app's other languages (reviewed by hand in the events file)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = Field(min_length=1, max_length=150)
    summary: str = Field("", max_length=2000)
    time_note: str = Field("", max_length=300)

    _plain = field_validator("title", "summary", "time_note")(_plain_text)


class Event(BaseModel):
    """One dated event. ``time`` is the local time in ``tz``; without it, the event counts by its date."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1, max_length=150)
    date: dt.date
    time: dt.time | None = None
    time_precision: Literal["exact", "approximate"] = "exact"
    tz: str = HOME_TZ
    time_note: str = Field("", max_length=300)
    category: Category
    companies: list[Annotated[str, Field(max_length=100)]] = Field([], max_length=MAX_COMPANIES)
    summary: str = Field("", max_length=2000)
    article_wording: str | None = Field(None, max_length=300)
    date_match: Literal["yes", "roughly", "no", "not dated"] = "not dated"
    match_note: str = Field("", max_length=500)
    sources: list[Source] = Field([], max_length=MAX_SOURCES)
    symbols: list[str] = []
    confidence: Literal["verified", "one source", "unverified"] = "unverified"
    in_article: bool = False
    origin: Literal["article", "context", "user"] = "context"
    # the title and summary in Traditional (Hong Kong) and Simplified (mainland) Chinese: see shown_title()
    translations: dict[Literal["zh-HK", "zh-CN"], EventText] | None = None

    @field_validator("title", "summary", "time_note", "match_note")
    @classmethod
    def _plain_trimmed(cls, value: str) -> str:
        return _plain_text(value)

    @field_validator("article_wording")
    @classmethod
    def _plain_wording(cls, value: str | None) -> str | None:
        return None if value is None else _plain_text(value)

    @field_validator("companies")
    @classmethod
    def _plain_companies(cls, value: list[str]) -> list[str]:
        return [_plain_text(name) for name in value]

    @field_validator("tz")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if not is_time_zone(value):
            shown = "".join(ch if ch.isprintable() else "?" for ch in str(value))[:40]
            raise ValueError(_("'{zone}' is not an IANA time zone such as Asia/Hong_Kong or America/New_York").format(
                zone=shown))
        return value

    @field_validator("symbols")
    @classmethod
    def _valid_symbols(cls, value: list[str]) -> list[str]:
        if len(value) > MAX_SYMBOLS:
            raise ValueError(_("lists {count} symbols; an event lists at most {limit}").format(count=len(value),
                                                                                               limit=MAX_SYMBOLS))
        try:
            return list(dict.fromkeys(normalise_symbol(s) for s in value))
        except InvalidSymbol as exc:
            raise ValueError(str(exc)) from None

    @field_validator("date")
    @classmethod
    def _within_years(cls, value: dt.date) -> dt.date:
        if not EVENT_YEARS[0] <= value.year <= EVENT_YEARS[1]:  # charts and pandas timestamps hold these years
            raise ValueError(_("'{value}' is outside the years {first}–{last} that the charts can show").format(
                value=value.isoformat(), first=EVENT_YEARS[0], last=EVENT_YEARS[1]))
        return value

    @model_validator(mode="after")
    def _one_clock_time(self) -> Event:
        """A time the zone's clocks skip that day is kept as the moment it names; the note says so (also for a
        time the clocks show twice, read as the first)."""
        found = None if self.time is None else clock_note(self.date, self.time, self.tz)
        if found is not None and not holds_clock_note(self.time_note) and len(self.time_note) + len(found[1]) < 300:
            object.__setattr__(self, "time", found[0])  # frozen: set once, while the model is being made
            object.__setattr__(self, "time_note", f"{self.time_note} {found[1]}".strip())
        return self

    @functools.cached_property
    def timestamp(self) -> pd.Timestamp | None:
        """The event's moment, tz-aware, or None when only its date is known."""
        if self.time is None:
            return None
        return pd.Timestamp(dt.datetime.combine(self.date, self.time), tz=self.tz)

    @property
    def sort_key(self) -> tuple:
        """Chronological order: the UTC instant, with a date-only event placed at noon of its day."""
        moment = dt.datetime.combine(self.date, self.time or dt.time(12, 0))
        return (pd.Timestamp(moment, tz=self.tz).tz_convert("UTC"), not self.in_article, self.id)

    def when(self) -> str:
        """Date and time in plain words, e.g. 'Thu 6 Mar 2025, 02:53 Beijing time (Wed 5 Mar 13:53 in New York)',
        in the run's language (kept once per language: an event is immutable)."""
        key = catalog_key()
        if key not in self._when:
            self._when[key] = self._when_text()
        return self._when[key]

    @functools.cached_property
    def _when(self) -> dict[tuple[str, int], str]:
        return {}

    def _when_text(self) -> str:
        day = F.day(self.date)
        if self.time is None:
            return _("{day} ({zone}; the hour is not recorded)").format(day=day, zone=zone_name(self.tz))
        at = dt.datetime.combine(self.date, self.time)
        own, here = F.day_time(at), city(self.tz)
        same = [place for place, t in self.market_times() if t == own and place != here]  # Beijing keeps HK's clock
        elsewhere = [_("{time} in {place}").format(time=t, place=place) for place, t in self.market_times() if t != own]
        zone = _("{here} and {there} time").format(here=here, there=_both(same)) if same else zone_name(self.tz)
        clock = (_("about {time} {zone}") if self.time_precision == "approximate" else _("{time} {zone}")).format(
            time=f"{self.time:%H:%M}", zone=zone)
        if elsewhere:
            return _("{day}, {clock} ({elsewhere})").format(day=day, clock=clock, elsewhere=", ".join(elsewhere))
        return _("{day}, {clock}").format(day=day, clock=clock)

    def market_times(self) -> list[tuple[str, str]]:
        """The event's moment on the clocks of Hong Kong and New York, e.g. ('New York', 'Wed 5 Mar 13:53')."""
        if self.timestamp is None:
            return []
        out = []
        for code in ("HK", "US"):
            local = self.timestamp.tz_convert(MARKETS[code].tz)
            out.append((city(MARKETS[code].tz), F.day_time(local)))
        return out


def _both(places: list[str]) -> str:
    """'Hong Kong and Beijing' (and 'A and B and C' for three)."""
    text = places[0]
    for place in places[1:]:
        text = _("{first} and {second}").format(first=text, second=place)
    return text


_NOT_ZONES = {"Factory", "localtime", "posixrules"}


@functools.lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(z for z in available_timezones() if z not in _NOT_ZONES and not z.startswith(("posix/", "right/")))


def is_time_zone(value: object) -> bool:
    """A real IANA zone ("Asia/Hong_Kong", "UTC"), not a file of the zone database ("localtime", "Factory")."""
    return isinstance(value, str) and value in _zones()


class EventsError(ValueError):
    """The events file or an event record is invalid; the message names record and field."""


def parse_events(records: list, origin_from_article: bool = True) -> list[Event]:
    """Validate raw records; raise :class:`EventsError` listing every bad record and field, in the run's language."""
    if not isinstance(records, list):
        raise EventsError(_("the events file must hold a list under 'events'"))
    events, problems, seen = [], [], set()
    for i, record in enumerate(records, start=1):
        rid = record.get("id", "?") if isinstance(record, dict) else "?"
        label = _("event #{number} '{id}'").format(number=i, id=rid)
        if not isinstance(record, dict):
            problems.append(_("{label}: is not an object with named fields").format(label=label))
            continue
        if origin_from_article and "origin" not in record:
            record = {**record, "origin": "article" if record.get("in_article") else "context"}
        try:
            event = Event.model_validate(record)
        except ValidationError as exc:
            problems += describe_validation_error(exc, label)
            continue
        if event.id in seen:
            problems.append(field_problem(label, "id", _("duplicate id")))
            continue
        seen.add(event.id)
        events.append(event)
    if problems:
        raise EventsError(str(joined(problems)))
    return sorted(events, key=lambda e: e.sort_key)


def load_events_file(path: Path) -> list[Event]:
    return parse_events(json_records(path, "events", EventsError))


def bundled_events(path: Path | None = None) -> tuple[Event, ...]:
    """The article's events (of ``EVENTS_FILE`` by default), validated and sorted by time (cached; events are
    immutable); raises :class:`EventsError` when the file cannot be read."""
    return _events_in(path or EVENTS_FILE)


@lru_cache(maxsize=4)
def _events_in(path: Path) -> tuple[Event, ...]:
    return tuple(load_events_file(path))


def events_problem() -> str:
    """Why the bundled events cannot be read, in the run's language; empty when they can."""
    try:
        bundled_events()
    except EventsError as exc:
        return str(exc)
    return ""


def usable_events() -> tuple[Event, ...]:
    """The bundled events, or none when their file cannot be read (:func:`events_problem` says why)."""
    try:
        return bundled_events()
    except EventsError:
        return ()


def events_frame(events: list[Event] | tuple[Event, ...]) -> pd.DataFrame:
    """A table of events for display and charting (one row each, in the given order)."""
    return pd.DataFrame(
        {
            "id": [e.id for e in events],
            "title": [e.title for e in events],
            "date": [e.date for e in events],
            "time": [e.time.strftime("%H:%M") if e.time else "" for e in events],
            "tz": [e.tz for e in events],
            "category": [e.category for e in events],
            "origin": [e.origin for e in events],
            "in_article": [e.in_article for e in events],
            "symbols": [", ".join(e.symbols) for e in events],
        }
    )


def category_name(category: str) -> str:
    """An event category as shown, in the run's language ("model release" is the code kept in data and links)."""
    return _(category) if category in CATEGORIES else category


def shown_time_note(event: Event) -> str:
    """The note on the event's time in the run's language: its reviewed translation, else the note as written with
    what it says of a clock change (kept in English in the record) in the run's language."""
    text = _translated(event)
    return text.time_note if text and text.time_note else shown_clock_notes(event.time_note, event.date, event.tz)


def _translated(event: Event) -> EventText | None:
    return (event.translations or {}).get(current())


def shown_title(event: Event) -> str:
    """The event's title in the run's language: its reviewed translation, else the title as written."""
    text = _translated(event)
    return text.title if text else event.title


def shown_summary(event: Event) -> str:
    """The event's summary in the run's language: its reviewed translation, else the summary as written."""
    text = _translated(event)
    return text.summary if text and text.summary else event.summary


def find_event(events, event_id: str) -> Event | None:
    return next((e for e in events if e.id == event_id), None)
