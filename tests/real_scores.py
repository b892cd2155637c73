"""How the app reads real journalism: scores on the articles of ``../shared/corpus/real`` (not a test module).

The expected answers are ``tests/articles/real/answers/NAME.json``, computed from the prices by an independent
script (``tests/articles/real/compute_answers.py``; the format is in its README). :func:`score` reads every
article of a split with the app's own reader and checker, the way a user's pasted article is read (its
title and body, with its publication date), and counts:

* ``checkable``: figures daily prices can settle: found, and with the right listing, session, measure and
  verdict;
* ``uncheckable``: figures daily bars cannot settle, and how many got a confident verdict anyway (should be 0);
* ``false_alarms``: true figures (expected "matches" or "roughly") called "does not match" (should be 0);
* ``events``: events proposed with the right day or period, and undated ones listed without a day.

``misses`` names each expected item that was not met, so a failing test or the benchmark says what went wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from components.analysis.claim_checks import check_claims
from components.text.claim_reader import read_claims
from components.text.extraction import extraction_of
from components.text.reader import read_article
from tests.accuracy import snapshot_prices
from tests.paths import SHARED

REAL = Path(__file__).resolve().parent / "articles" / "real"
TEXTS = SHARED / "corpus" / "real"
# articles found beyond the corpus: answers in tests/articles/real/<folder>, texts outside the repository
_OUTSIDE = REAL.parent.parent.parent.parent
# each set's texts: DASHBOARD_<SET>_TEXTS, else a folder beside the repository ("holdout_8" -> holdout8_texts)
HELD_OUT_SETS = ("extra", "holdout", *(f"holdout_{n}" for n in range(2, 28)))
TEXT_FOLDERS = {"answers": TEXTS} | {
    name: Path(os.environ.get(f"DASHBOARD_{name.upper()}_TEXTS") or _OUTSIDE / f"{name.replace('_', '')}_texts")
    for name in HELD_OUT_SETS}
CONFIDENT = ("matches", "roughly", "does not match")
_HEADER = re.compile(r"^(URL|Title|Published|Date source|Kind):\s*(.*)$")


@lru_cache(maxsize=1)
def split() -> dict[str, list[str]]:
    return json.loads((REAL / "split.json").read_text(encoding="utf-8"))


def answers(name: str, folder: str = "answers") -> dict:
    return json.loads((REAL / folder / f"{name}.json").read_text(encoding="utf-8"))


def extra_names(folder: str = "extra") -> list[str]:
    """The articles of ``folder`` whose texts are present (none in a clone without them)."""
    return sorted(p.stem for p in (REAL / folder).glob("*.json") if (TEXT_FOLDERS[folder] / f"{p.stem}.txt").exists())


def as_pasted(raw: str) -> str:
    """A corpus file as a user pastes an article: its title line and its body, without the corpus's own notes."""
    lines = raw.splitlines()
    head = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    title = next((m.group(2) for line in lines[:head] if (m := _HEADER.match(line)) and m.group(1) == "Title"), "")
    return "\n".join(([f"Title: {title}", ""] if title else []) + lines[head + 1:])


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip().lower()


_EDGE = re.compile(r"^(?:(?:and|but|or|while|as|with)\b|[\s,;:.()•-])+|(?:\b(?:and|but|or|while|as|with)|[\s,;:.()])+$")


def located(cue: str, sentence: str) -> bool:
    """Whether an expected event's cue is in a proposed event's clause. The cue is copied from the text and may run
    past its clause into the next one's connective ("the S&P 500 dropped 1.1%, and"); a clause ends before it, so
    the connectives and punctuation at the cue's edges are not required."""
    cue, sentence = _EDGE.sub("", norm(cue)), _EDGE.sub("", norm(sentence))
    return bool(cue) and (cue in sentence or sentence in cue or _runs_on(cue, sentence))


