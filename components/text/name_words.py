"""Capitalised words that are not the name of a company a move belongs to: sentence openers, places, months,
institutions and currencies (``NOT_NAMES``), nouns that open a sentence ("Revenue rose 7%", ``COMMON``), the words a
name never starts with (``LEADING``), places (``PLACE_WORDS``) and the words that make a name a source of data
("according to data from Google Finance", ``SOURCE_BEFORE``), and the words that point back to a company named
before ("its shares", "the e-commerce giant", "This represented a decrease", ``COMPANY_REF``). Read by
:mod:`components.text.entities`."""

from __future__ import annotations

import re

from components.text import lexicon

NOT_NAMES = frozenset(
    "The A An And But As At In On Of For By From To With While After Before Meanwhile However Shares Stocks It Its "
    "This That These Those Investors Analysts Traders Markets Market Among Top Elsewhere Separately Still Also Over "
    "Under Across Around Despite Amid Following Limiting Leading Other Others Both Some Most Many Several Gains "
    "Losses Overall Hong Kong China Chinese Japan Japanese Beijing Shanghai Shenzhen Taiwan Korea Singapore Asia "
    "Asian Europe European America American U.S. US UK Britain Wall Street Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday January February March April May June July August September October November December "
    "Bloomberg Reuters CNBC Photo Index Mr Ms Dr He She They We I On-year Year Earlier Later Then Now Today "
    "Yesterday Last Next Data Tech Technology Macau Gold Oil Brent Bitcoin Treasury Treasuries Federal Reserve Fed "
    "Dollar Yuan Yen Euro Property Chip AI EV Mainland Global World Emerging Citi Goldman Morgan Nomura Jefferies "
    "Daiwa HKD USD RMB CNY CNH EUR GBP JPY Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Jan. Feb. Mar. Apr. Jun. "
    "Jul. Aug. Sep. Sept. Oct. Nov. Dec.".split())
COMMON = frozenset({w.lower() for w in (*lexicon.FUNDAMENTALS, *lexicon.NOT_PRICE)} | set(
    "gold oil crude copper silver bitcoin bonds treasuries yields futures prices shares stocks equities index".split()))
LEADING = frozenset("The A An Shares Meanwhile But And In On At Among Also of and & de".split())
PLACE_WORDS = frozenset("Hong Kong China Chinese Japan Beijing Shanghai Shenzhen Taiwan Korea Singapore Asia Macau "
                        "US U.S. America Europe India Australia Wall Street".split())
SOURCE_BEFORE = re.compile(r"\b(?:according to|(?:data|figures|numbers) (?:from|compiled by)|compiled by|citing"
                           r"|sourced from)\s(?:(?:data|figures) (?:from|by)\s)?(?:the\s)?$", re.IGNORECASE)
# every form of every move verb (up, down or neutral) that a bare "Shares" or "the giant" is the
# subject of: "Shares dipped 3.15%", "The e-commerce giant sank"
_MOVED = lexicon.alternation(lexicon.inflections(lexicon.UP_VERBS + lexicon.DOWN_VERBS + lexicon.NEUTRAL_VERBS))
# what follows a market's or a place's name in an epithet of a company: "Wall Street's most valuable company rose
# 3.9%", "the world's largest chipmaker", "the index's heaviest stock" (the market it is named after is not what moved)
EPITHET = (r"['’]s (?:(?:most|least|second[- ]most) [\w-]+|[\w-]+est|second[- ][\w-]+est|No\. ?\d)(?: [\w-]+){0,2}? "
           r"(?:company|companies|stock|firm|chipmaker|carmaker|lender|bank|insurer|retailer|group|member|constituent"
           r"|component|name|business)\b")
# a run or a move as the subject, standing for the listing that made it: "The three-day losing streak reduced this
# week's gain to 1.2 per cent" (the index of the sentence before)
_RUN_STREAK = r"[Tt]he (?:[\w-]+[- ])?(?:losing|winning) (?:streak|run)"
_RUN_MOVE = r"[Tt]he (?:rally|sell-?off|rout|slide|slump|rebound|decline|advance|gains|losses)"
RUN_WORDS = rf"{_RUN_STREAK}|{_RUN_MOVE}"
RUN_SUBJECT = (rf"^{_RUN_STREAK}\b|^{_RUN_MOVE}\b(?= (?:has |had )?(?:reduced|cut|trimmed|pared|erased|wiped|lifted"
               r"|pushed|took|brought|left|extended|sent|dragged|broke|snapped|ended)\b)")
