"""One event in full (Streamlit widget blocks): what happened and when, how each market reacted,
then the article's wording, sources and quotes, the claims about it and a zoomed chart."""

from __future__ import annotations

import dataclasses

import streamlit as st

from components.analysis.alignment import (
    RULE,
    event_window_dates,
    timing_sentence,
    window_shortfalls,
)
from components.analysis.claims import ClaimsError, claims_for_event, shown_wording
from components.data.events import Event, category_name, shown_summary, shown_time_note, shown_title
from components.data.prices import PriceResult
from components.data.symbols import benchmark_for
from components.facts import DEFAULT_SYMBOLS, MAX_STORY_SYMBOLS, ZOOM_SESSION_LIMITS
from components.locale import N_, _
from components.locale.formats import day
from components.text.article import bundled_article
from components.text.article_view import sentences_for_event
from components.text.safe import md_escape, md_link
from components.ui import caches, device, plots, replay, state, tables, updown
from components.ui import navigation as nav
from components.ui.banners import provenance_banner
from components.ui.labels import MATCH_BADGES, VERDICT_BADGES, badge
from components.ui.prices_events import full_history

CONFIDENCES = {"verified": N_("verified"), "one source": N_("one source"), "unverified": N_("unverified")}  # codes


def event_detail_ui(event: Event, events: list[Event]) -> None:
    """The whole panel: the facts first, the reactions next, then sources, quotes, claims and a chart (the parts
    without a widget drawn once per event, prices, events and language: ``replay``)."""
    said = caches.event_text_key(event)
    replay.draw("event headline", lambda: headline_ui(event), said)
    reactions_ui(event, events)
    history = full_history(list(DEFAULT_SYMBOLS))
    replay.draw("event sources and claims", lambda: (sources_ui(event), claims_ui(event, events, history)), said,
                caches.data_key(history), caches.events_key(events))


def headline_ui(event: Event) -> None:
    """Title, what happened, and when: in the event's own time and on each market's clock."""
    st.header(md_escape(shown_title(event)))
    st.markdown(md_escape(shown_summary(event)) if event.summary else _("*No summary for this event.*"))
    st.markdown(_("**When:** {when}").format(when=md_escape(event.when())))
    if event.time is None:
        st.caption(timing_sentence(event))
    if event.time_note:
        st.caption(md_escape(shown_time_note(event)))


def event_symbols(event: Event) -> list[str]:
    """The symbols an event's reactions are shown for: its own, else the story's (with a caption)."""
    if event.symbols:
        return list(event.symbols)
    st.caption(_("No company is named for this event, so the story's symbols are shown: {symbols}.").format(
        symbols=", ".join(DEFAULT_SYMBOLS)))
    return list(DEFAULT_SYMBOLS)


def _with_benchmarks(symbols) -> list[str]:
    return list(dict.fromkeys([*symbols, *(b for b in map(benchmark_for, symbols) if b)]))


def story_history(events: list[Event], symbols: list[str]) -> PriceResult:
    """The prices of every symbol the events name or the story shows, with their benchmarks: one history for every
    event, so the closes and day 0s behind each event's reactions are worked out once, not once per event. Events
    naming more than MAX_STORY_SYMBOLS (a user's own) load the story's and this event's ``symbols`` only."""
    every = _with_benchmarks([*DEFAULT_SYMBOLS, *(s for e in events for s in e.symbols)])
    if len(every) > MAX_STORY_SYMBOLS:
        every = _with_benchmarks([*DEFAULT_SYMBOLS, *symbols])
    return full_history(sorted(every))


def reactions_ui(event: Event, events: list[Event]) -> None:
    """The reaction table per symbol (with its benchmark) and the chart around the event."""
    st.subheader(_("How each market reacted"))
    symbols = event_symbols(event)
    history = story_history(events, symbols)
    provenance_banner(dataclasses.replace(history, provenance={
        s: history.provenance[s] for s in _with_benchmarks(symbols) if s in history.provenance}))
    table, display, shared, unpriced = caches.shared("reactions", lambda: _reactions(history, event, events, symbols),
                                                     event.id, tuple(symbols), history=history, events=events)
    if unpriced:
        st.info(_("No prices around {day} for {symbols}: {notes}").format(
            day=day(event.date), symbols=", ".join(symbols), notes="; ".join(n for n in table["note"] if n)))
        return
    shown = updown.shared("reactions", lambda: display, event.id, tuple(symbols), history=history, events=events)
    tables.show(shown, hide_index=True, key=state.REACTION_TABLE,
                column_config={"note": st.column_config.TextColumn(width="large"),
                               "price basis": st.column_config.TextColumn(width="medium")})
    st.caption(_("{rule} Each return runs from the close before the first day to the close of the last, in that "
                 "market's own sessions. The benchmark is the market's index; “day 0 minus benchmark” is the plain "
                 "difference in percentage points (pp), not the event study's abnormal return.").format(rule=_(RULE)))
    for note in shared:
        st.caption(f":material/call_merge: {md_escape(note)}")
    zoom_ui(event, events, history, symbols)


