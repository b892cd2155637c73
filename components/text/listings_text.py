"""Which listing a sentence is about, and where the article is written from, read from its words.

"Hong Kong-listed", "shares in Hong Kong" pick a company's Hong Kong symbol; "US-listed",
"New York-listed", "ADR", "on Wall Street" its US symbol; a company named alone takes the symbol
of the article's own market. "The shares", "the stock", "its shares" and "it" point back to the
last listing named. Index names ("Hang Seng Index", "China Enterprises") map to their symbols.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from components.data.listings import COMPANY_RE, INDEX_RE, Company, company_named, index_named

MARKET_CUES = {
    "HK": re.compile(r"Hong Kong[- ]listed|HK[- ]listed|listed in Hong Kong|in Hong Kong|Hong Kong (?:shares|stock"
                     r"|trading|trade)|H[- ]shares?\b"),
    "US": re.compile(r"U\.?S\.?[- ](?:listed|traded)|American[- ]listed|New York[- ]listed|NYSE[- ]listed"
                     r"|Nasdaq[- ]listed|listed in (?:New York|the U\.?S\.?)|in New York|on Wall Street|\bADRs?\b"
                     r"|American depositary|U\.?S\.? shares|in (?:U\.?S\.?|New York) trad(?:e|ing)|pre-?market"),
}
PLACE_CUES = {
    "HK": re.compile(r"\b(?:Hong Kong|Hang Seng|HKEX|(?:Shanghai|Shenzhen) (?:Composite|Component|index|stocks|market)"
                     r"|Asian (?:markets|trade|trading)|HK\$|H-shares?)(?:\b|(?<=\$))"),
    "US": re.compile(r"\b(?:New York(?![- ]listed)|Wall Street(?! Journal)|Nasdaq|NYSE|S&P 500|Dow Jones|the Dow"
                     r"|U\.S\. (?:markets|trading|session)|ADRs?|American depositary|OTCPK|pre-?market|premarket"
                     r"|after-hours|ahead of the bell)\b"),
}
DATELINE_PLACES = {"HONG KONG": "HK", "BEIJING": "HK", "SHANGHAI": "HK", "SHENZHEN": "HK", "SINGAPORE": "HK",
                   "TOKYO": "HK", "NEW YORK": "US", "WASHINGTON": "US", "SAN FRANCISCO": "US", "CHICAGO": "US"}
# "the shares", "its stock", "the tech giant's stock", "it": the last listing named
DEFINITE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)(?: [\w.&-]+){0,2}? (?:shares|stock|ADRs)\b|\b(?:[Tt]he|[Tt]his)"
                      r" (?:company|group|firm|(?:[\w-]+ )?giant|stalwart)['’]s(?: [\w.-]+)?? (?:shares|stock|ADRs)\b"
                      r"|\b[Ii]t (?:has |had |have )?(?:rose|risen|fell|fallen|jumped|gained|lost|climbed"
                      r"|dropped|surged"
                      r"|slid|is up|is down|was up|was down|closed|ended|opened|traded)\b")
# "the index", "the benchmark", "the market": the last index named, else the benchmark of the article's market
INDEX_REF = re.compile(r"\b[Tt]he (?:(?:benchmark|main|broader|blue-chip|key|city's|Hong Kong|tech|tech-heavy) )?"
                       r"(?:index|benchmark|gauge|market(?! (?:value|capitali[sz]ation|share|cap|open|close)\b))\b")
BENCHMARKS = {"HK": ("^HSI", "Hang Seng Index"), "US": ("^GSPC", "S&P 500")}
TECH_INDICES = {"HK": ("^HSTECH", "Hang Seng TECH Index"), "US": ("^IXIC", "Nasdaq Composite")}
_NOT_OWNED = r"(?<![’'-])(?<!['’]s )(?<!\bits )"  # not "Alibaba's Hong Kong shares", "its US stocks"
# a market as a whole, read as its benchmark index ("Hong Kong stocks fell" is the Hang Seng Index)
MARKET_NAMES = (
    (re.compile(_NOT_OWNED + r"\bHong Kong (?:stocks|equities|markets?|shares(?= (?:fell|rose|slid|jumped|closed"
                r"|ended|were|rallied|gained|climbed|advanced|dropped|declined|tumbled|slumped|surged|edged|lost"
                r"|opened|traded|extended)))|\bthe Hong Kong (?:stock )?market|\bHong Kong['’]s (?:stock )?market"),
     "HK"),
    (re.compile(_NOT_OWNED + r"\b(?:U\.S\.|US|American) (?:stocks|equities)|\bWall Street(?! Journal)"
                r"|\bthe U\.?S\.? (?:stock )?market"), "US"),
)
GENERIC = re.compile(r"\b(?:tech|technology|Chinese|China|Hong Kong|Asian|U\.?S\.?|property|bank|internet|EV|chip"
                     r"|consumer|other) (?:stocks|shares|firms|companies|names|sector|peers|rivals)\b")


@dataclass(frozen=True)
class Listing:
    """A listing named in a clause: ``symbol`` is None when the company does not trade on that market."""

    symbol: str | None
    name: str
    market: str
    start: int
    end: int
    rule: str


def article_place(text: str, dateline: str = "") -> tuple[str, str]:
    """The article's market ("HK" or "US") and why: its dateline, else the market it names most."""
    if dateline.upper() in DATELINE_PLACES:
        return DATELINE_PLACES[dateline.upper()], f"the dateline names {dateline.title()}"
    if re.search(r"\b[Oo]vernight\b", text) and MARKET_CUES["US"].search(text):
        return "HK", "it says 'overnight' of a US listing, as an Asian report does"
    counts = {code: len(pattern.findall(text)) for code, pattern in PLACE_CUES.items()}
    if counts["US"] > counts["HK"]:
        return "US", f"it names US markets most ({counts['US']} times against {counts['HK']})"
    if counts["HK"]:
        return "HK", f"it names Hong Kong or mainland markets most ({counts['HK']} times against {counts['US']})"
    return "HK", "no market is named, so the app's home market (Hong Kong)"


