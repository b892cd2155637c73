"""The browser's part: clicks, page loads and sessions in headless Chromium, each beside its floor in the same run.

Debian's ``/usr/bin/chromium`` only, through Playwright's ``executable_path`` (``tests/browser_harness.py``:
``launch_chromium``, no browser is downloaded). Servers are the harness's ``streamlit_server``: the app as
``scripts/serve.py`` starts it, the floors as plain ``streamlit run`` of ``apps/floor.py`` and ``apps/onselect.py``.
Times are the page's own clock (``performance.now()``), milliseconds:

* a click, from the mouse click to the clicked event's heading on screen: a timeline marker (the timeline page), an
  Overview chart marker (the app opens the event on the timeline), and the floor: ``apps/onselect.py``'s chart;
* a page load, from navigation start to every chart of the page drawn, on a fresh server (cold: a new server for
  each load, a new browser context) and on a warm one (the page loaded once before, in the same context); the floor
  is ``apps/floor.py`` drawing the figures the page drew in AppTest;
* server memory and CPU per session: one session, then ``sessions - 1`` more at once; (RSS, CPU) after minus after
  the first, per added session, for the app and for the floor.
"""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

from tests import browser_harness as harness

APPS = Path(__file__).resolve().parent / "apps"
TIMEOUT_MS = 180_000  # a step on a busy 2-core machine; a pass never waits this long
SETTLE = 1.5  # seconds for a run's trailing messages before memory and CPU are read


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = harness.launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


def floor_server(folder: Path, script: str, cache: Path):
    """A floor app (``apps/<script>``) reading its figure sets from ``folder``."""
    return harness.streamlit_server(cache, script=APPS / script, env={"BENCH_FIGURES_DIR": str(folder)}, wait="port")


def app_server(cache: Path):
    return harness.streamlit_server(cache, wait="port")


def charts_drawn_ms(page, url: str, charts: int) -> float:
    """Milliseconds from navigation start to ``charts`` plotly charts drawn."""
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    return float(page.wait_for_function(harness.CHARTS_DRAWN_AT_JS, arg=charts, polling="raf",
                                        timeout=TIMEOUT_MS).json_value())


def load_ms(context, url: str, charts: int) -> float:
    page = context.new_page()
    try:
        return charts_drawn_ms(page, url, charts)
    finally:
        page.close()


def cold_load(browser, url_path: str, charts: int, server_to_start) -> float:
    """One load on a server just started (``server_to_start``, a harness context manager), in a new context."""
    with server_to_start as server:
        context = browser.new_context(viewport=harness.DESKTOP)
        try:
            return load_ms(context, f"{server.url}/{url_path}", charts)
        finally:
            context.close()


def heading_after(page, click, title: str) -> float:
    """Milliseconds from ``click()`` to a heading reading ``title``; then waits for the run to settle."""
    t0 = page.evaluate("performance.now()")
    click()
    shown = float(page.wait_for_function(harness.HEADING_SHOWN_AT_JS, arg=[title, 0], polling="raf",
                                         timeout=TIMEOUT_MS).json_value())
    harness.wait_for_app(page, quiet=0.5)
    return shown - t0


def click_mark(page, event_id: str, title: str) -> float:
    """A click on the timeline's marker of ``event_id`` to its heading."""
    mark = harness.timeline_mark(page, event_id)
    mark.scroll_into_view_if_needed()
    box = mark.bounding_box()  # found before the clock starts: the time is the app's, not the finding
    return heading_after(page, lambda: page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2),
                         title)


def click_marker(page, key: str, event_id: str, title: str) -> float:
    """A click on the marker of ``event_id`` on plotly chart ``key`` to its heading (the hover is not timed)."""
    point = harness.aim_at_event(page, event_id, key)
    return heading_after(page, lambda: page.mouse.click(point["x"], point["y"]), title)


def isolated(where: dict[str, tuple[float, float]]) -> list[str]:
    """Event ids by the distance from their marker to the nearest other marker, farthest first: a click on one of
    the first hits that event and no other (events of one day share a place)."""
    def gap(event: str) -> float:
        x, y = where[event]
        return min(((x - ox) ** 2 + (y - oy) ** 2) ** 0.5 for other, (ox, oy) in where.items() if other != event)

    if len(where) < 2:
        raise RuntimeError(f"fewer than two event markers to click: {list(where)}")
    return sorted(where, key=gap, reverse=True)


def chart_markers(page, key: str) -> dict[str, tuple[float, float]]:
    """Where each event marker inside chart ``key``'s plotted range is (pixels)."""
    points = {e: harness.event_point(page, e, key) for e in dict.fromkeys(harness.event_ids(page, key))}
    return {e: (p["x"], p["y"]) for e, p in points.items() if p and p["inside"]}


def timeline_markers(page) -> dict[str, tuple[float, float]]:
    boxes = {e: harness.timeline_mark(page, e).bounding_box() for e in harness.timeline_ids(page)}
    return {e: (b["x"] + b["width"] / 2, b["y"] + b["height"] / 2) for e, b in boxes.items() if b}


