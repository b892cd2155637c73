"""The load run: ``SESSIONS`` browser tabs at once on one address, each loading the timeline, clicking an event
and changing the date range; each session's errors and timings. The load test runs it on one server, the
replica test through nginx.

One headless Chromium, one tab per session (each tab opens its own websocket, so its own Streamlit
session), driven by Playwright's async API so the sessions run at the same time. The tabs share one
browser context, as tabs of one browser do, so plotly.js is downloaded once; they start
``STAGGER`` seconds apart, like users arriving, and all stay open together. Bounded in time: the
whole run is cancelled after ``RUN_TIMEOUT`` seconds.
"""

from __future__ import annotations

import asyncio
import re
import time

from playwright.async_api import async_playwright

from components.ui import state
from tests.browser_harness import _SETTLE_STATE_JS, DESKTOP, TIMELINE, launch_chromium

SESSIONS = 20
STAGGER = 0.5
RUN_TIMEOUT = 420.0
STEP_TIMEOUT = 300.0  # twenty Chromium tabs share the machine's two cores with the server
EVENT = "qwq-32b-release"


async def settled(page, charts: int, timeout: float = STEP_TIMEOUT, quiet: float = 0.5) -> dict:
    """Async twin of tests.browser_harness.wait_for_app: no run in progress, charts drawn, stable for ``quiet`` s.

    The state returned carries ``at``: the clock when that settled screen was first seen (timings use
    it, so they do not include the ``quiet`` wait). An exception box on an idle app fails at once.
    """
    deadline, reached, last, seen = time.monotonic() + timeout, None, None, {}
    while time.monotonic() < deadline:
        seen = await page.evaluate(_SETTLE_STATE_JS)
        if seen.get("exceptions") and seen.get("ready"):
            raise AssertionError("the app shows an exception: " + " | ".join(seen["exceptions"])[:500])
        ok = seen.get("ready") and seen.get("charts", 0) >= charts
        if ok and seen["sig"] == last:
            if time.monotonic() - reached >= quiet:
                return {**seen, "at": reached}
        elif ok:
            reached = time.monotonic()
        last = seen.get("sig") if ok else None
        await page.wait_for_timeout(100)
    raise TimeoutError(f"not settled within {timeout:.0f}s: {seen}")


async def one_session(context, base: str, index: int, together: asyncio.Barrier, done: dict[int, dict]) -> None:
    """Load the timeline, click the QwQ-32B event, pick the 1Y range; time each step into ``done``."""
    await asyncio.sleep(index * STAGGER)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    try:
        start = time.monotonic()
        await page.goto(f"{base}/timeline", wait_until="domcontentloaded", timeout=STEP_TIMEOUT * 1000)
        mark = page.locator(f'{TIMELINE} [data-event-id="{EVENT}"]')
        await mark.wait_for(timeout=STEP_TIMEOUT * 1000)
        to_chart = (await settled(page, charts=0))["at"] - start
        clicked = time.monotonic()
        await mark.click()
        await page.get_by_role("heading", name="Alibaba releases QwQ-32B").wait_for(timeout=STEP_TIMEOUT * 1000)
        to_detail = (await settled(page, charts=1))["at"] - clicked
        await page.locator('[data-testid="stPopover"] button').first.click()
        preset = page.locator(f".st-key-{state.RANGE_PRESET.widget} button", has_text=re.compile(r"^\s*1Y\s*$"))
        await preset.click()
        await page.wait_for_function("location.search.includes('range=1Y')", timeout=STEP_TIMEOUT * 1000)
        end = await settled(page, charts=1)
        exceptions = await page.locator('[data-testid="stException"]').count()
        if exceptions:
            errors.append(f"{exceptions} exception box(es) on screen")
        if end["charts"] < 1:
            errors.append(f"only {end['charts']} charts drawn at the end (the zoom chart is missing)")
        done[index] = {"session": index, "to_chart": to_chart, "click_to_detail": to_detail, "errors": errors}
    except Exception as exc:  # a timeout or a failed step: recorded per session, asserted below
        done[index] = {"session": index, "errors": [*errors, f"{type(exc).__name__}: {exc}"[:500]]}
    finally:
        await together.wait()  # every tab stays open until all twenty have finished their steps
        await page.close()


async def run_load(base: str, cookies: list[list[dict]] | None = None) -> list[dict]:
    """Every session's results. With ``cookies``, one browser context per entry, carrying those cookies
    (a sticky proxy's, to pin a context to a replica), the sessions dealt round them in turn; each
    result then says which cookies its context had."""
    async with async_playwright() as p:
        browser = await launch_chromium(p)
        contexts = []
        for jar in cookies or [[]]:
            contexts.append(await browser.new_context(viewport=DESKTOP))
            if jar:
                await contexts[-1].add_cookies(jar)
        count = len(contexts)
        together, done = asyncio.Barrier(SESSIONS), {}
        try:
            await asyncio.wait_for(
                asyncio.gather(*(one_session(contexts[i % count], base, i, together, done) for i in range(SESSIONS))),
                RUN_TIMEOUT)
        except TimeoutError:  # the sessions that did finish keep their results
            pass
        finally:
            if cookies:
                jars = [{c["name"]: c["value"] for c in await context.cookies()} for context in contexts]
                for i, result in done.items():
                    result["cookies"] = jars[i % count]
            await browser.close()
    missing = {"errors": [f"did not finish within the run's {RUN_TIMEOUT:.0f} s"]}
    return [done.get(i, {"session": i, **missing}) for i in range(SESSIONS)]
