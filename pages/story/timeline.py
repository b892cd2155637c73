"""Timeline: every event on one axis; click one to see what happened, how each market reacted, and its sources."""

import streamlit as st

from components.locale import _
from components.ui import daterange, errors, event_panel, links
from components.ui.prices_events import all_events, selected_event
from components.ui.timeline import choose_event, filtered_events, hidden_selection_notice, timeline

st.title(_("Event timeline"))
shown = daterange.range_line()
links.show_url_notices()
every_event = all_events()
events = filtered_events(every_event)


@st.fragment
@errors.guard("timeline detail")
def explorer() -> None:
    """The timeline, the chooser and the selected event: a click or a step reruns this part, then the whole app
    when the event changed (the sidebar's links carry it)."""
    links.keep_current("timeline")  # a click or a step is applied before this run (the controls' callbacks)
    if not events:
        st.info(_("No event in the chosen categories. Select more categories above."))
        return
    timeline(events, shown)
    selected = selected_event(every_event)
    hidden_selection_notice(selected, events)
    choose_event(events, selected)
    if selected is None:
        st.info(_("Choose an event to see what happened, how each market reacted and what the article says."))
    else:
        event_panel.event_detail_ui(selected, every_event)


explorer()
