"""Where the prices came from, said once per page: a banner naming fallbacks, and the sources table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data import calendars, store
from components.data.prices import SOURCE_DISK, SOURCE_LIVE, SOURCE_NONE, SOURCE_SNAPSHOT, PriceResult, provenance_rows
from components.data.symbols import symbol_info
from components.ui import state


def provenance_banner(result: PriceResult) -> None:
    """One banner saying where the prices came from, naming fallback symbols and the as-of date."""
    snap = result.symbols_from(SOURCE_SNAPSHOT)
    none = {s: p for s, p in result.provenance.items() if p.source == SOURCE_NONE}
    as_of = f"{result.snapshot_as_of:%d %b %Y}" if result.snapshot_as_of else "unknown"
    if snap and result.offline:
        st.info(f"Offline mode: prices for {', '.join(snap)} come from the bundled snapshot of Yahoo Finance "
                f"daily bars (as of {as_of}).", icon=":material/cloud_off:")
    elif snap:
        waited = f" after waiting {result.waited:.0f} s" if result.waited >= 1 else ""
        st.warning(f"Live prices unavailable for {', '.join(snap)} ({result.live_failure}). Showing the bundled "
                   f"snapshot as of {as_of} for them{waited}.", icon=":material/cloud_off:")
        failed = [s for s, p in result.provenance.items() if p.source in (SOURCE_SNAPSHOT, SOURCE_NONE) or p.stale]
        if st.button("Retry live data", key=state.RETRY_LIVE,
                     help="Asks Yahoo again for these symbols only; nothing else is reloaded."):
            if store.retry(failed):
                st.rerun()
            st.caption("Yahoo Finance is being asked again for these symbols already; the page shows them "
                       "once it answers.")
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
    """Per symbol: where its prices come from, their bases and span, and how they agree with its exchange."""
    dates = {s: pd.DatetimeIndex(g["date"]) for s, g in result.frame.groupby("symbol", sort=False)}
    return pd.DataFrame([{**row, "calendar check": calendar_check(row["symbol"], dates.get(row["symbol"]))}
                         for row in provenance_rows(result)])


def calendar_check(symbol: str, dates: pd.DatetimeIndex | None) -> str:
    """'every XHKG session has a bar', the gaps and stray bars, or why there is nothing to check."""
    check = calendars.reconcile(symbol, symbol_info(symbol).market.code, dates) if dates is not None else None
    if check is None:
        return "no exchange calendar (its bars are its sessions)" if dates is not None else "no prices"
    closed = "; ".join(f"closed {d:%d %b %Y} ({why})" for d, why in check.closures)
    text = " ".join(check.sentences()) or f"every {check.code} session has a bar"
    return f"{text}; {closed}" if closed else text
