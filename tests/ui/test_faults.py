"""The live price path failing in each way yfinance does, driven through every page with AppTest.

Each scenario switches the app to live mode (``DASHBOARD_OFFLINE=0``), replaces ``yf.Ticker`` at
its one call site with a fake Yahoo (``tests.yf_fakes.FakeYahoo``) and breaks one thing: the
network (DNS, timeout, rate limit), Yahoo's answer (empty, all-NaN, starting late, a symbol that
vanished after being served once), the on-disk cache (a corrupt file, a directory that cannot be
used) or the bundled snapshot (missing, damaged). Then every page is run, and must

* run without an uncaught exception,
* say what is missing: a warning, error, info or caption naming the symbol and the reason, and
* keep the user's state (range, symbols, selected event, uploaded events, widget choices), both
  after the failing run and after a rerun.

Healthy symbols are served by the fake Yahoo as random walks over every weekday up to today.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import pathlib
import re
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yfinance as yf
from curl_cffi.requests.exceptions import ConnectionError as CurlConnectionError
from curl_cffi.requests.exceptions import Timeout as CurlTimeout
from streamlit.testing.v1 import AppTest

from components.data import disk_cache, snapshot, store, yahoo
from components.data.events import Event
from components.ui import state
from tests.apptest import PAGES as PAGE_FILES
from tests.apptest import assert_no_exception, open_page
from tests.yf_fakes import prices_missing, random_walk_bars

PAGES = ["app.py", *PAGE_FILES]

# --- the user's state, set before the first run and expected unchanged after every run ------------

USER_EVENT = Event(id="user-my-note", title="My own note", date=dt.date(2025, 3, 10), category="other",
                   symbols=["9988.HK"], origin="user")
STATE: dict[state.Key, object] = {
    state.RANGE_PRESET: "custom",
    state.RANGE_START: dt.date(2025, 1, 2),
    state.RANGE_END: dt.date(2025, 3, 31),
    state.SYMBOLS: ["9988.HK", "BABA", "^HSCE", "3690.HK"],  # 3690.HK is not in the bundled snapshot
    state.VIEW: "price",
    state.STYLE: "line",
    state.LOG: True,
    state.CATEGORIES: ["model release", "agent launch", "market move", "other"],
    state.EVENT: "qwq-32b-release",
    state.WINDOW_N: 7,
    state.TIMELINE_SPAN: "all",
    state.ES_SYMBOL: "9988.HK",
    state.ES_WINDOW: (-3, 3),
    state.USER_EVENTS: [USER_EVENT],
}

# Symbols every price page fetches and must name when they fail; markets also shows 3690.HK.
NAMED: dict[str, list[str]] = {
    "app.py": ["9988.HK"],
    "pages/story/overview.py": ["9988.HK"],
    "pages/story/claims.py": ["9988.HK"],
    "pages/story/timeline.py": ["9988.HK"],
    "pages/markets/event_study.py": ["9988.HK"],
    "pages/markets/markets.py": ["9988.HK", "3690.HK"],
    "pages/markets/listings.py": ["9988.HK"],
    "pages/story/article.py": [],
    "pages/your_data/your_data.py": [],
}
FAULTY = ("9988.HK", "3690.HK", "PDD")  # the symbols a per-symbol fault hits (PDD: added on Your data)
LATE_START = dt.date(2025, 3, 3)


# --- a fake Yahoo ---------------------------------------------------------------------------------

class Yahoo:
    """The answer of the fake ``yf.Ticker``: healthy bars, unless a fault is set for a ticker (or '*')."""

    def __init__(self) -> None:
        self.faults: dict[str, Callable[[str, dict], object]] = {}

    def __call__(self, ticker: str, kwargs: dict) -> object:
        fault = self.faults.get(ticker, self.faults.get("*"))
        if fault is not None:
            return fault(ticker, kwargs)
        return random_walk_bars(ticker, kwargs["start"], kwargs["end"])


def raising(exc: BaseException) -> Callable[[str, dict], BaseException]:
    return lambda _ticker, _kw: exc


def empty_answer(ticker: str, _kw: dict) -> Exception:
    return prices_missing(ticker)


def nan_answer(ticker: str, kw: dict) -> pd.DataFrame:
    return random_walk_bars(ticker, kw["start"], kw["end"]).assign(Close=np.nan)


def late_answer(ticker: str, kw: dict) -> pd.DataFrame:
    return random_walk_bars(ticker, kw["start"], kw["end"], first=LATE_START)


@dataclass
class Env:
    """What a scenario's setup may change; ``after_prime`` runs after a first, healthy page run."""

    monkeypatch: pytest.MonkeyPatch
    tmp_path: Path
    yahoo: Yahoo
    after_prime: Callable[[], None] | None = None

    @property
    def cache(self) -> Path:
        return disk_cache.cache_dir()