def _reactions(history, event: Event, events: list[Event], symbols: list[str]) -> tuple:
    """``caches.reactions``, and whether no symbol has prices around the event."""
    table, display, shared = caches.reactions(history, event, events, symbols)
    return table, display, shared, bool((table["status"] == "no price data").all())


def sources_ui(event: Event) -> None:
    """How the article dates the event, where the facts come from, and the article's sentences about it."""
    st.subheader(_("Sources"))
    if event.article_wording:
        st.markdown(_("**The article says:** “{wording}” {badge}").format(
            wording=md_escape(event.article_wording), badge=badge(MATCH_BADGES, event.date_match)))
    else:
        shown = badge(MATCH_BADGES, event.date_match)
        st.markdown(_("{badge} · not in the article, shown for context").format(badge=shown)
                    if event.origin == "context" else shown)
    if event.match_note:
        st.caption(md_escape(event.match_note))
    confidence = _(CONFIDENCES[event.confidence]) if event.confidence in CONFIDENCES else event.confidence
    meta = [_("confidence: {confidence}").format(confidence=confidence),
            _("category: {category}").format(category=category_name(event.category))]
    if event.companies:
        meta.append(_("companies: {companies}").format(companies=", ".join(event.companies)))
    if event.origin == "user":
        meta.append(_("your event"))
    st.caption(md_escape(" · ".join(meta)))
    for src in event.sources:
        st.markdown(f"- {md_link(src.title, src.url)}")
    quotes = caches.shared("event sentences", lambda: sentences_for_event(event.id, bundled_article()), event.id)
    if quotes:
        st.markdown(_("**In the article**"))
        for sentence in quotes:
            st.markdown(f"> {md_escape(sentence.text)}")
        st.page_link(nav.page("article"), label=_("Read it in the article"), icon=":material/article:",
                     query_params={"event": event.id})


def claims_ui(event: Event, events: list[Event], history) -> None:
    """The claims about the event, with their verdicts on ``history`` (the story's symbols)."""
    try:
        related = claims_for_event(event.id, caches.claim_results(history, events))
    except ClaimsError:  # a damaged claims file: the claims page says why
        return
    if related:
        st.subheader(_("Claims about this event"))
        for result in related:
            st.markdown(f"- {badge(VERDICT_BADGES, result.verdict)} {md_escape(shown_wording(result.claim))}")
        st.page_link(nav.page("claims"), label=_("See the figures behind each claim"), icon=":material/fact_check:")


def _window(event: Event, history, symbols: list[str], sessions: int) -> tuple:
    """The dates ``sessions`` either side of the event, and the sentences on symbols that fall short of them."""
    closes = caches.closes(history)
    return event_window_dates(event, closes, symbols, sessions), window_shortfalls(event, closes, symbols, sessions)


def zoom_ui(event: Event, events: list[Event], history, symbols: list[str]) -> None:
    with st.expander(_("Prices around the event"), expanded=not device.is_touch(), key=state.ZOOM_EXPANDER):
        st.slider(_("Trading sessions either side"), *ZOOM_SESSION_LIMITS, **state.WINDOW_N.bind())
        sessions = state.WINDOW_N.get()
        window, shortfalls = caches.shared("event window", lambda: _window(event, history, symbols, sessions),
                                           event.id, tuple(symbols), sessions, history=history, events=events)
        if window is None:
            st.info(_("No trading sessions around this event in the price data."))
            return
        fig = caches.market_figure(history, events, start=window[0], end=window[1], view="rebased",
                                   selected=event.id, symbols=tuple(symbols),
                                   uirevision=f"zoom-{event.id}-{window[0]}-{window[1]}", updown=updown.chosen(),
                                   **device.chart_look())
        plots.show(fig, state.TIMELINE_ZOOM)
        st.caption(_("{start} – {end}: each line starts at 100 on the first session shown.").format(
            start=day(window[0]), end=day(window[1])))
        for note in shortfalls:
            st.caption(f":material/warning: {note}")
