"""The exchange code a text writes beside a name: "3SBIO (01530.HK)", "Futu (NASDAQ:FUTU)", "Alibaba (BABA)".

A code after a name the tables do not know makes it that listing; a code after a company the tables know says which of
its listings is meant (BABA in New York, not 9988 in Hong Kong). Read by :mod:`components.text.entities`."""

from __future__ import annotations

import re

from components.data.listings import company_named
from components.data.symbols import InvalidSymbol, read_symbol

_CODE = re.compile(r"^\s?\((?P<code>(?:HKEX|SEHK|HK|NYSE|NASDAQ|Nasdaq|NasdaqGS)\s?:\s?[A-Z0-9.]{1,10}|\d{4,5}\.HK)\)")


def code_after(clause: str, end: int) -> tuple[str, str, str] | None:
    """(the code as written, its symbol, its market) of an exchange code in brackets right after ``end``, else None."""
    m = _CODE.match(clause[end:end + 24])
    if m is None:
        return None
    try:
        symbol = read_symbol(m.group("code")).symbol
    except InvalidSymbol:
        return None
    return m.group("code"), symbol, "HK" if symbol.endswith(".HK") else "US"


def listing_coded(name: str, code: str) -> tuple[str, str] | None:
    """(market, symbol) of the listing of the company ``name`` that ``code`` spells ("BABA", "9988"), else None."""
    company = company_named(name)
    wanted = code.upper().lstrip("0")
    return next(((market, symbol) for market, symbol in (company.symbols.items() if company else ())
                 if symbol.upper().split(".")[0].lstrip("0") == wanted), None)
