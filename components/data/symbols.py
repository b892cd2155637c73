"""Symbols, their exchanges and the basis of their prices.

Every price the app shows belongs to one exchange with its own time zone, session close and trading
days. This module is the one place that knows, for a Yahoo symbol, which market it trades on, what
currency or unit its prices are in, and whether its closes are dividend-adjusted, raw or index points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from functools import lru_cache

from components.locale import N_, _, current
from components.locale.formats import fixed_number

__all__ = [
    "BASIS_LABELS",
    "BASIS_SHORT",
    "DEFAULT_BENCHMARK",
    "InvalidSymbol",
    "KNOWN_SYMBOLS",
    "MARKETS",
    "Market",
    "SymbolInfo",
    "benchmark_for",
    "display_name",
    "LOCAL_NAMES",
    "normalise_symbol",
    "read_symbol",
    "TypedSymbol",
    "level_label",
    "symbol_info",
]


@dataclass(frozen=True)
class Market:
    """An exchange (or the FX market) as far as daily bars are concerned; ``name`` and ``short`` (the name without
    the exchange, for narrow columns) are English, marked for the catalog and shown through ``shown_name`` and
    ``shown_short``."""

    code: str
    name: str
    tz: str
    close: time
    short: str = ""

    @property
    def shown_name(self) -> str:
        """The market's name in the run's language: "Hong Kong (HKEX)"."""
        return _(self.name)

    @property
    def shown_short(self) -> str:
        """The market's short name in the run's language: "Hong Kong"."""
        return _(self.short or self.name)


MARKETS: dict[str, Market] = {
    "HK": Market("HK", N_("Hong Kong (HKEX)"), "Asia/Hong_Kong", time(16, 0), N_("Hong Kong")),
    "US": Market("US", N_("New York (NYSE/Nasdaq)"), "America/New_York", time(16, 0), N_("New York")),
    # Yahoo stamps daily FX bars at midnight London time: the bar dated D covers London's day D.
    "FX": Market("FX", N_("FX (London-day bar)"), "Europe/London", time(23, 59, 59), N_("FX")),
    "CN": Market("CN", N_("Shanghai/Shenzhen"), "Asia/Shanghai", time(15, 0)),
    "JP": Market("JP", N_("Tokyo"), "Asia/Tokyo", time(15, 30)),
    "UK": Market("UK", N_("London (LSE)"), "Europe/London", time(16, 30), N_("London")),
    "EU": Market("EU", N_("Euronext/Xetra"), "Europe/Berlin", time(17, 30)),
}

# How the close of a symbol relates to the traded price. Yahoo's auto-adjusted equity closes include
# dividends; indices are price indices, so their levels need no adjustment; FX rates are quotes.
BASIS_LABELS: dict[str, str] = {  # said inside sentences and brackets: no brackets of their own
    "adjusted": N_("dividend-adjusted by Yahoo"),
    "index": N_("index points of a price index"),
    "raw": N_("raw, unadjusted quotes"),
}
BASIS_SHORT: dict[str, str] = {"adjusted": N_("dividend-adjusted"), "index": N_("index points"), "raw": N_("raw quote")}
INDEX_POINTS = N_("index points")  # the unit of an index level
# the English name of a symbol the app knows nothing else about, by kind; shown through display_name()
GENERIC_NAMES: dict[str, str] = {"fx": N_("FX rate {symbol}"), "index": N_("Index {symbol}")}


@dataclass(frozen=True)
class SymbolInfo:
    symbol: str
    name: str
    market: Market
    kind: str  # equity, etf, index or fx
    currency: str
    unit: str  # what one unit of the close is, for axis labels

    @property
    def basis(self) -> str:
        """Basis of closes served by the app: equities and ETFs come auto-adjusted from Yahoo."""
        return {"index": "index", "fx": "raw"}.get(self.kind, "adjusted")

    @property
    def basis_label(self) -> str:
        """The basis of the closes as said in a sentence, in the run's language."""
        return _(BASIS_LABELS[self.basis])

    @property
    def shown_unit(self) -> str:
        """The unit in the run's language: currency signs as they are ("HK$"), words translated ("index points",
        "HKD per USD")."""
        if self.unit == INDEX_POINTS:
            return _(INDEX_POINTS)
        if self.kind == "fx" and " per " in self.unit:
            base = self.unit.split(" per ", 1)[1]
            per = _("{quote} per unit") if base == "unit" else _("{quote} per {base}")
            return per.format(quote=self.currency, base=base)
        return self.unit

    @property
    def studiable(self) -> bool:
        """A stock or ETF: what an event study can take as its subject."""
        return self.kind in ("equity", "etf")

    @property
    def can_benchmark(self) -> bool:
        """Anything but an exchange rate can serve as an event study's benchmark."""
        return self.kind != "fx"


