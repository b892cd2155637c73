"""The widgets of the 'Your events & symbols' page: upload, extraction review and symbol checks.

Streamlit UI helpers (the *_ui convention): each draws one section and keeps its results in the
session state; the parsing and validation they call live in pure modules.
"""

import dataclasses
import datetime as dt

import pandas as pd
import streamlit as st

from components.data import store
from components.data.events import CATEGORIES, bundled_events, events_frame
from components.data.symbols import InvalidSymbol, read_symbol
from components.facts import (
    HISTORY_START,
    MAX_ARTICLE_CHARS,
    MAX_SYMBOLS,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_ROWS,
    MAX_WORKSPACE_ARTICLES,
)
from components.text.claim_reader import PLACES
from components.text.extraction import propose_events
from components.text.safe import md_escape
from components.text.upload_schema import ALIASES, schema_rows, template_csv, template_json
from components.text.uploads import UploadError, parse_upload
from components.text.user_events import accept_rows, merge, review_frame
from components.ui import articles, saving, state
from components.ui import navigation as nav
from components.ui.prices_events import all_events, available_symbols


def add(events: list) -> None:
    """Add events to the session's own events, with unique ids, and queue a confirmation."""
    result = merge(state.USER_EVENTS.get(), events, {e.id for e in bundled_events()})
    state.USER_EVENTS.set(result.events)
    added = (f"Added {result.added} event(s) to this session." if result.added == len(events)
             else f"Added {result.added} of {len(events)} event(s) to this session.")
    state.ADD_NOTICES.set([added, *result.notices])


def upload_ui() -> None:
    """Templates, schema, the file uploader, per-row problems and the add button."""
    st.markdown(f"Upload a CSV or JSON file of events (at most 1 MB, {MAX_UPLOAD_BYTES:,} bytes, and "
                f"{MAX_UPLOAD_ROWS} rows). "
                "They appear on every page for this session, marked ★ as yours.")
    t1, t2 = st.columns(2)
    t1.download_button("Template (CSV)", template_csv(), "events_template.csv", "text/csv", key=state.TEMPLATE_CSV)
    t2.download_button("Template (JSON)", template_json(), "events_template.json", "application/json",
                       key=state.TEMPLATE_JSON)
    with st.expander("File schema"):
        st.dataframe(pd.DataFrame(schema_rows()), hide_index=True)
        st.caption("Also read: " + ", ".join(f"{alias} → {field}" for alias, field in ALIASES.items()) + ".")
    upload = st.file_uploader("Events file", type=["csv", "json"], key=state.upload_key(state.UPLOAD_ROUND.get()))
    if upload is None:
        return
    try:
        result = parse_upload(upload.name, upload.getvalue(), {e.id for e in all_events()},
                              state.USER_EVENTS.get())
    except UploadError as exc:
        st.error(md_escape(exc), icon=":material/error:")
        return
    for notice in result.notices:
        st.info(md_escape(notice), icon=":material/info:")
    if result.problems:
        st.warning(f"{len(result.problems)} problem(s); those rows were not loaded. The other rows are fine.")
        st.dataframe(pd.DataFrame([dataclasses.asdict(p) for p in result.problems]), hide_index=True,
                     key=state.UPLOAD_PROBLEMS)
    if result.duplicates:
        _duplicates(result)
    if result.events:
        _upload_preview(result.events)


def _duplicates(result) -> None:
    """Rows repeating one of the session's events or an earlier row: named, and counted once."""
    total = len(result.duplicates) + len(result.events)
    mine = result.in_session
    said = [f"{mine} of the {total} event(s) of this file are already in your session"] if mine else []
    if len(result.duplicates) > mine:
        said.append(f"{len(result.duplicates) - mine} row(s) repeat an earlier row of this file and count once")
    st.info("; ".join(said) + " (same title, date, time and zone)" + (
        ", so there is nothing to add." if not result.events else "; only the others can be added."),
        icon=":material/content_copy:")
    st.dataframe(pd.DataFrame([{"row": f"{new.title} ({new.date})", "repeats": what}
                               for new, what in result.duplicates]), hide_index=True, key=state.UPLOAD_DUPLICATES)


