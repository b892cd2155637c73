"""The bundled price snapshot: read, validate and write daily bars in the shared CSV schema.

The schema is that of ``../shared/data/prices.csv``::

    date,symbol,open,high,low,close,adj_close,volume,currency

Validation reports every broken rule with the file line it sits on, so a bad import can be fixed
by hand. Two quirks of real Yahoo data are reported as *quirks*, not errors, and the rows are kept:
flat zero-volume bars on half-day sessions, and FX bars whose open or close lies outside high-low.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd

from components.data.basis import snapshot_prints
from components.data.prices import TIDY_COLUMNS
from components.data.records import plain_error
from components.data.symbols import InvalidSymbol, normalise_symbol, symbol_info
from components.facts import DATA_DIR
from components.locale import N_, Message, Nn_

SNAPSHOT_CSV = DATA_DIR / "prices.csv"
SNAPSHOT_META = DATA_DIR / "prices_meta.json"
COLUMNS = ["date", "symbol", "open", "high", "low", "close", "adj_close", "volume", "currency"]
PRICE_COLUMNS = ["open", "high", "low", "close"]


@dataclass(frozen=True)
class Finding:
    """One broken rule (severity ``error``) or one accepted quirk (severity ``quirk``)."""

    line: int  # line in the CSV file, the header being line 1; 0 for the file as a whole
    rule: str
    detail: str
    severity: str = "error"
    symbol: str = ""
    date: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        what = f" ({self.symbol} {self.date})" if self.symbol else ""
        return f"{where}{what}: {self.rule}: {self.detail}"


@dataclass
class ValidationReport:
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def quirks(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "quirk"]

    @property
    def ok(self) -> bool:
        return not self.errors


class SnapshotError(ValueError):
    """The snapshot could not be read or failed validation; the message (a :class:`Message`, said in the language of
    the page that shows it: the error is kept for every session) names line and rule."""


def read_csv_text(path: Path) -> pd.DataFrame:
    """Read a price CSV with every column as text, so validation sees exactly what is in the file."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise SnapshotError(Message(N_("{file}: cannot be read as CSV ({error})"), file=Path(path).name,
                                    error=plain_error(exc))) from exc


def validate_prices(raw: pd.DataFrame) -> tuple[pd.DataFrame, ValidationReport]:
    """Check a text frame against the schema and the price rules; return typed rows and the report.

    Rows with an error are dropped from the typed frame; a caller that imports must refuse to
    write when ``report.ok`` is false.
    """
    report = ValidationReport()
    missing = [c for c in COLUMNS if c not in raw.columns]
    extra = [c for c in raw.columns if c not in COLUMNS]
    if missing or extra:
        report.findings.append(
            Finding(1, "schema", f"header must be {','.join(COLUMNS)}; missing {missing}, unexpected {extra}")
        )
        return pd.DataFrame(columns=COLUMNS), report
    lines = pd.Series(np.arange(2, len(raw) + 2), index=raw.index)
    typed = _typed(raw)
    bad = pd.Series(False, index=raw.index)

    def flag(mask: pd.Series, rule: str, detail, severity: str = "error") -> None:
        nonlocal bad
        for idx in raw.index[mask.fillna(False).to_numpy(bool)]:
            text = detail(idx) if callable(detail) else detail
            report.findings.append(
                Finding(int(lines[idx]), rule, text, severity, raw.at[idx, "symbol"], raw.at[idx, "date"])
            )
        if severity == "error":
            bad = bad | mask.fillna(False)

    _check_types(raw, typed, flag)
    ok_types = ~bad
    _check_prices(raw, typed, ok_types, flag)
    _check_order(typed, ok_types, flag)
    report.findings.sort(key=lambda f: (f.line, f.rule))
    clean = typed[~bad].drop(columns="adj_close").reset_index(drop=True)
    clean["volume"] = clean["volume"].astype("int64")
    return clean, report


def _typed(raw: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=raw.index)
    out["date"] = pd.to_datetime(raw["date"], format="%Y-%m-%d", errors="coerce")
    out["symbol"] = raw["symbol"].str.strip()
    for col in PRICE_COLUMNS + ["adj_close", "volume"]:
        out[col] = pd.to_numeric(raw[col].str.strip().replace("", np.nan), errors="coerce")
    out["currency"] = raw["currency"].str.strip()
    return out


