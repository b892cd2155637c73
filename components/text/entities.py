"""Who a market report's figures are about: every listing, market, group and reference a clause names.

:func:`mentions` finds, in one clause, in order:

* **indices** by any of their names ("the h-share index", "the Hang Seng"), with or without a symbol ("the Dow");
* **companies** of :mod:`components.data.listings`, with the listing the words around them pick
  ("Hong Kong-listed", "ADRs", "(NYSE:BABA)"), else the article's market;
* **a market as a whole** ("Hong Kong stocks"), read as its benchmark; **groups** ("tech stocks"): no listing;
* **references** ("it", "the shares", "the company's U.S.-listed shares", "the index", "the benchmark"),
  which point back to the last company or index named;
* **other names**: a capitalised name the tables do not know that moved ("China Unicom sank", a headline's "Country
  Garden Falls 5%"): a listing the data do not hold, by name, never another's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from components.data.listings import COMPANY_RE, INDEX_RE, Company, company_named, index_named
from components.locale import _
from components.text import lexicon, name_codes, name_words
from components.text.name_codes import MARKET_CUES
from components.text.name_words import COMMON as _COMMON
from components.text.name_words import COMPANY_REF, EPITHET, LEADING, NOT_NAMES, PLACE_WORDS, RUN_WORDS, SOURCE_BEFORE

BENCHMARKS = {"HK": ("^HSI", "Hang Seng Index"), "US": ("^GSPC", "S&P 500")}
_NOT_OWNED = r"(?<![’'-])(?<!['’]s )(?<!\bits )"  # "Alibaba's Hong Kong shares" is Alibaba, not the market
MARKETS = (
    (re.compile(_NOT_OWNED + r"\b(?:Hong Kong|HK|the city['’]s|the territory['’]s) (?:stocks|equities|shares"
                r"|stock market|share market|market|bourse)\b|\bthe Hong Kong (?:stock |share )?market\b"
                r"|\bHong Kong['’]s (?:stock |share |equity )?(?:markets?|benchmark)\b"
                r"|" + _NOT_OWNED + r"\b(?:[Ss]hares|[Ss]tocks|[Ee]quities) in Hong Kong\b(?![- ]listed)"
                r"|\b(?:gains?|losses|rally|advance|rebound|decline|slide|sell-?off|rout|slump) in Hong Kong\b"
                r"(?![- ]listed| [\w-]+ (?:stocks|shares|names|firms|sector))"  # "Wednesday's gains in Hong Kong"
                r"|\bthe city['’]s (?:stock |share )?(?:(?:main |key |benchmark )?(?:index|gauge)|benchmark|market)\b"
                r"|\b(?:the )?Hong Kong (?:Stock Exchange|stock exchange|bourse)(?= (?:" + lexicon.alternation(sorted(
                    lexicon.verb_directions())) + r")\b)"  # "The Hong Kong Stock Exchange fell sharply": the market
                r"|(?<!\bin )(?<!['’]s )(?<!BOC )\bHong Kong(?= (?:" + lexicon.alternation(sorted(
                    lexicon.verb_directions())) + r")\b)", re.IGNORECASE), "HK"),
    (re.compile(_NOT_OWNED + r"(?<!of )(?<!of small )\b(?:U\.S\.|US|American) (?:stocks|equities|stock markets?)\b"
                r"|\bWall Street(?! Journal|['’]s main)\b|\bthe U\.?S\.? (?:stock )?market\b", re.IGNORECASE), "US"),
)
GROUPS = re.compile(
    _NOT_OWNED + r"\b(?:(?:Chinese|China|Asian|Asia|mainland|global|European|Japanese|emerging|world|regional)"
    r"(?: \w+)? (?:stocks|shares|equities|markets|indices|indexes|bourses|names|counters)"
    r"|(?:tech|technology|property|internet|EV|electric[- ]vehicle|chip|semiconductor|consumer|casino|bank|banking"
    r"|financial|energy|healthcare|biotech|insurance|insurer|developer|real estate|auto|automaker|carmaker|retail"
    r"|gaming|oil|mining|resources|AI|artificial intelligence|software|hardware|solar|airline|brokerage|e-commerce"
    r"|platform|education|utility|utilities|telecom|steel|coal|gold|material|Macau|mega-?cap|large-cap|small-cap"
    r"|growth|value|IT|pharmaceutical|pharma|drug|food|beverage|luxury|shipping|logistics|construction|cement|travel)"
    r"(?: \w+)? (?:stocks|shares|names|firms|companies|sector|sectors|peers|rivals|giants|heavyweights|counters"
    r"|plays|majors|makers|developers|operators|groups|index components)"
    r"|Wall Street['’]s main (?:indexes|indices|averages)|(?:the )?major (?:indexes|indices|averages)"
    r"|(?:the )?(?:top|biggest|best|worst|leading) (?:\w+ )?(?:gainers|losers|performers|decliners|advancers)"
    r"|(?:the )?sub-?ind(?:ex|ices|exes)(?: of the Hang Seng(?: Index)?)?"  # "The sub-index of the Hang Seng tracking
    # properties": a group of its stocks, not the index
    r"|blue[- ]chips|H-shares(?! index)|A-shares|small caps|the sector|the (?:broader )?market['’]s (?:\w+ )?"
    r"(?:stocks|shares)|(?:several|many|some|most|other) (?:\w+ )?(?:stocks|shares|companies|names))\b",
    re.IGNORECASE)
ASSETS = re.compile(lexicon.ASSETS)
INDEX_REF = re.compile(r"\b[Tt]he (?:(?:benchmark|main|broad(?:er)?(?:[- ]market|-based)?|blue-chip|key|city['’]s"
                       r"|Hong Kong|leading|headline|main-board|flagship|wider|overall|entire|whole|large-cap|small-cap"
                       r"|mid-cap|tech-heavy|technology-heavy|\d+-stock|\d+-member)\s)?(?:index"
                       r"|benchmark|gauge"
                       r"|measure|barometer|average)\b(?! (?:of|for|provider)\b)"
                       r"|\b[Tt]he market\b(?! (?:value|capitali[sz]ation|share|cap|open|close|watchdog|regulator)\b)")
# a capitalised name (words, "&", "of", "de" between them) that may be a company the tables do not know
_NAME = r"(?:[A-Z][\w.&'’-]*|[0-9][\w.]*[A-Z][\w.]*)(?:\s(?:of\s|&\s|de\s)?(?:[A-Z][\w.&'’-]*|\d+))*"
NAME = re.compile(r"(?<![\w'’.-])" + _NAME)
_TICKER = r"(?:\s?\((?:[A-Z]{2,7}:\s?[A-Z0-9.]{0,10}|[A-Z0-9.]{1,10})\))?"  # "(NASDAQ:)": a code lost when copied


@dataclass(frozen=True)
class Mention:
    """A name in a clause: ``kind`` is index, company, market, group, company_ref, index_ref or other.

    ``symbol`` is the listing's Yahoo symbol (None: the app has none for it); ``market`` its market code."""

    kind: str
    text: str
    start: int
    end: int
    name: str = ""
    symbol: str | None = None
    market: str = ""
    rule: str = ""
    cue: str = ""  # the words that picked the listing's market ("Hong Kong-listed", "(NYSE:")
    alone: bool = False  # a company named alone: its listing in the article's market


