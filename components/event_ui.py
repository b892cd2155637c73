"""The facts panel of one event (Streamlit UI helper): dates, the article's wording, sources, quotes."""

import streamlit as st

from components.article import bundled_article
from components.article_view import sentences_for_event
from components.events import Event
from components.text import md_escape, md_link

MATCH_BADGES = {"yes": ":green-badge[date matches]", "roughly": ":orange-badge[date roughly matches]",
                "no": ":red-badge[date does not match]", "not dated": ":gray-badge[not dated in the article]"}


def event_facts_ui(event: Event) -> None:
    """Title, verified date and time, the article's wording and whether it matches, summary, sources
    and the article's sentences about the event, with a link back to the article. All text escaped."""
    st.header(md_escape(event.title))
    st.markdown(f"**When:** {md_escape(event.when())}"
                + (f" · {md_escape(event.time_note)}" if event.time_note else ""))
    if event.article_wording:
        st.markdown(f"**Article says:** “{md_escape(event.article_wording)}” {MATCH_BADGES[event.date_match]}")
    else:
        st.markdown(MATCH_BADGES[event.date_match] + (" · context event" if event.origin == "context" else ""))
    if event.match_note:
        st.caption(md_escape(event.match_note))
    st.markdown(md_escape(event.summary) if event.summary else "*No summary.*")
    meta = [f"confidence: {event.confidence}", f"category: {event.category}"]
    if event.companies:
        meta.append("companies: " + ", ".join(event.companies))
    if event.origin == "user":
        meta.append("your event")
    st.caption(md_escape(" · ".join(meta)))
    if event.sources:
        st.markdown("**Sources**")
        for src in event.sources:
            st.markdown(f"- {md_link(src.title, src.url)}")

    quotes = sentences_for_event(event.id, bundled_article())
    if quotes:
        st.markdown("**In the article**")
        for sentence in quotes:
            st.markdown(f"> {md_escape(sentence.text)}")
        st.page_link("pages/article.py", label="Read it in the article", icon=":material/article:",
                     query_params={"event": event.id})