COMPANY_REF = re.compile(
    r"\b(?:[Ii]ts|[Tt]heir)(?: [\w.&-]+){0,2}? (?:shares|stock|ADRs|ADSs|share prices?|stock prices?)\b"
    r"|\b(?:[Tt]he|[Tt]his) (?:[\w-]+ )?(?:company|group|firm|giant|stalwart|heavyweight|leader|[\w-]*maker"
    r"|operator|conglomerate|player|designer|retailer|lender|insurer|titan|behemoth|platform)['’]s"
    r"(?: [\w.-]+){0,2}? (?:shares|stock|ADRs|receipts)\b"  # "The e-commerce firm's American depositary receipts"
    r"|\b[Tt]he companys(?: [\w.-]+){0,2}? (?:shares|stock|ADRs|receipts)\b"  # a text whose apostrophes were lost
    r"|\b[Ss]hares (?:of|in) (?:the|this) (?:company|group|firm|(?:[\w-]+ ){0,3}(?:giant|[\w-]*maker|operator|retailer"
    r"|platform|group|company|firm|manufacturer|designer|producer|developer|lender|insurer))\b"
    r"|\b[Tt]he (?:(?:U\.S\.|US|Hong Kong|New York)[- ]listed )?(?:shares|stock)(?: price)?\b|\b[Tt]he share price\b"
    r"|\b[Tt]he (?:highest |lowest |closing |opening )?price\b(?= (?:of|declined|rose|fell|climbed|dropped|slid))"
    r"|(?<!['’]s )(?<!\bits )(?<!\btheir )\b[Ss]hares\b(?= (?:\w+ly )?(?:were|are|have|had|" + _MOVED + r")\b)"
    r"|\b[Tt]he (?:[\w-]+ ){0,3}(?:giant|stalwart|heavyweight|titan|behemoth|conglomerate|[\w-]*maker)\b"
    r"(?=(?:, (?:a|an|the|which|whose)\b[^,;]{0,160},)? (?:has |had |also )?(?:" + _MOVED + r")\b)"  # "The Chinese
    # e-commerce giant lost", "The Silicon Valley chipmaker, a dominant provider of ..., has fallen"
    r"|\b(?:[Tt]he )?(?:[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}|world|market|index|benchmark|nation|country|region)"
    + EPITHET +
    r"|" + RUN_SUBJECT +
    r"|\b[Ii]t\b(?= (?:has |had |have |was |is |also |then |later |earlier |briefly |still |again |now |just )*"
    r"(?:\w+ed|risen|fallen|rose|fell|lost|shed|sank|slid|leapt|hit|won|grown|gained|dropped)\b|"
    r" (?:rose|fell|sank|slid|shed|lost|hit|leapt|spiked|is|was|closed|ended|opened|traded))"
    # opening with the move the last sentence reported: "This is the second consecutive decline" (not "This 12% drop")
    r"|^(?:This|That)(?= (?:is|was|marks|marked) the (?:\w+ )?(?:consecutive|straight|successive)\b| week['’]s "
    r"[\d.,]+ ?(?:%|per ?cent|percent) (?:drop|decline|fall|loss|gain|rise|rally|advance|jump|surge|slump|plunge"
    r"|rebound|slide)\b"
    r"| (?:brought|took|pushed|left|put|lifted|dragged|cut|trimmed|extended|pared|widened|narrowed) (?:its|their) "
    r"| (?:represented|represents|marked|amounted to|meant) an? (?:\w+ )?(?:decrease|increase|decline|drop|gain|rise"
    r"|loss|fall|jump|plunge|slide)\b)")  # "This represented a decrease of $5.36"
RUN_OWNER = re.compile(r"\s(?:for|of|in)\s(?:the\s)?")  # "The five-session losing streak for the S&P 500": whose run
SUB_INDEX_OF = re.compile(r"\bsub-?ind(?:ex|ices|exes) of (?:the )?$", re.IGNORECASE)  # a group of an index's stocks
# a company named as what another holds or sold ("gains from the disposal of Meituan shares"): not what "the stock" of
# a later sentence points back to
HELD_BEFORE = re.compile(r"\b(?:disposal|sale|spin-?off|stakes?|holdings?|investments?|position) (?:of|in) "
                         r"(?:its |the )?$", re.IGNORECASE)
