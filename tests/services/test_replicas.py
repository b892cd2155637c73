"""Two app replicas behind nginx on one PostgreSQL, as deploy/ sets them up, driven through the proxy.

The stack: PostgreSQL and nginx from Debian's packages (``tests/servers.py``), two ``streamlit run``
replicas on loopback sharing the database and one price-cache folder, and nginx with the deploy
template (sticky by cookie). Which replica served a browser is proven twice: by the cookie nginx
gave it (``dash_replica``) and by nginx's access log, which names the upstream address of every
request, the WebSocket and the upload included.

* The share test uploads events in one browser (one replica), saves, reloads, and opens the share
  link in a fresh browser that nginx sends to the other replica: same events; the report downloads
  there (a media file, so the same replica must serve it).
* The load test runs the 20-session load (``tests/services/test_load.py``) through nginx in two browsers,
  one holding each replica's cookie (ten tabs each), so both replicas serve: 0 failed steps, and the
  access log shows every request on its cookie's replica.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import re
import time

import pytest
from playwright.sync_api import expect

from components.text.upload_schema import FIELDS
from components.ui import state
from tests import browser_harness as B
from tests.servers import nginx_proxy

pytestmark = [pytest.mark.browser, pytest.mark.replicas]
TIMEOUT_MS = 90_000
COOKIE = "dash_replica"
MAX_NEW_BROWSERS = 16  # a fresh browser lands on either replica at random (1 in 2 each time)


@pytest.fixture(scope="module")
def stack(postgres_url, tmp_path_factory):
    """PostgreSQL, two replicas (shared database and price cache) and nginx; stopped afterwards."""
    shared = tmp_path_factory.mktemp("shared-price-cache")
    env = {"DASHBOARD_DATABASE_URL": postgres_url}
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        app1 = stack.enter_context(B.streamlit_server(shared, env=env))
        app2 = stack.enter_context(B.streamlit_server(shared, env=env))
        proxy = stack.enter_context(nginx_proxy(app1.port, app2.port))
        print(f"stack up in {time.monotonic() - started:.1f} s")
        yield {"proxy": proxy, "ports": {"app1": app1.port, "app2": app2.port}, "apps": (app1, app2)}


def replica_of(context) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == COOKIE)


def fresh_browser_on(chromium, base: str, avoid: str | None = None):
    """A new browser context whose first request got a replica cookie (any but ``avoid``)."""
    for _ in range(MAX_NEW_BROWSERS):
        context = chromium.new_context(viewport=B.DESKTOP, accept_downloads=True)
        response = context.request.get(f"{base}/_stcore/health")
        assert response.ok and response.headers["x-dashboard-replica"] in ("app1", "app2")
        replica = replica_of(context)
        if replica != avoid:
            return context, replica
        context.close()
    raise AssertionError(f"{MAX_NEW_BROWSERS} new browsers all landed on {avoid}")


def upstreams(proxy, pattern: str) -> set[tuple[str, str]]:
    """(replica cookie, upstream address) of every logged request whose request line matches ``pattern``."""
    found = set()
    for line in proxy.log_lines():
        if re.search(pattern, line):
            match = re.search(r"replica=(\S+) upstream=(\S+)", line)
            if match:
                found.add(match.groups())
    return found


def events_file(tmp_path) -> str:
    rows = [{"title": "Replica test: results day", "date": "2025-03-04", "time": "16:30", "category": "corporate",
             "symbols": "9988.HK", "summary": "Uploaded on one replica."},
            {"title": "Replica test: a second event", "date": "2025-03-06", "category": "other",
             "summary": "Seen on the other."}]
    path = tmp_path / "replica_events.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def test_events_uploaded_on_one_replica_open_by_share_link_on_the_other(stack, chromium, tmp_path):
    proxy, ports = stack["proxy"], stack["ports"]
    expect.set_options(timeout=TIMEOUT_MS)
    owner_ctx, owner = fresh_browser_on(chromium, proxy.url)
    page = owner_ctx.new_page()
    B.goto(page, proxy.url, "/your_data")
    page.locator(f'.st-key-{state.UPLOAD} input[type="file"]').set_input_files(events_file(tmp_path))
    page.get_by_role("button", name="Add 2 events").click()
    expect(page.get_by_text("Added 2 events to your events.")).to_be_visible()
    page.get_by_role("button", name="Save and get links").click()
    expect(page.get_by_text("Saved automatically")).to_be_visible()
    page.wait_for_function("location.search.includes('ws=')")
    edit = re.search(r"ws=([\w-]{43})", B.current_url(page)).group(1)

    # a reload keeps the workspace (a new session on the same replica), and selects an event of it
    B.goto(page, proxy.url, f"/timeline?ws={edit}&event=user-replica-test-results-day-2025-03-04")
    expect(page.get_by_role("heading", name="Replica test: results day")).to_be_visible()
    share = page.locator("[data-testid='stSidebar'] code").first.inner_text().strip()
    assert edit not in share and share.startswith(f"{proxy.url}/timeline?"), share
    token = re.search(r"share=([\w-]{43})", share).group(1)

    viewer_ctx, viewer = fresh_browser_on(chromium, proxy.url, avoid=owner)
    view = viewer_ctx.new_page()
    view.goto(share, wait_until="domcontentloaded")
    B.wait_for_app(view)
    expect(view.get_by_role("heading", name="Replica test: results day")).to_be_visible()
    expect(view.get_by_text("A shared workspace, read-only")).to_be_visible()
    shown = B.timeline_ids(view)
    assert {"user-replica-test-results-day-2025-03-04", "user-replica-test-a-second-event-2025-03-06"} <= set(shown)

    with view.expect_download(timeout=TIMEOUT_MS) as download:  # a media file: only its own replica has it
        view.get_by_role("button", name="Download report").click()
    report = (tmp_path / "report.html")
    download.value.save_as(report)
    text = report.read_text(encoding="utf-8")
    assert "Replica test: results day" in text and f"share={token}" in text

    assert owner != viewer and replica_of(owner_ctx) == owner and replica_of(viewer_ctx) == viewer
    owner_ctx.close()
    viewer_ctx.close()  # nginx logs a WebSocket when it closes
    served = {r: f"127.0.0.1:{p}" for r, p in ports.items()}
    wanted = {(owner, served[owner]), (viewer, served[viewer])}
    deadline = time.monotonic() + 15
    while not wanted <= (websockets := upstreams(proxy, r'"GET /_stcore/stream')) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert wanted <= websockets, websockets
    assert upstreams(proxy, r'"(PUT|POST) /_stcore/upload_file/\S+ HTTP/1.1" 20\d') == {(owner, served[owner])}
    assert (viewer, served[viewer]) in upstreams(proxy, r'"GET /media/\S+ HTTP/1.1" 200')  # the report
    every = upstreams(proxy, r".")
    assert every and all(served[replica] == address for replica, address in every), every  # sticky, always
    assert not upstreams(proxy, r'HTTP/1.1" 5\d\d')  # no replica failed a request


def test_the_metrics_endpoint_is_refused_and_health_answers(stack, chromium):
    context = chromium.new_context()
    assert context.request.get(f"{stack['proxy'].url}/_stcore/metrics").status == 404
    assert context.request.get(f"{stack['proxy'].url}/_stcore/health").ok
    context.close()


@pytest.mark.load
def test_twenty_sessions_through_nginx_on_two_replicas_without_a_failed_step(stack):
    from tests.services.load import SESSIONS, run_load

    started = time.monotonic()
    host = stack["proxy"].url.split("//")[1].split(":")[0]
    jars = [[{"name": COOKIE, "value": name, "domain": host, "path": "/"}] for name in ("app1", "app2")]
    results = asyncio.run(run_load(stack["proxy"].url, cookies=jars))
    wall = time.monotonic() - started
    failures = [r for r in results if r["errors"]]
    replicas = [r.get("cookies", {}).get(COOKIE) for r in results]
    counts = {name: replicas.count(name) for name in ("app1", "app2")}
    to_chart = sorted(r["to_chart"] for r in results if "to_chart" in r)
    median = f"{to_chart[len(to_chart) // 2]:.2f} s" if to_chart else "none"
    print(f"replicas load: {SESSIONS} sessions in {wall:.1f} s, per replica {counts}, failed {len(failures)}, "
          f"time to chart p50 {median}")
    assert not failures, f"{len(failures)} sessions failed: {failures[:3]}"
    assert counts["app1"] and counts["app2"] and sum(counts.values()) == SESSIONS, counts
    for app in stack["apps"]:
        assert "Traceback" not in app.log_tail(20000)
    served = {r: f"127.0.0.1:{p}" for r, p in stack["ports"].items()}
    assert all(served[replica] == address for replica, address in upstreams(stack["proxy"], r"."))
