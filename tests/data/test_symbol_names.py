"""Symbols as people type them, and each symbol's exchange-local name in Chinese."""

from __future__ import annotations

import pytest

from components import locale
from components.data.symbols import KNOWN_SYMBOLS, LOCAL_NAMES, display_name, read_symbol

TYPED = {  # issue 24's formats, and the names people use
    "700": "0700.HK", "00700": "0700.HK", "0700": "0700.HK", "0700.HK": "0700.HK", "HK.00700": "0700.HK",
    "9988": "9988.HK", "09988.HK": "9988.HK", "baba": "BABA", "騰訊控股": "0700.HK", "腾讯控股": "0700.HK",
    "阿里巴巴": "9988.HK", "阿里巴巴-W": "9988.HK", "恒生指數": "^HSI", "恒生指数": "^HSI", "国企指数": "^HSCE",
    "恒生中國企業指數": "^HSCE", "恒生科技指数": "^HSTECH", "英偉達": "NVDA",
}


@pytest.mark.parametrize("typed, symbol", TYPED.items())
def test_symbols_typed_as_people_type_them_resolve(typed, symbol):
    assert read_symbol(typed).symbol == symbol


def test_a_code_or_name_says_what_it_was_read_as_in_the_readers_language():
    assert read_symbol("700").note == "'700' read as 0700.HK (Tencent (Hong Kong)), a Hong Kong stock code"
    locale.use("zh-CN")
    try:
        assert "(腾讯控股)" in read_symbol("HK.00700").note
    finally:
        locale.use("en")
    assert read_symbol("9988.HK").note == ""  # typed as Yahoo writes it: nothing to say


@pytest.mark.parametrize("symbol, traditional, simplified", [
    ("9988.HK", "阿里巴巴-W", "阿里巴巴-W"), ("BABA", "阿里巴巴", "阿里巴巴"), ("^HSI", "恒生指數", "恒生指数"),
    ("^HSCE", "恒生中國企業指數", "恒生中国企业指数"), ("^HSTECH", "恒生科技指數", "恒生科技指数"),
    ("0700.HK", "騰訊控股", "腾讯控股"), ("NVDA", "英偉達", "英伟达"),
])
def test_each_symbol_shows_its_exchange_local_name_in_chinese(symbol, traditional, simplified):
    assert display_name(symbol, "zh-HK") == traditional
    assert display_name(symbol, "zh-CN") == simplified


def test_every_known_symbol_has_a_chinese_name_and_english_is_unchanged():
    assert set(KNOWN_SYMBOLS) <= set(LOCAL_NAMES)
    for symbol, info in KNOWN_SYMBOLS.items():
        assert display_name(symbol, "en") == info.name
        assert display_name(symbol, "zh-HK") != info.name
    assert display_name("3690.HK", "zh-HK") == "3690.HK"  # no local name known: as the app names it in English
    assert set(locale.LANGUAGES) - {locale.DEFAULT} == {"zh-HK", "zh-CN"}  # the two scripts LOCAL_NAMES holds
