"""Claims: every figure is recomputed here with plain pandas from data/prices.csv, then compared."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from components.analysis import claims as C
from components.analysis import verdicts as V
from components.analysis.metrics import closes_by_symbol
from components.data.events import bundled_events
from tests.paths import ROOT, SHARED, needs_shared

PRICES_CSV = ROOT / "data" / "prices.csv"
ARTICLE = SHARED / "article" / "source-article.txt"
QWQ_RELEASE = pd.Timestamp("2025-03-06 02:53", tz="Asia/Shanghai")  # events fact sheet, E1
SESSION_CLOSE = {"HK": ("Asia/Hong_Kong", "16:00"), "US": ("America/New_York", "16:00")}


@pytest.fixture(scope="module")
def closes() -> dict[str, pd.Series]:
    """Close series by symbol, read straight from the CSV with pandas (no project code): here in place of the
    shared ``closes`` fixture, which the project's own code builds."""
    frame = pd.read_csv(PRICES_CSV, parse_dates=["date"])
    return {sym: rows.set_index("date")["close"].sort_index() for sym, rows in frame.groupby("symbol")}


@pytest.fixture(scope="module")
def events():
    return bundled_events()


@pytest.fixture(scope="module")
def results(closes, events) -> dict[str, C.ClaimResult]:
    return {r.id: r for r in V.evaluate_all(C.load_claims(), closes, events)}


