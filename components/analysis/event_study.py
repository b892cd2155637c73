"""Market-model event study (MacKinlay 1997) of one event for one stock against one benchmark.

Day 0 is the stock's reaction session (``components.alignment.reaction_position``); every window
counts the stock's own sessions relative to it. Returns are simple daily returns on the stock's
session grid. The benchmark is aligned as-of (its last close on or before each stock date), so on a
benchmark holiday its return is 0 and the move lands on its next session; such stale days are counted.
Abnormal returns and their running sum (CAR) are tested with Student t on L1 - 2 degrees of freedom,
using the exact prediction-error covariance sigma^2 (I + X*(X'X)^-1 X*'), estimation error included.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special  # Student t from scipy.special: scipy.stats costs ~55 MB per server

from components.analysis import robust
from components.analysis.alignment import locate, reaction_position
from components.analysis.clusters import cluster_events, cluster_note, is_news
from components.analysis.study_windows import (
    EventStudyError,
    Window,
    check_history,
    signed,
    validate_windows,
    window_text,
)
from components.data.events import Event, shown_title
from components.data.symbols import InvalidSymbol, benchmark_for, normalise_symbol
from components.facts import DEFAULT_ESTIMATION, DEFAULT_EVENT_WINDOW, MAX_GAP_DAYS, MIN_ESTIMATION
from components.locale import _, ngettext
from components.locale import formats as F

CONFIDENCE = 0.95
STARS = ((0.01, "***"), (0.05, "**"), (0.10, "*"))
# Benchmarks and the stocks that are large enough in them to drag the index with their own moves.
LARGE_CONSTITUENTS = {"^HSI": ("9988.HK", "0700.HK"), "^HSCE": ("9988.HK", "0700.HK"), "^GSPC": ("NVDA",)}
UNDERLYING = {"BABA": "9988.HK"}  # an ADR moves with its underlying shares


@dataclass(frozen=True)
class Overlap:
    """Another event whose reaction session falls inside one of the windows."""

    event_id: str
    title: str
    window: str  # "estimation" or "event"
    tau: int
    day0: dt.date

    def message(self) -> str:
        day = F.date_as(self.day0, "date")
        if self.window == "event" and self.tau == 0:
            return _("'{title}' shares day 0 ({day}): the two events' effects cannot be separated.").format(
                title=self.title, day=day)
        if self.window == "estimation":
            text = _("Another event, '{title}', falls in the estimation window at τ={tau} ({day}): its own reaction "
                     "counts as 'normal' return and biases alpha, beta and sigma.")
        else:
            text = _("Another event, '{title}', falls in the event window at τ={tau} ({day}): the abnormal return "
                     "from that session on mixes both events.")
        return text.format(title=self.title, tau=signed(self.tau), day=day)


@dataclass(frozen=True)
class AbnormalReturn:
    """An abnormal return (AR of one day or CAR over days) with its sd, t statistic and two-sided p-value."""

    value: float
    sd: float
    t: float
    p: float

    @property
    def stars(self) -> str:
        return significance_stars(self.p)

    @classmethod
    def from_row(cls, row: pd.Series, name: str) -> AbnormalReturn:
        return cls(*(float(row[col]) for col in (name, f"sd_{name}", f"t_{name}", f"p_{name}")))


@dataclass(frozen=True, eq=False)
class EventStudyResult:
    """Market-model estimates, the per-day table (one row per event-window session) and totals."""

    symbol: str
    benchmark: str
    event_id: str
    day0: dt.date
    estimation: Window
    estimation_first: dt.date
    estimation_last: dt.date
    event_window: Window  # as used: cut short when the data end early
    L1: int
    alpha: float
    beta: float
    sigma: float
    r2: float
    table: pd.DataFrame  # one row per event-window session, see event_table
    ar0: AbnormalReturn  # AR on day 0
    car: AbnormalReturn  # CAR over the whole event window
    stale_estimation: int  # sessions without a fresh benchmark close
    stale_event: int
    overlaps: tuple[Overlap, ...]
    warnings: tuple[str, ...]
    residuals: np.ndarray  # the estimation window's market-model residuals

    @property
    def dof(self) -> int:
        return self.L1 - 2

    @functools.cached_property
    def one_firm(self) -> robust.OneFirmTests:
        """The SQ and rank tests and bootstrap intervals beside the t-tests."""
        t = self.table
        day0 = int(np.flatnonzero(t["tau"].to_numpy() == 0)[0])
        return robust.one_firm_tests(self.ar0.value, self.ar0.p, self.car.value, self.car.p, t["AR"].to_numpy(float),
                                     day0, self.residuals)


def _closes(series: pd.Series) -> pd.Series:
    out = pd.Series(pd.to_numeric(series, errors="coerce").to_numpy(float), index=pd.DatetimeIndex(series.index))
    out = out.dropna().sort_index()
    return out[~out.index.duplicated(keep="last")]


def aligned_returns(stock: pd.Series, bench: pd.Series) -> pd.DataFrame:
    """Rows are the stock's sessions; columns: stock and bench simple returns, stale (bench did not trade)."""
    s, b = _closes(stock), _closes(bench)
    b_asof = pd.Series(b.asof(s.index).to_numpy(float), index=s.index) if len(b) else s * np.nan
    return pd.DataFrame({"stock": s.pct_change(fill_method=None), "bench": b_asof.pct_change(fill_method=None),
                         "stale": ~s.index.isin(b.index)}, index=s.index)


