"""The price figure: symbols as lines or candles, with the events above them (pure: frames and marks
in, ``go.Figure`` out). Every price panel names its unit and price basis; non-trading days of the
plotted markets are hidden. Events are drawn by :mod:`components.charts.lanes`.

Figures are assembled as plain trace and layout dicts and wrapped once without plotly's
property-by-property validation, which cost most of a page rerun (0.5-1.5 s per chart).
``tests/charts/test_charts.py`` validates every kind of figure in full, so a misspelt property still fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.analysis.metrics import view_values, weekly_ohlc
from components.analysis.ranges import clamp
from components.charts.lanes import LANE_ROW_HEIGHT, EventMark, event_lane_traces, event_lines, safe
from components.charts.palette import DEFAULT_UPDOWN, UpDown, convention, ink, symbol_style
from components.data.symbols import BASIS_LABELS, BASIS_SHORT, symbol_info
from components.facts import MAX_DAILY_CANDLES
from components.locale import _
from components.locale import formats as F


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


def _hover(view: str, info, level: str) -> str:
    """The unified hover line of one series: the value as drawn, the % since the range start and the close
    as a level (``level``: its hover text, from :func:`_level_hover`)."""
    change = "%{customdata[0]:+.1f}%"
    if view == "rebased":
        return _("{value} ({change}) · close {level}").format(value="%{y:.1f}", change=change, level=level)
    if view == "percent":
        return _("{change} · close {level}").format(change="%{y:+.1f}%", level=level)
    return _("{level} ({change} in range)").format(level=level, change=change)


def _level_hover(part: pd.DataFrame, info) -> tuple[str, dict]:
    """How the hover shows a close: the exchange's print first and the dividend-adjusted close beside it
    (customdata 1 and 2); per point as text only when some prints of the range are unknown."""
    if info.kind not in ("equity", "etf"):  # an index or a rate: the print is the close
        return f"%{{customdata[1]:,.2f}} {info.shown_unit}", {}
    prints = part["raw_close"].to_numpy(float)
    known = ~np.isnan(prints)
    both, alone = _("{price} (adjusted {adjusted})"), _("{adjusted} adjusted (print not in the data)")
    if known.all():
        return both.format(price=f"{info.unit}%{{customdata[2]:,.2f}}", adjusted="%{customdata[1]:,.2f}"), {}
    if not known.any():
        return alone.format(adjusted=f"{info.unit}%{{customdata[1]:,.2f}}"), {}
    text = [both.format(price=info.unit + F.fixed_number(p), adjusted=F.fixed_number(a)) if ok
            else alone.format(adjusted=info.unit + F.fixed_number(a))
            for p, a, ok in zip(prints, part["close"].to_numpy(float), known)]
    return "%{text}", {"text": text}


def _price_trace(part: pd.DataFrame, symbol: str, view: str, order: int, style: str, axis: str,
                 bars: pd.DataFrame | None, colors: UpDown) -> dict:
    """One symbol's line, or its candles (``bars``: its ``candle_bars``, when the caller has them)."""
    info = symbol_info(symbol)
    where = dict(xaxis=f"x{axis}", yaxis=f"y{axis}", name=symbol, legendgroup=symbol)
    if style == "candles" and view == "price":
        weekly = len(part) > MAX_DAILY_CANDLES
        bars = candle_bars(part) if bars is None else bars
        label = (_("{symbol} ({unit}, weekly)") if weekly else _("{symbol} ({unit})")).format(symbol=symbol,
                                                                                               unit=info.shown_unit)
        return dict(type="candlestick", x=_dates(bars["date"]), open=_f32(bars["open"]), high=_f32(bars["high"]),
                    low=_f32(bars["low"]), close=_f32(bars["close"]), yhoverformat=",.2f",
                    increasing=dict(line=dict(color=colors.up)),
                    decreasing=dict(line=dict(color=colors.down)),
                    **{**where, "name": label})
    change = (part["close"] / part["close"].iloc[0] - 1.0) * 100.0 if len(part) else part["close"]
    style_ = symbol_style(symbol, order)
    level, text = _level_hover(part, info)
    return dict(
        type="scatter", x=_dates(part["date"]), y=_f32(part["value"]), mode="lines",
        line=dict(color=style_.color, width=2, dash=style_.dash),
        customdata=np.column_stack([_f32(change), _f32(part["close"]), _f32(part["raw_close"])]),
        hovertemplate=_hover(view, info, level) + f"<extra>{safe(symbol)}</extra>", **where, **text,
    )


