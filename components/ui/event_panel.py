"""One event in full (Streamlit widget blocks): what happened and when, how each market reacted,
then the article's wording, sources and quotes, the claims about it and a zoomed chart."""

from __future__ import annotations

import streamlit as st

from components.analysis.alignment import (
    RULE,
    event_window_dates,
    timing_sentence,
    window_shortfalls,
)
from components.analysis.claims import claims_for_event
from components.data.events import Event
from components.data.symbols import benchmark_for
from components.facts import DEFAULT_SYMBOLS, ZOOM_SESSION_LIMITS
from components.text.article import bundled_article
from components.text.article_view import sentences_for_event
from components.text.safe import md_escape, md_link
from components.ui import caches, device, plots, state
from components.ui import navigation as nav
from components.ui.banners import provenance_banner
from components.ui.labels import MATCH_BADGES, VERDICT_BADGES
from components.ui.prices_events import full_history


def event_detail_ui(event: Event, events: list[Event]) -> None:
    """The whole panel: the facts first, the reactions next, then sources, quotes, claims and a chart."""
    headline_ui(event)
    reactions_ui(event, events)
    sources_ui(event)
    claims_ui(event, events)


def headline_ui(event: Event) -> None:
    """Title, what happened, and when: in the event's own time and on each market's clock."""
    st.header(md_escape(event.title))
    st.markdown(md_escape(event.summary) if event.summary else "*No summary.*")
    st.markdown(f"**When:** {md_escape(event.when())}")
    if event.time is None:
        st.caption(timing_sentence(event))
    if event.time_note:
        st.caption(md_escape(event.time_note))


def event_symbols(event: Event) -> list[str]:
    """The symbols an event's reactions are shown for: its own, else the story's (with a caption)."""
    if event.symbols:
        return list(event.symbols)
    st.caption("This event lists no symbols, so the story's four are shown: " + ", ".join(DEFAULT_SYMBOLS) + ".")
    return list(DEFAULT_SYMBOLS)


def reactions_ui(event: Event, events: list[Event]) -> None:
    """The reaction table per symbol (with its benchmark) and the chart around the event."""
    st.subheader("How each market reacted")
    symbols = event_symbols(event)
    benchmarks = [b for b in map(benchmark_for, symbols) if b]
    history = full_history(list(dict.fromkeys(symbols + benchmarks)))
    provenance_banner(history)
    table, display, shared = caches.reactions(history, event, events, symbols)
    if (table["status"] == "no price data").all():
        st.info(f"No price data around {event.date:%d %b %Y} for {', '.join(symbols)}: "
                + "; ".join(n for n in table["note"] if n))
        return
    st.dataframe(display, hide_index=True, key=state.REACTION_TABLE,
                 column_config={"note": st.column_config.TextColumn(width="large"),
                                "price basis": st.column_config.TextColumn(width="medium")})
    st.caption(f"{RULE} Returns run from the close before the first day to the close of the last (sessions of "
               "that market); the benchmark is the market's index, and 'day 0 minus benchmark' the difference in "
               "percentage points (not the market-model abnormal return of the event study).")
    for note in shared:
        st.caption(f":material/call_merge: {md_escape(note)}")
    zoom_ui(event, events, history, caches.closes(history), symbols)


def sources_ui(event: Event) -> None:
    """How the article dates the event, where the facts come from, and the article's sentences about it."""
    st.subheader("Sources")
    if event.article_wording:
        st.markdown(f"**The article says:** “{md_escape(event.article_wording)}” {MATCH_BADGES[event.date_match]}")
    else:
        st.markdown(MATCH_BADGES[event.date_match] + (" · context event" if event.origin == "context" else ""))
    if event.match_note:
        st.caption(md_escape(event.match_note))
    meta = [f"confidence: {event.confidence}", f"category: {event.category}"]
    if event.companies:
        meta.append("companies: " + ", ".join(event.companies))
    if event.origin == "user":
        meta.append("your event")
    st.caption(md_escape(" · ".join(meta)))
    for src in event.sources:
        st.markdown(f"- {md_link(src.title, src.url)}")
    quotes = caches.shared("event sentences", lambda: sentences_for_event(event.id, bundled_article()), event.id)
    if quotes:
        st.markdown("**In the article**")
        for sentence in quotes:
            st.markdown(f"> {md_escape(sentence.text)}")
        st.page_link(nav.page("article"), label="Read it in the article", icon=":material/article:",
                     query_params={"event": event.id})


def claims_ui(event: Event, events: list[Event]) -> None:
    related = claims_for_event(event.id, caches.claim_results(full_history(list(DEFAULT_SYMBOLS)), events))
    if related:
        st.subheader("Claims about this event")
        for result in related:
            st.markdown(f"- {VERDICT_BADGES[result.verdict]} {md_escape(result.claim.wording)}")
        st.page_link(nav.page("claims"), label="See the figures in the claims check", icon=":material/fact_check:")


def zoom_ui(event: Event, events: list[Event], history, closes, symbols: list[str]) -> None:
    with st.expander("Prices around the event", expanded=not device.is_touch()):
        st.slider("Sessions either side", *ZOOM_SESSION_LIMITS, **state.WINDOW_N.bind())
        sessions = state.WINDOW_N.get()
        window = event_window_dates(event, closes, symbols, sessions)
        if window is None:
            st.info("No sessions around this event in the data.")
            return
        fig, _, _ = caches.market_chart(history, events, start=window[0], end=window[1], view="rebased",
                                        selected=event.id, symbols=tuple(symbols),
                                        uirevision=f"zoom-{event.id}-{window[0]}-{window[1]}", **device.chart_look())
        plots.show(fig, state.TIMELINE_ZOOM)
        st.caption(f"{window[0]:%d %b %Y} – {window[1]:%d %b %Y}, rebased to 100 at the first session shown.")
        for note in window_shortfalls(event, closes, symbols, sessions):
            st.caption(f":material/warning: {note}")
