"""A small chart per claim: the listing's closes around the claim, with its base and end sessions marked.

Pure: a tidy price frame and dates in, a ``go.Figure`` out. The window runs from a few sessions
before the base (the previous close, the period's start, the last higher close of a ranking) to a
few after the session the claim is about, at most MAX_CLAIM_CHART_SESSIONS sessions (longer
periods are thinned to weekly closes, keeping both marked sessions).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from components.charts.market import basis_footnote
from components.charts.palette import ink, symbol_style
from components.locale import _
from components.locale import formats as F

PAD_SESSIONS = 5
MAX_CLAIM_CHART_SESSIONS = 400
HEIGHT = 230


def claim_window(frame: pd.DataFrame, symbol: str, base: dt.date, session: dt.date) -> pd.DataFrame:
    """The symbol's rows from PAD_SESSIONS before ``base`` to PAD_SESSIONS after ``session``."""
    rows = frame[frame["symbol"] == symbol].sort_values("date")
    dates = pd.DatetimeIndex(pd.to_datetime(rows["date"])).normalize()
    first = max(int(dates.searchsorted(pd.Timestamp(min(base, session)))) - PAD_SESSIONS, 0)
    last = int(dates.searchsorted(pd.Timestamp(max(base, session)), side="right")) + PAD_SESSIONS
    part = rows.iloc[first:last].assign(date=dates[first:last])
    if len(part) > MAX_CLAIM_CHART_SESSIONS:  # weekly closes, plus the two sessions the claim is about
        keep = part["date"].dt.to_period("W").ne(part["date"].dt.to_period("W").shift(-1))
        keep |= part["date"].isin([pd.Timestamp(base), pd.Timestamp(session)])
        part = part[keep]
    return part


def claim_chart(frame: pd.DataFrame, symbol: str, base: dt.date, session: dt.date, *, label: str = "",
                dark: bool = False) -> go.Figure:
    """The closes of ``symbol`` with ``base`` and ``session`` marked (a circle and a diamond; the diamond alone when
    they are one day, as for a level)."""
    part, pen, style = claim_window(frame, symbol, base, session), ink(dark), symbol_style(symbol, 0)
    line = dict(type="scatter", mode="lines", x=part["date"], y=part["close"], name=symbol,
                line=dict(color=style.color, dash=style.dash, width=2),
                hovertemplate=f"%{{x|{F.hover_day()}}}: %{{y:,.2f}}<extra>{symbol}</extra>")
    marks = []
    ends = ((base, _("base"), "circle", "left"),) if base != session else ()  # a level: the session alone
    middle = (part["close"].max() + part["close"].min()) / 2 if len(part) else 0.0
    for day, name, shape, side in (*ends, (session, label or _("claimed session"), "diamond", "right")):
        hit = part[part["date"] == pd.Timestamp(day)]
        if not hit.empty:  # the base's label leans left, the session's right, so the two never cross, unless that
            # side is the chart's edge; below a point in the upper half, clear of the top edge and the toolbar
            at = int(part["date"].searchsorted(pd.Timestamp(day))) / max(len(part) - 1, 1)
            side = "right" if at < 1 / 3 else "left" if at > 2 / 3 else side
            where = ("bottom " if float(hit["close"].iloc[0]) > middle else "top ") + side
            marks.append(dict(type="scatter", mode="markers+text", x=hit["date"], y=hit["close"], name=name,
                              text=[f"{name}<br>{F.day_month(day)}"],  # two short lines: it fits a phone
                              textposition=where, cliponaxis=False,
                              marker=dict(symbol=shape, size=11, color=style.color, line=dict(color=pen.edge, width=1)),
                              hovertemplate=f"%{{x|{F.hover_day()}}}: %{{y:,.2f}}<extra>{name}</extra>"))
    layout = dict(height=HEIGHT, margin=dict(l=10, r=10, t=26, b=58), showlegend=False, hovermode="closest",
                  dragmode=False, xaxis=dict(rangebreaks=[dict(bounds=["sat", "mon"])], tickformat=F.tick_date(),
                                             nticks=6, tickangle=0),
                  yaxis=dict(title=dict(text=symbol), tickformat=",.0f"),
                  annotations=[dict(text=basis_footnote([symbol]).replace("<br>", " "), xref="paper", yref="paper",
                                    x=0, y=0, yshift=-36,
                                    yanchor="top", xanchor="left", showarrow=False, font=dict(size=10,
                                                                                              color=pen.muted))])
    return go.Figure(data=[line, *marks], layout=layout, _validate=False)
