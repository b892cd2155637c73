"""Streamlit glue shared by every page: session state, the URL, the date range and data banners.

Canonical state lives in plain session-state keys (see ``urlstate.DEFAULTS``); widgets use their
own ``w_*`` keys and copy into the canonical keys in callbacks, so values survive page switches.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import runpy
import threading
from pathlib import Path

import pandas as pd
import streamlit as st

from components import market_data, ranges, urlstate
from components.events import Event, bundled_events
from components.prices import SOURCE_DISK, SOURCE_LIVE, SOURCE_NONE, SOURCE_SNAPSHOT, PriceResult
from components.text import md_escape

USER_EVENTS = "user_events"
APP_FILE = Path(__file__).resolve().parent.parent / "app.py"
_frame = threading.local()


# --- data span and events -------------------------------------------------------------------------

def data_span() -> tuple[dt.date, dt.date]:
    """First and last date any source can serve: the snapshot offline, up to today when live."""
    symbols = market_data.snapshot_symbols()
    first = min((dt.date.fromisoformat(m["first"]) for m in symbols.values()), default=market_data.HISTORY_START)
    last = max((dt.date.fromisoformat(m["last"]) for m in symbols.values()), default=dt.date.today())
    if not market_data.is_offline():
        first, last = min(first, market_data.HISTORY_START), dt.date.today()
    return first, last


def available_symbols() -> frozenset[str] | None:
    """Symbols that can be served: the snapshot's offline, any valid Yahoo symbol when live (None)."""
    return frozenset(market_data.snapshot_symbols()) if market_data.is_offline() else None


def all_events() -> list[Event]:
    """The article's events plus the user's, in time order."""
    user = st.session_state.get(USER_EVENTS, [])
    return sorted([*bundled_events(), *user], key=lambda e: e.sort_key)


def selected_event() -> Event | None:
    eid = st.session_state.get("event")
    return next((e for e in all_events() if e.id == eid), None)


# --- state and URL --------------------------------------------------------------------------------

def init_state() -> None:
    for key, value in urlstate.DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = copy.deepcopy(value)
    if st.session_state["range_start"] is None:
        _apply_preset(st.session_state["range_preset"], st.session_state["range_anchor"])


def _apply_preset(preset: str, anchor: str) -> None:
    start, end = ranges.preset_range(preset, anchor, *data_span())
    st.session_state.update(range_preset=preset, range_anchor=anchor, range_start=start, range_end=end,
                            w_range_dates=(start, end), _range_msg="")


def sync_from_url() -> None:
    """Apply URL parameters when they differ from what the app last wrote (a link was opened)."""
    current = st.query_params.to_dict()
    if not current or current == st.session_state.get("_url_written"):
        return
    ctx = urlstate.Context(frozenset(e.id for e in all_events()), available_symbols())
    updates, notices = urlstate.parse_params(current, ctx)
    preset = updates.pop("range_preset", None)
    anchor = updates.pop("range_anchor", st.session_state["range_anchor"])
    start, end = updates.pop("range_start", None), updates.pop("range_end", None)
    if preset and preset != ranges.CUSTOM:
        _apply_preset(preset, anchor)
    elif start is not None or end is not None:
        problem = ranges.check_range(start, end, *data_span())
        if problem:
            notices.append(f"Ignored the link's date range: {problem}")
        else:
            st.session_state.update(range_preset=ranges.CUSTOM, range_start=start, range_end=end,
                                    w_range_dates=(start, end))
    st.session_state.update(updates)
    for key in updates:
        st.session_state.pop(f"w_{key}", None)  # widgets re-read the canonical value
    st.session_state["_url_notices"] = notices


def write_url(page: str) -> None:
    params = urlstate.to_params(st.session_state, page)
    if params != st.query_params.to_dict():
        st.query_params.from_dict(params)
    st.session_state["_url_written"] = params


def show_url_notices() -> None:
    for notice in st.session_state.pop("_url_notices", []):
        st.warning(md_escape(notice), icon=":material/link_off:")


# --- the shared date range ------------------------------------------------------------------------

def _on_preset() -> None:
    preset = st.session_state.get("w_range_preset")
    if preset and preset != ranges.CUSTOM:
        _apply_preset(preset, st.session_state["range_anchor"])


def _on_anchor() -> None:
    anchor = st.session_state.get("w_range_anchor") or st.session_state["range_anchor"]
    st.session_state["range_anchor"] = anchor
    if st.session_state["range_preset"] not in (ranges.CUSTOM, "week", "All"):
        _apply_preset(st.session_state["range_preset"], anchor)


def _on_dates() -> None:
    value = st.session_state.get("w_range_dates") or ()
    start, end = (tuple(value) + (None, None))[:2]
    problem = ranges.check_range(start, end, *data_span())
    st.session_state["_range_msg"] = problem or ""
    if not problem:
        st.session_state.update(range_preset=ranges.CUSTOM, range_start=start, range_end=end)


