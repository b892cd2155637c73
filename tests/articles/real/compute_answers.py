"""The expected answers of the real-article corpus, computed from the bundled prices on their own.

Independent of the app on purpose: nothing here imports ``components``. A person reads each article of
``../shared/corpus/real/`` and writes, per figure, what it is about (``answers/NAME.json``: the listing, the
session, the measure and the number as written; see README.md). This script computes what the data say
for each checkable figure and the verdict a careful checker must give, and writes both into the file:

    python tests/articles/real/compute_answers.py            # recompute and write every answers file
    python tests/articles/real/compute_answers.py --check    # exit 1 when a committed answer differs

Levels are compared with the exchange's print: the bundled equity closes are Yahoo's dividend-adjusted
closes, so this script holds its own table of the adjustment factors measured in the price provenance notes
(file value = print x factor). Where no factor was measured, the print is unknown and a level is judged
against the band the adjustment allows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ANSWERS = HERE / "answers"
PRICES = HERE.parent.parent.parent / "data" / "prices.csv"

# (symbol, first, last, factor): adjusted = print x factor on [first, last]; from PRICES_PROVENANCE.md
FACTORS = (
    ("9988.HK", "2022-01-03", "2023-11-06", 0.993451),  # "every close from 2022-01-03 to 2023-11-06 ... x 0.993451"
    ("9988.HK", "2024-06-12", "2025-06-10", 0.997896),  # "From 2024-06-12 to 2025-06-10 ... raw price x 0.997896"
    ("9988.HK", "2025-06-11", "2100-12-31", 1.0),  # "From 2025-06-11 onward, the values equal exchange prices"
    ("BABA", "2022-01-03", "2023-12-19", 0.949695),  # "raw x 0.949695 from 2022-01-03 to 2023-12-19"
    ("BABA", "2023-12-20", "2024-06-12", 0.96246),  # factor table of the BABA section
    ("BABA", "2024-06-13", "2025-06-11", 0.983379),
    ("BABA", "2025-06-12", "2100-12-31", 1.0),
)
INDEX_LIKE = ("^HSI", "^HSCE", "^GSPC", "HKD=X")  # their values are the prints
# Where no factor was measured: how far above the adjusted value the print can be (dividends since the bar)
UNKNOWN_BAND = {"0700.HK": 0.04, "NVDA": 0.002, "KWEB": 0.12, "9988.HK": 0.01, "BABA": 0.06}
SPLITS = {"NVDA": (dt.date(2024, 6, 10), 10.0)}  # prints before this day are this many times the split-adjusted


def load_prices(path: Path = PRICES) -> dict[str, pd.DataFrame]:
    frame = pd.read_csv(path, parse_dates=["date"])
    return {s: rows.set_index("date").sort_index() for s, rows in frame.groupby("symbol")}


def factor(symbol: str, day: dt.date) -> float | None:
    """adjusted / print on ``day``; None when unknown."""
    if symbol in INDEX_LIKE:
        return 1.0
    for sym, first, last, value in FACTORS:
        if sym == symbol and dt.date.fromisoformat(first) <= day <= dt.date.fromisoformat(last):
            return value
    return None


def split_ratio(symbol: str, day: dt.date) -> float:
    cut = SPLITS.get(symbol)
    return cut[1] if cut and day < cut[0] else 1.0


class NoData(Exception):
    pass


def _row(bars: pd.DataFrame, day: str) -> int:
    stamp = pd.Timestamp(day)
    if stamp not in bars.index:
        raise NoData(f"no session on {day}")
    return int(bars.index.get_loc(stamp))


def _prev(bars: pd.DataFrame, pos: int) -> int:
    if pos == 0:
        raise NoData("no session before it in the data")
    return pos - 1


def judge_move(actual: float, claimed: float, qualifier: str, sign: int, decimals: int) -> str:
    """% or points: the rule stated in README.md, written here independently of the app."""
    if sign and actual * sign < 0 and abs(actual) >= 0.05:
        return "does not match"
    a = abs(actual) if sign or claimed >= 0 else actual  # no direction said: the size of the move
    unit = 10.0 ** -decimals
    if qualifier in ("more than", "over", "above", "at least", "just over", "topped"):
        return "matches" if a >= claimed else ("roughly" if a >= claimed - unit / 2 else "does not match")
    if qualifier in ("less than", "under", "below"):
        return "matches" if a <= claimed else ("roughly" if a <= claimed + unit / 2 else "does not match")
    if qualifier in ("nearly", "almost", "close to", "just under"):
        band = max(unit, 0.05 * abs(claimed))
        if claimed - band <= a <= claimed:
            return "matches"
        near = claimed < a <= claimed + max(unit, 0.02 * abs(claimed)) or claimed - 2 * band <= a < claimed - band
        return "roughly" if near else "does not match"
    if qualifier in ("about", "around", "roughly", "some", "approximately"):
        ok = abs(a - claimed) <= max(unit / 2, 0.03 * abs(claimed))
    else:
        ok = claimed - unit / 2 <= a < claimed + unit
    if ok:
        return "matches"
    return "roughly" if abs(a - claimed) <= max(1.5 * unit, 0.1 * abs(claimed)) else "does not match"


def judge_level(actual: float, claimed: float, qualifier: str, decimals: int) -> str:
    unit = 10.0 ** -decimals
    if qualifier in ("above", "over", "more than", "topped", "at least"):
        return "matches" if actual >= claimed else ("roughly" if actual >= claimed * 0.99 else "does not match")
    if qualifier in ("below", "under", "less than"):
        return "matches" if actual <= claimed else ("roughly" if actual <= claimed * 1.01 else "does not match")
    if qualifier in ("about", "around", "nearly", "almost", "close to", "roughly", "some"):
        gap = abs(actual / claimed - 1)
        return "matches" if gap <= 0.01 else ("roughly" if gap <= 0.02 else "does not match")
    if claimed - unit / 2 <= actual < claimed + unit or abs(actual / claimed - 1) <= 0.001:
        return "matches"
    return "roughly" if abs(actual / claimed - 1) <= 0.01 else "does not match"


def _print_value(bars: pd.DataFrame, symbol: str, pos: int, col: str) -> tuple[float, float | None]:
    """(the print, or the adjusted value when the print is unknown; the factor or None)."""
    day = bars.index[pos].date()
    value = float(bars[col].iloc[pos])
    f = factor(symbol, day)
    return (value / f * split_ratio(symbol, day) if f else value * split_ratio(symbol, day)), f


def _level(bars: pd.DataFrame, fig: dict, col: str) -> tuple[float, str, str]:
    pos = _row(bars, fig["session"])
    value, f = _print_value(bars, fig["symbol"], pos, col)
    claimed, q, dec = fig["value"], fig.get("qualifier", ""), fig.get("decimals", 0)
    if f is not None:
        return value, judge_level(value, claimed, q, dec), f"print {col} {value:,.4f}"
    band = UNKNOWN_BAND.get(fig["symbol"], 0.05)
    if value * 0.999 <= claimed <= value * (1 + band) * 1.001:
        return value, "roughly", f"adjusted {col} {value:,.4f}; print unknown, up to {band:.1%} higher"
    edge = value if claimed < value else value * (1 + band)
    verdict = judge_level(edge, claimed, q, dec)
    return value, verdict, f"adjusted {col} {value:,.4f}; print unknown, up to {band:.1%} higher"


def _move(bars: pd.DataFrame, fig: dict, base_col: str, col: str, points: bool) -> tuple[float, str, str]:
    pos = _row(bars, fig["session"])
    base = _row(bars, fig["base"]) if fig.get("base") else _prev(bars, pos)
    first, f0 = _print_value(bars, fig["symbol"], base, base_col)
    last, f1 = _print_value(bars, fig["symbol"], pos, col)
    if not points or f0 is None or f1 is None:  # returns: the total return, on the adjusted series
        first, last = float(bars[base_col].iloc[base]), float(bars[col].iloc[pos])
    actual = last - first if points else (last / first - 1) * 100
    verdict = judge_move(actual, fig["value"], fig.get("qualifier", ""), fig.get("sign", 0), fig.get("decimals", 0))
    detail = f"{bars.index[base].date()} {base_col} {first:,.4f} -> {bars.index[pos].date()} {col} {last:,.4f}"
    return actual, verdict, detail


def _prints(bars: pd.DataFrame, symbol: str, col: str = "close") -> pd.Series:
    out = {}
    for i, day in enumerate(bars.index):
        value, f = _print_value(bars, symbol, i, col)
        out[day] = value if f is not None else float("nan")
    return pd.Series(out)


def _rank(bars: pd.DataFrame, fig: dict) -> tuple[float, str, str]:
    """The session's close (or move) is the highest (lowest) since ``window_start`` (inclusive)."""
    pos = _row(bars, fig["session"])
    start = pd.Timestamp(fig["window_start"])
    if start < bars.index[0]:
        raise NoData(f"the window starts {fig['window_start']}, before the data ({bars.index[0].date()})")
    if fig.get("of", "close") == "move":
        values = bars["close"].pct_change() * 100
    else:
        values = _prints(bars, fig["symbol"]) if fig["symbol"] not in INDEX_LIKE else bars["close"]
        if values.loc[start:bars.index[pos]].isna().any():
            values = bars["close"]  # one adjustment basis throughout when some prints are unknown
    now = float(values.iloc[pos])
    window = values.loc[start:bars.index[pos - 1]] if pos else values.iloc[:0]
    beaten = window[window >= now] if fig["sign"] > 0 else window[window <= now]
    detail = f"{now:,.4f} on {bars.index[pos].date()}; " + (
        f"beaten or equalled on {beaten.index[-1].date()} ({float(beaten.iloc[-1]):,.4f})" if len(beaten)
        else f"not beaten since {fig['window_start']}")
    return now, ("does not match" if len(beaten) else "matches"), detail


