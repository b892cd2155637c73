"""The data layer's notes and the events and claims files' errors read in each Chinese language: a damaged saved copy
of a live fetch, Yahoo's refusals and the checks its answers fail, the bundled snapshot's errors, a records file that
is missing, not JSON or of another shape, and a bad event or claim record. A sentence said in a worker thread (where
no run's language is set) is said again in the language of the run that shows it."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading

import pandas as pd
import pytest
import yfinance as yf

from components import locale as L
from components.analysis import claims as C
from components.analysis.metrics import coverage_notes
from components.data import disk_cache, prices, snapshot, yahoo
from components.data.events import EventsError, load_events_file, parse_events
from components.data.records import json_records
from tests.locale.conftest import HAN
from tests.ui.test_languages_pages import english_left

CHINESE = ["zh-HK", "zh-CN"]
TODAY = dt.date(2025, 3, 10)


def assert_chinese(text: object, language: str) -> None:
    """Chinese, with nothing English left but names, file names, field names and codes."""
    shown = str(text)
    assert HAN.search(shown), f"{language}: not Chinese: {shown!r}"
    assert not english_left([shown]), f"{language}: English left in {shown!r}: {english_left([shown])}"


def good_frame() -> pd.DataFrame:
    days = pd.bdate_range("2025-03-03", periods=5)
    return pd.DataFrame({"date": days, "symbol": "BABA", "open": 10.0, "high": 11.0, "low": 9.0, "close": 10.0,
                         "raw_close": 10.0, "volume": 100, "currency": "USD", "basis": "adjusted"})[prices.TIDY_COLUMNS]


DAMAGES = {
    "not a file of prices": lambda path: path.write_bytes(b"PAR1 this is not parquet"),
    "another symbol's rows": lambda path: good_frame().assign(symbol="NVDA").to_parquet(path, index=False),
    "a date twice": lambda path: pd.concat([good_frame(), good_frame().iloc[[2]]]).sort_values("date").to_parquet(
        path, index=False),
    "a low above its high": lambda path: good_frame().assign(low=20.0).to_parquet(path, index=False),
}


@pytest.mark.parametrize("language", CHINESE)
@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_saved_copy_is_reported_in_the_readers_language(language, damage):
    path = disk_cache.cache_path("BABA")
    path.parent.mkdir(parents=True, exist_ok=True)
    DAMAGES[damage](path)
    found = []
    worker = threading.Thread(target=lambda: found.append(disk_cache.read_disk_cache("BABA", max_age=None)))
    worker.start()  # as the price fetches read it: in a worker thread, where no run's language is set
    worker.join()
    assert found[0].frame is None and found[0].set_aside
    L.use(language)
    assert_chinese(found[0].set_aside, language)
    L.use("en")
    assert "set aside" in str(found[0].set_aside)


@pytest.mark.parametrize("language", CHINESE)
def test_every_check_of_a_frame_of_prices_reads_in_the_readers_language(language):
    bad = pd.concat([good_frame(), good_frame().iloc[[1]]]).assign(low=[20.0] * 6, open=-1.0)
    bad.loc[0, "date"] = pd.Timestamp("2025-03-08")  # a Saturday, out of order
    problems = prices.tidy_problems(bad.assign(symbol=["BABA"] * 5 + ["NVDA"]), "BABA", TODAY)
    problems += prices.tidy_problems(good_frame().iloc[:0], "BABA", TODAY)
    problems += prices.tidy_problems(good_frame().assign(date=pd.Timestamp("2025-04-01")).iloc[:1], "BABA", TODAY)
    assert len(problems) >= 7
    L.use(language)
    for problem in problems:
        assert_chinese(problem, language)


@pytest.mark.parametrize("language", CHINESE)
@pytest.mark.parametrize("error", [socket.gaierror(-2, "Name or service not known"), TimeoutError("timed out"),
                                   yf.exceptions.YFRateLimitError(), ConnectionError("connection refused"),
                                   yf.exceptions.YFTzMissingError("ZZZZ"), RuntimeError("boom")],
                         ids=lambda e: type(e).__name__)
def test_yahoos_refusals_read_in_the_readers_language(language, error):
    reason = yahoo.describe_error(error)
    L.use(language)
    assert HAN.search(str(reason)), str(reason)
    if not isinstance(error, RuntimeError):  # the last one quotes the error as raised
        assert_chinese(reason, language)


@pytest.mark.parametrize("language", CHINESE)
def test_an_answer_without_usable_rows_reads_in_the_readers_language(language):
    raw = pd.DataFrame({"Close": [float("nan")] * 3}, index=pd.bdate_range("2025-03-03", periods=3))
    reasons = [prices.frame_from_history(None, "BABA")[1], prices.frame_from_history(raw, "BABA")[1],
               prices.frame_from_history(raw.rename(columns={"Close": "Open"}), "BABA")[1]]
    L.use(language)
    for reason in reasons:
        assert_chinese(reason, language)


@pytest.mark.parametrize("language", CHINESE)
def test_the_bundled_snapshots_errors_read_in_the_readers_language(language, tmp_path):
    with pytest.raises(snapshot.SnapshotError) as missing:
        snapshot.load_snapshot(tmp_path / "gone.csv", tmp_path / "meta.json")
    damaged = tmp_path / "prices.csv"
    damaged.write_text("date,symbol,open,high,low,close,adj_close,volume,currency\n"
                       "2025-03-03,9988.HK,130,125,120,128,,100,HKD\n")
    with pytest.raises(snapshot.SnapshotError) as broken:
        snapshot.load_snapshot(damaged, tmp_path / "meta.json")
    L.use(language)
    assert_chinese(missing.value, language)
    assert HAN.search(str(broken.value))  # the first finding is quoted as the validator wrote it


def _records_file(tmp_path, name: str, text: str | None):
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("language", CHINESE)
@pytest.mark.parametrize("text", [None, "{ not json", "[]", "\"events\""], ids=["missing", "not JSON", "a list",
                                                                                 "a string"])
def test_a_records_file_that_cannot_be_read_is_said_in_the_readers_language(language, text, tmp_path):
    L.use(language)
    path = _records_file(tmp_path, "events.json", text)
    with pytest.raises(EventsError) as events:
        load_events_file(path)
    with pytest.raises(C.ClaimsError) as claims:
        C.load_claims(_records_file(tmp_path, "claims.json", text))
    for error in (events.value, claims.value):
        assert_chinese(error, language)
        assert ".json" in str(error)


@pytest.mark.parametrize("language", CHINESE)
def test_bad_event_records_are_said_in_the_readers_language(language):
    good = {"id": "one", "title": "One", "date": "2025-03-05", "category": "other"}
    records = [good, {**good}, {**good, "id": "two", "date": "2025-02-30", "extra": 1}, "not a record",
               {"id": "three", "title": "", "date": "2025-03-05", "category": "rumour", "tz": "Mars/Olympus",
                "symbols": ["BAD SYMBOL"], "sources": [{"url": "ftp://x", "title": "t"}]},
               {"id": "Has Spaces", "category": "other"}]
    L.use(language)
    with pytest.raises(EventsError) as info:
        parse_events(records)
    for problem in str(info.value).split("；"):
        assert_chinese(problem, language)
    with pytest.raises(EventsError) as shape:
        parse_events({"events": []})
    assert_chinese(shape.value, language)


@pytest.mark.parametrize("language", CHINESE)
def test_bad_claim_records_are_said_in_the_readers_language(language):
    records = json.loads(C.CLAIMS_FILE.read_text(encoding="utf-8"))["claims"]
    records[0] = {**records[0], "colour": "red", "window": {"start": "2025-03-06", "end": "2025-03-01"}}
    records[1] = {**records[0], "id": records[0]["id"]}
    records[2] = {**records[2], "event_ids": ["no-such-event"], "measure": {**records[2]["measure"], "name": "guess"}}
    L.use(language)
    with pytest.raises(C.ClaimsError) as info:
        C.parse_claims(records, event_ids=["qwq-32b-release"])
    for problem in str(info.value).split("；"):
        assert_chinese(problem, language)
    with pytest.raises(C.ClaimsError) as shape:
        C.parse_claims("claims")
    assert_chinese(shape.value, language)


@pytest.mark.parametrize("language", CHINESE)
def test_coverage_notes_read_in_the_readers_language(language):
    L.use(language)
    notes = coverage_notes(good_frame(), ["BABA", "PDD"], dt.date(2025, 1, 2), dt.date(2025, 3, 31))
    assert len(notes) == 3
    for note in notes:
        assert_chinese(note, language)


def test_json_records_says_where_a_file_breaks(tmp_path):
    path = _records_file(tmp_path, "claims.json", '{"claims": [\n  {"id": }\n]}')
    with pytest.raises(ValueError, match=r"claims.json cannot be read as JSON: it breaks off at line 2, column 10"):
        json_records(path, "claims", ValueError)
