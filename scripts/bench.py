#!/usr/bin/env python
"""Benchmark the dashboard on the bundled data: every figure a ratio to a baseline measured in the same run.

A command, not a test. Its parts are in ``scripts/benchmarks/`` (one module per thing measured) and it starts,
opens and clicks the app with the test harness (``tests/apptest.py``, ``tests/browser_harness.py``). One run measures,
side by side:

1. for every page of ``components/ui/navigation.PAGES``: a rerun that changes nothing and the rerun each of the
   page's controls causes (found on the page: ``benchmarks/controls.py``), as server CPU in AppTest, against a
   FLOOR that draws the same plotly figures and nothing else (``benchmarks/reruns.py``);
2. the slowest of those reruns against a model of streamlit/demo-stockpeers' horizon change on the same prices: the
   three slowest measured again, each sample beside one of the model's, and the medians compared;
3. in headless Chromium: a timeline marker click and an Overview chart click to the event on screen, against a
   bare plotly ``on_select`` app's click to a heading; cold and warm loads of Overview, Markets and Event study to
   their charts drawn, against the floor app; server memory and CPU per session with 20 sessions
   (``benchmarks/browser.py``);
4. the reader's scores (``benchmarks/reader.py``).

Each ratio is printed beside issue 23's budget with a pass or fail mark; budgets are reported, not asserted.
``--quick`` (CI) measures every page once with every control and every figure set against its floor, no browser,
and fails when a page of the navigation was not measured or a run raised. Results: ``bench/results/benchmark.md``
and ``.json`` (``quick.md``/``.json`` for the quick pass; git-ignored).

    .venv/bin/python scripts/bench.py            # everything, several minutes
    .venv/bin/python scripts/bench.py --quick    # about half a minute
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"
LOADS = ("overview", "markets", "event_study")  # the pages whose browser load is measured (issue 23)


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="scripts/bench.py", description=__doc__.split("\n\n")[0],
                                 epilog="Needs /usr/bin/chromium (Debian's package) for the browser part.")
    ap.add_argument("--quick", action="store_true",
                    help="CI pass: every page and control once against its floor, no browser; fails on a page "
                         "left out or a run that raised")
    ap.add_argument("--repeats", type=int, help="samples per measure (default 9 for reruns, 1 with --quick)")
    ap.add_argument("--slowest-repeats", type=int, default=7,
                    help="samples of the slowest reruns and of stockpeers, taken in turn (default 7)")
    ap.add_argument("--browser-repeats", type=int, default=5, help="samples per browser measure (default 5)")
    ap.add_argument("--sessions", type=int, default=20, help="browser sessions for memory and CPU (default 20)")
    ap.add_argument("--no-browser", action="store_true", help="leave out the browser part")
    ap.add_argument("--no-reader", action="store_true", help="leave out the reader's scores")
    ap.add_argument("--reader-only", action="store_true", help="only the reader's scores and CPU (a few seconds)")
    ap.add_argument("--out", type=Path, default=RESULTS, help="output folder (default bench/results)")
    args = ap.parse_args(argv)
    args.repeats = args.repeats or (1 if args.quick else 9)
    if args.repeats < 1 or args.browser_repeats < 1 or args.slowest_repeats < 1 or args.sessions < 2:
        ap.error("--repeats, --slowest-repeats and --browser-repeats must be ≥ 1, --sessions ≥ 2")
    args.browser = not (args.quick or args.no_browser)
    args.reader = not (args.quick or args.no_reader)
    return args


def environment(work: Path) -> None:
    """Offline, on caches and a workspace store of the run's own; a bug raises instead of a polite message."""
    os.environ.update({"DASHBOARD_OFFLINE": "1", "DASHBOARD_CACHE_DIR": str(work / "price-cache"),
                       "DASHBOARD_DATA_DIR": str(work / "data"), "DASHBOARD_RAISE_ERRORS": "1",
                       "BENCH_FIGURES_DIR": str(work / "figures")})
    (work / "figures").mkdir()
    import streamlit

    streamlit.config.set_option("client.showErrorDetails", "full")  # an error names itself in the report
    for name in ("streamlit", "dashboard"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def rerun_phase(args, work: Path, results: dict):
    """Every page's reruns, then the slowest beside the stockpeers model's; returns the measures, the slowest, the
    model's and the floor (its figure sets)."""
    from components.facts import HEADLINE_EVENT
    from components.ui.navigation import PAGES
    from scripts.benchmarks import reruns
    from scripts.benchmarks.session import server_like

    measures, floor = [], reruns.Floor(work / "figures")
    with server_like():
        for spec in PAGES:
            started = time.perf_counter()
            found = reruns.page_reruns(spec.url_path, spec.script, {"event": HEADLINE_EVENT}, floor, args.repeats)
            measures += found
            log(f"{spec.url_path}: no-op rerun and {len(found) - 1} controls ({reruns.elapsed(started)})")
        started = time.perf_counter()
        scripts = {spec.url_path: spec.script for spec in PAGES}
        slowest, peer = reruns.slowest_beside_stockpeers(measures, scripts, {"event": HEADLINE_EVENT},
                                                         args.slowest_repeats)
        log(f"the slowest reruns beside stockpeers, {args.slowest_repeats} samples each ({reruns.elapsed(started)})")
    results["reruns"] = [m.as_json() for m in measures]
    results["slowest"] = slowest.as_json() if slowest else None
    results["stockpeers"] = peer.as_json()
    results["errors"] += [f"{m.page} · {m.name}: {m.error}" for m in [*measures, peer] if m.error]
    missing = sorted({p.url_path for p in PAGES} - {m.page for m in measures if m.name == "no-op rerun" and m.cpu})
    if missing:
        results["errors"].append(f"pages of navigation.PAGES not measured: {', '.join(missing)}")
    return measures, slowest, peer, floor


def browser_phase(args, work: Path, measures, floor, results: dict) -> None:
    """Clicks, loads and sessions in Chromium, each beside its floor."""
    from components.data.events import bundled_events
    from components.facts import HEADLINE_EVENT
    from scripts.benchmarks import browser

    noop = {m.page: m for m in measures if m.name == "no-op rerun"}
    link = f"?event={HEADLINE_EVENT}"  # the link the AppTest runs had, so the floor draws what the page draws
    loads = {p: (f"{p}{link}", floor.name(noop[p].sent), noop[p].figures) for p in LOADS}
    click = {"titles": {e.id: e.title for e in bundled_events()},
             "figures": floor.name(noop["overview"].sent)}
    found = results["browser"] = {}
    with browser.chromium() as chromium:
        for part, measure in (("warm", lambda: browser.warm(chromium, floor.folder, loads, click,
                                                            args.browser_repeats, work)),
                              ("cold", lambda: browser.cold(chromium, floor.folder, loads, args.browser_repeats,
                                                            work)),
                              ("memory", lambda: browser.memory(chromium, floor.folder, loads["overview"],
                                                                args.sessions, work))):
            started = time.perf_counter()
            try:
                found[part] = measure()
            except Exception as exc:  # one part failing leaves the others' figures
                results["errors"].append(f"browser, {part}: {type(exc).__name__}: {str(exc)[:400]}")
            log(f"browser, {part} ({time.perf_counter() - started:.0f} s)")


def run_meta(args) -> dict:
    def version(module):
        try:
            return __import__(module).__version__
        except Exception:
            return "?"

    def git(*cmd) -> str:
        return subprocess.run(["git", *cmd], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "?"
    commit += " (+ uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else ""
    return {"when": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "commit": commit, "quick": args.quick,
            "repeats": args.repeats, "browser_repeats": args.browser_repeats if args.browser else 0,
            "sessions": args.sessions, "python": platform.python_version(), "streamlit": version("streamlit"),
            "plotly": version("plotly"), "cpus": os.cpu_count(), "platform": platform.platform(),
            "load_start": loadavg()}


def loadavg() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def tables(results: dict, measures, slowest, peer, args) -> dict:
    from scripts.benchmarks import report

    out = {"reruns": report.rerun_rows(measures), "stockpeers": report.stockpeers_row(slowest, peer)}
    if results.get("browser"):
        out["browser"] = report.browser_rows(results["browser"])
        out["sessions"] = report.session_rows(results["browser"].get("memory") or {}, args.sessions)
    return out


def main(argv=None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    results: dict = {"meta": run_meta(args), "errors": []}
    with tempfile.TemporaryDirectory(prefix="dashboard-bench-") as tmp:
        work = Path(tmp)
        environment(work)
        if args.reader or args.reader_only:
            from scripts.benchmarks.reader import reader_scores, reader_tables

            results["reader"] = reader_scores()
            log("reader scores")
            if args.reader_only:
                print("\n".join(reader_tables(results)))
                return 0
        measures, slowest, peer, floor = rerun_phase(args, work, results)
        if args.browser:
            browser_phase(args, work, measures, floor, results)
    from scripts.benchmarks import report

    results["meta"].update(load_end=loadavg(), seconds=time.perf_counter() - started)
    results["tables"] = tables(results, measures, slowest, peer, args)
    name = "quick" if args.quick else "benchmark"
    (args.out / f"{name}.json").write_text(json.dumps(results, indent=1, default=str))
    text = report.markdown(results)
    (args.out / f"{name}.md").write_text(text)
    print(text)
    log(f"wrote {args.out / name}.md and .json")
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
