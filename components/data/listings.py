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
    trade: tuple[str, ...] = ()  # the words a text calls it by: "the chipmaker", "the iPhone maker", "the lender"

    def symbol_for(self, market: str) -> str | None:
        """Its symbol on ``market``, else its only symbol, else None (it trades on several others)."""
        if market in self.symbols:
            return self.symbols[market]
        return next(iter(self.symbols.values())) if len(self.symbols) == 1 else None


@dataclass(frozen=True)
class Index:
    name: str
    pattern: str  # a regular expression for the index's names, matched regardless of case unless (?-i:...)
    symbol: str | None  # None: an index the app has no symbol for ("not in the data", by name)
    market: str


COMPANIES: tuple[Company, ...] = (
    Company("Alibaba", (r"Alibaba(?: Group(?: Holding(?:s)?)?)?(?: Ltd)?", r"BABA"), {"HK": "9988.HK", "US": "BABA"},
            3, trade=("e-commerce", "ecommerce", "cloud")),
    Company("Tencent", (r"Tencent(?: Holdings)?",), {"HK": "0700.HK"}, trade=("gaming", "social", "wechat", "games")),
    Company("Meituan", (r"Meituan",), {"HK": "3690.HK"}, trade=("delivery", "food-delivery")),
    Company("Xiaomi", (r"Xiaomi(?: Corp)?",), {"HK": "1810.HK"},
            trade=("smartphone", "phone", "handset", "ev", "carmaker", "automaker")),
    Company("JD.com", (r"JD\.com", r"JD"), {"HK": "9618.HK", "US": "JD"},
            trade=("e-commerce", "ecommerce", "retailer")),
    Company("Baidu", (r"Baidu",), {"HK": "9888.HK", "US": "BIDU"}, trade=("search", "robotaxi")),
    Company("NetEase", (r"NetEase", r"Netease"), {"HK": "9999.HK", "US": "NTES"}, trade=("gaming", "games")),
    Company("PDD Holdings", (r"PDD(?: Holdings)?", r"Pinduoduo", r"Temu owner"), {"US": "PDD"},
            trade=("e-commerce", "ecommerce", "temu")),
    Company("Kuaishou", (r"Kuaishou(?: Technology)?",), {"HK": "1024.HK"}, trade=("video", "short-video")),
    Company("BYD", (r"BYD",), {"HK": "1211.HK"}, trade=("carmaker", "automaker", "ev", "car", "battery")),
    Company("NIO", (r"NIO", r"Nio"), {"HK": "9866.HK", "US": "NIO"}, trade=("carmaker", "automaker", "ev", "car")),
    Company("Li Auto", (r"Li Auto",), {"HK": "2015.HK", "US": "LI"}, trade=("carmaker", "automaker", "ev", "car")),
    Company("XPeng", (r"XPeng", r"Xpeng"), {"HK": "9868.HK", "US": "XPEV"},
            trade=("carmaker", "automaker", "ev", "car")),
    Company("Lenovo", (r"Lenovo(?: Group)?",), {"HK": "0992.HK"}, 3, trade=("pc", "computer")),
    Company("SMIC", (r"SMIC", r"Semiconductor Manufacturing International(?: Corp)?"), {"HK": "0981.HK"},
            trade=("chipmaker", "chip", "semiconductor", "foundry")),
    Company("Trip.com", (r"Trip\.com",), {"HK": "9961.HK", "US": "TCOM"}, trade=("travel",)),
    Company("Bilibili", (r"Bilibili",), {"HK": "9626.HK", "US": "BILI"}, trade=("video",)),
    Company("Weibo", (r"Weibo",), {"HK": "9898.HK", "US": "WB"}, trade=("social",)),
    Company("HSBC", (r"HSBC(?: Holdings)?",), {"HK": "0005.HK"}, trade=("lender", "bank", "banking")),
    Company("AIA", (r"AIA(?: Group)?",), {"HK": "1299.HK"}, trade=("insurer", "insurance")),
    Company("Ping An", (r"Ping An(?: Insurance)?",), {"HK": "2318.HK"}, trade=("insurer", "insurance")),
    Company("China Mobile", (r"China Mobile",), {"HK": "0941.HK"}, trade=("carrier", "telecom", "operator")),
    Company("Hong Kong Exchanges", (r"Hong Kong Exchanges(?: and Clearing)?", r"HKEX", r"HKEx"), {"HK": "0388.HK"},
            trade=("exchange", "bourse")),
    Company("Nvidia", (r"Nvidia", r"NVIDIA", r"NVDA"), {"US": "NVDA"}, 1,
            trade=("chipmaker", "chip", "semiconductor", "gpu", "ai-chip", "ai")),
    Company("Apple", (r"Apple",), {"US": "AAPL"}, 9, trade=("iphone", "smartphone", "phone")),
    Company("Microsoft", (r"Microsoft",), {"US": "MSFT"}, 6, trade=("software", "windows")),
    Company("Alphabet", (r"Alphabet", r"Google"), {"US": "GOOGL"}, trade=("search", "google")),
    Company("Meta", (r"Meta Platforms", r"Meta"), {"US": "META"}, trade=("social", "facebook", "social-media")),
    Company("Amazon", (r"Amazon(?:\.com)?",), {"US": "AMZN"}, trade=("e-commerce", "ecommerce", "retailer", "cloud")),
    Company("Tesla", (r"Tesla",), {"US": "TSLA"}, trade=("carmaker", "automaker", "ev", "car")),
    Company("AMD", (r"Advanced Micro Devices", r"AMD"), {"US": "AMD"}, trade=("chipmaker", "chip", "semiconductor")),
    Company("Broadcom", (r"Broadcom",), {"US": "AVGO"}, 10, trade=("chipmaker", "chip", "semiconductor")),
    Company("Intel", (r"Intel",), {"US": "INTC"}, trade=("chipmaker", "chip", "semiconductor")),
    Company("Oracle", (r"Oracle",), {"US": "ORCL"}, 5, trade=("software", "database", "cloud")),
    Company("Salesforce", (r"Salesforce",), {"US": "CRM"}, 1, trade=("software",)),
    Company("Netflix", (r"Netflix",), {"US": "NFLX"}, trade=("streaming", "streamer")),
    Company("TSMC", (r"TSMC", r"Taiwan Semiconductor(?: Manufacturing)?(?: Co)?"), {"US": "TSM", "TW": "2330.TW"},
            trade=("chipmaker", "chip", "semiconductor", "foundry")),
    Company("Ant Group", (r"Ant Group", r"Ant Financial"), {}),
)

