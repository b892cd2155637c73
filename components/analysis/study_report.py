"""The event study in words and tables (pure): the statistics, a summary sentence, the comparison."""

from __future__ import annotations

import pandas as pd

from components.analysis.event_study import EventStudyResult, significance_stars
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
        f"({info.basis_label} closes) while {result.benchmark} returned {day0['bench_return']:+.2%}. With "
        f"β = {result.beta:.2f} and α = {result.alpha:+.4%} a day, the market model expected "
        f"{day0['expected_return']:+.2%}, so the abnormal return was {result.ar0.value:+.2%} "
        f"(t = {result.ar0.t:.2f}, p = {result.ar0.p:.4f}): {_significance(result.ar0.p)}. Over "
        f"[{result.event_window[0]}, {result.event_window[1]}] the cumulative abnormal return was "
        f"{result.car.value:+.2%} (t = {result.car.t:.2f}, p = {result.car.p:.3f}): {_significance(result.car.p)}."
    )


def compare_display(table: pd.DataFrame) -> pd.DataFrame:
    """The all-events comparison with returns in percent and significance stars."""
    out = table.copy()
    for col in ("AR0", "CAR"):
        out[f"{col} %"] = pd.to_numeric(out[col], errors="coerce") * 100
    out["sig AR0"] = [significance_stars(p) if pd.notna(p) else "" for p in out["p_AR0"]]
    out["sig CAR"] = [significance_stars(p) if pd.notna(p) else "" for p in out["p_CAR"]]
    cols = ["event", "title", "day0", "AR0 %", "t_AR0", "p_AR0", "sig AR0", "CAR %", "car_window", "t_CAR",
            "p_CAR", "sig CAR", "alpha", "beta", "L1", "overlaps", "status"]
    return out[cols]
