"""The event study in words and tables (pure): the statistics, a summary sentence, the comparison."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from components.analysis import formats
from components.analysis.clusters import GroupResult
from components.analysis.event_study import CONFIDENCE, EventStudyResult, significance_stars
from components.data.symbols import symbol_info


def stats_table(result: EventStudyResult) -> pd.DataFrame:
    """The model and test statistics as label/value rows."""
    w, e = result.estimation, result.event_window
    rows = [
        ("estimation window", f"[{w[0]}, {w[1]}] = {result.estimation_first} … {result.estimation_last}"),
        ("observations (L1)", f"{result.L1}"),
        ("alpha (daily)", f"{result.alpha:+.5f}"),
        ("beta", f"{result.beta:.3f}"),
        ("residual sd (daily)", f"{result.sigma:.4%}"),
        ("R²", f"{result.r2:.3f}"),
        ("event window", f"[{e[0]}, {e[1]}], day 0 = {result.day0}"),
        ("AR day 0", f"{result.ar0.value:+.2%} (sd {result.ar0.sd:.2%})"),
        ("t / p (AR day 0)", f"{result.ar0.t:.2f} / {result.ar0.p:.4f} {result.ar0.stars}"),
        (f"CAR [{e[0]}, {e[1]}]", f"{result.car.value:+.2%} (sd {result.car.sd:.2%})"),
        ("t / p (CAR)", f"{result.car.t:.2f} / {result.car.p:.4f} {result.car.stars}"),
        ("degrees of freedom", f"{result.dof}"),
    ]
    return pd.DataFrame(rows, columns=["statistic", "value"])


def _significance(p: float) -> str:
    if p < 0.01:
        return "significant at the 1% level"
    if p < 0.05:
        return "significant at the 5% level"
    if p < 0.10:
        return "significant only at the 10% level"
    return "not statistically significant"


def summary_sentence(result: EventStudyResult) -> str:
    """One paragraph answering: how much of the day-0 move was abnormal, and is it significant?"""
    day0 = result.table.loc[result.table["tau"] == 0].iloc[0]
    info = symbol_info(result.symbol)
    return (
        f"On day 0 ({result.day0:%a %d %b %Y}) {result.symbol} returned {day0['stock_return']:+.2%} "
        f"(closes {info.basis_label}) while {result.benchmark} returned {day0['bench_return']:+.2%}. With "
        f"β = {result.beta:.2f} and α = {result.alpha:+.4%} a day, the market model expected "
        f"{day0['expected_return']:+.2%}, so the abnormal return was {result.ar0.value:+.2%} "
        f"(t = {result.ar0.t:.2f}, p = {result.ar0.p:.4f}): {_significance(result.ar0.p)}. Over "
        f"[{result.event_window[0]}, {result.event_window[1]}] the cumulative abnormal return was "
        f"{result.car.value:+.2%} (t = {result.car.t:.2f}, p = {result.car.p:.3f}): {_significance(result.car.p)}."
    )


PLAIN_INTRO = ("An abnormal return is the part of a stock's move that its market does not explain: the day's "
               "return minus the return the stock usually has when its benchmark index moves as it did.")


def session_table(result: EventStudyResult) -> pd.DataFrame:
    """Per session of the event window, for people: returns in %, the test in words, the band."""
    t = result.table
    return pd.DataFrame({
        "session": [f"{tau:+d}" if tau else "0 (day 0)" for tau in t["tau"]],
        "date": [f"{d:%a %d %b %Y}" for d in pd.to_datetime(t["date"])],
        f"{result.symbol} return (%)": [formats.pct(v) for v in t["stock_return"]],
        f"{result.benchmark} return (%)": [formats.pct(v) for v in t["bench_return"]],
        "expected (%)": [formats.pct(v) for v in t["expected_return"]],
        "abnormal (%)": [formats.pct(v) for v in t["AR"]],
        "p (abnormal)": [formats.number(v, 3) for v in t["p_AR"]],
        "cumulative abnormal (%)": [formats.pct(v) for v in t["CAR"]],
        "95% band (%)": [f"{lo * 100:+.2f} to {hi * 100:+.2f}" for lo, hi in zip(t["car_low"], t["car_high"])],
        "benchmark traded": ["no (last close carried)" if s else "yes" for s in t["bench_stale"]],
    })


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
            "event": "; ".join(shown) if shown else row["title"],
            "day 0": f"{row['day0']:%a %d %b %Y}" if ok else na,
            "abnormal day 0 (%)": formats.pct(row["AR0"]) if ok else na,
            "p (day 0, t)": _p(row["p_AR0"]) if ok else na,
            "p (day 0, SQ)": _p(row["p_SQ0"]) if ok else na,
            "cumulative abnormal (%)": formats.pct(row["CAR"]) if ok else na,
            "window": row["car_window"] if ok else na,
            "p (cumulative)": _p(row["p_CAR"]) if ok else na,
            "beta": formats.number(row["beta"]) if ok else na,
            "other events in the windows": "; ".join(overlaps) or na,
            "note": (row.get("cluster") or na) if ok else row["status"],
        })
    return pd.DataFrame(rows)


def group_table(group: GroupResult) -> pd.DataFrame:
    """A group study's figures as label/value rows."""
    rows = [
        ("clusters (events on one day 0 count once)", f"{group.n}"),
        ("average abnormal return, day 0", f"{group.aar0:+.2%} (p = {formats.number(group.p_aar0, 3)}, model)"),
        (f"average cumulative abnormal return (CAAR) {group.car_window}", f"{group.caar:+.2%}"),
        ("CAAR test with the model's variances", f"t = {group.t_model:.2f}, p = {formats.number(group.p_model, 3)}"),
        ("CAAR test across the clusters", f"t = {group.t_cross:.2f}, p = {formats.number(group.p_cross, 3)}"),
        ("exact sign test", f"{group.positive} of {group.n} positive, p = {formats.number(group.p_sign, 3)}"),
    ]
    return pd.DataFrame(rows, columns=["statistic", "value"])


