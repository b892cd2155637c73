"""Every session-state key of the app, with its default and the link parameter that carries it.

A :class:`Key` names one canonical value, and every widget that edits one is bound to it the same way:
``**KEY.bind()``. The widget keeps its own key (``KEY.widget``), seeded from the value when the widget is
new, and its change is copied into the value, so the value survives page switches, when Streamlit
forgets the keys of widgets it no longer draws. Code that changes a value calls ``KEY.set`` (the bound
widget then shows it); reading (``KEY.get``) never writes. Keys with a ``param`` travel in the URL on
the pages they list (``ALL_PAGES`` for every page); their parsers (:mod:`components.ui.params`) say why a
bad value is ignored.

Each fact is kept once. The date range is stored as what the user chose (a preset and its anchor, or
custom dates); the dates it stands for are resolved once per run (:func:`components.ui.daterange.resolve`).
The open workspace is one value, and its token travels in links as ``ws`` or ``share`` by its mode.
The claims page checks one of the loaded articles, named by its id. Plain widget keys (buttons, tables,
charts) are named here too, so no page spells a key twice.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import streamlit as st

from components.analysis.metrics import STYLES, VIEWS
from components.analysis.ranges import ANCHORS, CUSTOM, DEFAULT_ANCHOR, DEFAULT_PRESET, PRESETS
from components.charts.palette import UPDOWNS
from components.data.events import CATEGORIES as ALL_CATEGORIES
from components.facts import (
    DEFAULT_ESTIMATION,
    DEFAULT_EVENT_WINDOW,
    DEFAULT_SYMBOLS,
    DEFAULT_ZOOM_SESSIONS,
    ESTIMATION_LIMITS,
    EVENT_WINDOW_LIMITS,
    ZOOM_SESSION_LIMITS,
)
from components.locale import N_
from components.ui import params
from components.workspace import store

EVERY_PAGE = "*"  # as a page to link to: every page's parameters (what a saved workspace keeps of the view)
ALL_PAGES = (EVERY_PAGE,)  # as a Key's pages: it travels in the link of every page
TIMELINE_SPANS = {"range": N_("Date range"), "all": N_("All events")}  # where the timeline opens


@dataclass(frozen=True, eq=False, repr=False)
class Key:
    """One canonical session-state value: its key, default, and (optionally) its link parameter."""

    name: str
    default: object = None
    param: str | None = None
    parse: params.Parser | None = None
    pages: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"Key({self.name!r})"

    @property
    def widget(self) -> str:
        """The key of the widget bound to this value."""
        return f"w_{self.name}"

    def get(self):
        """The current value (a copy of the default while the session has none); reading never writes."""
        try:  # one look-up: a test with ``in`` first costs a second
            return st.session_state[self.name]
        except KeyError:
            return copy.deepcopy(self.default)

    def set(self, value) -> None:
        """Set the value; a bound widget drawn later shows it (its own key is dropped, and seeded again)."""
        st.session_state[self.name] = value
        st.session_state.pop(self.widget, None)

    def pop(self):
        return st.session_state.pop(self.name, copy.deepcopy(self.default))

    def bind(self, on_change=None, shows=None) -> dict:
        """Keyword arguments that bind a widget to this value.

        A new widget is seeded from the value, or from ``shows`` while the value is None (what the widget
        shows until the user picks: the custom range's picker shows the range's dates). ``on_change``
        replaces the plain copy into the value: it reads the widget's key and stores with :meth:`set`."""
        if self.widget not in st.session_state:
            value = self.get()
            st.session_state[self.widget] = copy.deepcopy(shows if value is None else value)
        return {"key": self.widget, "on_change": on_change or self._copy_back}

    def _copy_back(self) -> None:
        # another callback of the same round may have set the value already (``set`` drops the widget's key): it wins
        if self.widget in st.session_state:
            st.session_state[self.name] = copy.deepcopy(st.session_state[self.widget])

    def on_page(self, page: str) -> bool:
        """Whether the value travels in the link of ``page`` (``EVERY_PAGE``: of any page)."""
        return self.param is not None and (page == EVERY_PAGE or self.pages == ALL_PAGES or page in self.pages)


