"""The event study in words and tables (pure): the statistics, a summary sentence, the comparison."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from components.analysis import formats
from components.analysis.clusters import GroupResult
from components.analysis.event_study import CONFIDENCE, EventStudyResult, significance_stars
from components.data.symbols import symbol_info
from components.locale import N_, _
from components.locale.formats import date_as, padded_day


def stats_table(result: EventStudyResult) -> pd.DataFrame:
    """The model and test statistics as label/value rows."""
    w, e = result.estimation, result.event_window
    rows = [
        (_("estimation window"), f"[{w[0]}, {w[1]}] = {date_as(result.estimation_first, 'date')} … "
                                f"{date_as(result.estimation_last, 'date')}"),
        (_("observations (L1)"), f"{result.L1}"),
        (_("alpha (daily)"), f"{result.alpha:+.5f}"),
        (_("beta"), f"{result.beta:.3f}"),
        (_("residual sd (daily)"), f"{result.sigma:.4%}"),
        ("R²", f"{result.r2:.3f}"),
        (_("event window"), _("[{first}, {last}], day 0 = {day}").format(first=e[0], last=e[1],
                                                                                 day=date_as(result.day0, "date"))),
        (_("AR day 0"), _("{value} (sd {sd})").format(value=f"{result.ar0.value:+.2%}", sd=f"{result.ar0.sd:.2%}")),
        (_("t / p (AR day 0)"), f"{result.ar0.t:.2f} / {result.ar0.p:.4f} {result.ar0.stars}"),
        (_("CAR [{first}, {last}]").format(first=e[0], last=e[1]),
         _("{value} (sd {sd})").format(value=f"{result.car.value:+.2%}", sd=f"{result.car.sd:.2%}")),
        (_("t / p (CAR)"), f"{result.car.t:.2f} / {result.car.p:.4f} {result.car.stars}"),
        (_("degrees of freedom"), f"{result.dof}"),
    ]
    return pd.DataFrame(rows, columns=[_("statistic"), _("value")])


def _significance(p: float) -> str:
    if p < 0.01:
        return _("significant at the 1% level")
    if p < 0.05:
        return _("significant at the 5% level")
    if p < 0.10:
        return _("significant only at the 10% level")
    return _("not statistically significant")


def summary_sentence(result: EventStudyResult) -> str:
    """One paragraph answering: how much of the day-0 move was abnormal, and is it significant?"""
    day0 = result.table.loc[result.table["tau"] == 0].iloc[0]
    info = symbol_info(result.symbol)
    return _("On day 0 ({day}) {symbol} returned {stock} (closes {basis}) while {bench} returned {bench_return}. "
             "With β = {beta} and α = {alpha} a day, the market model expected {expected}, so the abnormal return "
             "was {ar} (t = {t}, p = {p}): {significance}. Over [{first}, {last}] the cumulative abnormal return was "
             "{car} (t = {car_t}, p = {car_p}): {car_significance}.").format(
        day=padded_day(result.day0, year=True), symbol=result.symbol, stock=f"{day0['stock_return']:+.2%}",
        basis=info.basis_label, bench=result.benchmark, bench_return=f"{day0['bench_return']:+.2%}",
        beta=f"{result.beta:.2f}", alpha=f"{result.alpha:+.4%}", expected=f"{day0['expected_return']:+.2%}",
        ar=f"{result.ar0.value:+.2%}", t=f"{result.ar0.t:.2f}", p=f"{result.ar0.p:.4f}",
        significance=_significance(result.ar0.p), first=result.event_window[0], last=result.event_window[1],
        car=f"{result.car.value:+.2%}", car_t=f"{result.car.t:.2f}", car_p=f"{result.car.p:.3f}",
        car_significance=_significance(result.car.p))


# translated where shown
PLAIN_INTRO = N_("An abnormal return is the part of a stock's move that its market does not explain: the day's "
                 "return minus the return the stock usually has when its benchmark index moves as it did.")


def session_table(result: EventStudyResult) -> pd.DataFrame:
    """Per session of the event window, for people: returns in %, the test in words, the band."""
    t = result.table
    traded = {True: _("no (last close carried)"), False: _("yes")}
    return pd.DataFrame({
        _("session"): [f"{tau:+d}" if tau else _("0 (day 0)") for tau in t["tau"]],
        _("date"): [padded_day(d, year=True) for d in pd.to_datetime(t["date"])],
        _("{symbol} return (%)").format(symbol=result.symbol): [formats.pct(v) for v in t["stock_return"]],
        _("{symbol} return (%)").format(symbol=result.benchmark): [formats.pct(v) for v in t["bench_return"]],
        _("expected (%)"): [formats.pct(v) for v in t["expected_return"]],
        _("abnormal (%)"): [formats.pct(v) for v in t["AR"]],
        _("p (abnormal)"): [formats.number(v, 3) for v in t["p_AR"]],
        _("cumulative abnormal (%)"): [formats.pct(v) for v in t["CAR"]],
        _("95% band (%)"): [_span(lo, hi) for lo, hi in zip(t["car_low"], t["car_high"])],
        _("benchmark traded"): [traded[bool(s)] for s in t["bench_stale"]],
    })


def _span(low: float, high: float) -> str:
    """Two ends of an interval in percent: "+1.20 to +8.40"."""
    return _("{low} to {high}").format(low=f"{low * 100:+.2f}", high=f"{high * 100:+.2f}")


def _ids(value) -> list[str]:
    """The ids of a comma-separated cell (none for an empty or missing one)."""
    return [i for i in value.split(", ") if i] if isinstance(value, str) else []


def _p(value) -> str:
    return f"{formats.number(value, 3)} {significance_stars(value)}".strip()


def compare_display(table: pd.DataFrame, titles: dict[str, str] | None = None) -> pd.DataFrame:
    """The all-events comparison for people: one row per cluster of events sharing day 0 (titles listed),
    abnormal returns in %, the t and SQ p-values, and notes; events left out say why."""
    titles = titles or {}
    rows = []
    for row in table.to_dict("records"):
        ok = row["status"] == "ok"
        shown = [titles.get(i, i) for i in _ids(row.get("events")) or [row["event"]]]
        overlaps = [titles.get(i, i) for i in _ids(row.get("overlaps"))]
        na = formats.MISSING
        rows.append({
            _("event"): "; ".join(shown) if shown else row["title"],
            _("day 0"): padded_day(row["day0"], year=True) if ok else na,
            _("abnormal day 0 (%)"): formats.pct(row["AR0"]) if ok else na,
            _("p (day 0, t)"): _p(row["p_AR0"]) if ok else na,
            _("p (day 0, SQ)"): _p(row["p_SQ0"]) if ok else na,
            _("cumulative abnormal (%)"): formats.pct(row["CAR"]) if ok else na,
            _("window"): row["car_window"] if ok else na,
            _("p (cumulative)"): _p(row["p_CAR"]) if ok else na,
            _("beta"): formats.number(row["beta"]) if ok else na,
            _("other events in the windows"): "; ".join(overlaps) or na,
            _("note"): (row.get("cluster") or na) if ok else row["status"],
        })
    return pd.DataFrame(rows)


def group_table(group: GroupResult) -> pd.DataFrame:
    """A group study's figures as label/value rows."""
    test = _("t = {t}, p = {p}")
    rows = [
        (_("clusters (events on one day 0 count once)"), f"{group.n}"),
        (_("average abnormal return, day 0"),
         _("{value} (p = {p}, model)").format(value=f"{group.aar0:+.2%}", p=formats.number(group.p_aar0, 3))),
        (_("average cumulative abnormal return (CAAR) {window}").format(window=group.car_window), f"{group.caar:+.2%}"),
        (_("CAAR test with the model's variances"),
         test.format(t=f"{group.t_model:.2f}", p=formats.number(group.p_model, 3))),
        (_("CAAR test across the clusters"), test.format(t=f"{group.t_cross:.2f}", p=formats.number(group.p_cross, 3))),
        (_("exact sign test"), _("{positive} of {n} positive, p = {p}").format(
            positive=group.positive, n=group.n, p=formats.number(group.p_sign, 3))),
    ]
    return pd.DataFrame(rows, columns=[_("statistic"), _("value")])


