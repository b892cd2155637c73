"""Numbers as people read them in tables: signed percentages, points, and a dash for what is missing.

Written in the run's language by :mod:`components.locale.formats` (in English exactly as Python's own formatting).
"""

from __future__ import annotations

import math

from components.locale import _
from components.locale import formats as F

MISSING = F.MISSING


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def pct(value: float | None, digits: int = 2) -> str:
    """A fraction as a signed percentage: 0.0839 -> '+8.39%'; None or NaN -> '—'."""
    return MISSING if _missing(value) else F.plus_minus_percent(value, digits)


def points(value: float | None, digits: int = 2) -> str:
    """A difference of two returns in percentage points: 0.0483 -> '+4.83 pp'."""
    if _missing(value):
        return MISSING
    # Translators: a difference of two returns in percentage points, "+4.83 pp"
    return _("{points} pp").format(points=F.plus_minus_number(value * 100, digits))


def number(value: float | None, digits: int = 2) -> str:
    return MISSING if _missing(value) else F.fixed_number(value, digits)


def text(value) -> str:
    return MISSING if _missing(value) or value == "" else str(value)
