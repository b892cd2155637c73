"""The event timeline as a plotly figure (pure), for pages that cannot run the timeline component:
the downloadable report draws it with plotly.js, one lane per category, hover for each event."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from components.charts.lanes import LANE_ROW_HEIGHT, EventMark, event_lane_traces
from components.charts.palette import ink
from components.locale import formats as F


def timeline_figure(marks: list[EventMark], start: dt.date, end: dt.date, dark: bool = False) -> go.Figure:
    """Every mark on one date axis spanning ``start..end``, a lane per category present."""
    days = max((end - start).days, 1)
    traces, yaxis = event_lane_traces(marks, max(0.5, days / 80), edge=ink(dark).edge)
    lanes = len({m.category for m in marks}) or 1
    half_day = pd.Timedelta(hours=12)
    layout = dict(
        height=LANE_ROW_HEIGHT * lanes + 110, showlegend=False, hovermode="closest",
        yaxis={**yaxis, "automargin": True},  # the lane names fit beside the axis
        xaxis=dict(type="date", range=[pd.Timestamp(start) - half_day, pd.Timestamp(end) + half_day],
                   showgrid=True, hoverformat=F.hover_day() + " %H:%M"),
        margin=dict(l=10, r=20, t=20, b=40),
    )
    return go.Figure(data=traces, layout=layout, _validate=False)
