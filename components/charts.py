"""Plotly figures for prices and events (pure: tidy frames and marks in, ``go.Figure`` out).

Events are drawn as their own scatter traces whose ``customdata[0]`` is the event id, so a click
(Streamlit's ``on_select``) resolves to an event without parsing the returned x value. Every price
panel names its unit and price basis; non-trading days of the plotted markets are hidden.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.metrics import view_values
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


def event_lane_traces(marks: list[EventMark], min_gap_days: float) -> tuple[list[go.Scatter], dict]:
    """Clickable markers, one trace per category lane, and the settings of the lanes' y axis."""
    lanes, ys = lane_positions(marks, min_gap_days)
    traces = []
    for category in lanes:
        idx = [i for i, m in enumerate(marks) if m.category == category]
        sel = [marks[i].selected for i in idx]
        traces.append(go.Scatter(
            x=[marks[i].x for i in idx], y=[ys[i] for i in idx], mode="markers", name=category,
            showlegend=False,
            marker=dict(color=CATEGORY_COLORS[category], size=[20 if s else 13 for s in sel],
                        symbol=[ORIGIN_SYMBOLS.get(marks[i].origin, "circle") for i in idx],
                        line=dict(width=[3 if s else 1 for s in sel], color="#111827")),
            customdata=[[marks[i].id, safe(marks[i].title), safe(marks[i].when), category] for i in idx],
            hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}<extra>%{customdata[3]}</extra>",
        ))
    axis = dict(tickvals=list(range(len(lanes))), ticktext=lanes, range=[-0.6, len(lanes) - 0.1],
                fixedrange=True, showgrid=False, zeroline=False)
    return traces, axis


def event_lines(marks: list[EventMark]) -> list[dict]:
    """Faint vertical lines at every event (solid for the selected one) across the whole figure."""
    return [dict(type="line", xref="x", yref="paper", x0=m.x, x1=m.x, y0=0, y1=1, layer="below",
                 line=dict(width=2 if m.selected else 1, dash="solid" if m.selected else "dot",
                           color=CATEGORY_COLORS.get(m.category, "#888")),
                 opacity=0.9 if m.selected else 0.35)
            for m in marks]


def _price_trace(part: pd.DataFrame, symbol: str, view: str, order: int, style: str) -> go.BaseTraceType:
    info = symbol_info(symbol)
    color = symbol_color(symbol, order)
    if style == "candles" and view == "price":
        return go.Candlestick(x=part["date"], open=part["open"], high=part["high"], low=part["low"],
                              close=part["close"], name=symbol, legendgroup=symbol,
                              increasing_line_color="#16a34a", decreasing_line_color="#dc2626")
    unit = "%" if view == "percent" else ("" if view == "rebased" else f" {info.unit}")
    fmt = ".2f" if view != "rebased" else ".1f"
    return go.Scatter(
        x=part["date"], y=part["value"], mode="lines", name=symbol, legendgroup=symbol,
        line=dict(color=color, width=2), customdata=part["close"],
        hovertemplate=f"{safe(symbol)}: %{{y:{fmt}}}{unit}"
                      + (f" (close %{{customdata:.2f}} {info.unit})" if view != "price" else "")
                      + "<extra></extra>",
    )


def _reaction_trace(reactions: list[ReactionMark], values: pd.DataFrame, symbol: str) -> go.Scatter | None:
    pts = [r for r in reactions if r.symbol == symbol]
    rows = values.set_index("date")["value"]
    pts = [r for r in pts if r.day0 in rows.index]
    if not pts:
        return None
    labels = [f"{r.ret0:+.2%}" if r.ret0 is not None else "n/a" for r in pts]
    return go.Scatter(
        x=[r.day0 for r in pts], y=[rows[r.day0] for r in pts], mode="markers", name=f"{symbol} reactions",
        legendgroup="reactions", showlegend=False,
        marker=dict(size=11, symbol=["triangle-up" if (r.ret0 or 0) >= 0 else "triangle-down" for r in pts],
                    color=["#16a34a" if (r.ret0 or 0) >= 0 else "#dc2626" for r in pts],
                    line=dict(width=1, color="#111827")),
        customdata=[[r.event_id, safe(r.title), safe(symbol), lbl] for r, lbl in zip(pts, labels)],
        hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]} reaction session %{x|%a %d %b %Y}: "
                      "%{customdata[3]}<extra>reaction</extra>",
    )


def _axis_title(symbols: list[str], view: str) -> str:
    if view == "rebased":
        return "Close rebased (100 = first session)"
    if view == "percent":
        return "% change since first session"
    info = symbol_info(symbols[0])
    return f"{symbols[0]}<br>{info.unit}, {BASIS_SHORT[info.basis]}"


