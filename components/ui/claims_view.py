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

from components.analysis.article_claims import MEASURE_WORDS, UNCHECKABLE, ArticleClaimResult
from components.analysis.article_claims import VERDICTS as ARTICLE_VERDICTS
from components.analysis.claim_checks import check_named, checked_symbols
from components.analysis.claims import VERDICTS, ClaimResult, ClaimsError, figures_frame, result_notes, shown_wording
from components.charts.claim_chart import claim_chart
from components.data.events import Event, shown_title
from components.data.prices import PriceResult
from components.facts import ARTICLE_DATE, DEFAULT_SYMBOLS, MAX_ARTICLE_CHARS, MAX_CLAIM_CHARTS, MAX_SYMBOLS
from components.locale import N_, _, ngettext
from components.locale.formats import day, number, signed_percent
from components.text.claim_reader import PLACES
from components.text.safe import md_escape
from components.ui import articles, caches, device, errors, plots, replay, state, tables, updown
from components.ui import navigation as nav
from components.ui.banners import provenance_banner
from components.ui.labels import ARTICLE_VERDICT_BADGES, VERDICT_BADGES, badge, shown_as
from components.ui.prices_events import all_events, full_history
from components.workspace.records import StoredArticle

SOURCES = {"bundled": N_("The article of {day}"), "loaded": N_("Your article")}


def source_ui() -> str:
    """The article choice and the loader; returns "bundled" or "loaded"."""
    loaded = articles.claims_article()
    if loaded is None and state.CLAIMS_SOURCE.get() == "loaded":
        state.CLAIMS_SOURCE.set("bundled")
    names = {"bundled": _(SOURCES["bundled"]).format(day=day(ARTICLE_DATE, short=True)),
             "loaded": _("Your article: {title}").format(title=md_escape(loaded.title)) if loaded
             else _(SOURCES["loaded"])}
    options = ["bundled", "loaded"] if loaded else ["bundled"]
    choice = st.radio(_("Article"), options, format_func=names.get,
                      horizontal=True, **state.CLAIMS_SOURCE.bind())
    with st.expander(_("Check a different article") if loaded else _("Check another article"), expanded=False,
                     key=state.CLAIMS_LOADER):
        _loader()
    return choice