def market_near(clause: str, start: int, end: int) -> tuple[str, str] | None:
    """The market cue closest to a name: after it (within 45 characters) or just before it (within 30)."""
    best = None
    for code, pattern in MARKET_CUES.items():
        for m in pattern.finditer(clause, max(0, start - 30), min(len(clause), end + 45)):
            distance = m.start() - end if m.start() >= end else start - m.end()
            if best is None or distance < best[0]:
                best = (distance, code, m.group())
    return (best[1], best[2]) if best else None


def company_mention(clause: str, m: re.Match, company: Company, place: str) -> Mention:
    cue = market_near(clause, m.start(), m.end())
    if cue:  # "Tencent's ADRs": its listing in that market, which may not exist (no other market's instead)
        symbol = company.symbols.get(cue[0])
        return Mention("company", m.group(), m.start(), m.end(), company.name, symbol, cue[0],
                       _("'{words}' → {symbol}").format(words=cue[1], symbol=symbol) if symbol else
                       _("'{words}' → no listing there").format(words=cue[1]), cue=cue[1])
    symbol = company.symbol_for(place)
    market = place if place in company.symbols else next(iter(company.symbols), place)
    rule = (_("{name} alone, in a {place} report → {symbol}").format(name=company.name, place=place, symbol=symbol)
            if symbol else _("{name} has no listing the article's market ({place}) trades").format(
                name=company.name, place=place))
    return Mention("company", m.group(), m.start(), m.end(), company.name, symbol, market, rule, alone=bool(symbol))


def _taken(found: list[Mention], start: int, end: int) -> bool:
    return any(start < f.end and end > f.start for f in found)


