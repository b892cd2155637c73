"""Router and shared frame: page config, navigation, the URL, and the page helpers every page shares."""

import streamlit as st

from components.ui import errors, links, plots, router, state, workspace

st.set_page_config(page_title="QwQ-32B week: Alibaba and the Hang Seng", page_icon=":material/monitoring:",
                   layout="wide")

PAGES = {
    "The story": [
        st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", url_path="overview",
                default=True),
        st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
        st.Page("pages/article.py", title="The article", icon=":material/article:", url_path="article"),
        st.Page("pages/claims.py", title="Claims check", icon=":material/fact_check:", url_path="claims"),
    ],
    "Markets": [
        st.Page("pages/markets.py", title="Markets", icon=":material/candlestick_chart:", url_path="markets"),
        st.Page("pages/event_study.py", title="Event study", icon=":material/query_stats:",
                url_path="event_study"),
        st.Page("pages/listings.py", title="Two listings", icon=":material/compare_arrows:", url_path="listings"),
    ],
    "Your data": [
        st.Page("pages/your_data.py", title="Your events & symbols", icon=":material/upload_file:",
                url_path="your_data"),
    ],
}

page = st.navigation(PAGES, position="hidden")  # drawn below: links that carry the screen's state
state.init_state()
where = page.url_path or "overview"
FRAME = (workspace.open_from_url,  # a saved workspace's events first: the link may select one of them
         links.sync_from_url, workspace.notices_to_page, lambda: links.navigation(PAGES),
         lambda: workspace.sidebar(where), plots.page_helpers, lambda: links.write_url(where))
for step in FRAME:  # a step that breaks is a sentence with a reference, never Streamlit's error page
    with errors.guarded("the page frame"):
        step()
with router.router_frame(), errors.guarded(where):
    try:
        page.run()
    finally:  # also when the page reruns or switches: an open workspace keeps every change
        workspace.autosave()