def reaction_pair(series: pd.Series, market: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """(previous session, first session whose exchange close falls after the QwQ-32B release)."""
    tz, close = SESSION_CLOSE[market]
    session_ends = [pd.Timestamp(f"{d:%Y-%m-%d} {close}", tz=tz) for d in series.index]
    pos = next(i for i, end in enumerate(session_ends) if end > QWQ_RELEASE)
    return series.index[pos - 1], series.index[pos]


def change(series: pd.Series, start, end) -> float:
    return series.loc[pd.Timestamp(end)] / series.loc[pd.Timestamp(start)] - 1.0


def without(closes: dict[str, pd.Series], symbol: str, *days: str) -> dict[str, pd.Series]:
    return {**closes, symbol: closes[symbol].drop([pd.Timestamp(d) for d in days])}


def assert_figure(fig: C.Figure, series: pd.Series, start, end) -> None:
    assert fig.dates == (pd.Timestamp(start).date(), pd.Timestamp(end).date())
    assert fig.closes == pytest.approx((series.loc[pd.Timestamp(start)], series.loc[pd.Timestamp(end)]))
    assert fig.value == pytest.approx(change(series, start, end), rel=1e-12)


def test_load_claims_bundled_records_are_valid_and_cover_the_brief(events):
    ids = [c.id for c in C.load_claims(event_ids=[e.id for e in events])]
    assert {"alibaba-hk-jump-8pct", "hscei-lifted-by-alibaba", "hscei-30pct-since-january",
            "index-rally-since-january", "hscei-tech-focused", "qwq-32b-surpasses-rivals"} <= set(ids)


@needs_shared("article", "source-article.txt")
def test_load_claims_quotes_are_verbatim_from_the_article():
    text = ARTICLE.read_text(encoding="utf-8")
    assert [c.id for c in C.load_claims() if c.quote not in text] == []


def test_closes_by_symbol_matches_the_csv(closes):
    frame = pd.read_csv(PRICES_CSV, parse_dates=["date"])
    built = closes_by_symbol(frame)
    assert set(built) == set(closes)
    pd.testing.assert_series_equal(built["^HSCE"], closes["^HSCE"], check_names=False, check_freq=False,
                                   check_index_type=False)


def test_evaluate_alibaba_jump_figures_equal_pandas(results, closes):
    r = results["alibaba-hk-jump-8pct"]
    hk, adr = closes["9988.HK"], closes["BABA"]
    prev, day0 = reaction_pair(hk, "HK")
    assert day0 == pd.Timestamp("2025-03-06")
    assert_figure(r.figure("reaction"), hk, prev, day0)
    assert round(r.figure("reaction").value * 100, 2) == 8.39
    prev, day0 = reaction_pair(adr, "US")
    assert day0 == pd.Timestamp("2025-03-05")
    assert_figure(r.figure("context:BABA"), adr, prev, day0)
    assert round(r.figure("context:BABA").value * 100, 2) == 8.61


def test_evaluate_alibaba_jump_verdict_follows_the_tolerance(results, closes):
    r = results["alibaba-hk-jump-8pct"]
    move = r.figure("reaction").value
    assert r.verdict == (C.SUPPORTED if abs(move - 0.08) <= 0.01 else C.PARTLY)
    assert "+8.39%" in r.explanation and "+8.61%" in r.explanation


def test_evaluate_hscei_lift_figures_equal_pandas(results, closes):
    r = results["hscei-lifted-by-alibaba"]
    for key, sym in (("stock", "9988.HK"), ("index", "^HSCE"), ("market", "^HSI")):
        assert_figure(r.figure(key), closes[sym], "2025-03-05", "2025-03-06")
    assert round(r.figure("index").value * 100, 2) == 3.57
    assert round(r.figure("market").value * 100, 2) == 3.29
    need = change(closes["^HSCE"], "2025-03-05", "2025-03-06") / change(closes["9988.HK"], "2025-03-05", "2025-03-06")
    assert r.figure("weight_for_all").value == pytest.approx(need)


def test_evaluate_hscei_lift_is_partly_supported_because_the_market_rallied(results):
    r = results["hscei-lifted-by-alibaba"]
    assert r.verdict == C.PARTLY
    assert "^HSI +3.29%" in r.condition and "weights are not in price data" in r.condition


def test_evaluate_hscei_lift_not_supported_if_the_index_had_fallen(closes, events):
    claim = next(c for c in C.load_claims() if c.id == "hscei-lifted-by-alibaba")
    hsce = closes["^HSCE"].copy()
    hsce.loc[pd.Timestamp("2025-03-06")] = hsce.loc[pd.Timestamp("2025-03-05")] * 0.99
    r = V.evaluate(claim, {**closes, "^HSCE": hsce}, events)
    assert r.verdict == C.NOT_SUPPORTED
    assert r.figure("index").value == pytest.approx(-0.01)


def test_evaluate_hscei_30pct_figures_equal_pandas(results, closes):
    r, hsce = results["hscei-30pct-since-january"], closes["^HSCE"]
    low_day = hsce.loc["2025-01-01":"2025-01-31"].idxmin()
    assert_figure(r.figure("since_base"), hsce, "2024-12-31", "2025-03-06")
    assert_figure(r.figure("since_low"), hsce, low_day, "2025-03-06")
    assert_figure(r.figure("since_base:also"), hsce, "2024-12-31", "2025-03-05")
    assert_figure(r.figure("since_low:also"), hsce, low_day, "2025-03-05")


def test_evaluate_hscei_30pct_verdict_is_as_the_data_say(results, closes):
    hsce = closes["^HSCE"]
    ytd = change(hsce, "2024-12-31", "2025-03-06")
    from_low = hsce.loc[pd.Timestamp("2025-03-06")] / hsce.loc["2025-01-01":"2025-01-31"].min() - 1
    expected = C.SUPPORTED if ytd > 0.30 else C.PARTLY if from_low > 0.30 else C.NOT_SUPPORTED
    r = results["hscei-30pct-since-january"]
    assert r.verdict == expected == C.PARTLY
    assert "low close" in r.condition


def test_evaluate_hscei_30pct_supported_when_the_year_to_date_gain_exceeds_30pct(closes, events):
    claim = next(c for c in C.load_claims() if c.id == "hscei-30pct-since-january")
    hsce = closes["^HSCE"].copy()
    hsce.loc[pd.Timestamp("2025-03-06")] = hsce.loc[pd.Timestamp("2024-12-31")] * 1.31
    assert V.evaluate(claim, {**closes, "^HSCE": hsce}, events).verdict == C.SUPPORTED


def test_evaluate_index_rally_figures_and_verdict(results, closes):
    r = results["index-rally-since-january"]
    for sym in ("^HSI", "^HSCE"):
        assert_figure(r.figure(f"change:{sym}"), closes[sym], "2024-12-31", "2025-03-06")
    both = all(change(closes[s], "2024-12-31", "2025-03-06") >= 0.10 for s in ("^HSI", "^HSCE"))
    assert r.verdict == (C.SUPPORTED if both else C.PARTLY)
    assert "not checkable with price data" in r.explanation


@pytest.mark.parametrize("claim_id", ["hscei-tech-focused", "qwq-32b-surpasses-rivals"])
def test_evaluate_non_price_claims_are_not_checkable_with_a_reason(results, claim_id):
    r = results[claim_id]
    assert r.verdict == C.NOT_CHECKABLE and r.reason and r.figures == ()


def test_evaluate_figures_carry_their_price_basis(results):
    for r in results.values():
        for fig in r.figures:
            if fig.symbol in ("9988.HK", "BABA"):
                assert fig.basis.startswith("dividend-adjusted")
            elif fig.symbol:
                assert fig.basis.startswith("index points")


@pytest.mark.parametrize(("claim_id", "symbol", "days"), [
    ("alibaba-hk-jump-8pct", "9988.HK", ["2025-03-06"]),
    ("alibaba-hk-jump-8pct", "9988.HK", ["2025-03-05"]),
    ("alibaba-hk-jump-8pct", "BABA", ["2025-03-04"]),
    ("hscei-lifted-by-alibaba", "^HSI", ["2025-03-05", "2025-03-06"]),
    ("hscei-30pct-since-january", "^HSCE", ["2024-12-31"]),
    ("index-rally-since-january", "^HSCE", ["2025-03-06"]),
])
def test_evaluate_without_the_needed_dates_is_not_checkable(closes, events, claim_id, symbol, days):
    claim = next(c for c in C.load_claims() if c.id == claim_id)
    r = V.evaluate(claim, without(closes, symbol, *days), events)
    assert r.verdict == C.NOT_CHECKABLE
    assert symbol in r.reason and any(f"{dt.date.fromisoformat(day):%d %b %Y}" in r.reason for day in days)


def test_evaluate_missing_symbol_or_truncated_data_is_not_checkable(closes, events):
    claims = [c for c in C.load_claims() if c.window]
    no_hsi = {k: v for k, v in closes.items() if k != "^HSI"}
    early = {k: v.loc[:"2025-03-05"] for k, v in closes.items()}
    assert "^HSI" in V.evaluate(claims[1], no_hsi, events).reason
    assert {r.verdict for r in V.evaluate_all(claims, early, events)} == {C.NOT_CHECKABLE}


def test_evaluate_unknown_event_is_not_checkable(closes):
    claim = C.load_claims()[0]
    r = V.evaluate(claim, closes, events=[])
    assert r.verdict == C.NOT_CHECKABLE and "qwq-32b-release" in r.reason


def test_evaluate_does_not_mutate_the_closes(closes, events):
    before = {k: v.copy() for k, v in closes.items()}
    V.evaluate_all(C.load_claims(), closes, events)
    for sym, series in before.items():
        pd.testing.assert_series_equal(closes[sym], series)


def test_claims_for_event_returns_the_claims_on_that_event(results):
    ids = [r.id for r in C.claims_for_event("qwq-32b-release", results.values())]
    assert ids == ["alibaba-hk-jump-8pct", "hscei-lifted-by-alibaba", "qwq-32b-surpasses-rivals"]
    assert C.claims_for_event("no-such-event", results.values()) == []


def bundled_records() -> list[dict]:
    return json.loads((ROOT / "data" / "claims.json").read_text(encoding="utf-8"))["claims"]


@pytest.mark.parametrize(("edit", "field"), [
    (lambda r: r["measure"].pop("tolerance"), "measure.reaction_return.tolerance"),
    (lambda r: r["measure"].update(tolerance=-1), "measure.reaction_return.tolerance"),
    (lambda r: r["measure"].update(symbol="not a symbol!"), "measure.reaction_return.symbol"),
    (lambda r: r["measure"].update(name="guess"), "measure"),
    (lambda r: r["measure"].update(event="manus-launch"), "measure"),
    (lambda r: r.update(window={"start": "2025-03-06", "end": "2025-03-01"}), "window.end"),
    (lambda r: r.update(colour="red"), "colour"),
])
def test_parse_claims_names_the_bad_record_and_field(edit, field):
    records = bundled_records()
    edit(records[0])
    with pytest.raises(C.ClaimsError) as info:
        C.parse_claims(records)
    assert f"claim #1 'alibaba-hk-jump-8pct': field '{field}'" in str(info.value)


def test_parse_claims_rejects_unknown_event_and_duplicate_id(events):
    records = bundled_records()
    records[1] = {**records[0]}
    records[2]["event_ids"] = ["no-such-event"]
    with pytest.raises(C.ClaimsError) as info:
        C.parse_claims(records, event_ids=[e.id for e in events])
    assert "claim #2 'alibaba-hk-jump-8pct': field 'id': duplicate id" in str(info.value)
    assert "claim #3 'hscei-30pct-since-january': field 'event_ids': unknown event 'no-such-event'" in str(info.value)


def test_load_claims_reports_an_unreadable_file(tmp_path):
    bad = tmp_path / "claims.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(C.ClaimsError, match="claims.json cannot be read as JSON"):
        C.load_claims(bad)