# a thing of a market, not the market: "an index of U.S. stock market volatility", "Hong Kong stock market turnover"
_OF_THE_MARKET = re.compile(r"\s(?:volatility|sentiment|breadth|valuations?|capitali[sz]ation|turnover|regulators?"
                            r"|watchdog|rules|hours)\b", re.IGNORECASE)


def _owned(found: list[Mention], clause: str, start: int) -> bool:
    """Whether a market's words right after a company's name are that company's ("Alibaba Hong Kong shares")."""
    return any(f.kind == "company" and f.end < start and not clause[f.end:start].strip() for f in found)


def mentions(clause: str, place: str) -> list[Mention]:
    """Every index, company, market, group, reference and other name of a clause, in order of position."""
    found: list[Mention] = []
    for m in INDEX_RE.finditer(clause):
        index = index_named(m.group())
        if index and not (found and found[-1].symbol == index.symbol and clause[found[-1].end:m.start()] == " (") \
                and not name_words.SUB_INDEX_OF.search(clause, max(0, m.start() - 24), m.start()):
            found.append(Mention("index", m.group(), m.start(), m.end(), index.name, index.symbol, index.market,
                                 _("'{words}' names the {index}").format(words=m.group(), index=index.name)))
    for m in COMPANY_RE.finditer(clause):
        company = company_named(m.group())
        if company and not _taken(found, m.start(), m.end()) and not _LONGER_NAME.match(clause[m.end():]):
            found.append(company_mention(clause, m, company, place))
    for pattern, market in MARKETS:
        for m in pattern.finditer(clause):
            if not _taken(found, m.start(), m.end()) and not _owned(found, clause, m.start()) \
                    and not _OF_THE_MARKET.match(clause, m.end()) and not _EPITHET.match(clause, m.end()) \
                    and not _WHERE_LISTED.search(clause, 0, m.start()):
                symbol, name = BENCHMARKS[market]
                found.append(Mention("market", m.group(), m.start(), m.end(), name, symbol, market,
                                     _("'{words}': the market as a whole, its benchmark the {index}").format(
                                         words=m.group(), index=name)))
    for kind, pattern in (("group", GROUPS), ("index_ref", INDEX_REF), ("company_ref", COMPANY_REF)):
        for m in pattern.finditer(clause):
            if not _taken(found, m.start(), m.end()) and (kind == "company_ref" or not _EPITHET.match(clause, m.end())):
                found.append(Mention(kind, m.group(), m.start(), m.end(), rule=_("'{words}'").format(words=m.group())))
    found += [Mention("other", m.group(), m.start(), m.end(), m.group(), None, "", _(  # "bitcoin surged past $87,000"
        "'{words}' is not a listing the app has prices for").format(words=m.group()))
        for m in ASSETS.finditer(clause) if not _taken(found, m.start(), m.end())]
    found += _other_names(clause, found)
    found.sort(key=lambda f: f.start)
    return _coded([m for i, m in enumerate(found) if not (i and m.kind == "company_ref" and _OWNED_SHARES.match(
        clause[found[i - 1].end:m.start]) and found[i - 1].kind in ("company", "other"))], clause)


def _coded(found: list[Mention], clause: str) -> list[Mention]:
    """"Alibaba (BABA), Baidu (BIDU)": the code in brackets after a company's name is that name again, and says
    which of its listings is meant (BABA in New York, not 9988 in Hong Kong)."""
    out: list[Mention] = []
    for m in found:
        if out and m.kind == "company" == out[-1].kind and m.symbol and clause[out[-1].end:m.start] == " (" \
                and clause[m.end:m.end + 1] == ")":
            listing = name_codes.listing_coded(out[-1].name, m.text)
            if listing is not None:
                out[-1] = replace(out[-1], symbol=listing[1], market=listing[0], alone=False, rule=_(
                    "'({code})' after the name → {symbol}").format(code=m.text, symbol=listing[1]))
            continue
        out.append(m)
    return out


# "Alibaba Health", "Tencent Music": a company whose name begins with a known one is another company
_LONGER_NAME = re.compile(r"^\s(?!(?:Hong Kong (?:[Ss]hares|[Ss]tock)|Group|Holdings?|Ltd|Inc|Corp|Co|Limited"
                          r"|Shares|Stock|Monday|Tuesday|Wednesday"
                          r"|Thursday|Friday|January|February|March|April|May|June|July|August|September|October"
                          r"|November|December|Jumps?|Rises?|Falls?|Slumps?|Soars?|Surges?|Drops?|Gains?|Leaps?|Tumbles?"
                          r"|Sinks?|Slides?|Rallies|Climbs?|Plunges?|Hits?|Posts?|Says?|Beats?|Misses|Shares|Results"
                          r"|Earnings|Stocks?)\b)[A-Z][a-z]")
