"""The event study's figures (pure): abnormal return bars and the cumulative line with its band."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from scipy import special

from components.analysis.event_study import CONFIDENCE, EventStudyResult
from components.charts.palette import ACCENT, BAND, DEFAULT_UPDOWN, convention, ink
from components.locale import _
from components.locale import formats as F


def _tau_labels(table: pd.DataFrame) -> list[str]:
    return [f"{t:+d}" if t else "0" for t in table["tau"]]


def _study_layout(title: str, yaxis: str, dark: bool, **extra) -> dict:
    zero = dict(type="line", xref="x domain", x0=0, x1=1, yref="y", y0=0, y1=0,
                line=dict(color=ink(dark).neutral, width=1))
    return dict(height=320, margin=dict(l=10, r=10, t=30, b=10), title=dict(text=title, font=dict(size=13)),
                yaxis=dict(title=dict(text=yaxis)), xaxis=dict(title=dict(text=_("session relative to day 0"))),
                shapes=[zero], dragmode=False, **extra)


def ar_figure(result: EventStudyResult, dark: bool = False, updown: str = DEFAULT_UPDOWN) -> go.Figure:
    """Abnormal return per event-window session, with a 95% Student t whisker (as the band and the bar
    opacity use); significant bars opaque, each bar in its direction's colour of the convention ``updown``
    (its sign is in the hover and on the axis).

    Built from plain specs without plotly's validation (a test validates them), as the price figure is."""
    t, colors = result.table, convention(updown)
    z = float(special.stdtrit(result.dof, 0.5 + CONFIDENCE / 2))  # the t-test's critical value, not 1.96
    bar = dict(
        type="bar", x=_tau_labels(t), y=(t["AR"] * 100).tolist(),
        marker=dict(color=[colors.color(v) for v in t["AR"]],
                    opacity=[1.0 if p < 0.05 else 0.45 for p in t["p_AR"]]),
        error_y=dict(type="data", array=(t["sd_AR"] * 100 * z).tolist(), color=ink(dark).muted, thickness=1),
        customdata=[list(row) for row in zip(t["t_AR"], t["p_AR"], t["stock_return"], t["expected_return"],
                                             [F.padded_day(d, year=True) for d in pd.to_datetime(t["date"])])],
        hovertemplate=_("{day}: AR {ar}<br>t = {t}, p = {p}<br>actual {actual} − expected {expected}").format(
            day="%{customdata[4]}", ar="%{y:.2f}%", t="%{customdata[0]:.2f}", p="%{customdata[1]:.3f}",
            actual="%{customdata[2]:.2%}", expected="%{customdata[3]:.2%}") + "<extra></extra>",
    )
    layout = _study_layout(_("{symbol}: abnormal return by session").format(symbol=result.symbol), _("AR, %"), dark,
                           showlegend=False)
    return go.Figure(data=[bar], layout=layout, _validate=False)


def car_figure(result: EventStudyResult, dark: bool = False) -> go.Figure:
    """Cumulative abnormal return from the window's first session, with its confidence band."""
    t = result.table
    x = _tau_labels(t)
    edge = dict(type="scatter", x=x, mode="lines", line=dict(width=0), hoverinfo="skip")
    traces = [
        dict(edge, y=(t["car_high"] * 100).tolist(), showlegend=False),
        dict(edge, y=(t["car_low"] * 100).tolist(), fill="tonexty", fillcolor=BAND,
             name=_("{confidence} band").format(confidence=f"{CONFIDENCE:.0%}")),
        dict(type="scatter", x=x, y=(t["CAR"] * 100).tolist(), mode="lines+markers", name=_("CAR"),
             line=dict(color=ACCENT, width=2), customdata=t[["t_CAR", "p_CAR"]].to_numpy().tolist(),
             hovertemplate=_("CAR {car}<br>t = {t}, p = {p}").format(car="%{y:.2f}%", t="%{customdata[0]:.2f}",
                                                                       p="%{customdata[1]:.3f}") + "<extra></extra>"),
    ]
    layout = _study_layout(_("Cumulative abnormal return"), _("CAR, %"), dark, legend=dict(orientation="h", y=1.02))
    return go.Figure(data=traces, layout=layout, _validate=False)
