"""The text layer's sentences go through the run's catalog when they are written, never when a module is imported.

A fake catalog wraps every message it translates in ‹‹ ››: a sentence built at import time, or one that bypasses
``_()``, comes back without the marks.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from components import locale as L
from components.analysis.claim_checks import check_claims
from components.data.events import Event, bundled_events
from components.data.listings import COMPANIES, INDICES
from components.locale import formats as F
from components.text import upload_schema, uploads, user_events
from components.text.article import article_date_mentions, bundled_article
from components.text.claim_reader import claims_of_text
from components.text.dates import find_date_expressions
from components.text.extraction import propose_events
from tests.accuracy import snapshot_prices


class _Marking:
    """A catalog that translates every message by wrapping it in marks, placeholders kept."""

    def gettext(self, message: str) -> str:
        return f"‹‹{message}››"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"‹‹{singular if n == 1 else plural}››"


@pytest.fixture
def marked(monkeypatch):
    """Chinese (Hong Kong) with the marking catalog; English again afterwards."""
    monkeypatch.setattr(L, "_catalog", lambda language: _Marking())
    L.use("zh-HK")
    yield
    L.use(L.DEFAULT)


def _translated(text: str) -> bool:
    return text.startswith("‹‹") and text.endswith("››")


def _event(title: str, day: str = "2025-03-06") -> Event:
    return Event.model_validate({"id": "user-a", "date": day, "title": title, "category": "corporate",
                                 "origin": "user"})


def test_a_whole_file_problem_is_one_translated_sentence(marked):
    with pytest.raises(uploads.UploadError) as caught:
        uploads.parse_upload("events.txt", b"title,date\n", set())
    assert _translated(str(caught.value)) and "'events.txt'" in str(caught.value)
    with pytest.raises(uploads.UploadError) as caught:
        uploads.parse_upload("events.csv", b"  \n", set())
    assert _translated(str(caught.value))


def test_row_problems_and_notices_are_translated(marked):
    data = b"title,date,category,colour\nResults,2025-13-40,corporate,red\n=SUM(A1),2025-03-06,corporate,blue\n"
    result = uploads.parse_upload("events.csv", data, set())
    assert result.problems and all(_translated(str(p)) for p in result.problems)
    assert "‹‹Row {row} (line {line})››".format(row=1, line=2) in str(result.problems[0])
    assert result.notices and all(_translated(n) for n in result.notices)


def test_the_schema_table_is_translated_when_shown(marked):
    rows = upload_schema.schema_rows()
    assert all(_translated(row["format"]) for row in rows)
    title = next(row for row in rows if row["field"] == "title")
    assert "{limit}" not in title["format"] and any(ch.isdigit() for ch in title["format"])


def test_merge_notices_are_translated(marked):
    mine = [_event("Results")]
    merged = user_events.merge(mine, [_event("Results"), _event("Results")], set())
    assert len(merged.notices) == 2 and all(_translated(n) for n in merged.notices)


def test_english_is_written_as_before():
    L.use(L.DEFAULT)
    merged = user_events.merge([], [_event("Results"), _event("Results")], set())
    assert merged.notices == ["1 event repeated another of these and was added once."]
    merged = user_events.merge([], [_event("Results")] * 3, set())
    assert merged.notices == ["2 events repeated another of these and were added once."]
    with pytest.raises(uploads.UploadError, match=r"^'events.csv' is empty\.$"):
        uploads.parse_upload("events.csv", b" ", set())


@pytest.mark.parametrize("shape, strftime", [
    ("date", "%d %b %Y"), ("weekday_date", "%a %d %b %Y"), ("weekday_day", "%a %d %b"),
    ("long_weekday_day", "%A %d %B"), ("long_day", "%d %B"), ("month", "%B"), ("month_year", "%B %Y"),
])
def test_the_readers_date_shapes_are_what_english_wrote_before(shape, strftime):
    L.use(L.DEFAULT)
    days = [dt.date(2024, month, day) for month in range(1, 13) for day in (1, 9, 28)]
    assert [F.date_as(d, shape) for d in days] == [format(d, strftime) for d in days]


def test_the_readers_date_shapes_in_chinese():
    L.use("zh-CN")
    try:
        assert F.date_as(dt.date(2025, 3, 6), "weekday_date") == "2025年3月6日 (周四)"
        assert F.date_as(dt.date(2025, 3, 6), "date") == "2025年3月6日" and F.month_name(3) == "3月"
    finally:
        L.use(L.DEFAULT)


def test_duplicates_of_the_session_are_counted_in_any_language(marked):
    mine = [_event("Results")]
    data = (b"title,date,category\nResults,2025-03-06,corporate\nResults,2025-03-06,corporate\n"
            b"News,2025-03-07,corporate\nNews,2025-03-07,corporate\n")
    result = uploads.parse_upload("events.csv", data, {"user-a"}, mine)
    assert len(result.duplicates) == 3 and result.in_session == 2
    assert all(_translated(what) for _event_, what in result.duplicates)


CORPUS = Path(__file__).parents[1] / "articles" / "corpus"


@pytest.mark.parametrize("name", ["alibaba_2025-02-21", "own_hk_rebound_2025-03-14"])
def test_every_reason_a_claim_shows_is_translated(marked, name):
    published = name.rsplit("_", 1)[1]
    _reading, claims = claims_of_text((CORPUS / f"{name}.txt").read_text(encoding="utf-8"), published)
    assert len(claims) > 5
    for claim in claims:
        shown = [*claim.trail, *(x for x in (claim.reason, claim.unsure) if x)]
        assert len(claim.trail) == 4 or not claim.trail, claim
        assert all(_translated(text) for text in shown), (claim.quote, shown)
    # without prices, every claim is uncheckable or not sure, and says why in the run's language
    results = check_claims(claims, pd.DataFrame(columns=["symbol", "date", "open", "high", "low", "close",
                                                         "raw_close"]))
    assert {r.verdict for r in results} <= {"uncheckable", "not sure"}
    assert all(_translated(r.explanation) and _translated(r.reason) for r in results)


class _Masking:
    """A catalog that keeps each message's placeholders and hides every letter around them: what a sentence shows in
    letters afterwards came from its placeholders' values."""

    @staticmethod
    def _mask(message: str) -> str:
        parts = re.split(r"(\{[^{}]*\})", message)
        return "".join(p if p.startswith("{") else re.sub(r"[A-Za-z]", "·", p) for p in parts)

    def gettext(self, message: str) -> str:
        return self._mask(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._mask(singular if n == 1 else plural)


_WORD = r"[A-Za-z](?:[\w'’&.-]*[\w&.])?"
_RUN = re.compile(_WORD + r"(?: " + _WORD + r"){2,}")  # three or more words in a row
_NAMES = " | ".join([c.name for c in COMPANIES] + [i.name for i in INDICES])


def _english_runs(shown: str, article: str) -> list[str]:
    """The runs of three or more English words in ``shown`` that are neither the article's own words nor a listing's
    name: a sentence that bypassed the catalog, inside a translated one."""
    return [run for run in _RUN.findall(shown) if run not in article and run not in _NAMES]


@pytest.fixture
def masked(monkeypatch):
    monkeypatch.setattr(L, "_catalog", lambda language: _Masking())
    L.use("zh-HK")
    yield
    L.use(L.DEFAULT)


def test_the_masking_catalog_finds_an_english_sentence_in_a_placeholder(masked):
    shown = L._("whose: {rule}").format(rule="no name before it in its sentence")
    assert _english_runs(shown, "") == ["no name before it in its sentence"]
    assert _english_runs(L._("whose: {rule}").format(rule=L._("no name before it in its sentence")), "") == []


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_no_english_sentence_hides_inside_a_claims_rules(masked, path):
    text = path.read_text(encoding="utf-8")
    reading, claims = claims_of_text(text, path.stem.rsplit("_", 1)[1])
    assert claims
    shown = [reading.place_rule]
    for claim in claims:
        shown += [*claim.trail, claim.reason, claim.unsure, claim.listing_rule, claim.day_rule, claim.since_rule]
    for result in check_claims(claims, snapshot_prices()):
        shown += [result.explanation, result.reason, *(f.label for f in result.figures)]
    left = {run for line in shown for run in _english_runs(line, text)}
    assert not left, sorted(left)


# a short story that meets the period rules: quarters (numbered, by their month, fiscal), fiscal years, year to date,
# trailing spans and look-backs, the lunar year, the months through a month, vague spans and spans since an event
RULES_TEXT = """Tencent shares rose 5% in the first quarter of 2024 and fell in Q3 2024, the company said.
Alibaba's revenue grew 8% over the past three months, and its profit rose in fiscal 2024.
The Hang Seng Index has gained 20% since the Lunar New Year and 15% so far this year.
Revenue rose in the six months through March, after falling for years and in recent months.
Sales rose in the June quarter, the eighth consecutive quarter of growth, and 9% year-on-year.
The stock has fallen since the pandemic and rose in more than three years of trading.
Profits rose in the Year of the Dragon and over the past 12 months, since early 2023.
Meituan will report its results on Jan. 8, and its second quarter of fiscal 2025 the previous quarter.
"""
RULES_PUBLISHED = "2025-03-14"


def test_no_english_sentence_hides_inside_a_period_rule(masked):
    published = dt.date.fromisoformat(RULES_PUBLISHED)
    found = [e for line in RULES_TEXT.splitlines() for e in find_date_expressions(line, published)]
    kinds = {"quarter", "quarter-ref", "fiscal-year", "span", "months", "absolute", "comparison"}
    assert {e.kind for e in found} >= kinds
    assert sum(not e.resolved for e in found) >= 3
    extraction = propose_events(RULES_TEXT, RULES_PUBLISHED)
    shown = [text for e in found for text in (e.rule, e.note, e.reason)]
    shown += [text for c in extraction.candidates for text in (c.rule, c.confidence)]
    shown += [u.reason for u in extraction.unresolved] + list(extraction.notices)
    left = {run for line in shown for run in _english_runs(line, RULES_TEXT)}
    assert not left, sorted(left)


def test_no_english_sentence_hides_inside_the_articles_date_checks(masked):
    article = bundled_article()
    # an event's time note is the events file's own words, as the article's are its own
    written = article.text + "".join(e.time_note for e in bundled_events())
    shown = []
    for m in article_date_mentions():
        shown += [m.rule, m.note, m.reason, *(c.note for c in m.checks)]
    left = {run for line in shown for run in _english_runs(line, written)}
    assert not left, sorted(left)