@dataclass(frozen=True)
class Chart:
    """A chart whose points can be clicked: its widget key and the last click already handled."""

    key: str

    @staticmethod
    def clicked(chart_state) -> str | None:
        """The event id of the selected point (customdata[0] of the first one), else None."""
        try:
            points = chart_state["selection"]["points"]
        except (KeyError, TypeError):
            points = []
        ids = [p["customdata"][0] for p in points
               if isinstance(p, dict) and isinstance(p.get("customdata"), list) and p["customdata"]]
        return ids[0] if ids else None

    def picked(self, chart_state) -> str | None:
        """The event id of a new click, else None.

        A selection stays in the chart's state across reruns; only one that differs from the last
        handled pick counts, so prev/next buttons are not undone by a stale selection.
        """
        pick = self.clicked(chart_state)
        last = f"_last_pick_{self.key}"
        if pick == st.session_state.get(last):
            return None
        st.session_state[last] = pick
        return pick


# --- values that travel in links --------------------------------------------------------------------
RANGE_PRESET = Key("range_preset", DEFAULT_PRESET, "range", params.choice([*PRESETS, CUSTOM], "range"), ALL_PAGES)
RANGE_ANCHOR = Key("range_anchor", DEFAULT_ANCHOR, "anchor", params.choice(ANCHORS, "anchor"), ALL_PAGES)
RANGE_START = Key("range_start", None, "start", params.date, ALL_PAGES)  # custom ranges only
RANGE_END = Key("range_end", None, "end", params.date, ALL_PAGES)
EVENT = Key("event", None, "event", params.event, ALL_PAGES)
SYMBOLS = Key("symbols", list(DEFAULT_SYMBOLS), "symbols", params.symbols, ("markets",))
VIEW = Key("view", "rebased", "view", params.choice(VIEWS, "view"), ("markets",))
STYLE = Key("style", "line", "style", params.choice(STYLES, "style"), ("markets",))
LOG = Key("log", False, "log", params.flag, ("markets",))
CATEGORIES = Key("categories", list(ALL_CATEGORIES), "cats", params.categories, ("timeline", "markets"))
WINDOW_N = Key("window_n", DEFAULT_ZOOM_SESSIONS, "n", params.int_in(*ZOOM_SESSION_LIMITS), ("timeline",))
TIMELINE_SPAN = Key("timeline_span", "range", "span", params.choice(TIMELINE_SPANS, "span"), ("timeline",))
ES_SYMBOL = Key("es_symbol", DEFAULT_SYMBOLS[0], "sym", params.stock, ("event_study",))
ES_BENCHMARK = Key("es_benchmark", "", "bench", params.benchmark, ("event_study",))
ES_ESTIMATION = Key("es_estimation", DEFAULT_ESTIMATION, "est", params.window(*ESTIMATION_LIMITS), ("event_study",))
ES_WINDOW = Key("es_window", DEFAULT_EVENT_WINDOW, "win", params.window(*EVENT_WINDOW_LIMITS), ("event_study",))
# the up/down colour convention (None: the language's custom, components/ui/updown.py)
UPDOWN = Key("updown", None, "updown", params.choice(UPDOWNS, "updown"), ALL_PAGES)
LANG = Key("lang", None, "lang", params.language, ALL_PAGES)  # None: the browser's language
URL_KEYS = (RANGE_PRESET, RANGE_ANCHOR, RANGE_START, RANGE_END, EVENT, SYMBOLS, VIEW, STYLE, LOG, CATEGORIES,
            WINDOW_N, TIMELINE_SPAN, ES_SYMBOL, ES_BENCHMARK, ES_ESTIMATION, ES_WINDOW, UPDOWN, LANG)

