"""Accessibility in headless Chromium: axe-core on every page of the navigation, in the light and the dark
theme, at desktop and phone width, in every language; no text wider than a phone; no English left on a Chinese
page as the browser draws it (charts and the timeline included, with the charts' date ticks, the date in a chart's
hover box and the titles of its toolbar buttons); and the timeline driven with the keyboard alone.

axe-core comes bundled with the pinned ``axe-playwright-python`` package (no download at test time). A page
view fails on any critical, serious or moderate violation; the message lists each one with its rule id,
impact, the elements it was found on and axe's help text, so a failure says what to fix.

The theme is the one a fresh browser gets: Streamlit follows the system setting (``prefers-color-scheme``),
which Playwright emulates per browser context.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from components import locale
from components.data.events import bundled_events
from components.locale import DEFAULT
from components.ui import navigation
from tests import browser_harness as B
from tests.ui.test_languages_pages import english_left

pytestmark = [pytest.mark.browser]

expect.set_options(timeout=B.TIMEOUT_MS)
# every language the sidebar offers; a page is opened in one with lang=<code> in its link
LANGUAGES = list(locale.LANGUAGES)
THEMES = ["light", "dark"]
WIDTHS = {"desktop": B.DESKTOP, "phone": B.MOBILE}
PHONE_AGENT = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
               "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")
FAILING_IMPACTS = {"critical", "serious", "moderate"}
AXE_OPTIONS = {"resultTypes": ["violations"]}
# Streamlit's own markup that the app cannot change; each entry says why it is left out of the scan.
EXCLUDED: list[list[str]] = []


def new_context(chromium, theme: str, width: str):
    """A fresh browser (a new Streamlit session) whose system theme is ``theme``, at ``width``; closed after."""
    phone = width == "phone"
    return B.browser_context(chromium, viewport=WIDTHS[width], color_scheme=theme,
                             user_agent=PHONE_AGENT if phone else None, has_touch=phone)


def address(url_path: str, language: str) -> str:
    """The page's link in ``language`` (the default language needs no parameter)."""
    return f"/{url_path}" + ("" if language == DEFAULT else f"?lang={language}")


def violations(page) -> list[dict]:
    """axe's violations of the failing impacts on the page as it is now."""
    context = {"exclude": EXCLUDED} if EXCLUDED else None
    results = Axe().run(page, context=context, options=AXE_OPTIONS)
    return [v for v in results.response["violations"] if v.get("impact") in FAILING_IMPACTS]


def describe(where: str, found: list[dict]) -> list[str]:
    lines = []
    for v in found:
        targets = [" ".join(map(str, node["target"])) for node in v["nodes"]]
        lines.append(f"{where}: {v['id']} ({v['impact']}) on {len(targets)} element(s): "
                     f"{'; '.join(targets[:6])}{' ...' if len(targets) > 6 else ''} - {v['help']}")
    return lines


