"""Events that share a day 0, and studies of a group of events.

Two events whose reaction sessions coincide for a symbol cannot be told apart in its prices: one
session's abnormal return is the answer to both. They form a *cluster*, shown once with its events
listed, and counted once in any aggregate. Claims, and market moves in a symbol's own market, are
records of a session, not news: they are day 0 of that market by definition, so they are not studied
as its events (a move in New York is still news for Hong Kong, which trades after it).

A group study averages the cumulative abnormal returns of its clusters (CAAR) and tests the average
three ways: with the market model's variances (the clusters taken as independent), across the
clusters (their own spread), and with an exact sign test. With n clusters the sign test cannot go
below p = 2 / 2^n, which says how little a handful of events can prove.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special

from components.analysis.alignment import SESSION_CATEGORIES, locate, zone_market
from components.data.events import Event, category_name, shown_title
from components.data.symbols import symbol_info
from components.locale import _, ngettext
from components.locale.formats import padded_date, padded_day


def is_news(event: Event, symbol: str) -> bool:
    """An event an event study of ``symbol`` can take: not a claim, nor a move of the symbol's own market."""
    if event.category == "claim":
        return False
    return event.category not in SESSION_CATEGORIES or zone_market(event.tz) != symbol_info(symbol).market.code


@dataclass(frozen=True)
class Cluster:
    """The events whose day 0 for one symbol is the same session."""

    day0: dt.date
    events: tuple[Event, ...]

    @property
    def lead(self) -> Event:
        return self.events[0]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.events)

    @property
    def title(self) -> str:
        return "; ".join(shown_title(e) for e in self.events)


def cluster_events(events: list[Event], dates: pd.DatetimeIndex, symbol: str
                   ) -> tuple[list[Cluster], list[tuple[Event, str]]]:
    """Clusters of the news events by day 0 (in time order), and every other event with why it is left out."""
    groups: dict[dt.date, list[Event]] = {}
    left_out: list[tuple[Event, str]] = []
    for event in events:
        if not is_news(event, symbol):
            left_out.append((event, _("a {category}, not news: it records a session of this market, which is its own "
                                      "day 0").format(category=category_name(event.category))))
            continue
        found = locate(event, dates, symbol)
        if found.position is None:
            left_out.append((event, found.note or found.status))
            continue
        groups.setdefault(found.day0, []).append(event)
    return [Cluster(day, tuple(evs)) for day, evs in sorted(groups.items())], left_out


def cluster_note(cluster: Cluster) -> str:
    if len(cluster.events) < 2:
        return ""
    return _("{count} events share day 0 ({day}); their effects cannot be separated, so they count once").format(
        count=len(cluster.events), day=padded_date(cluster.day0))


@dataclass(frozen=True)
class GroupResult:
    """A group of clusters: the average cumulative abnormal return and its three tests."""

    n: int
    titles: tuple[str, ...]
    aar0: float  # average day-0 abnormal return
    p_aar0: float  # its model-based test
    caar: float
    car_window: str
    t_model: float
    p_model: float
    t_cross: float
    p_cross: float
    positive: int
    p_sign: float
    merged: int  # events folded into a cluster with another

    @property
    def sign_floor(self) -> float:
        return min(1.0, 2 / 2**self.n)

    def caveats(self) -> list[str]:
        out = [_("With {n} clusters an exact sign test cannot go below p = 2/2^{n} = {floor}.").format(
            n=self.n, floor=f"{self.sign_floor:.3g}")]
        if self.merged:
            out.append(ngettext("{count} event shared a day 0 with another and was counted once.",
                                "{count} events shared a day 0 with another and were counted once.",
                                self.merged).format(count=self.merged))
        if self.n < 10:
            out.append(_("So few events make the cross-sectional test fragile: one cluster can move the average."))
        out.append(_("The model-based test treats the clusters as independent; estimation windows that overlap make "
                     "them less so."))
        return out


