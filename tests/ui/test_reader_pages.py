"""The reader on the pages: the claims page for a loaded article, the extraction review, uploads that help."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from components.text.safe import md_escape
from components.ui import state
from tests.accuracy import CORPUS
from tests.apptest import assert_no_exception, chart_specs, frame_with, texts, with_article

ARTICLE = (CORPUS / "alibaba_2025-02-21.txt").read_text(encoding="utf-8")


def test_the_bundled_article_s_claims_keep_their_verdicts_and_gain_a_chart_each(open_page):
    at = open_page("pages/story/claims.py")
    assert_no_exception(at, "claims page")
    body = texts(at)
    assert body.count("partly supported") >= 2 and "not checkable with price data" in body
    assert len(chart_specs(at)) >= 4


def test_a_loaded_article_gets_a_verdict_and_a_chart_per_claim(open_page):
    at = open_page("pages/story/claims.py")
    at.text_area(key=state.CLAIMS_TEXT).input(ARTICLE)
    at.date_input(key=state.CLAIMS_PUBLISHED).set_value(dt.date(2025, 2, 21))
    at.button(key=state.CLAIMS_LOAD).click().run()
    assert_no_exception(at, "loading an article")
    body = texts(at)
    assert ":red-badge[does not match]" in body and ":orange-badge[roughly]" in body and ":green-badge[matches]" in body
    assert md_escape("'US-listed' → BABA") in body and "Thu 20 Feb 2025" in body
    specs = chart_specs(at)
    assert len(specs) == 10  # one per claim about a listing in the data: the three uncheckable ones have none
    names = {t.get("name") for s in specs for t in s["data"]}
    assert {"base", "claimed session", "9988.HK", "BABA"} <= names


def test_the_article_extracted_on_your_data_is_offered_on_the_claims_page(open_page):
    at = open_page("pages/your_data/your_data.py")
    at.text_area(key=state.EXTRACT_TEXT).input(ARTICLE)
    at.date_input(key=state.EXTRACT_PUBLISHED).set_value(dt.date(2025, 2, 21))
    at.button(key=state.EXTRACT_RUN).click().run()
    assert_no_exception(at, "extraction")
    at.switch_page("pages/story/claims.py").run()
    assert_no_exception(at, "claims page after an extraction")
    assert at.radio[0].value == "loaded" and ":red-badge[does not match]" in texts(at)
    at.radio[0].set_value("bundled").run()
    assert "partly supported" in texts(at)


def test_a_text_without_figures_says_so(open_page):
    at = open_page("pages/story/claims.py", with_article("The weather was humid.", dt.date(2025, 3, 6)))
    assert_no_exception(at, "a text without figures")
    assert any("No market figure found" in i.value for i in at.info)


def test_text_without_candidates_gets_a_message_not_an_exception(open_page):
    at = open_page("pages/your_data/your_data.py")
    at.text_area(key=state.EXTRACT_TEXT).input("A. " * 33000)
    at.button(key=state.EXTRACT_RUN).click().run()
    assert_no_exception(at, "a text without candidates")
    shown = " ".join(i.value for i in at.info)
    assert "No events to propose" in shown and "only its first 2,000 were read" in shown


def test_a_ticked_undated_row_stays_on_screen_with_its_reason(open_page):
    at = open_page("pages/your_data/your_data.py")
    at.text_area(key=state.EXTRACT_TEXT).input("Alibaba rose 5% on Monday. Alibaba plans to spin off its cloud unit.")
    at.date_input(key=state.EXTRACT_PUBLISHED).set_value(dt.date(2025, 6, 10))
    at.button(key=state.EXTRACT_RUN).click().run()
    review = frame_with(at, "date expression")
    assert list(review["add"]) == [True, False]
    at.session_state[state.review_key(1)] = {"edited_rows": {1: {"add": True}}, "added_rows": [], "deleted_rows": []}
    at.button(key=state.EXTRACT_ADD).click().run()
    assert_no_exception(at, "adding the ticked rows")
    assert [e.date for e in at.session_state[state.USER_EVENTS.name]] == [dt.date(2025, 6, 9)]
    left = frame_with(at, "date expression")
    assert len(left) == 1 and left["add"].iloc[0] and "pick a date" in left["problem"].iloc[0]
    assert any("was not added: pick a date" in e.value for e in at.error)
    at.run()  # the reason survives a rerun
    assert any("was not added: pick a date" in e.value for e in at.error)


def test_re_uploading_a_file_says_its_events_are_already_there_and_add_clears_the_notices(open_page):
    data = b"Title,Date,Category,Timezone\nA,2025-03-06,market-move,UTC\nB,2025-03-07,policy,UTC\n"
    at = open_page("pages/your_data/your_data.py")
    at.file_uploader(key=state.UPLOAD).upload("mine.csv", data, "text/csv").run()
    assert any(md_escape("Column 'Timezone' was read as 'tz'.") in i.value for i in at.info)
    at.button(key=state.UPLOAD_ADD).click().run()
    assert_no_exception(at, "adding an upload")
    assert len(at.session_state[state.USER_EVENTS.name]) == 2
    assert not any("was read as" in i.value for i in at.info)  # a fresh uploader: the old notices are gone
    at.file_uploader(key=state.upload_key(1)).upload("mine.csv", data, "text/csv").run()
    assert any("2 of the 2 events of this file are already among your events" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == state.UPLOAD_ADD]
    assert not any("already taken" in i.value for i in at.info)  # no renaming notices for rows not added


def test_the_claims_loader_refuses_bad_text_with_a_message(open_page):
    at = open_page("pages/story/claims.py")
    at.text_area(key=state.CLAIMS_TEXT).input("Shares \u202erose 5% on Monday.")
    at.button(key=state.CLAIMS_LOAD).click().run()
    assert_no_exception(at, "a direction control in the loaded text")
    assert any("direction control" in e.value for e in at.error)
    assert json.dumps(at.session_state[state.CLAIMS_SOURCE.name]) == '"bundled"'


@pytest.mark.parametrize(("text", "published", "said", "unsaid"), [
    ("HONG KONG - Lenders were weaker, while Hang Seng and Standard Chartered dipped more than 1%.",
     dt.date(2024, 1, 16), "Standard Chartered is not in the data", "Why it cannot be checked"),
    ("Asian markets rose on Friday.\n\nAt the Asia open, U.S. equity futures were higher. S&P futures rose 0.15%.",
     dt.date(2026, 1, 2), "**Listing:** 'S&P' names the S&P 500", "**Session:**"),
])
def test_an_uncheckable_card_says_why_once_and_names_no_session(open_page, text, published, said, unsaid):
    at = open_page("pages/story/claims.py", with_article(text, published))
    assert_no_exception(at, "an uncheckable figure")
    body = texts(at)
    assert body.count(said) == 1 and unsaid not in body


def test_an_undated_cause_is_listed_once_on_the_review(open_page):
    at = open_page("pages/your_data/your_data.py")
    at.text_area(key=state.EXTRACT_TEXT).input("Geely Auto fell 3.1% on Monday on reports it cut car prices.")
    at.date_input(key=state.EXTRACT_PUBLISHED).set_value(dt.date(2023, 2, 28))
    at.button(key=state.EXTRACT_RUN).click().run()
    assert_no_exception(at, "an undated cause")
    listed = " ".join(w.value for w in at.warning)
    assert listed.count("on reports it cut car prices") == 1 and "without a day" in listed


def test_listings_an_article_names_without_prices_get_one_calm_note_not_an_error_each(open_page):
    text = ("HONG KONG, March 16 - The Hang Seng Index jumped 9.1% on Wednesday. The Hang Seng Tech index soared "
            "22%, Meituan jumped 31% and the Shanghai Composite Index added 3.5%.")
    at = open_page("pages/story/claims.py", with_article(text, dt.date(2022, 3, 16)))
    assert_no_exception(at, "listings without prices")
    assert not at.error
    notes = [i.value for i in at.info if "no prices for them here" in i.value]
    assert len(notes) == 1 and all(s in notes[0] for s in ("^HSTECH", "3690.HK", "000001.SS")), notes
    assert "marked uncheckable" in notes[0]
