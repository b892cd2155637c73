"""The widgets of the 'Your events & symbols' page: upload, extraction review and symbol checks.

Streamlit UI helpers (the *_ui convention): each draws one section and keeps its results in the
session state; the parsing and validation they call live in pure modules.
"""

import dataclasses
import datetime as dt

import pandas as pd
import streamlit as st

from components.data import store
from components.data.events import CATEGORIES, category_name, events_frame, usable_events
from components.data.symbols import BASIS_SHORT, InvalidSymbol, display_name, read_symbol
from components.facts import (
    HISTORY_START,
    MAX_ARTICLE_CHARS,
    MAX_SYMBOLS,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_ROWS,
    MAX_WORKSPACE_ARTICLES,
)
from components.locale import N_, _, current, ngettext
from components.locale.formats import day
from components.text.claim_reader import PLACES
from components.text.extraction import propose_events
from components.text.safe import md_escape
from components.text.upload_schema import ALIASES, schema_rows, template_csv, template_json
from components.text.uploads import UploadError, parse_upload
from components.text.user_events import accept_rows, merge, review_frame
from components.ui import articles, caches, errors, saving, state, tables
from components.ui import navigation as nav
from components.ui.labels import shown_as
from components.ui.prices_events import all_events, available_symbols


def add(events: list) -> None:
    """Add events to the session's own events, with unique ids, and queue a confirmation."""
    result = merge(state.USER_EVENTS.get(), events, {e.id for e in usable_events()})
    state.USER_EVENTS.set(result.events)
    added = (ngettext("Added {count} event to your events.", "Added {count} events to your events.", result.added)
             .format(count=result.added) if result.added == len(events)
             else ngettext("Added {count} of {total} event to your events.",
                           "Added {count} of {total} events to your events.", len(events))
             .format(count=result.added, total=len(events)))
    state.ADD_NOTICES.set([added, *result.notices])


def upload_ui() -> None:
    """Templates, schema, the file uploader, per-row problems and the add button."""
    st.markdown(_("Upload a CSV or JSON file of events (at most 1 MB, {bytes} bytes, and {rows} rows). They "
                  "appear on every page, marked ★ as yours, until you close this tab; save your workspace to keep "
                  "them.").format(bytes=f"{MAX_UPLOAD_BYTES:,}", rows=MAX_UPLOAD_ROWS))
    t1, t2 = st.columns(2)
    t1.download_button(_("Template (CSV)"), template_csv(), "events_template.csv", "text/csv", key=state.TEMPLATE_CSV)
    t2.download_button(_("Template (JSON)"), template_json(), "events_template.json", "application/json",
                       key=state.TEMPLATE_JSON)
    with st.expander(_("The file's columns")):
        tables.show(caches.shared("upload schema", lambda: pd.DataFrame(schema_rows())), hide_index=True,
                    # the fields and examples are the file's own
                    column_config={"field": _("field"), "required": _("required"), "format": _("format"),
                                   "example": _("example")})
        st.caption(_("Other column names understood: {aliases}.").format(
            aliases=", ".join(f"{alias} → {field}" for alias, field in ALIASES.items())))
    upload = st.file_uploader(_("Events file"), type=["csv", "json"], key=state.upload_key(state.UPLOAD_ROUND.get()))
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
        st.warning(ngettext("{count} problem; its row was not loaded. The other rows are fine.",
                            "{count} problems; those rows were not loaded. The other rows are fine.",
                            len(result.problems)).format(count=len(result.problems)))
        st.dataframe(pd.DataFrame([dataclasses.asdict(p) for p in result.problems]), hide_index=True,
                     key=state.UPLOAD_PROBLEMS, column_config={"row": _("row"), "line": _("line"),
                                                               "field": _("field"), "reason": _("reason")})
    if result.duplicates:
        _duplicates(result)
    if result.events:
        _upload_preview(result.events)


def _duplicates(result) -> None:
    """Rows repeating one of the session's events or an earlier row: named, and counted once."""
    total = len(result.duplicates) + len(result.events)
    mine = result.in_session
    repeats = len(result.duplicates) - mine
    said = [ngettext("{count} of the {total} event of this file is already among your events",
                     "{count} of the {total} events of this file are already among your events", total)
            .format(count=mine, total=total)] if mine else []
    if repeats:
        said.append(ngettext("{count} row repeats an earlier row of this file and counts once",
                             "{count} rows repeat an earlier row of this file and count once", repeats)
                    .format(count=repeats))
    st.info((_("{repeats} (same title, date, time and zone), so there is nothing to add.") if not result.events
             else _("{repeats} (same title, date, time and zone); only the others can be added.")).format(
        repeats="; ".join(said)), icon=":material/content_copy:")
    st.dataframe(pd.DataFrame([{_("row"): f"{new.title} ({day(new.date)})", _("repeats"): what}
                               for new, what in result.duplicates]), hide_index=True, key=state.UPLOAD_DUPLICATES)


