"""The prices of one listing's daily bars an article's claim is measured with: a bar's day, a price as the exchange
printed it where the data hold the print, and a move from a base row to a session's row with its price basis."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.data.basis import BASIS_WORDS, PRINT
from components.data.symbols import InvalidSymbol, symbol_info
from components.locale import _


def bar_day(b: pd.DataFrame, pos: int) -> dt.date:
    return b.index[pos].date()


def price(b: pd.DataFrame, pos: int, col: str, want_print: bool = True) -> tuple[float, bool]:
    """A price of a bar and whether it is the exchange's print (its bar's close has a known print)."""
    value = float(b[col].iloc[pos])
    raw, close = float(b["raw_close"].iloc[pos]), float(b["close"].iloc[pos])
    if want_print and raw == raw and close > 0:
        return value * raw / close, True
    return value, False


def move_value(b: pd.DataFrame, base: int, pos: int, col: str, points: bool) -> tuple[float, tuple[float, float], str]:
    """(the move, the two prices, their basis) from the base row's close to ``col`` of the session's row: a return
    on the dividend-adjusted values (total return), a change in points on the prints (an index's are its own)."""
    if points:
        first, p0 = price(b, base, "close")
        last, p1 = price(b, pos, col)
        if p0 and p1:
            return last - first, (first, last), _(BASIS_WORDS[PRINT])
    first, last = float(b["close"].iloc[base]), float(b[col].iloc[pos])
    return (last - first if points else (last / first - 1) * 100), (first, last), basis_of(b.attrs.get("symbol", ""))


def basis_of(symbol: str) -> str:
    try:
        return symbol_info(symbol).basis_label
    except InvalidSymbol:
        return ""
