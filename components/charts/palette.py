"""Colours and marker shapes of the charts, written once: categories, symbols, up and down.

Each event category keeps its colour on every chart, and each symbol its line colour.
"""

from __future__ import annotations

CATEGORY_COLORS = {
    "model release": "#2563eb",
    "agent launch": "#9333ea",
    "market move": "#dc2626",
    "policy": "#059669",
    "corporate": "#d97706",
    "claim": "#64748b",
    "other": "#0891b2",
}
ORIGIN_SYMBOLS = {"article": "diamond", "context": "circle", "user": "star"}
SYMBOL_COLORS = {
    "9988.HK": "#ea580c", "BABA": "#92400e", "^HSI": "#1d4ed8", "^HSCE": "#0f766e",
    "0700.HK": "#7c3aed", "NVDA": "#65a30d", "KWEB": "#be185d", "^GSPC": "#475569", "HKD=X": "#0e7490",
}
FALLBACK_COLORS = ["#0284c7", "#c2410c", "#4d7c0f", "#a21caf", "#b91c1c", "#0f766e"]
UP, DOWN = "#16a34a", "#dc2626"  # a rise and a fall: candles, reaction triangles, AR bars
EDGE = "#111827"  # outline of markers
MUTED = "#475569"  # footnotes, whiskers
NEUTRAL = "#94a3b8"  # volume bars, zero lines
BAND = "rgba(37, 99, 235, 0.15)"  # confidence bands
ACCENT = "#1d4ed8"  # a single series such as the CAR line


def symbol_color(symbol: str, order: int = 0) -> str:
    return SYMBOL_COLORS.get(symbol, FALLBACK_COLORS[order % len(FALLBACK_COLORS)])
