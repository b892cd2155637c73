"""Event study: how much of a move was abnormal given the market, and is it significant?"""

import streamlit as st

from components.analysis.event_study import EventStudyError, event_study
from components.analysis.study_report import PLAIN_INTRO
from components.locale import _
from components.ui import caches, daterange, errors, links, state
from components.ui.banners import provenance_banner
from components.ui.prices_events import all_events, full_history, selected_event
from components.ui.study import comparison_ui, study_inputs_ui, study_results_ui

st.title(_("Event study: abnormal returns"))
st.markdown(_(PLAIN_INTRO))
daterange.not_applicable(_("the study uses the sessions around each event's day 0, set by the windows below."))
links.show_url_notices()
events = all_events()


@st.fragment
@errors.guard("event study")
def study() -> None:
    """Inputs and results: changing a window or the event reruns this part, then the whole app (the sidebar's links
    carry them); the group and the comparison's choices rerun only this part."""
    symbol, bench = study_inputs_ui(events)
    links.keep_current("event_study")
    event = selected_event(events)
    history = full_history([symbol, bench])
    provenance_banner(history)
    closes = caches.closes(history)
    missing = [s for s in (symbol, bench) if s not in closes]
    if missing:
        st.error(_("No prices for {symbols}; choose another symbol.").format(symbols=", ".join(missing)))
        return
    estimation, window = state.ES_ESTIMATION.get(), state.ES_WINDOW.get()
    try:
        result = caches.shared("event study", lambda: event_study(closes[symbol], closes[bench], event, symbol, bench,
                                                                  estimation, window, events),
                               event and event.id, symbol, bench, tuple(estimation), tuple(window), history=history,
                               events=events)
    except EventStudyError as exc:
        st.error(str(exc), icon=":material/error:")
        return
    study_results_ui(result, event, history, events)
    table = caches.shared("study table", lambda: caches.compare_all_events(history, events, symbol, bench, estimation,
                                                                           window),
                          symbol, bench, tuple(estimation), tuple(window), history=history, events=events)
    comparison_ui(table, events, symbol, bench, history, (tuple(estimation), tuple(window)))


study()
