"""The browser harness (not a test module): used by the browser tests, the load test and scripts/bench.py.

* :func:`streamlit_server` starts ``streamlit run app.py`` (or another script) offline on a free
  port, with its own disk cache, waits until it serves and always stops it; :class:`ReusableServer`
  keeps one for many tests and restarts it when the app's sources change. A :class:`Server` reports
  its memory and CPU time (with its children) from /proc.
* :func:`launch_chromium` starts Debian's chromium (never a downloaded browser) headless;
  :func:`browser_context` opens a fresh context in it (a new Streamlit session) at a size, theme or device, with the
  tests' default timeout, and always closes it.
* :func:`wait_for_app` waits until the app has settled: the stApp element exists, no script run
  is in progress ("Running..."), no skeleton placeholders are left and every plotly chart is drawn.
* :func:`click_event` clicks an event marker by event id: the trace and point come from the
  figure's ``_fullData`` customdata, the pixel from its axes (``_fullLayout``); :func:`aim_at_event`
  only hovers it, so a benchmark can time the click alone.
* :func:`x_range` reads a chart's current x-axis range; :func:`screenshot` saves a PNG into
  ``tests/artifacts/`` (git-ignored); :func:`percentile` summarises timings as the reports do.

Charts are addressed by their Streamlit key (``st.plotly_chart(..., key=K)`` renders inside an
element with the class ``st-key-K``); ``None`` means the first chart on the page.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from components.ui import state
from tests.paths import ROOT

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}
SERVER_START_TIMEOUT = 60.0
SERVE = ROOT / "scripts" / "serve.py"  # how the app is started (scripts/run.sh, the Dockerfile, these tests)
SETTLE_TIMEOUT = 90.0  # generous: the machine may be shared and slow; a pass never waits this long


# --- the server -----------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    port: int
    process: subprocess.Popen
    log: Path

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def pids(self) -> list[int]:
        """The server process and its descendants."""
        out, todo = [], [self.process.pid]
        while todo:
            pid = todo.pop()
            out.append(pid)
            for task in Path(f"/proc/{pid}/task").glob("*"):
                try:
                    todo += [int(c) for c in (task / "children").read_text().split()]
                except OSError:
                    pass
        return out

    def rss_bytes(self) -> int:
        """Resident memory of the server and its children (VmRSS), in bytes."""
        total = 0
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                pass
        return total

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server and its children so far."""
        tick, total = os.sysconf("SC_CLK_TCK"), 0.0
        for pid in self.pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
            except (OSError, IndexError, ValueError):
                pass
        return total


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # localhost never via a proxy