def _info(symbol: str, name: str, market: str, kind: str, currency: str, unit: str) -> SymbolInfo:
    return SymbolInfo(symbol, name, MARKETS[market], kind, currency, unit)


KNOWN_SYMBOLS: dict[str, SymbolInfo] = {
    info.symbol: info
    for info in (
        _info("9988.HK", "Alibaba (Hong Kong)", "HK", "equity", "HKD", "HK$"),
        _info("BABA", "Alibaba ADR (NYSE)", "US", "equity", "USD", "US$"),
        _info("^HSI", "Hang Seng Index", "HK", "index", "HKD", INDEX_POINTS),
        _info("^HSCE", "Hang Seng China Enterprises Index", "HK", "index", "HKD", INDEX_POINTS),
        _info("0700.HK", "Tencent (Hong Kong)", "HK", "equity", "HKD", "HK$"),
        _info("NVDA", "Nvidia (Nasdaq)", "US", "equity", "USD", "US$"),
        _info("KWEB", "KraneShares CSI China Internet ETF", "US", "etf", "USD", "US$"),
        _info("^GSPC", "S&P 500", "US", "index", "USD", INDEX_POINTS),
        _info("HKD=X", "US dollar in Hong Kong dollars", "FX", "fx", "HKD", "HKD per USD"),
    )
}

# The benchmark an event study or a reaction table compares a symbol with by default.
DEFAULT_BENCHMARK: dict[str, str] = {
    "9988.HK": "^HSCE",
    "0700.HK": "^HSCE",
    "BABA": "^GSPC",
    "NVDA": "^GSPC",
    "KWEB": "^GSPC",
}

_SUFFIX_MARKETS = {
    ".HK": ("HK", "HKD", "HK$"),
    ".SS": ("CN", "CNY", "CN¥"),
    ".SZ": ("CN", "CNY", "CN¥"),
    ".T": ("JP", "JPY", "JP¥"),
    ".L": ("UK", "GBP", "GBp"),
    ".DE": ("EU", "EUR", "€"),
    ".PA": ("EU", "EUR", "€"),
    ".AS": ("EU", "EUR", "€"),
}
_INDEX_MARKETS = {"^HSTECH": "HK", "^N225": "JP", "^FTSE": "UK", "^GDAXI": "EU", "^STOXX50E": "EU"}
_SYMBOL_RE = re.compile(r"^\^?[A-Z0-9][A-Z0-9.\-=]{0,14}$")


class InvalidSymbol(ValueError):
    """A symbol that cannot be a Yahoo Finance ticker; the message is meant for the user."""


# Each symbol's name where it trades or is quoted in Chinese: (Traditional, as in Hong Kong; Simplified, as on the
# mainland). Hong Kong's "-W" marks weighted voting rights, as HKEX writes it.
LOCAL_NAMES: dict[str, tuple[str, str]] = {
    "9988.HK": ("阿里巴巴-W", "阿里巴巴-W"), "BABA": ("阿里巴巴", "阿里巴巴"), "^HSI": ("恒生指數", "恒生指数"),
    "^HSCE": ("恒生中國企業指數", "恒生中国企业指数"), "^HSTECH": ("恒生科技指數", "恒生科技指数"),
    "0700.HK": ("騰訊控股", "腾讯控股"), "NVDA": ("英偉達", "英伟达"),
    "KWEB": ("KraneShares 中概互聯網 ETF", "KraneShares 中概互联网 ETF"), "^GSPC": ("標普500指數", "标普500指数"),
    "HKD=X": ("美元兌港元", "美元兑港元"),
}
_LOCAL_SCRIPT = {"zh-HK": 0, "zh-CN": 1}  # which of a LOCAL_NAMES pair each language reads

