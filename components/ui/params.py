"""Parsers for link parameters (pure, no streamlit): a URL value in, a state value or the reason out.

Each parser takes the raw text and a :class:`LinkContext` and either returns the value for the session
state or raises ``ValueError`` with a reason the app shows as a notice while ignoring the parameter.
A list parameter of which only some items are usable raises :class:`PartlyIgnored` carrying what is
kept. Nothing here trusts the URL. The keys these parsers fill are in :mod:`components.ui.state`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from components.data.events import CATEGORIES
from components.data.symbols import InvalidSymbol, normalise_symbol, symbol_info
from components.facts import MAX_SYMBOLS
from components.locale import LANGUAGES, _, from_tag, joined, ngettext
from components.workspace.tokens import looks_like_token

Parser = Callable[[str, "LinkContext"], object]


@dataclass(frozen=True)
class LinkContext:
    """What a parser may check against: known event ids and the symbols that can be served."""

    event_ids: frozenset[str]
    symbols: frozenset[str] | None  # None: any valid Yahoo symbol (live mode)
    workspace: bool = False  # a saved workspace is open (its events are among event_ids)


class PartlyIgnored(ValueError):
    """A list parameter of which only some items could be used: ``value`` is what is kept."""

    def __init__(self, value: list[str], message: str):
        super().__init__(message)
        self.value = value


def choice(options: Iterable[str], what: str) -> Parser:
    options = list(options)

    def parse(value: str, _ctx: LinkContext) -> str:
        if value not in options:
            raise ValueError(_("{what} must be one of {options}").format(what=what, options=", ".join(options)))
        return value
    return parse


def language(value: str, _ctx: LinkContext) -> str:
    """A language written as people write it ("zh-Hant-HK", "zh-TW", "zh_CN", "en-GB"): the app's code for it."""
    code = from_tag(value)
    if code is None:
        raise ValueError(_("{what} must be one of {options}").format(what="lang", options=", ".join(LANGUAGES)))
    return code


def date(value: str, _ctx: LinkContext) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("'{value}' is not a date written YYYY-MM-DD").format(value=value)) from None


def event(value: str, ctx: LinkContext) -> str:
    if value not in ctx.event_ids:
        if value.startswith("user-") and not ctx.workspace:
            raise ValueError(_("there is no event '{id}' here: events whose id starts with 'user-' are someone's "
                               "own events, which only a link to their saved workspace brings").format(id=value))
        if value.startswith("user-"):
            raise ValueError(_("the open workspace has no event '{id}' (it may have been removed)").format(id=value))
        raise ValueError(_("there is no event '{id}'").format(id=value))
    return value


def token(value: str, _ctx: LinkContext) -> str:
    if not looks_like_token(value):
        raise ValueError(_("this is not the code of a saved workspace (43 letters, digits, '-' or '_'); check that "
                           "the whole link was copied"))
    return value


def symbol(value: str, ctx: LinkContext) -> str:
    try:
        found = normalise_symbol(value)
    except InvalidSymbol as exc:
        raise ValueError(str(exc)) from None
    if ctx.symbols is not None and found not in ctx.symbols:
        raise ValueError(_("the prices here do not include {symbol}; they hold {available}").format(
            symbol=found, available=", ".join(sorted(ctx.symbols))))
    return found


def symbols(value: str, ctx: LinkContext) -> list[str]:
    kept, problems = [], []
    for part in (p for p in value.split(",") if p.strip()):
        try:
            kept.append(symbol(part, ctx))
        except ValueError as exc:
            problems.append(str(exc).rstrip("."))
    if not kept:
        raise ValueError(str(joined(problems)) or _("no symbol given"))
    kept = list(dict.fromkeys(kept))
    if len(kept) > MAX_SYMBOLS:
        left_out = kept[MAX_SYMBOLS:]
        problems.append(ngettext("at most {limit} symbols are shown, so {symbols} was left out",
                                 "at most {limit} symbols are shown, so {symbols} were left out",
                                 len(left_out)).format(limit=MAX_SYMBOLS, symbols=", ".join(left_out)))
        kept = kept[:MAX_SYMBOLS]
    if problems:
        raise PartlyIgnored(kept, "; ".join(problems))
    return kept


def categories(value: str, _ctx: LinkContext) -> list[str]:
    cats = list(dict.fromkeys(c.strip() for c in value.split(",") if c.strip()))
    kept, bad = [c for c in cats if c in CATEGORIES], [c for c in cats if c not in CATEGORIES]
    if bad:
        message = ngettext("unknown category {names}; the categories are {known}",
                           "unknown categories {names}; the categories are {known}", len(bad)).format(
            names=", ".join(f"'{c}'" for c in bad), known=", ".join(CATEGORIES))
        if kept:
            raise PartlyIgnored(kept, message)
        raise ValueError(message)
    return cats


def flag(value: str, _ctx: LinkContext) -> bool:
    if value not in ("0", "1"):
        raise ValueError(_("'{value}' must be 0 or 1").format(value=value))
    return value == "1"


def int_in(low: int, high: int) -> Parser:
    def parse(value: str, _ctx: LinkContext) -> int:
        try:
            number = int(value)
        except ValueError:
            raise ValueError(_("'{value}' is not a whole number").format(value=value)) from None
        if not low <= number <= high:
            raise ValueError(_("{number} is not between {low} and {high}").format(number=number, low=low, high=high))
        return number
    return parse


def window(low: int, high: int) -> Parser:
    def parse(value: str, _ctx: LinkContext) -> tuple[int, int]:
        try:
            a, b = (int(x) for x in value.split(","))
        except ValueError:
            raise ValueError(_("'{value}' must be two whole numbers like -5,5").format(value=value)) from None
        if not (low <= a <= b <= high):
            raise ValueError(_("'{value}' must be two sessions from {low} to {high}, the first not after the "
                               "second").format(value=value, low=low, high=high))
        return a, b
    return parse


def benchmark(value: str, ctx: LinkContext) -> str:
    if value == "":
        return ""
    found = symbol(value, ctx)
    if not symbol_info(found).can_benchmark:
        raise ValueError(_("{symbol} is an exchange rate, not a benchmark").format(symbol=found))
    return found


def stock(value: str, ctx: LinkContext) -> str:
    found = symbol(value, ctx)
    if not symbol_info(found).studiable:
        raise ValueError(_("{symbol} is not a stock; an event study needs a stock and a benchmark").format(
            symbol=found))
    return found


def format_value(value: object) -> str:
    """A state value as link text: 1/0 for flags, ISO dates, comma-joined lists."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)
