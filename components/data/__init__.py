"""Data: where prices and events come from, in one tidy shape.

``store.get_prices`` is what pages ask (live Yahoo through ``yahoo.py``, the only module importing
yfinance; then the parquet copy in ``disk_cache.py``; then the bundled ``snapshot.py``), in the
schema of ``prices.py``. ``symbols.py`` knows each symbol's market, currency and price basis;
``events.py`` validates the bundled events, ``records.py`` reads the project's JSON records.
"""
