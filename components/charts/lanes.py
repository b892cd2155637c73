"""Events as drawn: their marks, one lane per category, and the vertical lines across a figure.

Events are their own scatter traces whose ``customdata[0]`` is the event id, so a click
(Streamlit's ``on_select``) resolves to an event without parsing the returned x value.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

import pandas as pd

from components.charts.palette import CATEGORY_COLORS, LIGHT, ORIGIN_SYMBOLS
from components.data.events import category_name

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


def event_lane_traces(marks: list[EventMark], min_gap_days: float, axis: str = "",
                      edge: str = LIGHT.edge) -> tuple[list[dict], dict]:
    """Clickable markers, one trace per category lane, and the settings of the lanes' y axis."""
    lanes, ys = lane_positions(marks, min_gap_days)
    traces = []
    for category in lanes:
        idx = [i for i, m in enumerate(marks) if m.category == category]
        sel = [marks[i].selected for i in idx]
        traces.append(dict(
            type="scatter", x=[marks[i].x for i in idx], y=[ys[i] for i in idx], mode="markers",
            name=category_name(category), showlegend=False, xaxis=f"x{axis}", yaxis=f"y{axis}",
            marker=dict(color=CATEGORY_COLORS[category], size=[20 if s else 13 for s in sel],
                        symbol=[ORIGIN_SYMBOLS.get(marks[i].origin, "circle") for i in idx],
                        line=dict(width=[3 if s else 1 for s in sel], color=edge)),
            customdata=[[marks[i].id, safe(marks[i].title), safe(marks[i].when), category_name(category)] for i in idx],
            hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}<extra>%{customdata[3]}</extra>",
        ))
    yaxis = dict(tickvals=list(range(len(lanes))), ticktext=[category_name(c) for c in lanes],
                 range=[-0.6, len(lanes) - 0.1], fixedrange=True, showgrid=False, zeroline=False)
    return traces, yaxis


def event_lines(marks: list[EventMark]) -> list[dict]:
    """Faint vertical lines at every event (solid for the selected one) across the whole figure."""
    return [dict(type="line", xref="x", yref="paper", x0=m.x, x1=m.x, y0=0, y1=1, layer="below",
                 line=dict(width=2 if m.selected else 1, dash="solid" if m.selected else "dot",
                           color=CATEGORY_COLORS.get(m.category, LIGHT.neutral)),
                 opacity=0.9 if m.selected else 0.35)
            for m in marks]
