"""The app's pages: one thin script per page, in a folder per navigation section (story, markets, your_data).

``app.py`` registers them with ``st.navigation`` (the table is :mod:`components.ui.navigation`) and runs the one a
link asks for inside its frame. None sits at this folder's top level: a ``pages/`` folder beside ``app.py`` makes
Streamlit start in its legacy multipage mode, which would run a top-level page file on its own, without the frame.
"""
