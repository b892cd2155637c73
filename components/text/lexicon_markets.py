"""The reader's words for markets as a move's subject ("US futures jumped", "crude oil prices sank", "Tokyo finished
lower") and for the places that name them, part of :mod:`components.text.lexicon` (which re-exports them), kept in a
file of their own for size."""

# Nouns that make the subject of a move verb a market ("US futures jumped", "Chinese stocks fell"), so a move
# without a figure is still the day's market move.
MARKET_NOUNS = ("stocks", "stock", "shares", "equities", "index", "indexes", "indices", "benchmark", "gauge",
                "futures", "markets", "market", "bourses", "bourse", "ADRs", "ADSs", "ETF", "ETFs", "notes", "bonds",
                "treasuries", "Treasuries", "yields", "oil", "crude", "gold", "bullion", "dollar", "yuan", "yen",
                "averages", "counters", "names", "sector", "sectors", "blue chips", "heavyweights", "affiliates",
                "makers", "developers", "insurers", "lenders", "miners", "chipmakers", "carmakers", "operators",
                "peers", "companies", "firms", "producers", "banks", "automakers", "retailers", "exporters", "volume",
                "turnover", "yield")
# "Crude oil prices sank", "gold prices extended gains": prices of these are a market's, not consumer prices
PRICED_NOUNS = ("oil", "crude", "gold", "silver", "copper", "metal", "commodity", "commodities", "bond", "stock",
                "share", "bitcoin", "iron ore", "gas")
# A market's city as a move's subject in a regional wrap: "Tokyo finished lower", "Shanghai and Seoul gained"
MARKET_CITIES = ("Tokyo", "Seoul", "Sydney", "Taipei", "Mumbai", "Shanghai", "Shenzhen", "Hong Kong", "Singapore",
                 "London", "Frankfurt", "Paris", "Wellington", "Jakarta", "Manila", "Bangkok", "Kuala Lumpur")
# Places that name a market when a clause names no listing of it ("Mainland Chinese markets were in positive
# territory", "European bourses fell"): the market's code.
MARKET_PLACES: dict[str, tuple[str, ...]] = {
    "CN": (r"[Mm]ainland(?: Chin(?:a|ese))?", r"Shanghai", r"Shenzhen", r"China['’]s (?:stock )?markets?"),
    "JP": (r"Japan(?:['’]s|ese)?", r"Tokyo"), "KR": (r"(?:South )?Korea(?:['’]s|n)?", r"Seoul"),
    "AU": (r"Australia(?:['’]s|n)?", r"Sydney"), "TW": (r"Taiwan(?:['’]s|ese)?", r"Taipei"),
    "IN": (r"India(?:['’]s|n)?", r"Mumbai"), "SG": (r"Singapore(?:['’]s)?",),
    "EU": (r"Europe(?:an|['’]s)?", r"London", r"Frankfurt", r"Paris", r"British", r"German", r"French"),
    "US": (r"U\.S\.", r"US", r"American", r"Wall Street", r"New York"), "HK": (r"Hong Kong(?:['’]s)?",),
}
# Words of an institution's name, never a listing's subject: "the Federal Reserve eased", "the State Council".
INSTITUTION_WORDS = ("Reserve", "Fed", "Bank", "Ministry", "Commission", "Council", "Committee", "Office", "Bureau",
                     "Department", "Government", "Administration", "House", "Congress", "Senate", "Treasury",
                     "Authority", "Monetary", "Court", "Party", "President", "Premier", "Minister", "Governor")
