"""Build, check or rebuild the bundled price snapshot in data/.

  python scripts/snapshot.py validate FILE [FILE ...]   check CSVs, print every broken rule
  python scripts/snapshot.py import FILE [FILE ...]     validate, then write data/prices.csv + meta
  python scripts/snapshot.py rebuild [--symbols ...]    fetch live from Yahoo, validate, write

The CSV schema is that of ../shared/data/prices.csv. Exit status: 0 when valid, 1 when a rule is
broken or a fetch fails, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

from components.data import snapshot as S  # noqa: E402
from components.data.symbols import KNOWN_SYMBOLS  # noqa: E402


def _print_report(report: S.ValidationReport, limit: int) -> None:
    for finding in report.errors[:limit]:
        print(f"ERROR {finding}")
    if len(report.errors) > limit:
        print(f"... and {len(report.errors) - limit} more errors")
    for finding in report.quirks[:limit]:
        print(f"quirk {finding}")
    if len(report.quirks) > limit:
        print(f"... and {len(report.quirks) - limit} more quirks")


def _write(frame: pd.DataFrame, report: S.ValidationReport, sources: dict[str, str], out: Path) -> None:
    meta = S.snapshot_meta(frame, report, sources)
    S.write_snapshot(frame, meta, out, out.with_name(out.stem + "_meta.json"))
    print(f"wrote {out} ({len(frame)} rows, {frame['symbol'].nunique()} symbols, as of {meta['as_of']})")


def cmd_validate(args: argparse.Namespace) -> int:
    frame, report = S.read_and_validate(args.files)
    _print_report(report, args.limit)
    print(f"{len(frame)} valid rows; {len(report.errors)} errors, {len(report.quirks)} quirks")
    return 0 if report.ok else 1


def cmd_import(args: argparse.Namespace) -> int:
    frame, report = S.read_and_validate(args.files)
    _print_report(report, args.limit)
    if not report.ok:
        print(f"not written: {len(report.errors)} errors")
        return 1
    sources = {
        Path(f).name: f"sha256 {hashlib.sha256(Path(f).read_bytes()).hexdigest()[:16]}; "
        "Yahoo Finance daily bars (see the file's PROVENANCE notes)"
        for f in args.files
    }
    _write(frame, report, sources, args.out)
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    from components.data.yahoo import fetch_history  # imports yfinance only when asked to

    frames, failures = fetch_history(args.symbols, args.start, args.end)
    for symbol, reason in failures.items():
        print(f"ERROR {symbol}: {reason}")
    if failures or not frames:
        print("not written: every symbol must be served live to rebuild the snapshot")
        return 1
    tidy = pd.concat(frames.values(), ignore_index=True)
    text = tidy.assign(date=tidy["date"].dt.strftime("%Y-%m-%d"), adj_close="")[S.COLUMNS].astype(str)
    frame, report = S.validate_prices(text.sort_values(["symbol", "date"]).reset_index(drop=True))
    _print_report(report, args.limit)
    if not report.ok:
        return 1
    _write(frame, report, {"yfinance": f"download on {date.today()} (auto_adjust=True)"}, args.out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="snapshot", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=50, help="findings to print per kind (default 50)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (("validate", "check CSV files and report every broken rule"),
                           ("import", "validate CSV files and write them as the snapshot")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("files", nargs="+", type=Path, help="CSV files in the shared prices schema")
    sub.choices["import"].add_argument("--out", type=Path, default=S.SNAPSHOT_CSV, help="snapshot CSV to write")
    p = sub.add_parser("rebuild", help="fetch the symbols live from Yahoo Finance and write the snapshot")
    p.add_argument("--symbols", nargs="+", default=list(KNOWN_SYMBOLS), help="Yahoo symbols")
    p.add_argument("--start", type=date.fromisoformat, default=date(2022, 1, 1), help="first date, YYYY-MM-DD")
    p.add_argument("--end", type=date.fromisoformat, default=date.today(), help="last date (inclusive)")
    p.add_argument("--out", type=Path, default=S.SNAPSHOT_CSV, help="snapshot CSV to write")
    args = parser.parse_args(argv)
    handler = {"validate": cmd_validate, "import": cmd_import, "rebuild": cmd_rebuild}[args.command]
    try:
        return handler(args)
    except S.SnapshotError as exc:
        print(f"ERROR {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
