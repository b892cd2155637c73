"""Your data: upload events, extract them from another article, and choose your own symbols."""

import streamlit as st

from components.locale import _
from components.text.safe import md_escape
from components.ui import daterange, links, state
from components.ui.your_data import articles_ui, events_table, extract_ui, symbols_ui, upload_ui

st.title(_("Your events and symbols"))
daterange.not_applicable(_("your events and symbols then appear on every page."))
links.show_url_notices()
for notice in state.ADD_NOTICES.pop():
    st.success(md_escape(notice), icon=":material/check:")
upload_tab, extract_tab, symbols_tab = st.tabs([_("Upload events"), _("Events from an article"), _("Your symbols")])
with upload_tab:
    upload_ui()
with extract_tab:
    extract_ui()
    articles_ui()
with symbols_tab:
    symbols_ui()

user_events = state.USER_EVENTS.get()
st.header(_("Your events ({count})").format(count=len(user_events)))
if user_events:
    st.dataframe(events_table(user_events), hide_index=True, key=state.USER_EVENTS_TABLE)
    if st.button(_("Remove all your events"), key=state.CLEAR_USER_EVENTS):
        state.USER_EVENTS.set([])
        state.ADDED_FILES.set(set())
        st.rerun()
else:
    st.caption(_("None yet: upload a file or propose events from an article above."))
