"""Companies and indices a market report may name: their Yahoo symbols per market and fiscal year ends.

The reader (:mod:`components.text.reader`) turns a name in a sentence into a listing with these
tables: "Hong Kong-listed" picks a company's ``HK`` symbol, "US-listed" or "ADR" its ``US`` symbol,
and a bare name the symbol of the article's own market (or the only one the company has).

A company's fiscal year end matters for "third-quarter" and "fiscal 2025": Alibaba's fiscal year
ends on 31 March, so its fiscal third quarter is October to December. Companies not listed here
report by calendar quarters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Company:
    """A company: the names a text uses for it, its symbol on each market, its fiscal year end."""

    name: str
    aliases: tuple[str, ...]  # regular expressions, matched case-sensitively on word boundaries
    symbols: dict[str, str] = field(default_factory=dict)  # market code ("HK", "US", "CN") -> Yahoo symbol
    fiscal_year_end: int = 12  # the month its fiscal year ends in

    def symbol_for(self, market: str) -> str | None:
        """Its symbol on ``market``, else its only symbol, else None (it trades on several others)."""
        if market in self.symbols:
            return self.symbols[market]
        return next(iter(self.symbols.values())) if len(self.symbols) == 1 else None


@dataclass(frozen=True)
class Index:
    name: str
    pattern: str  # a regular expression (case-sensitive) for the index's names
    symbol: str
    market: str


COMPANIES: tuple[Company, ...] = (
    Company("Alibaba", (r"Alibaba(?: Group)?", r"BABA"), {"HK": "9988.HK", "US": "BABA"}, 3),
    Company("Tencent", (r"Tencent(?: Holdings)?",), {"HK": "0700.HK"}),
    Company("Meituan", (r"Meituan",), {"HK": "3690.HK"}),
    Company("Xiaomi", (r"Xiaomi",), {"HK": "1810.HK"}),
    Company("JD.com", (r"JD\.com", r"JD"), {"HK": "9618.HK", "US": "JD"}),
    Company("Baidu", (r"Baidu",), {"HK": "9888.HK", "US": "BIDU"}),
    Company("NetEase", (r"NetEase",), {"HK": "9999.HK", "US": "NTES"}),
    Company("PDD Holdings", (r"PDD(?: Holdings)?", r"Pinduoduo", r"Temu owner"), {"US": "PDD"}),
    Company("Kuaishou", (r"Kuaishou",), {"HK": "1024.HK"}),
    Company("BYD", (r"BYD",), {"HK": "1211.HK"}),
    Company("NIO", (r"NIO", r"Nio"), {"HK": "9866.HK", "US": "NIO"}),
    Company("Li Auto", (r"Li Auto",), {"HK": "2015.HK", "US": "LI"}),
    Company("XPeng", (r"XPeng", r"Xpeng"), {"HK": "9868.HK", "US": "XPEV"}),
    Company("Lenovo", (r"Lenovo",), {"HK": "0992.HK"}, 3),
    Company("SMIC", (r"SMIC", r"Semiconductor Manufacturing International"), {"HK": "0981.HK"}),
    Company("Trip.com", (r"Trip\.com",), {"HK": "9961.HK", "US": "TCOM"}),
    Company("Bilibili", (r"Bilibili",), {"HK": "9626.HK", "US": "BILI"}),
    Company("Nvidia", (r"Nvidia", r"NVIDIA"), {"US": "NVDA"}, 1),
    Company("Apple", (r"Apple",), {"US": "AAPL"}, 9),
    Company("Microsoft", (r"Microsoft",), {"US": "MSFT"}, 6),
    Company("Alphabet", (r"Alphabet", r"Google"), {"US": "GOOGL"}),
    Company("Meta", (r"Meta Platforms", r"Meta"), {"US": "META"}),
    Company("Amazon", (r"Amazon",), {"US": "AMZN"}),
    Company("Tesla", (r"Tesla",), {"US": "TSLA"}),
)

# Longer names first: "Hang Seng China Enterprises Index" is not the Hang Seng Index.
INDICES: tuple[Index, ...] = (
    Index("Hang Seng China Enterprises Index",
          r"(?:Hang Seng )?China Enterprises(?: Index)?|HSCEI|H-shares? [Ii]ndex", "^HSCE", "HK"),
    Index("Hang Seng Tech Index", r"Hang Seng Tech(?:nology)?(?: Index)?|HSTECH", "^HSTECH", "HK"),
    Index("Hang Seng Index", r"Hang Seng(?: Index)?(?! (?:China|Tech|Bank))|HSI\b", "^HSI", "HK"),
    Index("S&P 500", r"S&P 500|S&P500|Standard & Poor's 500", "^GSPC", "US"),
    Index("Nasdaq Composite", r"Nasdaq(?: Composite)?(?![- ]listed| Golden Dragon| 100)", "^IXIC", "US"),
    Index("Dow Jones Industrial Average", r"Dow Jones(?: Industrial Average)?|the Dow\b", "^DJI", "US"),
    Index("KraneShares CSI China Internet ETF", r"KWEB|KraneShares CSI China Internet(?: ETF)?", "KWEB", "US"),
    Index("Shanghai Composite", r"Shanghai Composite(?: Index)?", "000001.SS", "CN"),
    Index("CSI 300", r"CSI 300(?: Index)?", "000300.SS", "CN"),
    Index("Nikkei 225", r"Nikkei(?: 225)?(?: Stock Average)?", "^N225", "JP"),
)


def _alternation(names: list[str]) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


COMPANY_RE = re.compile(r"(?<![\w.])(?:" + _alternation([a for c in COMPANIES for a in c.aliases]) + r")(?![\w-])")
INDEX_RE = re.compile(r"(?<![\w.])(?:" + "|".join(f"(?:{i.pattern})" for i in INDICES) + r")")


def company_named(text: str) -> Company | None:
    """The company whose alias is exactly ``text`` (as matched by :data:`COMPANY_RE`)."""
    return next((c for c in COMPANIES if any(re.fullmatch(a, text) for a in c.aliases)), None)


def index_named(text: str) -> Index | None:
    """The index whose pattern matches ``text`` exactly."""
    return next((i for i in INDICES if re.fullmatch(i.pattern, text)), None)