# translated where shown
TEST_NAMES = {"t": N_("t-test"), "SQ": N_("SQ test"), "rank": N_("rank test")}
TEST_SENTENCES = {
    "t": N_("The t-test (MacKinlay) divides the abnormal return by its model standard error and reads it on "
            "Student's t: it assumes the residuals are normal."),
    "SQ": N_("The SQ test (Gelbach, Helland and Klick) asks where the abnormal return falls among the estimation "
             "window's own residuals (for the window, among their sums over as many sessions): no normal curve."),
    "rank": N_("The rank test (Corrado; Cowan for a window) uses only the rank of the abnormal return among all of "
               "them, so a few huge days cannot sway it."),
    "bootstrap": N_("The bootstrap interval takes the observed abnormal return minus the noise that resampled "
                    "estimation residuals span."),
}


def t_interval(value: float, sd: float, dof: int) -> tuple[float, float]:
    half = float(special.stdtrit(dof, 0.5 + CONFIDENCE / 2)) * sd
    return value - half, value + half


def _interval(pair: tuple[float, float]) -> str:
    lo, hi = pair
    return formats.MISSING if not (np.isfinite(lo) and np.isfinite(hi)) else _span(lo, hi)


def one_firm_table(result: EventStudyResult) -> pd.DataFrame:
    """Each test of day 0 and of the window's CAR side by side, then both 95% intervals."""
    tests, level = result.one_firm, f"{CONFIDENCE:.0%}"
    test, day0, saw = _("test"), _("day 0: p"), _("day 0: what it saw")
    window = _("cumulative [{first}, {last}]: p").format(first=f"{result.event_window[0]:+d}",
                                                         last=f"{result.event_window[1]:+d}")
    rows = [{test: _(TEST_NAMES[a.name]), day0: formats.number(a.p, 3) + f" {significance_stars(a.p)}".rstrip(),
             window: formats.number(b.p, 3) + f" {significance_stars(b.p)}".rstrip(), saw: a.detail}
            for a, b in zip(tests.day0, tests.car)]
    rows.append({test: _("{level} interval, t (%)").format(level=level),
                 day0: _interval(t_interval(result.ar0.value, result.ar0.sd, result.dof)),
                 window: _interval(t_interval(result.car.value, result.car.sd, result.dof)),
                 saw: _("the abnormal return ± Student t × its standard error")})
    rows.append({test: _("{level} interval, bootstrap (%)").format(level=level), day0: _interval(tests.day0_interval),
                 window: _interval(tests.car_interval),
                 saw: _("the abnormal return minus resampled estimation noise")})
    return pd.DataFrame(rows)


def one_firm_notes(result: EventStudyResult) -> list[str]:
    """Where the tests disagree, and the smallest p-value the SQ test can give with this many sessions."""
    floor = 2 / (result.L1 + 1)
    return [*result.one_firm.disagreements(),
            _("With {sessions} estimation sessions the SQ test cannot give a p-value below {floor}: a day more "
              "extreme than every one of them gets exactly that.").format(sessions=result.L1, floor=f"{floor:.3f}")]
