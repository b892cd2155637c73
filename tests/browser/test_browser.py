"""The app in headless Chromium: clicks on chart markers, the shared date range, shareable links,
deep links on a fresh server, hostile links, uploads and screenshots of every page.

Each pytest(-xdist) worker starts its own offline server on a free port (session-scoped) and one
Chromium; each test gets a new browser context, so a new Streamlit session. Helpers live in
``tests/browser_harness.py``; screenshots go to ``tests/artifacts/`` (git-ignored).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from components.analysis import ranges
from components.data.events import bundled_events
from components.data.store import get_prices
from components.facts import DEFAULT_SYMBOLS
from components.text.upload_schema import FIELDS
from components.ui import state
from components.ui.prices_events import data_span
from tests import browser_harness as B

# no skip when chromium is missing: launch_chromium fails with the install command instead
pytestmark = [pytest.mark.browser]

expect.set_options(timeout=B.TIMEOUT_MS)  # expect() has its own 5 s default, too short under load
NAV_TITLES = ["Overview", "Timeline", "The article", "Claims check", "Markets", "Event study", "Two listings",
              "Your events & symbols"]
# url path -> (title, plotly charts the page draws with default state)
PAGES = {
    "overview": ("Alibaba's QwQ-32B week on the markets", 1),
    "timeline": ("Event timeline", 0),  # the timeline is its own component, not a plotly chart
    "article": ("The article", 0),
    "claims": ("Claims check", 0),
    "markets": ("Markets", 1),
    "event_study": ("Event study: abnormal returns", 2),
    "listings": ("Alibaba's two listings", 2),
    "your_data": ("Your events and symbols", 0),
}
EVENTS = {e.id: e for e in bundled_events()}


# --- fixtures -------------------------------------------------------------------------------------

@pytest.fixture
def server(server_pool):
    """The worker's server; restarted first if the app's sources changed since it started (the app
    is edited while tests run) or if it died."""
    return server_pool.get()


@pytest.fixture
def page(desktop_page, request):
    pg = desktop_page
    failed_before = request.session.testsfailed
    yield pg
    if request.session.testsfailed > failed_before:  # keep the last state of a failing test
        try:
            B.screenshot(pg, f"FAILED-{re.sub(r'[^A-Za-z0-9_.-]+', '_', request.node.name)}")
        except Exception:  # noqa: BLE001 - a failed screenshot must not hide the real failure
            pass


# --- small helpers --------------------------------------------------------------------------------

def query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(B.current_url(page)).query, keep_blank_values=True).items()}


def no_exception(page) -> None:
    boxes = page.locator('[data-testid="stException"]')
    assert boxes.count() == 0, boxes.all_inner_texts()


def headers(page, level: str = "h2") -> list[str]:
    return [t.strip() for t in page.locator(f'[data-testid="stMain"] {level}').all_inner_texts()]


NAV_LINK = '[data-testid="stSidebar"] [data-testid="stPageLink"] a'


def nav_titles(page) -> list[str]:
    return [t.strip().splitlines()[-1].strip() for t in page.locator(NAV_LINK).all_inner_texts()]


def nav_to(page, title: str) -> None:
    """Follow a sidebar link, as a reader would (the same session, no new page load)."""
    page.locator(NAV_LINK, has_text=title).first.click()


def dataframe_with(page, column: str):
    """The st.dataframe(s) whose header has ``column`` (glide grids keep an accessible table in the DOM)."""
    return page.locator('[data-testid="stDataFrame"]').filter(
        has=page.locator("[role=columnheader]", has_text=re.compile(rf"^\s*{re.escape(column)}\s*$")))


def choose(page, widget_key: str, label: str) -> None:
    """Click the option ``label`` of a segmented control / pills widget (opening the range popover first
    for the date-range widgets, which live in it)."""
    if widget_key in (state.RANGE_PRESET.widget, state.RANGE_ANCHOR.widget):
        B.open_range_controls(page)
    page.locator(f".st-key-{widget_key} button", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")).click()


def expected_x_range(preset: str, anchor: str = "article") -> tuple[dt.datetime, dt.datetime]:
    """The x-range the price charts use for a preset: from its first to its last session of the story's
    symbols (the range cut to the data), padded by 12 hours each side."""
    start, end = ranges.preset_range(preset, anchor, *data_span())
    sessions = get_prices(list(DEFAULT_SYMBOLS), start, end).frame["date"]
    start, end = sessions.min().date(), sessions.max().date()
    half_day = dt.timedelta(hours=12)
    return dt.datetime.combine(start, dt.time()) - half_day, dt.datetime.combine(end, dt.time()) + half_day


def wait_for_query(page, **params: str) -> None:
    """Wait until the URL holds these query parameters (the app writes the URL after each run)."""
    deadline = time.monotonic() + B.TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        current = query(page)
        if all(current.get(k) == v for k, v in params.items()):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"URL never had {params}: {B.current_url(page)}")


_WIDGETS_JS = """
() => {
  const out = {};
  for (const el of document.querySelectorAll('[class*="st-key-w_"]')) {
    const key = Array.from(el.classList).find(c => c.startsWith('st-key-w_')).slice(7);
    const state = {};
    const tags = Array.from(el.querySelectorAll('[data-tag]')).map(t => t.getAttribute('aria-label'));
    if (tags.length) state.tags = tags;
    const on = Array.from(el.querySelectorAll('button[aria-checked="true"], button[aria-pressed="true"], '
                                              + 'button[data-selected="true"]'))
      .map(b => b.innerText.trim());
    if (on.length) state.selected = Array.from(new Set(on));
    const radios = Array.from(el.querySelectorAll('input[type="radio"]')).filter(r => r.checked);
    if (radios.length) state.radio = radios.map(r => r.closest('label')?.innerText.trim());
    const boxes = Array.from(el.querySelectorAll('input[type="checkbox"]')).map(c => c.checked);
    if (boxes.length) state.checked = boxes;
    const inputs = Array.from(el.querySelectorAll('input[type="date"], input[type="text"]'))
      .map(i => i.value);
    if (inputs.length) state.values = inputs;
    out[key] = state;
  }
  return out;
}
"""


def widget_states(page) -> dict:
    """What every bound widget (keys ``w_*``) shows: tags, selected buttons, radios, inputs."""
    return page.evaluate(_WIDGETS_JS)


def view_snapshot(page, chart_key: str) -> dict:
    return {
        "document title": page.title(),
        "h1": headers(page, "h1"),
        "traces": B.trace_names(page, chart_key),
        "x-range": B.x_range(page, chart_key),
        "widgets": widget_states(page),
        "range shown": page.locator('[data-testid="stPopover"] button').first.inner_text(),
    }


# --- tests ----------------------------------------------------------------------------------------
# The heaviest tests come first and alternate with light ones: pytest-xdist hands each of the two
# workers the first tests in pairs, so this order keeps the workers' loads even.

def test_every_page_renders_on_desktop_and_mobile_with_screenshots(server, page):
    for path, (title, charts) in PAGES.items():
        page.set_viewport_size(B.DESKTOP)
        B.goto(page, server.url, "/" if path == "overview" else f"/{path}", charts=charts)
        no_exception(page)
        expect(page.locator('[data-testid="stMain"] h1').first).to_have_text(title)
        B.screenshot(page, f"{path}-desktop")
        page.set_viewport_size(B.MOBILE)
        B.wait_for_app(page, charts=charts)
        no_exception(page)
        expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible()
        B.screenshot(page, f"{path}-mobile")
        B.screenshot(page, f"{path}-mobile-full", full=True)


def test_garbage_link_shows_notices_not_an_exception(server, page):
    B.goto(page, server.url, "/markets?range=bogus&symbols=NOPE!,9988.HK&zzz=1&start=2025-99-01", charts=1)
    no_exception(page)
    expect(page.locator('[data-testid="stAlertContentWarning"]').first).to_be_visible()
    warnings = " ".join(page.locator('[data-testid="stAlertContentWarning"]').all_inner_texts())
    for needle in ("range='bogus'", "NOPE", "'zzz'", "2025-99-01"):
        assert needle in warnings, f"no notice mentions {needle}: {warnings}"
    assert headers(page, "h1") == ["Markets"]
    assert len(B.trace_names(page, state.MARKETS_CHART.key)) > 0
    assert B.x_range_timestamps(page, state.MARKETS_CHART.key) == expected_x_range(ranges.DEFAULT_PRESET)
    current = query(page)  # the app rewrites the URL to its valid state
    assert "zzz" not in current and current.get("range") == ranges.DEFAULT_PRESET and "start" not in current


def test_shareable_link_reproduces_the_view_in_a_new_context(server, page, chromium):
    B.goto(page, server.url, "/markets", charts=1)
    choose(page, state.RANGE_PRESET.widget, "Article week")  # first: a short range makes the next reruns quicker
    wait_for_query(page, range="week")
    B.wait_for_app(page, charts=1)
    page.keyboard.press("Escape")  # close the range popover
    for symbol in ("BABA", "^HSI"):
        page.locator(f'.st-key-{state.SYMBOLS.widget} button[aria-label="Remove {symbol}"]').click()
        B.wait_for_app(page, charts=1)
    page.keyboard.press("Escape")
    choose(page, state.VIEW.widget, "Price")
    B.wait_for_app(page, charts=1)
    choose(page, state.STYLE.widget, "Candles")
    wait_for_query(page, range="week", view="price", style="candles", symbols="9988.HK,^HSCE")
    B.wait_for_app(page, charts=1)
    original = view_snapshot(page, state.MARKETS_CHART.key)
    candles = [name.split(" (")[0] for name in original["traces"] if " (" in name]
    assert candles == ["9988.HK", "^HSCE"], original["traces"]
    assert any(name.endswith("volume") for name in original["traces"])  # candles bring volume panels
    assert original["widgets"][state.SYMBOLS.widget]["tags"] == ["9988.HK", "^HSCE"]
    link = B.current_url(page)

    with B.browser_context(chromium) as other:
        fresh = other.new_page()
        fresh.goto(link)
        B.wait_for_app(fresh, charts=1)
        copy = view_snapshot(fresh, state.MARKETS_CHART.key)
        for part in original:
            assert copy[part] == original[part], f"{part} differs:\n{copy[part]}\n!=\n{original[part]}"
        assert B.current_url(fresh) == link
        no_exception(fresh)
        assert fresh.locator('[data-testid="stAlertContentWarning"]').count() == 0


def test_timeline_click_selects_event_and_next_walks_on(server, page):
    B.goto(page, server.url, "/timeline")
    assert "qwq-32b-release" in B.timeline_ids(page)
    assert page.locator('[data-testid="stMain"] h3', has_text="How each market reacted").count() == 0

    B.timeline_mark(page, "qwq-32b-release").click()
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator("h2", has_text="Alibaba releases QwQ-32B")).to_be_visible()
    expect(main.locator("h3", has_text="How each market reacted")).to_be_visible()
    B.wait_for_app(page, charts=1)
    table = dataframe_with(page, "reaction session (day 0)")
    assert table.count() == 1
    assert "9988.HK" in table.evaluate("el => el.textContent")
    assert page.locator(B.chart_selector(state.TIMELINE_ZOOM)).count() == 1
    assert query(page).get("event") == "qwq-32b-release"
    assert "event=qwq-32b-release" in B.current_url(page)
    assert B.timeline_mark(page, "qwq-32b-release").get_attribute("aria-pressed") == "true"
    no_exception(page)

    # Next ▶ walks to the following event in time order (the timeline's events, all categories)
    ordered = [e.id for e in sorted(EVENTS.values(), key=lambda e: e.sort_key)]
    following = EVENTS[ordered[ordered.index("qwq-32b-release") + 1]]
    page.get_by_role("button", name="Next ▶").click()
    expect(main.locator("h2", has_text=following.title)).to_be_visible()
    B.wait_for_app(page, charts=1)
    assert headers(page, "h2") == [following.title]
    wait_for_query(page, event=following.id)
    no_exception(page)


def test_deep_link_is_the_first_request_of_a_fresh_server(chromium, tmp_path):
    # wait="port": no health check, so the deep link really is the server's first request
    with B.streamlit_server(tmp_path / "cache", wait="port") as fresh_server:
        with B.browser_context(chromium) as ctx:
            pg = ctx.new_page()
            # record anything that flashes up while the app reroutes
            pg.add_init_script("""
                window.__seen = {notFound: false, navs: []};
                new MutationObserver(() => {
                  const text = document.body ? document.body.innerText : '';
                  if (/Page not found/i.test(text)) window.__seen.notFound = true;
                  const links = '[data-testid="stSidebar"] [data-testid="stPageLink"] a';
                  const nav = Array.from(document.querySelectorAll(links))
                    .map(a => a.innerText.trim().split('\\n').pop().trim()).join('|');
                  if (nav && window.__seen.navs[window.__seen.navs.length - 1] !== nav) window.__seen.navs.push(nav);
                }).observe(document, {subtree: true, childList: true, characterData: true});
            """)
            B.goto(pg, fresh_server.url, "/timeline?event=manus-launch", charts=1)
            main = pg.locator('[data-testid="stMain"]')
            expect(main.locator("h2", has_text=EVENTS["manus-launch"].title)).to_be_visible()
            expect(main.locator("h3", has_text="How each market reacted")).to_be_visible()
            assert headers(pg, "h1") == ["Event timeline"]
            assert pg.get_by_text("Page not found").count() == 0
            assert pg.locator('[data-testid="stDialog"]').count() == 0
            assert nav_titles(pg) == NAV_TITLES, nav_titles(pg)
            assert "app" not in [t.lower() for t in nav_titles(pg)]
            assert query(pg).get("event") == "manus-launch"
            no_exception(pg)
            seen = pg.evaluate("window.__seen")
            assert not seen["notFound"], "a 'Page not found' notice flashed up"
            # Streamlit's default navigation (listing 'app') may flash up before the reroute; it
            # must not be what stays. Recorded in the report, not asserted.
            print("sidebar navigations seen:", seen["navs"])


def test_every_page_opens_at_its_own_address_from_a_fresh_servers_first_request(chromium, tmp_path):
    """The default page's own address is the fresh server's first request; every other address then opens in a fresh
    browser context, each with its own title and no "Page not found" notice."""
    from components.ui import navigation

    with B.streamlit_server(tmp_path / "cache", wait="port") as fresh_server:
        for spec in (navigation._spec(navigation.HOME), *navigation.PAGES):
            with B.browser_context(chromium) as ctx:
                pg = ctx.new_page()
                B.goto(pg, fresh_server.url, "/" + spec.url_path, charts=0)
                pg.get_by_role("heading", level=1).first.wait_for()
                assert pg.get_by_text("Page not found").count() == 0, spec.url_path
                assert urlsplit(pg.url).path == "/" + spec.url_path, pg.url
                no_exception(pg)


def test_preset_buttons_change_the_chart_range_and_url(server, page):
    B.goto(page, server.url, "/markets", charts=1)
    before = B.x_range_timestamps(page, state.MARKETS_CHART.key)
    assert before == expected_x_range(ranges.DEFAULT_PRESET), before

    choose(page, state.RANGE_PRESET.widget, "1Y")
    wait_for_query(page, range="1Y")
    B.wait_for_app(page, charts=1)
    after = B.x_range_timestamps(page, state.MARKETS_CHART.key)
    assert after == expected_x_range("1Y"), after
    assert after[0] < before[0] and after[1] == before[1]  # 1Y reaches further back, same anchor end
    assert widget_states(page)[state.RANGE_PRESET.widget]["selected"] == ["1Y"]

    choose(page, state.RANGE_PRESET.widget, "Article week")
    wait_for_query(page, range="week")
    B.wait_for_app(page, charts=1)
    week = B.x_range_timestamps(page, state.MARKETS_CHART.key)
    assert week == expected_x_range("week"), week
    assert query(page).get("range") == "week"
    no_exception(page)


XSS_TITLE = '<img src=x id="xss-probe" onerror="window.__xss=1">Bad title'


def assert_no_injected_html(page) -> None:
    """The uploaded markup never became an element, and its handler never ran."""
    assert page.locator("#xss-probe").count() == 0
    assert page.locator('img[src="x"]').count() == 0
    assert page.evaluate("window.__xss") is None


def test_upload_adds_events_to_the_timeline_and_never_renders_html(server, page, tmp_path):
    rows = [
        {"title": "Browser test: results day", "date": "2025-03-04", "time": "16:30", "tz": "Asia/Hong_Kong",
         "category": "corporate", "symbols": "9988.HK", "summary": "First valid row."},
        {"title": "Browser test: model launch", "date": "2025-03-10", "category": "model release",
         "summary": "Second valid row."},
        {"title": XSS_TITLE, "date": "2025-03-05", "category": "other", "summary": "The bad row."},
    ]
    path = tmp_path / "my_events.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)

    B.goto(page, server.url, "/your_data")
    page.locator(f'.st-key-{state.UPLOAD} input[type="file"]').set_input_files(str(path))
    expect(page.get_by_text("1 problem; its row was not loaded")).to_be_visible()
    add = page.get_by_role("button", name="Add 2 events")
    expect(add).to_be_visible()
    B.wait_for_app(page)
    problems = dataframe_with(page, "reason")
    expect(problems).to_be_visible()
    cells = problems.locator("[role=gridcell]").all_inner_texts()
    assert cells[:3] == ["3", "4", "title"] and "HTML" in cells[3], cells  # data row 3 (line 4), field title
    assert_no_injected_html(page)

    add.click()
    expect(page.get_by_text("Added 2 events to your events.")).to_be_visible()
    B.wait_for_app(page)

    # same session: navigate with the sidebar, not a new page load
    nav_to(page, "Timeline")
    expect(page.locator('[data-testid="stMain"] h1', has_text="Event timeline")).to_be_visible()
    B.wait_for_app(page)
    user_ids = [i for i in B.timeline_ids(page) if i.startswith("user-")]
    assert len(user_ids) == 2, user_ids
    stars = [B.timeline_mark(page, i).get_attribute("data-shape") for i in user_ids]
    assert stars == ["star", "star"], stars

    combo = page.locator(f".st-key-{state.EVENT.widget} input[role=combobox]")
    combo.click()
    combo.fill("Browser test")
    options = page.locator("[role=option]")
    expect(options.first).to_be_visible()
    texts = options.all_inner_texts()
    assert any("Browser test: results day" in t for t in texts), texts
    assert any("Browser test: model launch" in t for t in texts), texts
    page.locator("[role=option]", has_text="Browser test: model launch").click()
    expect(page.locator('[data-testid="stMain"] h2', has_text="Browser test: model launch")).to_be_visible()
    B.wait_for_app(page)
    assert query(page).get("event", "").startswith("user-")

    assert_no_injected_html(page)
    labels = page.locator(f"{B.TIMELINE} [data-event-id]").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label')).join(' | ')")
    assert "Bad title" not in labels and "Browser test: model launch" in labels  # the rejected row stayed out
    no_exception(page)


REPORT = "Alibaba's Hong Kong shares jumped 8% on Thursday 6 March 2025, a day after it released QwQ-32B."


def test_the_article_loaders_check_and_propose_from_their_own_part_of_the_page(server, page):
    """The claims page's loader and the extraction on "Your events & symbols" rerun only themselves while a reader
    types; checking or proposing then shows the article's claims, and keeps it for the other page."""
    B.goto(page, server.url, "/claims")
    page.get_by_text("Check another article").click()
    page.locator(f".st-key-{state.CLAIMS_TEXT} textarea").fill(REPORT)
    page.locator(f".st-key-{state.CLAIMS_TEXT} textarea").blur()
    B.wait_for_app(page)
    page.get_by_role("button", name="Check its claims").click()
    expect(page.get_by_text("Your article:", exact=False).first).to_be_visible()
    expect(page.get_by_text("The claims, one by one")).to_be_visible()
    B.wait_for_app(page)
    no_exception(page)

    nav_to(page, "Your events & symbols")
    B.wait_for_app(page)
    page.get_by_role("tab", name="Events from an article").click()
    page.locator(f".st-key-{state.EXTRACT_TEXT} textarea").fill(REPORT)
    page.locator(f".st-key-{state.EXTRACT_TEXT} textarea").blur()
    B.wait_for_app(page)
    page.locator(f".st-key-{state.EXTRACT_RUN} button").click()
    expect(page.get_by_text("proposed event", exact=False).first).to_be_visible()
    B.wait_for_app(page)
    no_exception(page)
