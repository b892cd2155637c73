"""Figures of the two listings (pure): the ADS premium over time in two readings, and both closes on one clock."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.analysis.listings import HK_LISTING, US_LISTING
from components.charts.palette import CATEGORY_COLORS, ink, symbol_style
from components.data.events import Event
from components.facts import ADS_RATIO, HOME_TZ
from components.locale import N_, _

LABELS = {HK_LISTING: N_("{ratio} × 9988.HK in US$ (Hong Kong close)"), US_LISTING: N_("BABA (New York close)")}
GAP_LABEL = N_("closes of the same date (13½ h apart)")
SYNC_LABEL = N_("BABA close against the next Hong Kong open")


def _base_layout(dark: bool, compact: bool, height: int, yaxis: str) -> dict:
    return dict(height=height, margin=dict(l=10, r=10, t=30, b=10), hovermode="x unified",
                yaxis=dict(title=dict(text=yaxis)), legend=dict(orientation="h", y=1.08),
                paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
                font=dict(color=ink(dark).edge), dragmode=False if compact else "zoom")


def premium_figure(gap: pd.DataFrame, sync: pd.DataFrame, events: list[Event], *, dark: bool = False,
                   compact: bool = False) -> go.Figure:
    """The two readings of the ADS premium (%) by date: the gap between the day's closes, and the ADS close
    against the next Hong Kong open; a dotted line at each event's date."""
    lines = []
    readings = ((gap, _(GAP_LABEL), _("{ratio} shares at the Hong Kong close"), symbol_style(US_LISTING)),
                (sync, _(SYNC_LABEL), _("{ratio} shares at the next Hong Kong open"), symbol_style(HK_LISTING)))
    for frame, name, shares, style in readings:
        hover = _("{premium}: BABA close {ads} against {shares} {value}").format(
            premium="%{y:+.2f}%", ads="US$%{customdata[0]:.2f}", shares=shares.format(ratio=ADS_RATIO),
            value="US$%{customdata[1]:.2f}")
        lines.append(dict(
            type="scatter", x=frame["date"].dt.strftime("%Y-%m-%d").tolist(), y=frame["premium"].round(3).tolist(),
            mode="lines", name=name, line=dict(color=style.color, dash=style.dash, width=1.5),
            customdata=frame[["ads_close", "shares_usd"]].round(2).to_numpy().tolist(),
            hovertemplate=f"{hover}<extra>{name}</extra>"))
    zero = dict(type="line", xref="paper", x0=0, x1=1, yref="y", y0=0, y1=0,
                line=dict(color=ink(dark).neutral, width=1))
    dates = pd.concat([gap["date"], sync["date"]])
    first, last = (dates.min(), dates.max()) if len(dates) else (None, None)
    marks = [dict(type="line", xref="x", x0=f"{e.date}", x1=f"{e.date}", yref="paper", y0=0, y1=1,
                  line=dict(color=CATEGORY_COLORS.get(e.category, ink(dark).muted), width=1, dash="dot"))
             for e in events if first is not None and first.date() <= e.date <= last.date()]
    layout = _base_layout(dark, compact, 320 if compact else 360, _("BABA over the shares behind it, %"))
    layout.update(shapes=[zero, *marks], hovermode="x unified",
                  legend=dict(orientation="h", y=-0.18, yanchor="top"), margin=dict(l=10, r=10, t=30, b=10),
                  title=dict(text=_("ADS premium (+) or discount (−), exchange prices"), font=dict(size=13)))
    return go.Figure(data=lines, layout=layout, _validate=False)


def clock_figure(clock: pd.DataFrame, moment: pd.Timestamp | None, *, dark: bool = False, compact: bool = False
                 ) -> go.Figure:
    """Both listings in US$ per ADS at their real close times (Hong Kong time), with the news as a line."""
    traces = []
    for symbol in (HK_LISTING, US_LISTING):
        part = clock[clock["listing"] == symbol]
        local = part["at"].dt.tz_convert(HOME_TZ).dt.tz_localize(None)
        style = symbol_style(symbol)
        traces.append(dict(type="scatter", x=local.dt.strftime("%Y-%m-%d %H:%M").tolist(),
                           y=part["usd_per_ads"].round(3).tolist(), mode="lines+markers",
                           name=_(LABELS[symbol]).format(ratio=ADS_RATIO),
                           line=dict(color=style.color, dash=style.dash, width=2), marker=dict(size=6),
                           hovertemplate=_("{symbol} close {price} per ADS").format(symbol=symbol, price="US$%{y:.2f}")
                           + "<extra></extra>"))
    layout = _base_layout(dark, compact, 300 if compact else 360, _("US$ per ADS"))
    layout.update(hovermode="closest", xaxis=dict(title=dict(text=_("close time, Hong Kong time"))),
                  title=dict(text=_("Each close at the time it happened"), font=dict(size=13)),
                  legend=dict(orientation="h", y=-0.3, yanchor="top"), margin=dict(l=10, r=10, t=40, b=10))
    if moment is not None:
        at = moment.tz_convert(HOME_TZ).tz_localize(None).strftime("%Y-%m-%d %H:%M")
        layout["shapes"] = [dict(type="line", xref="x", x0=at, x1=at, yref="paper", y0=0, y1=1,
                                 line=dict(color=ink(dark).muted, width=1.5, dash="dash"))]
        layout["annotations"] = [dict(x=at, y=1, xref="x", yref="paper", text=_("the news"), showarrow=False,
                                      yanchor="bottom", font=dict(size=11, color=ink(dark).muted))]
    return go.Figure(data=traces, layout=layout, _validate=False)
