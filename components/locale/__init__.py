"""The app's languages: English, Traditional Chinese as written in Hong Kong, Simplified Chinese as on the mainland.

Every sentence a user reads goes through :func:`_` (``ngettext`` for counts), whichever layer writes it, and is looked
up in the gettext catalog of the run's language (``catalogs/<locale>/LC_MESSAGES/dashboard.mo``, compiled from the
``.po`` files by ``scripts/catalogs.py``). A sentence with values is written with named placeholders and filled after
the lookup — ``_("{symbol} closed at {price}").format(...)`` — so each language may order them its own way. A string
that must exist before any run (a module constant) is marked with :func:`N_` (a counted one, its singular and plural,
with :func:`Nn_`) and looked up where it is shown. A sentence said where no run's language is set (a worker thread of
the price fetches) or kept for every session (a shared cache of failures) is a :class:`Message`: its English and its
values, put into a language by ``str()`` in the run that shows it.

The language of a run is a context variable the UI sets once per run (:func:`use`); Streamlit runs each session's
script in its own thread, so two sessions never see each other's language. Dates, numbers, percentages and prices are
written per language by :mod:`components.locale.formats` (Babel's CLDR data).
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from contextvars import ContextVar
from datetime import date, datetime
from functools import lru_cache, reduce
from pathlib import Path

CATALOGS = Path(__file__).resolve().parent / "catalogs"
DOMAIN = "dashboard"
# the languages offered: the code kept in links and workspaces -> (its name in itself, Babel's locale)
LANGUAGES: dict[str, tuple[str, str]] = {
    "en": ("English", "en"),
    "zh-HK": ("繁體中文", "zh_Hant_HK"),
    "zh-CN": ("简体中文", "zh_Hans_CN"),
}
DEFAULT = "en"
_current: ContextVar[str] = ContextVar("language", default=DEFAULT)


def use(language: str) -> str:
    """Make ``language`` (a code of :data:`LANGUAGES`, else the default) the current run's; returns the code used."""
    code = language if language in LANGUAGES else DEFAULT
    _current.set(code)
    return code


def current() -> str:
    """The code of the current run's language."""
    return _current.get()


def babel_locale(language: str | None = None) -> str:
    """Babel's locale for ``language`` (the current one by default): ``zh_Hant_HK``."""
    return LANGUAGES.get(language or current(), LANGUAGES[DEFAULT])[1]


def from_tag(tag: str | None) -> str | None:
    """The app's language for a language tag written any usual way ("zh-HK", "zh_Hant_HK", "zh-TW", "ZH-cn",
    "en-GB", "english"), or None when it names no language offered here ("fr")."""
    low = (tag or "").strip().replace("_", "-").lower()
    exact = {code.lower(): code for code in LANGUAGES} | {name.lower(): code for code, (name, _l) in LANGUAGES.items()}
    if low in exact:
        return exact[low]
    if low == "english" or low.split("-")[0] == "en":
        return "en"
    return from_browser(low) if low.split("-")[0] == "zh" else None


def from_browser(tag: str | None) -> str:
    """The app's language for a browser's preferred language tag ("zh-TW", "zh-Hans", "zh-CN", "en-GB", ...)."""
    tag = (tag or "").replace("_", "-").lower()
    if not tag.startswith("zh"):
        return DEFAULT
    simplified = "hans" in tag or tag in ("zh", "zh-cn", "zh-sg", "zh-my")
    return "zh-CN" if simplified else "zh-HK"


@lru_cache(maxsize=len(LANGUAGES))
def _catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, CATALOGS, languages=[LANGUAGES[language][1]], fallback=True)


def catalog_key() -> tuple[str, int]:
    """What a memo of translated text is keyed on: the run's language and the catalog that serves it (one object per
    language for the life of the process; a test that installs another catalog gets fresh entries)."""
    language = current()
    return language, id(_catalog(language))


def _(message: str) -> str:
    """``message`` in the current run's language (as written when it has no translation)."""
    return _catalog(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a sentence with a count, in the current run's language."""
    return _catalog(current()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs without translating it here: it is translated where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a counted sentence's singular and plural for the catalogs without translating them here: the pair is
    looked up where it is shown, ``ngettext(*pair, count)``."""
    return singular, plural


class Message:
    """A sentence kept in English, with its values, until it is shown: ``str(message)`` (and ``format``, an f-string,
    ``.format(reason=message)``) gives it in the current run's language, a value that is itself a Message put into
    that language too and a day written as the language writes days. Mark the English with :func:`N_`, or a counted
    sentence's two forms with :func:`Nn_` (its ``count`` picks the form):
    ``Message(N_("{symbol} has no rows"), symbol=s)``, ``Message(*Nn_("{count} row", "{count} rows"), count=n)``.

    It compares equal to the text it reads as, and ``"rows" in message`` looks in that text, as a string would."""

    __slots__ = ("text", "plural", "values")

    def __init__(self, text: str, plural: str | None = None, **values: object) -> None:
        self.text, self.plural, self.values = text, plural, values

    def __str__(self) -> str:
        sentence = _(self.text) if self.plural is None else ngettext(self.text, self.plural, int(self.values["count"]))
        return sentence.format(**{name: _shown(value) for name, value in self.values.items()})

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Message({self.text!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Message):
            return (self.text, self.plural, self.values) == (other.text, other.plural, other.values)
        return str(self) == other if isinstance(other, str) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.text)

    def __contains__(self, part: str) -> bool:
        return part in str(self)


def _shown(value: object) -> str:
    """A message's value as the run's language writes it: a day as its dates are written, anything else as text."""
    if isinstance(value, date) and not isinstance(value, datetime):
        from components.locale.formats import date_as  # formats reads this module's language

        return date_as(value, "date")
    return str(value)


def joined(parts: Iterable[object]) -> Message | str:
    """Sentences (strings or messages) as one, "first; second; third", in the language of the run that shows it
    (empty for none)."""
    parts = list(parts)
    if not parts:
        return ""
    return reduce(lambda first, second: Message(N_("{first}; {second}"), first=first, second=second), parts)
