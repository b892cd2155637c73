"""Per-market alignment: which trading session of each symbol first reacts to an event.

The rule, stated once (the app's captions and the README quote :data:`RULE`): day 0 of an event for
a symbol is the first session of that symbol's exchange whose real close (from its exchange
calendar, half-days included) comes after the moment the news was known.

- An event with a time is known at that time.
- An event with only a date is taken as known by the end of that date in its own time zone. A
  session of the market that closed during that day's waking hours there (from 07:00) may already
  have seen the news: it is offered as a *possible earlier day 0*, the reaction is also measured over
  both sessions, and the timing is labelled "time unknown".
- A market move or a claim about one describes a session: without a time it is known at the close of
  that date's session of its own market (its time zone's exchange), and that session, closing at that
  moment, is its day 0 there.

Positions index the symbol's own price rows. A calendar session with no bar is a gap in the data,
reported as such (never silently replaced by the next bar). Markets without an exchange calendar
(FX) use their bars as sessions, closing at the market's usual time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from components.analysis import formats
from components.data import calendars
from components.data.events import Event, zone_name
from components.data.symbols import BASIS_SHORT, MARKETS, benchmark_for, symbol_info
from components.facts import MAX_GAP_DAYS, WAKING_HOUR
from components.locale import N_, _
from components.locale import formats as F

WINDOWS = {"return day 0": (0, 0), "return [-1,+1]": (-1, 1), "return [0,+5]": (0, 5)}
SESSION_CATEGORIES = ("market move", "claim")  # records of a session's move, not news
RULE = N_("Day 0 is the first session of each market that closed after the news (exchange calendars, "
        "half-days included). News with only a date counts from the end of that date where it was made; a "
        "session that closed earlier that day may have seen it, and is shown as a possible earlier day 0 "
        "(time unknown). A market move is day 0 of its own market.")
TIMING_WORDS = {"exact": N_("time known"), "approximate": N_("approximate time"), "date only": N_("time unknown"),
                "session": N_("a session's move")}  # shown through _()
STATUS_WORDS = {"ok": N_("ok"), "no price data": N_("no price data"), "no prior close": N_("no prior close"),
                "data gap": N_("data gap")}  # a reaction's status codes, shown through _()


@dataclass(frozen=True)
class Moment:
    """When the news of an event was known (UTC), how that is known, and, for a date, when its day began."""

    at: pd.Timestamp
    timing: str  # a key of TIMING_WORDS
    waking: pd.Timestamp | None = None  # date-only news: a session closing after this may have seen it


@dataclass(frozen=True)
class Reaction:
    event_id: str
    symbol: str
    status: str  # a key of STATUS_WORDS
    day0: dt.date | None = None
    position: int | None = None  # index of day 0 in the symbol's sessions
    note: str = ""
    timing: str = "exact"
    earlier: dt.date | None = None  # possible earlier day 0 (date-only news)
    earlier_position: int | None = None
    close_utc: pd.Timestamp | None = None  # when day 0's session closed

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def zone_market(tz: str) -> str | None:
    """The exchange of a time zone (Asia/Hong_Kong: HK), if one of the markets with a calendar has it."""
    return next((code for code, m in MARKETS.items() if m.tz == tz and code in calendars.EXCHANGES), None)


def news_moment(event: Event) -> Moment:
    """When the event's news was known, by the rule above."""
    if event.timestamp is not None:
        return Moment(event.timestamp.tz_convert("UTC"), "approximate" if event.time_precision == "approximate"
                      else "exact")
    if event.category in SESSION_CATEGORIES:
        market = zone_market(event.tz)
        cal = calendars.sessions(market) if market else None
        i = cal.index_of(event.date) if cal else None
        if i is not None:
            return Moment(cal.close(i), "session")
    day = pd.Timestamp(event.date)
    end = (day + pd.Timedelta(days=1)).tz_localize(event.tz, nonexistent="shift_forward", ambiguous=False)
    waking = (day + pd.Timedelta(hours=WAKING_HOUR)).tz_localize(event.tz, nonexistent="shift_forward",
                                                                 ambiguous=False)
    return Moment(end.tz_convert("UTC"), "date only", waking.tz_convert("UTC"))


