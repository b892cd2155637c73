"""Colours, line styles and marker shapes of the charts, written once, for light and dark themes.

Colours come from the Okabe-Ito palette, which stays distinct for the common forms of colour
blindness; every series also carries a second cue (a dash pattern, a marker shape, a direction), so
no reading depends on colour alone. The two Alibaba listings are vermillion (solid) and purple
(dashed); the two Hang Seng indices blue (solid) and green (dotted). Each event category keeps its
colour on every chart.

A rise and a fall take the colours of the reader's up/down convention (:class:`UpDown`): green up and red down, as
in English and in Hong Kong, or red up and green down, as on the mainland. Its two colours are Okabe-Ito's bluish
green and vermillion, which stay apart for the common forms of colour blindness and keep at least 3:1 contrast on
the light and the dark theme's background; a sign or a triangle always stands beside them.
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass

from components.locale import N_

# Okabe & Ito, "Color Universal Design" (2008)
BLUE, SKY, GREEN, YELLOW = "#0072B2", "#56B4E9", "#009E73", "#F0E442"
ORANGE, VERMILLION, PURPLE, GREY = "#E69F00", "#D55E00", "#CC79A7", "#999999"

CATEGORY_COLORS = {
    "model release": BLUE,
    "agent launch": PURPLE,
    "market move": VERMILLION,
    "policy": GREEN,
    "corporate": ORANGE,
    "claim": GREY,
    "other": SKY,
}
ORIGIN_SYMBOLS = {"article": "diamond", "context": "circle", "user": "star"}


@dataclass(frozen=True)
class SeriesStyle:
    color: str
    dash: str = "solid"


SYMBOL_STYLES = {
    "9988.HK": SeriesStyle(VERMILLION), "BABA": SeriesStyle(PURPLE, "dash"),
    "^HSI": SeriesStyle(BLUE), "^HSCE": SeriesStyle(GREEN, "dot"),
    "0700.HK": SeriesStyle(ORANGE), "NVDA": SeriesStyle(SKY, "dashdot"), "KWEB": SeriesStyle(ORANGE, "dash"),
    "^GSPC": SeriesStyle(GREY, "longdash"), "HKD=X": SeriesStyle(SKY, "dot"),
}
FALLBACK_STYLES = [SeriesStyle(c, d) for d in ("solid", "dash", "dot") for c in (SKY, ORANGE, GREEN, PURPLE)]
BAND = "rgba(86, 180, 233, 0.25)"  # confidence bands
ACCENT = BLUE  # a single series such as the CAR line


@dataclass(frozen=True)
class Ink:
    """Theme-dependent strokes: outlines, secondary text, neutral fills."""

    edge: str  # outline of markers
    muted: str  # footnotes, whiskers
    neutral: str  # volume bars, zero lines


LIGHT = Ink(edge="#1f2937", muted="#475569", neutral="#94a3b8")
DARK = Ink(edge="#e5e7eb", muted="#cbd5e1", neutral="#64748b")


def ink(dark: bool) -> Ink:
    return DARK if dark else LIGHT


def symbol_style(symbol: str, order: int = 0) -> SeriesStyle:
    return SYMBOL_STYLES.get(symbol, FALLBACK_STYLES[order % len(FALLBACK_STYLES)])


@dataclass(frozen=True)
class UpDown:
    """A colour convention for direction: the colour of a rise and of a fall."""

    name: str  # its value in links and saved workspaces
    label: str  # what the setting shows (marked for translation, looked up where shown)
    up: str
    down: str

    def color(self, change: float | None) -> str:
        """The colour of a signed change (no change, or none known, is drawn as a rise: its shape still says)."""
        return self.down if change is not None and change < 0 else self.up


GREEN_UP = UpDown("green", N_("Green up, red down"), up=GREEN, down=VERMILLION)
RED_UP = UpDown("red", N_("Red up, green down"), up=VERMILLION, down=GREEN)
UPDOWNS = {c.name: c for c in (GREEN_UP, RED_UP)}
DEFAULT_UPDOWN = GREEN_UP.name
LANGUAGE_UPDOWN = {"en": GREEN_UP.name, "zh-HK": GREEN_UP.name, "zh-CN": RED_UP.name}  # each language's custom
SIGNED_TEXT = re.compile(r"([+−\-▲▼])\s?([\d.,]+)\s?(?:%|pp)?")  # one signed figure as text
TINT_ALPHA = 0.18  # a table cell's fill: light enough that the theme's own text colour reads on it


def updown_for(language: str) -> str:
    """The convention a reader of ``language`` (a code of ``components.locale.LANGUAGES``) expects by default."""
    return LANGUAGE_UPDOWN.get(language, DEFAULT_UPDOWN)


def convention(name: str | None) -> UpDown:
    """The convention called ``name`` (green-up for None or an unknown name)."""
    return UPDOWNS.get(name or DEFAULT_UPDOWN, UPDOWNS[DEFAULT_UPDOWN])


def sign_of(value: object) -> int:
    """+1, -1 or 0 for a signed change: a number, or text that is one signed figure ("+8.39%", "−1.20%",
    "+4.83 pp", "▼ 0.5%"); any other text (a date, a note, "—", "+0.00%") is 0."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, numbers.Real):
        return 0 if math.isnan(value) or value == 0 else (1 if value > 0 else -1)
    found = SIGNED_TEXT.fullmatch(value.strip()) if isinstance(value, str) else None
    if found is None or not any(ch in "123456789" for ch in found.group(2)):
        return 0
    return 1 if found.group(1) in ("+", "▲") else -1


def tint(color: str, alpha: float = TINT_ALPHA) -> str:
    """``color`` ("#rrggbb") as a translucent fill: "rgba(r, g, b, alpha)"."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def cell_css(value: object, convention: UpDown) -> str:
    """A table cell's CSS for a signed change: a tint of the rise or fall colour (the sign is in the text)."""
    sign = sign_of(value)
    if not sign:
        return ""
    return f"background-color: {tint(convention.up if sign > 0 else convention.down)}"
