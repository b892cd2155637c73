"""Claims check: each quantitative claim of the bundled article, or of an article you load, tested on prices."""

import streamlit as st

from components.ui import claims_view, daterange, links

st.title("Claims check")
st.caption("Each claim is tested against the price data on each run: the bundled article's claims are records with "
           "the measure that tests them; a loaded article's are read from its text, one per market figure. No figure "
           "or verdict is typed in.")
daterange.not_applicable("each claim names the sessions it is about.")
links.show_url_notices()
if claims_view.source_ui() == "loaded":
    claims_view.loaded_ui()
else:
    claims_view.bundled_ui()
