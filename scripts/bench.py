#!/usr/bin/env python
"""Benchmark the dashboard on the bundled data and compare it with a minimal Streamlit floor.

A command, not part of the test run. It measures, as median and p95 over ``--repeats`` runs:

1. the first run of each page through AppTest (fresh AppTest per repeat, every cache cleared);
2. the rerun after a date-range change (range set to "All") and after selecting an event;
3. the bytes of plotly JSON each page sends at the "All" range (aim: < 300 KB per page);
4. the server's RSS with 1 and 10 browser sessions (a real server, headless Chromium);
5. in headless Chromium: navigation to the first drawn chart (overview, markets) and a timeline
   marker click to the updated detail and zoom chart;
6. a FLOOR in the same run: a minimal script that only renders the same prebuilt overview figure
   with ``st.plotly_chart``, measured the same ways, so every server figure has a ratio.

Results go to ``bench/results/benchmark.md`` and ``benchmark.json`` (git-ignored); with profiling
on (the default, off with ``--quick`` or ``--no-profile``) cProfile listings of the expensive runs
go to ``bench/results/profiles/``. Servers run with DASHBOARD_OFFLINE=1 on 127.0.0.1 and are
terminated at the end, also on error or Ctrl-C. The browser is Debian's /usr/bin/chromium driven by
Playwright; no browser is ever downloaded.

    .venv/bin/python scripts/bench.py --repeats 5
    .venv/bin/python scripts/bench.py --quick
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.benchmarks.reader import reader_scores, reader_tables  # noqa: E402  (the reader's scores and CPU)
from tests import browser as harness  # noqa: E402  (server start, Chromium launch, chart helpers)

RESULTS = ROOT / "bench" / "results"
# The code under test: a copy of the working tree taken when the run starts (see snapshot_tree), so
# edits made while the benchmark runs cannot mix two versions into one table.
SRC = ROOT
TIMEOUT = 120  # seconds per AppTest run
BYTES_AIM = 300_000  # bytes of plotly JSON per page at the "All" range (1 KB = 1000 bytes)
RERUN_AIM = 1.5  # reruns within 1.5x the floor's rerun
CLICK_AIM = 1.3  # a click on the timeline, or Next, to its new heading within 1.3x the floor's
SERVER_CLICK_AIM = 2.0  # the server's work for that click within 2x the floor's
FAR_END = "start=2024-01-02&end=2100-12-31"  # a link past the data: no heavier than "All"
CLICK_EVENT = "qwq-32b-release"  # the timeline marker the browser clicks
CLICK_TITLE = NEXT_TITLE = ""  # the headings the click and Next lead to, read from the events at the start
SELECT_EVENT = "manus-launch"  # the event selected through session state for the event rerun

# Functions timed (inclusive wall time, no profiler) in the breakdown pass: (module, attribute, label).
# Each is patched where the caller looks it up; page scripts re-import on every run, so patching the
# defining module reaches them.
INSTRUMENT = [
    ("components.ui.data", "full_history", "data.full_history (prices)"),
    ("components.ui.data", "data_span", "data.data_span"),
    ("components.data.store", "_snapshot", "store._snapshot (cached)"),
    ("components.charts.marks", "market_chart", "marks.market_chart"),
    ("components.charts.marks", "market_figure", "market.market_figure"),
    ("components.charts.marks", "reaction_marks", "marks.reaction_marks"),
    ("components.ui.timeline", "timeline", "timeline.timeline (the component: payload + send)"),
    ("components.charts.market", "event_lines", "lanes.event_lines"),
    ("components.charts.market", "event_lane_traces", "lanes.event_lane_traces"),
    ("components.ui.caches", "_compare_all_events", "caches.compare_all_events (cached)"),
    ("components.ui.caches", "_reactions", "caches.reactions (cached: reaction table, shared day 0)"),
    ("components.ui.caches", "compare_events", "event_study.compare_events"),  # caches imported it by name
    ("components.analysis.event_study", "event_study", "event_study.event_study (all calls)"),
    ("components.ui.caches", "evaluate_all", "verdicts.evaluate_all"),
    ("components.text.safe", "csv_bytes", "safe.csv_bytes"),
    ("streamlit", "plotly_chart", "st.plotly_chart (serialise + send)"),
    ("streamlit.delta_generator", "DeltaGenerator.plotly_chart", "DeltaGenerator.plotly_chart (columns)"),
    ("streamlit", "dataframe", "st.dataframe"),
    ("streamlit.delta_generator", "DeltaGenerator.dataframe", "DeltaGenerator.dataframe (columns)"),
]

# page -> (file for AppTest, does the event selection matter on it)
PAGES = {
    "overview": ("pages/story/overview.py", True),
    "timeline": ("pages/story/timeline.py", True),
    "article": ("pages/story/article.py", True),
    "claims": ("pages/story/claims.py", False),
    "markets": ("pages/markets/markets.py", True),
    "event_study": ("pages/markets/event_study.py", True),
    "your_data": ("pages/your_data/your_data.py", False),
}

FLOOR_SCRIPT = '''\
"""Benchmark floor: only render a prebuilt figure (the dashboard's overview chart) with st.plotly_chart."""
import json
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

HERE = Path(__file__).resolve().parent
st.set_page_config(page_title="floor", layout="wide")


@st.cache_resource(show_spinner=False)
def figure(name: str) -> go.Figure:
    return go.Figure(json.loads((HERE / f"figure_{name}.json").read_text()), skip_invalid=True)


st.plotly_chart(figure(st.session_state.get("floor_figure", "default")), key="overview_chart",
                on_select="rerun", selection_mode="points", config={"displaylogo": False})
'''

# The floor of a click on the timeline: the same timeline component with the same events, and on a
# pick (or Next) only a heading with the event's title. The whole script reruns; nothing else is done.
FLOOR_TIMELINE_SCRIPT = '''\
"""Benchmark floor: the app's timeline component and a heading; a click or Next re-renders only those."""
import streamlit as st

from components.analysis.ranges import DEFAULT_ANCHOR, DEFAULT_PRESET, preset_range
from components.charts.marks import event_marks
from components.charts.timeline import timeline_data
from components.data.events import bundled_events
from components.ui.data import data_span
from components.ui.timeline import TIMELINE

st.set_page_config(page_title="floor timeline", layout="wide")
events = sorted(bundled_events(), key=lambda e: e.sort_key)
ids = [e.id for e in events]


def pick():
    st.session_state["sel"] = st.session_state["timeline_chart"].pick


def step(offset):
    sel = st.session_state.get("sel")
    at = ids.index(sel) + offset if sel in ids else 0
    st.session_state["sel"] = ids[max(0, min(at, len(ids) - 1))]


start, end = preset_range(DEFAULT_PRESET, DEFAULT_ANCHOR, *data_span())
sel = st.session_state.get("sel")
TIMELINE(key="timeline_chart", data=timeline_data(event_marks(events, None, exact=True), start=start, end=end,
                                                  selected=sel), on_pick_change=pick)
st.button("◀ Previous", on_click=step, args=(-1,))
st.button("Next ▶", on_click=step, args=(1,))
if sel in ids:
    st.header(events[ids.index(sel)].title)
'''

def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --- statistics -----------------------------------------------------------------------------------

def summarise(values: list[float | None]) -> dict:
    values = [v for v in values if v is not None]
    if not values:
        return {"n": 0, "median": None, "p95": None, "min": None, "max": None, "samples": []}
    return {"n": len(values), "median": statistics.median(values), "p95": harness.percentile(values, 95),
            "min": min(values), "max": max(values), "samples": values}


def loadavg() -> float | None:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _on_signal(signum, _frame):
    raise SystemExit(128 + signum)


# --- AppTest measurements -------------------------------------------------------------------------

class ScriptProfiler:
    """cProfile the AppTest script thread (AppTest runs scripts in a thread of its own)."""

    current: cProfile.Profile | None = None

    @classmethod
    def install(cls) -> None:
        from streamlit.testing.v1.local_script_runner import LocalScriptRunner

        original = LocalScriptRunner._run_script_thread
        if getattr(original, "_bench_wrapped", False):
            return

        def wrapped(self):
            prof = cls.current
            if prof is None:
                return original(self)
            prof.enable()
            try:
                return original(self)
            finally:
                prof.disable()

        wrapped._bench_wrapped = True
        LocalScriptRunner._run_script_thread = wrapped


class AppBench:
    def __init__(self, workdir: Path):
        os.environ["DASHBOARD_OFFLINE"] = "1"
        os.environ["DASHBOARD_CACHE_DIR"] = str(workdir / "price-cache")
        if str(SRC) not in sys.path:
            sys.path.insert(0, str(SRC))
        import logging

        import streamlit as st
        from streamlit.testing.v1 import AppTest

        for name in ("streamlit", "streamlit.runtime.caching.cache_data_api",
                     "streamlit.runtime.scriptrunner_utils.script_run_context"):
            logging.getLogger(name).setLevel(logging.ERROR)

        # AppTest builds a new ScriptCache on every run, so it recompiles app.py and the page (with
        # Streamlit's magic AST pass) each time; a server compiles each script once. Share one cache,
        # as a server does, so reruns measure the app and not the compiler.
        import streamlit.testing.v1.app_test as app_test_mod
        import streamlit.testing.v1.local_script_runner as runner_mod
        from streamlit.runtime.scriptrunner.script_cache import ScriptCache

        from components.analysis import ranges
        from components.data import store
        from components.ui import state
        from components.ui.data import data_span

        shared = ScriptCache()
        app_test_mod.ScriptCache = runner_mod.ScriptCache = lambda: shared
        self.st, self.AppTest, self.store, self.state = st, AppTest, store, state
        self.all_range = ranges.preset_range("All", ranges.DEFAULT_ANCHOR, *data_span())

    def clear_caches(self) -> None:
        self.st.cache_data.clear()
        self.st.cache_resource.clear()
        self.store.clear_caches()

    def new(self, script: Path | None = None):
        return self.AppTest.from_file(str(script or SRC / "app.py"), default_timeout=TIMEOUT)

    last_cpu = 0.0  # CPU seconds of this process during the last timed run (all threads)

    @classmethod
    def timed(cls, at) -> float:
        c0, t0 = time.process_time(), time.perf_counter()
        at.run()
        elapsed = time.perf_counter() - t0
        cls.last_cpu = time.process_time() - c0
        if at.exception:
            raise RuntimeError("; ".join(str(e.value)[:300] for e in at.exception))
        return elapsed

    def set_all_range(self, at) -> None:
        """What choosing "All" in the sidebar leaves in the session state."""
        s = self.state
        for key, value in {s.RANGE_PRESET.name: "All", s.RANGE_START.name: None, s.RANGE_END.name: None,
                           s.RANGE_DATES: self.all_range}.items():
            at.session_state[key] = value

    def select_event(self, at, event_id: str) -> None:
        at.session_state[self.state.EVENT.name] = event_id
        if self.state.EVENT.widget in at.session_state:  # the event study's selectbox, as its on_change leaves it
            at.session_state[self.state.EVENT.widget] = event_id

    @staticmethod
    def chart_bytes(at) -> tuple[int, list[int]]:
        sizes = [len(el.proto.spec) for el in at.get("plotly_chart")]
        return sum(sizes), sizes

    def open_page(self, page: str, *, cold: bool):
        """A fresh AppTest showing ``page``; with cold, timed on cleared caches. Returns (at, seconds)."""
        path = PAGES[page][0]
        at = self.new()
        if page == "overview":
            if cold:
                self.clear_caches()
            return at, self.timed(at)
        self.timed(at)  # the router's default page first: AppTest cannot start on a url_path page
        if cold:
            self.clear_caches()
        at.switch_page(path)
        return at, self.timed(at)

    def warm_up(self, pages: list[str]) -> dict[str, float]:
        """One untimed-for-stats pass: imports (plotly, scipy, ...) happen here, once per process."""
        out = {}
        for page in pages:
            self.clear_caches()
            _, seconds = self.open_page(page, cold=True)
            out[page] = seconds
        return out

    def run_page(self, page: str) -> dict:
        """One repeat for one page: first run, event rerun (where meaningful), range rerun, bytes."""
        row = {}
        at, row["first"] = self.open_page(page, cold=True)
        row["first_cpu"] = self.last_cpu
        if PAGES[page][1]:
            self.select_event(at, SELECT_EVENT)
            row["event"] = self.timed(at)
            row["event_cpu"] = self.last_cpu
        self.set_all_range(at)
        row["range"] = self.timed(at)
        row["range_cpu"] = self.last_cpu
        row["bytes_all"], row["chart_sizes_all"] = self.chart_bytes(at)
        return row

    def link_bytes(self, params: dict[str, str] | None = None, state: dict | None = None) -> int:
        """Bytes of plotly JSON on Markets opened with these link parameters or session state."""
        at = self.new()
        for key, value in (params or {}).items():
            at.query_params[key] = value
        for key, value in (state or {}).items():
            at.session_state[key] = value
        at.switch_page(PAGES["markets"][0])
        self.timed(at)
        return self.chart_bytes(at)[0]

    def capture_overview_specs(self) -> dict[str, str]:
        """The overview figure as sent, at the default range and at "All" (the floor renders these)."""
        self.clear_caches()
        at, _ = self.open_page("overview", cold=True)
        specs = {"default": at.get("plotly_chart")[0].proto.spec}
        self.set_all_range(at)
        self.timed(at)
        specs["all"] = at.get("plotly_chart")[0].proto.spec
        return specs

    def run_floor(self, script: Path) -> dict:
        row = {}
        at = self.new(script)
        self.clear_caches()
        row["first"] = self.timed(at)
        row["first_cpu"] = self.last_cpu
        row["rerun_same"] = self.timed(at)
        row["rerun_same_cpu"] = self.last_cpu
        at.session_state["floor_figure"] = "all"
        row["rerun_all"] = self.timed(at)
        row["rerun_all_cpu"] = self.last_cpu
        row["bytes_all"], row["chart_sizes_all"] = self.chart_bytes(at)
        return row

    def profile(self, page: str, phase: str, out_dir: Path, top: int = 45) -> dict:
        """cProfile one run of a page: its cold first run, or the range / event rerun after it."""
        ScriptProfiler.install()
        path = PAGES[page][0]
        at = self.new()
        self.timed(at)
        self.clear_caches()
        if page != "overview":
            at.switch_page(path)
        if phase != "first":
            self.timed(at)
            if phase == "range":
                self.set_all_range(at)
            else:
                self.select_event(at, SELECT_EVENT)
        prof = cProfile.Profile()
        ScriptProfiler.current = prof
        try:
            seconds = self.timed(at)
        finally:
            ScriptProfiler.current = None
        stream = io.StringIO()
        stats = pstats.Stats(prof, stream=stream)
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(25)
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / f"{page}-{phase}.txt").write_text(stream.getvalue())
        stats.dump_stats(str(out_dir / f"{page}-{phase}.pstats"))
        return {"page": page, "phase": phase, "seconds_profiled": seconds, "hotspots": hotspots(stats)}


class Instrument:
    """Wrap the INSTRUMENT functions to add up their inclusive wall time (outermost call only)."""

    def __init__(self):
        import importlib

        self.totals: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._patched = []
        self._depth: dict[str, int] = {}
        for module_name, attr, label in INSTRUMENT:
            try:
                owner = importlib.import_module(module_name)
                parts = attr.split(".")
                for part in parts[:-1]:
                    owner = getattr(owner, part)
                original = getattr(owner, parts[-1])
            except (ImportError, AttributeError) as exc:  # a renamed function must not drop out unseen
                raise RuntimeError(f"INSTRUMENT names {module_name}.{attr}, which does not exist") from exc
            self._patched.append((owner, parts[-1], original))
            setattr(owner, parts[-1], self._wrap(original, label))

    def _wrap(self, fn, label):
        import functools

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            depth = self._depth.get(label, 0)
            self._depth[label] = depth + 1
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self._depth[label] = depth
                if depth == 0:
                    self.totals[label] = self.totals.get(label, 0.0) + time.perf_counter() - t0
                    self.calls[label] = self.calls.get(label, 0) + 1
        if hasattr(fn, "clear"):  # st.cache_data functions keep their .clear()
            wrapper.clear = fn.clear
        return wrapper

    def reset(self) -> None:
        self.totals.clear()
        self.calls.clear()

    def restore(self) -> None:
        for owner, name, original in reversed(self._patched):
            setattr(owner, name, original)
        self._patched.clear()


def breakdown(bench: "AppBench", pages: list[str], runs: int) -> list[dict]:
    """Median inclusive wall time of the instrumented functions per page and phase (no profiler)."""
    inst = Instrument()
    out = []
    try:
        for page in pages:
            phases = ["first"] + (["event"] if PAGES[page][1] else []) + ["range"]  # the order of run_page
            per_phase: dict[str, list[tuple[float, dict, dict]]] = {ph: [] for ph in phases}
            for _ in range(runs):
                at = bench.new()
                bench.timed(at)
                bench.clear_caches()
                if page != "overview":
                    at.switch_page(PAGES[page][0])
                for phase in phases:
                    if phase == "range":
                        bench.set_all_range(at)
                    elif phase == "event":
                        bench.select_event(at, SELECT_EVENT)
                    inst.reset()
                    total = bench.timed(at)
                    per_phase[phase].append((total, dict(inst.totals), dict(inst.calls)))
            for phase, samples in per_phase.items():
                labels = sorted({k for _, t, _ in samples for k in t})
                funcs = []
                for label in labels:
                    med = statistics.median(t.get(label, 0.0) for _, t, _ in samples)
                    calls = max(c.get(label, 0) for _, _, c in samples)
                    if med >= 0.001:
                        funcs.append({"function": label, "ms": round(med * 1000, 1), "calls": calls})
                funcs.sort(key=lambda f: -f["ms"])
                out.append({"page": page, "phase": phase, "runs": runs,
                            "total_ms": round(statistics.median(t for t, _, _ in samples) * 1000, 1),
                            "functions": funcs})
    finally:
        inst.restore()
    return out


def hotspots(stats: pstats.Stats, n: int = 6) -> list[dict]:
    """The project's own functions (and the third-party calls they make) with most cumulative time."""
    own = []
    skip = {"<module>", "require_router", "<listcomp>", "<genexpr>", "<lambda>", "<dictcomp>"}
    for (file, line, func), (_cc, nc, _tt, ct, _callers) in stats.stats.items():
        if not file.startswith(str(SRC)) or "/.venv/" in file or func in skip:
            continue
        own.append({"function": f"{Path(file).relative_to(SRC)}:{line}({func})", "calls": nc,
                    "cum_ms": round(ct * 1000, 1)})
    own.sort(key=lambda r: -r["cum_ms"])
    return own[:n]


# --- browser measurements -------------------------------------------------------------------------

class Browser:
    def __init__(self):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        try:
            self.browser = harness.launch_chromium(self._pw)
        except Exception:
            self._pw.stop()
            raise
        self.contexts = []

    def close(self) -> None:
        for ctx in self.contexts:
            try:
                ctx.close()
            except Exception:
                pass
        self.contexts.clear()
        try:
            self.browser.close()
        finally:
            self._pw.stop()

    def new_page(self):
        ctx = self.browser.new_context(viewport={"width": 1400, "height": 1000})
        self.contexts.append(ctx)
        return ctx, ctx.new_page()

    def close_context(self, ctx) -> None:
        ctx.close()
        self.contexts.remove(ctx)

    @staticmethod
    def navigate(page, url: str, timeout_ms: int = 120_000) -> None:
        page.goto(url, wait_until="commit", timeout=timeout_ms)

    @staticmethod
    def wait_chart(page, n: int = 1, timeout_ms: int = 180_000) -> dict:
        """Milliseconds from navigation start to n drawn plotly charts (the page's own clock), with
        milestones: the title (h1) shown and the plotly.js bundle received."""
        handle = page.wait_for_function(harness.CHARTS_DRAWN_AT_JS, arg=n, polling="raf", timeout=timeout_ms)
        marks = page.evaluate("""() => {
          const js = performance.getEntriesByType('resource').find((r) => /PlotlyChart[^/]*\\.js/.test(r.name));
          return {h1: window.__benchH1 || null, plotly_js: js ? js.responseEnd : null};
        }""")
        return {"chart": float(handle.json_value()), **marks}

    def load_to_chart(self, page, url: str, n: int = 1) -> dict:
        self.navigate(page, url)
        return self.wait_chart(page, n)

    def timeline_clicks(self, server: harness.Server, path: str) -> dict:
        """On the timeline at ``path``: a click on the QwQ-32B marker, then Next, each timed from the input
        to the new event's heading (page clock), with the server CPU each cost."""
        ctx, page = self.new_page()
        try:
            self.navigate(page, f"{server.url}/{path}")
            harness.timeline_mark(page, CLICK_EVENT).wait_for(timeout=120_000)
            page.wait_for_timeout(800)  # let the first render settle before interacting
            out = {}
            click, step = harness.timeline_mark(page, CLICK_EVENT), page.get_by_role("button", name="Next ▶")
            previous = page.get_by_role("button", name="◀ Previous")
            # first visits (every cache of these events cold), then the same clicks again (warm): the
            # second round is what a reader clicking back and forth pays, and what the aims are about
            targets = (("cold_click", click, CLICK_TITLE), ("cold_next", step, NEXT_TITLE),
                       ("back", previous, CLICK_TITLE), ("click", click, CLICK_TITLE), ("next", step, NEXT_TITLE))
            for name, target, title in targets:
                if name == "click":  # the marker is already selected: select another first, off the clock
                    page.get_by_role("button", name="◀ Previous").click()
                    page.wait_for_timeout(1200)
                target.scroll_into_view_if_needed()
                box = target.bounding_box()  # found before the clock starts: the time is the app's, not the finding
                cpu0, t0 = server.cpu_seconds(), page.evaluate("performance.now()")
                page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                handle = page.wait_for_function(harness.HEADING_SHOWN_AT_JS, arg=[title, 0], polling="raf",
                                                timeout=120_000)
                out[f"{name}_ms"] = float(handle.json_value()) - t0
                page.wait_for_timeout(1000)  # the rest of the run (tables, the zoom chart) before the CPU reading
                out[f"{name}_cpu"] = server.cpu_seconds() - cpu0
            return out
        finally:
            self.close_context(ctx)


def server_round(browser: Browser, server: harness.Server, sessions: int, paths: dict[str, tuple[str, int]],
                 click: bool, settle: float) -> dict:
    """One fresh server: RSS idle, cold first load, RSS with 1 and ``sessions`` sessions, warm loads.

    Session 1 loads alone (the cold-cache load time); sessions 2..N then open together, as a burst
    of visitors would, and RSS is read once all their charts are drawn.
    """
    out = {"rss_idle": server.rss_bytes()}
    opened = []
    try:
        ctx, page = browser.new_page()
        opened.append(ctx)
        load = browser.load_to_chart(page, server.url)
        out.update(cold_load=load["chart"], cold_load_h1=load["h1"], cold_load_plotly_js=load["plotly_js"])
        time.sleep(settle)
        out["rss_1"] = server.rss_bytes()
        pages = []
        for _ in range(sessions - 1):
            ctx, page = browser.new_page()
            opened.append(ctx)
            browser.navigate(page, server.url)
            pages.append(page)
        for page in pages:
            browser.wait_chart(page)
        time.sleep(settle)
        out[f"rss_{sessions}"] = server.rss_bytes()
    finally:
        for ctx in opened:
            browser.close_context(ctx)
    time.sleep(settle * 2)  # let the closed sessions' teardown finish before timing again
    for name, (path, n) in paths.items():
        ctx, page = browser.new_page()
        try:
            cpu0 = server.cpu_seconds()
            load = browser.load_to_chart(page, f"{server.url}/{path}", n)
            time.sleep(0.5)  # trailing messages of the run
            out.update({f"load_{name}": load["chart"], f"load_{name}_h1": load["h1"],
                        f"load_{name}_plotly_js": load["plotly_js"],
                        f"load_{name}_server_cpu": server.cpu_seconds() - cpu0})
        finally:
            browser.close_context(ctx)
    if click:
        out.update({f"timeline_{k}": v for k, v in browser.timeline_clicks(server, "timeline").items()})
    return out


# --- report ---------------------------------------------------------------------------------------

def fmt(value, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:,.0f} ms"
    if unit == "s2ms":
        return f"{value * 1000:,.0f} ms"
    if unit == "KB":
        return f"{value / 1000:,.1f} KB" if value else "0 (no chart)"
    if unit == "MB":
        return f"{value / 1e6:,.1f} MB"
    return f"{value:,.2f}"


def build_rows(results: dict, sessions: int) -> list[dict]:
    """One row per measure: label, stats, floor value, ratio, aim and verdict."""
    app, floor, srv, fsrv = (results["apptest"], results["floor_apptest"], results.get("server", {}),
                             results.get("floor_server", {}))
    rows = []

    def stat(block: dict, key: str) -> dict:
        return block.get(key) or summarise([])

    def add(label, s, unit, floor_s=None, aim=None, aim_kind=None):
        med, p95 = s["median"], s["p95"]
        fmed = floor_s["median"] if floor_s else None
        ratio = med / fmed if med is not None and fmed else None
        if med is None:
            verdict = "not measured" if not s.get("error") else "ERROR"
        elif aim_kind == "ratio":
            verdict = "ok" if ratio is not None and ratio <= aim else "MISS"
        elif aim_kind == "max":
            verdict = "ok" if med < aim else "MISS"
        else:
            verdict = "—"
        aim_text = {"ratio": f"≤ {aim}× floor", "max": f"< {fmt(aim, unit)}"}.get(aim_kind, "—")
        rows.append({"measure": label, "median": fmt(med, unit), "p95": fmt(p95, unit),
                     "floor": fmt(fmed, unit), "ratio": f"{ratio:.2f}×" if ratio else "—", "aim": aim_text,
                     "verdict": verdict, "raw": {"median": med, "p95": p95, "floor": fmed, "ratio": ratio}})

    for page in app:
        add(f"{page}: first run, caches cleared (AppTest)", stat(app[page], "first"), "s2ms", floor["first"])
    for page in app:
        add(f"{page}: rerun after range → All (AppTest)", stat(app[page], "range"), "s2ms", floor["rerun_all"],
            RERUN_AIM, "ratio")
    for page in app:
        if "event" in app[page]:
            add(f"{page}: rerun after selecting an event (AppTest)", stat(app[page], "event"), "s2ms",
                floor["rerun_same"], RERUN_AIM, "ratio")
    for page in app:
        add(f"{page}: plotly JSON at range All", stat(app[page], "bytes_all"), "KB",
            floor["bytes_all"] if page == "overview" else None, BYTES_AIM, "max")
    links = results.get("links")
    if links:
        add("markets: plotly JSON with end=2100-12-31", summarise([links["far_end_bytes"]]), "KB",
            summarise([links["all_bytes"]]), 1.0, "ratio")
    if srv:
        add("server RSS, idle after start", stat(srv, "rss_idle"), "MB", fsrv.get("rss_idle"))
        add("server RSS, 1 browser session", stat(srv, "rss_1"), "MB", fsrv.get("rss_1"))
        add(f"server RSS, {sessions} browser sessions", stat(srv, f"rss_{sessions}"), "MB",
            fsrv.get(f"rss_{sessions}"))
        add(f"server RSS per extra session (({sessions} − 1) / {sessions - 1})", stat(srv, "rss_per_session"),
            "MB", fsrv.get("rss_per_session"))
        add("browser: overview load → chart, fresh server (cold caches)", stat(srv, "cold_load"), "ms",
            fsrv.get("cold_load"))
        add("browser: overview load → chart, warm server", stat(srv, "load_overview"), "ms",
            fsrv.get("load_floor"))
        add("browser: markets load → chart, warm server", stat(srv, "load_markets"), "ms",
            fsrv.get("load_floor"))
        add("browser: timeline marker click → new detail heading", stat(srv, "timeline_click_ms"), "ms",
            fsrv.get("timeline_click_ms"), CLICK_AIM, "ratio")
        add("browser: Next → new detail heading", stat(srv, "timeline_next_ms"), "ms",
            fsrv.get("timeline_next_ms"), CLICK_AIM, "ratio")
        add("server rerun (CPU) after a timeline marker click", stat(srv, "timeline_click_cpu"), "s2ms",
            fsrv.get("timeline_click_cpu"), SERVER_CLICK_AIM, "ratio")
        add("server rerun (CPU) after Next", stat(srv, "timeline_next_cpu"), "s2ms",
            fsrv.get("timeline_next_cpu"), SERVER_CLICK_AIM, "ratio")
        add("browser: first click on an event → heading (its caches cold)", stat(srv, "timeline_cold_click_ms"),
            "ms", fsrv.get("timeline_cold_click_ms"))
        add("server rerun (CPU) after that first click", stat(srv, "timeline_cold_click_cpu"), "s2ms",
            fsrv.get("timeline_cold_click_cpu"))
        add("server CPU per overview page load (warm)", stat(srv, "load_overview_server_cpu"), "s2ms",
            fsrv.get("load_floor_server_cpu"))
        add("server CPU per markets page load (warm)", stat(srv, "load_markets_server_cpu"), "s2ms",
            fsrv.get("load_floor_server_cpu"))
        add("browser: markets load → chart with end=2100-12-31", stat(srv, "load_far_end"), "ms",
            stat(srv, "load_markets_all"), 1.2, "ratio")
    return rows


def markdown(results: dict, rows: list[dict]) -> str:
    meta = results["meta"]
    lines = [
        "# Dashboard benchmark",
        "",
        f"{meta['when']} · commit {meta['commit']} · {meta['repeats']} repeats · Python {meta['python']} · "
        f"streamlit {meta['streamlit']} · plotly {meta['plotly']} · {meta['cpus']} CPUs · offline, bundled data"
        + (f" · code: {meta['code']}" if meta.get("code") else ""),
        "",
        "| measure | median | p95 | floor | ratio | aim | verdict |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['measure']} | {r['median']} | {r['p95']} | {r['floor']} | {r['ratio']} | {r['aim']} "
                     f"| {r['verdict']} |")
    lines += [
        "",
        "**How to read it.** Floor: a minimal Streamlit script (page config + `st.plotly_chart` of the overview "
        "figure exactly as the app sends it, loaded from JSON in `st.cache_resource`), measured in the same run "
        "the same ways. Its *first run* is a fresh AppTest on cleared caches; the floor for a *range rerun* is "
        "a rerun that swaps in the overview figure at range All; the floor for an *event rerun* re-renders the "
        "same figure. The floor's browser time is its own page load to the drawn chart; its RSS is its own "
        "server's. Ratio = median / floor median. p95 is linear-interpolated (with 5 runs it is close to the "
        "maximum). The code measured is a copy of the working tree taken when the run starts (unless "
        "`--live-tree`), so edits during the run cannot mix versions. AppTest times are wall time of "
        "`AppTest.run()` in this process after one untimed warm-up of every page (module imports happen there), "
        "with one ScriptCache shared across runs as a server has (AppTest alone recompiles every script on "
        "every run). A non-overview page's first run is timed after the router's "
        "default page has run once (AppTest cannot start on a `url_path` page), with every cache cleared in "
        "between. Browser times use the page's own clock (`performance.now()`), from navigation start to at "
        "least one `.js-plotly-plot` with drawn traces (`g.trace`); the click time runs from the mouse click "
        "on the timeline marker to the event's header and its zoom chart being drawn. RSS is VmRSS of the "
        "server process (and any children) read from /proc a moment after the sessions' charts were drawn; "
        "a fresh server per repeat. 1 KB = 1000 bytes, 1 MB = 10^6 bytes.",
    ]
    loads = [x[2] for x in results.get("load", []) if x[2] is not None]
    if loads:
        busy = max(loads) > (meta["cpus"] or 1)
        lines += ["", f"**Machine load** (1-minute load average at each phase): {min(loads):.1f} – {max(loads):.1f} "
                  f"on {meta['cpus']} CPUs." + (" Other processes competed for the CPUs during this run, so absolute "
                  "times are inflated; the ratios to the floor, measured in the same run, and the CPU times below "
                  "are the steadier figures." if busy else "")]
    lines += secondary_tables(results)
    lines += reader_tables(results)
    warm = results.get("warm_up_seconds")
    if warm:
        lines += ["", "**One-off process warm-up** (first ever run of each page in this process, imports included): "
                  + ", ".join(f"{p} {s * 1000:,.0f} ms" for p, s in warm.items()) + "."]
    parts = results.get("breakdown") or []
    if parts:
        lines += ["", "## Where the time goes (instrumented wall time, no profiler; median of "
                  f"{parts[0]['runs']} runs, inclusive, so nested rows overlap)", "",
                  "| page · phase | run total | biggest parts |", "|---|---:|---|"]
        for part in parts:
            top = "; ".join(f"{f['function']} {f['ms']:,.0f} ms" + (f" ×{f['calls']}" if f["calls"] > 1 else "")
                            for f in part["functions"][:6])
            lines.append(f"| {part['page']} · {part['phase']} | {part['total_ms']:,.0f} ms | {top or '—'} |")
    profiles = results.get("profiles") or []
    if profiles:
        lines += ["", "## Profiles (cProfile of the script thread; cProfile inflates times ~2×, use for ranking)", ""]
        for prof in profiles:
            spots = "; ".join(f"`{h['function']}` {h['cum_ms']:,.0f} ms ×{h['calls']}" for h in prof["hotspots"][:5])
            lines.append(f"- **{prof['page']} {prof['phase']}** ({prof['seconds_profiled'] * 1000:,.0f} ms profiled): "
                         f"{spots}. Full listing: `bench/results/profiles/{prof['page']}-{prof['phase']}.txt`.")
    errors = results.get("errors") or []
    if errors:
        lines += ["", "## Errors", ""] + [f"- {e}" for e in errors]
    return "\n".join(lines) + "\n"


def secondary_tables(results: dict) -> list[str]:
    """CPU time of the AppTest runs (less sensitive to other load) and the browser load milestones."""
    app, floor = results.get("apptest", {}), results.get("floor_apptest", {})
    out = ["", "**AppTest CPU time** (median `process_time` of the run, all threads; floor in brackets):", "",
           "| page | first run | rerun, range → All | rerun, event |", "|---|---:|---:|---:|"]
    for page, block in app.items():
        cells = []
        for key, fkey in (("first_cpu", "first_cpu"), ("range_cpu", "rerun_all_cpu"), ("event_cpu", "rerun_same_cpu")):
            med = (block.get(key) or {}).get("median")
            fmed = (floor.get(fkey) or {}).get("median")
            cells.append("—" if med is None else f"{med * 1000:,.0f} ms ({fmed * 1000:,.0f})" if fmed else
                         f"{med * 1000:,.0f} ms")
        out.append(f"| {page} | " + " | ".join(cells) + " |")
    srv, fsrv = results.get("server", {}), results.get("floor_server", {})
    if srv:
        out += ["", "**Browser milestones** (median ms from navigation start): title (h1) shown · plotly.js bundle "
                "received · chart drawn:", ""]
        for label, block, key in (("app overview, fresh server", srv, "cold_load"),
                                  ("app overview, warm", srv, "load_overview"),
                                  ("app markets, warm", srv, "load_markets"),
                                  ("floor, fresh server", fsrv, "cold_load"), ("floor, warm", fsrv, "load_floor")):
            vals = [(block.get(k) or {}).get("median") for k in (f"{key}_h1", f"{key}_plotly_js", key)]
            out.append(f"- {label}: " + " · ".join("—" if v is None else f"{v:,.0f}" for v in vals))
    return out


def run_meta(repeats: int) -> dict:
    def version(mod):
        try:
            return __import__(mod).__version__
        except Exception:
            return "?"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, timeout=10).stdout.strip() or "?"
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip()
        commit += " (+ uncommitted changes)" if dirty else ""
    except Exception:
        commit = "?"
    return {"when": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "commit": commit, "repeats": repeats,
            "python": platform.python_version(), "streamlit": version("streamlit"), "plotly": version("plotly"),
            "cpus": os.cpu_count(), "platform": platform.platform()}


# --- main -----------------------------------------------------------------------------------------

def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="scripts/bench.py",
        description=textwrap.dedent(__doc__.split("\n\n")[0]),
        epilog="Writes bench/results/benchmark.md and benchmark.json. Needs /usr/bin/chromium for the browser "
               "measures (Debian's package; skipped with a note if missing).",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=None, help="runs per measure (default 5; 2 with --quick)")
    ap.add_argument("--quick", action="store_true",
                    help="2 repeats, no profiles: a fast smoke run of the whole benchmark")
    ap.add_argument("--sessions", type=int, default=10, help="browser sessions for the larger RSS figure (10)")
    ap.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES),
                    help="pages for the AppTest measures (default: all)")
    ap.add_argument("--no-browser", action="store_true", help="skip the server, RSS and Chromium measures")
    ap.add_argument("--no-profile", action="store_true", help="skip the cProfile pass")
    ap.add_argument("--out", type=Path, default=RESULTS, help="output folder (default bench/results)")
    ap.add_argument("--reader-only", action="store_true",
                    help="only the reader's corpus scores and pathological-text timings (a few seconds)")
    ap.add_argument("--live-tree", action="store_true",
                    help="run the files in place instead of a copy of the working tree taken at the start")
    args = ap.parse_args(argv)
    if args.repeats is None:
        args.repeats = 2 if args.quick else 5
    if args.repeats < 1 or args.sessions < 2:
        ap.error("--repeats must be ≥ 1 and --sessions ≥ 2")
    args.profile = not (args.quick or args.no_profile)
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _on_signal)
    args.out.mkdir(parents=True, exist_ok=True)
    results: dict = {"meta": run_meta(args.repeats), "errors": [], "load": [["start", 0, loadavg()]]}
    try:
        results["reader"] = reader_scores()
    except Exception as exc:
        results["errors"].append(f"reader scores: {type(exc).__name__}: {exc}")
    if args.reader_only:
        md = "\n".join(reader_tables(results)) + "\n"
        print(md)
        return 1 if results["errors"] else 0
    with tempfile.TemporaryDirectory(prefix="dashboard-bench-") as tmp:
        work = Path(tmp)
        _run(args, results, work)  # every server runs in a context that stops it, also on error or Ctrl-C
    results["load"].append(["end", 0, loadavg()])
    rows = build_rows(results, args.sessions)
    results["table"] = [{k: v for k, v in r.items()} for r in rows]
    (args.out / "benchmark.json").write_text(json.dumps(results, indent=1, default=str))
    md = markdown(results, rows)
    (args.out / "benchmark.md").write_text(md)
    print(md)
    log(f"wrote {args.out / 'benchmark.md'} and {args.out / 'benchmark.json'}")
    return 1 if results["errors"] else 0


def snapshot_tree(dest: Path) -> Path:
    """Copy the working tree (tracked and untracked, not ignored files) to ``dest`` and return it."""
    import shutil

    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True,
                            timeout=30, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file() and not rel.startswith(("bench/", "tests/")):
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


def _run(args, results: dict, work: Path) -> None:
    global SRC
    if not args.live_tree:
        SRC = snapshot_tree(work / "src")
        results["meta"]["code"] = "a copy of the working tree taken at the start of the run"
    bench = AppBench(work)
    log(f"warm-up: one run of each page ({', '.join(args.pages)})")
    results["warm_up_seconds"] = bench.warm_up(args.pages)

    # the floor script and the figure it renders, captured from the overview as the app sends it
    floor_dir = work / "floor"
    floor_dir.mkdir()
    floor_script = floor_dir / "floor_app.py"
    floor_script.write_text(FLOOR_SCRIPT)
    floor_timeline = floor_dir / "floor_timeline.py"
    floor_timeline.write_text(FLOOR_TIMELINE_SCRIPT)
    global CLICK_TITLE, NEXT_TITLE
    from components.data.events import bundled_events

    ordered = sorted(bundled_events(), key=lambda e: e.sort_key)
    at = next(i for i, e in enumerate(ordered) if e.id == CLICK_EVENT)
    CLICK_TITLE, NEXT_TITLE = ordered[at].title, ordered[at + 1].title
    for name, spec in bench.capture_overview_specs().items():
        (floor_dir / f"figure_{name}.json").write_text(spec)

    samples: dict[str, dict[str, list]] = {p: {} for p in args.pages}
    floor_samples: dict[str, list] = {}
    for rep in range(args.repeats):
        log(f"AppTest repeat {rep + 1}/{args.repeats}")
        results["load"].append(["apptest", rep + 1, loadavg()])
        for page in args.pages:
            try:
                row = bench.run_page(page)
            except Exception as exc:
                results["errors"].append(f"AppTest {page} repeat {rep + 1}: {exc}")
                continue
            for key, value in row.items():
                if key != "chart_sizes_all":
                    samples[page].setdefault(key, []).append(value)
            samples[page]["chart_sizes_all"] = row["chart_sizes_all"]
        for key, value in bench.run_floor(floor_script).items():
            if key != "chart_sizes_all":
                floor_samples.setdefault(key, []).append(value)
    results["apptest"] = {p: {k: (summarise(v) if k != "chart_sizes_all" else v) for k, v in s.items()}
                          for p, s in samples.items()}
    far = dict(pair.split("=") for pair in FAR_END.split("&"))
    results["links"] = {"far_end_bytes": bench.link_bytes(params=far),
                        "all_bytes": bench.link_bytes(state={"range_preset": "All"})}
    results["floor_apptest"] = {k: summarise(v) for k, v in floor_samples.items()}

    if args.profile:
        log("profiling (cProfile)")
        results["profiles"] = []
        targets = [(p, "first") for p in args.pages]
        targets += [(p, "range") for p in ("overview", "markets", "event_study", "timeline") if p in args.pages]
        targets += [(p, "event") for p in ("overview", "timeline", "event_study") if p in args.pages]
        for page, phase in targets:
            try:
                results["profiles"].append(bench.profile(page, phase, args.out / "profiles"))
            except Exception as exc:
                results["errors"].append(f"profile {page} {phase}: {exc}")
        log("breakdown: instrumented wall time of selected functions")
        try:
            results["breakdown"] = breakdown(bench, args.pages, max(3, min(args.repeats, 5)))
        except Exception as exc:
            results["errors"].append(f"breakdown: {type(exc).__name__}: {exc}")

    if args.no_browser:
        return
    if not Path(harness.CHROMIUM).exists():
        results["errors"].append(f"{harness.CHROMIUM} not found: browser measures skipped (apt-get install chromium)")
        return
    browser = Browser()
    srv: dict[str, list] = {}
    fsrv: dict[str, list] = {}
    try:
        for rep in range(args.repeats):
            # alternate which server goes first, so drift on the machine does not favour one
            order = [("app", SRC / "app.py"), ("floor", floor_script)]
            if rep % 2:
                order.reverse()
            for name, script in order:
                log(f"browser repeat {rep + 1}/{args.repeats}: {name} server, {args.sessions} sessions")
                results["load"].append([f"browser-{name}", rep + 1, loadavg()])
                try:
                    with harness.streamlit_server(work / f"cache-{name}-{rep}", script=script, cwd=SRC,
                                                  timeout=90) as server:
                        if name == "app":
                            paths = {"overview": ("", 1), "markets": ("markets", 1),
                                     "markets_all": ("markets?range=All", 1), "far_end": (f"markets?{FAR_END}", 1)}
                            out = server_round(browser, server, args.sessions, paths, click=True, settle=1.5)
                            target = srv
                        else:
                            out = server_round(browser, server, args.sessions, {"floor": ("", 1)}, click=False,
                                               settle=1.5)
                            target = fsrv
                    out["rss_per_session"] = (out[f"rss_{args.sessions}"] - out["rss_1"]) / (args.sessions - 1)
                    out.pop("click_event", None)
                    for key, value in out.items():
                        target.setdefault(key, []).append(value)
                except Exception as exc:
                    results["errors"].append(f"{name} server repeat {rep + 1}: {type(exc).__name__}: "
                                             f"{str(exc)[:400]}")
            log(f"browser repeat {rep + 1}/{args.repeats}: timeline floor server")
            try:
                with harness.streamlit_server(work / f"cache-floor-timeline-{rep}", script=floor_timeline,
                                              cwd=SRC, timeout=90,
                                              env={"PYTHONPATH": str(SRC)}) as server:
                    for key, value in browser.timeline_clicks(server, "").items():
                        fsrv.setdefault(f"timeline_{key}", []).append(value)
            except Exception as exc:
                results["errors"].append(f"timeline floor repeat {rep + 1}: {type(exc).__name__}: {str(exc)[:400]}")
    finally:
        browser.close()
    results["server"] = {k: summarise(v) for k, v in srv.items()}
    results["floor_server"] = {k: summarise(v) for k, v in fsrv.items()}


if __name__ == "__main__":
    sys.exit(main())