# --- the open saved workspace (components/ui/saving.py): one value; its token travels in every link ---------
WORKSPACE = Key("_workspace", None)  # the open workspace (saving.OpenWorkspace), or None
EDIT_PARAM, SHARE_PARAM = "ws", "share"  # the link parameters that carry a workspace's token
TOKEN_PARAMS = {EDIT_PARAM: store.EDIT, SHARE_PARAM: store.VIEW}  # each with the mode it opens the workspace in

# --- values of this session only ----------------------------------------------------------------------
USER_EVENTS = Key("user_events", [])  # the user's own events (uploaded or extracted)
ES_GROUP = Key("es_group", None)  # event ids of the event study's group (None: Alibaba's model releases)
ADDED_FILES = Key("_added_files", set())  # digests of the upload files already added
ADD_NOTICES = Key("_add_notices", [])  # confirmations shown once after "Add"
EXTRACTION = Key("_extraction", None)  # the last extraction under review
URL_NOTICES = Key("_url_notices", [])  # why link parameters were ignored, shown once
# The parameters the app last wrote into the address bar. Not derivable from the session: a rerun after a
# click still holds that address while the session already differs from it, so only an address that differs
# from what the app wrote is a link opened (pasted, or reached with Back) and applied.
URL_WRITTEN = Key("_url_written", None)
RANGE_PICK = Key("range_pick", None)  # dates in the custom range's picker not applied: half-picked or refused
LOADED_ARTICLES = Key("loaded_articles", [])  # articles the user loaded (StoredArticle), kept in a workspace
CLAIMS_ARTICLE = Key("_claims_article", None)  # the id of the loaded article the claims page checks
CLAIMS_SOURCE = Key("claims_source", "bundled")  # which article the claims page checks: bundled or loaded
EXTRACT_ROWS = Key("_extract_rows", None)  # review rows kept after "Add" (not added, each with its reason)
EXTRACT_ROUND = Key("_extract_round", 0)  # bumped when the review table is rebuilt, so it starts afresh
UPLOAD_ROUND = Key("_upload_round", 0)  # bumped after "Add", so the uploader (and its notices) start empty
WORKSPACE_NOTICES = Key("_workspace_notices", [])  # why a link's workspace did not open, or what it left out
NEW_WORKSPACES = Key("_new_workspaces", 0)  # workspaces this session created (bounded)
TOUCH = Key("_touch", None)  # whether the browser is a touch screen: its request headers, read once per session
NAV_PAGES = Key("_nav_pages", None)  # (catalog, the navigation's pages): made once per session and language
# The parameters of every page (links.to_params for EVERY_PAGE) that the sidebar's links, the share link and the
# report were last drawn with: a part of the page that reruns alone compares the session with it (links.keep_current).
LINKS_DRAWN = Key("_links_drawn", None)
SESSION_KEYS = (WORKSPACE, USER_EVENTS, ES_GROUP, ADDED_FILES, ADD_NOTICES, EXTRACTION, URL_NOTICES, URL_WRITTEN,
                RANGE_PICK, LOADED_ARTICLES, CLAIMS_ARTICLE, CLAIMS_SOURCE, EXTRACT_ROWS, EXTRACT_ROUND, UPLOAD_ROUND,
                WORKSPACE_NOTICES, NEW_WORKSPACES)