@st.fragment
@errors.guard("claims loader")
def _loader() -> None:
    """Text, date and market of another article: a change here reruns only this part; "Check its claims" then
    opens the article's claims, which reruns the page."""
    st.caption(_("Paste a market report and give its publication date: each sentence that states a price move or an "
                 "index level becomes a claim, checked against closing prices. An article you read on “Your events "
                 "& symbols” can be checked here too."))
    text = st.text_area(ngettext("Article text (at most {count} character)",
                                 "Article text (at most {count} characters)",
                                 MAX_ARTICLE_CHARS).format(count=number(MAX_ARTICLE_CHARS, 0)),
                        height=150, key=state.CLAIMS_TEXT)
    left, right = st.columns(2)
    published = left.date_input(_("Publication date"), value=ARTICLE_DATE, key=state.CLAIMS_PUBLISHED,
                                min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
    place = right.selectbox(_("The article's market"), list(PLACES),
                            format_func=shown_as(PLACES, lambda p: _(PLACES[p])),
                            key=state.CLAIMS_PLACE)
    if st.button(_("Check its claims"), key=state.CLAIMS_LOAD, type="primary") and load(text or "", published, place):
        st.rerun(scope="app")


def load(text: str, published: dt.date, place: str) -> bool:
    """Keep an article for the claims page (after reading it once); an error message instead when it cannot be read."""
    if not text.strip():
        st.error(_("Paste the article's text first."), icon=":material/error:")
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
    try:
        results = caches.shared("claim results", lambda: caches.claim_results(history, events), history=history,
                                events=events)  # read only: one list for every session, not a copy a run
    except ClaimsError as exc:  # a damaged claims file: say why, in the reader's language
        st.error(_("The article's claims cannot be checked: {reason}").format(reason=md_escape(exc)),
                 icon=":material/error:")
        return
    counts = Counter(r.verdict for r in results)
    st.header(_("The claims, one by one"))
    st.markdown(" · ".join(f"{badge(VERDICT_BADGES, v)} {counts[v]}" for v in VERDICTS if counts[v]))
    said = (caches.data_key(history), caches.events_key(events))  # what a claim's words and links depend on
    for i, result in enumerate(results):
        with st.container(border=True, key=state.claim_key(result.id)):
            _bundled_claim(result, history, events, said, i)


def _bundled_claim(result: ClaimResult, history: PriceResult, events: list[Event], said: tuple,
                   position: int) -> None:
    replay.draw("claim words", lambda: _claim_words(result), result.id, *said)
    if result.figures:
        table = updown.shared("claim figures", lambda: _bundled_figures(result), result.id,
                              numeric={"value %": "{:+.2f}%"}, history=history, events=events)
        tables.show(table, hide_index=True, key=state.figures_key(result.id),
                    column_config={"value %": st.column_config.NumberColumn(_("change (%)"), format="%.2f%%"),
                                   **_figure_columns()})
        first = next((f for f in result.figures if f.symbol and len(f.dates) == 2), None)
        if first is not None:
            _chart(history, first.symbol, first.dates[0], first.dates[1], result.id, position)
    replay.draw("claim links", lambda: _claim_links(result, events), result.id, *said)


def _claim_words(result: ClaimResult) -> None:
    """A claim's wording, verdict, explanation and notes."""
    st.markdown(f"### {md_escape(shown_wording(result.claim))}")
    st.markdown(_("{badge} · the article says: “{quote}”").format(badge=badge(VERDICT_BADGES, result.verdict),
                                                                  quote=md_escape(result.claim.quote)))
    st.markdown(md_escape(result.explanation))
    for label, text in result_notes(result):
        st.markdown(f"**{label}:** {md_escape(text)}")


def _claim_links(result: ClaimResult, events: list[Event]) -> None:
    """A claim's events, each a link to it on the timeline."""
    titles = {e.id: shown_title(e) for e in events}
    links_row = st.columns(len(result.claim.event_ids))
    for col, eid in zip(links_row, result.claim.event_ids):
        col.page_link(nav.page("timeline"), label=titles.get(eid, eid), icon=":material/timeline:",
                      query_params={"event": eid})


def _bundled_figures(result: ClaimResult) -> pd.DataFrame:
    """A bundled claim's figures as its table shows them: the value in %, the dates in the run's language."""
    figures = figures_frame(result)
    return figures.assign(value=figures["value"] * 100, **{side: figures[side].map(day) for side in ("from", "to")}
                          ).rename(columns={"value": "value %"})


def loaded_ui() -> None:
    """A loaded article's claims: each figure read from its text and checked against the prices."""
    article: StoredArticle = articles.claims_article()
    reading, claims = caches.article_claims(article)
    st.caption(_("Published {day}; read as a {place} market report ({rule}).").format(
        day=day(article.published), place=reading.place, rule=md_escape(reading.place_rule)) + " "
        + ngettext("{count} figure found.", "{count} figures found.", len(claims)).format(count=len(claims)))
    for notice in reading.notices:
        st.info(md_escape(notice), icon=":material/info:")
    if not claims:
        st.info(_("No market figure found in this text, so there is nothing to check. Paste a report that states "
                  "price moves or index levels."), icon=":material/info:")
        return
    named, fetched = {c.symbol for c in claims if c.symbol}, checked_symbols(claims)
    history = full_history(fetched)
    if len(named) > len(fetched):
        st.warning(ngettext("The text names {named} listing; only the first {shown} ({symbols}) are checked, so "
                            "claims about the others are marked uncheckable.",
                            "The text names {named} listings; only the first {shown} ({symbols}) are checked, so "
                            "claims about the others are marked uncheckable.", len(named)).format(
                                named=len(named), shown=MAX_SYMBOLS, symbols=", ".join(fetched)))
    provenance_banner(history, named_by_article=True)
    results = check_named(claims, history.frame)
    counts = Counter(r.verdict for r in results)
    st.header(_("The claims, one by one"))
    st.markdown(" · ".join(f"{badge(ARTICLE_VERDICT_BADGES, v)} {counts[v]}" for v in ARTICLE_VERDICTS if counts[v]))
    if len(results) > MAX_CLAIM_CHARTS:
        st.caption(_("The first {count} claims show their chart; for each later claim, switch on “Show its "
                     "chart”.").format(count=MAX_CLAIM_CHARTS))
    for i, result in enumerate(results):
        with st.container(border=True, key=state.claim_key(result.id)):
            _loaded_claim(result, history, i)


def _loaded_claim(result: ArticleClaimResult, history: PriceResult, position: int) -> None:
    claim = result.claim
    listing = claim.symbol or claim.subject or _("No listing named")  # "Nikkei 225": named, not in the data
    st.markdown(f"### {md_escape(listing)} · {md_escape(claim.claimed)} · "
                f"{_(MEASURE_WORDS.get(claim.measure, claim.measure))}")
    st.markdown(_("{badge} · the article says: “{quote}”").format(badge=badge(ARTICLE_VERDICT_BADGES, result.verdict),
                                                                  quote=md_escape(claim.sentence[:400])))
    st.markdown(md_escape(result.explanation))
    if claim.symbol and result.verdict == UNCHECKABLE:  # no session to show for a figure no price can settle
        st.markdown(_("**Listing:** {listing}").format(listing=md_escape(claim.listing_rule)))
    elif claim.symbol:
        when = day(claim.day)
        st.markdown((_("**Listing:** {listing} · **Session:** {day} ({day_rule}) · **Period:** {period}")
                     if claim.since_rule else _("**Listing:** {listing} · **Session:** {day} ({day_rule})")).format(
                        listing=md_escape(claim.listing_rule), day=when, day_rule=md_escape(claim.day_rule),
                        period=md_escape(claim.since_rule or "")))
    if claim.trail:
        with st.expander(_("How the figure was read"), key=state.claim_trail_key(result.id)):
            st.markdown("\n".join(f"- {md_escape(step)}" for step in claim.trail))
    if result.reason and result.reason not in result.explanation:  # said once: most explanations already hold it
        st.markdown(_("**Why it cannot be checked:** {reason}").format(reason=md_escape(result.reason)))
    if result.figures:
        st.dataframe(_figures_table(result), hide_index=True, key=state.figures_key(result.id),
                     column_config=_figure_columns())
    if result.symbol and result.base and result.session and result.symbol in caches.closes(history):
        _chart(history, result.symbol, result.base, result.session, result.id, position)


def _figure_columns() -> dict:
    """The figures behind a verdict, headed in the run's language: closes to cents in the run's number format (a
    dash where a figure has one close), and the price basis in full."""
    return {"figure": st.column_config.TextColumn(_("figure")), "symbol": st.column_config.TextColumn(_("symbol")),
            "value": st.column_config.TextColumn(_("value")), "from": st.column_config.TextColumn(_("from")),
            "to": st.column_config.TextColumn(_("to")),
            "close from": st.column_config.TextColumn(_("close at start")),
            "close to": st.column_config.TextColumn(_("close at end")),
            "basis": st.column_config.TextColumn(_("price basis"), width="large")}


def _shown(key: str, value: float, label: str) -> str:
    """A figure as its measure reads: a move in %, a change in points, a level, a run of sessions."""
    if key.endswith("points"):
        return _("{change} points").format(change=("+" if value > 0 else "−" if value < 0 else "") + number(abs(value)))
    if key == "streak":
        return ngettext("{count} session", "{count} sessions", round(value)).format(count=round(value))
    if key == "rank" and "move" in label:
        return signed_percent(value / 100)
    if key in ("level", "rank", "range_high", "range_low") or key.endswith("_level"):
        return number(value)
    return signed_percent(value)


def _figures_table(result: ArticleClaimResult) -> pd.DataFrame:
    rows = []
    for f in result.figures:
        rows.append({"figure": f.label, "symbol": f.symbol, "value": _shown(f.key, f.value, f.label),
                     "from": day(f.dates[0] if f.dates else None), "to": day(f.dates[-1] if f.dates else None),
                     "close from": number(f.closes[0] if f.closes else None),  # grouped in the run's locale, and
                     "close to": number(f.closes[-1] if len(f.closes) > 1 else None),  # a dash, never "None"
                     "basis": f.basis})
    return pd.DataFrame(rows)


def _chart(history: PriceResult, symbol: str, base: dt.date, session: dt.date, claim_id: str, position: int) -> None:
    """A claim's chart: drawn for the first MAX_CLAIM_CHARTS claims, one click away for the others."""
    if position >= MAX_CLAIM_CHARTS and not st.toggle(_("Show its chart"), key=state.claim_chart_toggle(claim_id)):
        return
    dark = device.is_dark()
    fig = caches.shared("claim chart", lambda: claim_chart(history.frame, symbol, base, session, dark=dark),
                        symbol, base, session, dark, history=history)
    plots.show(fig, state.claim_chart_key(claim_id))