# events_frame's columns (the keys code reads) -> their headers where a table shows them
EVENT_HEADERS = {"id": N_("id"), "title": N_("title"), "date": N_("date"), "time": N_("time"), "tz": N_("time zone"),
                 "category": N_("category"), "origin": N_("origin"), "in_article": N_("in the article"),
                 "symbols": N_("symbols")}
ORIGINS = {"article": N_("the article"), "context": N_("context"), "user": N_("your event")}


def events_table(events: list) -> pd.DataFrame:
    """Events as a table shows them: headers and categories in the run's language, titles as written."""
    frame = events_frame(events)
    frame["category"] = frame["category"].map(category_name)
    frame["origin"] = [_(ORIGINS[o]) if o in ORIGINS else o for o in frame["origin"]]
    return frame.rename(columns={key: _(header) for key, header in EVENT_HEADERS.items()})


def _upload_preview(events: list) -> None:
    st.dataframe(events_table(events), hide_index=True, key=state.UPLOAD_PREVIEW)
    if st.button(ngettext("Add {count} event", "Add {count} events", len(events)).format(count=len(events)),
                 key=state.UPLOAD_ADD, type="primary"):
        add(events)
        state.UPLOAD_ROUND.set(state.UPLOAD_ROUND.get() + 1)  # a fresh uploader: the file's notices go with it
        st.rerun()


