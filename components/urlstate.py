"""Shareable links: the app's view state to and from URL query parameters (pure, no streamlit).

Each parameter has a parser that either returns a value for the session state or raises
``ValueError`` with the reason, which the app shows as a notice while ignoring the parameter.
Unknown parameters are reported the same way. Nothing here trusts the URL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from components.event_study import ESTIMATION_LIMITS, EVENT_WINDOW_LIMITS
from components.events import CATEGORIES
from components.ranges import ANCHORS, CUSTOM, DEFAULT_ANCHOR, DEFAULT_PRESET, PRESETS
from components.symbols import InvalidSymbol, normalise_symbol, symbol_info

DEFAULT_SYMBOLS = ["9988.HK", "BABA", "^HSI", "^HSCE"]
VIEWS = ("price", "rebased", "percent")
STYLES = ("line", "candles")
MAX_PARAM_LENGTH = 400

DEFAULTS: dict[str, object] = {
    "range_preset": DEFAULT_PRESET,
    "range_anchor": DEFAULT_ANCHOR,
    "range_start": None,
    "range_end": None,
    "event": None,
    "symbols": list(DEFAULT_SYMBOLS),
    "view": "rebased",
    "style": "line",
    "log": False,
    "categories": list(CATEGORIES),
    "window_n": 10,
    "timeline_span": "all",
    "es_symbol": "9988.HK",
    "es_benchmark": "",
    "es_estimation": (-250, -11),
    "es_window": (-5, 5),
}


@dataclass(frozen=True)
class Context:
    """What a parser may check against: known event ids and the symbols that can be served."""

    event_ids: frozenset[str]
    symbols: frozenset[str] | None  # None: any valid Yahoo symbol (live mode)


def _choice(options: Iterable[str], what: str) -> Callable[[str, Context], str]:
    options = list(options)

    def parse(value: str, _ctx: Context) -> str:
        if value not in options:
            raise ValueError(f"{what} '{value}' is not one of {', '.join(options)}")
        return value
    return parse


def _date(value: str, _ctx: Context) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a date in the form YYYY-MM-DD") from None


def _event(value: str, ctx: Context) -> str:
    if value not in ctx.event_ids:
        raise ValueError(f"there is no event with id '{value}'")
    return value


def _symbol(value: str, ctx: Context) -> str:
    try:
        symbol = normalise_symbol(value)
    except InvalidSymbol as exc:
        raise ValueError(str(exc)) from None
    if ctx.symbols is not None and symbol not in ctx.symbols:
        raise ValueError(f"{symbol} is not available offline (available: {', '.join(sorted(ctx.symbols))})")
    return symbol


class PartlyIgnored(ValueError):
    """A list parameter of which only some items could be used: ``value`` is what is kept."""

    def __init__(self, value: list[str], message: str):
        super().__init__(message)
        self.value = value


MAX_LINK_SYMBOLS = 8


def _symbols(value: str, ctx: Context) -> list[str]:
    kept, problems = [], []
    for part in (p for p in value.split(",") if p.strip()):
        try:
            kept.append(_symbol(part, ctx))
        except ValueError as exc:
            problems.append(str(exc).rstrip("."))
    if not kept:
        raise ValueError("; ".join(problems) or "no symbol given")
    kept = list(dict.fromkeys(kept))
    if len(kept) > MAX_LINK_SYMBOLS:
        problems.append(f"at most {MAX_LINK_SYMBOLS} symbols are shown, so {', '.join(kept[MAX_LINK_SYMBOLS:])} "
                        "were left out")
        kept = kept[:MAX_LINK_SYMBOLS]
    if problems:
        raise PartlyIgnored(kept, "; ".join(problems))
    return kept


def _categories(value: str, _ctx: Context) -> list[str]:
    cats = list(dict.fromkeys(c.strip() for c in value.split(",") if c.strip()))
    kept, bad = [c for c in cats if c in CATEGORIES], [c for c in cats if c not in CATEGORIES]
    if bad:
        message = f"unknown categories {bad}; known: {', '.join(CATEGORIES)}"
        if kept:
            raise PartlyIgnored(kept, message)
        raise ValueError(message)
    return cats


def _flag(value: str, _ctx: Context) -> bool:
    if value not in ("0", "1"):
        raise ValueError(f"'{value}' must be 0 or 1")
    return value == "1"


def _int_in(low: int, high: int) -> Callable[[str, Context], int]:
    def parse(value: str, _ctx: Context) -> int:
        try:
            number = int(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a whole number") from None
        if not low <= number <= high:
            raise ValueError(f"{number} is outside {low}..{high}")
        return number
    return parse


def _window(low: int, high: int) -> Callable[[str, Context], tuple[int, int]]:
    def parse(value: str, _ctx: Context) -> tuple[int, int]:
        try:
            a, b = (int(x) for x in value.split(","))
        except ValueError:
            raise ValueError(f"'{value}' must be two whole numbers like -5,5") from None
        if not (low <= a <= b <= high):
            raise ValueError(f"'{value}' must satisfy {low} <= start <= end <= {high}")
        return a, b
    return parse


def _benchmark(value: str, ctx: Context) -> str:
    if value == "":
        return ""
    symbol = _symbol(value, ctx)
    if not symbol_info(symbol).can_benchmark:
        raise ValueError(f"{symbol} is an exchange rate, not a benchmark")
    return symbol


def _stock(value: str, ctx: Context) -> str:
    symbol = _symbol(value, ctx)
    if not symbol_info(symbol).studiable:
        raise ValueError(f"{symbol} is not a stock; an event study needs a stock and a benchmark")
    return symbol


# URL name -> (state key, parser)
PARAMS: dict[str, tuple[str, Callable[[str, Context], object]]] = {
    "range": ("range_preset", _choice([*PRESETS, CUSTOM], "range")),
    "anchor": ("range_anchor", _choice(ANCHORS, "anchor")),
    "start": ("range_start", _date),
    "end": ("range_end", _date),
    "event": ("event", _event),
    "symbols": ("symbols", _symbols),
    "view": ("view", _choice(VIEWS, "view")),
    "style": ("style", _choice(STYLES, "style")),
    "log": ("log", _flag),
    "cats": ("categories", _categories),
    "n": ("window_n", _int_in(1, 60)),
    "span": ("timeline_span", _choice(("all", "range"), "span")),
    "sym": ("es_symbol", _stock),
    "bench": ("es_benchmark", _benchmark),
    "est": ("es_estimation", _window(*ESTIMATION_LIMITS)),
    "win": ("es_window", _window(*EVENT_WINDOW_LIMITS)),
}
COMMON_PARAMS = ("range", "anchor", "start", "end", "event")
PAGE_PARAMS = {
    "overview": (),
    "timeline": ("n", "cats", "span"),
    "markets": ("symbols", "view", "style", "log", "cats"),
    "event_study": ("sym", "bench", "est", "win"),
}


def parse_params(params: Mapping[str, str], ctx: Context) -> tuple[dict[str, object], list[str]]:
    """Session-state updates from URL parameters, and a notice for every parameter ignored."""
    updates, notices = {}, []
    for name, raw in params.items():
        value = str(raw).strip()
        if name not in PARAMS:
            notices.append(f"Ignored unknown link parameter '{name[:40]}'.")
            continue
        if len(value) > MAX_PARAM_LENGTH:
            notices.append(f"Ignored link parameter '{name}': longer than {MAX_PARAM_LENGTH} characters.")
            continue
        key, parser = PARAMS[name]
        try:
            updates[key] = parser(value, ctx)
        except PartlyIgnored as exc:
            updates[key] = exc.value
            notices.append(f"Link parameter {name}='{value[:60]}': used {', '.join(exc.value)}; "
                           f"ignored the rest: {str(exc).rstrip('.')}.")
        except ValueError as exc:
            notices.append(f"Ignored link parameter {name}='{value[:60]}': {str(exc).rstrip('.')}.")
    if ("range_start" in updates or "range_end" in updates) and "range_preset" not in updates:
        updates["range_preset"] = CUSTOM
    return updates, notices


def _format(key: str, value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def to_params(state: Mapping[str, object], page: str) -> dict[str, str]:
    """The URL parameters that reproduce ``page`` as it is in ``state``."""
    names = list(COMMON_PARAMS) + list(PAGE_PARAMS.get(page, ()))
    if state.get("range_preset") != CUSTOM:
        names = [n for n in names if n not in ("start", "end")]
    else:
        names.remove("anchor")
    out = {}
    for name in names:
        value = state.get(PARAMS[name][0])
        if value is None or value == "" and name != "bench":
            continue
        out[name] = _format(name, value)
    return out
