"""Event study: how much of a move was abnormal given the market, and is it significant?"""

import streamlit as st

from components.analysis.event_study import EventStudyError, event_study
from components.analysis.metrics import closes_by_symbol
from components.text.safe import csv_bytes
from components.ui import caches, data, links, router, state
from components.ui.banners import provenance_banner
from components.ui.study import study_inputs_ui, study_results_ui

router.require_router()
st.title("Event study: abnormal returns")
st.caption("Market model (MacKinlay 1997): R_stock = α + β·R_benchmark + ε, fitted by OLS on the estimation "
           "window; AR = actual − expected; the variance of each AR includes the estimation error; t tests use "
           "L1 − 2 degrees of freedom. Windows count each stock's own trading sessions; day 0 is its reaction session.")
links.show_url_notices()

events = data.all_events()
symbol, bench = study_inputs_ui(events)
event = data.selected_event(events)
history = data.full_history([symbol, bench])
provenance_banner(history)
closes = closes_by_symbol(history.frame)
if symbol not in closes or bench not in closes:
    st.error(f"No prices for {symbol if symbol not in closes else bench}; choose another symbol.")
    st.stop()
estimation, window = state.ES_ESTIMATION.get(), state.ES_WINDOW.get()
try:
    result = event_study(closes[symbol], closes[bench], event, symbol, bench, estimation, window, events)
except EventStudyError as exc:
    st.error(str(exc), icon=":material/error:")
    st.stop()
study_results_ui(result, event)

st.subheader(f"Every event for {symbol} against {bench}")
comparison = caches.compare_all_events(events, closes[symbol], closes[bench], symbol, bench, estimation, window)
st.dataframe(comparison, hide_index=True, key=state.ES_COMPARE,
             column_config={"AR0 %": st.column_config.NumberColumn(format="%+.2f%%"),
                            "CAR %": st.column_config.NumberColumn(format="%+.2f%%")})
st.download_button("Download comparison (CSV)", lambda: csv_bytes(comparison),
                   file_name=f"event_study_{symbol}_all_events.csv", mime="text/csv", key=state.ES_COMPARE_CSV,
                   on_click="ignore")