# "shares of the company listed on the Hong Kong stock market fell": where it trades, not what moved
_WHERE_LISTED = re.compile(r"\b(?:listed|traded|quoted|trading) (?:on|in) (?:the )?$", re.IGNORECASE)
_EPITHET = re.compile(EPITHET)  # "Wall Street's most valuable company": a company, not the market
_RUN_SUBJECT = re.compile(rf"(?:{RUN_WORDS})$")  # "The rally", "The three-day losing streak": a run
_OWNED_SHARES = re.compile(r"^['’]s(?: [\w.-]+){0,2} $")  # "Alibaba's US-listed shares": the company's own
_SUBJECT_AFTER = re.compile(r"^\s(?:(?:was|were|is|are)\s)?(?:help(?:ing|ed)\s)?(?:to\s)?(?P<lead>lead|led|leading)\s"
                            r"|^" + _TICKER + r"(?:,\s(?:a|an|the|which|whose|one of)\b[^,;]{0,80},)?\s?(?:shares\s|"
                            r"stock\s|ADRs\s)?(?:(?:has|had|have|was|were|is|are|also|then|later|earlier|again|briefly"
                            r"|initially|still|both|all|each|together)\s){0,3}(?P<verb>[a-z]+)|^,?\s(?P<dir>up|down)\b"
                            r"|^\s?\((?P<sign>[+\-−]|up|down)")
_WHICH_MOVED = re.compile(r"^\s?,\s(?:which|who|whose)\s(?:(?:has|had|have|was|were|also|then|saw|seen)\s){0,2}"
                          r"(?:(?:its|their)\s)?(?:(?:stock|shares|share price)\s)?(?P<verb>[a-z]+)")
_OBJECT_BEFORE = re.compile(r"(?:shares|stock|stocks|ADRs) (?:of|in)\s$|(?:led by|including|such as|with|like)\s$")


def _other_names(clause: str, found: list[Mention]) -> list[Mention]:
    """Capitalised names the tables do not know, when a move is theirs ("China Unicom sank 4.5%")."""
    out: list[Mention] = []
    verbs = lexicon.verb_directions()
    for m in NAME.finditer(clause):
        words = m.group().split()
        while len(words) > 1 and words[0] in NOT_NAMES and words[0] not in PLACE_WORDS or words and words[0] in LEADING:
            words = words[1:]
        words = words[:next((i for i, w in enumerate(words) if i and w.lower() in verbs), len(words))]  # a headline's
        while words and words[-1] in ("of", "and", "&", "de"):  # capitals: "Country Garden Falls More Than 5%"
            words = words[:-1]
        if not words or all(re.sub(r"['’]s$", "", w) in NOT_NAMES | PLACE_WORDS or w.isdigit() for w in words) \
                or len(words) > 7 or words[-1].endswith(("-listed", "-based", "-traded")):  # "Friday's", "US-listed"
            continue
        if len(words) == 1 and words[0].lower() in _COMMON:
            continue  # "Revenue rose 7%", "Gold climbed": a noun opening the sentence, not a name
        text = " ".join(words)
        start = m.start() + m.group().find(words[0])
        end = start + len(text)
        if _taken(found + out, start, end) or clause[start:end] != text:
            continue
        coded = _by_ticker(clause, start, end, text)
        if coded is not None:
            out.append(coded)
        elif (_is_subject(clause, end, verbs) or _OBJECT_BEFORE.search(clause[max(0, start - 20):start])) \
                and not SOURCE_BEFORE.search(clause[max(0, start - 40):start]):  # "according to data from X"
            out.append(Mention("other", text, start, end, text, None, "",
                               _("'{words}' is a name the app has no listing for").format(words=text)))
    return out


def _by_ticker(clause: str, start: int, end: int, text: str) -> Mention | None:
    """A name the tables do not know, followed by its code ("3SBIO (01530.HK)", "Futu (NASDAQ:FUTU)"): that listing."""
    coded = name_codes.code_after(clause, end)
    if coded is None:
        return None
    code, symbol, market = coded
    return Mention("company", text, start, end, text, symbol, market,
                   _("'{words}' with its code {code}: {symbol}").format(words=text, code=code, symbol=symbol))