def basis_footnote(symbols: list[str]) -> str:
    parts = {}
    for s in symbols:
        parts.setdefault(symbol_info(s).basis, []).append(s)
    labels = {"adjusted": "dividend-adjusted closes (Yahoo)", "index": "index points", "raw": "raw quotes"}
    return "Price basis: " + "<br>".join(f"{', '.join(v)}: {labels[k]}" for k, v in parts.items())


def _axis(name: str, row: int) -> str:
    return name if row == 1 else f"{name}{row}"


def market_figure(frame: pd.DataFrame, *, view: str = "price", style: str = "line", log: bool = False,
                  events: list[EventMark] | None = None, reactions: list[ReactionMark] | None = None,
                  start: dt.date, end: dt.date, hidden: list[str] | None = None,
                  uirevision: str = "", height: int | None = None) -> go.Figure:
    """Prices of one or more symbols with the events above them and reaction markers on the lines.

    ``view`` is price (one panel per symbol), rebased or percent (one shared panel); ``style``
    candles adds a volume panel under each price panel in the price view. Traces and layout are
    collected first and applied in one call each: plotly's per-call validation dominates otherwise.
    """
    events, reactions = events or [], reactions or []
    symbols = list(dict.fromkeys(frame["symbol"]))
    panels = [[s] for s in symbols] if view == "price" else [symbols]
    candles = style == "candles" and view == "price"
    kinds = (["lanes"] if events else []) + [k for p in panels for k in (["price", "volume"] if candles else ["price"])]
    heights = {"lanes": max(70, LANE_ROW_HEIGHT * len({m.category for m in events})),
               "price": 380 if len(panels) == 1 else 230, "volume": 70}
    row_px = [heights[k] for k in kinds] or [300]
    values = view_values(frame, view) if not frame.empty else frame.assign(value=[])
    traces, rows, axes = [], [], {}
    row = 1
    if events:
        lane_traces, axes["yaxis"] = event_lane_traces(events, max(2.0, (end - start).days / 60))
        traces += lane_traces
        rows += [1] * len(lane_traces)
        row += 1
    for panel in panels:
        for symbol in panel:
            part = values[values["symbol"] == symbol]
            panel_traces = [_price_trace(part, symbol, view, symbols.index(symbol), style),
                            _reaction_trace(reactions, part, symbol)]
            traces += [t for t in panel_traces if t is not None]
            rows += [row] * sum(t is not None for t in panel_traces)
        axes[_axis("yaxis", row)] = dict(title_text=_axis_title(panel, view),
                                         type="log" if log and view != "percent" else "linear")
        if candles:
            part = values[values["symbol"] == panel[0]]
            traces.append(go.Bar(x=part["date"], y=part["volume"], name=f"{panel[0]} volume", showlegend=False,
                                 marker_color="#94a3b8", hovertemplate="volume %{y:,.0f}<extra></extra>"))
            rows.append(row + 1)
            axes[_axis("yaxis", row + 1)] = dict(title_text="volume")
        row += 2 if candles else 1
    fig = make_subplots(rows=max(1, len(kinds)), cols=1, shared_xaxes=True, vertical_spacing=0.025,
                        row_heights=row_px)
    if traces:
        fig.add_traces(traces, rows=rows, cols=[1] * len(rows))
    layout = _layout(symbols, start, end, hidden, uirevision, sum(row_px) + 120 if height is None else height)
    xaxis = layout.pop("xaxis")
    axes.update({_axis("xaxis", r): xaxis for r in range(1, max(1, len(kinds)) + 1)})
    fig.update_layout({**layout, **axes, "shapes": event_lines(events)})  # merges into make_subplots' axes
    return fig


def _layout(symbols: list[str], start: dt.date, end: dt.date, hidden: list[str] | None, uirevision: str,
            height: int) -> dict:
    """Layout shared by the price figures: x axis with rangebreaks, legend, footnote on price basis."""
    breaks = [dict(bounds=["sat", "mon"])] + ([dict(values=hidden)] if hidden else [])
    xaxis = dict(rangebreaks=breaks, showspikes=True, spikemode="across", spikethickness=1, rangeslider_visible=False,
                 range=[pd.Timestamp(start) - pd.Timedelta(hours=12), pd.Timestamp(end) + pd.Timedelta(hours=12)])
    if (end - start).days <= 21:  # a few sessions: one tick a day, never half-day ticks
        xaxis.update(dtick=86_400_000, tickformat="%a %d %b")
    layout = dict(
        xaxis=xaxis, height=height, hovermode="closest", uirevision=uirevision, dragmode="zoom",
        clickmode="event+select",
        margin=dict(l=10, r=10, t=30, b=60 + 15 * len({symbol_info(s).basis for s in symbols})),
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
        showlegend=False, uirevision=uirevision, hovermode="closest", clickmode="event+select"))
