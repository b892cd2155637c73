"""UI: the Streamlit glue, and the only package that imports streamlit.

``state.py`` names every session-state key (with its default and link parameter); ``links.py``
syncs them with the URL; ``daterange.py`` is the shared date range; ``data.py`` reads prices and
events for a page; ``banners.py`` says where prices came from; ``caches.py`` owns the caches of
heavy computations; ``router.py`` keeps pages inside app.py's frame. The rest are widget blocks,
one per part of a page: ``markets.py``, ``timeline.py``, ``event_panel.py``, ``study.py``, ``your_data.py``.
"""