_CAPS = r"[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*)*"
_BETWEEN_NAMES = re.compile(r"^(?:\s?\((?:[A-Z]{2,7}:\s?)?[A-Z0-9.]{1,10}\)|,?\s(?:and|&)\s" + _CAPS + r"|,\s" + _CAPS
                            + r")*")


def _is_subject(clause: str, end: int, verbs: dict[str, int]) -> bool:
    """Whether the name ending at ``end`` is the subject of a move: a verb follows it, past a ticker, other names
    joined to it ("X and Y both surged"), an apposition or "shares", or a direction follows ("Longfor, up 24.73%"), or
    a relative part moves it ("Sands China, which gained", "X, which saw its stock surge", "Y, whose shares fell")."""
    rest = clause[end:end + 160]
    rest = rest[_BETWEEN_NAMES.match(rest).end():]
    head = re.match(r"\s[A-Z][a-z]+", rest)  # a headline's capitals: "Country Garden Falls More Than 5%"
    rest = rest[0] + rest[1].lower() + rest[2:] if head and head.group()[1:].lower() in verbs else rest
    after, which = _SUBJECT_AFTER.match(rest), _WHICH_MOVED.match(rest)
    return bool(after and (after.group("dir") or after.group("sign") or after.group("verb") in verbs
                           or after.group("lead") or after.group("verb") in _MOVES_OTHERS)
                or which and which.group("verb") in verbs)


# "Oracle also pushed the market higher after climbing 6.3%": a name that moved the market is a company that moved
_MOVES_OTHERS = frozenset(lexicon.inflections(lexicon.CAUSE_MOVE_VERBS))


def is_place(text: str) -> bool:
    return text in PLACE_WORDS


RECENT_COMPANIES = 8  # how many companies named a trade word ("the chipmaker") may point back to


