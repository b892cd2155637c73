"""The price figure: symbols as lines or candles, with the events above them (pure: frames and marks
in, ``go.Figure`` out). Every price panel names its unit and price basis; non-trading days of the
plotted markets are hidden. Events are drawn by :mod:`components.charts.lanes`.

Figures are assembled as plain trace and layout dicts and wrapped once without plotly's
property-by-property validation, which cost most of a page rerun (0.5-1.5 s per chart).
``tests/test_charts.py`` validates every kind of figure in full, so a misspelt property still fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.analysis.metrics import view_values, weekly_ohlc
from components.charts.lanes import LANE_ROW_HEIGHT, EventMark, event_lane_traces, event_lines, safe
from components.charts.palette import DOWN, EDGE, MUTED, NEUTRAL, UP, symbol_color
from components.data.symbols import symbol_info
from components.facts import MAX_DAILY_CANDLES

BASIS_SHORT = {"adjusted": "dividend-adjusted", "index": "index points", "raw": "raw"}


@dataclass(frozen=True)
class ReactionMark:
    """An event's reaction session on one symbol's line, with its day-0 return."""

    event_id: str
    title: str
    symbol: str
    day0: pd.Timestamp
    ret0: float | None


def _dates(values: pd.Series) -> np.ndarray:
    """Trading dates as 'YYYY-MM-DD' (half the JSON of full timestamps), in a fixed-width string
    array: the same JSON as a list, but plotly copies it in one block instead of item by item."""
    return np.datetime_as_string(values.to_numpy(dtype="datetime64[ns]"), unit="D")


def _f32(values: pd.Series):
    """Floats as float32 (binary in the JSON); 7 significant digits are ample for drawing and hover."""
    return values.to_numpy(dtype="float32")


def _price_trace(part: pd.DataFrame, symbol: str, view: str, order: int, style: str, axis: str,
                 bars: pd.DataFrame | None = None) -> dict:
    """One symbol's line, or its candles (``bars``: its ``candle_bars``, when the caller has them)."""
    info = symbol_info(symbol)
    where = dict(xaxis=f"x{axis}", yaxis=f"y{axis}", name=symbol, legendgroup=symbol)
    if style == "candles" and view == "price":
        weekly = len(part) > MAX_DAILY_CANDLES
        bars = candle_bars(part) if bars is None else bars
        return dict(type="candlestick", x=_dates(bars["date"]), open=_f32(bars["open"]), high=_f32(bars["high"]),
                    low=_f32(bars["low"]), close=_f32(bars["close"]),
                    increasing=dict(line=dict(color=UP)), decreasing=dict(line=dict(color=DOWN)),
                    **{**where, "name": f"{symbol} (weekly)" if weekly else symbol})
    unit = "%" if view == "percent" else ("" if view == "rebased" else f" {info.unit}")
    fmt = ".2f" if view != "rebased" else ".1f"
    return dict(
        type="scatter", x=_dates(part["date"]), y=_f32(part["value"]), mode="lines",
        line=dict(color=symbol_color(symbol, order), width=2), customdata=_f32(part["close"]),
        hovertemplate=f"{safe(symbol)}: %{{y:{fmt}}}{unit}"
                      + (f" (close %{{customdata:.2f}} {info.unit})" if view != "price" else "")
                      + "<extra></extra>",
        **where,
    )


def _reaction_trace(reactions: list[ReactionMark], values: pd.DataFrame, symbol: str, axis: str) -> dict | None:
    rows = values.set_index("date")["value"]
    pts = [r for r in reactions if r.symbol == symbol and r.day0 in rows.index]
    if not pts:
        return None
    labels = [f"{r.ret0:+.2%}" if r.ret0 is not None else "n/a" for r in pts]
    return dict(
        type="scatter", x=[r.day0 for r in pts], y=[float(rows[r.day0]) for r in pts], mode="markers",
        name=f"{symbol} reactions", legendgroup="reactions", showlegend=False, xaxis=f"x{axis}", yaxis=f"y{axis}",
        marker=dict(size=11, symbol=["triangle-up" if (r.ret0 or 0) >= 0 else "triangle-down" for r in pts],
                    color=[UP if (r.ret0 or 0) >= 0 else DOWN for r in pts],
                    line=dict(width=1, color=EDGE)),
        customdata=[[r.event_id, safe(r.title), safe(symbol), lbl] for r, lbl in zip(pts, labels)],
        hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]} reaction session %{x|%a %d %b %Y}: "
                      "%{customdata[3]}<extra>reaction</extra>",
    )


def candle_bars(part: pd.DataFrame) -> pd.DataFrame:
    """One symbol's bars for candles: daily, or weekly beyond MAX_DAILY_CANDLES sessions."""
    return weekly_ohlc(part) if len(part) > MAX_DAILY_CANDLES else part


def _volume_trace(part: pd.DataFrame, symbol: str, axis: str) -> dict:
    return dict(type="bar", x=_dates(part["date"]), y=_f32(part["volume"]), name=f"{symbol} volume",
                showlegend=False, marker=dict(color=NEUTRAL), xaxis=f"x{axis}", yaxis=f"y{axis}",
                hovertemplate="volume %{y:,.0f}<extra></extra>")