def market_model(r_stock: np.ndarray, r_bench: np.ndarray) -> tuple[float, float, float, float]:
    """OLS of stock on benchmark returns; returns (alpha, beta, sigma with SSR/(L1-2), R²)."""
    x = np.column_stack([np.ones_like(r_bench), r_bench])
    coef = np.linalg.lstsq(x, r_stock, rcond=None)[0]
    resid = r_stock - x @ coef
    ssr, sst = float(resid @ resid), float(((r_stock - r_stock.mean()) ** 2).sum())
    r2 = 1.0 - ssr / sst if sst > 0 else float("nan")
    return float(coef[0]), float(coef[1]), float(np.sqrt(ssr / (len(r_stock) - 2))), r2


def prediction_covariance(bench_est: np.ndarray, bench_event: np.ndarray, sigma: float) -> np.ndarray:
    """Covariance of the event-window abnormal returns: sigma² (I + X* (X'X)^-1 X*'), X = [1, R_m]."""
    x = np.column_stack([np.ones_like(bench_est), bench_est])
    xs = np.column_stack([np.ones_like(bench_event), bench_event])
    return sigma**2 * (np.eye(len(xs)) + xs @ np.linalg.solve(x.T @ x, xs.T))


def t_test(value: np.ndarray, sd: np.ndarray, dof: int) -> tuple[np.ndarray, np.ndarray]:
    """t = value / sd and its two-sided p-value under Student t with ``dof`` degrees of freedom."""
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.asarray(value, float) / np.asarray(sd, float)
    return t, 2.0 * special.stdtr(dof, -np.abs(t))


def significance_stars(p: float) -> str:
    """'***' for p < 0.01, '**' for p < 0.05, '*' for p < 0.10, '' otherwise (or for NaN)."""
    return next((mark for level, mark in STARS if p < level), "")