def overflow(page, where: str) -> list[str]:
    """Text wider than the screen: the page scrolls sideways, or a text element runs past the main column."""
    wide = page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const out = [];
        if (document.documentElement.scrollWidth > width + 1) out.push('the page scrolls sideways');
        for (const el of document.querySelectorAll('[data-testid="stMain"] p, [data-testid="stMain"] h1,'
                                                   + '[data-testid="stMain"] h2, [data-testid="stMain"] h3')) {
            const box = el.getBoundingClientRect();
            let scroller = el.parentElement;  // a row that scrolls sideways on purpose (pills, tabs) is not cut off
            while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) {
                scroller = scroller.parentElement;
            }
            if (box.width > 0 && box.right > width + 1 && !scroller) out.push(el.textContent.slice(0, 40));
        }
        return out.slice(0, 5);
    }""")
    return [f"{where}: overflows at {page.viewport_size['width']} px: {w}" for w in wide]


_SHOWN_TEXT = """() => {
    const out = [document.body.innerText];
    const walk = (root) => {  // chart text (SVG) and the timeline component (its own shadow tree)
        for (const el of root.querySelectorAll('svg text, .tl-root *')) {
            if (!el.children.length) out.push(el.textContent);
        }
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return out;
}"""


def english(page, where: str) -> list[str]:
    """English words a reader of a Chinese page still sees, as drawn (names and the article's own words excepted)."""
    left = english_left([line for text in page.evaluate(_SHOWN_TEXT) for line in text.split("\n")])
    return ([f"{where}: English left on the page: {sorted(left)[:10]}"] if left else []) + chart_english(page, where)


# plotly's English dates (a month or weekday name, AM or PM) and any English word of a toolbar button's title
ENGLISH_DATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b"
                          r"|\b[AP]M\b")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
FILE_TYPES = ("PNG",)  # a file type keeps its name in every language
_CHART_TEXT = """() => {
    const texts = (selector) => Array.from(document.querySelectorAll(selector), (el) => el.textContent);
    return {ticks: texts('.js-plotly-plot .xaxislayer-above text, .js-plotly-plot .yaxislayer-above text'),
            hover: texts('.js-plotly-plot .hoverlayer text'),
            titles: Array.from(document.querySelectorAll('.js-plotly-plot .modebar-btn'),
                               (el) => `${el.getAttribute('data-title')} / ${el.getAttribute('aria-label')}`)};
}"""


def chart_english(page, where: str) -> list[str]:
    """plotly's own English on a page's charts: dates in the ticks of any axis or in the first chart's hover box (the
    pointer rests on the middle of its plot), and the titles of every chart's toolbar buttons."""
    plot = page.locator(".js-plotly-plot .nsewdrag").first
    if plot.count():
        plot.scroll_into_view_if_needed()
        box = plot.bounding_box()
        if box:
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_timeout(300)
    shown = page.evaluate(_CHART_TEXT)
    dates = sorted({t for t in shown["ticks"] + shown["hover"] if ENGLISH_DATE.search(t)})
    titles = sorted({t for t in shown["titles"] if ENGLISH_WORD.search(re.sub("|".join(FILE_TYPES), "", t))})
    return ([f"{where}: English dates on a chart: {dates[:10]}"] if dates else []) + (
        [f"{where}: English titles of chart buttons: {titles[:10]}"] if titles else [])


def settle(page, url_path: str) -> None:
    """After ``B.goto`` (which waits for the app to settle): the page's own parts drawn."""
    if url_path == "timeline":
        page.locator(f"{B.TIMELINE} .tl-root").wait_for()
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("theme", THEMES)
def test_axe_finds_nothing_moderate_or_worse_on_any_page(server_pool, chromium, theme, language, width):
    """Every page of the navigation in one theme, language and width (one test each, so the two workers share them
    evenly)."""
    server = server_pool.get()
    report: list[str] = []
    with new_context(chromium, theme, width) as ctx:
        page = ctx.new_page()
        for spec in navigation.PAGES:
            B.goto(page, server.url, address(spec.url_path, language))
            settle(page, spec.url_path)
            dark = page.evaluate("document.querySelector('[data-testid=\"stApp\"]')"
                                 ".classList.contains('stAppDark') || matchMedia('(prefers-color-scheme: dark)')"
                                 ".matches")
            assert dark == (theme == "dark"), f"{spec.url_path} is not in the {theme} theme"
            page.wait_for_function("lang => document.documentElement.lang === lang", arg=language)
            report += describe(f"{spec.url_path} {theme} {width} {language}", violations(page))
            report += overflow(page, f"{spec.url_path} {theme} {width} {language}")
            if language != DEFAULT and width == "desktop":
                report += english(page, f"{spec.url_path} {theme} {language}")
    print("\n".join(report) or f"axe: no violation in the {theme} theme ({language}, {width})")
    assert not report, "axe-core found violations:\n" + "\n".join(report)


def test_timeline_works_with_the_keyboard_alone(server_pool, chromium):
    server = server_pool.get()
    with new_context(chromium, "light", "desktop") as ctx:
        page = ctx.new_page()
        B.goto(page, server.url, "/timeline")
        settle(page, "timeline")
        marks = page.locator(f"{B.TIMELINE} .tl-mark")
        first = marks.first
        for _ in range(80):  # Tab from the top of the page until an event marker has the focus
            page.keyboard.press("Tab")
            if page.evaluate("() => { const a = document.activeElement;"
                             " const inner = a && a.shadowRoot ? a.shadowRoot.activeElement : a;"
                             " return !!(inner && inner.closest && inner.closest('.tl-mark')); }"):
                break
        else:
            pytest.fail("Tab never reached an event marker on the timeline")
        label = first.get_attribute("aria-label")
        assert first.get_attribute("role") == "button" and re.search(r"\d{4}", label or ""), label
        page.keyboard.press("ArrowRight")
        focused = page.locator(f"{B.TIMELINE} .tl-mark:focus")
        expect(focused).to_have_count(1)
        chosen, focused_label = focused.get_attribute("data-event-id"), focused.get_attribute("aria-label")
        assert chosen != first.get_attribute("data-event-id"), "the arrow key did not move to the next event"
        outline = focused.evaluate("g => getComputedStyle(g.querySelector('.tl-focus')).visibility")
        assert outline == "visible", "the focused marker shows no focus ring"
        page.keyboard.press("Enter")
        main = page.locator('[data-testid="stMain"]')
        expect(main.locator("h3", has_text="How each market reacted")).to_be_visible()
        B.wait_for_app(page)
        expect(page.locator(f"{B.TIMELINE} .tl-root")).to_have_attribute("data-selected", chosen)
        title = next(e.title for e in bundled_events() if e.id == chosen)
        expect(main.locator("h2").first).to_have_text(title)
        assert (focused_label or "").startswith(title + ", "), focused_label


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != DEFAULT])
def test_a_chosen_file_s_buttons_are_named_in_the_page_s_language(server_pool, chromium, tmp_path, language):
    """Once a file is chosen, Streamlit names the uploader's buttons only by their aria-label ("Remove ev.csv",
    "Add files"): a screen reader on a Chinese page reads them in Chinese, the file's name as it is."""
    server = server_pool.get()
    chosen = tmp_path / "ev.csv"
    chosen.write_text("date,title,category\n2025-03-06,An event,model\n", encoding="utf-8")
    with new_context(chromium, "light", "desktop") as ctx:
        page = ctx.new_page()
        B.goto(page, server.url, address("your_data", language))
        settle(page, "your_data")
        page.locator('input[type="file"]').first.set_input_files(str(chosen))
        uploader = page.locator('[data-testid="stFileUploader"]').first
        expect(uploader.get_by_text("ev.csv").first).to_be_visible()
        page.wait_for_timeout(500)  # the page script relabels on the next frame
        labels = uploader.evaluate("el => Array.from(el.querySelectorAll('[aria-label]'),"
                                   " (node) => node.getAttribute('aria-label'))")
        english_words = [label for label in labels if re.search(r"[A-Za-z]{3,}", label.replace("ev.csv", ""))]
        assert labels and not english_words, f"English names left on the uploader: {english_words}"