def timing_sentence(event: Event) -> str:
    """How the rule places an event without a time, in one sentence ('' for a timed event)."""
    moment = news_moment(event)
    zone = zone_name(event.tz)
    if moment.timing == "session":
        close = moment.at.tz_convert(event.tz)
        return _("No hour is recorded: it describes a session, so it counts from that session's close "
                 "({time} {zone}).").format(time=f"{close:%H:%M}", zone=zone)
    if moment.timing == "date only":
        return _("No hour is recorded, so the news counts as known by the end of {day} in {zone}; a session that "
                 "closed earlier that day may already have seen it (time unknown).").format(
            day=F.padded_date(event.date), zone=zone)
    return ""


def _close_offset(symbol: str) -> pd.Timedelta:
    close = symbol_info(symbol).market.close
    return pd.Timedelta(hours=close.hour, minutes=close.minute, seconds=close.second)


def _position(dates: pd.DatetimeIndex, day: dt.date) -> int | None:
    i = int(dates.searchsorted(pd.Timestamp(day)))
    return i if i < len(dates) and dates[i].date() == day else None


def _span(symbol: str, dates: pd.DatetimeIndex) -> str:
    return _("{symbol} data covers {first}..{last}").format(symbol=symbol, first=F.date_as(dates[0], "date"),
                                                            last=F.date_as(dates[-1], "date"))


def _because(symbol: str, dates: pd.DatetimeIndex, why: str) -> str:
    return _("{span}; {why}").format(span=_span(symbol, dates), why=why)


def _by_calendar(event: Event, dates: pd.DatetimeIndex, symbol: str, cal: calendars.Sessions,
                 moment: Moment) -> Reaction:
    base = {"event_id": event.id, "symbol": symbol, "timing": moment.timing}
    if moment.at.value < cal.opens[0]:
        why = _("the event is before the {market} calendar starts ({first})").format(
            market=cal.code, first=F.date_as(cal.dates[0], "date"))
        return Reaction(status="no price data", note=_because(symbol, dates, why), **base)
    i = cal.first_closing_after(moment.at, inclusive=moment.timing == "session")
    if i is None:
        why = _("no {market} session is known after the event").format(market=cal.code)
        return Reaction(status="no price data", note=_because(symbol, dates, why), **base)
    day0, pos = cal.dates[i].date(), _position(dates, cal.dates[i].date())
    earlier = epos = None
    if moment.waking is not None and i > 0 and cal.closes[i - 1] >= moment.waking.value:
        earlier = cal.dates[i - 1].date()
        epos = _position(dates, earlier)
    base.update(day0=day0, earlier=earlier, earlier_position=epos, close_utc=cal.close(i))
    if pos is None:
        if day0 > dates[-1].date():
            why = (_("day 0 is the {market} session of {day}, after {symbol}'s last price and has not traded yet")
                   if day0 > dt.date.today() else
                   _("day 0 is the {market} session of {day}, after {symbol}'s last price"))
        elif day0 < dates[0].date():
            why = _("day 0 is the {market} session of {day}, before {symbol}'s first price")
        else:
            return Reaction(status="data gap", note=_("{symbol} has no bar for its day-0 session, {day} ({market} "
                                                      "traded that day): a gap in the data, not a holiday").format(
                symbol=symbol, day=F.date_as(day0, "date"), market=cal.code), **base)
        why = why.format(market=cal.code, day=F.date_as(day0, "date"), symbol=symbol)
        return Reaction(status="no price data", note=_because(symbol, dates, why), **base)
    if pos == 0:
        return Reaction(status="no prior close", position=pos, note=_because(symbol, dates, _("no close before day 0")),
                        **base)
    return Reaction(status="ok", position=pos, **base)


def _by_bars(event: Event, dates: pd.DatetimeIndex, symbol: str, moment: Moment) -> Reaction:
    """Without a calendar: the bars are the sessions, each closing at the market's usual time."""
    tz, offset = symbol_info(symbol).market.tz, _close_offset(symbol)
    base = {"event_id": event.id, "symbol": symbol, "timing": moment.timing}
    local = moment.at.tz_convert(tz).tz_localize(None)
    pos = int(dates.searchsorted(local - offset, side="left" if moment.timing == "session" else "right"))
    if pos >= len(dates):
        return Reaction(status="no price data", note=_because(symbol, dates, _("no session after the event")),
                        **base)
    day0 = dates[pos].date()
    if (day0 - event.date).days > MAX_GAP_DAYS:
        why = _("nothing within {days} days of the event").format(days=MAX_GAP_DAYS)
        return Reaction(status="no price data", note=_because(symbol, dates, why), **base)
    earlier = epos = None
    if moment.waking is not None and pos > 0:
        waking = moment.waking.tz_convert(tz).tz_localize(None)
        if dates[pos - 1] + offset >= waking:
            earlier, epos = dates[pos - 1].date(), pos - 1
    close = (dates[pos] + offset).tz_localize(tz, nonexistent="shift_forward", ambiguous=False).tz_convert("UTC")
    base.update(day0=day0, earlier=earlier, earlier_position=epos, close_utc=close)
    if pos == 0:
        return Reaction(status="no prior close", position=pos, note=_because(symbol, dates, _("no close before day 0")),
                        **base)
    return Reaction(status="ok", position=pos, **base)