def main_company(text: str) -> Company | None:
    """The company the text names most often (the first one on a tie)."""
    names = [company_named(m.group()) for m in COMPANY_RE.finditer(text)]
    counted = Counter(c.name for c in names if c)
    if not counted:
        return None
    best = counted.most_common(1)[0][0]
    return next(c for c in names if c and c.name == best)


def _market_near(clause: str, start: int, end: int) -> tuple[str, str] | None:
    """The market cue closest to a name: after it (within 45 characters) or just before it (within 30)."""
    best = None
    for code, pattern in MARKET_CUES.items():
        for m in pattern.finditer(clause, max(0, start - 30), min(len(clause), end + 45)):
            distance = m.start() - end if m.start() >= end else start - m.end()
            if best is None or distance < best[0]:
                best = (distance, code, m.group())
    return (best[1], best[2]) if best else None


def listings_in(clause: str, place: str, company: Company | None, last: Listing | None,
                last_index: Listing | None = None) -> list[Listing]:
    """Every listing a clause names or points back to, in order of position.

    ``last`` is the last listing of a company the text named (for "the shares", "it"), ``last_index``
    the last index (for "the index"); a market named as a whole is read as its benchmark index."""
    found: list[Listing] = []
    for m in INDEX_RE.finditer(clause):
        index = index_named(m.group())
        if index:
            found.append(Listing(index.symbol, index.name, index.market, m.start(), m.end(), f"'{m.group()}' names it"))
    for m in COMPANY_RE.finditer(clause):
        named = company_named(m.group())
        if named is None or _inside(found, m.start()):
            continue
        found.append(_company_listing(clause, m, named, place))
    found += _references(clause, place, company, last, last_index, found)
    return sorted(found, key=lambda f: f.start)


def _inside(found: list[Listing], position: int, slack: int = 0) -> bool:
    return any(f.start <= position < f.end + slack for f in found)


def _references(clause: str, place: str, company: Company | None, last: Listing | None,
                last_index: Listing | None, found: list[Listing]) -> list[Listing]:
    out: list[Listing] = []
    for pattern, market in MARKET_NAMES:
        for m in pattern.finditer(clause):
            if not _inside(found, m.start()) and market in BENCHMARKS:
                symbol, name = BENCHMARKS[market]
                out.append(Listing(symbol, name, market, m.start(), m.end(), f"'{m.group()}' read as the {name}"))
    for m in INDEX_REF.finditer(clause):
        if _inside(found + out, m.start()):
            continue
        market_named = m.group().endswith("market")  # "the market": the article's market, not the last index
        symbol, name = ((last_index.symbol, last_index.name) if last_index and not market_named
                        else BENCHMARKS.get(place, BENCHMARKS["HK"]))
        if " tech" in m.group().lower():  # "the tech index": the market's technology index
            symbol, name = TECH_INDICES.get(place, TECH_INDICES["HK"])
        out.append(Listing(symbol, name, "HK" if symbol.endswith(("HK", "^HSI", "^HSCE")) else place, m.start(),
                           m.end(), f"'{m.group()}' points to the {name}"))
    for m in DEFINITE.finditer(clause):
        if _inside(found + out, m.start(), 2):
            continue
        cue = _market_near(clause, m.start(), m.end())
        target = (company_named(last.name) if last else None) or company
        if cue and target:
            symbol = target.symbol_for(cue[0])
            out.append(Listing(symbol, target.name, cue[0], m.start(), m.end(),
                               f"'{m.group()}' with '{cue[1]}': {target.name} in {cue[0]}"))
        elif last is not None:
            out.append(Listing(last.symbol, last.name, last.market, m.start(), m.end(),
                               f"'{m.group()}' points back to {last.symbol or last.name}"))
    return out


def _company_listing(clause: str, m: re.Match, company: Company, place: str) -> Listing:
    cue = _market_near(clause, m.start(), m.end())
    if cue:
        return Listing(company.symbol_for(cue[0]), company.name, cue[0], m.start(), m.end(),
                       f"'{cue[1]}' → {company.symbol_for(cue[0]) or 'no listing there'}")
    symbol = company.symbol_for(place)
    market = place if place in company.symbols else next(iter(company.symbols), place)
    rule = (f"{company.name} alone, in a {place} report → {symbol}" if symbol
            else f"{company.name} trades on several markets, none of them {place}")
    return Listing(symbol, company.name, market, m.start(), m.end(), rule)


def is_generic(clause: str) -> bool:
    """Whether a clause's subject is a group of stocks ("Chinese tech stocks"), not one listing."""
    return bool(GENERIC.search(clause))
