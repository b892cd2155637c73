"""The exchange code or market a text writes beside a name or a figure: "3SBIO (01530.HK)", "Futu (NASDAQ:FUTU)",
"Alibaba (BABA)", "closing up nearly 13% in New York".

A code after a name the tables do not know makes it that listing; a code after a company the tables know says which of
its listings is meant (BABA in New York, not 9988 in Hong Kong), and so does a market named right after a figure. Read
by :mod:`components.text.entities` and :mod:`components.text.claim_reader`."""

from __future__ import annotations

import re

from components.data.listings import company_named
from components.data.symbols import InvalidSymbol, read_symbol

# the words that place a listing in a market: "Hong Kong-listed", "in New York", "ADRs", "(NYSE:"
MARKET_CUES = {
    "HK": re.compile(r"Hong Kong[- ]listed|HK[- ]listed|listed in Hong Kong|[Ii]n Hong Kong"
                     r"|Hong Kong (?:[Ss]hares|[Ss]tock|trading|trade)"
                     r"|H[- ]shares?\b|\bHKEX:|\(\d{4}\.HK\)|\.HK\b|\(HK:|HK\.\d{4,5}"),
    "US": re.compile(r"U\.?S\.?[- ](?:listed|traded)|American[- ]listed|New York[- ]listed|NYSE[- ]listed"
                     r"|Nasdaq[- ]listed|listed in (?:New York|the U\.?S\.?)|[Ii]n New York|on Wall Street|\bADRs?\b"
                     r"|ADSs?\b|American depositary|American depository|U\.?S\.? shares|in (?:U\.?S\.?|New York) trad"
                     r"(?:e|ing)|\((?:NYSE|NASDAQ|Nasdaq|NasdaqGS):|\.US\b|\((?:NYSE|Nasdaq)\)"),
}
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


def market_after(text: str, end: int) -> tuple[str, str] | None:
    """(market, words) of a market named right after a figure ending at ``end`` ("closing up nearly 13% in New York"),
    else None."""
    for code, pattern in MARKET_CUES.items():
        m = pattern.search(text, end, min(len(text), end + 24))
        if m is not None and text[end:m.start()].strip().lower() in ("", "in", "on", "in the", "on the"):
            return code, m.group()
    return None


def listing_coded(name: str, code: str) -> tuple[str, str] | None:
    """(market, symbol) of the listing of the company ``name`` that ``code`` spells ("BABA", "9988"), else None."""
    company = company_named(name)
    wanted = code.upper().lstrip("0")
    return next(((market, symbol) for market, symbol in (company.symbols.items() if company else ())
                 if symbol.upper().split(".")[0].lstrip("0") == wanted), None)
