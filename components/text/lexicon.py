"""The reader's vocabulary, written once as data: every pattern that reads a market report is built from here.

* **Move verbs** by lemma with the direction they give (+1 up, -1 down, 0 none of its own: "closed",
  "ended"); every inflection comes from lemminflect, plus the variant spellings reporters use ("leaped").
  Verbs that give back what came before ("pared", "erased", "surrendered") take the direction of losing,
  unless their object says otherwise ("pared losses").
* **Direction words** after a figure or a neutral verb ("higher", "down", "in the red").
* **Time of day**: phrases that put a figure before the close (a noon level, "in early trade"),
  the open, and the day's extremes.
* **Periods**: the words that make a figure a week's, a month's or a year's move.
* **Qualifiers** before a figure ("more than", "nearly", "as much as") in the checker's own words.
* **Not a price / fundamentals**: nouns whose figures are turnover, stakes, targets, revenue ....
* **Subordinators** that begin a part of a clause with a subject and a day of its own.
* **Number words and ordinals** ("a four-month low", "a sixth straight session").

Names of companies and indices live in :mod:`components.data.listings` (with their symbols); this module
holds only words. Nothing here imports streamlit or reads a file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllInflections

from components.locale import N_

# --- moves ---------------------------------------------------------------------------------------------
UP_VERBS = ("rise", "jump", "surge", "soar", "gain", "add", "climb", "rally", "advance", "leap", "spike", "pop",
            "rebound", "increase", "grow", "firm", "strengthen", "recover", "bounce", "rocket", "skyrocket",
            "balloon", "zoom", "spring", "shoot", "accelerate", "outperform", "lift", "bump", "mount", "swell",
            "boost", "pick", "charge", "power", "race", "fly", "vault", "pile",  # "piled on 2%"
            "perk", "improve", "collect", "appreciate")  # wire wraps: "perked 0.05 percent", "appreciated 1.3 per cent"
DOWN_VERBS = ("fall", "drop", "slide", "slip", "slump", "tumble", "plunge", "plummet", "sink", "decline", "lose",
              "shed", "retreat", "ease", "dip", "sag", "skid", "crash", "tank", "sag", "weaken", "dive", "nosedive",
              "crumble", "collapse", "fade", "retrench", "underperform", "trail", "lag", "erase", "surrender",
              "pare", "trim", "give", "wipe", "cut", "shave", "knock", "drag", "lower", "contract", "shrink", "slip",
              "stumble", "sour", "wilt", "bleed", "decrease", "crater", "soften", "falter", "swoon", "buckle",
              "sputter", "depreciate")
NEUTRAL_VERBS = ("close", "end", "finish", "settle", "open", "trade", "stand", "hover", "change", "move", "stay",
                 "remain", "log", "post", "record", "mark", "register", "book", "notch", "chalk", "see", "swing",
                 "edge", "inch", "head", "gap", "top", "hit", "reach", "touch", "extend", "tack", "snap", "reverse",
                 "break", "cross", "slice", "fluctuate", "seesaw", "oscillate", "alternate", "waver", "turn", "tick",
                 "wobble")
# up/down by lemma; a verb in both lists ("hit") is neutral, its direction comes from its object
_EXTRA_FORMS = {"leap": ("leaped",), "spring": ("sprang", "sprung"), "shoot": ("shot",), "dive": ("dove",),
                "sink": ("sank", "sunk"), "slide": ("slid",), "bounce": ("bounced",), "lose": ("lost",)}
# a verb that gives back a move is down unless its object is a loss ("pared losses", "erased its decline")
GIVE_BACK = ("erase", "surrender", "pare", "trim", "give", "wipe", "reverse", "snap", "shave", "knock", "cut")
CARRY = ("extend", "add to", "build on", "deepen", "widen", "post", "log", "record", "book", "notch",  # the way of
         "register", "chalk")  # their object: "extended gains" (up), "extended losses" (down)
LOSS_NOUNS = ("loss", "losses", "decline", "declines", "drop", "fall", "slide", "slump", "deficit")
GAIN_NOUNS = ("gain", "gains", "rise", "rally", "advance", "increase", "jump", "surge", "winning streak")

DIRECTION_WORDS: dict[str, int] = {
    "higher": 1, "up": 1, "stronger": 1, "firmer": 1, "in the green": 1, "better": 1, "ahead": 1, "positive": 1,
    "upward": 1, "downward": -1, "in red": -1, "in green": 1,
    "lower": -1, "down": -1, "weaker": -1, "softer": -1, "in the red": -1, "worse": -1, "negative": -1,
    "off": -1, "in negative territory": -1, "in positive territory": 1,
}
DIRECTION_NOUNS: dict[str, int] = {
    **{n: 1 for n in ("gain", "gains", "rise", "rally", "advance", "increase", "jump", "surge", "climb", "rebound",
                      "uptick", "upswing", "spike", "pop", "recovery")},
    **{n: -1 for n in ("loss", "losses", "fall", "drop", "decline", "slide", "slump", "plunge", "dip", "selloff",
                       "sell-off", "retreat", "tumble", "rout", "downturn", "downswing", "correction", "decrease")},
}

# --- time of day ----------------------------------------------------------------------------------------
# A figure with one of these in its stretch was taken before the close: daily bars cannot check it.
DAYPART = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri)day|this) (?:morning|afternoon|midday|lunchtime)"  # "Friday afternoon"
TIME_OF_DAY = (
    r"at (?:mid-?day|noon|the (?:midday|lunch|afternoon|noon)(?: trading)? break|lunch(?:time)?|the break"
    r"|the time of writing)",
    r"at (?:the )?local (?:mid-?day|noon|lunch)(?: trading)?(?: break)?",  # "at local noon trading break"
    r"by (?:mid-?day|noon|lunch(?:time)?|the (?:midday |lunch |afternoon |noon )?(?:trading )?break|mid-?morning"
    r"|the close of the morning)",
    r"(?:in|during|through) (?:the )?(?:recent )?(?:(?:Mon|Tues|Wednes|Thurs|Fri)day(?:['’]s)? )?"
    r"(?:early|morning|mid-?morning|afternoon|late-?morning|midday"
    r"|mid-?session|intraday|opening|first hour(?:'s)?|first half-hour(?:'s)?)"
    r"(?: Asian| European| U\.?S\.?| New York| Hong Kong)? (?:trade|trading|deals|session|dealings|hours?)",
    r"(?:in|during) (?:the )?(?:morning|afternoon)(?: session)?",
    DAYPART,
    r"(?:early|late) in the (?:day|session)", r"mid-?(?:day|session|morning|afternoon)",
    r"(?:the )?first half of (?:the )?(?:session|trading(?: day| session)?|day|trading day)",
    r"(?:the )?(?:morning|midday|lunch|noon)(?: trading)? (?:session|close|break)",  # "half-day": see MORNING_REPORT
    r"(?:the )?afternoon break",
    r"(?:shortly|soon|just|right) after (?:the )?(?:open(?:ing)?(?: bell)?|start of trad(?:e|ing))",
    r"as of \d{1,2}[:.]\d{2}", r"at \d{1,2}(?:[:.]\d{2})?\s?(?:a\.?m\.?|p\.?m\.?)",
    r"\d{1,2}[:.]\d{2}\s?(?:a\.?m\.?|p\.?m\.?|GMT|ET|EST|EDT|HKT|BST|UTC|local time)",
    r"\(\d{3,4} GMT\)", r"\bat \d{3,4} GMT", r"at last check", r"(?:was|were) last (?:up|down|trading|seen|quoted)",
    r"in late Asian trade", r"in early Asian trade", r"so far (?:today|in the session|on \w+day)",
    r"(?:is|are) (?:trading|changing hands|hovering)\b", r"currently (?:trading|up|down|higher|lower)",
    r"(?:is|are) currently\b",
    r"at (?:the|its) (?:morning|session|intraday) (?:high|low|peak)",
    r"(?:morning|afternoon) (?:high|low|peak|trough|gains?|loss|losses|advance|decline|rally|rise|drop)",
    r"by (?:early |late |mid-?)?(?:afternoon|midday|noon|lunch(?:time)?)", r"at the moment", r"at time of writing",
    r"(?:initially|at first|(?:had |have )?earlier) (?:[a-z]+ed|rose|fell|sank|slid|shot|leapt|lost|won)\b",
    r"before (?:recovering|paring|trimming|rebounding|ending|closing)",
    r"briefly (?:hit|hitting|touched|touching|reached|reaching|topped|topping|rose|rising|fell|falling|dipped"
    r"|dipping|climbed|surged|broke|crossed|jumped|spiked|traded|trading|rallied|sank)",
)
OPENING_BELL = r"the (?:U\.?S\.? |New York |Wall Street )?(?:opening )?bell"  # "the U.S. opening bell", "the bell"
EXTENDED = (r"pre-?market", r"after-?hours", r"extended(?:-hours)? trad(?:e|ing)", r"after the (?:closing )?bell",
            r"(?:before|ahead of) " + OPENING_BELL, r"off-hours",  # "overnight trade": the regular one
            r"futures", r"gr[ae]y[- ]market", r"(?:on track|set|poised|indicated|expected) to open",
            r"contracts? for differences?", r"\bCFDs?\b")
CLOSING = (r"clos(?:ed|ing|es|e)", r"end(?:ed|ing|s)?", r"finish(?:ed|ing|es)?", r"settl(?:ed|ing|es|e)",
           r"at the close", r"by the close", r"at the final bell")
OPENING = (r"open(?:ed|s|ing)?\b", r"at the open(?:ing)?", r"at the start of trad(?:e|ing)", r"out of the gate")
HIGH_WORDS = ("high", "peak", "top", "intraday high", "session high", "day's high", "daily high")
LOW_WORDS = ("low", "trough", "bottom", "intraday low", "session low", "day's low", "daily low")
# a moment of the session, which need not be its extreme: "at one point dropping 2,981 points"
AT_A_MOMENT = r"\b(?:at (?:one|some) (?:point|stage|moment)|briefly)\b"
# not "closing at its low"
INTRADAY_EXTREME = (r"as much as", r"up to", r"by as much as", r"as (?:high|low) as", r"at one (?:point|stage|moment)",
                    r"(?<!closed )(?<!closing )(?<!ended )(?<!ending )(?<!finished )(?<!finishing )(?<!settled )"
                    r"(?<!settling )at (?:its|the) (?:peak|high|low|lowest|highest)", r"intraday",
                    r"during the (?:trading )?(?:session|day)", r"in the session", r"temporar(?:y|ily)")

# --- periods --------------------------------------------------------------------------------------------
# "up 0.6% for the week": the figure is the period's move (period kind -> words)
PERIOD_WORDS: dict[str, tuple[str, ...]] = {
    "week": (r"(?:for|over|on|in) the week", r"this week",
             r"(?:for|over|during) the (?:holiday-shortened |shortened |trading )?week",
             r"(?:in|during|over) a (?:holiday[- ])?shortened week", r"week[- ]to[- ]date", r"weekly", r"last week",
             r"(?:for|over|in) the past week", r"(?:this|the) week's", r"week[- ](?:on|over)[- ]week", r"w/w"),
    "month": (r"(?:for|over|in|on|throughout) the (?:whole |entire )?month", r"this month", r"month[- ]to[- ]date",
              r"monthly", r"month[- ](?:on|over)[- ]month",
              r"(?:so far )?in (?:January|February|March|April|May|June|July|August|September|October|November"
              r"|December)"),
    "quarter": (r"(?:for|over|in) the quarter", r"this quarter", r"quarter[- ]to[- ]date", r"quarterly"),
    "year": (r"(?:for|over|in|on|throughout) the (?:full |whole |entire )?year",
             r"this year", r"year[- ]to[- ]date", r"so far this year",
             r"\bYTD\b", r"since the (?:start|beginning|turn) of (?:the|this) year", r"in 20\d\d", r"for 20\d\d",
             r"yearly", r"annual(?:ly)?", r"(?:this|the) year's", r"in the new year", r"over 20\d\d"),
    "span": (r"(?:over|in|during) the (?:past|last|previous|prior|preceding) \w+ (?:trading )?(?:days|sessions|weeks"
             r"|months|years)",
             r"since \w+", r"from (?:a|its) \w+ low", r"this decade", r"(?:over|in) \w+ (?:sessions|days)"),
}
from components.text.lexicon_qualifiers import QUALIFIERS  # noqa: E402,F401 (in their own file)
from components.text.lexicon_runs import STREAK  # noqa: E402,F401 (runs of sessions, in their own file)

# assets a market story quotes beside stocks, which the price data do not hold
ASSETS = (r"\b(?:[Bb]itcoin|[Ee]ther(?:eum)?|[Gg]old(?= (?:prices?|futures|rose|fell|climbed|jumped|slipped|"
          r"dropped|surged|hit|traded|was|is|gained|lost|rallied)\b)|[Ss]ilver(?= (?:prices?|futures)\b)"
          r"|(?:Brent|U\.S\.|WTI) crude(?: oil)?(?: futures)?|[Cc]rude oil(?: futures)?|[Oo]il prices"
          r"|(?:the )?(?:benchmark )?10-year (?:Treasury |U\.S\. )?(?:note )?yield|Treasury yields?)\b")

# --- not a price ----------------------------------------------------------------------------------------
NOT_PRICE = {
    "turnover": N_("turnover (the value traded), not a price"), "volume": N_("trading volume, not a price"),
    "market value": N_("a market value, not a price"), "market capitalisation": N_("a market value, not a price"),
    "market capitalization": N_("a market value, not a price"), "market cap": N_("a market value, not a price"),
    "valuation": N_("a valuation, not a price"), "price tag": N_("a market value, not a price"),
    "stake": N_("a holding, not a price"), "holding": N_("a holding, not a price"),
    "holdings": N_("a holding, not a price"), "price target": N_("an analyst's target, not a price"),
    "target price": N_("an analyst's target, not a price"), "target": N_("an analyst's target, not a price"),
    "tariff": N_("a tariff, not a price"), "tariffs": N_("a tariff, not a price"), "levy": N_("a levy, not a price"),
    "levies": N_("a levy, not a price"), "duty": N_("a duty, not a price"), "duties": N_("a duty, not a price"),
    "tax": N_("a tax, not a price"), "rate": N_("a rate, not a price"), "yield": N_("a yield, not a price"),
    "weighting": N_("an index weighting, not a price"), "weight": N_("an index weighting, not a price"),
    "share of": N_("a share of something, not a price"), "market share": N_("a market share, not a price"),
    "premium": N_("a premium, not a price"), "discount": N_("a discount, not a price"),
    "inflation": N_("inflation, not a price"), "GDP": N_("economic growth, not a price"),
    "unemployment": N_("unemployment, not a price"), "dividend": N_("a dividend"),
    "buyback": N_("a buyback, not a price"), "short interest": N_("short interest, not a price"),
    "probability": N_("a probability, not a price"), "chance": N_("a probability, not a price"),
    "odds": N_("a probability"), "poll": N_("a poll, not a price"), "ownership": N_("a holding, not a price"),
    "position": N_("a holding, not a price"), "interest rate": N_("a rate, not a price"),
    "range": N_("a price range, not a price that traded"), "options": N_("an options-implied move, not a price"),
    **{w: N_("a constituent's contribution to an index's move, not a price") for w in (
        "contributor", "contributors", "contribution", "contributions", "contributing", "contributed")},
    "policy rate": N_("a rate, not a price"), "retail sales": N_("an economic figure, not a price"),
    "industrial output": N_("an economic figure, not a price"), "exports": N_("an economic figure, not a price"),
    "imports": N_("an economic figure, not a price"), "outflows": N_("a fund flow, not a price"),
    "inflows": N_("a fund flow, not a price"), "net buying": N_("a fund flow"), "net selling": N_("a fund flow"),
    "consumer prices": N_("an economic figure, not a price"), "crude": N_("an oil price, which the app does not hold"),
    "barrel": N_("an oil price, which the app does not hold"), "Brent": N_("an oil price, which the app does not hold"),
    "producer prices": N_("an economic figure, not a price"), "PMI": N_("an economic figure, not a price"),
    "lending": N_("an economic figure, not a price"), "loans": N_("an economic figure, not a price"),
}
FUNDAMENTALS = ("revenue", "revenues", "sales", "income", "profit", "profits", "earnings", "EBITA", "EBITDA",
                "margin", "margins", "cash flow", "net loss", "operating loss", "orders", "shipments", "users",
                "customers", "spending", "PMI", "manufacturing", "factory activity", "exports", "imports", "inflation",
                "unemployment", "expansion", "contraction",
                "capex", "capital expenditure", "guidance", "forecast", "forecasts", "estimate", "estimates",
                "expectations", "growth", "GMV", "bookings", "subscribers", "EPS", "net profit",
                "operating profit", "top-line", "bottom line", "deliveries", "sales volume", "outlook")
# a comparison with a year before measures a business, never a share price ("up 2% year-on-year")
YEAR_ON_YEAR = ("year-on-year", "year on year", "year-over-year", "from a year earlier", "from a year ago", "y/y",
                "yoy", "annual", "annually", "on-year", "on the year before", "from the previous year")
# a price someone expects, not one that traded: "can carry the S&P to 4,300", "could fall to HK$80"
FORECAST = (r"(?:can|could|(?-i:may)|might|will|would|should|to) (?:\w+ ){0,3}(?:carry|take|push|lift|send|drive|fall"
            r"|rise|drop|climb|reach|hit|test|go|head|trade|gain|lose|rally|slide)",
            r"\b(?:target|forecast|projected|expected|(?<!has )(?<!had )seen) (?:[\w&'’-]+ ){0,7}(?:at|of|to|by)\b",
            r"\bupside to", r"\bdownside to", r"\b(?:poised|on (?:track|course|pace)|set|headed|heading) (?:to|for) "
            r"(?:end|finish|close|post|log|book|record|notch) (?:the|its|their) (?:year|month|week|quarter)",
            r"\bheading (?:towards?|for)\s+$")  # "is now heading towards $174 per share"
FUNDAMENTALS_REASON = N_("fundamentals (revenue, profit, growth, estimates) are not in price data")
# "beat analysts' estimates": a claim about fundamentals with no figure of its own
BEAT = (r"(?:beat|beats|beating|missed|misses|topped|exceeded|surpassed|fell short of|came in (?:well )?(?:ahead of"
        r"|above|below|short of)|(?:above|below|ahead of))\b(?: [\w']+){0,4}? (?:estimates|expectations|forecasts"
        r"|consensus|projections|what (?:analysts|the Street|the market) (?:had )?expected)\b",)

# --- clause structure -----------------------------------------------------------------------------------
SUBORDINATORS = ("after", "before", "following", "as", "while", "when", "whereas", "amid", "despite", "ahead of",
                 "because", "since", "once", "on", "with", "even as", "even though", "although", "though",
                 "thanks to", "due to", "helped by", "driven by", "led by", "dragged by", "weighed down by")
# a part with its own figures: "..., while X rose 2%", "...; Y fell 1%", "..., and Z added 3%"
CLAUSE_BREAKS = (r";", r",\s(?:while|whereas|but|and|as|with|even as)\s", r"\s(?:while|whereas)\s", r"\.\s")

# --- numbers as words -----------------------------------------------------------------------------------
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "single": 1, "half": 0.5, "dozen": 12,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "twentieth": 20,
}
UNITS_IN_DAYS = {"day": 1, "session": 1, "week": 7, "month": 30, "quarter": 91, "year": 365, "decade": 3652}


def _forms(lemma: str) -> set[str]:
    found = {form for forms in getAllInflections(lemma, upos="VERB").values() for form in forms}
    return found | {lemma} | set(_EXTRA_FORMS.get(lemma, ()))


@lru_cache(maxsize=1)
def verb_directions() -> dict[str, int]:
    """Every inflected form of every move verb with its direction (0 for neutral and two-way verbs)."""
    out: dict[str, int] = {}
    for lemmas, sign in ((NEUTRAL_VERBS, 0), (UP_VERBS, 1), (DOWN_VERBS, -1)):
        for lemma in lemmas:
            for form in _forms(lemma):
                out[form] = 0 if form in out and out[form] != sign else sign
    return out


@lru_cache(maxsize=1)
def verb_lemmas() -> dict[str, str]:
    """Every inflected form of every move verb, with its lemma."""
    return {form: lemma for lemmas in (NEUTRAL_VERBS, UP_VERBS, DOWN_VERBS) for lemma in lemmas
            for form in _forms(lemma)}


def alternation(words) -> str:
    """A regular-expression alternation of ``words`` (already patterns), longest first."""
    return "|".join(sorted(words, key=len, reverse=True))


def words_pattern(words, flags: int = re.IGNORECASE) -> re.Pattern:
    """Plain words (escaped) as one alternation on word boundaries; without IGNORECASE a lower-case word also
    matches capitalised where no word stands before it ("Revenue rose"), not in a name ("Tencent Holdings")."""
    words = list(words)
    capitals = [] if flags & re.IGNORECASE else [w[:1].upper() + w[1:] for w in words if w[:1].islower()]
    either = alternation([re.escape(w) for w in words]) + (
        r"|(?<![A-Za-z]\s)(?:" + alternation([re.escape(w) for w in capitals]) + ")" if capitals else "")
    return re.compile(r"(?<![\w-])(?:" + either + r")(?![\w-])", flags)


def patterns(pieces, flags: int = re.IGNORECASE) -> re.Pattern:
    """Regular-expression pieces as one alternation on word boundaries where they begin and end with a word (a
    letter, or a group): "ended" is never found inside "extended"."""
    return re.compile(r"(?:" + alternation(_bounded(p) for p in pieces) + r")", flags)


def _bounded(piece: str) -> str:
    head = r"(?<![A-Za-z])" if re.match(r"[A-Za-z(]", piece) else ""
    tail = r"(?![A-Za-z])" if re.search(r"(?:[A-Za-z]|(?<!\\)\)[?*]?)$", piece) else ""
    return head + "(?:" + piece + ")" + tail


@lru_cache(maxsize=1)
def move_verb_re() -> re.Pattern:
    return words_pattern(verb_directions())


def number_word(word: str) -> int | None:
    """3 for "three", "third", "3rd" or "3"; None otherwise."""
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return int(NUMBER_WORDS[word]) if NUMBER_WORDS[word] >= 1 else None
    if word in ORDINALS:
        return ORDINALS[word]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(m.group(1)) if m else None


# --- events ---------------------------------------------------------------------------------------------
# markets as a move's subject and the places that name them, in their own file
from components.text.lexicon_markets import INSTITUTION_WORDS as INSTITUTION_WORDS  # noqa: E402
from components.text.lexicon_markets import MARKET_CITIES as MARKET_CITIES  # noqa: E402
from components.text.lexicon_markets import MARKET_NOUNS as MARKET_NOUNS  # noqa: E402
from components.text.lexicon_markets import MARKET_PLACES as MARKET_PLACES  # noqa: E402
from components.text.lexicon_markets import PRICED_NOUNS as PRICED_NOUNS  # noqa: E402

# Move verbs that say a market moved without a figure ("US futures jumped", "Nvidia closed at $674"): the plain
# moves of the verb lists, not those that also report or cause ("added that", "cut forecasts", "lifted rivals").
VERBAL_MOVE_VERBS = ("rise", "jump", "surge", "soar", "gain", "climb", "rally", "advance", "leap", "spike", "pop",
                     "rebound", "firm", "recover", "bounce", "rocket", "skyrocket", "zoom", "outperform", "buoy",
                     "fall", "drop", "slide", "slip", "slump", "tumble", "plunge", "plummet", "sink", "decline",
                     "shed", "lose", "retreat", "ease", "dip", "sag", "skid", "crash", "tank", "weaken", "dive",
                     "nosedive", "crumble", "collapse", "fade", "underperform", "stumble", "close", "end", "finish",
                     "perk", "soften", "falter", "swoon", "buckle", "sputter", "tick", "erase", "pare", "extend",
                     "open", "settle", "edge", "inch", "hover", "trade", "strengthen", "wobble", "swing", "hit",
                     "reach", "record", "total")  # "Main board turnover recorded 75.1 billion yuan"
CLOSURE = r"\b(?:is|are|was|were|be|been|remains?|remained|stays?|stayed)(?: also)? (?:closed|shut)\b"  # a holiday
# A copula with a direction: "European markets were down", "U.S. bourses were mixed", "were broadly lower".
COPULA_MOVES = (r"(?:was|were|is|are|ended|closed|finished|traded|stayed|remained)(?: also| [a-z]+ly)? "
                r"(?:up|down|higher|lower|mixed|flat|little changed|unchanged|in the red|in the green"
                r"|in (?:positive|negative) territory|firmer|weaker|stronger|softer)\b")
# A subject that "led gains", "saw a sell-off", "extended losses": a move said with its noun.
NOUN_MOVES = (r"(?:led|saw|posted|logged|booked|extended|suffered|registered|recorded|notched|staged|made|delivered) "
              r"(?:the |a |an |its |their |broad |sharp |steep |modest |strong |notable |big |heavy |further "
              r"|dramatic |double-digit |single-digit |percentage |(?:one|two|three|four|five)-day )*"
              r"(?:gains|losses|gain|loss|sell-?off|rally|rebound|advance|decline|declines|slide|drop|retreat|reversal"
              r"|\w+ (?:weekly|monthly|daily) (?:gain|loss|advance|decline)|(?:weekly|monthly) (?:gain|loss))\b"
              r"|led (?:the )?(?:market|index|benchmark|gauge|sector) (?:lower|higher)\b"
              # a run the session ended: "Tencent Holdings snapped a six-day slump"
              r"|(?:snapped|ended|broke|halted|stopped) (?:a|an|its|their|the) (?:[\w-]+ ){0,2}"
              r"(?:streak|slump|slide|skid|rally|run|decline|rout)\b")
# Words between a subject and its verb that are not the subject: "shares were also falling", "kept trading".
AUXILIARIES = ("was", "were", "is", "are", "has", "have", "had", "been", "also", "kept", "continued to", "still",
               "then", "again", "too", "all", "both", "each", "sharply", "slightly", "broadly", "nervously",
               "steadily", "further", "initially", "largely", "mostly", "later", "earlier", "themselves", "failed to",
               "struggled to", "managed to", "tried to", "did not", "didn't", "could not", "couldn't")
# Verbs that report news: a clause with one and no date is an event listed without a day (never the publication
# date). Inflections come from lemminflect like the move verbs'.
NEWS_VERBS = ("say", "report", "announce", "estimate", "vow", "pledge", "warn", "concede", "caution", "call",
              "flag", "approve", "unveil", "launch", "release", "reveal", "disclose", "confirm", "post", "issue",
              "prepare", "rush", "plan", "agree", "sign", "cut", "raise", "hike", "suspend", "halt", "ban",
              "impose", "stir", "spark", "trigger", "examine", "probe", "investigate", "review", "make", "acquire",
              "buy", "sell", "invest", "return", "vanish", "resign", "appoint", "name", "hire", "comment",
              "remark", "tell", "urge", "expect", "forecast", "predict", "beat", "miss", "deliver", "hold", "meet",
              "visit", "spot", "relax", "tighten", "reopen", "shut", "resume", "cancel", "delay", "stoke", "fuel",
              "rattle", "dent", "retaliate", "respond", "signal", "award", "fine", "sue", "sanction", "list", "win",
              "send", "deploy", "invade", "mention", "state", "block", "reduce", "lower", "compare", "introduce",
              "implement", "initiate")
# Reporting verbs whose object is what they report: "conceded that revenue had fallen in April" dates the fall,
# not the concession.
REPORTING_VERBS = ("say", "report", "announce", "confirm", "disclose", "reveal", "concede", "warn", "caution",
                   "note", "add", "estimate", "acknowledge", "admit", "explain", "state", "argue", "predict",
                   "signal", "comment", "remark", "tell", "write")
# What a result covers, not when it came out: a quarter after one of these verbs is the result's period.
RESULT_VERBS = ("post", "report", "book", "beat", "miss", "top", "exceed", "surpass", "issue", "release", "deliver",
                "publish", "log")
# A period after these nouns is what a forecast, guidance or a programme covers, never the event's day.
SUBJECT_PERIOD_NOUNS = ("forecast", "forecasts", "guidance", "outlook", "target", "targets", "estimate",
                        "estimates", "programme", "program", "plan", "plans", "budget", "goal", "goals",
                        "projection", "projections", "expectations", "growth")
# Parts that say what happened at the same time as their clause (", while Tencent slid 2%", ", with JD.com up
# 3%"): a move there is the same session; any other part ("after ...", "amid ...") gives a cause of its own.
SIMULTANEOUS_LEADS = ("while", "whereas", "with", "as", "and")
# A cause moving a market: "the plan lifted Chinese tech stocks", "drove futures sharply higher".
CAUSE_MOVE_VERBS = ("lift", "send", "push", "drag", "drive", "boost", "buoy", "hammer", "knock", "pull", "propel")
ASIAN_MARKETS = ("HK", "CN", "JP", "KR", "AU", "TW", "SG", "IN")  # they trade a calendar day before its US session
# Words that place a story in a session: its lead's listing cues, and the US session's own words.
US_SESSION_WORDS = (r"\bpre-?market\b", r"\bahead of " + OPENING_BELL + r"\b", r"\bWall Street\b(?! Journal)",
                    r"\b\d{1,2}(?::\d{2})?\s?[ap]\.?\s?m\.?\s?ET\b", r"\(\d{3,4} GMT\)", r"\bU\.S\. futures\b")
# A US story written before the open ("futures rose in premarket trading"): its closes are the previous session's.
# A lead that looks ahead to a session: the story was written before it opened (a market preview).
PREVIEW = (r"\b(?:figures?|tipped|poised|set|called|looks?|likely|expected) to (?:open|lock in|extend|start|begin"
           r"|split the difference|struggle|rebound|bounce|move higher|move lower|head (?:higher|lower))\b",
           r"\b(?:may|could|might) (?:struggle|have trouble|find (?:support|traction)|open (?:higher|lower))\b",
           r"\b(?:(?-i:may)|could|might) (?!\d|not\b)(?:\w+ ){1,4}(?:on|into) (?:Mon|Tues|Wednes|Thurs|Fri)day\b",
           r"\bdue for (?:a )?(?:consolidation|rebound|pullback|correction)\b",
           # "it's got a positive lead again on Tuesday": the lead into a session still to come (a present tense)
           r"\b(?:got|gets|has) an? (?:\w+ ){0,2}lead (?:again )?(?:on|for|into) "
           r"(?:Mon|Tues|Wednes|Thurs|Fri)day\b",
           r"\b(?:lead|direction|cues?) (?:for|into) (?:Monday|Tuesday|Wednesday|Thursday|Friday)['’]s (?:trade|trading"
           r"|session)\b")
BEFORE_OPEN = (r"\bpre-?market\b", r"\b(?:ahead of|before) " + OPENING_BELL + r"\b", r"\bpre-?open\b")
# A close or an end of trading: "closed at $674", "ended the day 2% higher".
CLOSE_WORDS = (r"\bclos(?:ed|ing)\b", r"\bended\b", r"\bfinished\b", r"\bsettled\b", r"\bat the close\b")
# Named holidays that are periods: (pattern, month, first day, last day) in the publication year.
HOLIDAY_PERIODS = ((r"(?:the )?(?:week-long |weeklong )?Golden Week(?: holidays?)?", 10, 1, 7),
                   (r"(?:the )?(?:week-long |weeklong )?National Day (?:holidays?|Golden Week)", 10, 1, 7),
                   (r"(?:the )?May Day (?:holidays?|Golden Week)", 5, 1, 5))
# The time of day a story was written in: "this morning", "last night", "tonight".
DAY_PARTS = ("morning", "afternoon", "evening", "night")


def inflections(lemmas) -> set[str]:
    """Every inflected form of the verbs ``lemmas`` (lemminflect, with the variant spellings above)."""
    return {form for lemma in lemmas for form in _forms(lemma)}


@lru_cache(maxsize=1)
def said_forms() -> str:
    """An alternation of the reporting verbs as a report is written: their past forms, "says" and "wrote" ("notes",
    "reports" are nouns as often as verbs)."""
    forms = {f for f in inflections(REPORTING_VERBS) if f.endswith(("ed", "aid")) and not f.startswith("tell")}
    return alternation(sorted(re.escape(f) for f in forms | {"says", "wrote"}))
