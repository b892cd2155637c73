"""Links drawn outside a part of the page that reruns alone: after a click inside it, the sidebar's page links and
the share link carry the new state, and following one opens it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from components.ui import state
from tests import browser_harness as B

pytestmark = [pytest.mark.browser]
NAV_LINK = '[data-testid="stSidebar"] [data-testid="stPageLink"] a'


@pytest.fixture
def page(desktop_page):
    return desktop_page


def params_of(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def nav_link(page, title: str):
    return page.locator(NAV_LINK, has_text=title).first


def wait_for_link(page, title: str, **params: str) -> dict[str, str]:
    """Wait until the sidebar's link to ``title`` carries ``params``; its parameters (the last read, on failure)."""
    seen: dict[str, str] = {}
    for _ in range(100):
        seen = params_of(nav_link(page, title).get_attribute("href") or "")
        if all(seen.get(k) == v for k, v in params.items()):
            return seen
        page.wait_for_timeout(100)
    raise AssertionError(f"the link to {title} never carried {params}: {seen}")


def share_link(page) -> str:
    return page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').first.inner_text().strip()


def heading(page) -> str:
    return page.locator('[data-testid="stMain"] h2').first.inner_text()


def test_a_timeline_click_reaches_the_sidebar_links_and_the_share_link(module_server, page):
    B.goto(page, module_server.url, "/timeline?event=qwq-32b-release")
    page.get_by_role("button", name="Save and get links").click()
    expect(page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').first).to_be_visible()
    B.wait_for_app(page)
    assert params_of(share_link(page)).get("event") == "qwq-32b-release"
    target = next(e for e in B.timeline_ids(page) if e != "qwq-32b-release")
    B.timeline_mark(page, target).click()
    B.wait_for_app(page)
    wait_for_link(page, "Markets", event=target)
    wait_for_link(page, "Timeline", event=target)
    assert params_of(share_link(page)).get("event") == target
    chosen = heading(page)
    nav_link(page, "Markets").click()
    expect(page.locator('[data-testid="stMain"] h1', has_text="Markets")).to_be_visible()
    B.wait_for_app(page, charts=1)
    assert params_of(B.current_url(page)).get("event") == target
    nav_link(page, "Timeline").click()
    expect(page.locator('[data-testid="stMain"] h1', has_text="Event timeline")).to_be_visible()
    B.wait_for_app(page)
    assert heading(page) == chosen
    assert params_of(B.current_url(page)).get("event") == target


def test_a_markets_chart_option_reaches_the_sidebar_link_to_its_page(module_server, page):
    B.goto(page, module_server.url, "/markets", charts=1)
    assert params_of(nav_link(page, "Markets").get_attribute("href")).get("log") == "0"
    page.locator(f".st-key-{state.LOG.widget} label").first.click()
    B.wait_for_app(page, charts=1)
    wait_for_link(page, "Markets", log="1")
    nav_link(page, "Markets").click()  # the page's own link, as a reader returning to its top
    B.wait_for_app(page, charts=1)
    assert params_of(B.current_url(page)).get("log") == "1"
    assert B.chart_handle(page, state.MARKETS_CHART.key).evaluate("gd => gd._fullLayout.yaxis2.type") == "log"


def test_an_event_study_window_reaches_the_sidebar_link_to_its_page(module_server, page):
    B.goto(page, module_server.url, "/event_study", charts=2)
    before = params_of(nav_link(page, "Event study").get_attribute("href")).get("win")
    page.locator(f".st-key-{state.ES_SYMBOL.widget} [role=combobox]").first.click()
    page.locator("[role=option]", has_text="BABA").first.click()
    B.wait_for_app(page, charts=2)
    linked = wait_for_link(page, "Event study", sym="BABA")
    assert linked.get("win") == before
    nav_link(page, "Event study").click()
    B.wait_for_app(page, charts=2)
    assert params_of(B.current_url(page)).get("sym") == "BABA"
