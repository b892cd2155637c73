"""Claims check: each quantitative claim of the bundled article, or of an article you load, tested on prices."""

import streamlit as st

from components.facts import ARTICLE_DATE
from components.locale import _
from components.locale.formats import day
from components.ui import claims_view, daterange, links

st.title(_("Claims check"))
st.caption(_("Each figure an article states (a day's move, a change since a date, an index level) is checked against "
             "closing prices, with the sessions it compares and the figures behind its verdict. Check the article of "
             "{day}, or paste your own.").format(day=day(ARTICLE_DATE, short=True)))
daterange.not_applicable(_("each claim names the sessions it is about."))
links.show_url_notices()
if claims_view.source_ui() == "loaded":
    claims_view.loaded_ui()
else:
    claims_view.bundled_ui()