# --- scenarios --------------------------------------------------------------------------------------

DNS_REASON = r"DNS"
TIMEOUT_REASON = r"timeout|did not answer"
RATE_REASON = r"rate.?limit|too many requests"


def _per_symbol(env: Env, answer) -> None:
    env.yahoo.faults.update({s: answer for s in FAULTY})


def dns_down(env: Env) -> None:
    env.yahoo.faults["*"] = raising(socket.gaierror(socket.EAI_NONAME, "Name or service not known"))


def dns_curl(env: Env) -> None:
    env.yahoo.faults["*"] = raising(CurlConnectionError(
        "Failed to perform, curl: (6) Could not resolve host: query2.finance.yahoo.com. "
        "See https://curl.se/libcurl/c/libcurl-errors.html first for more details."))


def timeout(env: Env) -> None:
    env.yahoo.faults["*"] = raising(CurlTimeout(
        "Failed to perform, curl: (28) Operation timed out after 10002 milliseconds with 0 bytes received."))


def rate_limited(env: Env) -> None:
    env.yahoo.faults["*"] = raising(yf.exceptions.YFRateLimitError())


def empty(env: Env) -> None:
    _per_symbol(env, empty_answer)


def all_nan(env: Env) -> None:
    _per_symbol(env, nan_answer)


def partial_range(env: Env) -> None:
    _per_symbol(env, late_answer)
    env.yahoo.faults["^HSCE"] = late_answer  # the claims need ^HSCE from 31 Dec 2024


def _age_disk_cache_and_vanish(env: Env, keep_disk: bool) -> None:
    old = time.time() - 7 * 3600  # older than the 6 h freshness limit
    for path in env.cache.glob("*.parquet"):
        if keep_disk:
            os.utime(path, (old, old))
        else:
            path.unlink()
    store.clear_caches()  # the memory cache expired too
    _per_symbol(env, empty_answer)


def vanished_stale_disk(env: Env) -> None:
    env.after_prime = lambda: _age_disk_cache_and_vanish(env, keep_disk=True)


def vanished_snapshot(env: Env) -> None:
    env.after_prime = lambda: _age_disk_cache_and_vanish(env, keep_disk=False)


def _corrupt_cache_files(env: Env) -> None:
    env.cache.mkdir(parents=True, exist_ok=True)
    disk_cache.cache_path("9988.HK").write_bytes(b"PAR1\x00\x15 this is not a parquet file PAR1")
    disk_cache.cache_path("3690.HK").write_bytes(b"")
    # valid parquet, wrong content: another symbol's rows under this symbol's name
    pd.DataFrame({"date": pd.to_datetime(["2025-03-03"]), "symbol": ["NVDA"], "close": [1.0]}).to_parquet(
        disk_cache.cache_path("BABA"))


def corrupt_cache_live_up(env: Env) -> None:
    _corrupt_cache_files(env)


def corrupt_cache_live_down(env: Env) -> None:
    _corrupt_cache_files(env)
    dns_down(env)


def cache_dir_is_a_file(env: Env) -> None:
    blocker = env.tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be\n")
    env.monkeypatch.setenv(disk_cache.CACHE_ENV, str(blocker))


def cache_dir_is_a_file_live_down(env: Env) -> None:
    cache_dir_is_a_file(env)
    dns_down(env)


