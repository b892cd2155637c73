"""UI: the Streamlit glue, and the only package that imports streamlit.

The session and the link: ``state.py`` names every session-state key (with its default and link
parameter) and binds widgets to them; ``params.py`` parses link parameters; ``links.py`` syncs the state
with the URL; ``navigation.py`` lists the pages and their addresses; ``daterange.py`` is the shared date
range, resolved once per run.

What pages read and how they show it: ``prices_events.py`` reads prices and events for a page;
``caches.py`` owns the caches of heavy computations; ``banners.py`` says where prices came from;
``plots.py`` puts figures on the page; ``device.py`` tells a phone and a dark theme; ``errors.py`` turns
a failure into a sentence with a reference; ``labels.py`` holds the verdict badges; ``language.py`` picks
the run's language (the link's, the sidebar's choice, else the browser's) and draws the choice;
``updown.py`` the rise and fall colours (the reader's choice, else the language's custom).

Saved workspaces and articles: ``workspace_links.py`` opens a workspace from a link; ``saving.py`` holds
the open workspace and saves it; ``sidebar.py`` draws its block in the sidebar; ``report.py`` the
"Download report" button; ``articles.py`` keeps the articles a user loads.

Widget blocks, one per part of a page: ``markets.py``, ``timeline.py`` (with ``assets/timeline.js``),
``event_panel.py``, ``study.py``, ``listings.py``, ``claims_view.py``, ``your_data.py``; ``assets/page.js`` is
the script every page loads (it also sets ``<html lang>``), ``assets/dark.css`` the dark theme's contrast fixes.
"""
