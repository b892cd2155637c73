"""The on-disk copy of live fetches: one parquet file per symbol, shared by every process.

Point ``DASHBOARD_CACHE_DIR`` of every replica at one folder: files are written atomically (temp
file, then rename), so a reader never sees half a file. A file that cannot be read is deleted, so
the next successful fetch replaces it.
"""

from __future__ import annotations

import os
import time
import urllib.parse
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd

from components.data import prices as P
from components.facts import PROJECT_ROOT

CACHE_ENV = "DASHBOARD_CACHE_DIR"
_DEFAULT_CACHE = PROJECT_ROOT / ".cache" / "prices"


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or _DEFAULT_CACHE)


def cache_path(symbol: str) -> Path:
    return cache_dir() / f"{urllib.parse.quote(symbol, safe='')}.parquet"


def utc_text(moment: datetime) -> str:
    """A fetch time as the pages show it, e.g. '2025-03-06 08:00 UTC'."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def read_disk_cache(symbol: str, max_age: timedelta | None) -> tuple[pd.DataFrame, str] | None:
    """A cached frame and its fetch time, or None when absent, too old or unreadable.

    A damaged file is deleted so the next successful fetch replaces it.
    """
    path = cache_path(symbol)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    age = time.time() - mtime
    if max_age is not None and age > max_age.total_seconds():
        return None
    try:
        frame = pd.read_parquet(path)
        if list(frame.columns) != P.TIDY_COLUMNS or frame.empty or (frame["symbol"] != symbol).any():
            raise ValueError("unexpected content")
    except Exception:  # pyarrow raises several types for a damaged file; any of them means "unusable"
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # a directory or a read-only folder in the way: the next write reports nothing either
        return None
    return frame, utc_text(datetime.fromtimestamp(mtime, timezone.utc))


def write_disk_cache(symbol: str, frame: pd.DataFrame) -> None:
    """Write atomically (temp file, then rename) so replicas sharing the folder never read half a file."""
    path = cache_path(symbol)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only or full disk only costs a refetch later