# Longer names first: "Hang Seng China Enterprises Index" is not the Hang Seng Index. Patterns are matched without
# regard to case unless marked (?-i:); ``symbol`` None: an index the app has no symbol for (a sector index, or an
# exchange whose calendar it does not keep). A symbol the bundled snapshot lacks is "not in the data" offline and
# fetched from Yahoo when live.
INDICES: tuple[Index, ...] = (
    Index("Hang Seng China Enterprises Index",
          r"Hang Seng China Enterprises(?: Index)?|(?:the )?China Enterprises (?:Index|gauge|index)"
          r"|(?-i:HSCEI|HSCE)|H-shares? (?:index|gauge|benchmark)|(?-i:Chinese H-shares)"
          r"|(?:Hang Seng )?(?:National|State-owned) Enterprises(?: Index| index)?|(?-i:National Index)"
          r"|(?-i:[Tt]he national index)(?! of)", "^HSCE", "HK"),  # a Hong Kong wrap in translation: 國企指數
    Index("Hang Seng Tech Index", r"Hang Seng Tech(?:nology)?(?: Index)?|(?-i:HSTECH|HS Tech|S&T Index)"
          r"|(?:the )?(?:city's )?tech(?:nology)?(?:-heavy)? (?:stock )?(?:index|gauge|sub-index|benchmark)",
          "^HSTECH", "HK"),
    Index("a Hang Seng sector index", r"Hang Seng (?:Composite|Mainland|Properties|Property|Finance|Financials"
          r"|Consumer|Healthcare|Biotech|Utilities|Energy|Industrials|Information|Internet|Commerce|Conglomerates"
          r"|Telecom)\w*(?-i:(?: [A-Z][\w&-]*){0,3})(?: Index| index| sub-index)?"
          r"|Hang Seng (?:index|Index) tracking \w+(?: \w+)? (?:shares|stocks|firms|companies)", None, "HK"),
    # any other index of the family by its full name: "the Hang Seng A-Share Connect 300 Index", "Hang Seng Hong Kong
    # Stock Exchange Shanghai-Shenzhen-Hong Kong Stock Connect China Enterprises Index"
    Index("a Hang Seng index", r"Hang Seng(?-i:(?: (?:[A-Z][\w&-]*|\d+)){1,14} (?:Index|Indexes|Indices))\b", None,
          "HK"),
    Index("Hang Seng Index", r"(?<!HSBC and )(?<!HSBC, )(?<!Standard Chartered and )"  # lenders: Hang Seng Bank
          r"Hang Seng(?: Index| index| benchmark)?(?! and (?:Standard Chartered|HSBC|Bank of|BOC|BEA)\b)"
          r"(?! (?:China|National|Tech|TECH|Bank|Composite"
          r"|Mainland|Propert|Financ|Consumer|Healthcare|Biotech|Utilit|Energy|Industrial|Information|Internet|Commerce"
          r"|Conglomerate|Telecom|(?:index|Index) tracking))|(?-i:HSI|HK50)\b", "^HSI", "HK"),
    Index("an S&P 500 sector index", r"S ?& ?P(?: 500)?(?:['’]s)? (?:financials?|energy|technology|tech|health ?care"
          r"|utilities|materials|industrials|real estate|consumer (?:discretionary|staples)|communication services)"
          r" (?:index|sector|sub-index|group)", None, "US"),
    Index("S&P/ASX 200", r"S ?& ?P/ASX 200|ASX 200|(?-i:ASX)", None, "AU"),
    Index("S&P/NZX 50", r"S ?& ?P[/ ]NZX[- ]?50|NZX[- ]?50", None, "NZ"),
    Index("S&P MidCap 400", r"S ?& ?P (?:MidCap |Mid-?cap )?400", None, "US"),
    Index("S&P SmallCap 600", r"S ?& ?P (?:SmallCap |Small-?cap )?600", None, "US"),
    Index("NYSE Composite", r"NYSE Composite(?: Index| index)?", None, "US"),
    Index("S&P 500", r"S ?& ?P? ?500(?: Index| index)?|Standard (?:&|and) Poor['’]s(?: 500)?(?: Index| index)?"
          r"|(?-i:SPX|US500\b)|S ?& ?P(?![/\w]| (?:MidCap|Mid-?cap|SmallCap|Small-?cap|NZX|\d))", "^GSPC", "US"),
    Index("Nasdaq Golden Dragon China Index", r"Nasdaq Golden Dragon(?: China)?(?: Index| index)?|Golden Dragon"
          r"(?: China)?(?: Index| index)?", "^HXC", "US"),
    Index("Nasdaq 100", r"Nasdaq[- ]100|Nasdaq 100", "^NDX", "US"),
    Index("Nasdaq Composite", r"Nasdaq Composite(?: Index)?|(?:the )?tech-heavy Nasdaq(?: Composite)?"
          r"|(?<!listed on )(?<!listed on the )(?<!traded on )(?<!trades on )(?<!trading on )"  # the exchange
          r"Nasdaq(?![- ]listed| Golden| 100|-100|:|\.\w)", "^IXIC", "US"),
    Index("Dow Jones Industrial Average", r"Dow Joens|Dow Jones(?: Industrial Average| industrials)?"
          r"|(?:blue-chip )?Dow\b", "^DJI", "US"),
    Index("Philadelphia SE Semiconductor Index", r"Philadelphia (?:SE )?Semiconductor (?:index|Index)|PHLX (?:chip"
          r"|semiconductor) index|(?:the )?chip(?:maker)? index|semiconductor index", "^SOX", "US"),
    Index("Russell 2000", r"Russell 2000|small-cap Russell", "^RUT", "US"),
    Index("CBOE Volatility Index", r"(?:CBOE |Cboe )?Volatility Index|(?-i:VIX)|(?:Wall Street['’]s )?fear gauge",
          "^VIX", "US"),
    Index("KraneShares CSI China Internet ETF", r"(?-i:KWEB)|KraneShares CSI China Internet(?: ETF)?", "KWEB", "US"),
    Index("Shanghai Composite", r"Shanghai Composite(?: Index| index)?|Shanghai benchmark", "000001.SS", "CN"),
    Index("Shenzhen Component", r"Shenzhen Component(?: Index| index)?|Shenzhen index", "399001.SZ", "CN"),
    Index("CSI 300", r"CSI 300(?: Index| index)?|CSI300|blue-chip CSI", "000300.SS", "CN"),
    Index("ChiNext", r"ChiNext(?: Index| index| board)?", None, "CN"),
    Index("STAR 50", r"STAR 50|STAR Market", None, "CN"),
    Index("Nikkei 225", r"Nikkei(?: 225)?(?: Stock Average| index| Index)?", None, "JP"),
    Index("Topix", r"Topix", None, "JP"),
    Index("Kospi", r"Kospi(?: index)?", None, "KR"),
    Index("Kosdaq", r"Kosdaq", None, "KR"),
    Index("Taiex", r"Taiex|Taiwan Weighted(?: Index)?", None, "TW"),
    Index("Straits Times Index", r"Straits Times Index|(?-i:STI)", None, "SG"),
    Index("Sensex", r"Sensex|Nifty(?: 50)?", None, "IN"),
    Index("an MSCI index", r"MSCI['’]?s? [\w -]{0,48}? (?:index|Index|gauge)|(?:the )?MSCI [A-Z][\w -]{0,40}(?:Index)",
          None, "XX"),
    Index("a European index", r"(?:STOXX|Stoxx) (?:Europe )?600|Euro Stoxx 50|FTSE 100|(?-i:DAX)|CAC 40", None, "EU"),
)
def _alternation(names: list[str]) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