def range_ui() -> tuple[dt.date, dt.date]:
    """Sidebar controls for the app-wide date range; returns the current (last good) range."""
    ss = st.session_state
    first, last = data_span()
    ss["w_range_preset"] = ss["range_preset"]
    ss["w_range_anchor"] = ss["range_anchor"]
    ss.setdefault("w_range_dates", (ss["range_start"], ss["range_end"]))
    options = [*ranges.PRESETS, ranges.CUSTOM]
    st.segmented_control("Date range", options, key="w_range_preset", required=True, on_change=_on_preset,
                         format_func=lambda p: ranges.PRESETS.get(p, "Custom"))
    st.date_input("From – to", key="w_range_dates", on_change=_on_dates, format="YYYY-MM-DD",
                  min_value=ranges.DATE_MIN, max_value=ranges.DATE_MAX)
    if ss.get("_range_msg"):
        st.warning(ss["_range_msg"], icon=":material/date_range:")
    st.radio("Presets count back from", list(ranges.ANCHORS), key="w_range_anchor", on_change=_on_anchor,
             format_func=lambda a: ranges.ANCHORS[a], horizontal=False)
    st.caption(ranges.describe(ss["range_preset"], ss["range_anchor"], ss["range_start"], ss["range_end"])
               + f". Data: {first:%d %b %Y} – {last:%d %b %Y}.")
    return ss["range_start"], ss["range_end"]


def current_range() -> tuple[dt.date, dt.date]:
    return st.session_state["range_start"], st.session_state["range_end"]


# --- prices with a banner -------------------------------------------------------------------------


def full_history(symbols: list[str]) -> PriceResult:
    """Every date of the symbols (for reaction sessions and windows that reach past the chart)."""
    first, last = data_span()
    return market_data.get_prices(symbols, first, last)


def provenance_banner(result: PriceResult) -> None:
    """One banner saying where the prices came from, naming fallback symbols and the as-of date."""
    snap = result.symbols_from(SOURCE_SNAPSHOT)
    none = {s: p for s, p in result.provenance.items() if p.source == SOURCE_NONE}
    as_of = f"{result.snapshot_as_of:%d %b %Y}" if result.snapshot_as_of else "unknown"
    if snap and result.offline:
        st.info(f"Offline mode: prices for {', '.join(snap)} come from the bundled snapshot of Yahoo Finance "
                f"daily bars (as of {as_of}).", icon=":material/cloud_off:")
    elif snap:
        st.warning(f"Live prices unavailable for {', '.join(snap)} ({result.live_failure}). Showing the bundled "
                   f"snapshot as of {as_of} for them.", icon=":material/cloud_off:")
        if st.button("Retry live data", key="retry_live"):
            market_data.clear_caches()
            st.rerun()
    stale = [s for s, p in result.provenance.items() if p.stale]
    if stale:
        copies = ", ".join(f"{s} (fetched {result.provenance[s].fetched})" for s in stale)
        st.warning(f"Live prices unavailable for {', '.join(stale)} ({result.live_failure}). Showing the last copy "
                   f"fetched from Yahoo Finance, which may be out of date: {copies}.", icon=":material/history:")
    live = [s for s in result.symbols_from(SOURCE_LIVE, SOURCE_DISK) if s not in stale]
    if live:
        st.caption(f"Live Yahoo Finance data for {', '.join(live)}.")
    for symbol, prov in none.items():
        st.error(f"No prices for {symbol}: {prov.note}", icon=":material/error:")


def provenance_table(result: PriceResult) -> pd.DataFrame:
    return pd.DataFrame([
        {"symbol": p.symbol, "source": p.source, "price basis": p.basis_label, "first": p.first,
         "last": p.last, "sessions": p.rows, "note": p.note}
        for p in result.provenance.values()
    ])


# --- page widgets bound to canonical state --------------------------------------------------------

def widget_key(name: str) -> str:
    """The widget key for canonical state ``name``, seeded from it when the widget is new."""
    wkey = f"w_{name}"
    if wkey not in st.session_state:
        st.session_state[wkey] = copy.deepcopy(st.session_state[name])
    return wkey


def copy_back(name: str) -> None:
    """on_change callback: copy the widget's value into the canonical state."""
    st.session_state[name] = copy.deepcopy(st.session_state[f"w_{name}"])


def bound(name: str) -> dict:
    """Keyword arguments that bind a widget to canonical state ``name``."""
    return {"key": widget_key(name), "on_change": copy_back, "args": (name,)}


def picked_event(chart_state, key: str) -> str | None:
    """The event id of a new click on a chart (customdata[0] of the first point), else None.

    A selection stays in the chart's state across reruns; only one that differs from the last
    handled pick counts, so prev/next buttons are not undone by a stale selection.
    """
    try:
        points = chart_state["selection"]["points"]
    except (KeyError, TypeError):
        points = []
    ids = [p["customdata"][0] for p in points if isinstance(p, dict) and isinstance(p.get("customdata"), list)
           and p["customdata"]]
    pick = ids[0] if ids else None
    last_key = f"_last_pick_{key}"
    if pick == st.session_state.get(last_key):
        return None
    st.session_state[last_key] = pick
    return pick


@contextlib.contextmanager
def router_frame():
    """Marks, for this script thread, that app.py is running the current page."""
    _frame.active = True
    try:
        yield
    finally:
        _frame.active = False


def require_router() -> None:
    """Make sure the page runs inside app.py's frame (state, sidebar range, URL sync).

    Because ``pages/`` exists, Streamlit runs some requests in its legacy multipage mode, which
    executes a page file on its own: a freshly started server's first request to a deep link, and
    every AppTest run after ``switch_page``. Then run app.py instead, whose ``st.navigation``
    serves the same page inside the frame, and stop this outer run.
    """
    if getattr(_frame, "active", False):
        return
    runpy.run_path(str(APP_FILE), run_name="__main__")
    st.stop()
