"""Numeric claims of any article, figure by figure: whose figure it is, which session, and what it measures.

Every figure of a clause (:mod:`components.text.quantities`) becomes an
:class:`~components.analysis.article_claims.ArticleClaim` with a trail of the rules that settled it:

* **whose**: :mod:`components.text.claim_subjects` (the subject of its verb, shared out "respectively",
  attached in brackets, ...); a reference ("its shares", "the index", "the benchmark") points back to the last
  company or index named, and a name the app does not know stays that name: never another company's listing;
* **what it measures** (:data:`MEASURE_RULES`, first match wins): premarket and after-hours, a time of day
  before the close, the open, a ranking or a run of sessions, the day's high or low, a period ("for the week",
  "so far this year"), a level, a change in points, else the day's move; figures of revenue, profit, a stake,
  a target or turnover are not prices;
* **which session**: a day written in the figure's own stretch ("wiping out a 1.3% rise on Wednesday"), else
  its clause's day, else the previous move of its paragraph, else the session the story reports
  (:meth:`~components.text.reader.Reading.story_day`).

A figure whose listing, session or measure no rule settles is still listed, with ``unsure`` saying which and
why: the checker then says "not sure" instead of a verdict.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from components.analysis.article_claims import ArticleClaim
from components.data.listings import company_named
from components.facts import MAX_ARTICLE_CLAIMS
from components.text import claim_periods as P
from components.text import entities as E
from components.text import lexicon as L
from components.text.claim_subjects import Owner, asides, owners
from components.text.quantities import Quantity, quantities
from components.text.reader import MARKET_TZ, Clause, Reading, read_article

PLACES = {"": "read from the text", "HK": "Hong Kong (an Asian report)", "US": "New York (a US report)"}
_EXTENDED = L.patterns(L.EXTENDED)
_TIME_OF_DAY = L.patterns(L.TIME_OF_DAY)
_STORY_INTRADAY = L.patterns(L.STORY_INTRADAY)
_LEAD_INTRADAY = L.patterns(L.LEAD_INTRADAY)
_PREMARKET = re.compile(r"\b(?:pre-?market|futures|ahead of the (?:opening )?bell|before the (?:opening )?bell"
                        r"|ahead of the open)\b", re.IGNORECASE)
_UNTIL_LATER = re.compile(r"^[^;]{0,80}?\b(?:before|until|by)\b(?![^;]{0,80}\b(?:clos|end|finish|settl))[^;]{0,60}",
                          re.IGNORECASE)
_SUBJECT_PART = re.compile(r"\s(?:after|as|while|when|whereas|because|amid|despite)\s(?!\w+ing\b)", re.IGNORECASE)
_MORNING = re.compile(r"\b(?:in|during|by|through) the (?:morning|midday|lunch)(?: session| break| trade| trading)?\b"
                      r"|\bmorning (?:session|trade|trading|high|low)\b|\bat (?:mid-?day|noon)\b", re.IGNORECASE)
_CLOSING = L.patterns(L.CLOSING)
_OPENING = re.compile(r"\b(?:open(?:ed|s|ing)?|at the open(?:ing)?|at the start of trad(?:e|ing))\b(?:[\w\s,]{0,20})$",
                      re.IGNORECASE)
_EXTREME_LEVEL = re.compile(r"\b(?:(?P<w>high|peak|top|low|trough|bottom)s?(?: of| at)?|(?P<v>hit(?:ting)?|touch(?:ed"
                            r"|ing)?|reach(?:ed|ing)?) (?:a |an |its )?(?:[\w-]+ )?(?P<w2>high|low|peak|trough)"
                            r"(?: of| at)?)\s(?:about |around |nearly |almost )?$", re.IGNORECASE)
_AS_MUCH = L.patterns(L.INTRADAY_EXTREME)
_WINDOW = re.compile(r"\b(?P<n>\d{1,3}|\w+)[- ](?P<unit>day|week|month|year)[- ](?:high|low|peak|trough|closing high"
                     r"|closing low)", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:trad(?:ed|ing)|rang(?:ed|ing)|moved|fluctuat(?:ed|ing)|swung|swinging) (?:in a range )?"
                      r"(?:between|from)\s(?:[\d,.]+\s(?P<and>and|to)\s)?$", re.IGNORECASE)
_NOT_PRICE = L.words_pattern(L.NOT_PRICE, 0)
_BEAT = L.patterns(L.BEAT)
_YEAR_ON_YEAR = re.compile(r"^\s?(?:\w+\s)?(?:" + L.alternation([re.escape(w) for w in L.YEAR_ON_YEAR]) + r")\b",
                           re.IGNORECASE)
_FUNDAMENTAL = L.words_pattern(L.FUNDAMENTALS, 0)


@dataclass
class _Story:
    """What the text has said so far: the last company and index named, and a story-wide mid-session marker."""

    reading: Reading
    intraday: str = ""
    before_open: bool = False  # a US story written before the session opened ("futures rose ahead of the bell")
    last_company: E.Mention | None = None
    last_index: E.Mention | None = None
    last_subject: E.Mention | None = None
    claims: list[ArticleClaim] = field(default_factory=list)


@dataclass(frozen=True)
class LoadedArticle:
    """An article a user brought: its text, publication date and market ("" = read from the text)."""

    text: str
    published: dt.date
    place: str = ""

    @property
    def label(self) -> str:
        """A short name: its "Title:" line, else its first line that is not a header line (plain text)."""
        lines = [line.strip() for line in self.text.splitlines()[:40] if line.strip()]
        title = next((line.split(":", 1)[1].strip() for line in lines if line.lower().startswith(("title:",
                                                                                                  "headline:"))), "")
        first = title or next((line for line in lines if not re.match(r"^(?:URL|Source|Published|Date|By)\b\s*:",
                                                                      line, re.IGNORECASE)), "")
        return (first[:70] + ("…" if len(first) > 70 else "")) or "(empty text)"


def claims_of_text(text: str, published: dt.date | str, *, place: str | None = None) -> tuple[Reading,
                                                                                             list[ArticleClaim]]:
    """The text read, and its claims; ValueError for text over the limit or a bad date."""
    reading = read_article(text, published, place=place)
    return reading, read_claims(reading)


def read_claims(reading: Reading) -> list[ArticleClaim]:
    """Every claim of a text already read, in order, at most MAX_ARTICLE_CLAIMS."""
    lead = [c.text for c in reading.clauses if not c.heading][:4]
    marker = next((m.group() for text in lead for m in [_LEAD_INTRADAY.search(text)] if m), "") or next(
        (m.group() for c in reading.clauses[:200] for m in [_STORY_INTRADAY.search(c.text)] if m), "")
    before_open = reading.place == "US" and any(_PREMARKET.search(text) for text in lead)
    story = _Story(reading, marker, before_open=before_open)
    for clause in reading.clauses:
        if len(story.claims) >= MAX_ARTICLE_CLAIMS:
            break
        story.claims += _clause_claims(clause, story)[:MAX_ARTICLE_CLAIMS - len(story.claims)]
    return story.claims


def _clause_claims(clause: Clause, story: _Story) -> list[ArticleClaim]:
    text, place = clause.text, story.reading.place
    found = []
    for m in E.mentions(text, place):
        found.append(_resolved(m, text, story))
        if found[-1].kind in ("company", "other"):
            story.last_company = story.last_subject = found[-1]
        elif found[-1].kind in ("index", "market"):
            story.last_index = story.last_subject = found[-1]
    qs = [q for q in quantities(text) if not (q.kind == "money" and text[max(0, q.start - 1):q.start] == "(")]
    out = [_claim(q, owner, clause, story, len(story.claims) + i) for i, (q, owner) in enumerate(zip(qs, owners(
        text, qs, found)))]
    beat = _BEAT.search(text)
    if beat and not any(c.measure == "fundamental" for c in out):
        out.append(ArticleClaim(f"claim-{len(story.claims) + len(out) + 1:03d}", clause.sentence, beat.group(),
                                "fundamental", sentence_index=clause.sentence_index, reason=L.FUNDAMENTALS_REASON))
    return out


def _resolved(m: E.Mention, text: str, story: _Story) -> E.Mention:
    """A reference as the company or index it points back to (its own words kept)."""
    if m.kind == "company_ref":
        target = story.last_subject if m.text.lower() == "it" and story.last_subject is not None else story.last_company
        if target is None:
            main = story.reading.company
            if main is None:
                return m
            target = E.Mention("company", main.name, 0, 0, main.name, main.symbol_for(story.reading.place),
                               story.reading.place, f"{main.name}, the company the article names most")
        if target.kind in ("index", "market"):  # "it" after an index: the index
            return replace(target, text=m.text, start=m.start, end=m.end, rule=f"'{m.text}' points back to the "
                                                                                f"{target.name}")
        company = company_named(target.name) if target.kind == "company" else None
        cue = E.market_near(text, m.start, m.end)
        symbol, market = (company.symbol_for(cue[0]), cue[0]) if company and cue else (target.symbol, target.market)
        return replace(target, text=m.text, start=m.start, end=m.end, symbol=symbol, market=market,
                       rule=f"'{m.text}' points back to {target.name}" + (f" ('{cue[1]}')" if cue and company else ""))
    if m.kind == "index_ref":
        words = m.text.lower()
        if "benchmark" in words or "market" in words or story.last_index is None:
            symbol, name = E.BENCHMARKS.get(story.reading.place, E.BENCHMARKS["HK"])
            return replace(m, kind="index", name=name, symbol=symbol, market=story.reading.place,
                           rule=f"'{m.text}': the {name}, the benchmark of the article's market")
        last = story.last_index
        return replace(last, text=m.text, start=m.start, end=m.end, rule=f"'{m.text}' points back to the {last.name}")
    return m


def _claim(q: Quantity, owner: Owner, clause: Clause, story: _Story, n: int) -> ArticleClaim:
    base = dict(id=f"claim-{n + 1:03d}", sentence=clause.sentence, quote=q.text, sentence_index=clause.sentence_index,
                value=q.value, decimals=q.decimals, qualifier=q.qualifier, direction=owner.direction,
                subject=owner.subject.text if owner.subject else "")
    settled = _not_a_price(q, owner, clause.text)
    if settled is not None:
        return ArticleClaim(measure=settled[0], reason=settled[1], **base)
    listing, listing_rule, unsure = _listing(q, owner, story, clause.text)
    market = owner.subject.market if owner.subject and owner.subject.market else story.reading.place
    day, day_rule, written = _session(q, clause, story, market)
    measure, reason, measure_rule, unsure_measure = _measure(q, owner, clause, story, day)
    fields = dict(symbol=listing, listing_rule=listing_rule, day=day, day_rule=day_rule, written_day=written,
                  closing=bool(_CLOSING.search(clause.text[max(0, q.start - 30):q.start])), reason=reason,
                  unsure="; ".join(x for x in (unsure, unsure_measure) if x),
                  trail=(f"whose: {owner.rule}", f"listing: {listing_rule}", f"session: {day_rule}",
                         f"measure: {measure_rule}"))
    fields.update(P.period_fields(q, clause, measure, day) if measure in ("period", "period_points", "rank", "streak")
                  else {})
    if measure == "rank":
        fields.update(sign=q.rank_sign or 1, rank_of=q.rank_of or "close")
    if measure == "streak":
        fields.update(sign=q.rank_sign or owner.direction or 1, count=q.count, unit=q.unit)
    return ArticleClaim(measure=measure, **base, **fields)


def _not_a_price(q: Quantity, owner: Owner, text: str) -> tuple[str, str] | None:
    """(measure, reason) for a figure that is no price: an amount, a rate, revenue, a stake, a target, ...."""
    if q.kind == "unread":
        return "unread", f"the number {q.problem}; it is listed, not judged"
    if q.kind == "pace":
        return "fundamental", L.FUNDAMENTALS_REASON
    if q.kind == "rate":
        return "other", "percentage points: a change in a rate, not a price"
    if _YEAR_ON_YEAR.match(text[q.end:q.end + 30]):
        return "fundamental", L.FUNDAMENTALS_REASON + " (a comparison with a year before)"
    for window in _what_it_measures(q, owner, text):
        found = _noun_reason(window)
        if found is not None:
            return found
    if q.kind == "money":
        return "other", "an amount of money (a value, turnover or earnings), not a price"
    return None


def _noun_reason(window: str) -> tuple[str, str] | None:
    noun, fundamental = _NOT_PRICE.search(window), _FUNDAMENTAL.search(window)
    if fundamental and (not noun or fundamental.start() > noun.start()):
        return "fundamental", L.FUNDAMENTALS_REASON
    if noun:
        return "other", L.NOT_PRICE.get(noun.group(), L.NOT_PRICE.get(noun.group().lower(), "not a price"))
    return None


_NOUN_AFTER = re.compile(r"^\s(?:(?:rise|increase|jump|gain|drop|fall|decline|growth|surge|slump)\s(?:in|of)\s)?"
                         r"(?:of\s)?(?:its\s|the\s|their\s|his\s|her\s|annual\s|quarterly\s|total\s)?[\w-]+(?:\s[\w-]+)?")
_PRICE_WORDS = frozenset("shares share stock stocks index indices indexes benchmark gauge adrs adr price level mark "
                         "close points point it".split())


def _what_it_measures(q: Quantity, owner: Owner, text: str) -> list[str]:
    """The words that say what a figure measures, nearest first: the noun right after it ("a 25% stake", "5% of its
    sales"), the aside it stands in ("Tencent, the third-largest weighting ... at 8.1 per cent,"), the nouns right
    before it up to a price word ("turnover of", "a price target of"; not "a jump of"), and the head of its subject
    ("Alibaba's revenue ... rose 9%"), or the words before its verb when no listing is named."""
    after = _NOUN_AFTER.match(text[q.end:q.end + 40])
    out = [after.group() if after else ""]
    inside = next(((a, b) for a, b in asides(text) if a <= q.start < b), None)
    if inside is not None:
        out.append(text[inside[0]:q.start])
    words = re.findall(r"[A-Za-z][\w'’-]*|[,;]", text[max(0, q.start - 60):q.start])
    near = []
    for word in reversed(words):
        if word in ",;" or word.lower() in _PRICE_WORDS or word.lower() in L.DIRECTION_NOUNS \
                or word.lower() in L.verb_directions():
            break
        near.insert(0, word)
    out.append(" ".join(near[-5:]))
    verb = owner.verb
    if owner.subject is not None and verb is not None and owner.subject.end <= verb.start:
        head = text[owner.subject.end:verb.start]
        for a, b in sorted(asides(text), reverse=True):  # "Tencent, the third-largest weighting ..., slipped"
            if owner.subject.end <= a and b <= verb.start:
                head = head[:a - owner.subject.end] + " " + head[b - owner.subject.end:]
        out.append(head)
    elif owner.subject is None and verb is not None:
        out.append(text[max(0, verb.start - 40):verb.start])
    return out


def _currency_near(q: Quantity, text: str) -> str:
    """The currency of a price right after a move ("rose 2% to nearly $75"): it names the listing too."""
    m = re.match(r"^[\s\w,]{0,24}?\bto (?:\w+ )?(HK\$|US\$|\$)\d", text[q.end:q.end + 40])
    return m.group(1) if m else ""


def _listing(q: Quantity, owner: Owner, story: _Story, text: str) -> tuple[str | None, str, str]:
    """(symbol, rule, why unsure) of the figure's subject; a currency picks a dual-listed company's listing."""
    s = owner.subject
    if s is None:
        return None, "no listing is named for this figure", "no listing is named for it"
    if s.kind == "group":
        return None, f"'{s.text}': a group of stocks, no single listing", ""
    if s.kind in ("company_ref", "index_ref"):
        return None, f"'{s.text}' points back to nothing named before", f"'{s.text}' points back to nothing named"
    company = company_named(s.name) if s.kind == "company" else None
    currency = q.currency or _currency_near(q, text)
    if company and currency:
        market = "HK" if currency.startswith("HK") else ("US" if currency in ("$", "US$", "USD") else "")
        if market and company.symbol_for(market) and market in company.symbols:
            return company.symbol_for(market), f"{s.name} in {currency}: {company.symbol_for(market)}", ""
    if s.symbol is None:
        return None, f"{s.rule}; the app has no prices for {s.name or s.text}", ""
    unsure = ""
    defaulted = "no market is named" in story.reading.place_rule and " alone, " in s.rule
    if company and len(company.symbols) > 1 and defaulted:
        unsure = f"{s.name} trades in several markets and the article does not say which"
    return s.symbol, s.rule, unsure


def _session(q: Quantity, clause: Clause, story: _Story, market: str) -> tuple[dt.date | None, str, bool]:
    """The session a figure is about (see the module's docstring), the rule, and whether the day was written."""
    lo, hi = P.stretch(clause.text, q)
    own = [e for e in clause.expressions if e.resolved and not e.is_range and lo <= e.start < hi
           and e.kind in ("absolute", "weekday", "relative", "overnight", "reference", "offset")]
    if own:
        e = min(own, key=lambda e: min(abs(e.start - q.end), abs(q.start - e.end)))
        if story.reading.place in P.ASIAN and market == "US" and e.start_date == story.reading.published \
                and e.kind != "overnight":
            day, why = story.reading.story_day("US")
            return day, f"'{e.text}': {e.rule}; {why}", False
        return e.start_date, f"'{e.text}' in its own words: {e.rule}", e.kind != "overnight"
    other_market = "previous move" in clause.implicit and MARKET_TZ.get(market, clause.tz) != clause.tz
    if clause.day is not None and not other_market:  # a previous move of another market does not date this one
        written = not clause.implicit or "previous move" in clause.implicit
        rule = clause.implicit or f"'{clause.date.text}' in its sentence: {clause.date.rule}"
        if written and story.reading.place in P.ASIAN and market == "US" and clause.day == story.reading.published \
                and clause.date.kind != "overnight":
            day, why = story.reading.story_day("US")
            return day, rule + "; " + why, False
        return clause.day, rule, written
    day, rule = story.reading.story_day(market)
    if story.before_open and market == "US" and day == story.reading.published:
        day, rule = P.previous_weekday(day), ("the story was written before the New York session opened, so its "
                                               "closes are the previous session's")
    return day, rule, False


def _measure(q: Quantity, owner: Owner, clause: Clause, story: _Story, day: dt.date | None
             ) -> tuple[str, str, str, str]:
    """(measure, reason it cannot be checked, rule, why unsure): the first rule of MEASURE_RULES that applies."""
    lo, hi = P.stretch(clause.text, q)
    part = clause.text[lo:hi]
    for rule in MEASURE_RULES:
        found = rule(q, owner, clause, story, day, part)
        if found is not None:
            return found
    return "day", "", "a percentage without a period or a time of day: the day's close-to-close move", ""


def _opening(clause: Clause, q: Quantity) -> str:
    """The words opening a clause before its first comma ("In pre-market trading, ..."), when the figure comes after."""
    comma = clause.text.find(",")
    return clause.text[:comma] if 0 < comma < q.start else ""


def _extended(q, owner, clause, story, day, part):
    m = _EXTENDED.search(part) or _EXTENDED.search(_opening(clause, q))
    if m:
        return ("extended", "a premarket, after-hours or futures price: daily bars hold the regular session only",
                f"'{m.group()}'", "")
    return None


def _time_of_day(q, owner, clause, story, day, part):
    earlier = _SUBJECT_PART.split(clause.text[:q.start])[-1]  # up to a part with a subject of its own
    later = _UNTIL_LATER.match(clause.text[q.end:])  # "dropping 2% before regaining 20,000 by midday"
    m = _TIME_OF_DAY.search(part) or _TIME_OF_DAY.search(_opening(clause, q)) or _MORNING.search(earlier) or (
        _TIME_OF_DAY.search(later.group()) if later else None)
    if m and (not _CLOSING.search(part) or _MORNING.search(m.group())):
        return ("intraday", f"taken during the session ('{m.group()}'): daily bars hold the open, high, low and close "
                            "only", f"'{m.group()}'", "")
    if story.intraday and not _CLOSING.search(part) and day is not None and day >= story.reading.published:
        return ("intraday", f"the story reports the session while it was open ('{story.intraday}'): daily bars "
                            "hold the close only", f"the story's marker '{story.intraday}'", "")
    return None


def _opened(q, owner, clause, story, day, part):
    before = clause.text[max(0, q.start - 40):q.start]
    if q.kind in ("percent", "points", "level") and _OPENING.search(before):
        measure = {"percent": "open_move", "points": "open_points", "level": "open_level"}[q.kind]
        return measure, "", "'opened': the open against the previous close" if q.kind != "level" else "'opened at'", ""
    return None


def _ranking(q, owner, clause, story, day, part):
    if q.kind == "rank":
        if q.rank_of == "intraday":
            return "intraday", "an intraday extreme ranked against others: not in daily closes", "'intraday'", ""
        return "rank", "", f"'{q.text}': a ranking of {'daily moves' if q.rank_of == 'move' else 'closes'}", ""
    if q.kind == "streak":
        return "streak", "", f"'{q.text}': a run of {q.unit}s", ""
    return None


def _extreme(q, owner, clause, story, day, part):
    before = clause.text[max(0, q.start - 40):q.start]
    m = _EXTREME_LEVEL.search(before)
    if q.kind == "level" and m:
        word = (m.group("w") or m.group("w2")).lower()
        low = word in ("low", "trough", "bottom")
        window = _WINDOW.search(clause.text[max(0, q.start - 40):q.start]) or P.period_of(q, clause, day)
        if window:
            words = window.group() if isinstance(window, re.Match) else window
            return ("range_low" if low else "range_high"), "", f"{words}: the extreme of a stretch of sessions", ""
        return ("low_level" if low else "high_level"), "", f"'{m.group().strip()}'", ""
    if q.kind == "level" and (between := _BETWEEN.search(clause.text[max(0, q.start - 60):q.start])):
        first = not between.group("and")
        return ("low_level" if first else "high_level"), "", f"'{between.group().strip()}': the day's range", ""
    if q.kind == "level" and _AS_MUCH.search(clause.text[max(0, q.start - 50):q.start]):
        low = owner.direction < 0
        return ("low_level" if low else "high_level"), "", "'as much as ... to': the day's " + (
            "low" if low else "high"), ""
    if q.kind in ("percent", "points") and (q.qualifier == "as much as" or _AS_MUCH.search(part)):
        low = owner.direction < 0
        measure = ("low_" if low else "high_") + ("move" if q.kind == "percent" else "points")
        return measure, "", "'as much as': the previous close to the day's " + ("low" if low else "high"), ""
    return None


def _period(q, owner, clause, story, day, part):
    if q.kind in ("percent", "points"):
        found = P.period_of(q, clause, day)
        if found is not None:
            return ("period" if q.kind == "percent" else "period_points"), "", found, ""
    return None


def _level_or_change(q, owner, clause, story, day, part):
    if q.kind == "level":
        return "level", "", f"'{q.text}' is a level: the session's close", ""
    if q.kind == "points":
        return "points", "", f"'{q.text}': a change in points, close to close", ""
    return None


MEASURE_RULES = (_extended, _time_of_day, _opened, _ranking, _extreme, _period, _level_or_change)
