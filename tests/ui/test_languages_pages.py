"""Every page in each Chinese language: the words a reader sees are Chinese, apart from names and the article's text.

Each page of the navigation is opened with ``lang=`` in its link; every text element, label, option and help is
collected, and what is left after taking out what stays as written (symbols, numbers, dates, proper names, the
article's own words quoted on the page, a user's own text) must hold no run of two or more English words.
"""

from __future__ import annotations

import re

import pytest

from components.locale import LANGUAGES
from components.text.article import bundled_article
from components.ui import navigation
from tests.apptest import assert_no_exception, open_page

CHINESE = [code for code in LANGUAGES if code.startswith("zh")]
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]+(?:[ \u00a0]+[A-Za-z][A-Za-z'’-]+)+")
# names that stay as written in Chinese financial writing
NAMES = ("Yahoo Finance", "Manus AI", "Hang Seng", "Apache 2.0", "Tongyi Qianwen", "Qwen 2.5 Max", "QwQ-32B-Preview",
         "DeepSeek R1", "DeepSeek-R1", "Reuters", "CNN Business", "South China Morning Post", "Bloomberg")
TEXT_KINDS = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success")
WIDGET_KINDS = ("button", "selectbox", "radio", "multiselect", "toggle", "checkbox", "slider", "date_input",
                "text_area", "text_input", "segmented_control", "pills", "expander", "tabs", "metric")
# the article's own words, which the pages quote (claims, highlighted sentences): they stay in English
QUOTED = re.compile(r"[「“\"](?:[^」”\"]*)[」”\"]")


def shown_texts(at) -> list[str]:
    """Every text a reader sees on the page: elements, widget labels, options and help."""
    out = [str(getattr(e, "value", "")) for kind in TEXT_KINDS for e in at.get(kind)]
    for kind in WIDGET_KINDS:
        for element in at.get(kind):
            out += [str(getattr(element, "label", "") or ""), str(getattr(element, "help", "") or "")]
            out += [str(o) for o in getattr(element, "options", None) or []]
    return [t for t in out if t]


def _article_words() -> str:
    """The bundled article's own text and its provenance (outlet, source note), which the pages show as written."""
    article = bundled_article()
    meta = article.meta
    return " ".join([*(block.text for block in article.blocks), meta.outlet.capitalize(), meta.source_note])


def english_left(texts: list[str]) -> set[str]:
    article, found = _article_words(), set()
    for text in texts:
        plain = text.replace("\\", "")
        for run in [m.group() for m in ENGLISH_RUN.finditer(plain) if m.group() in article]:
            plain = plain.replace(run, " ")  # the article's words
        plain = QUOTED.sub(" ", plain)
        for name in NAMES:
            plain = plain.replace(name, " ")
        found |= {m.group() for m in ENGLISH_RUN.finditer(plain)}
    return found


@pytest.mark.parametrize("language", CHINESE)
@pytest.mark.parametrize("spec", navigation.PAGES, ids=lambda s: s.url_path)
def test_every_page_reads_in_the_chosen_language(spec, language):
    at = open_page(spec.script, params={"lang": language})
    assert_no_exception(at, f"{spec.url_path} in {language}")
    left = english_left(shown_texts(at))
    assert not left, f"{spec.url_path} ({language}) still shows English: {sorted(left)[:20]}"


def test_the_check_finds_english_and_lets_names_and_quotes_pass():
    assert english_left(["收市價 HK$140.80", "Yahoo Finance 每日數據", "文章所述：「shares jumped 8%」"]) == set()
    assert english_left(["Rebased to 100", "9988.HK 在「QwQ」前後 returned +8.39%"]) == {"Rebased to"}