# Hong Kong's share-class marks follow a name: "Alibaba-W", "Kuaishou-W", "Baidu-SW" (weighted voting rights)
_SHARE_CLASS = r"-(?:W|SW|S|B)\b"
# a legal form after a name ("NVIDIA Corporation", "Tencent Holdings Ltd."): the same company
_LEGAL_FORM = (r"(?:,? (?:Corporation|Corp\.?|Inc\.?|Incorporated|Co\.|Ltd\.?|Limited|plc|PLC|Holdings?|Group)"
               r"(?:(?= )|(?<=\.)|(?![\w-])))*")
COMPANY_RE = re.compile(r"(?<![\w.])(?:" + _alternation([a for c in COMPANIES for a in c.aliases]) + r")(?:"
                        + _SHARE_CLASS + r")?" + _LEGAL_FORM + r"(?![\w-])")
INDEX_RE = re.compile(r"(?<![\w.])(?:" + "|".join(f"(?:{i.pattern})" for i in INDICES) + r")", re.IGNORECASE)


def company_named(text: str) -> Company | None:
    """The company whose alias is exactly ``text`` (as matched by :data:`COMPANY_RE`)."""
    text = re.sub(_LEGAL_FORM + "$", "", re.sub(_SHARE_CLASS + "$", "", text))
    return next((c for c in COMPANIES if any(re.fullmatch(a, text) for a in c.aliases)), None)


def index_named(text: str) -> Index | None:
    """The index whose pattern matches ``text`` exactly."""
    return next((i for i in INDICES if re.fullmatch(i.pattern, text, re.IGNORECASE)), None)
