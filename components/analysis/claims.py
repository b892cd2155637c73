"""The article's quantitative claims: validated records, and the results their verdicts are given in.

Each record in ``data/claims.json`` names a measure (see :mod:`components.analysis.verdicts`, which
computes it) and its parameters; nothing in a record states an outcome. :class:`ClaimResult` holds
a verdict with the :class:`Figure` values it rests on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Iterable, Literal, Union

import pandas as pd
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from components.data.events import ID_PATTERN
from components.data.records import json_records
from components.data.symbols import InvalidSymbol, normalise_symbol
from components.data.validation import describe_validation_error, field_problem
from components.facts import DATA_DIR
from components.locale import N_, _, current, joined

CLAIMS_FILE = DATA_DIR / "claims.json"
# verdict codes, kept in results and compared in code; shown through verdict_word()
SUPPORTED = N_("supported")
PARTLY = N_("partly supported")
NOT_SUPPORTED = N_("not supported")
NOT_CHECKABLE = N_("not checkable with price data")
VERDICTS = (SUPPORTED, PARTLY, NOT_SUPPORTED, NOT_CHECKABLE)
Verdict = Literal["supported", "partly supported", "not supported", "not checkable with price data"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _symbol(value: str) -> str:
    try:
        return normalise_symbol(value)
    except InvalidSymbol as exc:
        raise ValueError(str(exc)) from None


Symbol = Annotated[str, AfterValidator(_symbol)]


class DateWindow(_Strict):
    start: dt.date
    end: dt.date

    @field_validator("end")
    @classmethod
    def _ordered(cls, value: dt.date, info) -> dt.date:
        if "start" in info.data and value < info.data["start"]:
            raise ValueError(_("the end is before the start"))
        return value


class ReactionReturn(_Strict):
    """Return of ``symbol`` on its reaction session to ``event``, against ``expected`` ± ``tolerance``."""

    name: Literal["reaction_return"]
    event: str
    symbol: Symbol
    article_day: dt.date  # the trading day the article's wording points to
    expected: float
    tolerance: float = Field(gt=0, lt=1)
    context_symbols: list[Symbol] = []
    rationale: str = Field(min_length=1)

    def needed_symbols(self) -> list[str]:
        return [self.symbol, *self.context_symbols]


class IndexLift(_Strict):
    """Did ``index`` rise on the session ``stock`` reacted to ``event``, and did ``market`` rise too?"""

    name: Literal["index_lift"]
    event: str
    index: Symbol
    stock: Symbol
    market: Symbol
    article_day: dt.date
    rationale: str = Field(min_length=1)

    def needed_symbols(self) -> list[str]:
        return [self.stock, self.index, self.market]


class ChangeSince(_Strict):
    """Change of ``symbol`` to ``end`` from the ``base_date`` close and from the low close in ``low_window``."""

    name: Literal["change_since"]
    symbol: Symbol
    base_date: dt.date
    low_window: DateWindow
    end: dt.date
    also_end: dt.date | None = None
    threshold: float = Field(gt=0, lt=10)
    rationale: str = Field(min_length=1)

    def needed_symbols(self) -> list[str]:
        return [self.symbol]


class RallySince(_Strict):
    """Change of every symbol from the ``base_date`` close to the ``end`` close, against ``min_change``."""

    name: Literal["rally_since"]
    symbols: list[Symbol] = Field(min_length=1)
    base_date: dt.date
    end: dt.date
    min_change: float = Field(gt=0, lt=10)
    rationale: str = Field(min_length=1)
    causation: str = Field(min_length=1)

    def needed_symbols(self) -> list[str]:
        return list(self.symbols)


class NotCheckable(_Strict):
    """A claim that closing prices cannot test; ``reason`` says why, ``would_need`` what could."""

    name: Literal["not_checkable"]
    reason: str = Field(min_length=1)
    would_need: str = Field(min_length=1)

    def needed_symbols(self) -> list[str]:
        return []


Measure = Annotated[Union[ReactionReturn, IndexLift, ChangeSince, RallySince, NotCheckable],
                    Field(discriminator="name")]


class ClaimText(_Strict):
    """A claim's wording in one of the app's other languages (reviewed by hand in the claims file)."""

    wording: str = Field(min_length=1, max_length=200)
    # the measure's own words, translated where the claims file gives them
    rationale: str | None = Field(default=None, min_length=1)
    causation: str | None = Field(default=None, min_length=1)
    reason: str | None = Field(default=None, min_length=1)
    would_need: str | None = Field(default=None, min_length=1)


class Claim(_Strict):
    """One claim of the article and the measure that tests it; ``quote`` stays the article's own English."""

    id: str = Field(pattern=ID_PATTERN)
    wording: str = Field(min_length=1, max_length=200)
    translations: dict[Literal["zh-HK", "zh-CN"], ClaimText] | None = None
    quote: str = Field(min_length=1, max_length=600)
    event_ids: list[str] = Field(min_length=1)
    window: DateWindow | None = None  # the span of prices the claim needs
    measure: Measure

    @field_validator("measure")
    @classmethod
    def _event_listed(cls, value, info):
        event = getattr(value, "event", None)
        if event is not None and event not in info.data.get("event_ids", [event]):
            raise ValueError(_("event '{event}' is not in event_ids").format(event=event))
        return value


