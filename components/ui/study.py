"""The event study's widget blocks: the inputs (event, stock, benchmark, windows) and the results."""

from __future__ import annotations

import streamlit as st

from components.analysis.event_study import EventStudyResult, constituent_note
from components.analysis.study_report import stats_table, summary_sentence
from components.charts.study import ar_figure, car_figure
from components.data.events import Event
from components.data.symbols import KNOWN_SYMBOLS, benchmark_for, symbol_info
from components.facts import ESTIMATION_LIMITS, EVENT_WINDOW_LIMITS, HEADLINE_EVENT
from components.text.safe import csv_bytes, md_escape
from components.ui import plots, state
from components.ui.data import available_symbols


def study_inputs_ui(events: list[Event]) -> tuple[str, str]:
    """Event, stock, benchmark and both windows; returns (stock, benchmark) as the study will use them."""
    ids = [e.id for e in events]
    if state.EVENT.get() not in ids:
        state.EVENT.set(HEADLINE_EVENT)
    available = sorted(available_symbols() or {*KNOWN_SYMBOLS, state.ES_SYMBOL.get()})
    stocks = [s for s in available if symbol_info(s).studiable]
    if state.ES_SYMBOL.get() not in stocks:
        st.warning(f"{md_escape(state.ES_SYMBOL.get())} cannot be studied here (it is not an available stock); "
                   f"showing {stocks[0]}.")
        state.ES_SYMBOL.set(stocks[0])
    c1, c2, c3 = st.columns([3, 1, 1])
    labels = {e.id: f"{e.date:%d %b %Y} · {e.title}" for e in events}
    c1.selectbox("Event", ids, format_func=labels.get, **state.EVENT.bind())
    c2.selectbox("Stock", stocks, **state.ES_SYMBOL.bind())
    symbol = state.ES_SYMBOL.get()
    default_bench = benchmark_for(symbol) or ""
    c3.selectbox("Benchmark", ["", *[s for s in available if s != symbol and symbol_info(s).can_benchmark]],
                 format_func=lambda b: f"default: {default_bench}" if b == "" else b, **state.ES_BENCHMARK.bind())
    s1, s2 = st.columns(2)
    s1.slider("Estimation window (sessions before day 0)", *ESTIMATION_LIMITS, **state.ES_ESTIMATION.bind())
    s2.slider("Event window (sessions around day 0)", *EVENT_WINDOW_LIMITS, **state.ES_WINDOW.bind())
    return symbol, state.ES_BENCHMARK.get() or default_bench


def study_results_ui(result: EventStudyResult, event: Event) -> None:
    """The summary, headline metrics, notes, both charts and the statistics and per-session tables."""
    symbol, bench = result.symbol, result.benchmark
    st.subheader(f"{symbol} around “{md_escape(event.title)}”")
    st.markdown(summary_sentence(result))
    m1, m2, m3, m4 = st.columns(4)
    quiet = {"delta_color": "off", "delta_arrow": "off"}
    m1.metric("AR day 0", f"{result.ar0.value:+.2%}", f"t {result.ar0.t:.2f} · p {result.ar0.p:.3f}", **quiet)
    m2.metric(f"CAR [{result.event_window[0]}, {result.event_window[1]}]", f"{result.car.value:+.2%}",
              f"t {result.car.t:.2f} · p {result.car.p:.3f}", **quiet)
    m3.metric("beta", f"{result.beta:.2f}", f"R² {result.r2:.2f}", **quiet)
    m4.metric("estimation sessions", f"{result.L1}",
              f"{result.estimation_first:%d %b %Y} – {result.estimation_last:%d %b %Y}", **quiet)
    note = constituent_note(symbol, bench)
    if note:
        st.info(note, icon=":material/info:")
    if result.warnings:
        with st.expander(f"Notes on this study ({len(result.warnings)}), including other events inside the windows"):
            for warning in result.warnings:
                st.markdown(f"- {md_escape(warning)}")
    left, right = st.columns(2)
    with left:
        plots.show(ar_figure(result), state.ES_AR)
    with right:
        plots.show(car_figure(result), state.ES_CAR)
    st.caption("Bars are opaque where p < 0.05; whiskers and the band are 95% intervals. "
               f"Returns are simple daily returns of {symbol_info(symbol).basis_label} closes of {symbol} and of "
               f"{bench} ({symbol_info(bench).basis_label}).")
    left, right = st.columns([2, 3])
    left.dataframe(stats_table(result), hide_index=True, key=state.ES_STATS)
    per_day = result.table
    right.dataframe(per_day, hide_index=True, height=320, key=state.ES_TABLE,
                    column_config={"date": st.column_config.DateColumn(format="YYYY-MM-DD"),
                                   **{c: st.column_config.NumberColumn(format="%.4f") for c in per_day.columns
                                      if c not in ("tau", "date", "bench_stale", "sig_AR", "sig_CAR")}})
    right.download_button("Download per-session table (CSV)", lambda: csv_bytes(per_day),
                          file_name=f"event_study_{symbol}_{event.id}.csv", mime="text/csv", key=state.ES_CSV,
                          on_click="ignore")
