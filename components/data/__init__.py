"""Data: where prices and events come from, in one tidy shape.

* ``store.py``: what pages ask (live Yahoo through ``yahoo.py``, the only module importing yfinance; then the
  parquet copy of ``disk_cache.py``; then the bundled ``snapshot.py``), in the schema of ``prices.py``.
* ``basis.py``: the two bases of a price (the exchange's print, the dividend-adjusted close) and where each is known.
* ``symbols.py``: each symbol's market, currency and name, and symbols as people type them.
* ``listings.py``: the companies and indices a report may name, with their symbols and fiscal years.
* ``calendars.py``: each exchange's sessions, half days and closures, and the lunar years.
* ``events.py``: the bundled events, validated; ``records.py`` reads the project's JSON records.
* ``text_rules.py``: what free text from any source may hold.
"""