@dataclass
class Memory:
    """What a text has named so far, for the references of its next clauses: the last company (or unknown name),
    the last index (or market) and the last of either; the article's market and its main company."""

    place: str
    company: Company | None = None  # the company the article names most
    last_company: Mention | None = None
    last_index: Mention | None = None
    last_subject: Mention | None = None
    recent: list[Mention] = field(default_factory=list)  # the companies named, latest last (a few only)
    coded: dict[str, Mention] = field(default_factory=dict)  # companies named with their exchange code
    main_index: Mention | None = None  # the last index named outside a cause ("after Wall Street's S&P 500 hit ...")
    clauses: int = 0  # clauses read so far
    main_index_at: int = -9  # the clause that named ``main_index``

    def resolve(self, m: Mention, clause: str) -> Mention:
        """A reference as the company or index it points back to (its own words kept); other mentions as they are."""
        if m.kind == "company_ref":
            return self._company(m, clause)
        if m.kind == "index_ref":
            words = m.text.lower()
            other = self.main_index
            if "benchmark" in words and other is not None and self.clauses - self.main_index_at <= 2 and \
                    other.symbol != BENCHMARKS.get(self.place, BENCHMARKS["HK"])[0] and \
                    other.symbol in {symbol for symbol, _name in BENCHMARKS.values()}:
                return replace(other, text=m.text, start=m.start, end=m.end, cue="", alone=False, rule=_(
                    "'{words}' points back to the {index}, a market's benchmark named just before").format(
                    words=m.text, index=other.name))  # "The S&P 500 fell 0.3%. The benchmark index is still up 17%"
            if "benchmark" in words or "market" in words or "broad" in words or self.last_index is None:
                symbol, name = BENCHMARKS.get(self.place, BENCHMARKS["HK"])
                return replace(m, kind="index", name=name, symbol=symbol, market=self.place, cue="", alone=False,
                               rule=_("'{words}': the {index}, the benchmark of the article's market").format(
                                   words=m.text, index=name))
            target = self.main_index or self.last_index  # not an index named only as a cause of the move
            return replace(target, text=m.text, start=m.start, end=m.end, cue="", alone=False,
                           rule=_("'{words}' points back to the {index}").format(words=m.text, index=target.name))
        return m

    def _company(self, m: Mention, clause: str) -> Mention:
        own = name_words.RUN_OWNER.match(clause, m.end) if _RUN_SUBJECT.match(m.text) else None
        named = next((n for n in mentions(clause, self.place) if n.start == own.end()
                      and n.kind in ("index", "company", "market")), None) if own else None
        if named is not None:  # "The five-session losing streak for the S&P 500": the run of the listing it names
            return replace(named, text=m.text, start=m.start, end=m.end, cue="", alone=False, rule=_(
                "'{words}' is a run of the {name} it names").format(words=m.text, name=named.name))
        target = self.last_subject if (m.text.lower() in ("it", "this", "that") or _RUN_SUBJECT.match(m.text)) \
            and self.last_subject is not None else self.last_company
        by_trade = self._by_trade(m)
        target = by_trade or target
        if target is None:
            if self.company is None:
                return m
            target = Mention("company", self.company.name, 0, 0, self.company.name,
                             self.company.symbol_for(self.place), self.place,
                             _("{name}, the company the article names most").format(name=self.company.name))
        if target.kind in ("index", "market"):  # "it" after an index: the index
            return replace(target, text=m.text, start=m.start, end=m.end, cue="", alone=False,
                           rule=_("'{words}' points back to the {index}").format(words=m.text, index=target.name))
        company = company_named(target.name) if target.kind == "company" else None
        cue = market_near(clause, m.start, m.end)
        symbol, market = (company.symbols.get(cue[0]), cue[0]) if company and cue else (target.symbol, target.market)
        return replace(target, text=m.text, start=m.start, end=m.end, symbol=symbol, market=market, cue="", alone=False,
                       rule=_points_back(m.text, target.name, cue[1] if cue and company else "", by_trade is not None))

    def _by_trade(self, m: Mention) -> Mention | None:
        """"The chipmaker's shares" after Nvidia and then Apple: the latest company named whose trade the words
        name, else None."""
        words = set(re.findall(r"[a-z][\w-]*", m.text.lower().replace("maker", " maker")))
        for named in reversed(self.recent):
            company = company_named(named.name)
            if company is not None and words & set(company.trade):
                return named
        return None

    def note(self, m: Mention) -> None:
        """Remember a mention (resolved) as the last company or index named."""
        if m.kind in ("company", "other"):
            self.last_company = self.last_subject = m
            if m.kind == "company" and m.start != m.end:
                self.recent = [r for r in self.recent if r.name != m.name][-(RECENT_COMPANIES - 1):] + [m]
        elif m.kind in ("index", "market"):
            self.last_index = self.last_subject = m

    def read(self, clause: str) -> list[Mention]:
        """A clause's mentions with references resolved, each remembered in turn; a company named once with its
        exchange code ("Alibaba (NYSE:BABA)") keeps that listing where the text later names it alone."""
        out: list[Mention] = []
        for m in mentions(clause, self.place):
            here = next((x for x in reversed(out) if x.kind == "index"), None)
            if m.kind == "index_ref" and here is not None:  # "the S&P/ASX 200 at 8,513, against the benchmark's close"
                m = replace(here, text=m.text, start=m.start, end=m.end, cue="", alone=False, rule=_(
                    "'{words}' points back to the {index}, named before it in its sentence").format(
                    words=m.text, index=here.name))
            m = self.resolve(m, clause)
            if m.kind == "company" and m.cue.startswith("("):
                self.coded[m.name] = m
            elif m.kind == "company" and m.alone and m.name in self.coded:
                coded = self.coded[m.name]
                m = replace(m, symbol=coded.symbol, market=coded.market, alone=False,
                            rule=_("{name}, named earlier with its code '{code}' → {symbol}").format(
                                name=m.name, code=coded.cue, symbol=coded.symbol))
            out.append(m)
            if not name_words.HELD_BEFORE.search(clause, max(0, m.start - 30), m.start):  # "disposal of Meituan shares"
                self.note(m)
            if m.kind in ("index", "market") and not _AS_CAUSE.search(clause[:m.start]):
                self.main_index, self.main_index_at = m, self.clauses
        self.clauses += 1
        return out


def _points_back(words: str, name: str, cue: str, by_trade: bool) -> str:
    """The rule of a reference to a company: "'the company' points back to Alibaba ('ADRs')"."""
    if cue and by_trade:
        return _("'{words}' points back to {name} ('{cue}'), the last company of that trade named").format(
            words=words, name=name, cue=cue)
    if cue:
        return _("'{words}' points back to {name} ('{cue}')").format(words=words, name=name, cue=cue)
    if by_trade:
        return _("'{words}' points back to {name}, the last company of that trade named").format(words=words, name=name)
    return _("'{words}' points back to {name}").format(words=words, name=name)


_AS_CAUSE = re.compile(r"\b(?:after|following|as|amid|because|since|when)\b[^,;]*$", re.IGNORECASE)
LISTING_KINDS = ("index", "company", "market")  # the mentions that are listings (or point to one)