def _streak(bars: pd.DataFrame, fig: dict) -> tuple[float, str, str]:
    pos = _row(bars, fig["session"])
    if fig.get("unit") == "week":  # weeks in a row: each week's last close against the week before
        weekly = bars["close"].groupby(bars.index.to_period("W-FRI")).last()
        bars = pd.DataFrame({"close": weekly.to_numpy()}, index=weekly.index.end_time.normalize())
        pos = int(bars.index.searchsorted(pd.Timestamp(fig["session"]))) if pos >= 0 else pos
    moves = bars["close"].diff()
    run = 0
    while pos - run >= 1 and moves.iloc[pos - run] * fig["sign"] > 0:
        run += 1
    ok = run == fig["n"] if fig.get("exact", True) else run >= fig["n"]
    return float(run), ("matches" if ok else "does not match"), f"{run} sessions in a row ending {fig['session']}"


def _threshold(bars: pd.DataFrame, fig: dict) -> tuple[float, str, str]:
    """Closed beyond ``value`` on the session, and for the first time since ``window_start`` (when given)."""
    pos = _row(bars, fig["session"])
    values = _prints(bars, fig["symbol"]) if fig["symbol"] not in INDEX_LIKE else bars["close"]
    now, x, sign = float(values.iloc[pos]), fig["value"], fig["sign"]
    if now != now:
        raise NoData("the print of that session is unknown")
    beyond = now >= x if sign > 0 else now <= x
    detail = f"close {now:,.4f} against {x:,.4f}"
    if beyond and fig.get("window_start"):
        window = values.loc[pd.Timestamp(fig["window_start"]):bars.index[pos - 1]]
        earlier = window[window >= x] if sign > 0 else window[window <= x]
        if len(earlier):
            return now, "does not match", detail + f"; already beyond on {earlier.index[-1].date()}"
    return now, ("matches" if beyond else "does not match"), detail


