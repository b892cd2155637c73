"""Fixtures of the language tests: a stand-in catalog that marks every sentence it translates."""

from __future__ import annotations

import gettext
import re

import pytest

from components import locale as L

HAN = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character


class Marking(gettext.NullTranslations):
    """A catalog whose every translation is the English wrapped in ⟦ ⟧ (placeholders kept, so .format() works)."""

    def gettext(self, message):
        return f"⟦{message}⟧"

    def ngettext(self, singular, plural, n):
        return f"⟦{singular if n == 1 else plural}⟧"


@pytest.fixture
def marked(monkeypatch):
    """Hong Kong Chinese through the marking catalog; English stays the real (empty) catalog."""
    real = L._catalog
    monkeypatch.setattr(L, "_catalog", lambda language: Marking() if language == "zh-HK" else real(language))
    L.use("zh-HK")
    yield
    L.use(L.DEFAULT)


@pytest.fixture(autouse=True)
def english_after():
    yield
    L.use(L.DEFAULT)