def event_table(rows: pd.DataFrame, taus: np.ndarray, fit: tuple, bench_est: np.ndarray) -> pd.DataFrame:
    """Per event-window session: returns, expected return, AR and CAR with sd, t, p and the CAR band."""
    alpha, beta, sigma, _ = fit
    dof = len(bench_est) - 2
    rm, ri = rows["bench"].to_numpy(float), rows["stock"].to_numpy(float)
    expected = alpha + beta * rm
    cov = prediction_covariance(bench_est, rm, sigma)
    ar, car = ri - expected, np.cumsum(ri - expected)
    sd_ar, sd_car = np.sqrt(np.diag(cov)), np.sqrt(np.diag(np.cumsum(np.cumsum(cov, 0), 1)))
    (t_ar, p_ar), (t_car, p_car) = t_test(ar, sd_ar, dof), t_test(car, sd_car, dof)
    half = special.stdtrit(dof, 0.5 + CONFIDENCE / 2) * sd_car
    return pd.DataFrame({
        "tau": taus, "date": rows.index, "stock_return": ri, "bench_return": rm,
        "bench_stale": rows["stale"].to_numpy(), "expected_return": expected,
        "AR": ar, "sd_AR": sd_ar, "t_AR": t_ar, "p_AR": p_ar, "sig_AR": [significance_stars(p) for p in p_ar],
        "CAR": car, "sd_CAR": sd_car, "t_CAR": t_car, "p_CAR": p_car, "sig_CAR": [significance_stars(p) for p in p_car],
        "car_low": car - half, "car_high": car + half,
    })


def overlapping_events(event: Event, events: Sequence[Event], stock_dates: pd.DatetimeIndex, symbol: str,
                       estimation: Window = DEFAULT_ESTIMATION, event_window: Window = DEFAULT_EVENT_WINDOW,
                       positions: Mapping[str, int | None] | None = None) -> list[Overlap]:
    """Every other news event whose reaction session falls in the estimation or event window, with its tau.

    Claims and the market's own moves are records of sessions, not news, and are not counted. An event
    whose reaction session lies more than MAX_GAP_DAYS after it (a hole in the data) is skipped. ``positions``
    are the events' reaction positions among ``stock_dates`` when already found (:func:`compare_events`).
    """
    dates = pd.DatetimeIndex(stock_dates)

    def position(e: Event) -> int | None:
        return positions[e.id] if positions is not None and e.id in positions else reaction_position(e, dates, symbol)

    p0 = position(event)
    if p0 is None:
        return []
    found = []
    for other in events:
        pos = None if other.id == event.id or not is_news(other, symbol) else position(other)
        if pos is None or (dates[pos].date() - other.date).days > MAX_GAP_DAYS:
            continue
        tau = pos - p0
        for name, (a, b) in (("estimation", estimation), ("event", event_window)):
            if a <= tau <= b:
                found.append(Overlap(other.id, shown_title(other), name, tau, dates[pos].date()))
    return found


def constituent_note(symbol: str, benchmark: str) -> str | None:
    """A one-sentence caution when the stock (or an ADR's underlying) is a large member of the benchmark."""
    try:
        symbol, benchmark = normalise_symbol(symbol), normalise_symbol(benchmark)
    except InvalidSymbol:
        return None
    members = LARGE_CONSTITUENTS.get(benchmark, ())
    if symbol in members:
        said = _("{symbol} is itself a large constituent of {benchmark}, so the regression partly explains the stock "
                 "by its own moves: beta is biased towards 1 and the abnormal return is understated.")
    elif UNDERLYING.get(symbol) in members:
        said = _("{symbol} is an ADR of {underlying}, a large constituent of {benchmark}, so the regression partly "
                 "explains the stock by its own moves: beta is biased towards 1 and the abnormal return is "
                 "understated.")
    else:
        return None
    return said.format(symbol=symbol, benchmark=benchmark, underlying=UNDERLYING.get(symbol, ""))


def _day0(event: Event, dates: pd.DatetimeIndex, symbol: str) -> tuple[int, dt.date]:
    """Day 0's position among the stock's sessions, or the reason there is none (EventStudyError)."""
    found = locate(event, dates, symbol)
    if found.position is not None:
        return found.position, found.day0
    if found.status == "data gap":
        raise EventStudyError(_("{note}; the study needs a close on day 0.").format(
            note=f"{found.note[0].upper()}{found.note[1:]}"))
    if found.day0 is not None and len(dates) and found.day0 < dates[0].date():
        raise EventStudyError(
            _("{symbol}'s prices start on {start}, after day 0 of '{title}' ({day0}), so there is no history before "
              "the event to fit the market model on. Choose a later event.").format(
                symbol=symbol, start=F.date_as(dates[0], "date"), title=shown_title(event),
                day0=F.date_as(found.day0, "date")))
    raise EventStudyError(_("{symbol} has no session after '{title}' ({day}) in the data.").format(
        symbol=symbol, title=shown_title(event), day=F.date_as(event.date, "date")))