def _check_types(raw: pd.DataFrame, typed: pd.DataFrame, flag) -> None:
    flag(typed["date"].isna(), "date", lambda i: f"'{raw.at[i, 'date']}' is not a YYYY-MM-DD date")
    valid_symbol = typed["symbol"].map({s: _is_symbol(s) for s in typed["symbol"].unique()})
    flag(~valid_symbol, "symbol", lambda i: f"'{raw.at[i, 'symbol']}' is not a valid symbol")
    for col in PRICE_COLUMNS:
        flag(typed[col].isna(), "number", lambda i, c=col: f"{c} '{raw.at[i, c]}' is not a number")
    vol = typed["volume"]
    flag(vol.isna() | (vol < 0) | (vol % 1 != 0), "volume",
         lambda i: f"volume '{raw.at[i, 'volume']}' is not a whole number >= 0")
    adj = raw["adj_close"].str.strip()
    flag((adj != "") & typed["adj_close"].isna(), "number",
         lambda i: f"adj_close '{raw.at[i, 'adj_close']}' is not a number")
    flag(~typed["currency"].str.fullmatch(r"[A-Z]{3}"), "currency",
         lambda i: f"currency '{raw.at[i, 'currency']}' is not a 3-letter code")


def _check_prices(raw: pd.DataFrame, typed: pd.DataFrame, ok: pd.Series, flag) -> None:
    t = typed.where(ok)
    flag((t[PRICE_COLUMNS] <= 0).any(axis=1), "positive prices", "open, high, low and close must be > 0")
    flag(t["low"] > t["high"], "low <= high", lambda i: f"low {t.at[i, 'low']} > high {t.at[i, 'high']}")
    outside = (t[["open", "close"]].min(axis=1) < t["low"]) | (t[["open", "close"]].max(axis=1) > t["high"])
    outside &= t["low"] <= t["high"]
    is_fx = t["symbol"].fillna("").str.endswith("=X")

    def detail(i) -> str:
        return (f"open {t.at[i, 'open']} / close {t.at[i, 'close']} outside low {t.at[i, 'low']} "
                f"- high {t.at[i, 'high']}")

    flag(outside & ~is_fx, "low <= open, close <= high", detail)
    flag(outside & is_fx, "FX bar: open/close outside high-low (Yahoo quirk, kept)", detail, "quirk")
    flat = (t["open"] == t["high"]) & (t["high"] == t["low"]) & (t["low"] == t["close"]) & (t["volume"] == 0)
    flag(flat & ~is_fx, "flat zero-volume bar (half-day or closing quote only; kept)",
         "open = high = low = close and volume 0: do not rely on its range or volume", "quirk")
    flag(t["date"].dt.day_of_week >= 5, "weekday", lambda i: f"{raw.at[i, 'date']} is a weekend day")


def _check_order(typed: pd.DataFrame, ok: pd.Series, flag) -> None:
    t = typed[ok]
    dup = t.duplicated(["date", "symbol"], keep="first")
    flag(dup.reindex(typed.index, fill_value=False), "one row per (date, symbol)", "duplicate of an earlier row")
    keys = list(zip(t["symbol"], t["date"]))
    prev = [None] + keys[:-1]
    unsorted = pd.Series([p is not None and k < p for k, p in zip(keys, prev)], index=t.index, dtype=bool)
    flag(unsorted.reindex(typed.index, fill_value=False) & ~dup.reindex(typed.index, fill_value=False),
         "sorted by symbol, then date", "comes before the row above it")


def _is_symbol(text: str) -> bool:
    try:
        return normalise_symbol(text) == text
    except InvalidSymbol:
        return False


def read_and_validate(paths: list[Path]) -> tuple[pd.DataFrame, ValidationReport]:
    """Validate several CSV files and return their union (sorted) and one report naming each file."""
    frames, report = [], ValidationReport()
    for path in paths:
        typed, rep = validate_prices(read_csv_text(Path(path)))
        frames.append(typed)
        report.findings += [Finding(f.line, f.rule, f"{Path(path).name}: {f.detail}", f.severity, f.symbol, f.date)
                            for f in rep.findings]
    merged = pd.concat(frames, ignore_index=True).sort_values(["symbol", "date"]).reset_index(drop=True)
    dup = merged.duplicated(["date", "symbol"])
    for _, row in merged[dup].iterrows():
        report.findings.append(Finding(0, "one row per (date, symbol)", "the same bar is in two files",
                                       "error", row["symbol"], row["date"].date().isoformat()))
    return merged, report