def _reaction_trace(reactions: list[ReactionMark], values: pd.DataFrame, symbol: str, axis: str,
                    edge: str, colors: UpDown) -> dict | None:
    mine = [r for r in reactions if r.symbol == symbol]
    if not mine:
        return None
    rows = dict(zip(values["date"].tolist(), values["value"].tolist()))  # a session's plotted value
    pts = [r for r in mine if r.day0 in rows]
    if not pts:
        return None
    labels = [F.plus_minus_percent(r.ret0) if r.ret0 is not None else _("n/a") for r in pts]
    return dict(  # in its symbol's legend group: hiding the symbol hides its reaction marks too
        type="scatter", x=[r.day0 for r in pts], y=[float(rows[r.day0]) for r in pts], mode="markers",
        name=_("{symbol} reactions").format(symbol=symbol), legendgroup=symbol, showlegend=False,
        xaxis=f"x{axis}", yaxis=f"y{axis}",
        marker=dict(size=11, symbol=["triangle-up" if (r.ret0 or 0) >= 0 else "triangle-down" for r in pts],
                    color=[colors.color(r.ret0) for r in pts],
                    line=dict(width=1, color=edge)),
        customdata=[[r.event_id, safe(r.title), safe(symbol), lbl] for r, lbl in zip(pts, labels)],
        hovertemplate=_("{event}: {symbol} day 0 {change}").format(
            event="<b>%{customdata[1]}</b>", symbol="%{customdata[2]}", change="%{customdata[3]}") + "<extra></extra>",
    )


def candle_bars(part: pd.DataFrame) -> pd.DataFrame:
    """One symbol's bars for candles: daily, or weekly beyond MAX_DAILY_CANDLES sessions."""
    return weekly_ohlc(part) if len(part) > MAX_DAILY_CANDLES else part


def _volume_trace(part: pd.DataFrame, symbol: str, axis: str, color: str) -> dict:
    """A symbol's volume bars; the hover writes each in the language's own units (plotly's "12.3M" is English)."""
    return dict(type="bar", x=_dates(part["date"]), y=_f32(part["volume"]),
                name=_("{symbol} volume").format(symbol=symbol), legendgroup=symbol, showlegend=False,
                marker=dict(color=color), xaxis=f"x{axis}", yaxis=f"y{axis}",
                customdata=[F.compact_number(v, 2) for v in part["volume"].tolist()],
                hovertemplate="%{customdata}<extra>" + _("volume") + "</extra>")


