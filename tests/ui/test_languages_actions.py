"""The tables a page shows only after a user acts, in each Chinese language: after an events file is uploaded on
"Your events & symbols" (its problems, its repeats, the preview, then the user's events once added, then the same file
again), and after an article is pasted on the claims page (each claim's figures). Their headers and cells hold no
English but the user's own words (the file's titles and values, the article's text) and symbols, and no sentence there
writes a day as ISO's "2025-03-06".
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from components.text.upload_schema import ID_PREFIX
from components.ui import state
from tests.apptest import assert_no_exception, open_page
from tests.paths import ROOT
from tests.ui.test_languages_pages import CHINESE, english_left, iso_in_sentences, shown_cells, shown_texts

# the user's own words in the file: titles, a category code that is not one, a zone that is not one
OWN_WORDS = ["Zorblat quarterly", "Quuxcorp", "Frobozz", "policyx", "Mars/Base", ID_PREFIX]
EVENTS_FILE = ("title,date,time,tz,category,symbols\n"
               "Zorblat quarterly,2025-03-06,16:30,Asia/Hong_Kong,corporate,9988.HK\n"
               "Zorblat quarterly,2025-03-06,16:30,Asia/Hong_Kong,corporate,9988.HK\n"
               "Quuxcorp,2025-03-07,,,model release,BABA\n"
               "Frobozz,2025-13-45,,Asia/Hong_Kong,policy,\n"
               "Frobozz,1500-01-01,,Asia/Hong_Kong,policy,\n"
               "Frobozz,2025-03-05,,Asia/Shanghai,policyx,\n"
               "Frobozz,2025-03-05,25:99,Mars/Base,policy,\n").encode()
CORPUS = ROOT / "tests" / "articles" / "corpus"
ARTICLE = "alibaba_2025-02-21"


def _assert_reads_in(at, language: str, when: str, own: str) -> None:
    assert_no_exception(at, when)
    cells = shown_cells(at)
    left = english_left(cells, words=True, own=own)
    assert not left, f"{when} ({language}): the tables still show English: {sorted(left)[:40]}"
    iso = iso_in_sentences(shown_texts(at) + cells, own=own)
    assert not iso, f"{when} ({language}) writes ISO dates in sentences: {sorted(iso)[:10]}"


@pytest.mark.parametrize("language", CHINESE)
def test_the_tables_of_an_uploaded_events_file_read_in_the_language(language):
    own = " ".join(OWN_WORDS) + " " + EVENTS_FILE.decode()
    at = open_page("pages/your_data/your_data.py", params={"lang": language})
    at.file_uploader(key=state.upload_key(0)).upload("events.csv", EVENTS_FILE, "text/csv").run()
    tables = len(at.dataframe)
    _assert_reads_in(at, language, "an uploaded file", own)
    at.button(key=state.UPLOAD_ADD).click().run()
    _assert_reads_in(at, language, "the file's events added", own)
    at.file_uploader(key=state.upload_key(1)).upload("events.csv", EVENTS_FILE, "text/csv").run()
    _assert_reads_in(at, language, "the same file again", own)
    assert tables >= 4 and len(at.dataframe) >= tables  # problems, repeats and the preview beside the schema


@pytest.mark.parametrize("language", CHINESE)
def test_the_tables_of_a_pasted_article_s_claims_read_in_the_language(language):
    text = (CORPUS / f"{ARTICLE}.txt").read_text(encoding="utf-8")
    meta = json.loads((CORPUS / f"{ARTICLE}.json").read_text(encoding="utf-8"))
    at = open_page("pages/story/claims.py", params={"lang": language})
    at.text_area(key=state.CLAIMS_TEXT).input(text)
    at.date_input(key=state.CLAIMS_PUBLISHED).set_value(dt.date.fromisoformat(meta["published"]))
    at.selectbox(key=state.CLAIMS_PLACE).set_value(meta["place"])
    at.button(key=state.CLAIMS_LOAD).click().run()
    assert len(at.dataframe) >= 5  # a table of figures for each checked claim
    _assert_reads_in(at, language, "a pasted article's claims", text)
