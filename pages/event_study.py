"""Event study: how much of a move was abnormal given the market, and is it significant?"""

import streamlit as st

from components import session
from components.caching import compare_all_events
from components.event_study import (
    ESTIMATION_LIMITS,
    EVENT_WINDOW_LIMITS,
    EventStudyError,
    constituent_note,
    event_study,
)
from components.metrics import closes_by_symbol
from components.study_view import ar_figure, car_figure, stats_table, summary_sentence
from components.symbols import benchmark_for, symbol_info
from components.text import csv_bytes, md_escape

DEFAULT_EVENT = "qwq-32b-release"

session.require_router()
st.title("Event study: abnormal returns")
st.caption("Market model (MacKinlay 1997): R_stock = α + β·R_benchmark + ε, fitted by OLS on the estimation "
           "window; AR = actual − expected; the variance of each AR includes the estimation error; t tests use "
           "L1 − 2 degrees of freedom. Windows count each stock's own trading sessions; day 0 is its reaction session.")
session.show_url_notices()

events = session.all_events()
ids = [e.id for e in events]
if st.session_state.get("event") not in ids:
    st.session_state["event"] = DEFAULT_EVENT
available = sorted(session.available_symbols() or {"9988.HK", "BABA", "0700.HK", "NVDA", "KWEB", "^HSI",
                                                    "^HSCE", "^GSPC", st.session_state["es_symbol"]})
stocks = [s for s in available if symbol_info(s).studiable]
if st.session_state["es_symbol"] not in stocks:
    st.warning(f"{md_escape(st.session_state['es_symbol'])} cannot be studied here (it is not an available stock); "
               f"showing {stocks[0]}.")
    st.session_state["es_symbol"] = stocks[0]
    st.session_state.pop("w_es_symbol", None)
c1, c2, c3 = st.columns([3, 1, 1])
c1.selectbox("Event", ids, **session.bound("event"),
             format_func=lambda i: next(f"{e.date:%d %b %Y} · {e.title}" for e in events if e.id == i))
c2.selectbox("Stock", stocks, **session.bound("es_symbol"))
symbol = st.session_state["es_symbol"]
default_bench = benchmark_for(symbol) or ""
c3.selectbox("Benchmark", ["", *[s for s in available if s != symbol and symbol_info(s).can_benchmark]],
             format_func=lambda b: f"default: {default_bench}" if b == "" else b, **session.bound("es_benchmark"))
s1, s2 = st.columns(2)
s1.slider("Estimation window (sessions before day 0)", *ESTIMATION_LIMITS, **session.bound("es_estimation"))
s2.slider("Event window (sessions around day 0)", *EVENT_WINDOW_LIMITS, **session.bound("es_window"))

bench = st.session_state["es_benchmark"] or default_bench
event = session.selected_event()
history = session.full_history([symbol, bench])
session.provenance_banner(history)
closes = closes_by_symbol(history.frame)
if symbol not in closes or bench not in closes:
    st.error(f"No prices for {symbol if symbol not in closes else bench}; choose another symbol.")
    st.stop()
try:
    result = event_study(closes[symbol], closes[bench], event, symbol, bench, st.session_state["es_estimation"],
                         st.session_state["es_window"], events)
except EventStudyError as exc:
    st.error(str(exc), icon=":material/error:")
    st.stop()

st.subheader(f"{symbol} around “{md_escape(event.title)}”")
st.markdown(summary_sentence(result))
m1, m2, m3, m4 = st.columns(4)
quiet = {"delta_color": "off", "delta_arrow": "off"}
m1.metric("AR day 0", f"{result.ar0.value:+.2%}", f"t {result.ar0.t:.2f} · p {result.ar0.p:.3f}", **quiet)
m2.metric(f"CAR [{result.event_window[0]}, {result.event_window[1]}]", f"{result.car.value:+.2%}",
          f"t {result.car.t:.2f} · p {result.car.p:.3f}", **quiet)
m3.metric("beta", f"{result.beta:.2f}", f"R² {result.r2:.2f}", **quiet)
m4.metric("estimation sessions", f"{result.L1}",
          f"{result.estimation_first:%d %b %Y} – {result.estimation_last:%d %b %Y}",
          **quiet)
note = constituent_note(symbol, bench)
if note:
    st.info(note, icon=":material/info:")
if result.warnings:
    with st.expander(f"Notes on this study ({len(result.warnings)}), including other events inside the windows"):
        for warning in result.warnings:
            st.markdown(f"- {md_escape(warning)}")
left, right = st.columns(2)
left.plotly_chart(ar_figure(result), key="es_ar", config={"displaylogo": False})
right.plotly_chart(car_figure(result), key="es_car", config={"displaylogo": False})
st.caption("Bars are opaque where p < 0.05; whiskers and the band are 95% intervals. "
           f"Returns are simple daily returns of {symbol_info(symbol).basis_label} closes of {symbol} and of "
           f"{bench} ({symbol_info(bench).basis_label}).")

left, right = st.columns([2, 3])
left.dataframe(stats_table(result), hide_index=True, key="es_stats")
per_day = result.table
right.dataframe(per_day, hide_index=True, height=320, key="es_table",
                column_config={"date": st.column_config.DateColumn(format="YYYY-MM-DD"),
                               **{c: st.column_config.NumberColumn(format="%.4f") for c in per_day.columns
                                  if c not in ("tau", "date", "bench_stale", "sig_AR", "sig_CAR")}})
right.download_button("Download per-session table (CSV)", lambda: csv_bytes(per_day),
                      file_name=f"event_study_{symbol}_{event.id}.csv", mime="text/csv", key="es_csv",
                      on_click="ignore")

st.subheader(f"Every event for {symbol} against {bench}")
comparison = compare_all_events(events, closes[symbol], closes[bench], symbol, bench,
                                st.session_state["es_estimation"], st.session_state["es_window"])
st.dataframe(comparison, hide_index=True, key="es_compare",
             column_config={"AR0 %": st.column_config.NumberColumn(format="%+.2f%%"),
                            "CAR %": st.column_config.NumberColumn(format="%+.2f%%")})
st.download_button("Download comparison (CSV)", lambda: csv_bytes(comparison),
                   file_name=f"event_study_{symbol}_all_events.csv", mime="text/csv", key="es_compare_csv",
                   on_click="ignore")
