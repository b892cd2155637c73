"""Badges the pages show for verdicts and date checks (Streamlit Markdown), each written once.

Each badge is its colour and its word; the word is marked for the catalogs here and translated where it is shown
(:func:`badge`), in the language of the run.
"""

from collections.abc import Callable

from components.locale import N_, _

VERDICT_BADGES = {
    "supported": ("green", N_("supported")),
    "partly supported": ("orange", N_("partly supported")),
    "not supported": ("red", N_("not supported")),
    "not checkable with price data": ("gray", N_("not checkable with price data")),
}
MATCH_BADGES = {"yes": ("green", N_("date matches")), "roughly": ("orange", N_("date roughly matches")),
                "no": ("red", N_("date does not match")), "not dated": ("gray", N_("not dated in the article"))}
ARTICLE_VERDICT_BADGES = {"matches": ("green", N_("matches")), "roughly": ("orange", N_("roughly")),
                          "does not match": ("red", N_("does not match")), "not sure": ("blue", N_("not sure")),
                          "uncheckable": ("gray", N_("uncheckable"))}


def badge(badges: dict[str, tuple[str, str]], key: str) -> str:
    """The badge of ``key`` in one of the tables above, its word in the run's language: ":green-badge[supported]"."""
    colour, word = badges[key]
    return f":{colour}-badge[{_(word)}]"


def shown_as(options, label) -> Callable[[object], str]:
    """A widget's ``format_func`` whose labels are written now, in this run's language: ``label(option)`` for each
    option, looked up later (Streamlit, and its test harness, may call a format function outside the run)."""
    table = {option: label(option) for option in options}
    return lambda option: table.get(option, str(option))