def locate(event: Event, dates: pd.DatetimeIndex, symbol: str) -> Reaction:
    """Day 0 of ``event`` among one symbol's sorted trading dates."""
    if len(dates) == 0:
        return Reaction(event.id, symbol, "no price data", note=_("no {symbol} prices available").format(symbol=symbol))
    try:
        moment = news_moment(event)
        moment.at.value  # noqa: B018 (raises for a date pandas cannot hold: nanoseconds are what calendars compare)
    except (OverflowError, pd.errors.OutOfBoundsDatetime):  # a date pandas cannot hold (before 1677, after 2262)
        return Reaction(event.id, symbol, "no price data",
                        note=_("{day} is outside any calendar").format(day=F.date_as(event.date, "date")))
    cal = calendars.sessions(symbol_info(symbol).market.code)
    return _by_calendar(event, dates, symbol, cal, moment) if cal else _by_bars(event, dates, symbol, moment)


def reaction(event: Event, closes: pd.Series, symbol: str) -> Reaction:
    """Day 0 of ``event`` for one symbol's close series (indexed by trading date)."""
    dates = closes.index if isinstance(closes.index, pd.DatetimeIndex) else pd.DatetimeIndex(closes.index)
    return locate(event, dates, symbol)


def reaction_position(event: Event, dates: pd.DatetimeIndex, symbol: str) -> int | None:
    """Index in ``dates`` (sorted trading dates) of the event's reaction session, or None."""
    r = locate(event, pd.DatetimeIndex(dates), symbol)
    return r.position if r.status in ("ok", "no prior close") else None


def window_return(closes: pd.Series, position: int | None, first: int, last: int) -> float | None:
    """Return over sessions ``first..last`` relative to day 0: close[last] / close[first - 1] - 1."""
    if position is None:
        return None
    start, end = position + first - 1, position + last
    if start < 0 or end >= len(closes):
        return None
    base, value = float(closes.iloc[start]), float(closes.iloc[end])
    return value / base - 1.0


def reaction_row(event: Event, closes: pd.Series, symbol: str) -> dict:
    """Day 0 and the standard window returns of one event for one symbol."""
    r = reaction(event, closes, symbol)
    row = {"event": event.id, "symbol": symbol, "status": r.status, "reaction session": r.day0, "note": r.note,
           "timing": r.timing, "possible earlier day 0": r.earlier, "return earlier session": None,
           "return both sessions": None}
    for label, (a, b) in WINDOWS.items():
        row[label] = window_return(closes, r.position, a, b) if r.position is not None else None
    if r.earlier_position is not None:
        row["return earlier session"] = window_return(closes, r.earlier_position, 0, 0)
        if r.position is not None:
            row["return both sessions"] = window_return(closes, r.position, r.earlier_position - r.position, 0)
    return row


def reaction_table(event: Event, closes_by_symbol: dict[str, pd.Series], symbols: list[str] | None = None,
                   benchmarks: dict[str, str | None] | None = None) -> pd.DataFrame:
    """One row per symbol: day 0, returns over the standard windows, and its benchmark's.

    ``benchmarks`` overrides the default benchmark of a symbol; a symbol that is an index has none.
    """
    rows = []
    for symbol in symbols or list(event.symbols):
        closes = closes_by_symbol.get(symbol, pd.Series(dtype=float))
        row = reaction_row(event, closes, symbol)
        info = symbol_info(symbol)
        row["market"] = info.market.name
        bench = (benchmarks or {}).get(symbol, benchmark_for(symbol))
        row["benchmark"] = bench or ""
        for label in WINDOWS:
            row[f"benchmark {label}"] = row[f"excess {label}"] = None
        if bench:
            brow = reaction_row(event, closes_by_symbol.get(bench, pd.Series(dtype=float)), bench)
            for label in WINDOWS:
                row[f"benchmark {label}"] = brow[label]
                own, other = row[label], brow[label]
                row[f"excess {label}"] = own - other if own is not None and other is not None else None
            day0, bday0 = row["reaction session"], brow["reaction session"]
            if day0 and bday0 and day0 != bday0:
                reacts = _("{symbol} reacts on {day}").format(symbol=bench, day=F.date_as(bday0, "date"))
                row["note"] = _("{first}; {second}").format(first=row["note"], second=reacts) if row["note"] else reacts
        rows.append(row)
    return pd.DataFrame(rows)


