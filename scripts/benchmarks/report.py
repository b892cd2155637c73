"""The benchmark's table: every measure as a ratio to its baseline from the same run, beside its budget.

The budgets are issue 23's "Done when": reported with a pass or fail mark, never asserted (the app is not yet
optimised). A ratio's numerator and denominator are medians of samples taken in turn in one run on one machine.
"""

from __future__ import annotations

import statistics

from scripts.benchmarks.reader import reader_tables
from scripts.benchmarks.reruns import Measure

RERUN = 2.0  # every no-op rerun and every control's rerun within 2x its floor (server CPU)
TIMELINE_CLICK = 1.3  # timeline marker click -> new detail, against a bare on_select app's click -> heading
OVERVIEW_CLICK = 1.5  # Overview chart click -> the event opened, against the same
WARM_LOAD = 1.5  # warm page load to charts drawn, against the floor app (Overview, Markets, Event study)
STOCKPEERS = 0.5  # the slowest rerun against streamlit/demo-stockpeers' horizon change


def median(values) -> float | None:
    values = [v for v in values or [] if v is not None]
    return statistics.median(values) if values else None


def ratio(app: float | None, base: float | None) -> float | None:
    return app / base if app is not None and base else None


def row(measure: str, app, base, budget: float | None, unit: str = "ms", scale: float = 1.0) -> dict:
    """One line of the table: app and baseline medians (in ``unit`` after ``scale``), ratio, budget, mark."""
    app_v, base_v = median(app) if isinstance(app, list) else app, median(base) if isinstance(base, list) else base
    r = ratio(app_v, base_v)
    mark = "—" if budget is None or r is None else ("pass" if r <= budget else "FAIL")
    return {"measure": measure, "app": None if app_v is None else app_v * scale,
            "baseline": None if base_v is None else base_v * scale, "unit": unit, "ratio": r,
            "budget": budget, "mark": mark}


def rerun_rows(measures: list[Measure]) -> list[dict]:
    out = []
    for m in measures:
        name = f"{m.page} · {m.name}" + (" (fragment)" if m.fragment else "") + ("" if m.figures else " †")
        line = row(name, m.cpu, m.floor_cpu, RERUN, scale=1000)
        if m.error:
            line["mark"], line["error"] = "ERROR", m.error
        out.append(line)
    return out


def stockpeers_row(slowest: Measure | None, peer: Measure | None) -> dict:
    """The slowest rerun against the stockpeers model, both medians of samples taken in turn
    (``reruns.slowest_beside_stockpeers``)."""
    samples = f", median of {len(slowest.cpu)}" if slowest else ""
    label = f"slowest rerun ({slowest.page} · {slowest.name}{samples})" if slowest else "slowest rerun"
    return row(label, slowest.cpu if slowest else None, peer.cpu if peer else None, STOCKPEERS, scale=1000)


def browser_rows(found: dict) -> list[dict]:
    warm, cold, floor_click = found.get("warm") or {}, found.get("cold") or {}, (found.get("warm") or {}).get(
        "click_floor")
    out = [row("timeline marker click → new detail heading", warm.get("timeline_click"), floor_click, TIMELINE_CLICK),
           row("Overview chart click → event opened", warm.get("overview_click"), floor_click, OVERVIEW_CLICK)]
    for page, sides in (warm.get("warm_load") or {}).items():
        out.append(row(f"{page}: warm load → charts drawn", sides["app"], sides["floor"], WARM_LOAD))
    for page, sides in cold.items():
        out.append(row(f"{page}: cold load (fresh server) → charts drawn", sides["app"], sides["floor"], None))
    return out


def session_rows(memory: dict, count: int) -> list[dict]:
    app, floor = memory.get("app") or {}, memory.get("floor") or {}
    return [row(f"server RSS per session ({count} sessions)", app.get("rss_per_session"),
                floor.get("rss_per_session"), None, "MB", 1e-6),
            row(f"server CPU per session ({count} sessions, Overview load)", app.get("cpu_per_session"),
                floor.get("cpu_per_session"), None, "ms", 1000),
            row(f"server RSS with {count} sessions", app.get(f"rss_{count}"), floor.get(f"rss_{count}"), None, "MB",
                1e-6)]


def _cell(value, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:,.1f} {unit}" if unit == "MB" or value < 100 else f"{value:,.0f} {unit}"


def table(title: str, rows: list[dict], baseline: str) -> list[str]:
    lines = ["", f"## {title}", "", f"| measure | app | {baseline} | ratio | budget | |",
             "|---|---:|---:|---:|---:|---|"]
    for r in rows:
        budget = f"≤ {r['budget']:g}×" if r["budget"] is not None else "—"
        ratio_text = f"{r['ratio']:.2f}×" if r["ratio"] is not None else "—"
        lines.append(f"| {r['measure']} | {_cell(r['app'], r['unit'])} | {_cell(r['baseline'], r['unit'])} | "
                     f"{ratio_text} | {budget} | {r['mark']} |")
    return lines


def markdown(results: dict) -> str:
    meta, tables = results["meta"], results["tables"]
    lines = ["# Dashboard benchmark" + (" (quick pass)" if meta["quick"] else ""), "",
             f"{meta['when']} · commit {meta['commit']} · {meta['repeats']} samples per measure (median) · "
             f"Python {meta['python']} · streamlit {meta['streamlit']} · plotly {meta['plotly']} · {meta['cpus']} CPUs "
             f"· load {meta['load_start']} → {meta['load_end']} · offline, bundled data · {meta['seconds']:.0f} s"]
    lines += table("Reruns: server CPU per run (AppTest, as a server runs it), against the floor", tables["reruns"],
                   "floor")
    lines += ["", "The floor draws the same figures as the measured runs with `st.plotly_chart` and nothing else "
              "(`scripts/benchmarks/apps/floor.py`). † the page draws no plotly figure: its floor is an empty page. "
              "(fragment): the control sits in an `st.fragment`, so only that part reruns, as in the browser."]
    lines += table("Against streamlit/demo-stockpeers (server CPU)", [tables["stockpeers"]], "stockpeers horizon")
    if tables.get("browser"):
        lines += table("In the browser (ms on the page's clock)", tables["browser"], "floor")
        lines += ["", "Clicks are against `apps/onselect.py` (a plotly chart with `on_select`: click → heading); "
                  "loads against `apps/floor.py` serving the page's figures; cold = a server just started."]
    if tables.get("sessions"):
        lines += table("Server per session", tables["sessions"], "floor")
    lines += reader_tables(results)
    if results.get("errors"):
        lines += ["", "## Errors", ""] + [f"- {e}" for e in results["errors"]]
    return "\n".join(lines) + "\n"
