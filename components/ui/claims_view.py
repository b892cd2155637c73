"""The Claims page's widgets: which article, loading one, and each claim with its verdict, figures and chart.

The bundled article's claims are records (``data/claims.json``) with their measures; a loaded
article's claims are read from its text (:mod:`components.text.claim_reader`) and checked with
:mod:`components.analysis.claim_checks`. Both are drawn the same way: the claim, its verdict, the
article's words, the explanation, the figures and a small chart with the base and end sessions.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd
import streamlit as st

from components.analysis.article_claims import MEASURE_WORDS, ArticleClaimResult
from components.analysis.article_claims import VERDICTS as ARTICLE_VERDICTS
from components.analysis.claim_checks import check_named, checked_symbols
from components.analysis.claims import VERDICTS, ClaimResult, figures_frame, result_notes
from components.charts.claim_chart import claim_chart
from components.data.prices import PriceResult
from components.facts import ARTICLE_DATE, DEFAULT_SYMBOLS, MAX_ARTICLE_CHARS, MAX_CLAIM_CHARTS, MAX_SYMBOLS
from components.text.claim_reader import PLACES
from components.text.safe import md_escape
from components.ui import articles, caches, device, plots, state
from components.ui import navigation as nav
from components.ui.banners import provenance_banner
from components.ui.labels import ARTICLE_VERDICT_BADGES, VERDICT_BADGES
from components.ui.prices_events import all_events, full_history
from components.workspace.records import StoredArticle

SOURCES = {"bundled": "The bundled article", "loaded": "An article you loaded"}


def source_ui() -> str:
    """The article choice and the loader; returns "bundled" or "loaded"."""
    loaded = articles.claims_article()
    if loaded is None and state.CLAIMS_SOURCE.get() == "loaded":
        state.CLAIMS_SOURCE.set("bundled")
    label = f"{SOURCES['loaded']}: {md_escape(loaded.title)}" if loaded else SOURCES["loaded"]
    options = ["bundled", "loaded"] if loaded else ["bundled"]
    choice = st.radio("Article", options, format_func=lambda o: label if o == "loaded" else SOURCES[o],
                      horizontal=True, **state.CLAIMS_SOURCE.bind())
    with st.expander("Load a different article" if loaded else "Load another article", expanded=False):
        _loader()
    return choice


def _loader() -> None:
    st.caption("Paste a market report and its publication date: every sentence with a market figure becomes a claim, "
               "checked against the price data. An article extracted on “Your events & symbols” is offered here too.")
    text = st.text_area(f"Article text (at most {MAX_ARTICLE_CHARS:,} characters)", height=150, key=state.CLAIMS_TEXT)
    left, right = st.columns(2)
    published = left.date_input("Publication date", value=ARTICLE_DATE, key=state.CLAIMS_PUBLISHED,
                                min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
    place = right.selectbox("The article's market", list(PLACES), format_func=PLACES.get, key=state.CLAIMS_PLACE)
    if st.button("Check its claims", key=state.CLAIMS_LOAD, type="primary") and load(text or "", published, place):
        st.rerun()


def load(text: str, published: dt.date, place: str) -> bool:
    """Keep an article for the claims page (after reading it once); an error message instead when it cannot be read."""
    if not text.strip():
        st.error("Paste the article's text first.", icon=":material/error:")
        return False
    try:
        article = articles.new_article(text, published, place)
        caches.article_claims(article)
    except ValueError as exc:
        st.error(md_escape(exc), icon=":material/error:")
        return False
    articles.keep(article)
    return True


def bundled_ui() -> None:
    """The bundled article's claims: verdicts from the claim records, with a chart each."""
    history = full_history(list(DEFAULT_SYMBOLS))
    provenance_banner(history)
    events = all_events()
    results = caches.claim_results(history, events)
    counts = Counter(r.verdict for r in results)
    st.markdown(" · ".join(f"{VERDICT_BADGES[v]} {counts[v]}" for v in VERDICTS if counts[v]))
    titles = {e.id: e.title for e in events}
    for i, result in enumerate(results):
        with st.container(border=True, key=state.claim_key(result.id)):
            _bundled_claim(result, history, titles, i)


def _bundled_claim(result: ClaimResult, history: PriceResult, titles: dict[str, str], position: int) -> None:
    st.markdown(f"#### {md_escape(result.claim.wording)}")
    st.markdown(f"{VERDICT_BADGES[result.verdict]} · the article: “{md_escape(result.claim.quote)}”")
    st.markdown(md_escape(result.explanation))
    for label, text in result_notes(result):
        st.markdown(f"**{label}:** {md_escape(text)}")
    if result.figures:
        figures = figures_frame(result)
        st.dataframe(figures.assign(value=figures["value"] * 100).rename(columns={"value": "value %"}),
                     hide_index=True, key=state.figures_key(result.id),
                     column_config={"value %": st.column_config.NumberColumn(format="%.2f%%"), **_FIGURE_COLUMNS})
        first = next((f for f in result.figures if f.symbol and len(f.dates) == 2), None)
        if first is not None:
            _chart(history, first.symbol, first.dates[0], first.dates[1], result.id, position)
    links_row = st.columns(len(result.claim.event_ids))
    for col, eid in zip(links_row, result.claim.event_ids):
        col.page_link(nav.page("timeline"), label=titles.get(eid, eid), icon=":material/timeline:",
                      query_params={"event": eid})