MEASURES = {
    "day": lambda b, f: _move(b, f, "close", "close", False),
    "points": lambda b, f: _move(b, f, "close", "close", True),
    "level": lambda b, f: _level(b, f, "close"),
    "open_level": lambda b, f: _level(b, f, "open"),
    "high_level": lambda b, f: _level(b, f, "high"),
    "low_level": lambda b, f: _level(b, f, "low"),
    "open_move": lambda b, f: _move(b, f, "close", "open", False),
    "open_points": lambda b, f: _move(b, f, "close", "open", True),
    "high_move": lambda b, f: _move(b, f, "close", "high", False),
    "low_move": lambda b, f: _move(b, f, "close", "low", False),
    "high_points": lambda b, f: _move(b, f, "close", "high", True),
    "low_points": lambda b, f: _move(b, f, "close", "low", True),
    "period": lambda b, f: _move(b, f, "close", "close", False),
    "period_points": lambda b, f: _move(b, f, "close", "close", True),
    "rank": _rank,
    "streak": _streak,
    "threshold": _threshold,
}


def compute(fig: dict, prices: dict[str, pd.DataFrame]) -> dict:
    """The figure with ``actual``, ``expected`` and ``detail`` filled in (checkable figures only)."""
    out = {k: v for k, v in fig.items() if k not in ("actual", "expected", "detail")}
    if fig.get("kind") != "checkable":
        return out
    bars = prices.get(fig["symbol"])
    if bars is None:
        raise SystemExit(f"{fig['id']}: {fig['symbol']} is not in the data; mark it uncheckable ('not in data')")
    if fig["measure"] in ("period", "period_points") and not fig.get("base"):
        raise SystemExit(f"{fig['id']}: a period needs 'base', the session whose close it starts from")
    try:
        actual, verdict, detail = MEASURES[fig["measure"]](bars, fig)
    except NoData as exc:
        raise SystemExit(f"{fig['id']}: {exc}; mark it uncheckable with the reason") from exc
    out.update(actual=round(actual, 4), expected=verdict, detail=detail)
    return out


def compute_file(path: Path, prices: dict[str, pd.DataFrame]) -> dict:
    spec = json.loads(path.read_text(encoding="utf-8"))
    spec["figures"] = [compute(f, prices) for f in spec.get("figures", [])]
    return spec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a committed answer differs")
    parser.add_argument("names", nargs="*", help="answers files (default: all)")
    args = parser.parse_args(argv)
    prices = load_prices()
    paths = [Path(n) for n in args.names] or sorted(ANSWERS.glob("*.json"))
    stale = []
    for path in paths:
        spec = compute_file(path, prices)
        text = json.dumps(spec, indent=1, ensure_ascii=False) + "\n"
        if args.check:
            if json.loads(path.read_text(encoding="utf-8")) != spec:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
        for f in spec["figures"]:
            if f.get("kind") == "checkable":
                print(f"{path.stem[:40]:40} {f['id']:4} {f['symbol']:8} {f['measure']:11} {f['quote'][:22]:22} "
                      f"{f['actual']:>12,.2f} {f['expected']:15} {f['detail']}")
    if stale:
        print("stale answers:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
