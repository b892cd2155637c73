"""The widgets of the 'Your events & symbols' page: upload, extraction review and symbol checks.

Streamlit UI helpers (the *_ui convention): each draws one section and keeps its results in the
session state; the parsing and validation they call live in pure modules.
"""

import dataclasses
import datetime as dt
import hashlib

import pandas as pd
import streamlit as st

from components.data import store
from components.data.events import CATEGORIES, bundled_events, events_frame
from components.data.symbols import InvalidSymbol, normalise_symbol
from components.facts import HISTORY_START, MAX_ARTICLE_CHARS, MAX_SYMBOLS, MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS
from components.text.extraction import propose_events
from components.text.safe import md_escape
from components.text.upload_schema import SCHEMA, template_csv, template_json
from components.text.uploads import UploadError, parse_upload
from components.text.user_events import accept, merge, review_frame
from components.ui import state
from components.ui.data import all_events, available_symbols
from components.ui.workspace import remember_article


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
        st.dataframe(pd.DataFrame([dataclasses.asdict(f) for f in SCHEMA]), hide_index=True)
    upload = st.file_uploader("Events file", type=["csv", "json"], key=state.UPLOAD)
    if upload is not None:
        data = upload.getvalue()
        try:
            result = parse_upload(upload.name, data, {e.id for e in all_events()})
        except UploadError as exc:
            st.error(md_escape(exc), icon=":material/error:")
            result = None
        if result is not None:
            for notice in result.notices:
                st.info(md_escape(notice), icon=":material/info:")
            if result.problems:
                st.warning(f"{len(result.problems)} problem(s); those rows were not loaded. The other rows are fine.")
                st.dataframe(pd.DataFrame([dataclasses.asdict(p) for p in result.problems]), hide_index=True,
                             key=state.UPLOAD_PROBLEMS)
            if result.events:
                st.dataframe(events_frame(result.events), hide_index=True, key=state.UPLOAD_PREVIEW)
                digest = hashlib.sha256(data).hexdigest()
                if digest in state.ADDED_FILES.get():
                    st.caption("This file's events are already in your session.")
                elif st.button(f"Add {len(result.events)} event(s) to the session", key=state.UPLOAD_ADD,
                               type="primary"):
                    state.ADDED_FILES.get().add(digest)
                    add(result.events)
                    st.rerun()


def extract_ui() -> None:
    """Paste or upload an article, review the proposed events, add the accepted ones."""
    st.markdown("Paste another article and its publication date: sentences with a date expression or an event cue "
                "become candidate events. Review and edit them, then add the ones you accept. Expressions that "
                "cannot be resolved are listed, never guessed.")
    text = st.text_area(f"Article text (at most {MAX_ARTICLE_CHARS:,} characters)", height=180,
                        key=state.EXTRACT_TEXT)
    text_file = st.file_uploader("…or a .txt file", type=["txt"], key=state.EXTRACT_FILE)
    published = st.date_input("Publication date", value=dt.date(2025, 3, 6), key=state.EXTRACT_PUBLISHED)
    if st.button("Propose events", key=state.EXTRACT_RUN):
        source = text
        if text_file is not None:
            try:
                source = text_file.getvalue().decode("utf-8")
            except UnicodeDecodeError:
                st.error("The text file is not UTF-8 text.")
                source = ""
        try:
            state.EXTRACTION.set(propose_events(source, published))
            remember_article(source, published)  # kept with the workspace (its text, for claims later)
        except ValueError as exc:
            st.error(md_escape(exc), icon=":material/error:")
            state.EXTRACTION.pop()
    extraction = state.EXTRACTION.get()
    if extraction is not None:
        candidates = list(extraction.candidates)
        st.markdown(f"**{len(candidates)} candidate(s)**")
        edited = st.data_editor(
            review_frame(candidates), hide_index=True, key=state.EXTRACT_REVIEW, num_rows="fixed",
            disabled=["date expression", "resolves to", "confidence", "sentence"],
            column_config={"category": st.column_config.SelectboxColumn(options=CATEGORIES, required=True),
                           "date": st.column_config.DateColumn(format="YYYY-MM-DD"),
                           "time": st.column_config.TextColumn(help="optional HH:MM, Hong Kong time"),
                           "symbols": st.column_config.TextColumn(help="optional, e.g. 9988.HK BABA")})
        for item in extraction.unresolved:
            st.warning(f"Unresolved: “{md_escape(item.expression)}” in “{md_escape(item.sentence[:160])}”: "
                       f"{md_escape(item.reason)}", icon=":material/help:")
        if candidates and st.button("Add the ticked events", key=state.EXTRACT_ADD, type="primary"):
            events, problems = accept(candidates, edited)
            for problem in problems:
                st.error(md_escape(problem))
            if events:
                add(events)
                state.EXTRACTION.pop()
                st.rerun()


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
        raw = st.text_input("Add a Yahoo symbol", placeholder="e.g. 3690.HK, PDD, ^HSTECH", key=state.NEW_SYMBOL)
        if st.button("Check and add", key=state.ADD_SYMBOL) and raw:
            try:
                symbol = normalise_symbol(raw)
            except InvalidSymbol as exc:
                st.error(md_escape(exc))
            else:
                with st.status(f"Fetching {symbol} from Yahoo Finance…", expanded=False) as status:
                    got = store.get_prices([symbol], HISTORY_START, dt.date.today())
                    prov = got.provenance[symbol]
                    status.update(label=f"{symbol}: {prov.source}, {prov.rows} sessions", state="complete")
                if prov.rows == 0:
                    st.error(f"No prices for {symbol}: {md_escape(prov.note)}")
                elif symbol not in state.SYMBOLS.get():
                    state.SYMBOLS.set([*state.SYMBOLS.get(), symbol][:MAX_SYMBOLS])
                    st.success(f"{symbol} added to the Markets page ({prov.rows} sessions, {prov.source}).")