def sessions(browser, server, url: str, charts: int, count: int) -> dict:
    """Server RSS and CPU per session: after one session, and after ``count - 1`` more opened at once."""
    context = browser.new_context(viewport=harness.DESKTOP)
    try:
        charts_drawn_ms(context.new_page(), url, charts)
        time.sleep(SETTLE)
        rss1, cpu1 = server.rss_bytes(), server.cpu_seconds()
        pages = [context.new_page() for _ in range(count - 1)]
        for page in pages:
            page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        for page in pages:
            page.wait_for_function(harness.CHARTS_DRAWN_AT_JS, arg=charts, polling="raf", timeout=TIMEOUT_MS)
        time.sleep(SETTLE)
        rss, cpu = server.rss_bytes(), server.cpu_seconds()
    finally:
        context.close()
    return {"rss_1": rss1, f"rss_{count}": rss, "rss_per_session": (rss - rss1) / (count - 1),
            "cpu_per_session": (cpu - cpu1) / (count - 1)}


class Clicks:
    """The three clicks, each on a page of its own: the timeline's marker, the Overview's chart, the floor's chart.

    Each clicks events whose markers stand apart from the others (:func:`isolated`), so the click opens the event
    the clock waits for. ``click`` holds ``titles`` (event id -> title) and ``figures`` (the Overview's figure set,
    which the floor draws)."""

    def __init__(self, contexts: dict, app_url: str, floor_url: str, click: dict) -> None:
        self.app_url, self.titles = app_url, click["titles"]
        self.timeline, self.overview = contexts["app"].new_page(), contexts["app"].new_page()
        self.floor = contexts["floor"].new_page()
        harness.goto(self.overview, app_url, "overview", charts=1)
        self.on_overview = isolated(chart_markers(self.overview, "overview_chart"))[0]
        harness.goto(self.timeline, app_url, "timeline")
        first, second = isolated(timeline_markers(self.timeline))[:2]
        harness.goto(self.timeline, app_url, f"timeline?event={first}")
        self.on_timeline = (first, second)
        harness.goto(self.floor, floor_url, f"?figures={click['figures']}", charts=1)
        self.on_floor = tuple(isolated(chart_markers(self.floor, "floor_chart"))[:2])

    def sample(self, rep: int) -> dict[str, float]:
        """One of each, milliseconds: the timeline and the floor alternate between two events (the timeline opened
        on the first); the Overview is opened anew before its click (the click leaves the page)."""
        out = {}
        target = self.on_timeline[(rep + 1) % 2]
        out["timeline_click"] = click_mark(self.timeline, target, self.titles[target])
        harness.goto(self.overview, self.app_url, "overview", charts=1)
        target = self.on_overview
        out["overview_click"] = click_marker(self.overview, "overview_chart", target, self.titles[target])
        target = self.on_floor[rep % 2]
        out["click_floor"] = click_marker(self.floor, "floor_chart", target, self.titles[target])
        return out


def warm(browser, folder: Path, loads: dict, click: dict, repeats: int, work: Path) -> dict:
    """Warm loads and clicks on one app server and the floors' servers, app and floor samples in turn.

    ``loads``: page -> (the app's address, the floor's figure set, charts to wait for)."""
    out = {"warm_load": {p: {"app": [], "floor": []} for p in loads}, "timeline_click": [], "overview_click": [],
           "click_floor": []}
    (folder / "titles.json").write_text(json.dumps(click["titles"]))  # the headings apps/onselect.py shows
    with app_server(work / "warm-app") as app, floor_server(folder, "floor.py", work / "warm-floor") as floor, \
            floor_server(folder, "onselect.py", work / "warm-click") as onselect:
        contexts = {side: browser.new_context(viewport=harness.DESKTOP) for side in ("app", "floor")}
        urls = {p: {"app": f"{app.url}/{path}", "floor": f"{floor.url}/?figures={name}", "charts": n}
                for p, (path, name, n) in loads.items()}
        for page in urls.values():  # each page once before the clock: the servers' and the browser's caches fill
            for side in ("app", "floor"):
                load_ms(contexts[side], page[side], page["charts"])
        clicks = Clicks(contexts, app.url, onselect.url, click)
        for rep in range(repeats + 1):  # the first round is a warm-up
            samples = clicks.sample(rep)
            for page, url in urls.items() if rep else ():
                for side in ("app", "floor"):
                    out["warm_load"][page][side].append(load_ms(contexts[side], url[side], url["charts"]))
            for key, ms in samples.items() if rep else ():
                out[key].append(ms)
    return out


def cold(browser, folder: Path, loads: dict, repeats: int, work: Path) -> dict:
    """Each page's load on a server just started, the app's and the floor's in turn (which goes first alternates)."""
    out = {p: {"app": [], "floor": []} for p in loads}
    for rep in range(repeats):
        for page, (path, name, n) in loads.items():
            sides = [("app", path, app_server(work / f"cold-{rep}-{page}-app")),
                     ("floor", f"?figures={name}", floor_server(folder, "floor.py", work / f"cold-{rep}-{page}-floor"))]
            for side, url_path, server in sides if rep % 2 == 0 else sides[::-1]:
                out[page][side].append(cold_load(browser, url_path, n, server))
    return out


def memory(browser, folder: Path, overview: tuple[str, str, int], count: int, work: Path) -> dict:
    """Server RSS and CPU per session on the Overview, for the app and for the floor drawing its figures."""
    path, name, n = overview
    with app_server(work / "sessions-app") as app:
        out = {"app": sessions(browser, app, f"{app.url}/{path}", n, count)}
    with floor_server(folder, "floor.py", work / "sessions-floor") as floor:
        out["floor"] = sessions(browser, floor, f"{floor.url}/?figures={name}", n, count)
    return out
