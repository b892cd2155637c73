"""Claims check: each quantitative claim of the article, tested against the price data."""

from collections import Counter

import streamlit as st

from components.analysis.claims import VERDICTS, figures_frame
from components.facts import DEFAULT_SYMBOLS
from components.text.safe import md_escape
from components.ui import caches, data, daterange, links, router, state
from components.ui.banners import provenance_banner
from components.ui.labels import VERDICT_BADGES

router.require_router()
st.title("Claims check")
st.caption("Each claim of the article is a record with the measure that tests it; every figure and verdict below "
           "is computed from the price data on each run, never typed in.")
daterange.not_applicable("each claim names the sessions it is about.")
links.show_url_notices()
history = data.full_history(list(DEFAULT_SYMBOLS))
provenance_banner(history)
events = data.all_events()
results = caches.claim_results(history, events)
counts = Counter(r.verdict for r in results)
st.markdown(" · ".join(f"{VERDICT_BADGES[v]} {counts[v]}" for v in VERDICTS if counts[v]))

titles = {e.id: e.title for e in events}
for result in results:
    with st.container(border=True, key=state.claim_key(result.id)):
        st.markdown(f"#### {md_escape(result.claim.wording)}")
        st.markdown(f"{VERDICT_BADGES[result.verdict]} · the article: “{md_escape(result.claim.quote)}”")
        st.markdown(md_escape(result.explanation))
        if result.condition:
            st.markdown(f"**Holds only if:** {md_escape(result.condition)}")
        if result.reason:
            st.markdown(f"**Why price data cannot settle it:** {md_escape(result.reason)}")
        if result.figures:
            figures = figures_frame(result)
            st.dataframe(figures.assign(value=figures["value"] * 100).rename(columns={"value": "value %"}),
                         hide_index=True, key=state.figures_key(result.id),
                         column_config={"value %": st.column_config.NumberColumn(format="%.2f%%"),
                                        "close from": st.column_config.NumberColumn(format="%.2f"),
                                        "close to": st.column_config.NumberColumn(format="%.2f")})
        links_row = st.columns(len(result.claim.event_ids))
        for col, eid in zip(links_row, result.claim.event_ids):
            col.page_link("pages/timeline.py", label=titles.get(eid, eid), icon=":material/timeline:",
                          query_params={"event": eid})
