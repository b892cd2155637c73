"""The article: each point once, sentences linked to their events, relative dates checked."""

import streamlit as st

from components.text.article import THRESHOLD, article_date_mentions, bundled_article, deduplicated_blocks
from components.text.article_view import block_markdown, date_table, mentioned_events
from components.text.safe import md_escape
from components.ui import caches, daterange, links, state
from components.ui import navigation as nav
from components.ui.prices_events import all_events

article = bundled_article()
meta = article.meta
st.title("The article")
outlet = meta.outlet[:1].upper() + meta.outlet[1:]
st.caption(f"{md_escape(outlet)}, {meta.dateline}, published {meta.publication_date:%A %d %B %Y}. "
           f"{md_escape(meta.source_note)}")
daterange.not_applicable("the article is shown whole, and each date is checked against its event.")
links.show_url_notices()
events = {e.id: e for e in all_events()}
focus = state.EVENT.get()
sentences = list(article.sentences)
kept = deduplicated_blocks(article.blocks)
show_repeats = st.toggle("Show the repeated paragraphs too", key=state.ARTICLE_SHOW_REPEATS)
st.caption(f"This copy says most things twice in other words: {len(article.blocks) - len(kept)} of "
           f"{len(article.blocks)} blocks repeat an earlier one (rapidfuzz similarity ≥ {THRESHOLD:.0f}/100) and are "
           "shown once. Highlighted sentences mention an event; the links open it on the timeline.")
if focus in events and any(focus in s.event_ids for s in sentences):
    st.info(f"Sentences about “{md_escape(events[focus].title)}” are in bold.", icon=":material/format_bold:")

by_index = {b.index: b for b in article.blocks}
for item in kept:
    block = item.block
    if block.kind == "heading":
        st.subheader(md_escape(block.text))
    else:
        st.markdown(block_markdown(block, sentences, focus))
    for repeat in item.repeated_by:
        again = by_index[repeat.later]
        st.caption(f"Said again in other words in block {again.index + 1} (similarity {repeat.score:.0f}/100).")
        if show_repeats:
            st.markdown(f"> {block_markdown(again, sentences, focus)}")
    linked = [eid for eid in mentioned_events(block, sentences) if eid in events]
    if linked:
        cols = st.columns(min(len(linked), 4))
        for i, eid in enumerate(linked):
            cols[i % len(cols)].page_link(nav.page("timeline"), label=events[eid].title, icon=":material/timeline:",
                                          query_params={"event": eid})

st.header("Relative dates, resolved")
st.caption(f"Each expression is resolved against the publication date, {meta.publication_date:%a %d %b %Y}, and "
           "compared with the verified date of the event it refers to.")


def resolved_dates():
    found = article_date_mentions()
    return found, date_table(found, {k: e.title for k, e in events.items()})


mentions, dates = caches.shared("article dates", resolved_dates, events=list(events.values()))
st.dataframe(dates, hide_index=True, key=state.ARTICLE_DATES)
if any(m.claim_id for m in mentions):
    st.page_link(nav.page("claims"), label="“Since January”: see both readings in the claims check",
                 icon=":material/fact_check:")