# Names people type for a symbol, in English and Chinese (Traditional and Simplified), mapped to Yahoo's symbol;
# every local name above is read too (阿里巴巴 alone is the Hong Kong listing, as people mean it here)
TYPED_NAMES: dict[str, str] = {
    "ALIBABA": "9988.HK", "阿里巴巴": "9988.HK", "阿里": "9988.HK", "TENCENT": "0700.HK", "騰訊": "0700.HK",
    "腾讯": "0700.HK", "恒指": "^HSI", "HSI": "^HSI", "HANG SENG": "^HSI", "國企指數": "^HSCE", "国企指数": "^HSCE",
    "HSCEI": "^HSCE", "NVIDIA": "NVDA", "S&P 500": "^GSPC", "SPX": "^GSPC", "標普500": "^GSPC", "标普500": "^GSPC",
    **{name.upper(): symbol for symbol, names in LOCAL_NAMES.items() for name in names if name != "阿里巴巴"},
}
_EXCHANGE_PREFIX = {"HK": ".HK", "HKEX": ".HK", "SEHK": ".HK", "SH": ".SS", "SS": ".SS", "SSE": ".SS", "SZ": ".SZ",
                    "SZSE": ".SZ", "US": "", "NYSE": "", "NASDAQ": "", "NASDAQGS": "", "AMEX": "", "OTC": "",
                    "OTCPK": ""}


@dataclass(frozen=True)
class TypedSymbol:
    """A symbol as typed and the Yahoo symbol it was read as; ``note`` says how when the two differ."""

    typed: str
    symbol: str
    note: str = ""


def read_symbol(raw: object) -> TypedSymbol:
    """The Yahoo symbol a user meant, however typed: ``700``, ``00700``, ``0700.HK``, ``HK.00700``, ``HK:700``,
    ``9988``, ``baba``, ``NYSE:BABA``, ``BABA.US``, ``SH.600519``, a name (``Tencent``, ``騰訊控股``, ``恒生指數``).
    Raises :class:`InvalidSymbol` with a sentence for anything else."""
    typed = str(raw or "").strip()
    text = re.sub(r"\s+", " ", typed.replace("\u3000", " ")).upper()
    if not text:
        raise InvalidSymbol(_("Enter a symbol, for example 9988.HK or BABA."))
    if len(text) > 40:
        raise InvalidSymbol(_("'{typed}…' is too long to be a symbol.").format(typed=typed[:40]))
    if text in TYPED_NAMES:
        return _typed(typed, TYPED_NAMES[text], N_("a name"))
    m = re.fullmatch(r"(?P<ex>[A-Z]{2,8})\s?[.:]\s?(?P<code>[A-Z0-9.^=-]{1,12})", text)
    if m and m.group("ex") in _EXCHANGE_PREFIX:
        return _coded(typed, m.group("code"), _EXCHANGE_PREFIX[m.group("ex")])
    m = re.fullmatch(r"(?P<code>[A-Z0-9^=-]{1,12})(?:\s|\.)(?P<ex>HK|US|SH|SZ|SS)", text)
    if m:
        return _coded(typed, m.group("code"), _EXCHANGE_PREFIX[m.group("ex")])
    if re.fullmatch(r"\d{1,5}", text):
        return _typed(typed, f"{int(text):04d}.HK", N_("a Hong Kong stock code"))
    if re.fullmatch(r"\d{6}", text):
        return _typed(typed, text + (".SS" if text[0] in "569" else ".SZ"), N_("a mainland China stock code"))
    if not _SYMBOL_RE.fullmatch(text):
        raise InvalidSymbol(
            _("'{typed}' is not a symbol the app can read: type a Yahoo Finance symbol (9988.HK, BABA, ^HSI), a "
              "Hong Kong code (700, 00700, HK.00700) or a name such as Tencent or 騰訊控股.").format(typed=typed[:40]))
    return _coded(typed, text, "")


def _coded(typed: str, code: str, suffix: str) -> TypedSymbol:
    if suffix == ".HK" and re.fullmatch(r"\d+", code):
        if len(code) > 5:
            raise InvalidSymbol(_("'{typed}': Hong Kong stock codes have at most five digits.").format(
                typed=typed[:40]))
        return _typed(typed, f"{int(code):04d}.HK", N_("a Hong Kong stock code"))
    hk = re.fullmatch(r"0*(\d{1,5})\.HK", code)
    if hk:
        return _typed(typed, f"{int(hk.group(1)):04d}.HK", N_("a Hong Kong stock code"))
    symbol = code + suffix if suffix and not code.endswith(suffix) else code
    if not _SYMBOL_RE.fullmatch(symbol):
        raise InvalidSymbol(_("'{typed}' is not a symbol the app can read.").format(typed=typed[:40]))
    return _typed(typed, symbol, "")


