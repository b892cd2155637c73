"""Every page in each Chinese language: the words a reader sees are Chinese, apart from names and the article's text.

Each page of the navigation is opened with ``lang=`` in its link; every text element, label, option and help is
collected, and what is left after taking out what stays as written (symbols, numbers, dates, proper names, the
article's own words quoted on the page, a user's own text) must hold no run of two or more English words.
Every table is read too: its column names (and the labels its column settings give them) and every text cell, as
written or as its styling shows it. A table's words are short, so there a single English word counts ("close",
"symbol"), and so does an English month or weekday ("Wed 12 Apr 2023").
A sentence, in the text or in a cell, writes its days as the language does ("2025年3月6日"), never as ISO's
"2025-03-06"; a cell that is only a date is data and may.
"""

from __future__ import annotations

import json
import re

import pytest
from streamlit import dataframe_util

from components.data.events import CATEGORIES
from components.locale import LANGUAGES
from components.text.article import bundled_article
from components.text.upload_schema import FIELDS
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
# in a table one English word is enough: a word of two or more letters with a small letter (symbols, "BABA", "AR" and
# "HK$" pass), and the units every language writes
ENGLISH_WORD = re.compile(r"(?<![A-Za-z])(?=[A-Za-z]*[a-z])[A-Za-z][A-Za-z'’]+(?![A-Za-z])")
UNITS = {"pp"}
# names the events' Chinese titles and the price basis keep as written, and the statistics' names the catalogs keep
# ("Student t", "alpha", "beta")
TABLE_NAMES = ("DeepSeek", "Monica", "QwQ", "OpenAI", "Manus", "o1-mini", "o3-mini", "Yahoo", "KraneShares", "Student",
               "alpha", "beta")
ZONE = re.compile(r"\b[A-Z][a-z]+/[A-Z][A-Za-z_]+\b")  # an IANA time zone, an identifier like a symbol
# the upload file's own words, which the table of its columns shows as a file holds them: field names, examples and
# the category codes a file writes; a table of a file's problems names each problem's field as the file does
FILE_COLUMNS = {"field", "example"}
FIELD_COLUMN = "field"
ISO_DATE = re.compile(r"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])")


def shown_texts(at) -> list[str]:
    """Every text a reader sees on the page: elements, widget labels, options and help."""
    out = [str(getattr(e, "value", "")) for kind in TEXT_KINDS for e in at.get(kind)]
    for kind in WIDGET_KINDS:
        for element in at.get(kind):
            out += [str(getattr(element, "label", "") or ""), str(getattr(element, "help", "") or "")]
            out += [str(o) for o in getattr(element, "options", None) or []]
    return [t for t in out if t]


def shown_cells(at) -> list[str]:
    """Every table's column names, the labels and help its column settings give, and its text cells (for a styled table
    the text its styling shows too)."""
    out: list[str] = []
    for table in at.dataframe:  # data editors are listed here too
        frames = [table.value]
        styler = table.proto.arrow_data.styler
        if styler.display_values:
            frames.append(dataframe_util.convert_arrow_bytes_to_pandas_df(styler.display_values))
        settings = json.loads(table.proto.columns or "{}")
        file_format = FILE_COLUMNS <= set(map(str, table.value.columns))
        for frame in frames:  # a column its settings give a label shows the label, not its name
            out += [str(c) for c in frame.columns if not (settings.get(str(c)) or {}).get("label")]
            for column in frame.columns:
                if not (file_format and column in FILE_COLUMNS):
                    as_file = file_format or column == FIELD_COLUMN
                    out += [_file_words(v) if as_file else v for v in frame[column].tolist() if isinstance(v, str)]
        for setting in settings.values():
            out += [str(setting.get(k) or "") for k in ("label", "help")]
    return [t for t in out if t.strip()]


def _file_words(text: str) -> str:
    for word in sorted({*CATEGORIES, *FIELDS, "http", "https", "user"}, key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z_]){re.escape(word)}(?![A-Za-z_])", " ", text)
    return text