# --- widgets that hold no canonical value -------------------------------------------------------------
PAGE_HELPERS = "page_helpers"  # the page script: Enter applies dates, charts keep their zoom
OVERVIEW_CHART = Chart("overview_chart")
TIMELINE = "timeline_chart"  # the timeline component (its pick and step triggers)
MARKETS_CHART = Chart("markets_chart")
TIMELINE_ZOOM = "timeline_zoom"
PREV_EVENT, NEXT_EVENT = "prev_event", "next_event"
RETRY_LIVE = "retry_live"
ARTICLE_SHOW_REPEATS = "article_show_repeats"
ARTICLE_DATES = "article_dates"
REACTION_TABLE = "reaction_table"
MARKETS_SUMMARY, MARKETS_TABLE, MARKETS_CSV = "markets_summary", "markets_table", "markets_csv"
ES_AR, ES_CAR, ES_STATS, ES_TABLE, ES_CSV = "es_ar", "es_car", "es_stats", "es_table", "es_csv"
ES_ONE_FIRM, ES_GROUP_TABLE = "es_one_firm", "es_group_table"
LISTINGS_PREMIUM, LISTINGS_CLOCK = "listings_premium", "listings_clock"
LISTINGS_AROUND, LISTINGS_MOVERS = "listings_around", "listings_movers"
ES_COMPARE, ES_COMPARE_CSV = "es_compare", "es_compare_csv"
UPLOAD, UPLOAD_ADD, UPLOAD_PROBLEMS, UPLOAD_PREVIEW = "events_upload", "upload_add", "upload_problems", "upload_preview"
TEMPLATE_CSV, TEMPLATE_JSON = "tpl_csv", "tpl_json"
EXTRACT_TEXT, EXTRACT_FILE, EXTRACT_PUBLISHED = "extract_text", "extract_file", "extract_published"
EXTRACT_RUN, EXTRACT_REVIEW, EXTRACT_ADD = "extract_run", "extract_review", "extract_add"
NEW_SYMBOL, ADD_SYMBOL, SNAPSHOT_SYMBOLS = "new_symbol", "add_symbol", "snapshot_symbols"
USER_EVENTS_TABLE, CLEAR_USER_EVENTS = "user_events_table", "clear_user_events"
WS_SAVE, WS_COPY, WS_FORCE, WS_REVOKE, WS_NEW_SHARE = "ws_save", "ws_copy", "ws_force", "ws_revoke", "ws_new_share"
WS_REPORT = "ws_report"
EXTRACT_PLACE, UPLOAD_DUPLICATES = "extract_place", "upload_duplicates"
CLAIMS_TEXT, CLAIMS_PUBLISHED = "claims_text", "claims_published"
CLAIMS_PLACE, CLAIMS_LOAD = "claims_place", "claims_load"
ZOOM_EXPANDER, CLAIMS_LOADER = "zoom_expander", "claims_loader"  # expanders: a translated label keeps them open


def upload_key(round_: int) -> str:
    """The events uploader of one round (a new round after "Add" starts with no file)."""
    return UPLOAD if not round_ else f"{UPLOAD}-{round_}"


def review_key(round_: int) -> str:
    """The extraction review table of one round (rebuilt after "Add" with the rows left)."""
    return EXTRACT_REVIEW if not round_ else f"{EXTRACT_REVIEW}-{round_}"


def claim_chart_key(claim_id: str) -> str:
    """The small chart of one claim on the claims page."""
    return f"claim_chart_{claim_id}"


def claim_key(claim_id: str) -> str:
    """The container of one claim on the claims page."""
    return f"claim_{claim_id}"


def article_key(position: int) -> str:
    """The "propose events again" button of one loaded article."""
    return f"ws_article_{position}"


def claim_chart_toggle(claim_id: str) -> str:
    """The "Show its chart" toggle of a claim past the first MAX_CLAIM_CHARTS."""
    return f"claim_chart_on_{claim_id}"


def claim_trail_key(claim_id: str) -> str:
    """The "How the figure was read" expander of a loaded article's claim."""
    return f"claim_trail_{claim_id}"


def figures_key(claim_id: str) -> str:
    """The figures table of one claim."""
    return f"figures_{claim_id}"


def init_state() -> None:
    """Give every canonical key its default in a new session (the one place a default is written)."""
    for key in (*URL_KEYS, *SESSION_KEYS):
        if key.name not in st.session_state:
            st.session_state[key.name] = copy.deepcopy(key.default)
