"""Charts (pure plotly): figures built from frames and marks, never from session state.

``marks.py`` turns events and prices into what is drawn; ``lanes.py`` draws events, ``market.py``
prices, ``timeline.py`` the timeline and ``study.py`` the event study; ``palette.py`` holds every colour.
"""
