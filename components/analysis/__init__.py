"""Analysis (pure pandas and numpy): what the prices say about the events.

``alignment.py`` finds each market's reaction session (day 0) and window returns; ``metrics.py``
rebases and summarises prices; ``ranges.py`` turns presets into dates; ``event_study.py`` runs the
market model and ``study_report.py`` words it; ``claims.py`` holds the article's claims and
``verdicts.py`` checks each against the data.
"""