def read_only_cache_dir(env: Env) -> None:
    """A cache folder shared read-only between replicas, holding a damaged file.

    Tests run as root, where chmod does not stop anything, so the read-only file system is
    simulated at its boundary: deleting or writing a file under the cache folder fails with EROFS.
    """
    _corrupt_cache_files(env)
    cache = env.cache.resolve()

    def refuse(path) -> None:
        if cache in Path(path).resolve().parents:
            raise OSError(errno.EROFS, "Read-only file system", str(path))

    real_unlink, real_to_parquet = pathlib.Path.unlink, pd.DataFrame.to_parquet

    def unlink(self, missing_ok=False):
        refuse(self)
        return real_unlink(self, missing_ok=missing_ok)

    def to_parquet(self, path=None, *args, **kwargs):
        refuse(path)
        return real_to_parquet(self, path, *args, **kwargs)

    env.monkeypatch.setattr(pathlib.Path, "unlink", unlink)
    env.monkeypatch.setattr(pd.DataFrame, "to_parquet", to_parquet)


def _broken_snapshot(env: Env, kind: str) -> None:
    if kind == "missing":
        csv = env.tmp_path / "gone" / "prices.csv"
    else:
        csv = env.tmp_path / "prices.csv"
        csv.write_text("date,symbol,open,high,low,close,adj_close,volume,currency\n"
                       "2025-03-03,9988.HK,130,125,120,128,,100,HKD\n"       # low > high
                       "2025-03-04,9988.HK,abc,131,127,129,,100,HKD\n")     # not a number
    env.monkeypatch.setattr(store, "load_snapshot",
                            lambda: snapshot.load_snapshot(csv, env.tmp_path / "prices_meta.json"))
    store.clear_caches()


def snapshot_missing_offline(env: Env) -> None:
    env.monkeypatch.setenv(store.OFFLINE_ENV, "1")
    _broken_snapshot(env, "missing")


def snapshot_damaged_live_down(env: Env) -> None:
    _broken_snapshot(env, "damaged")
    dns_down(env)


def snapshot_unreadable_live_up(env: Env) -> None:
    def boom():
        raise snapshot.SnapshotError("the bundled snapshot prices.csv: cannot be read as CSV (disk I/O error)")
    env.monkeypatch.setattr(store, "load_snapshot", boom)
    store.clear_caches()


@dataclass(frozen=True)
class Scenario:
    setup: Callable[[Env], None]
    # symbol -> regexes that one message naming the symbol must all match; a symbol of NAMED
    # without an entry here must be shown as live data
    expect: dict[str, tuple[str, ...]] = field(default_factory=dict)
    offline: bool = False
    named: dict[str, list[str]] = field(default_factory=dict)  # per page, instead of NAMED
    verify: Callable[[str], None] | None = None  # checks, given the page, that the fault really happened


def _served_stale(path: str) -> None:
    if "9988.HK" not in NAMED[path]:
        return  # the page fetched nothing, so there is no disk copy
    prov = store.get_prices(["9988.HK"], dt.date(2025, 1, 2), dt.date(2025, 3, 31)).provenance["9988.HK"]
    assert prov.source == "disk cache" and "stale" in prov.note, f"scenario not set up: {prov}"


def _all(*reasons: str) -> dict[str, tuple[str, ...]]:
    return {s: reasons for s in FAULTY}


