"""Event study: synthetic series with a known answer, error messages, overlaps, calendars, bundled data."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from components.analysis.event_study import (
    MIN_ESTIMATION,
    EventStudyError,
    aligned_returns,
    compare_events,
    constituent_note,
    event_study,
    overlapping_events,
    significance_stars,
)
from components.data import calendars
from components.data.events import Event, bundled_events, find_event
from components.data.snapshot import load_snapshot

SYMBOL, BENCH = "TEST", "BENCH"
ALPHA, BETA, NOISE = 0.0004, 1.3, 0.002
DAY0, SHOCK0, SHOCK2 = 300, 0.05, -0.03  # session position of day 0 and the injected abnormal returns
# real New York sessions: the study finds day 0 on the exchange calendar of the stock's market
_NY = calendars.sessions("US").dates
DATES = _NY[_NY >= "2023-01-03"][:340]


def make_event(day: dt.date, event_id: str = "test-event", title: str = "Test event") -> Event:
    # news during the New York session: day 0 is that session
    return Event(id=event_id, title=title, date=day, time="11:00", category="other", tz="America/New_York")


def synthetic(noise: float = NOISE, seed: int = 7) -> tuple[pd.Series, pd.Series]:
    """Closes of a stock following alpha + beta R_m + noise, with shocks on day 0 and day +2."""
    rng = np.random.default_rng(seed)
    rm = rng.normal(0.0005, 0.01, len(DATES))
    ri = ALPHA + BETA * rm + rng.normal(0.0, noise, len(DATES))
    ri[DAY0] += SHOCK0
    ri[DAY0 + 2] += SHOCK2
    rm[0] = ri[0] = 0.0  # the first session has no return
    return (pd.Series(100 * np.cumprod(1 + ri), index=DATES), pd.Series(3000 * np.cumprod(1 + rm), index=DATES))


EVENT = make_event(DATES[DAY0].date())


@pytest.fixture(scope="module")
def result():
    stock, bench = synthetic()
    return event_study(stock, bench, EVENT, SYMBOL, BENCH)


def direct_ols(stock: pd.Series, bench: pd.Series, est: slice, evt: slice):
    """Independent recomputation with numpy: (alpha, beta, sigma, AR, V) on the given positions."""
    ri, rm = stock.pct_change().to_numpy(), bench.pct_change().to_numpy()
    beta, alpha = np.polyfit(rm[est], ri[est], 1)
    resid = ri[est] - alpha - beta * rm[est]
    sigma2 = resid @ resid / (len(resid) - 2)
    x = np.column_stack([np.ones(len(resid)), rm[est]])
    xs = np.column_stack([np.ones(evt.stop - evt.start), rm[evt]])
    v = sigma2 * (np.eye(len(xs)) + xs @ np.linalg.inv(x.T @ x) @ xs.T)
    return alpha, beta, np.sqrt(sigma2), ri[evt] - alpha - beta * rm[evt], v


def test_event_study_recovers_alpha_beta_and_injected_returns(result):
    assert result.L1 == 240 and result.day0 == DATES[DAY0].date()
    assert result.alpha == pytest.approx(ALPHA, abs=5e-4)
    assert result.beta == pytest.approx(BETA, abs=0.05)
    assert result.sigma == pytest.approx(NOISE, rel=0.15)
    ar = result.table.set_index("tau")["AR"]
    assert ar[0] == pytest.approx(SHOCK0, abs=0.008)
    assert ar[2] == pytest.approx(SHOCK2, abs=0.008)
    assert result.ar0.value == ar[0] and result.ar0.stars == "***"


def test_event_study_windows_and_dates(result):
    assert result.estimation == (-250, -11) and result.event_window == (-5, 5)
    assert result.estimation_first == DATES[DAY0 - 250].date()
    assert result.estimation_last == DATES[DAY0 - 11].date()
    assert list(result.table["tau"]) == list(range(-5, 6))
    assert list(result.table["date"]) == list(DATES[DAY0 - 5: DAY0 + 6])


def test_event_study_car_is_running_sum_and_t_is_ratio(result):
    t = result.table
    np.testing.assert_allclose(t["CAR"], np.cumsum(t["AR"]), rtol=0, atol=1e-15)
    np.testing.assert_allclose(t["t_AR"], t["AR"] / t["sd_AR"], rtol=1e-12)
    np.testing.assert_allclose(t["t_CAR"], t["CAR"] / t["sd_CAR"], rtol=1e-12)
    assert result.car.value == pytest.approx(t["AR"].sum(), abs=1e-15)


def test_event_study_matches_direct_numpy_computation(result):
    stock, bench = synthetic()
    alpha, beta, sigma, ar, v = direct_ols(stock, bench, slice(DAY0 - 250, DAY0 - 10), slice(DAY0 - 5, DAY0 + 6))
    t = result.table
    assert (result.alpha, result.beta, result.sigma) == pytest.approx((alpha, beta, sigma), rel=1e-9)
    np.testing.assert_allclose(t["AR"], ar, atol=1e-12)
    np.testing.assert_allclose(t["sd_AR"] ** 2, np.diag(v), rtol=1e-9)
    car_var = [v[: k + 1, : k + 1].sum() for k in range(len(v))]
    np.testing.assert_allclose(t["sd_CAR"] ** 2, car_var, rtol=1e-9)
    # the diagonal also equals MacKinlay's closed form sigma²[1 + 1/L1 + (Rm - mean)² / Sxx]
    rm_est = bench.pct_change().to_numpy()[DAY0 - 250: DAY0 - 10]
    dev = t["bench_return"].to_numpy() - rm_est.mean()
    closed = sigma**2 * (1 + 1 / len(rm_est) + dev**2 / ((rm_est - rm_est.mean()) ** 2).sum())
    np.testing.assert_allclose(t["sd_AR"] ** 2, closed, rtol=1e-9)


def test_event_study_p_values_and_band_follow_student_t(result):
    t, dof = result.table, result.L1 - 2
    np.testing.assert_allclose(t["p_AR"], 2 * stats.t.sf(np.abs(t["t_AR"]), dof), rtol=1e-12)
    np.testing.assert_allclose(t["p_CAR"], 2 * stats.t.sf(np.abs(t["t_CAR"]), dof), rtol=1e-12)
    half = stats.t.ppf(0.975, dof) * t["sd_CAR"]
    np.testing.assert_allclose(t["car_high"] - t["CAR"], half, rtol=1e-12)
    np.testing.assert_allclose(t["CAR"] - t["car_low"], half, rtol=1e-12)
    assert result.car.p == pytest.approx(t["p_CAR"].iloc[-1])


def test_event_study_without_noise_recovers_injection_exactly():
    stock, bench = synthetic(noise=1e-13)
    r = event_study(stock, bench, EVENT, SYMBOL, BENCH)
    ar = r.table.set_index("tau")["AR"]
    assert abs(ar[0] - SHOCK0) < 1e-10 and abs(ar[2] - SHOCK2) < 1e-10
    assert np.abs(ar.drop([0, 2])).max() < 1e-10
    assert r.sigma > 0


def test_event_study_does_not_mutate_inputs():
    stock, bench = synthetic()
    before = stock.copy(), bench.copy()
    event_study(stock, bench, EVENT, SYMBOL, BENCH)
    pd.testing.assert_series_equal(stock, before[0])
    pd.testing.assert_series_equal(bench, before[1])


@pytest.mark.parametrize("position", [100, 35])
def test_event_study_short_history_names_counts_and_windows(position):
    stock, bench = synthetic()
    with pytest.raises(EventStudyError) as info:
        event_study(stock, bench, make_event(DATES[position].date()), SYMBOL, BENCH)
    msg = str(info.value)
    assert f"only {position - 1} sessions" in msg and "[-250, -11]" in msg
    assert f"[{-MIN_ESTIMATION - 10}, -11]" in msg  # the shortest usable window
    if position == 100:
        assert "longest window that fits is [-99, -11] (89 sessions)" in msg
    else:
        assert "No usable window fits" in msg


def test_event_study_longest_window_from_message_runs_and_one_more_does_not():
    stock, bench = synthetic()
    r = event_study(stock, bench, make_event(DATES[100].date()), SYMBOL, BENCH, estimation=(-99, -11))
    assert r.L1 == 89 and r.estimation_first == DATES[1].date()
    with pytest.raises(EventStudyError, match=r"\[-99, -11\]"):
        event_study(stock, bench, make_event(DATES[100].date()), SYMBOL, BENCH, estimation=(-100, -11))


@pytest.mark.parametrize("estimation, window, phrase", [
    ((-11, -250), (-5, 5), "must start before it ends"),
    ((-250, -3), (-5, 5), "must end before the event window [-5, +5] starts"),
    ((-250, -11), (1, 5), "must include day 0"),
    ((-30, -11), (-5, 5), "at least 30"),
    (("a", -11), (-5, 5), "two whole numbers"),
    ((-250.5, -11), (-5, 5), "two whole numbers"),
])
def test_event_study_bad_windows_raise_clear_errors(estimation, window, phrase):
    stock, bench = synthetic()
    with pytest.raises(EventStudyError) as info:
        event_study(stock, bench, EVENT, SYMBOL, BENCH, estimation=estimation, event_window=window)
    assert phrase in str(info.value)


def test_event_study_without_reaction_session_raises():
    stock, bench = synthetic()
    late = make_event(DATES[-1].date() + dt.timedelta(days=3))
    with pytest.raises(EventStudyError, match="has no session after"):
        event_study(stock, bench, late, SYMBOL, BENCH)


def test_event_study_truncates_event_window_at_end_of_data():
    stock, bench = synthetic()
    r = event_study(stock, bench, make_event(DATES[-3].date()), SYMBOL, BENCH)
    assert r.event_window == (-5, 2) and list(r.table["tau"]) == list(range(-5, 3))
    assert any("cut to [-5, +2]" in w for w in r.warnings)
    assert r.car.value == pytest.approx(r.table["AR"].sum())


def test_overlapping_events_reports_window_and_tau():
    others = [make_event(DATES[DAY0 + 3].date(), "near", "Near event"),
              make_event(DATES[DAY0 - 37].date(), "early", "Early event"),
              make_event(DATES[DAY0 - 8].date(), "gap", "In the gap"),
              make_event(DATES[20].date(), "far", "Far event"), EVENT,
              make_event(DATES[DAY0 - 250].date(), "first", "First day"),
              make_event(DATES[DAY0 + 5].date(), "last", "Last day")]
    found = overlapping_events(EVENT, others, DATES, SYMBOL)
    assert [(o.event_id, o.window, o.tau) for o in found] == [
        ("near", "event", 3), ("early", "estimation", -37), ("first", "estimation", -250), ("last", "event", 5)]
    stock, bench = synthetic()
    r = event_study(stock, bench, EVENT, SYMBOL, BENCH, events=others)
    assert len(r.overlaps) == 4
    early = "Another event, 'Early event', falls in the estimation window at τ=-37"
    assert any(w.startswith(early) for w in r.warnings)
    assert any("'Near event', falls in the event window at τ=+3" in w for w in r.warnings)


def test_benchmark_on_other_calendar_is_aligned_asof_and_stale_days_counted():
    stock, bench = synthetic()
    holidays = DATES[[DAY0 - 200, DAY0 - 150, DAY0 - 100, DAY0 - 50, DAY0 - 20, DAY0 + 1]]
    extra = pd.Series([1.0], index=[pd.Timestamp("2023-01-07")])  # a Saturday the stock does not trade
    gappy = pd.concat([bench.drop(holidays), extra * 3000]).sort_index()
    rets = aligned_returns(stock, gappy)
    asof = pd.merge_asof(pd.DataFrame(index=DATES).rename_axis("d").reset_index(),
                         gappy.rename("b").rename_axis("d").reset_index(), on="d")["b"].to_numpy()
    np.testing.assert_allclose(rets["bench"].to_numpy()[1:], asof[1:] / asof[:-1] - 1)
    assert rets.loc[holidays, "bench"].eq(0).all() and rets["stale"].sum() == len(holidays)
    r = event_study(stock, gappy, EVENT, SYMBOL, BENCH)
    assert (r.stale_estimation, r.stale_event) == (5, 1)
    assert r.table.set_index("tau").loc[1, "bench_stale"]
    assert any("no close on 5 of 240 estimation sessions and 1 of 11" in w for w in r.warnings)


def test_benchmark_starting_late_shrinks_or_blocks_the_estimation():
    stock, bench = synthetic()
    r = event_study(stock, bench.iloc[DAY0 - 200:], EVENT, SYMBOL, BENCH)
    assert r.L1 == 189 and any("51 estimation sessions had no BENCH return" in w for w in r.warnings)
    with pytest.raises(EventStudyError, match="Only 19 sessions of the estimation window have both returns"):
        event_study(stock, bench.iloc[DAY0 - 30:], EVENT, SYMBOL, BENCH)


def test_constituent_note_for_large_members_only():
    for symbol, bench in [("9988.HK", "^HSCE"), ("0700.HK", "^HSI"), ("NVDA", "^GSPC"), ("BABA", "^HSI")]:
        note = constituent_note(symbol, bench)
        assert note and "beta is biased towards 1" in note and "understated" in note
    assert constituent_note("BABA", "^GSPC") is None
    assert constituent_note("KWEB", "^GSPC") is None


def test_significance_stars_thresholds():
    assert [significance_stars(p) for p in (0.001, 0.02, 0.07, 0.5, float("nan"))] == ["***", "**", "*", "", ""]


def test_compare_events_reports_failures_as_status():
    stock, bench = synthetic()
    events = [EVENT, make_event(DATES[100].date(), "early", "Early event")]
    table = compare_events(events, stock, bench, SYMBOL, BENCH).set_index("event")
    assert list(table.index) == ["early", "test-event"]  # in time order
    assert table.loc["test-event", "status"] == "ok" and table.loc["test-event", "L1"] == 240
    assert table.loc["test-event", "AR0"] == pytest.approx(SHOCK0, abs=0.008)
    assert "longest window that fits" in table.loc["early", "status"] and pd.isna(table.loc["early", "AR0"])


@pytest.fixture(scope="module")
def bundled_closes():
    frame, _ = load_snapshot()
    return frame.pivot(index="date", columns="symbol", values="close")


def test_qwq_release_on_bundled_data_matches_independent_polyfit(bundled_closes):
    stock, bench = bundled_closes["9988.HK"].dropna(), bundled_closes["^HSCE"].dropna()
    event = find_event(bundled_events(), "qwq-32b-release")
    r = event_study(stock, bench, event, "9988.HK", "^HSCE")
    assert r.day0 == dt.date(2025, 3, 6)
    assert r.table.set_index("tau").loc[0, "stock_return"] == pytest.approx(0.0839, abs=1e-4)
    p0 = stock.index.get_loc(pd.Timestamp("2025-03-06"))
    ri = stock.pct_change().to_numpy()
    rm_closes = bench.reindex(stock.index.union(bench.index)).ffill().reindex(stock.index)
    rm = rm_closes.pct_change().to_numpy()
    est = slice(p0 - 250, p0 - 10)
    beta, alpha = np.polyfit(rm[est], ri[est], 1)
    assert (r.alpha, r.beta) == pytest.approx((alpha, beta), rel=1e-8)
    assert r.ar0.value == pytest.approx(ri[p0] - alpha - beta * rm[p0], abs=1e-10)
    assert any("large constituent of ^HSCE" in w for w in r.warnings)


def test_ar_and_car_figures_validate_and_plot_the_result(result):
    import plotly.graph_objects as go

    from components.charts.study import ar_figure, car_figure

    ar, car = ar_figure(result), car_figure(result)
    for fig in (ar, car):
        go.Figure(fig.to_dict())  # built without validation; this raises on any invalid property
        assert fig.layout.shapes[0].y0 == 0  # the zero line
    t = result.table
    assert list(ar.data[0].x) == [f"{v:+d}" if v else "0" for v in t["tau"]]
    assert list(ar.data[0].y) == pytest.approx((t["AR"] * 100).tolist())
    opaque = [o == 1.0 for o in ar.data[0].marker.opacity]
    assert opaque == [p < 0.05 for p in t["p_AR"]] and opaque[t["tau"].tolist().index(0)]
    band_high, band_low, line = car.data
    assert list(line.y) == pytest.approx((t["CAR"] * 100).tolist())
    assert all(lo <= c <= hi for lo, c, hi in zip(band_low.y, line.y, band_high.y))


def test_every_row_of_the_comparison_is_the_study_of_its_event_alone(bundled_closes):
    """The comparison finds the returns and the events' sessions once for all its rows; each row must still be what
    studying its event on its own gives (the same AR, CAR, fit and overlaps)."""
    stock, bench, events = bundled_closes["9988.HK"].dropna(), bundled_closes["^HSI"].dropna(), bundled_events()
    table = compare_events(events, stock, bench, "9988.HK", "^HSI", (-90, -6), (-1, 2))
    rows = table[table["status"] == "ok"]
    assert len(rows) >= 5
    for row in rows.itertuples():
        lead = find_event(events, row.event)
        others = [e for e in events if e.id == lead.id or e.id not in row.events.split(", ")]
        alone = event_study(stock, bench, lead, "9988.HK", "^HSI", (-90, -6), (-1, 2), others)
        assert (row.AR0, row.CAR, row.beta, row.L1) == (alone.ar0.value, alone.car.value, alone.beta, alone.L1)
        assert row.overlaps == ", ".join(o.event_id for o in alone.overlaps)
