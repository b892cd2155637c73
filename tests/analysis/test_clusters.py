"""Events sharing a day 0 count once; market moves and claims are not studied as news; group averages."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from components.analysis.clusters import cluster_events, group_study, is_news, sign_test
from components.analysis.event_study import compare_events
from components.analysis.study_report import compare_display, group_table
from components.data.events import bundled_events


@pytest.fixture(scope="module")
def hk_table(closes) -> pd.DataFrame:
    return compare_events(bundled_events(), closes["9988.HK"], closes["^HSCE"], "9988.HK", "^HSCE")


def by_id(eid: str):
    return next(e for e in bundled_events() if e.id == eid)


def test_events_on_one_day_0_form_one_cluster(closes):
    clusters, _ = cluster_events(bundled_events(), closes["9988.HK"].index, "9988.HK")
    march6 = [c for c in clusters if str(c.day0) == "2025-03-06"]
    assert len(march6) == 1
    assert set(march6[0].ids) == {"manus-launch", "qwq-32b-release", "qwq-32b-open-weights-apache2"}
    days = [c.day0 for c in clusters]
    assert days == sorted(set(days))  # one cluster per day 0, in time order


def test_a_move_is_news_for_the_other_market_only():
    hk_jump, selloff, claim = by_id("alibaba-hk-jump-hscei-2025-03-06"), by_id("nvidia-deepseek-selloff"), \
        by_id("hscei-ytd-claim")
    assert not is_news(hk_jump, "9988.HK") and is_news(hk_jump, "BABA")
    assert not is_news(selloff, "BABA") and is_news(selloff, "9988.HK")
    assert not is_news(claim, "9988.HK") and not is_news(claim, "BABA")
    assert is_news(by_id("qwq-32b-release"), "9988.HK")


def test_the_comparison_shows_a_cluster_once_and_says_why(hk_table):
    row = hk_table[hk_table["events"].str.contains("qwq-32b-release")]
    assert len(row) == 1 and "3 events share day 0" in row["cluster"].item()
    assert row["AR0"].item() == pytest.approx(0.0437, abs=5e-4)
    left = hk_table.set_index("event").loc[["alibaba-hk-jump-hscei-2025-03-06", "hscei-ytd-claim"], "status"]
    assert left.str.contains("not news").all()
    shown = compare_display(hk_table, {e.id: e.title for e in bundled_events()})
    cell = shown[shown["event"].str.contains("QwQ-32B weights")]["event"].item()
    assert "Monica launches the Manus agent" in cell and "Alibaba releases QwQ-32B" in cell
    assert not shown.astype(str).isin(["None", "nan"]).any().any()


def test_sign_test_matches_scipy_and_has_the_floor():
    for k, n in ((0, 5), (1, 5), (3, 7), (10, 10), (4, 9)):
        assert sign_test(k, n) == pytest.approx(stats.binomtest(k, n, 0.5).pvalue)
    assert sign_test(5, 5) == pytest.approx(2 / 2**5)


def test_a_group_counts_each_cluster_once(hk_table):
    ids = {"qwq-32b-release", "qwq-32b-open-weights-apache2", "manus-launch"}
    assert isinstance(group_study(hk_table, ids), str)  # one cluster: nothing to average
    group = group_study(hk_table, ids | {"qwen2.5-max-release", "alibaba-q3-results"})
    assert group.n == 3 and group.merged == 2
    rows = hk_table[hk_table["events"].str.contains("qwq-32b-release|qwen2.5-max|alibaba-q3")]
    cars, sds = rows["CAR"].to_numpy(), rows["sd_CAR"].to_numpy()
    assert group.caar == pytest.approx(cars.mean())
    assert group.t_model == pytest.approx(cars.mean() / (np.sqrt((sds**2).sum()) / 3))
    assert group.t_cross == pytest.approx(stats.ttest_1samp(cars, 0).statistic)
    assert group.p_cross == pytest.approx(stats.ttest_1samp(cars, 0).pvalue)
    assert group.sign_floor == pytest.approx(0.25)
    said = " ".join(group.caveats())
    assert "cannot go below p = 2/2^3 = 0.25" in said and "counted once" in said
    positive = int((cars > 0).sum())
    assert group.positive == positive
    assert group_table(group).iloc[-1, 1].startswith(f"{positive} of 3 positive, p = ")


def test_the_event_study_page_shows_the_group(open_page):
    at = open_page("pages/markets/event_study.py")
    tables = [d.value for d in at.dataframe]
    group = next(t for t in tables if "statistic" in t.columns and t["statistic"].str.contains("CAAR").any())
    assert group.set_index("statistic").iloc[0, 0] == "5"  # Alibaba's five model-release days
    assert any("cannot go below p = 2/2^5" in c.value for c in at.caption)


def test_the_event_panel_names_the_events_on_the_same_day_0(closes):
    from components.analysis.clusters import shared_day0
    notes = shared_day0(by_id("qwq-32b-release"), bundled_events(), closes, ["9988.HK", "BABA", "^HSCE"])
    hk = next(n for n in notes if n.startswith("9988.HK"))
    assert "Monica launches the Manus agent" in hk and "QwQ-32B weights published" in hk
    assert "Alibaba jumps 8%" not in hk  # Hong Kong's own move is not news for Hong Kong
    us = next(n for n in notes if n.startswith("BABA"))
    assert "industries of the future" in us  # the NPC report came the same New York day
    assert shared_day0(by_id("alibaba-q3-results"), bundled_events(), closes, ["9988.HK"]) == []


def test_one_day_0_map_gives_every_event_the_same_notes(closes):
    from components.analysis.clusters import day0_map, shared_day0
    events, symbols = bundled_events(), ["9988.HK", "BABA", "^HSI", "^HSCE"]
    day0s = day0_map(events, closes, symbols)
    assert day0s[("qwq-32b-release", "9988.HK")].isoformat() == "2025-03-06"
    assert ("alibaba-hk-jump-hscei-2025-03-06", "9988.HK") not in day0s  # a Hong Kong move is no news there
    for event in events:
        assert shared_day0(event, events, closes, symbols, day0s) == shared_day0(event, events, closes, symbols)