def loaded_ui() -> None:
    """A loaded article's claims: each figure read from its text and checked against the prices."""
    article: StoredArticle = articles.claims_article()
    reading, claims = caches.article_claims(article)
    st.caption(f"Published {article.published:%a %d %b %Y}; read as a {reading.place} report "
               f"({md_escape(reading.place_rule)}). {len(claims)} figure(s) found.")
    for notice in reading.notices:
        st.info(md_escape(notice), icon=":material/info:")
    if not claims:
        st.info("No market figures were found in this text: nothing to check.", icon=":material/info:")
        return
    named, fetched = {c.symbol for c in claims if c.symbol}, checked_symbols(claims)
    history = full_history(fetched)
    if len(named) > len(fetched):
        st.warning(f"The text names {len(named)} listings; prices were fetched for the first {MAX_SYMBOLS} "
                   f"({', '.join(fetched)}), so claims about the others are uncheckable.")
    provenance_banner(history)
    results = check_named(claims, history.frame)
    counts = Counter(r.verdict for r in results)
    st.markdown(" · ".join(f"{ARTICLE_VERDICT_BADGES[v]} {counts[v]}" for v in ARTICLE_VERDICTS if counts[v]))
    if len(results) > MAX_CLAIM_CHARTS:
        st.caption(f"The first {MAX_CLAIM_CHARTS} claims show their chart; each later one has a “Show its chart” "
                   "switch, so a long text keeps the page quick.")
    for i, result in enumerate(results):
        with st.container(border=True, key=state.claim_key(result.id)):
            _loaded_claim(result, history, i)


def _loaded_claim(result: ArticleClaimResult, history: PriceResult, position: int) -> None:
    claim = result.claim
    st.markdown(f"#### {md_escape(claim.symbol or 'No listing')} · {md_escape(claim.claimed)} · "
                f"{MEASURE_WORDS.get(claim.measure, claim.measure)}")
    st.markdown(f"{ARTICLE_VERDICT_BADGES[result.verdict]} · the article: “{md_escape(claim.sentence[:400])}”")
    st.markdown(md_escape(result.explanation))
    if claim.symbol:
        when = f"{claim.day:%a %d %b %Y}" if claim.day else "no day"
        st.markdown(f"**Listing:** {md_escape(claim.listing_rule)} · **Session:** {when} "
                    f"({md_escape(claim.day_rule)})" + (f" · **Period:** {md_escape(claim.since_rule)}"
                                                        if claim.since_rule else ""))
    if claim.trail:
        with st.expander("How the figure was read"):
            st.markdown("\n".join(f"- {md_escape(step)}" for step in claim.trail))
    if result.reason:
        st.markdown(f"**Why it cannot be checked:** {md_escape(result.reason)}")
    if result.figures:
        st.dataframe(_figures_table(result), hide_index=True, key=state.figures_key(result.id),
                     column_config=_FIGURE_COLUMNS)
    if result.symbol and result.base and result.session and result.symbol in caches.closes(history):
        _chart(history, result.symbol, result.base, result.session, result.id, position)


# the figures behind a verdict: closes to cents, and the price basis in full
_FIGURE_COLUMNS = {"close from": st.column_config.NumberColumn(format="%.2f"),
                   "close to": st.column_config.NumberColumn(format="%.2f"),
                   "basis": st.column_config.TextColumn(width="large")}


def _shown(key: str, value: float, label: str) -> str:
    """A figure as its measure reads: a move in %, a change in points, a level, a run of sessions."""
    if key.endswith("points"):
        return f"{value:+,.2f}"
    if key == "streak":
        return f"{value:.0f}"
    if key == "rank" and "move" in label:
        return f"{value:+.2f}%"
    if key in ("level", "rank", "range_high", "range_low") or key.endswith("_level"):
        return f"{value:,.2f}"
    return f"{value:+.2%}"


def _figures_table(result: ArticleClaimResult) -> pd.DataFrame:
    rows = []
    for f in result.figures:
        rows.append({"figure": f.label, "symbol": f.symbol, "value": _shown(f.key, f.value, f.label),
                     "from": f.dates[0] if f.dates else None, "to": f.dates[-1] if f.dates else None,
                     "close from": f.closes[0] if f.closes else None,
                     "close to": f.closes[-1] if len(f.closes) > 1 else None, "basis": f.basis})
    return pd.DataFrame(rows)


def _chart(history: PriceResult, symbol: str, base: dt.date, session: dt.date, claim_id: str, position: int) -> None:
    """A claim's chart: drawn for the first MAX_CLAIM_CHARTS claims, one click away for the others."""
    if position >= MAX_CLAIM_CHARTS and not st.toggle("Show its chart", key=state.claim_chart_toggle(claim_id)):
        return
    dark = device.is_dark()
    fig = caches.shared("claim chart", lambda: claim_chart(history.frame, symbol, base, session, dark=dark),
                        symbol, base, session, dark, history=history)
    plots.show(fig, state.claim_chart_key(claim_id))
