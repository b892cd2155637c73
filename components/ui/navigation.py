"""The app's pages, written once: their files, titles, icons and addresses, grouped as the sidebar shows them.

``app.py`` builds ``st.navigation`` from :func:`sections`; a link to a page anywhere in the app is
``st.page_link(navigation.page("timeline"), ...)``, never a file path typed twice. The Overview is registered twice:
as the default page, which Streamlit serves at the app's root (``/``), and at its own address (``/overview``),
because Streamlit ignores a default page's own address.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import streamlit as st

from components import locale
from components.locale import N_, _
from components.ui import state

HOME = "overview"  # the page the app's root shows


@dataclass(frozen=True)
class PageSpec:
    section: str
    script: str
    title: str
    icon: str
    url_path: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec(N_("The story"), "pages/story/overview.py", N_("Overview"), ":material/dashboard:", "overview"),
    PageSpec(N_("The story"), "pages/story/timeline.py", N_("Timeline"), ":material/timeline:", "timeline"),
    PageSpec(N_("The story"), "pages/story/article.py", N_("The article"), ":material/article:", "article"),
    PageSpec(N_("The story"), "pages/story/claims.py", N_("Claims check"), ":material/fact_check:", "claims"),
    PageSpec(N_("Markets"), "pages/markets/markets.py", N_("Markets"), ":material/candlestick_chart:", "markets"),
    PageSpec(N_("Markets"), "pages/markets/event_study.py", N_("Event study"), ":material/query_stats:", "event_study"),
    PageSpec(N_("Markets"), "pages/markets/listings.py", N_("Two listings"), ":material/compare_arrows:", "listings"),
    PageSpec(N_("Your data"), "pages/your_data/your_data.py", N_("Your events & symbols"), ":material/upload_file:",
             "your_data"),
)
ADDRESSES = tuple(p.url_path for p in PAGES)
_ROOT = "start"  # the address the default page reserves (Streamlit serves it at /)


@lru_cache(maxsize=None)
def _spec(url_path: str) -> PageSpec:
    return next(p for p in PAGES if p.url_path == url_path)


def page(url_path: str) -> st.Page:
    """The page at ``url_path`` ("timeline"), for ``st.page_link`` and ``st.switch_page``.

    Made once per process and language (both only read it); ``st.navigation`` gets pages of its own each run
    (:func:`sections`), because it marks the page it returns as the one to run."""
    return _page(url_path, locale.current())


@lru_cache(maxsize=None)
def _page(url_path: str, language: str) -> st.Page:  # the language keys the cache: the title is in it
    return _new(_spec(url_path))


def _new(spec: PageSpec) -> st.Page:
    return st.Page(spec.script, title=_(spec.title), icon=spec.icon, url_path=spec.url_path)


def sections() -> dict[str, list[st.Page]]:
    """The pages by section, titled in the run's language, as ``st.navigation`` takes them (the hidden home first).

    Made once per session and language and kept in the session: ``st.navigation`` marks the page it returns as the
    one to run, so two sessions never share a page, while one session runs one script at a time."""
    catalog = locale.catalog_key()
    kept = state.NAV_PAGES.get()
    if kept is None or kept[0] != catalog:
        kept = (catalog, _sections())
        state.NAV_PAGES.set(kept)
    return kept[1]


def _sections() -> dict[str, list[st.Page]]:
    home = _spec(HOME)
    out: dict[str, list[st.Page]] = {"": [st.Page(home.script, title=_(home.title), icon=home.icon, url_path=_ROOT,
                                                   default=True, visibility="hidden")]}
    for spec in PAGES:
        out.setdefault(_(spec.section), []).append(_new(spec))
    return out


def address(current: st.Page) -> str:
    """The page's address ("overview" for the app's root), as links and state name it."""
    return current.url_path if current.url_path in ADDRESSES else HOME
