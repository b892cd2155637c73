"""Every fact the app is built around, written once: the story's symbols and dates, windows, limits.

The lowest layer: it imports nothing from the project, and every package may read it. A number
or name that more than one module needs lives here; one that only its own module needs stays there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"  # the bundled snapshot, events, article and claims

# --- the story ------------------------------------------------------------------------------------
# Alibaba's two listings and the two Hang Seng indices: what the story's charts and tables show.
DEFAULT_SYMBOLS: tuple[str, ...] = ("9988.HK", "BABA", "^HSI", "^HSCE")
HEADLINE_EVENT = "qwq-32b-release"  # the event the Overview leads with and the event study opens on
ARTICLE_DATE = dt.date(2025, 3, 6)  # the article's publication date (data/article.json says so too)
ARTICLE_WEEK = (dt.date(2025, 3, 3), dt.date(2025, 3, 7))
# Presets anchored on the article count back from one week after its week, so the chart shows the
# run-up, the week itself and the following week's follow-through.
ARTICLE_ANCHOR_END = dt.date(2025, 3, 14)
HOME_TZ = "Asia/Hong_Kong"  # the story's market: events without a zone, and the timeline's clock

# --- symbols --------------------------------------------------------------------------------------
MAX_SYMBOLS = 8  # on one chart, in one link, on one event
MAX_STORY_SYMBOLS = 16  # loaded at once for every event of a timeline; beyond it (users' events) each its own
ADS_RATIO = 8  # one BABA American depositary share is 8 ordinary 9988.HK shares

# --- windows, in trading sessions -----------------------------------------------------------------
DEFAULT_ESTIMATION = (-250, -11)  # the event study's estimation window, relative to day 0
DEFAULT_EVENT_WINDOW = (-5, 5)
ESTIMATION_LIMITS = (-500, -2)  # what the page's slider (and a link) may ask for
EVENT_WINDOW_LIMITS = (-30, 30)
MIN_ESTIMATION = 30  # fewest estimation observations accepted (t with 28 d.f. is close to normal)
DEFAULT_ZOOM_SESSIONS = 10  # the timeline's chart around an event: sessions either side of day 0
ZOOM_SESSION_LIMITS = (1, 60)
WAKING_HOUR = 7  # news known only by its date may have reached a session that closed after 07:00 that day
MAX_GAP_DAYS = 10  # a "reaction" further than this from the event means the data has a hole there

# --- prices ---------------------------------------------------------------------------------------
HISTORY_START = dt.date(2022, 1, 1)  # what a live fetch asks for; pages slice from it
LIVE_TTL = dt.timedelta(hours=6)  # how long a live fetch is reused (memory and disk)
RETRY_AFTER = dt.timedelta(seconds=120)  # before a symbol whose fetch failed is tried live again
REQUEST_TIMEOUT_S = 10  # per Yahoo request (a fetch makes several)
LIVE_DEADLINE_S = 8.0  # what one page load waits for live prices, in all; a fetch goes on in the background
RETRY_COOLDOWN = dt.timedelta(seconds=15)  # a "Retry live data" for a symbol at most this often
FETCH_WORKERS = 4  # live fetches running at once, for every session together
MAX_DAILY_CANDLES = 300  # beyond this many sessions a symbol's candles are drawn weekly

# --- what users may bring -------------------------------------------------------------------------
MAX_UPLOAD_BYTES = 1_000_000  # 1 MB, as the uploader widget counts it (server.maxUploadSize = 1)
MAX_UPLOAD_ROWS = 500
MAX_USER_EVENTS = 500  # per session
MAX_ARTICLE_CHARS = 100_000
MAX_PARAM_LENGTH = 400  # characters of one link parameter

# --- saved workspaces (components/workspace) ----------------------------------------------------------
MAX_WORKSPACE_EVENTS = MAX_USER_EVENTS  # a workspace holds what a session may hold
MAX_WORKSPACE_ARTICLES = 10  # loaded articles kept with their text
MAX_WORKSPACE_BYTES = 2_000_000  # events, articles and view together, as stored (UTF-8)
WORKSPACE_EXPIRY_DAYS = 90  # a workspace nobody opened or saved for this long is deleted (on a later save)
MAX_WORKSPACES = 100_000  # in one database; saving a new one is refused beyond this
MAX_STORED_BYTES = 2_000_000_000  # every workspace of one database together; no new one (or growth) beyond it
MAX_NEW_WORKSPACES_PER_SESSION = 5  # "Save" and "Save a copy" in one browser session
MAX_NEW_WORKSPACES_PER_ADDRESS = 20  # new workspaces from one client address per ADDRESS_WINDOW
MAX_NEW_BYTES_PER_ADDRESS = 20_000_000  # what they may take together, per client address and ADDRESS_WINDOW
ADDRESS_WINDOW = dt.timedelta(days=1)

# --- reading another article (components/text/reader.py and its callers) ---------------------------
MAX_SENTENCES = 2_000  # sentences read from one text; the rest are named in a notice, never read
MAX_SENTENCE_CHARS = 2_000  # characters of one sentence read; a longer one is cut, with a notice
MAX_CANDIDATES = 300  # candidate events proposed from one text
MAX_ARTICLE_CLAIMS = 200  # numeric claims read from one text
MAX_SENTENCE_FIGURES = 40  # figures read from one sentence; a longer list is cut, with a notice
MAX_SHARERS = 4  # names one figure is checked for at most ("A, B, C and D each rose 2%")
MAX_CLAIM_CHARTS = 20  # claim charts the Claims page draws at once; each other one is a click away
MAX_REPORT_ARTICLES = 3  # loaded articles whose claims the report reads and checks (the latest); others listed
EVENT_YEARS = (1900, 2100)  # an event's date must fall in these years (pandas and the charts hold them)
