"""Where the prices came from, said once per page: a banner naming fallbacks, and the sources table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data import calendars, prices, store
from components.data.prices import SOURCE_DISK, SOURCE_LIVE, SOURCE_NONE, SOURCE_SNAPSHOT, PriceResult, provenance_rows
from components.data.symbols import symbol_info
from components.locale import _, ngettext
from components.locale.formats import day, utc_time
from components.ui import state


def provenance_banner(result: PriceResult, named_by_article: bool = False) -> None:
    """One banner saying where the prices came from, naming fallback symbols and the as-of date.

    Symbols without prices are said once per reason. When an article named them (``named_by_article``) that is no
    fault of the reader's: a calm note that their figures stay unchecked, not an error."""
    snap = result.symbols_from(SOURCE_SNAPSHOT)
    none = {s: p for s, p in result.provenance.items() if p.source == SOURCE_NONE}
    as_of = day(result.snapshot_as_of)
    if snap and result.offline:
        st.info(_("Prices for {symbols} are Yahoo Finance daily bars saved with the app, up to {as_of}; "
                  "they are not updated while you watch.").format(symbols=", ".join(snap), as_of=as_of),
                icon=":material/cloud_off:")
    elif snap:
        waited = _(" (after waiting {seconds} s)").format(seconds=f"{result.waited:.0f}") if result.waited >= 1 else ""
        st.warning(_("Live prices are unavailable for {symbols} ({why}){waited}. Showing the daily bars saved with "
                     "the app, up to {as_of}.").format(symbols=", ".join(snap), why=result.live_failure,
                                                         waited=waited, as_of=as_of), icon=":material/cloud_off:")
        failed = [s for s, p in result.provenance.items() if p.source in (SOURCE_SNAPSHOT, SOURCE_NONE) or p.stale]
        if st.button(_("Retry live prices"), key=state.RETRY_LIVE,
                     help=_("Asks Yahoo Finance again for these symbols only.")):
            if store.retry(failed):
                st.rerun()
            st.caption(_("Yahoo Finance is already being asked again for these symbols; the page shows their "
                         "prices once it answers."))
    stale = [s for s, p in result.provenance.items() if p.stale]
    if stale:
        copies = ", ".join(_("{symbol} (fetched {when})").format(symbol=s, when=utc_time(result.provenance[s].fetched))
                           for s in stale)
        st.warning(_("Live prices are unavailable for {symbols} ({why}). Showing the last prices fetched from Yahoo "
                     "Finance, which may be out of date: {copies}.").format(
            symbols=", ".join(stale), why=result.live_failure, copies=copies), icon=":material/history:")
    live = [s for s in result.symbols_from(SOURCE_LIVE, SOURCE_DISK) if s not in stale]
    if live:
        st.caption(_("Live Yahoo Finance data for {symbols}.").format(symbols=", ".join(live)))
    by_reason: dict[str, list[str]] = {}
    for symbol, prov in none.items():
        by_reason.setdefault(prov.note, []).append(symbol)
    for why, symbols in by_reason.items():
        listed = ", ".join(symbols)
        if named_by_article:
            st.info(ngettext("The article names {symbols}, but there are no prices for it here: {why}. The "
                             "article's figures about it are marked uncheckable.",
                             "The article names {symbols}, but there are no prices for them here: {why}. The "
                             "article's figures about them are marked uncheckable.", len(symbols)).format(
                                 symbols=listed, why=why),
                    icon=":material/info:")
        else:
            st.error(_("No prices for {symbol}: {why}").format(symbol=listed, why=why), icon=":material/error:")


def provenance_table(result: PriceResult) -> pd.DataFrame:
    """Per symbol: where its prices come from, their bases and span, and how they agree with its exchange."""
    dates = {s: pd.DatetimeIndex(g["date"]) for s, g in result.frame.groupby("symbol", sort=False)}
    rows = [{**row, "calendar check": calendar_check(row["symbol"], dates.get(row["symbol"]))}
            for row in provenance_rows(result)]
    return prices.provenance_shown(pd.DataFrame(rows))


def calendar_check(symbol: str, dates: pd.DatetimeIndex | None) -> str:
    """'every XHKG session has a bar', the gaps and stray bars, or why there is nothing to check."""
    check = calendars.reconcile(symbol, symbol_info(symbol).market.code, dates) if dates is not None else None
    if check is None:
        return _("no exchange calendar (its bars are its sessions)") if dates is not None else _("no prices")
    closed = "; ".join(_("closed {day} ({why})").format(day=day(d), why=_(why)) for d, why in check.closures)
    text = " ".join(check.sentences()) or _("every {exchange} session has a bar").format(exchange=check.code)
    return _("{check}; {closed}").format(check=text, closed=closed) if closed else text
