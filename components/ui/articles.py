"""The articles a user loads (on the Claims page, or extracted on "Your events & symbols"): kept in the session
and its workspace, one of them checked on the claims page.

One model serves the session and the workspace: :class:`~components.workspace.records.StoredArticle`.
``state.LOADED_ARTICLES`` holds them; ``state.CLAIMS_ARTICLE`` names, by its id, the one the claims page checks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from components.facts import MAX_WORKSPACE_ARTICLES
from components.locale import _
from components.text.claim_reader import article_title
from components.text.sentences import checked_text
from components.ui import state
from components.workspace import store
from components.workspace.records import StoredArticle


def new_article(text: str, published: dt.date, place: str) -> StoredArticle:
    """An article as the session and its workspace keep it; ValueError for a text that cannot be kept (over
    MAX_ARTICLE_CHARS, a direction control, no text). The text is kept as the reader reads it (line endings
    unified, control characters blanked), so its claims and events read the same from the copy."""
    clean = checked_text(text).strip()
    title = article_title(clean)[:150] or _("Untitled article")
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "article"
    return StoredArticle(id=f"{slug}-{hashlib.blake2b(clean.encode(), digest_size=4).hexdigest()}", title=title,
                         published=published, place=place, text=clean, added_at=store.now())


def keep(article: StoredArticle) -> None:
    """Keep an article in the session (and so in its workspace), and make it the one the claims page checks."""
    kept = [a for a in state.LOADED_ARTICLES.get() if a.id != article.id]
    state.LOADED_ARTICLES.set([*kept, article][-MAX_WORKSPACE_ARTICLES:])
    check_on_claims_page(article)


def check_on_claims_page(article: StoredArticle) -> None:
    state.CLAIMS_ARTICLE.set(article.id)
    state.CLAIMS_SOURCE.set("loaded")


def claims_article() -> StoredArticle | None:
    """The loaded article the claims page checks (None when there is none, or it is no longer kept)."""
    wanted = state.CLAIMS_ARTICLE.get()
    return next((a for a in state.LOADED_ARTICLES.get() if a.id == wanted), None)
