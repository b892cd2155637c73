"""The one module that talks to yfinance: one history call per symbol, and its failure in the user's words.

Nothing else in the project imports yfinance. :func:`fetch_history` asks Yahoo for daily bars and
returns tidy frames per symbol plus a reason for every symbol it could not serve; it never raises.
yfinance is told to raise instead of logging (``config.debug.hide_exceptions = False``), so the reason
comes from the exception itself: a DNS failure is named as such for every symbol, not only for the
first ones yfinance happens to log. Tests fake ``yf.Ticker`` here, at the only call site, with frames
shaped as ``Ticker.history`` returns them.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable
from datetime import date, timedelta

import pandas as pd
import yfinance as yf

from components.data import prices
from components.facts import REQUEST_TIMEOUT_S
from components.locale import N_, Message

yf.config.debug.hide_exceptions = False  # raise the real cause (DNS, timeout, rate limit), never log it away


def _history(symbol: str, start: date, end_exclusive: date) -> pd.DataFrame:
    """The one call into yfinance. Every option is explicit; ``end`` is exclusive in yfinance."""
    return yf.Ticker(symbol).history(
        start=start.isoformat(),
        end=end_exclusive.isoformat(),
        interval="1d",
        prepost=False,
        actions=False,
        auto_adjust=False,  # Close is the print, Adj Close the adjusted close: both are kept
        back_adjust=False,
        repair=False,
        keepna=False,
        rounding=False,
        timeout=REQUEST_TIMEOUT_S,
    )


def describe_error(error: BaseException) -> Message:
    """A short reason, in the user's words, for an exception raised while fetching (a :class:`Message`: the fetch
    runs in a worker thread, and the page that shows the reason says it in its language)."""
    text = str(error)
    low = text.lower()
    if isinstance(error, yf.exceptions.YFRateLimitError) or "too many requests" in low:
        return Message(N_("rate-limited by Yahoo Finance (too many requests)"))
    if isinstance(error, socket.gaierror) or "resolve host" in low or "name or service not known" in low:
        return Message(N_("Yahoo Finance could not be reached (DNS lookup failed)"))
    if isinstance(error, TimeoutError) or "timed out" in low or "timeout" in low:
        return Message(N_("Yahoo Finance did not answer within {seconds} s (timeout)"), seconds=REQUEST_TIMEOUT_S)
    if "connect" in low or "connection" in low or "proxy" in low:
        return Message(N_("Yahoo Finance could not be reached (connection failed)"))
    if isinstance(error, yf.exceptions.YFTzMissingError):
        return Message(N_("Yahoo Finance does not know this symbol (no exchange time zone: possibly delisted)"))
    if isinstance(error, yf.exceptions.YFPricesMissingError):
        reason = getattr(error, "yahoo_reason", None)
        if reason:
            return Message(N_("Yahoo Finance has no prices for it ({reason})"), reason=str(reason)[:120])
        return Message(N_("Yahoo Finance has no prices for it"))
    return Message(N_("Yahoo Finance request failed ({error})"), error=f"{type(error).__name__}: {text[:120]}")


def fetch_history(symbols: Iterable[str], start: date,
                  end: date) -> tuple[dict[str, pd.DataFrame], dict[str, Message]]:
    """Daily bars for ``start..end`` (inclusive), one request per symbol; tidy frames and failure reasons."""
    frames: dict[str, pd.DataFrame] = {}
    failures: dict[str, Message] = {}
    for symbol in symbols:
        try:
            raw = _history(symbol, start, end + timedelta(days=1))
        except Exception as exc:  # yfinance raises many types (curl, requests, its own); all mean "no data"
            failures[symbol] = describe_error(exc)
            continue
        frame, reason = prices.frame_from_history(raw, symbol)
        if reason:
            failures[symbol] = reason
        else:
            frames[symbol] = frame
    return frames, failures
