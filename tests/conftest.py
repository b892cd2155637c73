"""Shared fixtures: every test runs offline, with its own disk cache and empty Streamlit caches."""

from __future__ import annotations

import pytest
import streamlit as st

from components import market_data


@pytest.fixture(autouse=True)
def offline_and_clean(monkeypatch, tmp_path):
    monkeypatch.setenv(market_data.OFFLINE_ENV, "1")
    monkeypatch.setenv(market_data.CACHE_ENV, str(tmp_path / "price-cache"))
    st.cache_data.clear()
    st.cache_resource.clear()
    market_data.clear_caches()
    yield
    st.cache_data.clear()
    market_data.clear_caches()
