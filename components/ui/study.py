"""The event study's widget blocks: the inputs (event, stock, benchmark, windows) and the results.

The benchmark is always a symbol: its default follows the stock (a Hong Kong stock against the
HSCEI, a US one against the S&P 500) and is resolved before anything is computed or written to
the link; a stock cannot be its own benchmark.
"""

from __future__ import annotations

import streamlit as st

from components.analysis.clusters import group_study
from components.analysis.event_study import EventStudyResult, constituent_note
from components.analysis.study_report import (
    TEST_SENTENCES,
    compare_display,
    group_table,
    one_firm_notes,
    one_firm_table,
    session_table,
    stats_table,
    summary_sentence,
)
from components.charts.study import ar_figure, car_figure
from components.data.events import Event, shown_title
from components.data.prices import PriceResult
from components.data.symbols import KNOWN_SYMBOLS, benchmark_for, symbol_info
from components.facts import ESTIMATION_LIMITS, EVENT_WINDOW_LIMITS, HEADLINE_EVENT
from components.locale import _, ngettext
from components.locale.formats import day, number, signed_percent
from components.text.safe import csv_bytes, md_escape
from components.ui import caches, device, plots, replay, state, tables, updown
from components.ui.labels import shown_as
from components.ui.prices_events import available_symbols


def _on_stock() -> None:
    """A new stock takes its own default benchmark, unless the user had chosen another one."""
    old, new = state.ES_SYMBOL.get(), st.session_state.get(state.ES_SYMBOL.widget)
    if new is None:  # another callback of this round set the stock already: it stands
        return
    if state.ES_BENCHMARK.get() in ("", benchmark_for(old), new):
        state.ES_BENCHMARK.set("")
    state.ES_SYMBOL.set(new)


def benchmark_options(symbol: str, available: list[str]) -> list[str]:
    return [s for s in available if s != symbol and symbol_info(s).can_benchmark]


def resolve_benchmark(symbol: str, options: list[str]) -> str:
    """The benchmark to use, as a symbol: the chosen one, or the stock's default (with a notice when the
    choice cannot be used: the stock itself, or a symbol not available here)."""
    chosen, default = state.ES_BENCHMARK.get(), benchmark_for(symbol) or (options[0] if options else "")
    if chosen == symbol:
        st.warning(_("{symbol} cannot be its own benchmark: the model would explain every move by the stock itself "
                     "(beta 1, no abnormal return). Using {default}, its default benchmark.").format(
            symbol=md_escape(symbol), default=default),
                   icon=":material/warning:")
        chosen = ""
    elif chosen and chosen not in options:
        st.warning(_("{symbol} cannot serve as a benchmark here; using {default}.").format(
            symbol=md_escape(chosen), default=default), icon=":material/warning:")
        chosen = ""
    resolved = chosen or default
    if resolved != state.ES_BENCHMARK.get():
        state.ES_BENCHMARK.set(resolved)
    return resolved


def event_labels(events: list[Event]) -> dict[str, str]:
    """Each event as the choices name it ("6 Mar 2025 · title"), once per events and language."""
    return caches.shared("study event labels", lambda: {e.id: f"{day(e.date)} · {shown_title(e)}" for e in events},
                         events=events)


def study_inputs_ui(events: list[Event]) -> tuple[str, str]:
    """Event, stock, benchmark and both windows; returns (stock, benchmark) as the study will use them."""
    ids = [e.id for e in events]
    if state.EVENT.get() not in ids:
        state.EVENT.set(HEADLINE_EVENT)
    available = sorted(available_symbols() or {*KNOWN_SYMBOLS, state.ES_SYMBOL.get()})
    stocks = [s for s in available if symbol_info(s).studiable]
    if state.ES_SYMBOL.get() not in stocks:
        st.warning(_("{symbol} cannot be studied here (it is not a stock with prices here); showing {shown}.").format(
            symbol=md_escape(state.ES_SYMBOL.get()), shown=stocks[0]))
        state.ES_SYMBOL.set(stocks[0])
    symbol = state.ES_SYMBOL.get()
    options = benchmark_options(symbol, available)
    bench = resolve_benchmark(symbol, options)
    c1, c2, c3 = st.columns([3, 1, 1])
    c1.selectbox(_("Event"), ids, format_func=event_labels(events).get, **state.EVENT.bind())
    c2.selectbox(_("Stock"), stocks, **state.ES_SYMBOL.bind(on_change=_on_stock))
    default = benchmark_for(symbol)
    c3.selectbox(_("Benchmark"), options,
                 format_func=shown_as(options,
                                      lambda b: _("{symbol} (default)").format(symbol=b) if b == default else b),
                 **state.ES_BENCHMARK.bind())
    s1, s2 = st.columns(2)
    s1.slider(_("Estimation window (sessions before day 0)"), *ESTIMATION_LIMITS, **state.ES_ESTIMATION.bind())
    s2.slider(_("Event window (sessions around day 0)"), *EVENT_WINDOW_LIMITS, **state.ES_WINDOW.bind())
    return symbol, bench