def _axis_title(symbols: list[str], view: str) -> str:
    if view == "rebased":
        return "Close rebased (100 = first session)"
    if view == "percent":
        return "% change since first session"
    info = symbol_info(symbols[0])
    if info.kind == "index":
        return f"{symbols[0]}<br>index points"
    return f"{symbols[0]}<br>{info.unit}, {BASIS_SHORT[info.basis]}"


def basis_footnote(symbols: list[str]) -> str:
    parts = {}
    for s in symbols:
        parts.setdefault(symbol_info(s).basis, []).append(s)
    labels = {"adjusted": "dividend-adjusted closes (Yahoo)", "index": "index points", "raw": "raw quotes"}
    return "Price basis:<br>" + "<br>".join(f"{', '.join(v)}: {labels[k]}" for k, v in parts.items())


def stacked_axes(row_px: list[int], spacing_px: int = 12) -> dict:
    """Layout axes for rows stacked top to bottom sharing one x axis (what make_subplots would set)."""
    total = sum(row_px) + spacing_px * (len(row_px) - 1)
    axes, top = {}, 1.0
    for r, px in enumerate(row_px, start=1):
        bottom = max(0.0, top - px / total)
        suffix = "" if r == 1 else str(r)
        axes[f"yaxis{suffix}"] = dict(domain=[bottom, top], anchor=f"x{suffix}")
        axes[f"xaxis{suffix}"] = dict(domain=[0.0, 1.0], anchor=f"y{suffix}", showticklabels=r == len(row_px),
                                      **({"matches": "x"} if r > 1 else {}))
        top = bottom - spacing_px / total
    return axes


def market_figure(frame: pd.DataFrame, *, view: str = "price", style: str = "line", log: bool = False,
                  events: list[EventMark] | None = None, reactions: list[ReactionMark] | None = None,
                  start: dt.date, end: dt.date, hidden: list[str] | None = None,
                  uirevision: str = "", height: int | None = None) -> go.Figure:
    """Prices of one or more symbols with the events above them and reaction markers on the lines.

    ``view`` is price (one panel per symbol), rebased or percent (one shared panel); ``style``
    candles adds a volume panel under each price panel in the price view.
    """
    events, reactions = events or [], reactions or []
    symbols = [str(s) for s in frame["symbol"].unique()]
    panels = [[s] for s in symbols] if view == "price" else [symbols]
    candles = style == "candles" and view == "price"
    values = view_values(frame, view) if not frame.empty else frame.assign(value=[])
    traces, row_px, yaxes = [], [], {}
    if events:
        lane_traces, yaxes[1] = event_lane_traces(events, max(2.0, (end - start).days / 60))
        traces += lane_traces
        row_px.append(max(70, LANE_ROW_HEIGHT * len({m.category for m in events})))
    for panel in panels:
        row = len(row_px) + 1
        axis = "" if row == 1 else str(row)
        bars = None
        for symbol in panel:
            part = values[values["symbol"] == symbol]
            bars = candle_bars(part) if candles else None  # candles have one symbol per panel
            traces.append(_price_trace(part, symbol, view, symbols.index(symbol), style, axis, bars))
            traces += [t for t in [_reaction_trace(reactions, part, symbol, axis)] if t]
        yaxes[row] = dict(title=dict(text=_axis_title(panel, view)),
                          type="log" if log and view != "percent" else "linear")
        row_px.append(380 if len(panels) == 1 else 230)
        if candles:
            traces.append(_volume_trace(bars, panel[0], str(row + 1)))
            yaxes[row + 1] = dict(title=dict(text="volume"))
            row_px.append(70)
    layout = _layout(symbols, start, end, hidden, uirevision, sum(row_px) + 120 if height is None else height)
    axes = stacked_axes(row_px or [300])
    for name, settings in axes.items():
        row = int(name[5:] or 1)
        settings.update(yaxes.get(row, {}) if name.startswith("y") else layout["xaxis"])
    layout.pop("xaxis")
    return go.Figure(data=traces, layout={**layout, **axes, "shapes": event_lines(events)}, _validate=False)


def _layout(symbols: list[str], start: dt.date, end: dt.date, hidden: list[str] | None, uirevision: str,
            height: int) -> dict:
    """Layout shared by the price figures: x axis with rangebreaks, legend, footnote on price basis."""
    breaks = [dict(bounds=["sat", "mon"])] + ([dict(values=hidden)] if hidden else [])
    xaxis = dict(rangebreaks=breaks, showspikes=True, spikemode="across", spikethickness=1,
                 rangeslider=dict(visible=False),
                 range=[pd.Timestamp(start) - pd.Timedelta(hours=12), pd.Timestamp(end) + pd.Timedelta(hours=12)])
    if (end - start).days <= 21:  # a few sessions: one tick a day, never half-day ticks
        xaxis.update(dtick=86_400_000, tickformat="%a %d %b")
    layout = dict(
        xaxis=xaxis, height=height, hovermode="closest", uirevision=uirevision, dragmode="zoom",
        clickmode="event+select",
        margin=dict(l=10, r=10, t=30, b=75 + 15 * len({symbol_info(s).basis for s in symbols})),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, groupclick="toggleitem"),
    )
    if symbols:
        layout["annotations"] = [dict(text=basis_footnote(symbols), xref="paper", yref="paper", x=0, y=0,
                                      yshift=-48, yanchor="top", showarrow=False, xanchor="left", align="left",
                                      font=dict(size=11, color=MUTED))]
    return layout