def _article_words() -> str:
    """The bundled article's own text and its provenance (outlet, source note), which the pages show as written."""
    article = bundled_article()
    meta = article.meta
    return " ".join([*(block.text for block in article.blocks), meta.outlet.capitalize(), meta.source_note])


def english_left(texts: list[str], *, words: bool = False, own: str = "") -> set[str]:
    """The English runs left in ``texts`` once names and the article's words are taken out (with ``words``, as in a
    table, every English word left). ``own`` is the user's own text on the page (an article pasted, a file's titles
    and values): its runs and words are left as written too."""
    article, found = f"{_article_words()} {own}", set()
    for text in texts:
        if words and len(text.split()) > 1 and text.strip() in article:
            continue  # a cell that quotes the article ("just a day after the launch of Manus")
        plain = text.replace("\\", "")
        for run in [m.group() for m in ENGLISH_RUN.finditer(plain) if m.group() in article]:
            plain = plain.replace(run, " ")  # the article's words
        plain = ZONE.sub(" ", QUOTED.sub(" ", plain))
        for name in NAMES + (TABLE_NAMES if words else ()):
            plain = plain.replace(name, " ")
        found |= {m.group() for m in ENGLISH_RUN.finditer(plain)}
        if words:
            found |= {m.group() for m in ENGLISH_WORD.finditer(plain)} - UNITS
    own_words = {w.lower() for w in ENGLISH_WORD.findall(own)}
    return {f for f in found if f.strip("'’").lower() not in own_words}


@pytest.mark.parametrize("language", CHINESE)
@pytest.mark.parametrize("spec", navigation.PAGES, ids=lambda s: s.url_path)
def test_every_page_reads_in_the_chosen_language(spec, language):
    at = open_page(spec.script, params={"lang": language})
    assert_no_exception(at, f"{spec.url_path} in {language}")
    left = english_left(shown_texts(at))
    assert not left, f"{spec.url_path} ({language}) still shows English: {sorted(left)[:20]}"
    in_tables = english_left(shown_cells(at), words=True)
    assert not in_tables, f"{spec.url_path} ({language}) tables still show English: {sorted(in_tables)[:40]}"
    iso = iso_in_sentences(shown_texts(at) + shown_cells(at))
    assert not iso, f"{spec.url_path} ({language}) writes ISO dates in sentences: {sorted(iso)[:10]}"


def iso_in_sentences(texts: list[str], own: str = "") -> set[str]:
    """The texts that write a day as ISO's YYYY-MM-DD inside other words (a cell that is only a date is data; a date
    the user's own text wrote, in ``own``, is quoted as written)."""
    return {t for t in texts if not ISO_DATE.fullmatch(t.strip())
            and any(m.group() not in own for m in ISO_DATE.finditer(t))}


def test_the_check_finds_english_and_lets_names_and_quotes_pass():
    assert english_left(["收市價 HK$140.80", "Yahoo Finance 每日數據", "文章所述：「shares jumped 8%」"]) == set()
    assert english_left(["Rebased to 100", "9988.HK 在「QwQ」前後 returned +8.39%"]) == {"Rebased to"}


def test_the_iso_check_lets_data_and_quotes_pass():
    assert iso_in_sentences(["2025-03-06", "數據於 2026年2月27日 結束", "user-launch-2025-03-07"]) == set()
    assert iso_in_sentences(["數據於 2026-02-27 結束"]) == {"數據於 2026-02-27 結束"}
    assert iso_in_sentences(["“Results” (2025-03-06) 已在你的事件之中"], own="Results,2025-03-06") == set()


def test_a_table_cell_may_not_hold_one_english_word():
    assert english_left(["BABA", "+1.20 pp", "HK$140.80", "2023年4月12日 (週三)", "AR", "t"], words=True) == set()
    assert english_left(["Wed 12 Apr 2023", "close", "恒生指數 Hang Seng"], words=True) == {"Wed", "Apr", "close"}
    assert english_left(["just a day after the launch of Manus", "Asia/Shanghai"], words=True) == set()
