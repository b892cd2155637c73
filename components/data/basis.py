"""The two bases of an equity's prices, said once: the exchange's print and the dividend-adjusted close.

Every bar the app holds carries both:

* ``open``, ``high``, ``low`` and ``close`` are on the **adjusted** basis: Yahoo's dividend-adjusted
  values for stocks and funds (each price scaled down by the dividends paid after it), so that a
  return between two bars is the total return. Returns, event studies and rebased charts use them.
* ``raw_close`` is the **print**: the close the exchange published, which reporters quote and a
  level is checked against. For indices and FX it equals ``close``. It is empty (NaN) where the
  print is unknown: a live fetch gets it from Yahoo (``Close`` with ``auto_adjust=False``); for the
  bundled snapshot, whose equity closes are adjusted only, it is derived from the adjustment factors
  measured in the price provenance notes (:data:`ADJUSTMENTS`), and nothing is guessed outside them.

A bar's open, high and low prints follow from its close's: they share one adjustment factor
(``close / raw_close``). Share splits are not dividends: Yahoo's prints are already split-adjusted,
so a level written before a split is compared after :data:`SPLITS` scales it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.locale import N_, _, ngettext
from components.locale.formats import date_as, fixed_number

ADJUSTED, PRINT = "adjusted", "print"
# which figure uses which basis, for pages and the report
BASIS_USE = N_("Returns, event studies and rebased charts use dividend-adjusted closes (total return). Levels, such "
             "as a close an article quotes, the chart's hover and the summaries, use the exchange's own closing "
             "price where the data hold it, with the adjusted close beside it. Indices are in index points; HKD=X "
             "is a quoted exchange rate.")
BASIS_WORDS = {ADJUSTED: N_("dividend-adjusted close (total return)"), PRINT: N_("exchange print")}


@dataclass(frozen=True)
class Adjustment:
    """On ``first..last`` (inclusive) the snapshot's value of ``symbol`` is its print × ``factor``."""

    symbol: str
    first: dt.date
    last: dt.date
    factor: float
    source: str  # where in the provenance notes it was measured


_PROVENANCE = "../shared/data/PRICES_PROVENANCE.md"
ADJUSTMENTS: tuple[Adjustment, ...] = (
    Adjustment("9988.HK", dt.date(2022, 1, 3), dt.date(2023, 11, 6), 0.993451,
               f"{_PROVENANCE}, extension, 'Adjusted or raw in 2022–2023': against a raw download of 2023-11-08"),
    Adjustment("9988.HK", dt.date(2024, 6, 12), dt.date(2025, 6, 10), 0.997896,
               f"{_PROVENANCE}, 9988.HK, 'How large is the adjustment?': against CCF0001 @ cd7bb5a7"),
    Adjustment("9988.HK", dt.date(2025, 6, 11), dt.date(2100, 12, 31), 1.0,
               f"{_PROVENANCE}, 9988.HK: the values equal exchange prices from 2025-06-11"),
    Adjustment("BABA", dt.date(2022, 1, 3), dt.date(2023, 12, 19), 0.949695,
               f"{_PROVENANCE}, extension, 'Adjusted or raw in 2022–2023': against dieperdev's raw Close"),
    Adjustment("BABA", dt.date(2023, 12, 20), dt.date(2024, 6, 12), 0.96246,
               f"{_PROVENANCE}, BABA, 'Size of the adjustment' table"),
    Adjustment("BABA", dt.date(2024, 6, 13), dt.date(2025, 6, 11), 0.983379,
               f"{_PROVENANCE}, BABA, 'Size of the adjustment' table"),
    Adjustment("BABA", dt.date(2025, 6, 12), dt.date(2100, 12, 31), 1.0,
               f"{_PROVENANCE}, BABA, 'Size of the adjustment' table: equals raw from 2025-06-12"),
)

# Where no factor was measured, how far above the adjusted close the print can be: the dividends paid
# between the bar and the download, at most (Tencent about 1% a year, Nvidia a few hundredths of a
# percent, KWEB's yearly distribution several percent; the unmeasured spans of the Alibaba listings
# hold one dividend each).
UNKNOWN_BOUND: dict[str, float] = {"0700.HK": 0.04, "NVDA": 0.002, "KWEB": 0.12, "9988.HK": 0.01, "BABA": 0.06}
DEFAULT_UNKNOWN_BOUND = 0.05
# symbol -> (first day on the split-adjusted scale, old shares per new share)
SPLITS: dict[str, tuple[dt.date, float]] = {"NVDA": (dt.date(2024, 6, 10), 10.0)}


def snapshot_prints(symbol: str, kind: str, dates: pd.Series, closes: pd.Series) -> np.ndarray:
    """The prints of a snapshot symbol's closes: equal for indices and FX, derived from
    :data:`ADJUSTMENTS` for equities (to the cent), NaN where no factor was measured."""
    closes = closes.to_numpy(float)
    if kind in ("index", "fx"):
        return closes.copy()
    out = np.full(len(closes), np.nan)
    days = pd.DatetimeIndex(dates)
    for adj in ADJUSTMENTS:
        if adj.symbol == symbol:
            inside = (days >= pd.Timestamp(adj.first)) & (days <= pd.Timestamp(adj.last))
            out[inside] = closes[inside] / adj.factor
    # Both exchanges' ticks are whole cents or coarser, so rounding to cents undoes the 4-decimal rounding of
    # the snapshot's adjusted values (140.5037 / 0.997896 = 140.79994 -> 140.80, HKEX's close)
    return np.round(out, 2)


def unknown_bound(symbol: str) -> float:
    return UNKNOWN_BOUND.get(symbol, DEFAULT_UNKNOWN_BOUND)


def split_scale(symbol: str, day: dt.date) -> float:
    """How many times a print written on ``day`` is the split-adjusted print (1 after any split)."""
    split = SPLITS.get(symbol)
    return split[1] if split and day < split[0] else 1.0


def print_of(value: float, close: float, raw_close: float) -> float:
    """The print of any price of a bar (open, high, low) from the bar's adjusted and raw closes; NaN when unknown."""
    if not (np.isfinite(raw_close) and close > 0):
        return float("nan")
    return value * raw_close / close


def print_coverage(prints: pd.Series, kind: str) -> str:
    """In words, which of a symbol's served closes come with the exchange's print."""
    if kind in ("index", "fx"):
        return _("the close itself")
    known = prints.notna().to_numpy()
    if known.all():
        return _("every session")
    if not known.any():
        return _("not in the data")
    dates = pd.DatetimeIndex(prints.index)[known]
    first, last = (date_as(d.date(), "date") for d in (dates.min(), dates.max()))
    return ngettext("{n} of {total} session ({first} to {last})", "{n} of {total} sessions ({first} to {last})",
                    len(known)).format(n=fixed_number(int(known.sum()), 0), total=fixed_number(len(known), 0),
                                       first=first, last=last)
