"""The timeline figure: every event on one time axis, one lane per category."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from components.charts.lanes import LANE_ROW_HEIGHT, EventMark, event_lane_traces, event_lines


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
