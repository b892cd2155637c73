"""The analysis layer in another language: the event study's sentences and tables, market names and units, the
claims' wording and figure headers, and the markets view's labels are looked up in the run's language.

A fake catalog wraps every sentence it is asked for in ⟦ ⟧ (see tests/locale/test_locale_lower.py): a sentence that
comes back unwrapped in Hong Kong Chinese was written without ``_()``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from components import locale as L
from components.analysis.claims import figure_headers, load_claims, shown_wording
from components.analysis.clusters import cluster_events, group_study
from components.analysis.event_study import EventStudyError, compare_events, event_study
from components.analysis.metrics import STYLES, VIEWS, closes_by_symbol
from components.analysis.study_report import (
    PLAIN_INTRO,
    TEST_SENTENCES,
    compare_display,
    one_firm_notes,
    one_firm_table,
    session_table,
    stats_table,
    summary_sentence,
)
from components.analysis.study_windows import validate_windows
from components.data.events import bundled_events
from components.data.symbols import MARKETS, display_name, symbol_info
from tests.accuracy import snapshot_prices
from tests.locale.conftest import HAN


@pytest.fixture(scope="module")
def closes() -> dict[str, pd.Series]:
    frame = snapshot_prices()
    return closes_by_symbol(frame[frame["symbol"].isin(["9988.HK", "^HSCE"])].reset_index(drop=True))


@pytest.fixture(scope="module")
def qwq():
    return next(e for e in bundled_events() if e.id == "qwq-32b-release")


def _study(closes, qwq):
    return event_study(closes["9988.HK"], closes["^HSCE"], qwq, "9988.HK", "^HSCE", events=list(bundled_events()))


def test_the_study_summary_is_one_translated_sentence_and_english_is_unchanged(closes, qwq, marked):
    result = _study(closes, qwq)
    said = summary_sentence(result)
    assert said.startswith("⟦On day 0 (") and said.endswith("⟧.⟧") and "{" not in said
    assert "⟦significant" in said or "⟦not statistically significant⟧" in said
    L.use("en")
    english = summary_sentence(result)
    assert english.startswith(f"On day 0 ({result.day0:%a %d %b %Y}) 9988.HK returned ") and "⟦" not in english


def test_the_study_tables_headers_and_words_follow_the_language(closes, qwq, marked):
    result = _study(closes, qwq)
    stats, sessions, tests = stats_table(result), session_table(result), one_firm_table(result)
    assert list(stats.columns) == ["⟦statistic⟧", "⟦value⟧"] and stats.iloc[0, 0] == "⟦estimation window⟧"
    assert all(c.startswith("⟦") for c in sessions.columns), list(sessions.columns)
    assert "⟦0 (day 0)⟧" in set(sessions.iloc[:, 0]) and HAN.search(sessions.iloc[0, 1])
    assert all(c.startswith("⟦") for c in tests.columns) and tests.iloc[0, 0] == "⟦t-test⟧"
    assert all(note.startswith("⟦") for note in one_firm_notes(result))
    assert all(w.startswith("⟦") for w in result.warnings), result.warnings


def test_another_event_in_a_window_is_said_in_the_language(closes, marked):
    manus = next(e for e in bundled_events() if e.id == "manus-launch")
    result = event_study(closes["9988.HK"], closes["^HSCE"], manus, "9988.HK", "^HSCE",
                         events=list(bundled_events()))
    assert result.overlaps and all(o.message().startswith("⟦") for o in result.overlaps)


def test_the_comparison_and_a_group_are_written_in_the_language(closes, marked):
    events = list(bundled_events())
    table = compare_events(events, closes["9988.HK"], closes["^HSCE"], "9988.HK", "^HSCE")
    shown = compare_display(table)
    assert all(c.startswith("⟦") for c in shown.columns)
    clustered = [c for c in cluster_events(events, pd.DatetimeIndex(closes["9988.HK"].index), "9988.HK")[0]
                 if len(c.events) > 1]
    assert clustered and any(str(n).startswith("⟦") for n in shown["⟦note⟧"])
    one = group_study(table, {clustered[0].lead.id})
    assert isinstance(one, str) and one.startswith("⟦The group has 1 cluster with")


def test_market_names_units_and_unknown_symbols_follow_the_language(marked):
    hk = MARKETS["HK"]
    assert (hk.shown_name, hk.shown_short) == ("⟦Hong Kong (HKEX)⟧", "⟦Hong Kong⟧")
    assert symbol_info("^HSI").shown_unit == "⟦index points⟧" and symbol_info("9988.HK").shown_unit == "HK$"
    assert symbol_info("HKD=X").shown_unit == "⟦{quote} per {base}⟧".replace("{quote}", "HKD").replace("{base}", "USD")
    assert display_name("^N225", "zh-HK") == "⟦Index ^N225⟧"
    L.use("en")
    assert (hk.shown_name, symbol_info("HKD=X").shown_unit, display_name("^N225", "en")) == (
        "Hong Kong (HKEX)", "HKD per USD", "Index ^N225")


def test_a_bundled_claims_wording_has_reviewed_chinese_and_falls_back_to_english():
    claims = load_claims()
    for claim in claims:
        texts = claim.translations or {}
        assert set(texts) == {"zh-HK", "zh-CN"}, claim.id
        assert all(HAN.search(t.wording) for t in texts.values()), claim.id
    first = claims[0]
    assert shown_wording(first) == first.wording
    L.use("zh-HK")
    assert shown_wording(first) == first.translations["zh-HK"].wording != first.translations["zh-CN"].wording
    assert shown_wording(first.model_copy(update={"translations": None})) == first.wording


def test_figure_headers_and_view_labels_are_marked_for_the_catalog(marked):
    headers = figure_headers()
    assert headers["close from"] == "⟦close from⟧" and set(headers) >= {"figure", "value", "basis"}
    assert all(L._(label).startswith("⟦") for label in [*VIEWS.values(), *STYLES.values()])
    assert L._(PLAIN_INTRO).startswith("⟦An abnormal return") and len(TEST_SENTENCES) == 4
    L.use("en")
    assert figure_headers()["close from"] == "close from" and VIEWS["rebased"] == "Rebased to 100"


@pytest.mark.parametrize("estimation, event_window", [
    ((-11, -250), (-5, 5)), ((-250, -3), (-5, 5)), ((-250, -11), (1, 5)), ((-20, -11), (-5, 5)), (("a", 1), (-5, 5)),
])
def test_a_refused_window_is_said_in_the_language(estimation, event_window, marked):
    with pytest.raises(EventStudyError) as caught:
        validate_windows(estimation, event_window)
    assert str(caught.value).startswith("⟦") and str(caught.value).endswith("⟧")
