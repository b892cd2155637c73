"""Your data: upload events, extract them from another article, and choose your own symbols."""

import streamlit as st

from components import session
from components.events import events_frame
from components.text import md_escape
from components.your_data_ui import extract_ui, symbols_ui, upload_ui

session.require_router()
st.title("Your events and symbols")
session.show_url_notices()
ss = st.session_state
ss.setdefault(session.USER_EVENTS, [])
ss.setdefault("_added_files", set())
for notice in ss.pop("_add_notices", []):
    st.success(md_escape(notice), icon=":material/check:")
upload_tab, extract_tab, symbols_tab = st.tabs(["Upload events", "Extract from an article", "Your symbols"])
with upload_tab:
    upload_ui()
with extract_tab:
    extract_ui()
with symbols_tab:
    symbols_ui()

st.subheader(f"Your events in this session ({len(ss[session.USER_EVENTS])})")
if ss[session.USER_EVENTS]:
    st.dataframe(events_frame(ss[session.USER_EVENTS]), hide_index=True, key="user_events_table")
    if st.button("Remove all your events", key="clear_user_events"):
        ss[session.USER_EVENTS] = []
        ss["_added_files"] = set()
        st.rerun()
else:
    st.caption("None yet.")
