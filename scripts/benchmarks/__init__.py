"""Parts of ``scripts/bench.py``, one module per thing measured.

* ``session``: timing a run in AppTest as a server makes it (one script cache, fragment reruns, the browser's
  widget states) and keeping the figures it sent;
* ``controls``: a page's controls, found on the page, and the change a reader makes with each;
* ``reruns``: every page's no-op and control reruns against the floor that draws the same figures, and the
  stockpeers model's horizon change;
* ``browser``: clicks, page loads and sessions in headless Chromium against the floor apps;
* ``report``: the table of ratios beside issue 23's budgets;
* ``reader``: the reader's scores and CPU;
* ``apps/``: the scripts measured beside the app: ``floor.py`` (the figures and nothing else), ``onselect.py`` (a
  plotly chart whose click shows a heading) and ``stockpeers.py`` (a model of streamlit/demo-stockpeers).
"""