def _healthy(url: str) -> bool:
    try:
        with _NO_PROXY.open(f"{url}/_stcore/health", timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


def stop_group(proc: subprocess.Popen, sig: int = signal.SIGTERM, grace: float = 10) -> None:
    """Stop a server we started (its own process group only) with ``sig``, killing it if it hangs."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        except ProcessLookupError:
            pass


@contextlib.contextmanager
def streamlit_server(cache_dir: Path | str | None = None, *, wait: str = "health",
                     timeout: float = SERVER_START_TIMEOUT, env: dict[str, str] | None = None,
                     args: tuple[str, ...] = (), script: Path | None = None,
                     cwd: Path | None = None) -> Iterator[Server]:
    """Run the app (or ``script``, from ``cwd``) offline on a free port; yield a :class:`Server`; stop it.

    ``wait="health"`` polls ``/_stcore/health``. ``wait="port"`` sends no HTTP request: it waits
    for streamlit to log that it serves and for the TCP port to accept connections, so the caller's
    first request really is the server's first one (deep links on a fresh server). If another
    process grabs the chosen port before streamlit binds it (xdist workers start at the same time),
    a new port is tried.
    ``env`` adds environment variables and ``args`` extra ``streamlit run`` options.
    """
    with contextlib.ExitStack() as stack:
        if cache_dir is None:
            cache_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="dash-cache-"))
        cache_dir = Path(cache_dir)
        cache_dir.mkdir(parents=True, exist_ok=True)
        child_env = {**os.environ, "DASHBOARD_OFFLINE": "1", "DASHBOARD_CACHE_DIR": str(cache_dir),
                     "DASHBOARD_DATA_DIR": str(cache_dir / "data"),
                     "DASHBOARD_RAISE_ERRORS": "1", "PYTHONUNBUFFERED": "1", **(env or {})}
        for attempt in range(3):
            port = free_port()
            log = cache_dir / f"streamlit-{port}.log"
            # the app starts as scripts/serve.py starts it (the absolute path also keeps it clear of a broad pkill)
            start = [sys.executable, "-m", "streamlit", "run", str(script)] if script else [sys.executable, str(SERVE)]
            cmd = [*start, "--server.port", str(port),
                   "--server.address", "127.0.0.1", "--server.headless", "true",
                   "--browser.gatherUsageStats", "false",
                   # No file watcher: it doubles the server's CPU per page load (it scans sys.modules
                   # on every run). A server is only reused while the sources are unchanged, see
                   # ReusableServer.
                   "--server.fileWatcherType", "none", "--server.runOnSave", "false", *args]
            with open(log, "wb") as log_file:
                proc = subprocess.Popen(cmd, cwd=cwd or ROOT, env=child_env, stdout=log_file, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
            stack.callback(stop_group, proc)
            server = Server(url=f"http://127.0.0.1:{port}", port=port, process=proc, log=log)
            if wait == "health":
                ready = _healthy
            else:  # no HTTP request: streamlit has logged that it serves, and the port accepts connections
                def ready(_url: str, server: Server = server) -> bool:
                    return "You can now view" in server.log_tail() and _port_open(server.port)
            deadline = time.monotonic() + timeout
            while not ready(server.url):
                if proc.poll() is not None:
                    if re.search(r"already in use|is not available", server.log_tail()) and attempt < 2:
                        break  # lost a race for the port: try another one
                    raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{server.log_tail()}")
                if time.monotonic() > deadline:
                    raise TimeoutError(f"streamlit did not start within {timeout:.0f}s:\n{server.log_tail()}")
                time.sleep(0.2)
            else:
                yield server
                return


SOURCE_GLOBS = ("app.py", "pages/**/*.py", "components/**/*.py", "data/*", ".streamlit/*.toml")


def source_fingerprint() -> tuple:
    """Paths, sizes and mtimes of everything the server loads once and caches (modules, data)."""
    files = sorted({p for pattern in SOURCE_GLOBS for p in ROOT.glob(pattern) if p.is_file()})
    out = []
    for path in files:
        try:
            st = path.stat()
        except OSError:  # removed while we looked
            continue
        out.append((path.relative_to(ROOT).as_posix(), st.st_size, st.st_mtime_ns))
    return tuple(out)


class ReusableServer:
    """One server reused by many tests, restarted when the app's sources changed or it died.

    A running streamlit server re-reads page files on every run but keeps imported modules, so
    after an edit of the app (by someone else, during the test run) a long-lived server would mix
    a new page with old component modules. :meth:`get` restarts it in that case, and when the
    process is gone; :meth:`close` stops it.
    """

    def __init__(self, cache_dir: Path | str | None = None, **kwargs) -> None:
        self.cache_dir, self.kwargs = cache_dir, kwargs
        self.starts = 0
        self._stack: contextlib.ExitStack | None = None
        self._server: Server | None = None
        self._fingerprint: tuple | None = None

    def get(self) -> Server:
        fingerprint = source_fingerprint()
        if self._server is None or self._server.process.poll() is not None or fingerprint != self._fingerprint:
            self.close()
            self._stack = contextlib.ExitStack()
            self._fingerprint = fingerprint  # taken before the start: an edit during it restarts again
            self._server = self._stack.enter_context(streamlit_server(self.cache_dir, **self.kwargs))
            self.starts += 1
        return self._server

    def close(self) -> None:
        if self._stack is not None:
            stack, self._stack, self._server = self._stack, None, None
            stack.close()


# --- the browser ----------------------------------------------------------------------------------

TIMEOUT_MS = 60_000  # a browser test's waits: generous for a shared, busy machine; passing runs never wait this long


@contextlib.contextmanager
def browser_context(browser, **options) -> Iterator:
    """A fresh context of ``browser`` (a new Streamlit session): desktop-sized unless ``options`` (Playwright's
    ``new_context`` options: a viewport, a ``color_scheme``, a device's user agent and touch) say otherwise; every
    page in it waits up to :data:`TIMEOUT_MS`; closed however the test ends."""
    context = browser.new_context(**{"viewport": DESKTOP, **options})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context
    finally:
        context.close()


def launch_chromium(playwright):
    """Debian's chromium, headless, with background networking off. Never downloads a browser."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing; install Debian's chromium (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


_SETTLE_STATE_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return {ready: false, why: 'no stApp'};
  const state = app.getAttribute('data-test-script-state');
  const status = document.querySelector('[data-testid="stStatusWidget"]');
  const statusText = status ? status.innerText : '';
  const skeletons = document.querySelectorAll('[data-testid="stSkeleton"]').length;
  const stale = document.querySelectorAll('[data-stale="true"]').length;
  const charts = Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'));
  const drawn = charts.filter(c => {
    const gd = c.querySelector('.js-plotly-plot');
    return gd && gd._fullLayout && gd._fullData && gd.querySelector('.main-svg');
  }).length;
  const why = [];
  if (state === 'running' || state === 'rerun') why.push('script ' + state);
  if (/running/i.test(statusText)) why.push('status ' + statusText);
  if (skeletons) why.push(skeletons + ' skeletons');
  if (stale) why.push(stale + ' stale elements');
  if (drawn < charts.length) why.push((charts.length - drawn) + ' charts not drawn');
  const exceptions = Array.from(document.querySelectorAll('[data-testid="stException"]'))
    .map(e => e.innerText.slice(0, 500));
  const sig = [location.href, state, charts.length, drawn,
               document.querySelectorAll('[data-testid="stElementContainer"]').length].join('|');
  return {ready: why.length === 0, why: why.join(', '), charts: drawn, sig, exceptions};
}
"""


def settle_state(page) -> dict:
    return page.evaluate(_SETTLE_STATE_JS)


class AppException(AssertionError):
    """The app settled showing a Python exception box."""


def wait_for_app(page, *, charts: int = 0, timeout: float = SETTLE_TIMEOUT, quiet: float = 0.6,
                 allow_exception: bool = False) -> dict:
    """Wait until the app has settled and shows at least ``charts`` drawn plotly charts.

    Settled means: stApp exists, no script run in progress, no "Running..." status, no skeletons
    or stale (greyed) elements, every plotly chart drawn, and all of that unchanged for ``quiet``
    seconds (a rerun triggered by a click may start a moment after the click). An exception box
    on an idle app fails at once with its text (unless ``allow_exception``), instead of waiting
    for charts that will never come.
    """
    started = time.monotonic()
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout * 1000)
    deadline = started + timeout
    quiet_since, last_sig, seen, history = None, None, {}, []
    while time.monotonic() < deadline:
        seen = settle_state(page)
        if seen.get("exceptions") and seen.get("ready") and not allow_exception:
            raise AppException("the app shows an exception:\n" + "\n---\n".join(seen["exceptions"]))
        ok = bool(seen.get("ready")) and seen.get("charts", 0) >= charts
        note = "ready" if ok else (seen.get("why") or f"{seen.get('charts', 0)} of {charts} charts")
        if not history or history[-1][1] != note:
            history.append((round(time.monotonic() - started, 1), note))
        if ok and seen["sig"] == last_sig:
            if quiet_since is None:
                quiet_since = time.monotonic()
            if time.monotonic() - quiet_since >= quiet:
                return seen
        else:
            quiet_since = None
        last_sig = seen.get("sig") if ok else None
        page.wait_for_timeout(100)  # unlike time.sleep, lets Playwright process page events
    raise TimeoutError(f"app did not settle within {timeout:.0f}s (want {charts} charts): {seen}\n"
                       f"states seen (seconds, state): {history[-12:]}")


def current_url(page) -> str:
    """The address bar as the page sees it (``page.url`` lags behind history.pushState in the
    sync API until Playwright processes events)."""
    return page.evaluate("location.href")


def goto(page, base_url: str, path: str = "/", *, charts: int = 0, timeout: float = SETTLE_TIMEOUT) -> dict:
    """Open ``base_url + path`` and wait for the app to settle."""
    page.goto(base_url.rstrip("/") + "/" + path.lstrip("/"), wait_until="domcontentloaded",
              timeout=timeout * 1000)
    return wait_for_app(page, charts=charts, timeout=timeout)


# --- plotly charts --------------------------------------------------------------------------------

def chart_selector(key: str | None = None) -> str:
    """CSS selector of a plotly chart's graph div, by Streamlit key (None: the first chart)."""
    scope = f".st-key-{key} " if key else ""
    return f"{scope}.js-plotly-plot"


def chart_handle(page, key: str | None = None):
    locator = page.locator(chart_selector(key)).first
    locator.wait_for(state="attached", timeout=SETTLE_TIMEOUT * 1000)
    return locator


def x_range(page, key: str | None = None) -> list:
    """The chart's current x-axis range (``_fullLayout.xaxis.range``), as plotly reports it."""
    return chart_handle(page, key).evaluate("gd => gd._fullLayout.xaxis.range.slice()")


def x_range_timestamps(page, key: str | None = None) -> tuple[dt.datetime, dt.datetime]:
    """The x-range of a date axis as datetimes."""
    low, high = x_range(page, key)
    return _parse_plotly_date(low), _parse_plotly_date(high)


def _parse_plotly_date(value) -> dt.datetime:
    if isinstance(value, (int, float)):
        return dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=value)
    text = str(value).replace("T", " ")
    for fmt in ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(f"not a plotly date: {value!r}")


def trace_names(page, key: str | None = None) -> list[str]:
    return chart_handle(page, key).evaluate("gd => gd._fullData.map(t => t.name)")


def event_ids(page, key: str | None = None) -> list[str]:
    """Every event id on a chart (customdata[0] of the event marker traces), in trace order."""
    return chart_handle(page, key).evaluate("""gd => gd._fullData
        .filter(t => t.mode === 'markers' && Array.isArray(t.customdata) && !/reactions$/.test(t.name))
        .flatMap(t => t.customdata.map(c => Array.isArray(c) ? c[0] : c))""")


_EVENT_POINT_JS = """
([gd, eventId]) => {
  const data = gd._fullData, layout = gd._fullLayout;
  let found = null;
  // prefer the event lanes over the reaction triangles (same customdata[0], on price lines)
  for (const lanesFirst of [true, false]) {
    for (const t of data) {
      if (found || !Array.isArray(t.customdata) || t.visible !== true) continue;
      if (lanesFirst === /reactions$/.test(t.name || '')) continue;
      const i = t.customdata.findIndex(c => (Array.isArray(c) ? c[0] : c) === eventId);
      if (i >= 0) found = {trace: t, point: i};
    }
  }
  if (!found) return null;
  const t = found.trace, i = found.point;
  const xa = layout[t.xaxis.replace(/^x/, 'xaxis')], ya = layout[t.yaxis.replace(/^y/, 'yaxis')];
  const xp = xa.c2p(xa.d2c(t.x[i])), yp = ya.c2p(ya.d2c(t.y[i]));
  const box = gd.getBoundingClientRect();
  const res = {trace: t.index, point: i, name: t.name,
               x: box.left + xa._offset + xp, y: box.top + ya._offset + yp,
               inside: xp >= 0 && xp <= xa._length && yp >= 0 && yp <= ya._length};
  // cross-check with the drawn marker, when plotly drew one
  for (const node of gd.querySelectorAll('.scatterlayer .trace')) {
    const cd = node.__data__;
    if (!cd || !cd[0] || !cd[0].trace || cd[0].trace.index !== t.index) continue;
    for (const path of node.querySelectorAll('.points path')) {
      if (path.__data__ && path.__data__.i === i) {
        const r = path.getBoundingClientRect();
        res.svg = {x: r.left + r.width / 2, y: r.top + r.height / 2};
      }
    }
  }
  return res;
}
"""


def event_point(page, event_id: str, key: str | None = None) -> dict | None:
    """Where an event's marker is: trace and point index, viewport pixels (x, y), and the svg centre."""
    return chart_handle(page, key).evaluate(f"gd => ({_EVENT_POINT_JS})([gd, {event_id!r}])")


def click_event(page, event_id: str, key: str | None = None) -> dict:
    """Click the marker of ``event_id`` on a chart, at the pixel computed from the chart's axes."""
    point = aim_at_event(page, event_id, key)
    page.mouse.click(point["x"], point["y"])
    return point


def aim_at_event(page, event_id: str, key: str | None = None) -> dict:
    """Bring the marker of ``event_id`` into view and hover it, ready for a click (timed from the click alone)."""
    handle = chart_handle(page, key)
    handle.scroll_into_view_if_needed()
    point = event_point(page, event_id, key)
    if point is None:
        raise AssertionError(f"no marker for event {event_id!r} on chart {key or '(first)'}")
    if not point["inside"]:
        raise AssertionError(f"event {event_id!r} is outside the plotted range: {point}")
    viewport = page.viewport_size
    if viewport and not (0 <= point["y"] < viewport["height"]):
        page.mouse.wheel(0, point["y"] - viewport["height"] / 2)
        page.wait_for_timeout(300)
        point = event_point(page, event_id, key)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_timeout(150)  # let plotly register the hover before the click, as a user's mouse would
    return point


# --- the timeline component -------------------------------------------------------------------------

TIMELINE = f".st-key-{state.TIMELINE}"  # the component's element (Playwright's CSS reaches into its shadow root)


def timeline_ids(page) -> list[str]:
    """The ids of the events drawn on the timeline (those in its current view)."""
    page.locator(f"{TIMELINE} .tl-root").wait_for(timeout=SETTLE_TIMEOUT * 1000)
    return page.locator(f"{TIMELINE} [data-event-id]").evaluate_all("els => els.map(e => e.dataset.eventId)")


def timeline_view(page) -> tuple[int, int]:
    """The timeline's view as (start, end) milliseconds on the Hong Kong clock."""
    root = page.locator(f"{TIMELINE} .tl-root")
    return int(root.get_attribute("data-view-start")), int(root.get_attribute("data-view-end"))


def timeline_mark(page, event_id: str):
    return page.locator(f'{TIMELINE} [data-event-id="{event_id}"]')


def open_range_controls(page) -> None:
    """Open the date-range popover under the page title (the presets, the dates and the anchor)."""
    button = page.locator('[data-testid="stPopover"] button').first
    presets = page.locator(f".st-key-{state.RANGE_PRESET.widget}")
    if presets.count() == 0 or not presets.is_visible():
        button.click()
    presets.wait_for(state="visible", timeout=SETTLE_TIMEOUT * 1000)


# --- screenshots ----------------------------------------------------------------------------------

def screenshot(page, name: str, *, full: bool = False) -> Path:
    """Save a PNG of the viewport into tests/artifacts/ (``full``: the whole scrolled main area).

    Streamlit scrolls inside its own container, so a full-page capture grows the viewport to the
    content height for the shot and restores it afterwards.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if not full:
        page.screenshot(path=str(path))
        return path
    size = dict(page.viewport_size)
    height = page.evaluate("""() => {
        const main = document.querySelector('[data-testid="stMain"]');
        return main ? main.scrollHeight : document.documentElement.scrollHeight; }""")
    try:
        page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(int(height), 12000))})
        page.wait_for_timeout(800)  # plotly charts are responsive and redraw after the resize
        page.screenshot(path=str(path))
    finally:
        page.set_viewport_size(size)
    return path


# --- timings ----------------------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile, ``q`` in 0..100 (numpy's default; with 5 samples p95 is near the max)."""
    xs = sorted(values)
    if len(xs) == 1:
        return xs[0]
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


# performance.now() once at least ``n`` plotly charts have drawn traces, else null; on the way it notes
# when the page's title (h1) first showed, so a timing can tell "app ran" from "chart drawn".
CHARTS_DRAWN_AT_JS = """(n) => {
  if (!window.__benchH1 && document.querySelector('h1')) window.__benchH1 = performance.now();
  const drawn = Array.from(document.querySelectorAll('.js-plotly-plot')).filter(
    (p) => p._fullData && p._fullData.length > 0 && p.querySelector('g.trace'));
  return drawn.length >= n ? performance.now() : null;
}"""

# performance.now() once a heading reads ``title`` and at least ``n`` charts are drawn, else null.
HEADING_SHOWN_AT_JS = """([title, n]) => {
  const decode = (s) => { const t = document.createElement('textarea'); t.innerHTML = s; return t.value; };
  const want = decode(title).trim();
  const shown = Array.from(document.querySelectorAll('h1, h2, h3')).some((h) => h.innerText.trim() === want);
  const drawn = Array.from(document.querySelectorAll('.js-plotly-plot')).filter(
    (p) => p._fullData && p._fullData.length > 0 && p.querySelector('g.trace'));
  return shown && drawn.length >= n ? performance.now() : null;
}"""
