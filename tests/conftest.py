"""Shared fixtures: every test runs offline on empty caches; pages open with ``open_page``; the live
path runs against ``fake_yahoo``, a stand-in for ``yf.Ticker`` at its one call site; browser tests
share one Playwright and one Chromium per worker (``playwright_session``, ``chromium``). The bundled snapshot's
prices, as the pages get them (``prices``) and as close series by symbol (``closes``), are read once per worker."""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa
import streamlit as st

from components.analysis.metrics import closes_by_symbol
from components.data import disk_cache, store, yahoo
from components.data.snapshot import load_snapshot
from components.ui import errors
from components.workspace import db
from tests import apptest
from tests.accuracy import snapshot_prices
from tests.yf_fakes import FakeYahoo


def clear_all_caches() -> None:
    store.drain(10)  # a live fetch a test left running must not write into the next test's cache folder
    st.cache_data.clear()
    st.cache_resource.clear()
    store.clear_caches()


@pytest.fixture(autouse=True)
def offline_and_clean(monkeypatch, tmp_path):
    monkeypatch.setenv(store.OFFLINE_ENV, "1")
    monkeypatch.setenv(disk_cache.CACHE_ENV, str(tmp_path / "price-cache"))
    monkeypatch.setenv(errors.RAISE_ENV, "1")  # a bug fails the test with its traceback, not a polite message
    monkeypatch.setenv(db.DATA_DIR_ENV, str(tmp_path / "data"))  # saved workspaces: a SQLite file of the test's own
    monkeypatch.delenv(db.DATABASE_ENV, raising=False)
    clear_all_caches()
    yield
    clear_all_caches()
    db.dispose_all()


@pytest.fixture
def open_page():
    """``open_page(path, state=None, params=None, run=True)``: an AppTest of the app on that page."""
    return apptest.open_page


@pytest.fixture(scope="session")
def prices() -> pd.DataFrame:
    """Every symbol of the bundled snapshot in the tidy schema the pages get (closes and their prints)."""
    return snapshot_prices()


@pytest.fixture(scope="session")
def checked(prices):
    """Read a text's claims and check them on the bundled prices: ``checked(text, published)`` -> {quote: (claim,
    result)}, the first claim of each quote (a figure two names share is checked for each, the first name first)."""
    from components.analysis.claim_checks import check_claims
    from components.text.claim_reader import read_claims
    from components.text.reader import read_article

    def check(text: str, published: str) -> dict[str, tuple]:
        claims = read_claims(read_article(text, published))
        found: dict[str, tuple] = {}
        for c, r in zip(claims, check_claims(claims, prices)):
            found.setdefault(c.quote, (c, r))
        return found
    return check


@pytest.fixture(scope="session")
def closes() -> dict[str, pd.Series]:
    """The bundled snapshot's close series, by symbol."""
    return closes_by_symbol(load_snapshot()[0])


@pytest.fixture
def fake_yahoo(monkeypatch):
    """Live mode with ``yf.Ticker`` faked; ``fake_yahoo(answer)`` installs an answer and returns the fake.

    ``answer(symbol, kwargs)`` returns bars (shaped as ``Ticker.history``'s by the fake) or an exception.
    """
    monkeypatch.setenv(store.OFFLINE_ENV, "0")

    def install(answer) -> FakeYahoo:
        fake = FakeYahoo(answer)
        monkeypatch.setattr(yahoo.yf, "Ticker", fake)
        return fake
    return install


@pytest.fixture(scope="session")
def playwright_session():
    """Playwright's sync API, once per worker (two at a time in one process would collide)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def server_pool(tmp_path_factory):
    """One offline app server per xdist worker (session scope is per worker process) for the browser tests, restarted
    when the app's sources change or it died, always stopped."""
    from tests.browser_harness import ReusableServer

    pool = ReusableServer(tmp_path_factory.mktemp("price-cache"))
    try:
        yield pool
    finally:
        pool.close()


@pytest.fixture(scope="module")
def module_server(request, tmp_path_factory):
    """An offline app server of the test module's own (its own price cache, none of another module's sessions),
    always stopped."""
    from tests.browser_harness import streamlit_server

    with streamlit_server(tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])) as srv:
        yield srv


@pytest.fixture
def desktop_page(chromium):
    """A page of a fresh desktop-sized browser context (a new Streamlit session), closed after the test."""
    from tests.browser_harness import browser_context

    with browser_context(chromium) as context:
        yield context.new_page()


@pytest.fixture(scope="session")
def chromium(playwright_session):
    """Debian's Chromium, headless, shared by the browser tests of a worker."""
    from tests.browser_harness import launch_chromium

    browser = launch_chromium(playwright_session)
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, monkeypatch, tmp_path):
    """The URL of an empty workspace database of either kind (set as DASHBOARD_DATABASE_URL), emptied after."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_url")
    monkeypatch.setenv(db.DATABASE_ENV, url)
    yield db.database_url()
    if request.param == "postgresql":
        with db.engine().begin() as conn:
            conn.execute(sa.text("TRUNCATE workspaces, workspace_events, workspace_articles, revoked_shares"))


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL server of this worker's own (Debian's package, on loopback): its database URL."""
    from tests.servers import postgres_server

    with postgres_server() as url:
        yield url