def study_results_ui(result: EventStudyResult, event: Event, history: PriceResult, events: list[Event]) -> None:
    """The summary, headline metrics, notes, both charts; the statistics and tables one click away."""
    symbol, bench = result.symbol, result.benchmark
    key = (result.event_id, symbol, bench, result.estimation, result.event_window)
    report = caches.shared("study report", lambda: _report(result), *key, history=history, events=events)
    replay.draw("study summary", lambda: _summary_ui(result, event, report["summary"]), *key,
                caches.data_key(history), caches.events_key(events))
    dark = device.is_dark()
    left, right = st.columns(2)
    with left:
        colours = updown.chosen()
        plots.show(caches.shared("ar figure", lambda: ar_figure(result, dark, colours), *key, dark, colours,
                                 history=history, events=events), state.ES_AR)
    with right:
        plots.show(caches.shared("car figure", lambda: car_figure(result, dark), *key, dark, history=history,
                                 events=events), state.ES_CAR)
    st.caption(_("Bars are solid where p < 0.05; whiskers and the band are 95% intervals. Returns are simple daily "
                 "returns of {symbol}'s closes, {basis}, and of {bench}'s, {bench_basis}.").format(
        symbol=symbol, basis=_(symbol_info(symbol).basis_label), bench=bench,
        bench_basis=_(symbol_info(bench).basis_label)))
    with st.expander(_("How this is computed, and the statistics")):
        st.markdown(_("Market model (MacKinlay 1997): the stock's daily return is regressed on the benchmark's over "
                      "the estimation window (α + β·benchmark); the abnormal return is actual minus expected, and "
                      "its variance includes the estimation error; t tests use L1 − 2 degrees of freedom. Windows "
                      "count the stock's own trading sessions; day 0 is its reaction session."))
        tables.show(report["stats"], hide_index=True, key=state.ES_STATS)
    one_firm_ui(report["one firm"], report["notes"])
    tables.show(report["sessions"], hide_index=True, key=state.ES_TABLE)
    st.download_button(_("Download per-session table (CSV)"), lambda: csv_bytes(result.table),
                       file_name=f"event_study_{symbol}_{event.id}.csv", mime="text/csv", key=state.ES_CSV,
                       on_click="ignore")


def _summary_ui(result: EventStudyResult, event: Event, summary: str) -> None:
    """The study's heading, summary, headline metrics and notes: elements only, drawn once per study and language."""
    symbol, bench = result.symbol, result.benchmark
    st.header(_("{symbol} around “{title}”").format(symbol=symbol, title=md_escape(shown_title(event))))
    st.markdown(summary)
    m1, m2, m3 = st.columns(3)
    quiet = {"delta_color": "off", "delta_arrow": "off"}
    m1.metric(_("Abnormal return, day 0"), signed_percent(result.ar0.value),
              _("p = {p}").format(p=number(result.ar0.p, 3)), **quiet)
    m2.metric(_("Cumulative, sessions {first} to {last}").format(first=f"{result.event_window[0]:+d}",
                                                                 last=f"{result.event_window[1]:+d}"),
              signed_percent(result.car.value), _("p = {p}").format(p=number(result.car.p, 3)), **quiet)
    m3.metric(_("Beta to the benchmark"), number(result.beta), _("R² {r2}").format(r2=number(result.r2)), **quiet)
    note = constituent_note(symbol, bench)
    if note:
        st.info(note, icon=":material/info:")
    if result.warnings:
        with st.expander(ngettext("A note on this study ({count}), such as another event inside the windows",
                                  "Notes on this study ({count}), including other events inside the windows",
                                  len(result.warnings)).format(count=len(result.warnings))):
            for warning in result.warnings:
                st.markdown(f"- {md_escape(warning)}")