def _event_rows(rets: pd.DataFrame, p0: int, event_window: Window, symbol: str) -> tuple[pd.DataFrame, Window, list]:
    """The event-window rows, cut short (with a note) when the data end before the window does."""
    w1, w2 = event_window
    last = min(w2, len(rets) - 1 - p0)
    cut = _("The event window was cut to {window}: {symbol} data end on {day}.")
    notes = [] if last == w2 else [cut.format(window=window_text((w1, last)), symbol=symbol,
                                              day=F.date_as(rets.index[-1], "date"))]
    return rets.iloc[p0 + w1: p0 + last + 1], (w1, last), notes


def _estimate(est: pd.DataFrame, benchmark: str) -> tuple[pd.DataFrame, tuple, list]:
    """Fit the market model on the estimation rows that have both returns."""
    fit_rows = est.dropna(subset=["stock", "bench"])
    if len(fit_rows) < MIN_ESTIMATION:
        raise EventStudyError(ngettext("Only {count} session of the estimation window has both returns; at least "
                                       "{least} are needed.", "Only {count} sessions of the estimation window have "
                                       "both returns; at least {least} are needed.", len(fit_rows)).format(
            count=len(fit_rows), least=MIN_ESTIMATION))
    if np.ptp(fit_rows["bench"].to_numpy()) == 0:
        raise EventStudyError(_("{benchmark} did not move in the estimation window, so beta cannot be estimated.")
                              .format(benchmark=benchmark))
    dropped = len(est) - len(fit_rows)
    left = _("{count} estimation sessions had no {benchmark} return and were left out.")
    notes = [left.format(count=dropped, benchmark=benchmark)] if dropped else []
    return fit_rows, market_model(fit_rows["stock"].to_numpy(), fit_rows["bench"].to_numpy()), notes


def _residuals(fit_rows: pd.DataFrame, fit: tuple) -> np.ndarray:
    alpha, beta = fit[0], fit[1]
    return fit_rows["stock"].to_numpy(float) - alpha - beta * fit_rows["bench"].to_numpy(float)


def _context_notes(event: Event, day0: dt.date, symbol: str, benchmark: str, est: pd.DataFrame,
                   rows: pd.DataFrame) -> list[str]:
    """Notes on a late day 0, stale benchmark closes and a benchmark the stock is a large part of."""
    notes = []
    if (day0 - event.date).days > MAX_GAP_DAYS:
        notes.append(_("Day 0 ({day}) is more than {days} days after the event ({event_day}): the {symbol} data "
                       "probably have a gap there.").format(day=F.date_as(day0, "date"), days=MAX_GAP_DAYS,
                                                             event_day=F.date_as(event.date, "date"), symbol=symbol))
    n_est, n_evt = int(est["stale"].sum()), int(rows["stale"].sum())
    if n_est + n_evt:
        notes.append(_("{benchmark} had no close on {est} of {est_all} estimation sessions and {evt} of {evt_all} "
                       "event-window sessions; its last close was carried forward (return 0 that day).").format(
            benchmark=benchmark, est=n_est, est_all=len(est), evt=n_evt, evt_all=len(rows)))
    note = constituent_note(symbol, benchmark)
    return notes + ([note] if note else [])


