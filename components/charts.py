"""Plotly figures for prices and events (pure: tidy frames and marks in, ``go.Figure`` out).

Events are drawn as their own scatter traces whose ``customdata[0]`` is the event id, so a click
(Streamlit's ``on_select``) resolves to an event without parsing the returned x value. Every price
panel names its unit and price basis; non-trading days of the plotted markets are hidden.

Figures are assembled as plain trace and layout dicts and wrapped once without plotly's
property-by-property validation, which cost most of a page rerun (0.5-1.5 s per chart).
``tests/test_charts.py`` validates every kind of figure in full, so a misspelt property still fails.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.metrics import MAX_DAILY_CANDLES, view_values, weekly_ohlc
from components.symbols import symbol_info

CATEGORY_COLORS = {
    "model release": "#2563eb",
    "agent launch": "#9333ea",
    "market move": "#dc2626",
    "policy": "#059669",
    "corporate": "#d97706",
    "claim": "#64748b",
    "other": "#0891b2",
}
ORIGIN_SYMBOLS = {"article": "diamond", "context": "circle", "user": "star"}
SYMBOL_COLORS = {
    "9988.HK": "#ea580c", "BABA": "#92400e", "^HSI": "#1d4ed8", "^HSCE": "#0f766e",
    "0700.HK": "#7c3aed", "NVDA": "#65a30d", "KWEB": "#be185d", "^GSPC": "#475569", "HKD=X": "#0e7490",
}
FALLBACK_COLORS = ["#0284c7", "#c2410c", "#4d7c0f", "#a21caf", "#b91c1c", "#0f766e"]
BASIS_SHORT = {"adjusted": "dividend-adjusted", "index": "index points", "raw": "raw"}
LANE_ROW_HEIGHT = 34  # px per category lane
STACK_STEP = 0.38  # vertical offset between events that would overlap in one lane


@dataclass(frozen=True)
class EventMark:
    """An event as drawn: ``x`` is where it sits (its date, or the next visible session)."""

    id: str
    title: str
    date: dt.date
    category: str
    origin: str
    when: str
    x: pd.Timestamp
    selected: bool = False


@dataclass(frozen=True)
class ReactionMark:
    """An event's reaction session on one symbol's line, with its day-0 return."""

    event_id: str
    title: str
    symbol: str
    day0: pd.Timestamp
    ret0: float | None


def symbol_color(symbol: str, order: int = 0) -> str:
    return SYMBOL_COLORS.get(symbol, FALLBACK_COLORS[order % len(FALLBACK_COLORS)])


def safe(text: str) -> str:
    """Escape text for plotly labels, which interpret a subset of HTML."""
    return html.escape(str(text), quote=False)


def lane_positions(marks: list[EventMark], min_gap_days: float) -> tuple[list[str], list[float]]:
    """Lane names (categories present, in canonical order) and each mark's y, stacking close events."""
    lanes = [c for c in CATEGORY_COLORS if any(m.category == c for m in marks)]
    ys, last_in_lane = [], {}
    for mark in sorted(marks, key=lambda m: (m.x, m.id)):
        stack = last_in_lane.get(mark.category)
        level = stack[1] + 1 if stack and (mark.x - stack[0]) / pd.Timedelta(days=1) <= min_gap_days else 0
        last_in_lane[mark.category] = (mark.x if level == 0 else stack[0], level)
        ys.append((mark.id, lanes.index(mark.category) + (level % 3) * STACK_STEP))
    by_id = dict(ys)
    return lanes, [by_id[m.id] for m in marks]


def event_lane_traces(marks: list[EventMark], min_gap_days: float, axis: str = "") -> tuple[list[dict], dict]:
    """Clickable markers, one trace per category lane, and the settings of the lanes' y axis."""
    lanes, ys = lane_positions(marks, min_gap_days)
    traces = []
    for category in lanes:
        idx = [i for i, m in enumerate(marks) if m.category == category]
        sel = [marks[i].selected for i in idx]
        traces.append(dict(
            type="scatter", x=[marks[i].x for i in idx], y=[ys[i] for i in idx], mode="markers", name=category,
            showlegend=False, xaxis=f"x{axis}", yaxis=f"y{axis}",
            marker=dict(color=CATEGORY_COLORS[category], size=[20 if s else 13 for s in sel],
                        symbol=[ORIGIN_SYMBOLS.get(marks[i].origin, "circle") for i in idx],
                        line=dict(width=[3 if s else 1 for s in sel], color="#111827")),
            customdata=[[marks[i].id, safe(marks[i].title), safe(marks[i].when), category] for i in idx],
            hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}<extra>%{customdata[3]}</extra>",
        ))
    yaxis = dict(tickvals=list(range(len(lanes))), ticktext=lanes, range=[-0.6, len(lanes) - 0.1],
                 fixedrange=True, showgrid=False, zeroline=False)
    return traces, yaxis


def event_lines(marks: list[EventMark]) -> list[dict]:
    """Faint vertical lines at every event (solid for the selected one) across the whole figure."""
    return [dict(type="line", xref="x", yref="paper", x0=m.x, x1=m.x, y0=0, y1=1, layer="below",
                 line=dict(width=2 if m.selected else 1, dash="solid" if m.selected else "dot",
                           color=CATEGORY_COLORS.get(m.category, "#888")),
                 opacity=0.9 if m.selected else 0.35)
            for m in marks]


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
                    increasing=dict(line=dict(color="#16a34a")), decreasing=dict(line=dict(color="#dc2626")),
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
                    color=["#16a34a" if (r.ret0 or 0) >= 0 else "#dc2626" for r in pts],
                    line=dict(width=1, color="#111827")),
        customdata=[[r.event_id, safe(r.title), safe(symbol), lbl] for r, lbl in zip(pts, labels)],
        hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]} reaction session %{x|%a %d %b %Y}: "
                      "%{customdata[3]}<extra>reaction</extra>",
    )


def candle_bars(part: pd.DataFrame) -> pd.DataFrame:
    """One symbol's bars for candles: daily, or weekly beyond MAX_DAILY_CANDLES sessions."""
    return weekly_ohlc(part) if len(part) > MAX_DAILY_CANDLES else part


def _volume_trace(part: pd.DataFrame, symbol: str, axis: str) -> dict:
    return dict(type="bar", x=_dates(part["date"]), y=_f32(part["volume"]), name=f"{symbol} volume",
                showlegend=False, marker=dict(color="#94a3b8"), xaxis=f"x{axis}", yaxis=f"y{axis}",
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
                                      font=dict(size=11, color="#475569"))]
    return layout


def timeline_figure(marks: list[EventMark], *, start: dt.date, end: dt.date, uirevision: str = "") -> go.Figure:
    """All events on one time axis, one lane per category; close events are stacked in their lane."""
    traces, yaxis = event_lane_traces(marks, max(3.0, (end - start).days / 45))
    n_lanes = len({m.category for m in marks})
    span = [pd.Timestamp(start) - pd.Timedelta(days=3), pd.Timestamp(end) + pd.Timedelta(days=3)]
    return go.Figure(data=traces, layout=dict(
        xaxis=dict(range=span, type="date", showgrid=True), yaxis=yaxis,
        shapes=event_lines([m for m in marks if m.selected]),
        height=110 + LANE_ROW_HEIGHT * 1.4 * max(n_lanes, 1), margin=dict(l=10, r=10, t=10, b=30),
        showlegend=False, uirevision=uirevision, hovermode="closest", clickmode="event+select"), _validate=False)