def snapshot_meta(frame: pd.DataFrame, report: ValidationReport, sources: dict[str, str]) -> dict:
    """Describe each symbol of a validated snapshot: market, basis, range, rows, source and quirks."""
    symbols = {}
    for symbol, rows in frame.groupby("symbol", sort=True):
        info = symbol_info(symbol)
        symbols[symbol] = {
            "name": info.name,
            "market": info.market.code,
            "kind": info.kind,
            "currency": str(rows["currency"].iloc[0]),
            "basis": info.basis,
            "first": rows["date"].min().date().isoformat(),
            "last": rows["date"].max().date().isoformat(),
            "rows": int(len(rows)),
            "quirks": [asdict(q) for q in report.quirks if q.symbol == symbol],
        }
    return {
        "as_of": frame["date"].max().date().isoformat(),
        "built": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "sources": sources,
        "symbols": symbols,
    }


def write_snapshot(frame: pd.DataFrame, meta: dict, csv_path: Path = SNAPSHOT_CSV,
                   meta_path: Path = SNAPSHOT_META) -> None:
    """Write the snapshot in the shared schema (prices rounded to 4 decimals) and its metadata."""
    out = frame.sort_values(["symbol", "date"]).copy()
    out["date"] = out["date"].dt.strftime("%Y-%m-%d")
    for col in PRICE_COLUMNS:
        out[col] = out[col].round(4)
    out["adj_close"] = ""
    out[COLUMNS].to_csv(csv_path, index=False, float_format="%.10g", lineterminator="\n")
    meta = {**meta, "sha256": hashlib.sha256(Path(csv_path).read_bytes()).hexdigest()}
    Path(meta_path).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def load_snapshot(csv_path: Path = SNAPSHOT_CSV, meta_path: Path = SNAPSHOT_META) -> tuple[pd.DataFrame, dict]:
    """Read the bundled snapshot; raise :class:`SnapshotError` if it is missing, damaged or invalid.

    When the file's sha256 equals the one its metadata recorded at import (after validation), the
    bytes are those that passed, so they are parsed directly. Otherwise every rule is checked again,
    and a file that passes them all but differs from the recorded one (cut at a line, edited) is
    damaged all the same: its metadata would describe other data. Without metadata the file is
    validated and described anew.
    """
    path = Path(csv_path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SnapshotError(Message(N_("the bundled snapshot {file} is missing"), file=path.name)) from exc
    except OSError as exc:
        raise SnapshotError(Message(N_("the bundled snapshot {file} is missing or unreadable ({error})"),
                                    file=path.name, error=plain_error(exc))) from exc
    meta = _read_meta(Path(meta_path))
    if meta is not None and meta.get("sha256") == hashlib.sha256(data).hexdigest():
        return _parse_trusted(data), meta
    frame, report = validate_prices(read_csv_text(path))
    if not report.ok:
        first = report.errors[0]
        raise SnapshotError(Message(*Nn_("the bundled snapshot is damaged ({count} error: {first})",
                                          "the bundled snapshot is damaged ({count} errors; first: {first})"),
                                    count=len(report.errors), first=first))
    if meta is not None and meta.get("sha256"):  # every row is valid, yet these are not the bytes recorded
        recorded = sum(int(m.get("rows", 0)) for m in meta["symbols"].values())
        raise SnapshotError(Message(N_("the bundled snapshot is damaged: {file} differs from the file its metadata "
                                       "recorded ({rows} rows, {recorded} recorded; cut short or edited). Rebuild it "
                                       "with scripts/snapshot.py import."), file=path.name, rows=f"{len(frame):,}",
                                    recorded=f"{recorded:,}"))
    if meta is None:
        meta = snapshot_meta(frame, report, {"snapshot": "metadata missing or unreadable; rebuilt from the CSV"})
    return frame, meta


def snapshot_tidy(symbol: str, rows: pd.DataFrame) -> pd.DataFrame:
    """One snapshot symbol in the tidy schema: its basis, and its prints where the provenance measured them."""
    info = symbol_info(symbol)
    rows = rows.sort_values("date")
    prints = snapshot_prints(symbol, info.kind, rows["date"], rows["close"])
    return rows.assign(basis=info.basis, raw_close=prints)[TIDY_COLUMNS].reset_index(drop=True)


def _read_meta(path: Path) -> dict | None:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and isinstance(meta.get("symbols"), dict) else None


def _parse_trusted(data: bytes) -> pd.DataFrame:
    """Typed rows of a CSV already validated: the same frame validate_prices would return."""
    frame = pd.read_csv(io.BytesIO(data), dtype={"symbol": str, "currency": str, "volume": "int64"},
                        usecols=[c for c in COLUMNS if c != "adj_close"])
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    return frame[[c for c in COLUMNS if c != "adj_close"]]
