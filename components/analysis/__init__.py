"""Analysis (pure pandas and numpy): what the prices say about the events and the texts.

* ``alignment.py``: each market's reaction session (day 0) and window returns; ``metrics.py`` rebases and
  summarises prices; ``ranges.py`` turns presets into dates; ``formats.py`` writes numbers for tables.
* ``event_study.py``: the market model; ``robust.py`` its inference without normal residuals; ``clusters.py``
  events that share a day 0; ``study_report.py`` words the results.
* ``listings.py``: Alibaba's two listings in one currency and on one clock.
* ``claims.py`` and ``verdicts.py``: the bundled article's claims and their checks; ``article_claims.py`` the
  claims of any article and the verdict rules; ``claim_checks.py`` checks them, computing each measure in
  ``claim_measures.py`` (moves and levels) and ``claim_ranks.py`` (rankings, ranges and streaks).
"""
