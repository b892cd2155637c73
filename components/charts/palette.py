"""Colours, line styles and marker shapes of the charts, written once, for light and dark themes.

Colours come from the Okabe-Ito palette, which stays distinct for the common forms of colour
blindness; every series also carries a second cue (a dash pattern, a marker shape, a direction), so
no reading depends on colour alone. The two Alibaba listings are vermillion (solid) and purple
(dashed); the two Hang Seng indices blue (solid) and green (dotted). Each event category keeps its
colour on every chart.
"""

from __future__ import annotations

from dataclasses import dataclass

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
UP, DOWN = BLUE, VERMILLION  # a rise and a fall (with up/down triangles): candles, reaction marks, AR bars
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
