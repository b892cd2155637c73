"""One event in full (Streamlit widget blocks): its facts, how each market reacted, and a zoomed chart."""

from __future__ import annotations

import streamlit as st

from components.analysis.alignment import event_window_dates, reaction_display, reaction_table, window_shortfalls
from components.analysis.claims import claims_for_event
from components.analysis.metrics import closes_by_symbol
from components.data.events import Event
from components.data.symbols import benchmark_for
from components.facts import DEFAULT_SYMBOLS, ZOOM_SESSION_LIMITS
from components.text.article import bundled_article
from components.text.article_view import sentences_for_event
from components.text.safe import md_escape, md_link
from components.ui import caches, plots, state
from components.ui.banners import provenance_banner
from components.ui.data import full_history
from components.ui.labels import MATCH_BADGES, VERDICT_BADGES


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


def event_symbols(event: Event) -> list[str]:
    """The symbols an event's reactions are shown for: its own, else the story's (with a caption)."""
    if event.symbols:
        return list(event.symbols)
    st.caption("This event lists no symbols, so the default set is shown: " + ", ".join(DEFAULT_SYMBOLS) + ".")
    return list(DEFAULT_SYMBOLS)


def reactions_ui(event: Event, events: list[Event]) -> None:
    """The reaction table per symbol (with benchmarks), the claims about the event and a zoomed chart."""
    symbols = event_symbols(event)
    benchmarks = [b for b in map(benchmark_for, symbols) if b]
    history = full_history(list(dict.fromkeys(symbols + benchmarks)))
    provenance_banner(history)
    closes = closes_by_symbol(history.frame)
    table = reaction_table(event, closes, symbols)
    st.subheader("Market reactions")
    if (table["status"] == "no price data").all():
        st.info(f"No price data around {event.date:%d %b %Y} for {', '.join(symbols)}: "
                + "; ".join(n for n in table["note"] if n))
        return
    shown = reaction_display(table)
    pct = st.column_config.NumberColumn(format="%+.2f%%")
    st.dataframe(shown, hide_index=True, key=state.REACTION_TABLE,
                 column_config={c: pct for c in shown.columns if c.endswith("%")})
    st.caption("Day 0 is the first session of each market that closed after the event. [-1,+1] runs from the close "
               "before day -1 to the close of day +1; [0,+5] from the close before day 0 to day +5 (sessions).")
    claims_ui(event, events)
    zoom_ui(event, events, history, closes, symbols)


def claims_ui(event: Event, events: list[Event]) -> None:
    related = claims_for_event(event.id, caches.claim_results(full_history(list(DEFAULT_SYMBOLS)), events))
    if related:
        st.subheader("Claims about this event")
        for result in related:
            st.markdown(f"- {VERDICT_BADGES[result.verdict]} {md_escape(result.claim.wording)}")
        st.page_link("pages/claims.py", label="See the figures in the claims check", icon=":material/fact_check:")


def zoom_ui(event: Event, events: list[Event], history, closes, symbols: list[str]) -> None:
    st.subheader("Around the event")
    st.slider("Sessions either side", *ZOOM_SESSION_LIMITS, **state.WINDOW_N.bind())
    sessions = state.WINDOW_N.get()
    window = event_window_dates(event, closes, symbols, sessions)
    if window is None:
        st.info("No sessions around this event in the data.")
        return
    fig, _, _ = caches.market_chart(history, events, start=window[0], end=window[1], view="rebased",
                                    selected=event.id, symbols=tuple(symbols),
                                    uirevision=f"zoom-{event.id}-{window[0]}-{window[1]}")
    plots.show(fig, state.TIMELINE_ZOOM)
    st.caption(f"{window[0]:%d %b %Y} – {window[1]:%d %b %Y}, rebased to 100 at the first session shown.")
    for note in window_shortfalls(event, closes, symbols, sessions):
        st.caption(f":material/warning: {note}")
