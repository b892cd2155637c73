"""Timeline: every event on one axis; click one to see its facts, its market reactions and a zoomed chart."""

import streamlit as st

from components.ui import data, event_panel, links, router
from components.ui.timeline import choose_event, filtered_events, timeline_chart

router.require_router()
st.title("Event timeline")
links.show_url_notices()
all_events = data.all_events()
events = filtered_events(all_events)
if not events:
    st.info("No event in the chosen categories and range. Select more categories or show all events.")
    st.stop()
timeline_chart(events)
event = choose_event(events)
if event is None:
    st.info("Select an event to see what the article says, what the sources say and how each market reacted.")
    st.stop()
event_panel.event_facts_ui(event)
event_panel.reactions_ui(event, all_events)
