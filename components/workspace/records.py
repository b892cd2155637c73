"""What a workspace holds, checked both ways: before it is stored and when it is read back.

A database is input too. Every stored event is read with the event model itself
(:class:`~components.data.events.Event`, whose text rules are :mod:`components.data.text_rules`), so
a workspace keeps exactly what an upload, an extraction or a review edit may add, and reads back
exactly what it stored; it must be the user's own (``origin`` "user", an id starting ``user-``).
Articles and the view have models of their own. A bad record becomes one sentence naming it and why;
the others are kept.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from components.data.events import Event, describe_validation_error
from components.data.text_rules import control_problem
from components.facts import (
    MAX_ARTICLE_CHARS,
    MAX_PARAM_LENGTH,
    MAX_WORKSPACE_ARTICLES,
    MAX_WORKSPACE_BYTES,
    MAX_WORKSPACE_EVENTS,
)
from components.locale import _
from components.locale import formats as F
from components.text.upload_schema import ID_PREFIX, clip

MAX_RECORD_CHARS = 50_000  # one event's JSON: the model keeps any event under 30,000 characters, a real one under 5,000
MAX_VIEW_PARAMS = 40
PARAM_NAME = re.compile(r"[a-z_]{1,20}")


class NotSaved(ValueError):
    """The content breaks a limit or holds a record that would not read back; the message lists why."""


class StoredArticle(BaseModel):
    """An article a user loaded, in the session and in a workspace: its text and what is known about it
    (claims and events are computed from the text)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._\-]{0,79}$")
    title: str = Field(min_length=1, max_length=300)
    url: str | None = Field(None, pattern=r"^https?://[^\s<>\"'`]+$", max_length=500)
    published: dt.date | None = None
    place: Literal["", "HK", "US"] = ""  # the article's market as chosen ("": read from the text)
    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS)
    added_at: dt.datetime

    @field_validator("title", "text")
    @classmethod
    def _printable(cls, value: str) -> str:
        bad = control_problem(value)
        if bad:
            raise ValueError(bad)
        return value

    @property
    def day(self) -> dt.date:
        """The day its relative dates ("on Monday") count from: its publication date, else the day it was added."""
        return self.published or self.added_at.date()


@dataclass(frozen=True)
class Content:
    """Everything a workspace keeps: the user's events, loaded articles and the view's link parameters."""

    events: tuple[Event, ...] = ()
    articles: tuple[StoredArticle, ...] = ()
    view: dict[str, str] = field(default_factory=dict)


def event_record(event: Event) -> str:
    """An event as stored: its record as compact JSON."""
    return event.model_dump_json(exclude_none=True)


def read_event(text: object, label: str) -> tuple[Event | None, list[str]]:
    """One stored event, validated by the event model; ``(None, reasons)`` for a bad record."""
    if not isinstance(text, str) or len(text) > MAX_RECORD_CHARS:
        return None, [_("{label}: is not an event record of at most {limit} characters").format(
            label=label, limit=F.fixed_number(MAX_RECORD_CHARS, 0))]
    try:
        record = json.loads(text)
    except (ValueError, RecursionError):
        return None, [_("{label}: is not valid JSON").format(label=label)]
    if not isinstance(record, dict):
        return None, [_("{label}: is not an object with named fields").format(label=label)]
    try:
        event = Event.model_validate(record)
    except ValidationError as exc:
        return None, describe_validation_error(exc, label)
    if record.get("origin") != "user" or not event.id.startswith(ID_PREFIX):
        return None, [_("{label}: is not one of the user's own events (origin 'user', an id starting '{prefix}')")
                      .format(label=label, prefix=ID_PREFIX)]
    return event, []


def read_article(row: dict, label: str) -> tuple[StoredArticle | None, list[str]]:
    """One stored article (a row's columns), validated; ``(None, reasons)`` for a bad one."""
    try:
        return StoredArticle.model_validate({k: row.get(k) for k in StoredArticle.model_fields}), []
    except ValidationError as exc:
        return None, describe_validation_error(exc, label)


def view_json(view: dict[str, str]) -> str:
    return json.dumps(view, separators=(",", ":"), sort_keys=True)


def read_view(text: object) -> tuple[dict[str, str], list[str]]:
    """The stored view's link parameters (their values are checked as a link's are, by the app)."""
    try:
        view = json.loads(text) if isinstance(text, str) and len(text) <= 40_000 else None
    except (ValueError, RecursionError):
        view = None
    if not isinstance(view, dict):
        return {}, [_("the saved view is unreadable, so the app's defaults are shown")]
    kept, problems = {}, []
    for name, value in list(view.items())[:MAX_VIEW_PARAMS]:
        if isinstance(name, str) and PARAM_NAME.fullmatch(name) and isinstance(value, str) \
                and len(value) <= MAX_PARAM_LENGTH:
            kept[name] = value
        else:
            problems.append(_("the saved view's setting '{name}' is unreadable and was left out").format(
                name=clip(name)))
    return kept, problems


def kept_bytes(content: Content) -> int:
    """What the events and articles take (UTF-8): what ``MAX_WORKSPACE_BYTES`` limits. The view is bounded
    on its own (``MAX_VIEW_PARAMS`` settings of ``MAX_PARAM_LENGTH``), so a viewer's "Save a copy" of a
    workspace at the limit is never refused for the settings of their screen."""
    events = sum(len(event_record(e).encode()) for e in content.events)
    return events + sum(len(a.text.encode()) + len(a.title.encode()) + len((a.url or "").encode())
                        for a in content.articles)


def content_bytes(content: Content) -> int:
    """What the content takes in the database (UTF-8), the view included: what the fair shares count."""
    return kept_bytes(content) + len(view_json(content.view).encode())


def check_for_save(content: Content) -> list[str]:
    """Why the content cannot be saved (limits, and records that would not read back), else []."""
    problems = []
    if len(content.events) > MAX_WORKSPACE_EVENTS:
        problems.append(_("a workspace holds at most {limit} events and this one has {count}").format(
            limit=MAX_WORKSPACE_EVENTS, count=len(content.events)))
    if len(content.articles) > MAX_WORKSPACE_ARTICLES:
        problems.append(_("a workspace holds at most {limit} articles and this one has {count}").format(
            limit=MAX_WORKSPACE_ARTICLES, count=len(content.articles)))
    for i, event in enumerate(content.events[:MAX_WORKSPACE_EVENTS], start=1):
        problems += read_event(event_record(event), _("event #{number} '{id}'").format(number=i, id=event.id))[1]
    size = kept_bytes(content)
    if size > MAX_WORKSPACE_BYTES:
        problems.append(_("its events and articles would take {size} bytes; the limit is {limit} (remove some "
                          "events or articles)").format(size=F.fixed_number(size, 0),
                                                        limit=F.fixed_number(MAX_WORKSPACE_BYTES, 0)))
    view_problems = read_view(view_json(content.view))[1]
    if view_problems or len(content.view) > MAX_VIEW_PARAMS:
        problems.append(_("its view holds more than {limit} settings, or one longer than {length} characters")
                        .format(limit=MAX_VIEW_PARAMS, length=MAX_PARAM_LENGTH))
    return problems
