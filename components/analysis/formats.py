"""Numbers as people read them in tables: signed percentages, points, and a dash for what is missing."""

from __future__ import annotations

import math

MISSING = "—"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def pct(value: float | None, digits: int = 2) -> str:
    """A fraction as a signed percentage: 0.0839 -> '+8.39%'; None or NaN -> '—'."""
    return MISSING if _missing(value) else f"{value:+.{digits}%}"


def points(value: float | None, digits: int = 2) -> str:
    """A difference of two returns in percentage points: 0.0483 -> '+4.83 pp'."""
    return MISSING if _missing(value) else f"{value * 100:+.{digits}f} pp"


def number(value: float | None, digits: int = 2) -> str:
    return MISSING if _missing(value) else f"{value:,.{digits}f}"


def text(value) -> str:
    return MISSING if _missing(value) or value == "" else str(value)
