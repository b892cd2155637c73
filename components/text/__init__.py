"""Text: reading what people write, and showing it back safely.

``article.py`` splits the bundled article into blocks and sentences, finds repeats and event
mentions, and checks its dates (``article_view.py`` renders them). ``sentences.py`` and ``dates.py``
are the grammar any text goes through; ``extraction.py`` proposes events from another article;
``upload_schema.py`` and ``uploads.py`` read a user's events file, ``user_events.py`` merges them;
``safe.py`` escapes untrusted text for Markdown and CSV.
"""
