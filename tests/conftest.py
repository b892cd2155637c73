"""Shared fixtures: every test runs offline on empty caches; pages open with ``open_page``; the live
path runs against ``fake_yahoo``, a stand-in for ``yf.download`` at its one call site."""

from __future__ import annotations

import pytest
import streamlit as st

from components.data import disk_cache, store, yahoo
from tests import apptest
from tests.yf_fakes import FakeDownload


def clear_all_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()
    store.clear_caches()


@pytest.fixture(autouse=True)
def offline_and_clean(monkeypatch, tmp_path):
    monkeypatch.setenv(store.OFFLINE_ENV, "1")
    monkeypatch.setenv(disk_cache.CACHE_ENV, str(tmp_path / "price-cache"))
    clear_all_caches()
    yield
    clear_all_caches()


@pytest.fixture
def open_page():
    """``open_page(path, state=None, params=None, run=True)``: an AppTest of the app on that page."""
    return apptest.open_page


@pytest.fixture
def fake_yahoo(monkeypatch):
    """Live mode with ``yf.download`` faked; ``fake_yahoo(answer)`` installs an answer and returns the fake.

    ``answer(tickers, kwargs)`` returns a frame shaped as yfinance's, or an exception to raise.
    """
    monkeypatch.setenv(store.OFFLINE_ENV, "0")

    def install(answer) -> FakeDownload:
        fake = FakeDownload(answer)
        monkeypatch.setattr(yahoo.yf, "download", fake)
        return fake
    return install