def _day0_positions(event: Event, closes_by_symbol: dict[str, pd.Series], symbols: list[str]):
    """(symbol, its trading dates, position of day 0) for each symbol that has a reaction session."""
    for symbol in symbols:
        closes = closes_by_symbol.get(symbol)
        pos = reaction(event, closes, symbol).position if closes is not None else None
        if pos is not None:
            yield symbol, closes.index, pos


def event_window_dates(event: Event, closes_by_symbol: dict[str, pd.Series], symbols: list[str],
                       sessions: int) -> tuple[dt.date, dt.date] | None:
    """Calendar span covering ``sessions`` trading sessions either side of day 0 in every symbol."""
    spans = [(dates[max(0, pos - sessions)].date(), dates[min(len(dates) - 1, pos + sessions)].date())
             for _, dates, pos in _day0_positions(event, closes_by_symbol, symbols)]
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def window_shortfalls(event: Event, closes_by_symbol: dict[str, pd.Series], symbols: list[str],
                      sessions: int) -> list[str]:
    """Sentences for symbols with fewer than ``sessions`` sessions on either side of day 0."""
    notes = []
    for symbol, dates, pos in _day0_positions(event, closes_by_symbol, symbols):
        if pos < sessions:
            notes.append(_("{symbol}: only {n} sessions before day 0 (its prices start on {day}).").format(
                symbol=symbol, n=pos, day=F.padded_date(dates[0])))
        if len(dates) - 1 - pos < sessions:
            notes.append(_("{symbol}: only {n} sessions after day 0 (its prices end on {day}).").format(
                symbol=symbol, n=len(dates) - 1 - pos, day=F.padded_date(dates[-1])))
    return notes


EARLIER_HEADER = N_("time unknown: possible earlier day 0")
REACTION_HEADERS = {"return day 0": N_("day 0 (%)"), "return [-1,+1]": N_("days −1 to +1 (%)"),
                    "return [0,+5]": N_("days 0 to +5 (%)")}


def reaction_display(table: pd.DataFrame) -> pd.DataFrame:
    """The reaction table for people: percentages as text ('+8.39%', '—'), plain headers with units."""
    rows = []
    records = table.to_dict("records")
    uncertain = any(row.get("possible earlier day 0") for row in records)
    for row in records:
        info = symbol_info(row["symbol"])
        day0 = row["reaction session"]
        out = {_("symbol"): row["symbol"], _("market"): info.market.shown_short,
               _("reaction session (day 0)"): F.padded_day(day0, year=True) if day0 else formats.MISSING}
        out.update({_(label): formats.pct(row[key]) for key, label in REACTION_HEADERS.items()})
        if uncertain:  # date-only news: the session that may have seen it first, and both together
            earlier = row.get("possible earlier day 0")
            out[_(EARLIER_HEADER)] = (_("{day} ({change})").format(day=F.padded_day(earlier, year=True),
                                                                    change=formats.pct(row["return earlier session"]))
                                      if earlier else formats.MISSING)
            out[_("both sessions (%)")] = formats.pct(row.get("return both sessions"))
        out[_("benchmark")] = formats.text(row["benchmark"])
        out[_("benchmark day 0 (%)")] = formats.pct(row["benchmark return day 0"])
        out[_("day 0 minus benchmark")] = formats.points(row["excess return day 0"])
        out[_("price basis")] = _(BASIS_SHORT[info.basis])
        out[_("note")] = formats.text(row["note"] if row["status"] == "ok" else _("{status}: {note}").format(
            status=_(STATUS_WORDS.get(row["status"], row["status"])), note=row["note"]))
        rows.append(out)
    return pd.DataFrame(rows)
