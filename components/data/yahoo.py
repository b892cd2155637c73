"""The one module that talks to yfinance: one download call, and the failure in the user's words.

Nothing else in the project imports yfinance. :func:`fetch_history` asks Yahoo for daily bars and
returns tidy frames per symbol plus a reason for every symbol it could not serve; it never raises.
Tests fake ``yf.download`` here, at the only call site, with frames shaped as yfinance returns them.
"""

from __future__ import annotations

import ast
import logging
import re
import socket
import threading
from datetime import date, timedelta

import pandas as pd
import yfinance as yf

from components.data import prices as P
from components.facts import REQUEST_TIMEOUT_S

YAHOO_ERRORS = "yahoo_errors"  # key in a downloaded frame's ``attrs``: symbol -> the failure yfinance logged


class _FailedDownloads(logging.Handler):
    """Collects the per-symbol failures ``yf.download`` logs in this thread.

    yfinance catches every exception of a download (DNS, timeout, rate limit) and returns an empty
    frame; the cause survives only in its "['SYM']: Error(...)" log lines, so the seam reads them.
    """

    LINE = re.compile(r"^(\[[^\]]*\]): (.+)$", re.DOTALL)

    def __init__(self):
        super().__init__(logging.ERROR)
        self.thread = threading.get_ident()
        self.by_symbol: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        match = self.LINE.match(record.getMessage().strip()) if record.thread == self.thread else None
        if match is None:
            return
        try:
            symbols = ast.literal_eval(match.group(1))
        except (ValueError, SyntaxError):
            return
        self.by_symbol.update({str(symbol): match.group(2) for symbol in symbols})


def _download(symbols: list[str], start: date, end_exclusive: date) -> pd.DataFrame:
    """The one call into yfinance. Every option is explicit; ``end`` is exclusive in yfinance.

    The failures yfinance logged (and did not raise) travel with the frame in ``attrs[YAHOO_ERRORS]``.
    """
    failed = _FailedDownloads()
    logger = logging.getLogger("yfinance")
    logger.addHandler(failed)
    try:
        raw = yf.download(
            symbols,
            start=start.isoformat(),
            end=end_exclusive.isoformat(),
            interval="1d",
            auto_adjust=True,
            back_adjust=False,
            actions=False,
            repair=False,
            keepna=False,
            rounding=False,
            group_by="column",
            multi_level_index=True,
            threads=len(symbols) > 1,
            progress=False,
            timeout=REQUEST_TIMEOUT_S,
        )
    finally:
        logger.removeHandler(failed)
    if raw is not None and failed.by_symbol:
        raw.attrs[YAHOO_ERRORS] = dict(failed.by_symbol)
    return raw


def describe_error(error: BaseException | str) -> str:
    """A short reason, in the user's words, for an exception raised (or a failure logged) while fetching."""
    text = str(error)
    low = text.lower()
    if isinstance(error, yf.exceptions.YFRateLimitError) or "too many requests" in low:
        return "rate-limited by Yahoo Finance (too many requests)"
    if isinstance(error, socket.gaierror) or "resolve host" in low or "name or service not known" in low:
        return "Yahoo Finance could not be reached (DNS lookup failed)"
    if isinstance(error, TimeoutError) or "timed out" in low or "timeout" in low:
        return f"Yahoo Finance did not answer within {REQUEST_TIMEOUT_S} s (timeout)"
    if isinstance(error, str):
        return f"Yahoo Finance request failed ({text[:120]})"
    return f"Yahoo Finance request failed ({type(error).__name__}: {text[:120]})"


def fetch_history(symbols: list[str], start: date, end: date) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """Fetch daily bars for ``start..end`` (inclusive) live; return tidy frames and failure reasons."""
    try:
        raw = _download(list(symbols), start, end + timedelta(days=1))
    except Exception as exc:  # yfinance raises many types (curl, requests, its own); all mean "no data"
        return {}, {s: describe_error(exc) for s in symbols}
    logged = getattr(raw, "attrs", {}).get(YAHOO_ERRORS, {})
    frames, failures = P.frames_from_download(raw, list(symbols))
    for symbol in failures:  # a cause yfinance logged says more than "empty frame"
        if symbol.upper() in logged:
            failures[symbol] = describe_error(logged[symbol.upper()])
    return frames, failures