def volume_axis(peak: float) -> dict:
    """A volume axis's ticks, two to four, at round steps (1, 2 or 5 times a power of ten) written in the language's
    own units ("200萬", "1億"), where plotly would write its SI suffixes ("2M", "100M")."""
    if not peak > 0:
        return {}
    rough = peak / 4
    power = 10 ** np.floor(np.log10(rough))
    step = next(float(m * power) for m in (1, 2, 5, 10) if m * power >= rough)
    values = [step * i for i in range(int(peak // step) + 1)]
    return dict(tickmode="array", tickvals=values, ticktext=[F.compact_number(v) for v in values])


def _axis_title(symbols: list[str], view: str) -> str:
    if view == "rebased":
        return _("Close rebased (100 = first session)")
    if view == "percent":
        return _("% change since first session")
    info = symbol_info(symbols[0])
    if info.kind == "index":
        return _("{symbol}<br>index points").format(symbol=symbols[0])
    return _("{symbol}<br>{unit}, {basis}").format(symbol=symbols[0], unit=info.shown_unit,
                                                   basis=_(BASIS_SHORT[info.basis]))


def basis_footnote(symbols: list[str]) -> str:
    parts = {}
    for s in symbols:
        parts.setdefault(symbol_info(s).basis, []).append(s)
    lines = [_("{symbols}: {basis}").format(symbols=", ".join(v), basis=_(BASIS_LABELS[k])) for k, v in parts.items()]
    return "<br>".join([_("Price basis:"), *lines])


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


PANEL_PX = {"single": (380, 260), "stacked": (230, 160), "volume": (70, 50)}  # (desktop, compact) heights


def market_figure(frame: pd.DataFrame, *, view: str = "price", style: str = "line", log: bool = False,
                  events: list[EventMark] | None = None, reactions: list[ReactionMark] | None = None,
                  start: dt.date, end: dt.date, hidden: list[str] | None = None,
                  uirevision: str = "", height: int | None = None, dark: bool = False,
                  compact: bool = False, updown: str = DEFAULT_UPDOWN) -> go.Figure:
    """Prices of one or more symbols with the events above them and reaction markers on the lines.

    ``view`` is price (one panel per symbol), rebased or percent (one shared panel); ``style``
    candles adds a volume panel under each price panel in the price view. ``compact`` (phones)
    draws lower panels and turns drag-zoom off, so a swipe over the chart scrolls the page.
    The x axis spans the range clamped to the sessions in ``frame``. Candles and reaction triangles take the
    colours of the up/down convention ``updown`` (a name of ``palette.UPDOWNS``).
    """
    events, reactions, pen, colors = events or [], reactions or [], ink(dark), convention(updown)
    symbols = [str(s) for s in frame["symbol"].unique()]
    panels = [[s] for s in symbols] if view == "price" else [symbols]
    candles = style == "candles" and view == "price"
    values = view_values(frame, view) if not frame.empty else frame.assign(value=[])
    size = 1 if compact else 0
    traces, row_px, yaxes = [], [], {}
    if events:
        lane_traces, yaxes[1] = event_lane_traces(events, max(2.0, (end - start).days / 60), edge=pen.edge)
        traces += lane_traces
        row_px.append(max(70, LANE_ROW_HEIGHT * len({m.category for m in events})))
    parts = dict(tuple(values.groupby("symbol", sort=False, observed=True))) if len(values) else {}
    for panel in panels:
        row = len(row_px) + 1
        axis = "" if row == 1 else str(row)
        bars = None
        for symbol in panel:
            part = parts.get(symbol, values.iloc[:0])
            bars = candle_bars(part) if candles else None  # candles have one symbol per panel
            traces.append(_price_trace(part, symbol, view, symbols.index(symbol), style, axis, bars, colors))
            traces += [t for t in [_reaction_trace(reactions, part, symbol, axis, pen.edge, colors)] if t]
        yaxes[row] = dict(title=dict(text=_axis_title(panel, view)),
                          type="log" if log and view != "percent" else "linear")
        row_px.append(PANEL_PX["single" if len(panels) == 1 else "stacked"][size])
        if candles:
            traces.append(_volume_trace(bars, panel[0], str(row + 1), pen.neutral))
            yaxes[row + 1] = dict(title=dict(text=_("volume")), **volume_axis(float(bars["volume"].max())))
            row_px.append(PANEL_PX["volume"][size])
    span = session_span(frame, start, end)
    layout = _layout(symbols, span, hidden, uirevision, sum(row_px) + 120 if height is None else height, pen,
                     compact)
    axes = stacked_axes(row_px or [300])
    for name, settings in axes.items():
        row = int(name[5:] or 1)
        settings.update(yaxes.get(row, {}) if name.startswith("y") else layout["xaxis"])
    layout.pop("xaxis")
    return go.Figure(data=traces, layout={**layout, **axes, "shapes": event_lines(events)}, _validate=False)


def session_span(frame: pd.DataFrame, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """``start..end`` cut to the sessions the frame holds (a range past the data shows no empty days)."""
    if frame.empty:
        return start, end
    return clamp(start, end, frame["date"].min().date(), frame["date"].max().date())


def _layout(symbols: list[str], span: tuple[dt.date, dt.date], hidden: list[str] | None, uirevision: str,
            height: int, pen, compact: bool) -> dict:
    """Layout shared by the price figures: x axis with rangebreaks, legend, footnote on price basis."""
    start, end = span
    breaks = [dict(bounds=["sat", "mon"])] + ([dict(values=hidden)] if hidden else [])
    xaxis = dict(rangebreaks=breaks, showspikes=True, spikemode="across", spikethickness=1,
                 rangeslider=dict(visible=False), hoverformat=F.hover_day(),
                 range=[pd.Timestamp(start) - pd.Timedelta(hours=12), pd.Timestamp(end) + pd.Timedelta(hours=12)])
    if (end - start).days <= 21:  # a few sessions: one tick a day, never half-day ticks
        xaxis.update(dtick=86_400_000, tickformat=F.hover_day(year=False))
    layout = dict(
        xaxis=xaxis, height=height, hovermode="x unified", uirevision=uirevision,
        dragmode=False if compact else "zoom", clickmode="event+select", modebar=dict(orientation="v"),
        margin=dict(l=10, r=10 if compact else 40, t=30, b=75 + 15 * len({symbol_info(s).basis for s in symbols})),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, groupclick="togglegroup"),
    )
    if symbols:
        layout["annotations"] = [dict(text=basis_footnote(symbols), xref="paper", yref="paper", x=0, y=0,
                                      yshift=-48, yanchor="top", showarrow=False, xanchor="left", align="left",
                                      font=dict(size=11, color=pen.muted))]
    return layout
