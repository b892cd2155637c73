"""The dashboard's code below the pages, in layers; the folder tells the layer.

Lowest first, each importing only its own layer and those below (``tests/test_layers.py`` checks it):

* ``facts.py``: every fact written once (the story's symbols and dates, windows, limits).
* ``data/``: prices (the one yfinance seam, the disk copy, the snapshot, the tidy schema), symbols and
  their markets, the bundled events. Pure pandas and pydantic.
* ``analysis/``: reaction sessions, returns, date ranges, the event study, claims and their verdicts.
* ``text/``: reading text: the article, sentences and dates, candidate events, uploads, safe display.
* ``charts/``: plotly figures: prices with events, the timeline, the event study; colours.
* ``ui/``: the only package that imports streamlit: session state and links, the date range,
  banners, caches of heavy computations, and the widget blocks the pages are made of.
"""
