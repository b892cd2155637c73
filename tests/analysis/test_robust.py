"""One-firm inference: the SQ test, Corrado's rank test and bootstrap intervals, each checked against a
second implementation written here with plain loops and scipy, and against known distributions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from components.analysis import robust
from components.analysis.event_study import event_study
from components.analysis.metrics import closes_by_symbol
from components.analysis.study_report import one_firm_notes, one_firm_table
from components.charts.study import ar_figure
from components.data.events import bundled_events
from components.data.snapshot import load_snapshot

RNG = np.random.default_rng(11)
RESID = RNG.standard_t(3, 240) * 0.01  # fat-tailed, like daily stock residuals


def sq_by_loop(value: float, residuals: np.ndarray, length: int) -> float:
    sums = [sum(residuals[i:i + length]) for i in range(len(residuals) - length + 1)]
    below = sum(1 for x in sums if x <= value)
    above = sum(1 for x in sums if x >= value)
    return min(1.0, 2 * min(below + 1, above + 1) / (len(sums) + 1))


@pytest.mark.parametrize("value", [0.0, 0.004, -0.012, 0.05, -0.2, RESID[17]])
@pytest.mark.parametrize("length", [1, 3, 11])
def test_sq_test_matches_a_plain_loop(value, length):
    assert robust.sq_test(value, RESID, length).p == pytest.approx(sq_by_loop(value, RESID, length), abs=1e-12)


def test_sq_test_agrees_with_the_percentile_of_the_score():
    # scipy's percentileofscore (kind="weak" counts <=) gives the same lower count
    value = 0.015
    weak = stats.percentileofscore(RESID, value, kind="weak") / 100 * len(RESID)
    strict = stats.percentileofscore(RESID, value, kind="strict") / 100 * len(RESID)
    above = len(RESID) - strict
    assert robust.sq_test(value, RESID).p == pytest.approx(min(1, 2 * min(weak + 1, above + 1) / (len(RESID) + 1)))


def test_the_sq_test_has_its_nominal_size_under_fat_tails():
    # under the null an event day is one more draw from the residuals' distribution: it rejects ~5% of the time
    rng = np.random.default_rng(5)
    hits = sum(robust.sq_test(rng.standard_t(2.5) * 0.01, rng.standard_t(2.5, 240) * 0.01).rejects
               for _ in range(1000))
    assert 25 <= hits <= 80  # 1000 trials at 5%: 50 expected, this range covers >99.9% of outcomes


def test_a_day_beyond_every_residual_gets_the_floor_p_value():
    assert robust.sq_test(1.0, RESID).p == pytest.approx(2 / 241)
    assert robust.sq_test(-1.0, RESID).p == pytest.approx(2 / 241)


def test_the_rank_test_of_one_day_is_the_exact_uniform_rank_p_value():
    event = np.array([0.001, 0.03, -0.002])
    got = robust.rank_test(event, RESID, [1])
    ranks = stats.rankdata(np.concatenate([RESID, event]))
    k, n = ranks[len(RESID) + 1], len(ranks)
    assert got.p == pytest.approx(min(1, 2 * min(k, n + 1 - k) / n))
    assert f"ranks {k:.0f} of {n}" in got.detail


def test_the_rank_test_of_a_window_is_cowans_statistic():
    event = RNG.normal(0.004, 0.01, 11)
    got = robust.rank_test(event, RESID, list(range(11)))
    ranks = stats.rankdata(np.concatenate([RESID, event]))
    centred = ranks - (len(ranks) + 1) / 2
    sd = np.sqrt(np.mean(centred**2))
    z = centred[len(RESID):].sum() / (np.sqrt(11) * sd)
    assert got.p == pytest.approx(2 * stats.norm.sf(abs(z)), rel=1e-9)


def test_rank_ties_share_their_mean_rank():
    values = np.array([0.01, 0.02, 0.02, -0.01, 0.02])
    np.testing.assert_allclose(robust._ranks(values), stats.rankdata(values))


def test_the_one_day_bootstrap_interval_is_the_residual_quantiles():
    lo, hi = robust.bootstrap_interval(0.05, RESID)
    q_lo, q_hi = np.quantile(RESID, [0.025, 0.975])
    assert (lo, hi) == pytest.approx((0.05 - q_hi, 0.05 - q_lo))


def test_the_window_bootstrap_interval_matches_the_normal_sum_for_normal_residuals():
    normal = np.random.default_rng(3).normal(0, 0.01, 5000)
    lo, hi = robust.bootstrap_interval(0.02, normal, length=10)
    half = 1.96 * 0.01 * np.sqrt(10)
    assert lo == pytest.approx(0.02 - half, abs=0.004) and hi == pytest.approx(0.02 + half, abs=0.004)
    assert robust.bootstrap_interval(0.02, normal, length=10) == (lo, hi)  # fixed seed: the same every run


def test_excess_kurtosis_matches_scipy():
    assert robust.excess_kurtosis(RESID) == pytest.approx(stats.kurtosis(RESID, fisher=True, bias=True))


def test_disagreement_is_said_in_one_plain_sentence():
    t = robust.RobustTest("t", 0.01, "")
    sq = robust.RobustTest("SQ", 0.2, "")
    rank = robust.RobustTest("rank", 0.3, "")
    tests = robust.OneFirmTests((t, sq, rank), (t, sq, rank), (0, 0), (0, 0), 4.0)
    said = tests.disagreements()
    assert len(said) == 2 and "the t-test finds it significant at 5%, the SQ test and the rank test do not" in said[0]
    assert "fat tails (excess kurtosis 4.0)" in said[0]
    agree = robust.OneFirmTests((t, t, t), (sq, sq, rank), (0, 0), (0, 0), 4.0)
    assert agree.disagreements() == []


@pytest.fixture(scope="module")
def qwq_hk():
    closes = closes_by_symbol(load_snapshot()[0])
    event = next(e for e in bundled_events() if e.id == "qwq-32b-release")
    return event_study(closes["9988.HK"], closes["^HSCE"], event, "9988.HK", "^HSCE"), closes


def test_on_the_bundled_data_the_sq_test_matches_a_recomputation_from_the_closes(qwq_hk):
    result, closes = qwq_hk
    hk, hs = closes["9988.HK"].pct_change(), closes["^HSCE"].reindex(closes["9988.HK"].index).pct_change()
    day0 = hk.index.get_loc(pd.Timestamp("2025-03-06"))
    est = slice(day0 - 250, day0 - 10)
    beta, alpha = np.polyfit(hs.iloc[est], hk.iloc[est], 1)
    resid = (hk.iloc[est] - alpha - beta * hs.iloc[est]).to_numpy()
    ar0 = hk.iloc[day0] - alpha - beta * hs.iloc[day0]
    assert result.ar0.value == pytest.approx(ar0, abs=1e-12)
    assert result.one_firm.day0[1].p == pytest.approx(sq_by_loop(ar0, resid, 1), abs=1e-12)
    # QwQ-32B's +4.4% abnormal day: three estimation days were as high, so p = 2 x 4 / 241
    assert result.one_firm.day0[1].p == pytest.approx(8 / 241)
    assert result.one_firm.day0[0].p < 0.01  # the t-test is far more confident


def test_the_study_shows_every_test_side_by_side(qwq_hk):
    result, _ = qwq_hk
    table = one_firm_table(result)
    assert [row.split(" ")[0] for row in table["test"]][:3] == ["t-test", "SQ", "rank"]
    assert "interval, bootstrap" in table["test"].iloc[-1]
    assert one_firm_notes(result)[-1].startswith("With 240 estimation sessions the SQ test cannot give a p-value "
                                                 "below 0.008")


def test_ar_whiskers_use_student_t_like_the_band(qwq_hk):
    result, _ = qwq_hk
    whisker = ar_figure(result).data[0].error_y.array
    crit = stats.t.ppf(0.975, result.dof)
    np.testing.assert_allclose(whisker, result.table["sd_AR"] * 100 * crit, rtol=1e-9)
