"""The bundled snapshot and the snapshot tool: round-trips, every broken rule reported with its line."""

from __future__ import annotations

import io
import subprocess
import sys
from contextlib import redirect_stdout

import pandas as pd
import pytest

from components.data import snapshot as S
from scripts import snapshot as tool
from tests.paths import ROOT, SHARED, needs_shared
from tests.yf_fakes import bars, prices_missing

SHARED_DATA = SHARED / "data"
HEADER = "date,symbol,open,high,low,close,adj_close,volume,currency\n"
GOOD_ROWS = [
    "2025-03-05,9988.HK,128,131,127,129.6266,,100,HKD",
    "2025-03-06,9988.HK,133,141,132,140.5037,,200,HKD",
    "2025-03-07,9988.HK,139,142,138,140,,150,HKD",
]


def check(rows: list[str], header: str = HEADER) -> S.ValidationReport:
    raw = pd.read_csv(io.StringIO(header + "\n".join(rows) + "\n"), dtype=str, keep_default_na=False)
    return S.validate_prices(raw)[1]


def test_bundled_snapshot_is_valid_and_holds_the_target_symbols():
    frame, meta = S.load_snapshot()
    assert {"9988.HK", "BABA", "^HSI", "^HSCE", "^GSPC", "HKD=X"} <= set(frame["symbol"])
    close = frame[(frame["symbol"] == "9988.HK") & (frame["date"] == "2025-03-06")]["close"].item()
    assert close == pytest.approx(140.5037)
    assert meta["symbols"]["9988.HK"]["basis"] == "adjusted" and meta["symbols"]["^HSCE"]["basis"] == "index"
    assert meta["symbols"]["HKD=X"]["basis"] == "raw" and meta["as_of"] == "2026-07-10"


@needs_shared("data", "prices_extra.csv")
def test_bundled_snapshot_equals_the_shared_files_row_for_row():
    shared = pd.concat([pd.read_csv(SHARED_DATA / "prices.csv", dtype=str, keep_default_na=False),
                        pd.read_csv(SHARED_DATA / "prices_extra.csv", dtype=str, keep_default_na=False)])
    ours = pd.read_csv(S.SNAPSHOT_CSV, dtype=str, keep_default_na=False)
    key = ["symbol", "date"]
    pd.testing.assert_frame_equal(shared.sort_values(key).reset_index(drop=True),
                                  ours.sort_values(key).reset_index(drop=True))


def test_import_round_trips_through_the_tool(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(HEADER + "\n".join(GOOD_ROWS) + "\n")
    out = tmp_path / "snap.csv"
    with redirect_stdout(io.StringIO()):
        assert tool.main(["import", str(src), "--out", str(out)]) == 0
    assert out.read_text() == src.read_text()
    frame, meta = S.load_snapshot(out, tmp_path / "snap_meta.json")
    assert len(frame) == 3 and meta["symbols"]["9988.HK"]["last"] == "2025-03-07"


@pytest.mark.parametrize("row, rule", [
    ("2025-03-10,9988.HK,1,2,0.5,1.5,,10,HKD", None),
    ("2025-13-10,9988.HK,1,2,0.5,1.5,,10,HKD", "date"),
    ("2025-03-10,9988 HK,1,2,0.5,1.5,,10,HKD", "symbol"),
    ("2025-03-10,9988.HK,abc,2,0.5,1.5,,10,HKD", "number"),
    ("2025-03-10,9988.HK,1,2,0.5,1.5,,-3,HKD", "volume"),
    ("2025-03-10,9988.HK,1,2,0.5,1.5,,10,HK", "currency"),
    ("2025-03-10,9988.HK,-1,2,-2,1.5,,10,HKD", "positive prices"),
    ("2025-03-10,9988.HK,1,2,3,1.5,,10,HKD", "low <= high"),
    ("2025-03-10,9988.HK,1,2,0.5,2.5,,10,HKD", "low <= open, close <= high"),
    ("2025-03-08,9988.HK,1,2,0.5,1.5,,10,HKD", "weekday"),
    ("2025-03-06,9988.HK,1,2,0.5,1.5,,10,HKD", "one row per (date, symbol)"),
    ("2025-03-04,9988.HK,1,2,0.5,1.5,,10,HKD", "sorted by symbol, then date"),
])
def test_each_broken_rule_is_reported_with_its_line(row, rule):
    report = check(GOOD_ROWS + [row])
    if rule is None:
        assert report.ok
        return
    assert [(f.line, f.rule) for f in report.errors] == [(5, rule)]
    assert str(report.errors[0]).startswith("line 5")


def test_wrong_header_is_a_schema_error():
    report = check(GOOD_ROWS, header="date,symbol,open,high,low,close,volume,currency\n")
    assert [(f.line, f.rule) for f in report.errors] == [(1, "schema")]
    assert "adj_close" in report.errors[0].detail


def test_known_yahoo_quirks_are_kept_as_quirks_not_errors():
    frame, report = S.validate_prices(pd.read_csv(io.StringIO(
        HEADER
        + "2025-01-28,9988.HK,88.16,88.16,88.16,88.16,,0,HKD\n"
        + "2025-01-02,HKD=X,7.768,7.7787,7.768,7.7679,,0,HKD\n"), dtype=str, keep_default_na=False))
    assert report.ok and len(frame) == 2
    assert sorted(f.rule.split(" ")[0] for f in report.quirks) == ["FX", "flat"]


def test_validate_command_names_line_and_rule_and_fails(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "\n".join(GOOD_ROWS + ["2025-03-08,9988.HK,1,2,0.5,1.5,,10,HKD"]) + "\n")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "snapshot.py"), "validate", str(bad)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "ERROR line 5 (9988.HK 2025-03-08): weekday" in proc.stdout
    out = tmp_path / "never.csv"
    with redirect_stdout(io.StringIO()):
        assert tool.main(["import", str(bad), "--out", str(out)]) == 1
    assert not out.exists()


