"""The dashboard's code below the pages, in layers; the folder tells the layer.

Lowest first, each importing only its own layer and those below (``tests/test_layers.py`` checks it):

* ``facts.py``: every fact written once (the story's symbols and dates, windows, limits).
* ``locale/``: the app's languages (gettext catalogs, the run's language) and dates and numbers per language.
* ``data/``: prices (the one yfinance seam, the disk copy, the snapshot, the tidy schema, their basis), symbols,
  listings and calendars, the bundled events. Pure pandas and pydantic.
* ``analysis/``: reaction sessions, returns, date ranges, the event study, the two listings, claims and verdicts.
* ``text/``: reading text: the bundled article, any pasted story (sentences, dates, listings, figures, events),
  uploads, safe display.
* ``charts/``: plotly figures: prices with events, the timeline, the event study, the listings, claims; colours.
* ``workspace/``: saved workspaces (schema, migrations, database, tokens, fair shares).
* ``report/``: the downloadable HTML report.
* ``ui/``: the only package that imports streamlit: session state and links, the date range,
  saved workspaces in the app, banners, caches of heavy computations, and the widget blocks the
  pages are made of.
"""
