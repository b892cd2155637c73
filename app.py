"""The app: page config, navigation, the frame every page shares (state, link, sidebar), and the page."""

import streamlit as st

from components import locale
from components.locale import _
from components.ui import daterange, errors, language, links, navigation, plots, saving, sidebar, state, workspace_links
from components.ui.prices_events import events_notice

locale.use(language.chosen())  # first: every sentence of this run, navigation titles included, is in its language
st.set_page_config(page_title=_("QwQ-32B week: Alibaba and the Hang Seng"), page_icon=":material/monitoring:",
                   layout="wide")
page = st.navigation(navigation.sections(), position="hidden")  # drawn below: links that carry the screen's state
where = navigation.address(page)
state.init_state()
status = sidebar.StatusLine()  # this run's line on saving: drawn in the sidebar, redrawn after the autosave
FRAME = (workspace_links.open_from_url,  # a saved workspace's events first: the link may select one of them
         links.sync_from_url, workspace_links.notices_to_page, events_notice, language.selector, links.navigation,
         lambda: sidebar.workspace_block(where, status, daterange.resolve()), plots.page_helpers,
         lambda: links.write_url(where))
for step in FRAME:  # a step that breaks is a sentence with a reference, never Streamlit's error page
    with errors.guarded("the page frame"):
        step()
with errors.guarded(where):
    try:
        page.run()
    finally:  # also when the page reruns or switches: an open workspace keeps every change
        saving.autosave(then=status.show)
