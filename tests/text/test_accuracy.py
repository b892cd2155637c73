"""The reader on the corpus of tests/articles/corpus: events with the right date, claims with the right listing,
session and verdict, every unresolved expression listed (tests/accuracy.py computes the scores)."""

from __future__ import annotations

import json

import pytest

from tests.accuracy import CORPUS, SCORES, corpus_scores, expected_articles, score_article, share
from tests.paths import SHARED, needs_shared

ARTICLES = expected_articles()
DEVELOPMENT = ("alibaba_2025-02-21", "alibaba_2025-09-01")


@pytest.fixture(scope="module")
def scores() -> dict:
    return {a["article"]: a for a in corpus_scores()["articles"]}


def test_the_corpus_holds_the_development_articles_and_our_own():
    names = {p.stem for p in ARTICLES}
    assert set(DEVELOPMENT) <= names and len(names - set(DEVELOPMENT)) >= 4


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_at_least_90_percent_of_events_and_claims_and_every_unresolved(path, scores):
    found = scores[json.loads(path.read_text())["text"]]
    assert share(found["events"]) >= 0.9, found["misses"]
    assert share(found["claims"]) >= 0.9, found["misses"]
    assert share(found["sessions"]) >= 0.9, found["misses"]
    assert found["unresolved"][0] == found["unresolved"][1], found["misses"]
    assert found["not_events"][0] == found["not_events"][1], found["misses"]
    assert found["place_right"]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_date_expressions_resolve_as_expected(path, scores):
    found = scores[json.loads(path.read_text())["text"]]
    assert share(found["dates"]) >= 0.9, found["misses"]


def test_totals_add_up(scores):
    total = corpus_scores()["total"]
    assert set(total) == set(SCORES)
    assert total["events"][1] == sum(a["events"][1] for a in scores.values()) >= 40


def test_a_wrong_expectation_is_caught(tmp_path):
    """The scoring can fail: an expected answer the reader does not give is counted as a miss."""
    spec = json.loads((CORPUS / "alibaba_2025-02-21.json").read_text())
    spec["claims"][0]["verdict"] = "does not match"
    spec["events"][0]["date"] = "2025-02-22"
    (tmp_path / spec["text"]).write_text((CORPUS / spec["text"]).read_text())
    (tmp_path / "changed.json").write_text(json.dumps(spec))
    found = score_article(tmp_path / "changed.json")
    assert found["claims"][0] == found["claims"][1] - 1 and found["events"][0] == found["events"][1] - 1
    assert any(m.startswith("claim B1") for m in found["misses"]) and any("event E1" in m for m in found["misses"])


@pytest.mark.parametrize("name", DEVELOPMENT)
@needs_shared("corpus")
def test_the_copied_texts_are_the_corpus_texts(name):
    assert (CORPUS / f"{name}.txt").read_text() == (SHARED / "corpus" / f"{name}.txt").read_text()
