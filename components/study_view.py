"""Presentation of an event study (pure): AR and CAR figures, the statistics table, a summary sentence."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.event_study import CONFIDENCE, EventStudyResult, significance_stars
from components.symbols import symbol_info

UP, DOWN, BAND = "#16a34a", "#dc2626", "rgba(37, 99, 235, 0.15)"


def _tau_labels(table: pd.DataFrame) -> list[str]:
    return [f"{t:+d}" if t else "0" for t in table["tau"]]


ZERO_LINE = dict(type="line", xref="x domain", x0=0, x1=1, yref="y", y0=0, y1=0,
                 line=dict(color="#94a3b8", width=1))


def _study_layout(title: str, yaxis: str, **extra) -> dict:
    return dict(height=320, margin=dict(l=10, r=10, t=30, b=10), title=dict(text=title, font=dict(size=13)),
                yaxis=dict(title=dict(text=yaxis)), xaxis=dict(title=dict(text="session relative to day 0")),
                shapes=[ZERO_LINE], **extra)


def ar_figure(result: EventStudyResult) -> go.Figure:
    """Abnormal return per event-window session, with a ±1.96·sd(AR) whisker; significant bars opaque.

    Built from plain specs without plotly's validation (a test validates them), as charts.py does."""
    t = result.table
    z = 1.959963984540054
    bar = dict(
        type="bar", x=_tau_labels(t), y=(t["AR"] * 100).tolist(),
        marker=dict(color=[UP if v >= 0 else DOWN for v in t["AR"]],
                    opacity=[1.0 if p < 0.05 else 0.45 for p in t["p_AR"]]),
        error_y=dict(type="data", array=(t["sd_AR"] * 100 * z).tolist(), color="#475569", thickness=1),
        customdata=[list(row) for row in zip(t["t_AR"], t["p_AR"], t["stock_return"], t["expected_return"],
                                             pd.to_datetime(t["date"]).dt.strftime("%a %d %b %Y"))],
        hovertemplate="%{customdata[4]}: AR %{y:.2f}%<br>t = %{customdata[0]:.2f}, p = %{customdata[1]:.3f}<br>"
                      "actual %{customdata[2]:.2%} − expected %{customdata[3]:.2%}<extra></extra>",
    )
    layout = _study_layout(f"{result.symbol}: abnormal return by session", "AR, %", showlegend=False)
    return go.Figure(data=[bar], layout=layout, _validate=False)


def car_figure(result: EventStudyResult) -> go.Figure:
    """Cumulative abnormal return from the window's first session, with its confidence band."""
    t = result.table
    x = _tau_labels(t)
    edge = dict(type="scatter", x=x, mode="lines", line=dict(width=0), hoverinfo="skip")
    traces = [
        dict(edge, y=(t["car_high"] * 100).tolist(), showlegend=False),
        dict(edge, y=(t["car_low"] * 100).tolist(), fill="tonexty", fillcolor=BAND, name=f"{CONFIDENCE:.0%} band"),
        dict(type="scatter", x=x, y=(t["CAR"] * 100).tolist(), mode="lines+markers", name="CAR",
             line=dict(color="#1d4ed8", width=2), customdata=t[["t_CAR", "p_CAR"]].to_numpy().tolist(),
             hovertemplate="CAR %{y:.2f}%<br>t = %{customdata[0]:.2f}, p = %{customdata[1]:.3f}<extra></extra>"),
    ]
    layout = _study_layout("Cumulative abnormal return", "CAR, %", legend=dict(orientation="h", y=1.02))
    return go.Figure(data=traces, layout=layout, _validate=False)


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