class ClaimsError(ValueError):
    """The claims file or a claim record is invalid; the message names record and field."""


class Unavailable(Exception):
    """The price data cannot answer a claim (a symbol, date or session is missing): the message says why, and the
    claim is not checkable."""


@dataclass(frozen=True)
class Figure:
    """One number a verdict rests on: a return (or a derived ratio) with its dates, closes and basis."""

    key: str
    label: str
    value: float
    symbol: str = ""
    dates: tuple[dt.date, ...] = ()
    closes: tuple[float, ...] = ()
    basis: str = ""


@dataclass(frozen=True)
class ClaimResult:
    """The verdict on one claim, the figures used and a paragraph explaining it from them."""

    claim: Claim
    verdict: Verdict
    explanation: str
    figures: tuple[Figure, ...] = ()
    condition: str = ""  # when the claim holds, for "partly supported"
    reason: str = ""  # why price data cannot settle it, for "not checkable with price data"

    @property
    def id(self) -> str:
        return self.claim.id

    def figure(self, key: str) -> Figure | None:
        return next((f for f in self.figures if f.key == key), None)


def parse_claims(records: list, event_ids: Iterable[str] | None = None) -> list[Claim]:
    """Validate raw records (and, if given, their event ids); raise :class:`ClaimsError` naming each bad field, in the
    run's language."""
    if not isinstance(records, list):
        raise ClaimsError(_("the claims file must hold a list under 'claims'"))
    known = set(event_ids) if event_ids is not None else None
    claims, problems, seen = [], [], set()
    for i, record in enumerate(records, start=1):
        label = _("claim #{number} '{id}'").format(number=i, id=record.get("id", "?") if isinstance(record, dict)
                                                   else "?")
        try:
            claim = Claim.model_validate(record)
        except ValidationError as exc:
            problems += describe_validation_error(exc, label)
            continue
        unknown = [e for e in claim.event_ids if known is not None and e not in known]
        problems += [field_problem(label, "event_ids", _("unknown event '{id}'").format(id=e)) for e in unknown]
        if claim.id in seen:
            problems.append(field_problem(label, "id", _("duplicate id")))
        seen.add(claim.id)
        claims.append(claim)
    if problems:
        raise ClaimsError(str(joined(problems)))
    return claims


def load_claims(path: Path = CLAIMS_FILE, event_ids: Iterable[str] | None = None) -> list[Claim]:
    """Read and validate the claims file (a JSON object with a 'claims' list); one Claim per record."""
    return parse_claims(json_records(path, "claims", ClaimsError), event_ids)


def verdict_word(verdict: str) -> str:
    """A verdict as shown, in the run's language ("supported" is the code results keep)."""
    return _(verdict) if verdict in VERDICTS else verdict


def shown_wording(claim: Claim) -> str:
    """A claim's wording in the run's language: its reviewed translation, else the wording as written."""
    text = (claim.translations or {}).get(current())
    return text.wording if text else claim.wording


def shown_text(claim: Claim, field: str) -> str:
    """One of the measure's own sentences (``rationale``, ``causation``, ``reason``, ``would_need``) in the run's
    language: its reviewed translation, else as written."""
    text = (claim.translations or {}).get(current())
    return (getattr(text, field, None) if text else None) or getattr(claim.measure, field)


def claims_for_event(event_id: str, results: Iterable[ClaimResult]) -> list[ClaimResult]:
    """The results whose claim concerns ``event_id``, in their given order."""
    return [r for r in results if event_id in r.claim.event_ids]


def result_notes(result: ClaimResult) -> list[tuple[str, str]]:
    """The labelled notes a verdict may carry, in the order shown: (label, text) for each that is set."""
    notes = ((_("Holds only if"), result.condition), (_("Why price data cannot settle it"), result.reason))
    return [(label, text) for label, text in notes if text]


# the columns of figures_frame (the keys code reads) -> their headers, translated where shown (figure_headers)
FIGURE_HEADERS = {"figure": N_("figure"), "symbol": N_("symbol"), "value": N_("value"), "from": N_("from"),
                  "to": N_("to"), "close from": N_("close from"), "close to": N_("close to"), "basis": N_("basis")}


def figure_headers() -> dict[str, str]:
    """figures_frame's column keys -> their headers in the run's language, for a table shown as it is."""
    return {key: _(header) for key, header in FIGURE_HEADERS.items()}


def figures_frame(result: ClaimResult) -> pd.DataFrame:
    """One row per figure of a result: label, symbol, value, dates, closes and price basis (English column keys:
    :func:`figure_headers` gives what to show for them)."""
    return pd.DataFrame(
        {
            "figure": [f.label for f in result.figures],
            "symbol": [f.symbol for f in result.figures],
            "value": [f.value for f in result.figures],
            "from": [f.dates[0] if f.dates else None for f in result.figures],
            "to": [f.dates[-1] if f.dates else None for f in result.figures],
            "close from": [f.closes[0] if f.closes else None for f in result.figures],
            "close to": [f.closes[-1] if f.closes else None for f in result.figures],
            "basis": [f.basis for f in result.figures],
        }
    )
