"""Benchmark floor of a click: one plotly chart with ``on_select``; a click on a point shows its event's heading.

The chart is the Overview's figure as the app sent it (``$BENCH_FIGURES_DIR/<name>.json``, its first figure), the
headings the events' titles (``titles.json`` beside it: event id -> title). Nothing else runs.
"""

import json
import os
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="floor click", layout="wide")
HERE = Path(os.environ["BENCH_FIGURES_DIR"])


@st.cache_resource(show_spinner=False)
def chart(name: str) -> tuple[go.Figure, dict[str, str]]:
    if not name.replace("-", "").isalnum():
        raise ValueError(f"not a figure set name: {name!r}")
    first = json.loads((HERE / f"{name}.json").read_text())[0]
    return go.Figure(json.loads(first["spec"]), skip_invalid=True), json.loads((HERE / "titles.json").read_text())


fig, titles = chart(st.query_params.get("figures", "default"))
picked = st.plotly_chart(fig, key="floor_chart", on_select="rerun", selection_mode="points")
points = picked["selection"]["points"]
if points:
    st.header(titles.get(points[0]["customdata"][0], "?"))
