"""Charts (pure plotly): figures built from frames and marks, never from session state.

``marks.py`` turns events and prices into what is drawn; ``lanes.py`` draws events, ``market.py`` prices,
``timeline.py`` and ``story.py`` the timeline, ``study.py`` the event study, ``listings.py`` the two listings,
``claim_chart.py`` a claim's closes; ``describe.py`` says what a figure shows in one sentence and as tables
(its text alternative); ``palette.py`` holds every colour and the up/down conventions.
"""