SCENARIOS: dict[str, Scenario] = {
    "dns_gaierror": Scenario(dns_down, _all(DNS_REASON)),
    "dns_curl_could_not_resolve": Scenario(dns_curl, _all(DNS_REASON)),
    "timeout": Scenario(timeout, _all(TIMEOUT_REASON)),
    "rate_limited": Scenario(rate_limited, _all(RATE_REASON)),
    "no_prices": Scenario(empty, _all(r"no prices")),
    "all_nan_closes": Scenario(all_nan, _all(r"NaN")),
    # data that starts late: the page must say from when there is data (LATE_START)
    # (claims: only the ^HSCE claims need data before March)
    "partial_range": Scenario(partial_range, {s: (r"2025-03-03|0?3 Mar\w* 2025|only \d+ sessions",)
                                              for s in ("9988.HK", "3690.HK", "^HSCE")},
                              named={"pages/story/claims.py": ["^HSCE"]}),
    # served once live, then Yahoo answers empty: a stale disk copy serves it, and the page says so
    "vanished_stale_disk_copy": Scenario(vanished_stale_disk, {
        "9988.HK": (r"no prices", r"stale|disk|cache|fetched|old"),
        "3690.HK": (r"no prices", r"stale|disk|cache|fetched|old"),
        "PDD": (r"no prices",)}, verify=_served_stale),
    # served once live, then Yahoo answers empty and no disk copy is left: the snapshot or nothing
    "vanished_no_disk_copy": Scenario(vanished_snapshot, _all(r"no prices")),
    "corrupt_cache_live_up": Scenario(corrupt_cache_live_up, {}),
    "corrupt_cache_live_down": Scenario(corrupt_cache_live_down, _all(DNS_REASON)),
    "cache_dir_unusable_live_up": Scenario(cache_dir_is_a_file, {}),
    "cache_dir_unusable_live_down": Scenario(cache_dir_is_a_file_live_down, _all(DNS_REASON)),
    "cache_dir_read_only_with_damaged_file": Scenario(read_only_cache_dir, {}),
    "snapshot_missing_offline": Scenario(snapshot_missing_offline, {"9988.HK": (r"snapshot", r"missing")},
                                         offline=True),
    "snapshot_damaged_live_down": Scenario(snapshot_damaged_live_down, _all(DNS_REASON, r"damaged")),
    "snapshot_unreadable_live_up": Scenario(snapshot_unreadable_live_up, {}),
}


# --- helpers ----------------------------------------------------------------------------------------

@pytest.fixture
def env(monkeypatch, tmp_path, fake_yahoo) -> Env:
    answer = Yahoo()
    fake_yahoo(answer)
    return Env(monkeypatch, tmp_path, answer)


def start_app(path: str) -> AppTest:
    return open_page(path, STATE, run=False)


def messages(at: AppTest) -> list[str]:
    """Texts that tell the user something: alerts, captions, and Markdown (claims explain data gaps there),
    with Markdown escapes removed."""
    return [re.sub(r"\\(.)", r"\1", el.value) for kind in ("warning", "error", "info", "caption", "markdown")
            for el in getattr(at, kind)]


def shown(at: AppTest) -> str:
    return "\n".join(f"  {kind}: {el.value}" for kind in ("warning", "error", "info", "caption", "success")
                     for el in getattr(at, kind))


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def assert_state_kept(at: AppTest, when: str, changed: dict[state.Key, object] | None = None) -> None:
    for key, want in {**STATE, **(changed or {})}.items():
        got = at.session_state[key.name] if key.name in at.session_state else "<missing>"
        assert _plain(got) == _plain(want), f"{when}: session_state[{key.name!r}] was {want!r}, is {got!r}"


def assert_says(at: AppTest, symbol: str, reasons: tuple[str, ...], when: str) -> None:
    found = [m for m in messages(at) if symbol in m and all(re.search(r, m, re.I) for r in reasons)]
    assert found, (f"{when}: no message names {symbol} with {reasons}; the page shows:\n"
                   + shown(at))


def assert_served_live(at: AppTest, symbol: str, when: str) -> None:
    live = [m for m in messages(at) if "Live Yahoo Finance data" in m and symbol in m]
    assert live, f"{when}: the page does not say {symbol} is live data; it shows:\n" + shown(at)
    wrong = [m for m in at.warning.values + at.error.values if symbol in m]
    assert not wrong, f"{when}: {symbol} was served live but the page warns: {wrong}"


def check_page(at: AppTest, path: str, scenario: Scenario, when: str) -> None:
    assert_no_exception(at, when)
    assert at.title, f"{when}: no title; the page stopped early:\n" + shown(at)
    for symbol in scenario.named.get(path, NAMED[path]):
        if symbol in scenario.expect:
            assert_says(at, symbol, scenario.expect[symbol], when)
        elif not scenario.offline:
            assert_served_live(at, symbol, when)


# --- every fault on every page ------------------------------------------------------------------------

