"""Benchmark floor: the plotly figures a page drew, drawn again with ``st.plotly_chart`` and nothing else.

The figures come as the app sent them (``scripts/benchmarks/session.py`` keeps each run's specs), from
``$BENCH_FIGURES_DIR/<name>.json``, the name given by the ``figures`` link parameter. Each is built into a plotly
figure once per process (``st.cache_resource``, as a minimal app would keep a figure) and sent on every run, with the
chart's key, config and click selection as the app had them.
"""

import json
import os
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="floor", layout="wide")


@st.cache_resource(show_spinner=False)
def figures(name: str) -> list[tuple[go.Figure, dict]]:
    if not name.replace("-", "").isalnum():
        raise ValueError(f"not a figure set name: {name!r}")
    sent = json.loads((Path(os.environ["BENCH_FIGURES_DIR"]) / f"{name}.json").read_text())
    return [(go.Figure(json.loads(f["spec"]), skip_invalid=True), f) for f in sent]


for fig, sent in figures(st.query_params.get("figures", "default")):
    clicks = {"on_select": "rerun", "selection_mode": "points"} if sent["selectable"] else {}
    st.plotly_chart(fig, key=sent["key"], config=json.loads(sent["config"]), **clicks)