def _upload_preview(events: list) -> None:
    st.dataframe(events_frame(events), hide_index=True, key=state.UPLOAD_PREVIEW)
    if st.button(f"Add {len(events)} event(s) to the session", key=state.UPLOAD_ADD, type="primary"):
        add(events)
        state.UPLOAD_ROUND.set(state.UPLOAD_ROUND.get() + 1)  # a fresh uploader: the file's notices go with it
        st.rerun()


def extract_ui() -> None:
    """Paste or upload an article, review the proposed events, add the accepted ones."""
    st.markdown("Paste another article and its publication date: sentences with a date, a market move or an event "
                "cue become candidate events. Review and edit them, then add the ones you accept. Expressions that "
                "cannot be resolved are listed, never guessed.")
    text = st.text_area(f"Article text (at most {MAX_ARTICLE_CHARS:,} characters)", height=180,
                        key=state.EXTRACT_TEXT)
    text_file = st.file_uploader("…or a .txt file", type=["txt"], key=state.EXTRACT_FILE)
    left, right = st.columns(2)
    published = left.date_input("Publication date", value=dt.date(2025, 3, 6), key=state.EXTRACT_PUBLISHED,
                                min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
    place = right.selectbox("The article's market", list(PLACES), format_func=PLACES.get, key=state.EXTRACT_PLACE,
                            help="Where the report was written from: 'overnight' and undated moves depend on it.")
    if st.button("Propose events", key=state.EXTRACT_RUN):
        _propose(_source_text(text, text_file), published, place)
    extraction = state.EXTRACTION.get()
    if extraction is not None:
        _review_ui(extraction)


def _source_text(text: str, text_file) -> str:
    if text_file is None:
        return text
    try:
        return text_file.getvalue().decode("utf-8")
    except UnicodeDecodeError:
        st.error("The text file is not UTF-8 text.")
        return ""


def _propose(source: str, published: dt.date, place: str) -> None:
    state.EXTRACT_ROWS.pop()
    state.EXTRACT_ROUND.set(state.EXTRACT_ROUND.get() + 1)
    try:
        state.EXTRACTION.set(propose_events(source, published, place=place or None))
    except ValueError as exc:
        st.error(md_escape(exc), icon=":material/error:")
        state.EXTRACTION.pop()
        return
    if source.strip():  # for the claims page, and kept with the workspace
        try:
            articles.keep(articles.new_article(source, published, place))
        except ValueError as exc:
            saving.notice(f"The article is not kept in your workspace: {str(exc).splitlines()[0]}.")


def _review_ui(extraction) -> None:
    candidates = list(extraction.candidates)
    st.caption(f"Read as a {extraction.place} report ({md_escape(extraction.place_rule)}).")
    for notice in extraction.notices:
        st.info(md_escape(notice), icon=":material/info:")
    if extraction.unresolved:
        st.warning(f"**Unresolved ({len(extraction.unresolved)})**, listed rather than guessed:\n\n" + "\n".join(
            f"- “{md_escape(item.expression)}” in “{md_escape(_clipped(item.sentence))}”: {md_escape(item.reason)}"
            for item in extraction.unresolved), icon=":material/help:")
    if not candidates:
        st.info("No candidate events: no sentence of this text has a date, a market move or an event cue.",
                icon=":material/info:")
        return
    st.markdown(f"**{len(candidates)} candidate(s)**")
    rows = state.EXTRACT_ROWS.get()
    for i, row in enumerate(rows or [], start=1):
        if row.get("problem"):
            st.error(f"Row {i} (“{md_escape(row.get('title', ''))}”) was not added: {md_escape(row['problem'])}",
                     icon=":material/event_busy:")
    edited = st.data_editor(
        review_frame(candidates, rows), hide_index=True, key=state.review_key(state.EXTRACT_ROUND.get()),
        num_rows="fixed", disabled=["date expression", "resolves to", "confidence", "sentence", "problem"],
        column_config={"category": st.column_config.SelectboxColumn(options=CATEGORIES, required=True),
                       "date": st.column_config.DateColumn(format="YYYY-MM-DD"),
                       "time": st.column_config.TextColumn(help="optional HH:MM, in the row's time zone"),
                       "tz": st.column_config.TextColumn(help="the zone of the date: Asia/Hong_Kong, America/New_York"),
                       "symbols": st.column_config.TextColumn(
                           help=f"optional, at most {MAX_SYMBOLS}, e.g. 9988.HK BABA"),
                       "problem": st.column_config.TextColumn(help="why a ticked row was not added")})
    st.page_link(nav.page("claims"), label="Check this article's figures on the Claims page",
                 icon=":material/fact_check:")
    if st.button("Add the ticked events", key=state.EXTRACT_ADD, type="primary"):
        _add_reviewed(extraction, candidates, edited)


def _clipped(text: str, width: int = 140) -> str:
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + "…"


def _add_reviewed(extraction, candidates: list, edited: pd.DataFrame) -> None:
    """Add the valid ticked rows; every other row stays on screen, a ticked one with the reason it was not added."""
    events, kept = accept_rows(candidates, edited)
    if events:
        add(events)
    if kept:
        state.EXTRACTION.set(dataclasses.replace(extraction, candidates=tuple(c for c, _ in kept)))
        state.EXTRACT_ROWS.set([row for _, row in kept])
    else:
        state.EXTRACTION.pop()
        state.EXTRACT_ROWS.pop()
    state.EXTRACT_ROUND.set(state.EXTRACT_ROUND.get() + 1)
    st.rerun()


def articles_ui() -> None:
    """The loaded articles of the session (and its workspace), each with "propose events again"."""
    kept = state.LOADED_ARTICLES.get()
    if not kept:
        return
    st.subheader(f"Your articles ({len(kept)})")
    st.caption(f"Kept with your workspace (at most {MAX_WORKSPACE_ARTICLES}); events and figures are computed "
               "again from their text.")
    for i, article in enumerate(kept):
        left, right = st.columns([4, 1], vertical_alignment="center")
        dated = f"{article.published:%d %b %Y}" if article.published else "no date"
        left.markdown(f"**{md_escape(article.title)}** · {dated} · {len(article.text):,} characters")
        if right.button("Propose events", key=state.article_key(i)):
            try:
                state.EXTRACTION.set(propose_events(article.text, article.day, place=article.place or None))
                articles.check_on_claims_page(article)
            except ValueError as exc:
                st.error(md_escape(exc))


def symbols_ui() -> None:
    """Offline: what the snapshot holds and why; live: check and add any Yahoo symbol."""
    available = available_symbols()
    if available is not None:
        st.markdown("**Offline mode**: Yahoo Finance is not used, so only the bundled snapshot's symbols are "
                    "available. Start the app with `DASHBOARD_OFFLINE=0` on a machine with internet access to use "
                    "any Yahoo symbol.")
        meta = store.snapshot_symbols()
        st.dataframe(pd.DataFrame([{"symbol": s, **{k: m[k] for k in ("name", "market", "basis", "first", "last")}}
                                   for s, m in meta.items()]), hide_index=True, key=state.SNAPSHOT_SYMBOLS)
    else:
        raw = st.text_input("Add a symbol", placeholder="e.g. 3690.HK, 700, HK.09618, PDD, 騰訊控股",
                            key=state.NEW_SYMBOL)
        if st.button("Check and add", key=state.ADD_SYMBOL) and raw:
            try:
                typed = read_symbol(raw)
            except InvalidSymbol as exc:
                st.error(md_escape(exc))
            else:
                symbol = typed.symbol
                if typed.note:
                    st.info(md_escape(typed.note), icon=":material/info:")
                with st.status(f"Fetching {symbol} from Yahoo Finance…", expanded=False) as status:
                    got = store.get_prices([symbol], HISTORY_START, dt.date.today())
                    prov = got.provenance[symbol]
                    status.update(label=f"{symbol}: {prov.source}, {prov.rows} sessions", state="complete")
                if prov.rows == 0:
                    st.error(f"No prices for {symbol}: {md_escape(prov.note)}")
                elif symbol not in state.SYMBOLS.get():
                    state.SYMBOLS.set([*state.SYMBOLS.get(), symbol][:MAX_SYMBOLS])
                    st.success(f"{symbol} added to the Markets page ({prov.rows} sessions, {prov.source}).")

