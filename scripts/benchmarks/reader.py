"""The reader's part of the benchmark: accuracy on real articles and on the written corpus, and its CPU time.

Real articles are scored by ``tests/real_scores.py`` against answers computed from the prices by an independent
script: "dev" (``../shared/corpus/real``, the articles rules were tuned on), and "extra" and "holdout" where their
texts are on the machine. CPU is measured on a 2,000-word text of real articles run end to end (read, events proposed,
claims checked) and on two pathological 100 KB texts.
"""

from __future__ import annotations

import time

import pandas as pd

PATHOLOGICAL = {"'Shares rose' + ' on' x 33000": "Shares rose" + " on" * 33000, "'A. ' x 33000": "A. " * 33000}
PARTS = ("dev", "extra", "holdout", "holdout_2", "holdout_3", "holdout_4", "holdout_5")
LONG_WORDS = 2000  # the budget: reading and checking a 2,000-word article under 1 s of CPU


def _cpu(text: str, published: str, prices: pd.DataFrame) -> float:
    from components.analysis.claim_checks import check_claims
    from components.text import quantities
    from components.text.claim_reader import read_claims
    from components.text.extraction import extraction_of
    from components.text.reader import read_article

    quantities.clear_cache()  # a first reading, as a user's text gets
    start = time.process_time()
    reading = read_article(text, published)
    extraction_of(reading)
    check_claims(read_claims(reading), prices)
    return time.process_time() - start


def _real(out: dict) -> None:
    from tests import real_scores as R

    for part in PARTS:
        if part == "dev" and not R.TEXTS.exists() or part != "dev" and not R.extra_names(part):
            continue
        s = R.score(part)
        out["real"][part] = {"articles": s.counts["articles"], **R.summary(s)}
    if R.TEXTS.exists():  # real articles run end to end until they make a 2,000-word text, dated as the first
        paths = sorted(R.TEXTS.glob("*.txt"))
        bodies, words = [], 0
        for path in paths:
            body = R.as_pasted(path.read_text(encoding="utf-8"))
            bodies.append(body)
            words += len(body.split())
            if words >= LONG_WORDS:
                break
        text = " ".join("\n\n".join(bodies).split(" ")[:LONG_WORDS])
        published = R.answers(paths[0].stem)["published"]
        _cpu(text, published, R._prices())  # warm: the first read loads the calendars and the lexicon
        out["longest"] = {"article": f"{len(bodies)} real articles end to end", "words": len(text.split()),
                          "cpu_s": min(_cpu(text, published, R._prices()) for _ in range(3))}


def reader_scores() -> dict:
    """Scores on real articles and on tests/articles/corpus, and CPU times of reading."""
    from tests.accuracy import corpus_scores

    corpus = corpus_scores()
    out: dict = {"articles": corpus["articles"], "total": corpus["total"], "real": {}, "longest": None}
    _real(out)
    empty = pd.DataFrame(columns=["date", "symbol", "open", "high", "low", "close"])
    out["pathological_cpu_s"] = {name: _cpu(text, "2025-03-06", empty) for name, text in PATHOLOGICAL.items()}
    return out


def reader_tables(results: dict) -> list[str]:
    reader = results.get("reader")
    if not reader:
        return []
    lines = ["", "## Reading real articles (tests/articles/real)", ""]
    if reader["real"]:
        parts = list(reader["real"])
        rows = [k for k in reader["real"][parts[0]] if k != "articles"]
        lines += ["| | " + " | ".join(f"{p} ({reader['real'][p]['articles']} articles)" for p in parts) + " |",
                  "|---|" + "---:|" * len(parts)]
        lines += [f"| {row} | " + " | ".join(reader["real"][p][row] for p in parts) + " |" for row in rows]
    else:
        lines.append("No real article texts on this machine (../shared/corpus/real is absent).")
    if reader["longest"]:
        longest = reader["longest"]
        lines += ["", f"CPU to read, propose events and check claims of a {longest['words']:,}-word text "
                      f"({longest['article']}): {longest['cpu_s']:.2f} s (budget 1 s)."]
    cols = ("events", "claims", "sessions", "unresolved", "dates")
    cell = lambda pair: f"{pair[0]}/{pair[1]}"  # noqa: E731
    lines += ["", "## Rule corpus (tests/articles/corpus: two real stories and articles written here)", "",
              "| article | events with the right date | claims with the right listing and verdict | ... and session "
              "| unresolved listed | date expressions |", "|---|---:|---:|---:|---:|---:|"]
    for a in reader["articles"]:
        lines.append(f"| {a['article']} | " + " | ".join(cell(a[c]) for c in cols) + " |")
    lines.append("| **all** | " + " | ".join(f"**{cell(reader['total'][c])}**" for c in cols) + " |")
    lines += ["", "Pathological 100 KB texts, CPU time to read them, propose events and check claims: "
              + "; ".join(f"{k}: {v:.2f} s" for k, v in reader["pathological_cpu_s"].items()) + "."]
    return lines
