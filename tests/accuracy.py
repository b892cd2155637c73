"""How well the reader does on the articles of ``tests/articles/corpus``: scores for the benchmark and the tests.

Each article has its text (``NAME.txt``) and its expected answers (``NAME.json``, described in
``tests/articles/corpus/README.md``). :func:`corpus_scores` reads every article with the app's own code
and the bundled prices, and counts, per article and in all:

* ``events``: expected events proposed with the right date (a day, a period, or listed as unresolved);
* ``claims``: expected claims with the right listing and verdict, and ``sessions`` with the right session too;
* ``unresolved``: expected unresolved expressions listed;
* ``dates``: date expressions resolved to the expected day or period;
* ``not_events``: sentences that must not become a dated event, and did not.

``misses`` names every expected item that was not met, so a failing test says what went wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from components.analysis.claim_checks import check_claims
from components.data import store
from components.facts import HISTORY_START
from components.text.claim_reader import read_claims
from components.text.extraction import Extraction, extraction_of
from components.text.reader import Reading, read_article

CORPUS = Path(__file__).resolve().parent / "articles" / "corpus"
PRICES = Path(__file__).resolve().parent.parent / "data" / "prices.csv"
SCORES = ("events", "claims", "sessions", "unresolved", "dates", "not_events")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@lru_cache(maxsize=1)
def _prices() -> pd.DataFrame:
    return snapshot_prices()


def snapshot_prices() -> pd.DataFrame:
    """Every symbol of the bundled snapshot in the tidy schema the pages get (closes and their prints)."""
    symbols = list(store.snapshot_symbols())
    return store.get_prices(symbols, HISTORY_START, dt.date.today()).frame


def expected_articles(folder: Path = CORPUS) -> list[Path]:
    """The expected-answer files of the corpus, by name."""
    return sorted(folder.glob("*.json"))


def score_article(path: Path) -> dict:
    """The counts (right, expected) of each score for one article, and what was missed."""
    spec = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / spec["text"]).read_text(encoding="utf-8")
    reading = read_article(text, spec["published"])
    extraction = extraction_of(reading)
    results = check_claims(read_claims(reading), _prices())
    misses: list[str] = []
    counts = {
        "events": _count(spec.get("events", []), lambda e: _event_right(e, extraction), misses, "event"),
        "claims": _count(spec.get("claims", []), lambda c: _claim_right(c, results, False), misses, "claim"),
        "sessions": _count(spec.get("claims", []), lambda c: _claim_right(c, results, True), misses, "session"),
        "unresolved": _count(spec.get("unresolved", []), lambda u: _listed(u, extraction), misses, "unresolved"),
        "dates": _count(spec.get("dates", []), lambda d: _date_right(d, reading), misses, "date"),
        "not_events": _count(spec.get("not_events", []), lambda n: _not_dated(n, extraction), misses, "not-event"),
    }
    return {"article": spec["text"], "place": reading.place, "place_right": reading.place == spec.get("place"),
            **counts, "misses": misses}


def _count(items: list[dict], right, misses: list[str], kind: str) -> tuple[int, int]:
    scored = [i for i in items if not i.get("optional")]
    good = 0
    for item in scored:
        if right(item):
            good += 1
        else:
            misses.append(f"{kind} {item['id']}: {item.get('cue') or item.get('cues')}")
    return good, len(scored)


def _candidates(cue: str, extraction: Extraction) -> list:
    return [c for c in extraction.candidates if _norm(cue) in _norm(c.sentence)]


def _listed(item: dict, extraction: Extraction) -> bool:
    cue, expression = _norm(item["cue"]), _norm(item.get("expression", item["cue"]))
    return any(cue in _norm(u.sentence) or _norm(u.sentence) in cue for u in extraction.unresolved
               if expression in _norm(u.expression) or _norm(u.expression) in expression)


def _event_right(item: dict, extraction: Extraction) -> bool:
    found = _candidates(item["cue"], extraction)
    if item.get("unresolved"):
        return _listed({"cue": item["cue"], "expression": item["cue"]}, extraction) and \
            not any(c.date for c in found if _norm(c.sentence) in _norm(item["cue"]))
    if "accept" in item:
        days = {c.date for c in found if c.date}
        ok = bool(days & {_day(d) for d in item["accept"] if d != "unresolved"}) or (
            "unresolved" in item["accept"] and not days)
        return ok and not days & {_day(d) for d in item.get("reject", [])}
    if "date" in item:
        return any(c.date == _day(item["date"]) and (not item.get("tz") or c.tz == item["tz"]) for c in found)
    return any((c.start_date, c.end_date) == (_day(item["start"]), _day(item["end"])) for c in found)


def _not_dated(item: dict, extraction: Extraction) -> bool:
    return not any(c.date for c in _candidates(item["cue"], extraction))


def _claim_right(item: dict, results: list, session: bool) -> bool:
    """Every sentence of the claim (a claim repeated in two places is checked in both) got it right."""
    for cue in item["cues"]:
        found = [r for r in results if _norm(cue) in _norm(r.claim.sentence)
                 and _norm(item["quote"]) in _norm(r.claim.quote)]
        if not any(_result_right(r, item, session) for r in found):
            return False
    return True


def _result_right(result, item: dict, session: bool) -> bool:
    if result.verdict != item["verdict"]:
        return False
    if item["verdict"] == "uncheckable" and item.get("symbol") is None:
        return True
    if result.claim.symbol != item["symbol"]:
        return False
    return not session or result.session == _day(item["session"])


def _date_right(item: dict, reading: Reading) -> bool:
    for clause in reading.clauses:
        if _norm(item["cue"]) not in _norm(clause.sentence):
            continue
        for e in clause.expressions:
            if _norm(e.text) != _norm(item["expression"]):
                continue
            if item.get("unresolved"):
                return not e.resolved
            if e.resolved and e.start_date == _day(item["start"]) and (
                    item.get("end") is None or e.end_date == _day(item["end"])):
                return True
    return False


def corpus_scores(folder: Path = CORPUS) -> dict:
    """Scores of every article of the corpus and their totals: {"articles": [...], "total": {score: (right, n)}}."""
    articles = [score_article(path) for path in expected_articles(folder)]
    total = {k: (sum(a[k][0] for a in articles), sum(a[k][1] for a in articles)) for k in SCORES}
    return {"articles": articles, "total": total}


def share(pair: tuple[int, int]) -> float:
    """right / expected (1.0 when nothing is expected)."""
    right, n = pair
    return right / n if n else 1.0