def _runs_on(cue: str, sentence: str) -> bool:
    """The cue starts inside the clause and runs on past its end into the next clause ("and Sinopec gained 1% to
    HK$5.01 after oil prices rose", where the clause stops before "after"): at least five words, and at least half
    the cue, are the clause's last words."""
    words, tail = [w.rstrip(",;:") for w in cue.split()], [w.rstrip(",;:") for w in sentence.split()]
    return any(words[:k] == tail[-k:] for k in range(max(5, (len(words) + 1) // 2), len(words)))


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", text.replace(",", ""))


@dataclass
class Score:
    counts: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        self.counts.update(other.counts)
        self.misses += other.misses


MEASURE_ALIASES = {"open": "open_move", "rank_level": "rank", "rank_return": "rank"}


def _measure(claim) -> str:
    """The claim's measure in the answers' words."""
    m = MEASURE_ALIASES.get(claim.measure, claim.measure)
    if m == "intraday":
        return "low_move" if claim.direction < 0 else "high_move"
    return m


def _match(fig: dict, results: list, used: set[int]) -> object | None:
    cue, quote = _EDGE.sub("", norm(fig["cue"])), norm(fig["quote"])  # a bullet's "- " is no part of its sentence
    # a ranking is found by its words: "the biggest selloff in Alibaba since 2022" is read as "biggest selloff"
    numbers = [] if fig.get("measure") in ("rank", "streak") else _numbers(quote)
    for i, r in enumerate(results):
        if i in used or cue not in norm(r.claim.sentence):
            continue
        said = norm(r.claim.quote)
        if (numbers and _numbers(said)[:1] == numbers[:1]) or (not numbers and (quote in said or said in quote)):
            used.add(i)
            return r
    return None


def _score_figures(name: str, spec: dict, results: list) -> Score:
    s, used = Score(), set()
    for fig in spec["figures"]:
        r = _match(fig, results, used)
        where = f"{name} {fig['id']} '{fig['quote']}' in '{fig['cue'][:50]}'"
        if fig["kind"] == "checkable":
            s.counts["checkable"] += 1
            if r is None:
                s.misses.append(f"not read: {where}")
                continue
            s.counts["found"] += 1
            session = r.session or r.claim.day
            right = {"listing": r.claim.symbol == fig["symbol"],
                     "session": session is not None and session.isoformat() == fig["session"],
                     "measure": _measure(r.claim) == fig["measure"],
                     "verdict": r.verdict == fig["expected"]}
            s.counts.update(k for k, ok in right.items() if ok)
            if not all(right.values()):
                s.misses.append(f"{'/'.join(k for k, ok in right.items() if not ok)} wrong: {where}: app "
                                f"{r.claim.symbol} {session} {_measure(r.claim)} {r.verdict!r}, expected "
                                f"{fig['symbol']} {fig['session']} {fig['measure']} {fig['expected']!r}")
            if r.verdict == "does not match" and fig["expected"] in ("matches", "roughly"):
                s.counts["false_alarms"] += 1
                s.misses.append(f"FALSE ALARM: {where}")
        else:
            s.counts["uncheckable"] += 1
            if r is not None and r.verdict in CONFIDENT:
                s.counts["confident_on_uncheckable"] += 1
                s.misses.append(f"confident on uncheckable ({fig['why']}): {where}: app {r.claim.symbol} "
                                f"{r.session} {_measure(r.claim)} {r.verdict!r}")
    return s


_CLOSED = ((1, 1), (12, 25))  # New Year's Day and Christmas: no session in New York or Hong Kong


def _weekdays(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """A span without the days at its edges when no market trades (weekends, New Year's Day, Christmas): "2023" and
    "2023 up to Friday the 29th" are the same sessions when the 30th and 31st are a weekend, and "2025" starts with
    the session of 2 January."""
    def closed(day: dt.date) -> bool:
        return day.weekday() >= 5 or (day.month, day.day) in _CLOSED

    while start < end and closed(start):
        start += dt.timedelta(days=1)
    while end > start and closed(end):
        end -= dt.timedelta(days=1)
    return start, end


def _score_events(name: str, spec: dict, extraction) -> Score:
    s = Score()
    for ev in spec["events"]:
        found = [c for c in extraction.candidates if located(ev["cue"], c.sentence)]
        listed = [u for u in extraction.unresolved if located(ev["cue"], u.sentence)]
        where = f"{name} {ev['id']} '{ev['cue'][:60]}'"
        s.counts["events"] += 1
        if ev.get("undated"):
            s.counts["undated"] += 1
            ok = not any(c.start_date for c in found) and (bool(listed) or bool(found))
        elif "date" in ev:
            ok = any(c.date is not None and c.date.isoformat() == ev["date"] for c in found)
        else:
            want = _weekdays(dt.date.fromisoformat(ev["start"]), dt.date.fromisoformat(ev["end"]))
            ok = any(c.start_date and _weekdays(c.start_date, c.end_date) == want for c in found)
        if ok:
            s.counts["events_right"] += 1
            s.counts["undated_right"] += bool(ev.get("undated"))
        else:
            got = sorted({f"{c.start_date}..{c.end_date}" if c.start_date != c.end_date else str(c.date)
                          for c in found}) or (["unresolved"] if listed else ["nothing"])
            s.misses.append(f"event: {where}: app {got}, expected "
                            f"{'undated' if ev.get('undated') else ev.get('date') or (ev['start'], ev['end'])}")
    return s


def score_article(name: str, folder: str = "answers") -> Score:
    spec = answers(name, folder)
    text = as_pasted((TEXT_FOLDERS[folder] / f"{name}.txt").read_text(encoding="utf-8"))
    reading = read_article(text, dt.date.fromisoformat(spec["published"]))
    results = check_claims(read_claims(reading), _prices())
    score = _score_figures(name, spec, results)
    score.add(_score_events(name, spec, extraction_of(reading)))
    return score


@lru_cache(maxsize=1)
def _prices():
    return snapshot_prices()


def score(part: str) -> Score:
    """Every article of ``part`` scored together: "dev" (the corpus articles rules are tuned on), "extra" (those
    found beyond the corpus, when their texts are present) or "holdout" (built after development, scored once)."""
    names = extra_names(part) if part in TEXT_FOLDERS and part != "answers" else split()[part]
    total = Score()
    for name in names:
        total.add(score_article(name, folder=part if part in TEXT_FOLDERS else "answers"))
    total.counts["articles"] = len(names)
    return total


def summary(s: Score) -> dict[str, str]:
    c = s.counts

    def ratio(a: str, b: str) -> str:
        return f"{c[a]}/{c[b]} ({c[a] / c[b]:.0%})" if c[b] else "0/0"

    return {"verdicts right on checkable figures": ratio("verdict", "checkable"),
            "checkable figures read": ratio("found", "checkable"), "listing right": ratio("listing", "checkable"),
            "session right": ratio("session", "checkable"), "measure right": ratio("measure", "checkable"),
            "confident verdicts on uncheckable figures": f"{c['confident_on_uncheckable']}/{c['uncheckable']}",
            "true figures called 'does not match'": str(c["false_alarms"]),
            "events with the right date": ratio("events_right", "events"),
            "undated events listed without a date": ratio("undated_right", "undated")}