def test_help_describes_the_commands():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "snapshot.py"), "--help"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "rebuild" in proc.stdout and "import" in proc.stdout


def test_rebuild_writes_only_when_every_symbol_is_served(tmp_path, fake_yahoo):
    days = pd.bdate_range("2025-03-03", "2025-03-07")
    fake_yahoo(lambda symbol, kw: bars(days))
    out = tmp_path / "live.csv"
    with redirect_stdout(io.StringIO()):
        assert tool.main(["rebuild", "--symbols", "9988.HK", "^HSI", "--out", str(out)]) == 0
    frame, _ = S.load_snapshot(out, tmp_path / "live_meta.json")
    assert sorted(frame["symbol"].unique()) == ["9988.HK", "^HSI"] and len(frame) == 10
    fake_yahoo(lambda symbol, kw: prices_missing(symbol))
    with redirect_stdout(io.StringIO()):
        assert tool.main(["rebuild", "--symbols", "9988.HK", "--out", str(tmp_path / "x.csv")]) == 1


def test_missing_or_damaged_snapshot_raises_a_clear_error(tmp_path):
    with pytest.raises(S.SnapshotError, match="missing"):
        S.load_snapshot(tmp_path / "nope.csv", tmp_path / "nope.json")
    damaged = tmp_path / "damaged.csv"
    damaged.write_text(HEADER + "2025-03-05,9988.HK,1,2,3,4,,5,HKD\n")
    with pytest.raises(S.SnapshotError, match="damaged"):
        S.load_snapshot(damaged, tmp_path / "damaged.json")


def test_trusted_fast_path_equals_full_validation_and_a_changed_byte_forces_it(tmp_path):
    fast, _ = S.load_snapshot()
    full, report = S.validate_prices(S.read_csv_text(S.SNAPSHOT_CSV))
    assert report.ok
    pd.testing.assert_frame_equal(fast, full)
    damaged = tmp_path / "prices.csv"
    damaged.write_bytes(S.SNAPSHOT_CSV.read_bytes().replace(b",140.5037,", b",-140.5037,", 1))
    meta = tmp_path / "prices_meta.json"
    meta.write_text(S.SNAPSHOT_META.read_text())  # the recorded hash no longer matches
    with pytest.raises(S.SnapshotError, match="damaged .2 errors; first: line 1328 .9988.HK 2025-03-06."):
        S.load_snapshot(damaged, meta)


def test_a_snapshot_cut_at_a_line_is_damaged_even_though_every_row_is_valid(tmp_path):
    lines = S.SNAPSHOT_CSV.read_text().splitlines(keepends=True)
    cut = tmp_path / "prices.csv"
    cut.write_text("".join(lines[:3000]))  # as `head -n 3000 data/prices.csv` leaves it
    meta = tmp_path / "prices_meta.json"
    meta.write_text(S.SNAPSHOT_META.read_text())
    with pytest.raises(S.SnapshotError, match=r"damaged: prices.csv differs .*2,999 rows, 8,208 recorded"):
        S.load_snapshot(cut, meta)


def test_unreadable_metadata_is_rebuilt_from_the_csv(tmp_path):
    csv = tmp_path / "p.csv"
    csv.write_text(HEADER + "\n".join(GOOD_ROWS) + "\n")
    (tmp_path / "p.json").write_text("{not json")
    _, meta = S.load_snapshot(csv, tmp_path / "p.json")
    assert meta["symbols"]["9988.HK"]["rows"] == 3 and "unreadable" in meta["sources"]["snapshot"]