def event_study(stock: pd.Series, bench: pd.Series, event: Event, symbol: str, benchmark: str | None = None,
                estimation: Window = DEFAULT_ESTIMATION, event_window: Window = DEFAULT_EVENT_WINDOW,
                events: Sequence[Event] = (), *, prepared: tuple[pd.DataFrame, Mapping] | None = None
                ) -> EventStudyResult:
    """Run the study on two close series indexed by trading date; ``events`` are checked for overlaps.
    ``prepared`` is (the aligned returns, the events' reaction positions) when a caller studying many events of the
    same two series has found them once."""
    estimation, event_window = validate_windows(estimation, event_window)
    benchmark = benchmark or benchmark_for(symbol) or "the benchmark"
    rets, positions = prepared or (aligned_returns(stock, bench), None)
    p0, day0 = _day0(event, pd.DatetimeIndex(rets.index), symbol)
    check_history(p0, estimation, symbol, day0)
    est = rets.iloc[p0 + estimation[0]: p0 + estimation[1] + 1]
    rows, event_window, notes = _event_rows(rets, p0, event_window, symbol)
    fit_rows, fit, fit_notes = _estimate(est, benchmark)
    table = event_table(rows, np.arange(event_window[0], event_window[1] + 1), fit, fit_rows["bench"].to_numpy())
    overlaps = tuple(overlapping_events(event, events, rets.index, symbol, estimation, event_window, positions))
    notes += fit_notes + [o.message() for o in overlaps] + _context_notes(event, day0, symbol, benchmark, est, rows)
    return EventStudyResult(
        symbol, benchmark, event.id, day0, estimation, est.index[0].date(), est.index[-1].date(), event_window,
        len(fit_rows), *fit, table, AbnormalReturn.from_row(table.loc[table["tau"] == 0].iloc[0], "AR"),
        AbnormalReturn.from_row(table.iloc[-1], "CAR"), int(est["stale"].sum()), int(rows["stale"].sum()),
        overlaps, tuple(notes), _residuals(fit_rows, fit))


COMPARE_COLUMNS = ["event", "events", "title", "day0", "AR0", "sd_AR0", "t_AR0", "p_AR0", "p_SQ0", "CAR", "sd_CAR",
                   "car_window", "t_CAR", "p_CAR", "alpha", "beta", "L1", "overlaps", "cluster", "status"]


def compare_events(events: Sequence[Event], stock: pd.Series, bench: pd.Series, symbol: str,
                   benchmark: str | None = None, estimation: Window = DEFAULT_ESTIMATION,
                   event_window: Window = DEFAULT_EVENT_WINDOW) -> pd.DataFrame:
    """One row per cluster of news events sharing a day 0, with its day-0 AR and CAR tests; then one row per
    event left out (a market move or a claim, or no day 0 in the data) whose status says why."""
    rets = aligned_returns(stock, bench)  # once for every event, with each event's reaction session
    dates = pd.DatetimeIndex(rets.index)
    prepared = (rets, {e.id: reaction_position(e, dates, symbol) for e in events})
    clusters, left_out = cluster_events(list(events), dates, symbol)
    rows = []
    for cluster in clusters:
        base = {"event": cluster.lead.id, "events": ", ".join(cluster.ids), "title": cluster.title,
                "cluster": cluster_note(cluster)}
        others = [e for e in events if e.id == cluster.lead.id or e.id not in cluster.ids]
        try:
            r = event_study(stock, bench, cluster.lead, symbol, benchmark, estimation, event_window, others,
                            prepared=prepared)
        except EventStudyError as exc:
            rows.append({**base, "status": str(exc)})
            continue
        rows.append({**base, "day0": r.day0, "AR0": r.ar0.value, "sd_AR0": r.ar0.sd, "t_AR0": r.ar0.t,
                     "p_AR0": r.ar0.p, "p_SQ0": r.one_firm.day0[1].p, "CAR": r.car.value, "sd_CAR": r.car.sd,
                     "car_window": window_text(r.event_window), "t_CAR": r.car.t, "p_CAR": r.car.p, "alpha": r.alpha,
                     "beta": r.beta, "L1": r.L1, "overlaps": ", ".join(o.event_id for o in r.overlaps),
                     "status": "ok"})
    rows += [{"event": e.id, "events": e.id, "title": shown_title(e), "cluster": "", "status": why}
             for e, why in left_out]
    return pd.DataFrame(rows, columns=COMPARE_COLUMNS)