def _report(result: EventStudyResult) -> dict:
    """What the results say in words and tables, worked out once per study and language (``caches.shared``)."""
    return {"summary": summary_sentence(result), "stats": stats_table(result), "sessions": session_table(result),
            "one firm": one_firm_table(result), "notes": one_firm_notes(result)}


def one_firm_ui(table, notes: list[str]) -> None:
    """The t-test beside the SQ and rank tests and both intervals, with a sentence where they disagree."""
    st.markdown(_("**One firm, one event: tests that do not assume normal returns.** Daily residuals have fat "
                  "tails, and with a single event the t-test rests on that assumption alone."))
    for note in notes[:-1]:
        st.warning(note, icon=":material/balance:")
    tables.show(table, hide_index=True, key=state.ES_ONE_FIRM,
                column_config={_("day 0: what it saw"): st.column_config.TextColumn(_("day 0: what it saw"),
                                                                                 width="large")})
    st.caption(" ".join([*(_(s) for s in TEST_SENTENCES.values()), notes[-1]]))


def comparison_ui(table, events: list[Event], symbol: str, bench: str, history: PriceResult, windows: tuple) -> None:
    """Every event's study for this stock and benchmark, by title: one row per day 0."""
    st.header(_("Every event for {symbol} against {bench}").format(symbol=symbol, bench=bench))
    st.caption(_("Events that share a day 0 are one row: a single session's move cannot be split between them. "
                 "Moves of this market and the article's claims are sessions, not news, and are listed without a "
                 "study."))
    shown = caches.shared("study comparison", lambda: compare_display(table, {e.id: shown_title(e) for e in events}),
                          symbol, bench, windows, history=history, events=events)
    tables.show(shown, hide_index=True, key=state.ES_COMPARE,
                column_config={_("event"): st.column_config.TextColumn(_("event"), width="large")})
    st.download_button(_("Download comparison (CSV)"), lambda: csv_bytes(table),
                       file_name=f"event_study_{symbol}_all_events.csv", mime="text/csv", key=state.ES_COMPARE_CSV,
                       on_click="ignore")
    group_ui(table, events, symbol, (bench, windows), history)


def default_group(events: list[Event]) -> list[str]:
    """Alibaba's model releases: the group the story is about."""
    return [e.id for e in events if e.category == "model release" and "Alibaba" in e.companies]


def _studied(table, events: list[Event]) -> list[str]:
    """The ids of ``events`` the comparison ``table`` studied, in the events' order."""
    studied = {i for cell in table.loc[table["status"] == "ok", "events"] for i in str(cell).split(", ")}
    return [e.id for e in events if e.id in studied]


def _group(table, ids: tuple[str, ...]) -> tuple:
    """The group's study and its table, or the sentence saying why it cannot run (and no table)."""
    group = group_study(table, set(ids))
    return group, None if isinstance(group, str) else group_table(group)


def group_ui(table, events: list[Event], symbol: str, key: tuple, history: PriceResult) -> None:
    """The average abnormal return of a chosen group of events, clusters counted once, with its caveats; ``key``
    holds what the comparison ``table`` of ``symbol`` depends on besides the prices and events."""
    st.header(_("A group of events"))
    options = caches.shared("study group options", lambda: _studied(table, events), symbol, *key, history=history,
                            events=events)
    chosen = state.ES_GROUP.get()
    kept = [i for i in (default_group(events) if chosen is None else chosen) if i in options]
    if kept != chosen:  # first visit, or events no longer studied here (another stock, fewer user events)
        state.ES_GROUP.set(kept)
    st.multiselect(_("Events to average for {symbol} (Alibaba's model releases to begin with)").format(symbol=symbol),
                   options, format_func=event_labels(events).get, **state.ES_GROUP.bind())
    ids = tuple(sorted(state.ES_GROUP.get()))
    group, shown = caches.shared("study group", lambda: _group(table, ids), symbol, *key, ids, history=history,
                                 events=events)
    if isinstance(group, str):
        st.info(group, icon=":material/info:")
        return
    tables.show(shown, hide_index=True, key=state.ES_GROUP_TABLE,
                column_config={_("statistic"): st.column_config.TextColumn(_("statistic"), width="large")})
    for caveat in group.caveats():
        st.caption(caveat)