@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_fault_on_every_page(env, name, path):
    scenario = SCENARIOS[name]
    scenario.setup(env)
    at = start_app(path)
    if env.after_prime is not None:
        at.run()
        check_page(at, path, Scenario(lambda _e: None), f"{name} on {path}, healthy first run")
        env.after_prime()
    at.run()
    if scenario.verify is not None:
        scenario.verify(path)
    check_page(at, path, scenario, f"{name} on {path}")
    assert_state_kept(at, f"{name} on {path}, after the failing run")
    at.run()
    check_page(at, path, scenario, f"{name} on {path}, rerun")
    assert_state_kept(at, f"{name} on {path}, after a rerun")
    if path == "pages/your_data/your_data.py" and not scenario.offline:
        check_and_add_symbol(at, scenario, name)


def check_and_add_symbol(at: AppTest, scenario: Scenario, name: str) -> None:
    """Your data, live: 'Check and add' a symbol whose fetch fails says why and adds nothing."""
    at.text_input(key=state.NEW_SYMBOL).input("PDD")
    at.button(key=state.ADD_SYMBOL).click().run()
    when = f"{name}: checking PDD on Your data"
    assert_no_exception(at, when)
    if "PDD" in scenario.expect:
        errors = [m for m in at.error.values if "PDD" in m]
        assert errors and all(re.search(r, errors[0], re.I) for r in scenario.expect["PDD"]), \
            f"{when}: expected an error naming PDD and {scenario.expect['PDD']}:\n" + shown(at)
        assert_state_kept(at, when)
    else:
        assert any("PDD added" in m for m in at.success.values), f"{when}:\n" + shown(at)
        assert_state_kept(at, when, {state.SYMBOLS: [*STATE[state.SYMBOLS], "PDD"]})


# --- recovery and navigation while Yahoo is down ------------------------------------------------------

def test_retry_live_data_after_yahoo_recovers_keeps_state(env):
    dns_down(env)
    at = start_app("pages/markets/markets.py").run()
    assert_says(at, "9988.HK", (DNS_REASON,), "Yahoo down")
    env.yahoo.faults.clear()
    at.run()  # recent failures are not retried at once: still the snapshot
    assert_says(at, "9988.HK", (DNS_REASON,), "Yahoo back, before retry")
    at.button(key=state.RETRY_LIVE).click().run()
    assert_no_exception(at, "after Retry live data")
    for symbol in ("9988.HK", "3690.HK"):
        assert_served_live(at, symbol, "after Retry live data")
    assert_state_kept(at, "after Retry live data")


def test_walking_every_page_while_yahoo_is_down_keeps_state(env):
    rate_limited(env)
    at = start_app("app.py").run()
    check_page(at, "app.py", SCENARIOS["rate_limited"], "walk: app.py")
    for path in PAGES[1:]:
        at.switch_page(path).run()
        check_page(at, path, SCENARIOS["rate_limited"], f"walk: {path}")
        assert_state_kept(at, f"walk: {path}")
    calls = yahoo.yf.Ticker.calls
    assert len({c["ticker"] for c in calls}) == len(calls), \
        "a symbol that just failed was fetched again on the next page instead of waiting RETRY_AFTER"


def test_corrupt_cache_file_is_replaced_by_a_good_one_through_the_page(env):
    _corrupt_cache_files(env)
    at = start_app("pages/markets/markets.py").run()
    assert_no_exception(at, "corrupt cache")
    for symbol in ("9988.HK", "BABA", "3690.HK"):
        assert disk_cache.read_disk_cache(symbol, max_age=None).frame is not None, \
            f"{symbol}'s cache file not replaced"


def test_cache_entry_that_is_a_directory_does_not_break_the_page(env):
    """The damaged-file cleanup in read_disk_cache also fails, without any simulation, on a directory."""
    disk_cache.cache_path("9988.HK").mkdir(parents=True)
    at = start_app("pages/markets/markets.py").run()
    assert_no_exception(at, "a directory where 9988.HK's cache file should be")
    assert_served_live(at, "9988.HK", "a directory where 9988.HK's cache file should be")
    assert_state_kept(at, "a directory in the cache")