def sign_test(positive: int, n: int) -> float:
    """Two-sided exact binomial test of ``positive`` successes in ``n`` at p = 1/2."""
    if n == 0:
        return float("nan")
    low = sum(math.comb(n, k) for k in range(positive + 1)) / 2**n
    high = sum(math.comb(n, k) for k in range(positive, n + 1)) / 2**n
    return float(min(1.0, 2 * min(low, high)))


def group_study(table: pd.DataFrame, ids: set[str]) -> GroupResult | str:
    """The CAAR of the clusters (rows of the comparison table) holding any of ``ids``; a sentence if it cannot run."""
    ok = table[table["status"] == "ok"]
    chosen = ok[[bool(ids & set(str(row).split(", "))) for row in ok["events"]]]
    n = len(chosen)
    if n < 2:
        return ngettext("The group has {count} cluster with a study; at least two are needed to average them. "
                        "Choose more events, or events on different days.",
                        "The group has {count} clusters with a study; at least two are needed to average them. "
                        "Choose more events, or events on different days.", n).format(count=n)
    cars, sds = chosen["CAR"].to_numpy(float), chosen["sd_CAR"].to_numpy(float)
    caar = float(cars.mean())
    dof = int(chosen["L1"].min()) - 2
    ar0, sd0 = chosen["AR0"].to_numpy(float), chosen["sd_AR0"].to_numpy(float)
    t_aar0 = float(ar0.mean() / (np.sqrt((sd0**2).sum()) / n))
    t_model = caar / (np.sqrt((sds**2).sum()) / n)
    spread = float(cars.std(ddof=1))
    t_cross = caar / (spread / np.sqrt(n)) if spread > 0 else float("nan")
    positive = int((cars > 0).sum())
    merged = int(sum(len(str(e).split(", ")) - 1 for e in chosen["events"]))
    return GroupResult(
        n, tuple(chosen["title"]), float(ar0.mean()), float(2 * special.stdtr(dof, -abs(t_aar0))), caar,
        str(chosen["car_window"].iloc[0]), float(t_model),
        float(2 * special.stdtr(dof, -abs(t_model))), float(t_cross),
        float(2 * special.stdtr(n - 1, -abs(t_cross))) if np.isfinite(t_cross) else float("nan"),
        positive, sign_test(positive, n), merged)


def day0_map(events: list[Event], closes_by_symbol: dict[str, pd.Series],
             symbols: list[str]) -> dict[tuple[str, str], dt.date]:
    """Each news event's day 0 per symbol, ``(event id, symbol) -> session``, for comparing many events at once."""
    out = {}
    for symbol in symbols:
        closes = closes_by_symbol.get(symbol)
        if closes is None:
            continue
        for e in events:
            if is_news(e, symbol):
                placed = locate(e, closes.index, symbol)
                if placed.position is not None:
                    out[(e.id, symbol)] = placed.day0
    return out


def shared_day0(event: Event, events: list[Event], closes_by_symbol: dict[str, pd.Series],
                symbols: list[str], day0s: dict[tuple[str, str], dt.date] | None = None) -> list[str]:
    """Sentences naming the other news events whose day 0 is the same session as ``event``'s, per symbol.

    ``day0s`` is :func:`day0_map` of ``events`` (with ``event``) when the caller has it already."""
    if day0s is None:
        day0s = day0_map([event, *events], closes_by_symbol, symbols)
    out = []
    for symbol in symbols:
        own = day0s.get((event.id, symbol))
        if own is None:
            continue
        same = [shown_title(e) for e in events if e.id != event.id and day0s.get((e.id, symbol)) == own]
        if same:
            out.append(_("{symbol}: day 0 ({day}) is also the day 0 of {events}. One session's move cannot be split "
                         "between them.").format(symbol=symbol, day=padded_day(own, year=True),
                                                 events="; ".join(same)))
    return out
