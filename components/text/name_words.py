"""Capitalised words that are not the name of a company a move belongs to: sentence openers, places, months,
institutions and currencies (``NOT_NAMES``), nouns that open a sentence ("Revenue rose 7%", ``COMMON``), the words a
name never starts with (``LEADING``), places (``PLACE_WORDS``) and the words that make a name a source of data
("according to data from Google Finance", ``SOURCE_BEFORE``). Read by :mod:`components.text.entities`."""

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
