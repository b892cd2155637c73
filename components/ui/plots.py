"""Putting a figure on the page: one plotly config for every chart, and charts whose markers are clickable."""

from __future__ import annotations

import streamlit as st

from components.ui.state import Chart

CONFIG = {"displaylogo": False}


def show(fig, key: str) -> None:
    """A chart to look at."""
    st.plotly_chart(fig, key=key, config=CONFIG)


def clickable(fig, chart: Chart, *, remember: bool = True) -> str | None:
    """A chart whose event markers can be clicked; the event id of a click, else None.

    With ``remember`` a selection counts once (it stays in the chart's state across reruns, and must
    not undo a later choice made elsewhere); without, every run reports the current selection.
    """
    chart_state = st.plotly_chart(fig, key=chart.key, on_select="rerun", selection_mode="points", config=CONFIG)
    return chart.picked(chart_state) if remember else chart.clicked(chart_state)