@st.fragment
@errors.guard("article extraction")
def extract_ui() -> None:
    """Paste or upload an article, review the proposed events, add the accepted ones. A change here (the text, date,
    market, a review edit) reruns only this part; keeping the article or adding events reruns the page."""
    st.markdown(_("Paste another article and its publication date: sentences with a date, a market move or an "
                  "event cue become proposed events. Review and edit them, then add the ones you accept. Dates "
                  "that cannot be worked out are listed, never guessed."))
    text = st.text_area(_("Article text (at most {limit} characters)").format(limit=f"{MAX_ARTICLE_CHARS:,}"),
                        height=180, key=state.EXTRACT_TEXT)
    text_file = st.file_uploader(_("…or a .txt file"), type=["txt"], key=state.EXTRACT_FILE)
    left, right = st.columns(2)
    published = left.date_input(_("Publication date"), value=dt.date(2025, 3, 6), key=state.EXTRACT_PUBLISHED,
                                min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
    place = right.selectbox(_("The article's market"), list(PLACES),
                            format_func=shown_as(PLACES, lambda p: _(PLACES[p])),
                            key=state.EXTRACT_PLACE,
                            help=_("Where the report was written from: 'overnight' and undated moves depend on it."))
    if st.button(_("Propose events"), key=state.EXTRACT_RUN):
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
        st.error(_("The file is not plain text in UTF-8; save it as UTF-8 text, or paste the article instead."))
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
    if source.strip():  # for the claims page, and kept with the workspace: the page's articles and links change
        try:
            articles.keep(articles.new_article(source, published, place))
        except ValueError as exc:
            saving.notice(_("The article is not kept in your workspace: {why}.").format(why=str(exc).splitlines()[0]))
        st.rerun(scope="app")


def _review_ui(extraction) -> None:
    candidates = list(extraction.candidates)
    st.caption(_("Read as a {place} report ({why}).").format(place=_(extraction.place),
                                                             why=md_escape(extraction.place_rule)))
    for notice in extraction.notices:
        st.info(md_escape(notice), icon=":material/info:")
    if extraction.unresolved:
        st.warning(_("**Dates not worked out ({count})**, listed rather than guessed:\n\n{items}").format(
            count=len(extraction.unresolved), items="\n".join(
                (_("- “{expression}” in “{sentence}”: {why}") if item.expression != item.sentence else
                 _("- “{sentence}”: {why}")).format(  # a part that is the event itself: said once
                    expression=md_escape(item.expression), sentence=md_escape(_clipped(item.sentence)),
                    why=md_escape(item.reason)) for item in extraction.unresolved)), icon=":material/help:")
    if not candidates:
        st.info(_("No events to propose: no sentence of this text has a date, a market move or an event cue."),
                icon=":material/info:")
        return
    st.markdown(ngettext("**{count} proposed event**", "**{count} proposed events**", len(candidates))
                .format(count=len(candidates)))
    rows = state.EXTRACT_ROWS.get()
    for i, row in enumerate(rows or [], start=1):
        if row.get("problem"):
            st.error(_("Row {row} (“{title}”) was not added: {why}").format(
                row=i, title=md_escape(row.get("title", "")), why=md_escape(row["problem"])),
                icon=":material/event_busy:")
    edited = st.data_editor(
        review_frame(candidates, rows), hide_index=True, key=state.review_key(state.EXTRACT_ROUND.get()),
        num_rows="fixed", disabled=["date expression", "resolves to", "confidence", "sentence", "problem"],
        column_config={"category": st.column_config.SelectboxColumn(options=CATEGORIES, required=True),
                       "date": st.column_config.DateColumn(format="YYYY-MM-DD"),
                       "time": st.column_config.TextColumn(help=_("optional HH:MM, in the row's time zone")),
                       "tz": st.column_config.TextColumn(
                           help=_("the time zone of the date and time: Asia/Hong_Kong, America/New_York")),
                       "symbols": st.column_config.TextColumn(
                           help=_("optional, at most {limit}, e.g. 9988.HK BABA").format(limit=MAX_SYMBOLS)),
                       "problem": st.column_config.TextColumn(help=_("why a ticked row was not added"))})
    st.page_link(nav.page("claims"), label=_("Check this article's figures on the Claims page"),
                 icon=":material/fact_check:")
    if st.button(_("Add the ticked events"), key=state.EXTRACT_ADD, type="primary"):
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
    st.header(_("Your articles ({count})").format(count=len(kept)))
    st.caption(_("Kept with your workspace (at most {limit}); their events and figures are worked out again from "
                 "their text.").format(limit=MAX_WORKSPACE_ARTICLES))
    for i, article in enumerate(kept):
        left, right = st.columns([4, 1], vertical_alignment="center")
        dated = day(article.published) if article.published else _("no date")
        left.markdown(_("**{title}** · {day} · {count} characters").format(
            title=md_escape(article.title), day=dated, count=f"{len(article.text):,}"))
        if right.button(_("Propose events"), key=state.article_key(i)):
            try:
                state.EXTRACTION.set(propose_events(article.text, article.day, place=article.place or None))
                articles.check_on_claims_page(article)
            except ValueError as exc:
                st.error(md_escape(exc))


def _snapshot_table() -> pd.DataFrame:
    """The saved prices' symbols: name, market, basis and span (``store.snapshot_symbols``), in the run's language."""
    return pd.DataFrame([{"symbol": s, "name": display_name(s, current()), "market": m["market"],
                          "basis": _(BASIS_SHORT[m["basis"]]) if m["basis"] in BASIS_SHORT else m["basis"],
                          "first": m["first"], "last": m["last"]} for s, m in store.snapshot_symbols().items()])


def symbols_ui() -> None:
    """Offline: what the snapshot holds and why; live: check and add any Yahoo symbol."""
    available = available_symbols()
    if available is not None:
        st.markdown(_("The prices here are Yahoo Finance daily bars saved with the app, for the symbols below; "
                      "other symbols cannot be added."))
        tables.show(caches.shared("snapshot symbols", _snapshot_table, store.data_version()), hide_index=True,
                    key=state.SNAPSHOT_SYMBOLS,
                    column_config={"symbol": _("symbol"), "name": _("name"), "market": _("market"),
                                   "basis": _("basis"), "first": _("first day"), "last": _("last day")})
    else:
        raw = st.text_input(_("Add a symbol"), placeholder=_("e.g. {examples}").format(
            examples="3690.HK, 700, HK.09618, PDD, 騰訊控股"), key=state.NEW_SYMBOL)
        if st.button(_("Check and add"), key=state.ADD_SYMBOL) and raw:
            try:
                typed = read_symbol(raw)
            except InvalidSymbol as exc:
                st.error(md_escape(exc))
            else:
                symbol = typed.symbol
                if typed.note:
                    st.info(md_escape(typed.note), icon=":material/info:")
                with st.status(_("Fetching {symbol} from Yahoo Finance…").format(symbol=symbol),
                               expanded=False) as status:
                    got = store.get_prices([symbol], HISTORY_START, dt.date.today())
                    prov = got.provenance[symbol]
                    status.update(label=ngettext("{symbol}: {source}, {count} session",
                                                 "{symbol}: {source}, {count} sessions", prov.rows).format(
                        symbol=symbol, source=prov.source, count=prov.rows), state="complete")
                if prov.rows == 0:
                    st.error(_("No prices for {symbol}: {why}").format(symbol=symbol, why=md_escape(prov.note)))
                elif symbol not in state.SYMBOLS.get():
                    state.SYMBOLS.set([*state.SYMBOLS.get(), symbol][:MAX_SYMBOLS])
                    st.success(ngettext("{symbol} added to the Markets page ({count} session, {source}).",
                                        "{symbol} added to the Markets page ({count} sessions, {source}).",
                                        prov.rows).format(symbol=symbol, count=prov.rows, source=prov.source))