def _typed(typed: str, symbol: str, how: str) -> TypedSymbol:
    if typed.strip().upper() == symbol:
        return TypedSymbol(typed, symbol)
    named = f" ({display_name(symbol, current())})" if symbol in KNOWN_SYMBOLS else ""
    said = (_("'{typed}' read as {symbol}{named}, {how}") if how else _("'{typed}' read as {symbol}{named}"))
    return TypedSymbol(typed, symbol,
                       said.format(typed=typed.strip(), symbol=symbol, named=named, how=_(how) if how else ""))


def display_name(symbol: str, language: str) -> str:
    """The name a reader of ``language`` (a code of ``components.locale.LANGUAGES``) knows ``symbol`` by: its
    exchange-local name in Traditional or Simplified Chinese where it has one, else the app's name (an unknown index
    or exchange rate named in the run's language)."""
    local = LOCAL_NAMES.get(symbol)
    script = _LOCAL_SCRIPT.get(language)
    if local is not None and script is not None:
        return local[script]
    info = symbol_info(symbol)
    if info.symbol not in KNOWN_SYMBOLS and info.kind in GENERIC_NAMES:
        return _(GENERIC_NAMES[info.kind]).format(symbol=info.symbol)
    return info.name


def normalise_symbol(raw: object) -> str:
    """The canonical Yahoo form of a user-typed symbol (see :func:`read_symbol`), or :class:`InvalidSymbol`."""
    return read_symbol(raw).symbol


@lru_cache(maxsize=1024)  # pages ask for the same few symbols many times a run; the answer never changes
def symbol_info(symbol: str) -> SymbolInfo:
    """Metadata of a symbol: known ones from the table, others inferred from Yahoo's suffixes."""
    symbol = normalise_symbol(symbol)
    if symbol in KNOWN_SYMBOLS:
        return KNOWN_SYMBOLS[symbol]
    if symbol.endswith("=X"):
        quote = symbol[:-2][-3:] or "USD"
        return _info(symbol, GENERIC_NAMES["fx"].format(symbol=symbol), "FX", "fx", quote, f"{quote} per unit")
    if symbol.startswith("^"):
        market = _INDEX_MARKETS.get(symbol, "US")
        return _info(symbol, GENERIC_NAMES["index"].format(symbol=symbol), market, "index", "", INDEX_POINTS)
    for suffix, (market, currency, unit) in _SUFFIX_MARKETS.items():
        if symbol.endswith(suffix):
            return _info(symbol, symbol, market, "equity", currency, unit)
    return _info(symbol, symbol, "US", "equity", "USD", "US$")


def benchmark_for(symbol: str) -> str | None:
    """The default benchmark index of a symbol (None for a symbol that is itself a benchmark)."""
    info = symbol_info(symbol)
    if info.kind in ("index", "fx"):
        return None
    return DEFAULT_BENCHMARK.get(info.symbol, "^HSCE" if info.market.code == "HK" else "^GSPC")


def level_label(adjusted: float, symbol: str, exchange_print: float | None = None) -> str:
    """A close as a level: the exchange's print first, the adjusted close beside it where they differ,
    e.g. 'HK$140.80 (dividend-adjusted 140.50)'; an unknown print is said so."""
    info = symbol_info(symbol)
    if info.kind == "index":
        return _("{level} index points").format(level=fixed_number(adjusted))
    if info.kind == "fx":
        return f"{fixed_number(adjusted, 4)} {info.shown_unit}"
    if exchange_print is None or exchange_print != exchange_print:  # NaN: the print is not in the data
        return _("{unit}{level} dividend-adjusted (the exchange's print is not in the data)").format(
            unit=info.unit, level=fixed_number(adjusted))
    if abs(exchange_print - adjusted) < 0.005:
        return f"{info.unit}{fixed_number(exchange_print)}"
    return _("{unit}{printed} (dividend-adjusted {level})").format(unit=info.unit, printed=fixed_number(exchange_print),
                                                                   level=fixed_number(adjusted))