TEST_NAMES = {"t": "t-test", "SQ": "SQ test", "rank": "rank test"}
TEST_SENTENCES = {
    "t": "The t-test (MacKinlay) divides the abnormal return by its model standard error and reads it on Student's "
         "t: it assumes the residuals are normal.",
    "SQ": "The SQ test (Gelbach, Helland and Klick) asks where the abnormal return falls among the estimation "
          "window's own residuals (for the window, among their sums over as many sessions): no normal curve.",
    "rank": "The rank test (Corrado; Cowan for a window) uses only the rank of the abnormal return among all of "
            "them, so a few huge days cannot sway it.",
    "bootstrap": "The bootstrap interval takes the observed abnormal return minus the noise that resampled "
                 "estimation residuals span.",
}


def t_interval(value: float, sd: float, dof: int) -> tuple[float, float]:
    half = float(special.stdtrit(dof, 0.5 + CONFIDENCE / 2)) * sd
    return value - half, value + half


def _interval(pair: tuple[float, float]) -> str:
    lo, hi = pair
    return formats.MISSING if not (np.isfinite(lo) and np.isfinite(hi)) else f"{lo * 100:+.2f} to {hi * 100:+.2f}"


def one_firm_table(result: EventStudyResult) -> pd.DataFrame:
    """Each test of day 0 and of the window's CAR side by side, then both 95% intervals."""
    tests = result.one_firm
    window = f"cumulative [{result.event_window[0]:+d}, {result.event_window[1]:+d}]"
    rows = [{"test": TEST_NAMES[a.name], "day 0: p": formats.number(a.p, 3) + f" {significance_stars(a.p)}".rstrip(),
             f"{window}: p": formats.number(b.p, 3) + f" {significance_stars(b.p)}".rstrip(),
             "day 0: what it saw": a.detail}
            for a, b in zip(tests.day0, tests.car)]
    rows.append({"test": f"{CONFIDENCE:.0%} interval, t (%)",
                 "day 0: p": _interval(t_interval(result.ar0.value, result.ar0.sd, result.dof)),
                 f"{window}: p": _interval(t_interval(result.car.value, result.car.sd, result.dof)),
                 "day 0: what it saw": "the abnormal return ± Student t × its standard error"})
    rows.append({"test": f"{CONFIDENCE:.0%} interval, bootstrap (%)", "day 0: p": _interval(tests.day0_interval),
                 f"{window}: p": _interval(tests.car_interval),
                 "day 0: what it saw": "the abnormal return minus resampled estimation noise"})
    return pd.DataFrame(rows)


def one_firm_notes(result: EventStudyResult) -> list[str]:
    """Where the tests disagree, and the smallest p-value the SQ test can give with this many sessions."""
    floor = 2 / (result.L1 + 1)
    return [*result.one_firm.disagreements(),
            f"With {result.L1} estimation sessions the SQ test cannot give a p-value below {floor:.3f}: "
            "a day more extreme than every one of them gets exactly that."]
