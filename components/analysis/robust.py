"""Inference for one firm and one event that does not assume normal residuals.

The market model's t-test treats the abnormal return as normal. For a single firm and a single event
that assumption carries the whole test, and daily stock residuals have fat tails, so the t-test can
call an ordinary big day significant (Gelbach, Helland and Klick, "Valid inference in single-firm,
single-event studies", 2013). Three checks that use the estimation window's own residuals instead:

- **SQ test** (sample quantiles, GHK 2013): where the day-0 abnormal return falls in the empirical
  distribution of the estimation residuals; for a window of K sessions, where the CAR falls among the
  sums of every K consecutive estimation residuals.
- **Rank test** (Corrado 1989, one firm, time series): the rank of each abnormal return among all the
  estimation and event-window abnormal returns. Day 0 gets the exact p-value of its rank; a window
  uses Cowan's (1992) sum of centred ranks with a normal approximation.
- **Bootstrap interval**: the residuals resampled with replacement (sums of K for a window) give the
  range that ordinary noise spans; the 95% interval for the abnormal return is the observed value
  minus that noise. For one day it is exactly the residuals' own 2.5% and 97.5% quantiles.

P-values are two-sided. Ranks and counts include the observed value itself ((count + 1) / (n + 1)),
so a p-value is never 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from components.locale import _, ngettext

CONFIDENCE = 0.95
BOOTSTRAP_DRAWS = 4000
SEED = 20250306  # fixed: the same data give the same interval on every run


@dataclass(frozen=True)
class RobustTest:
    """One test of one abnormal return (day 0 or the window's CAR)."""

    name: str  # "SQ", "rank", "t"
    p: float
    detail: str  # one plain sentence

    @property
    def rejects(self) -> bool:
        return self.p < 1 - CONFIDENCE


def _two_sided(below: int, above: int, n: int) -> float:
    """Two-sided p from how many of ``n`` reference values lie at or below / at or above the observed one."""
    return float(min(1.0, 2 * min(below + 1, above + 1) / (n + 1)))


def window_sums(residuals: np.ndarray, length: int) -> np.ndarray:
    """Sums of every ``length`` consecutive residuals (the CARs the estimation window itself produced)."""
    r = np.asarray(residuals, float)
    if length < 1 or length > len(r):
        return np.array([])
    c = np.concatenate([[0.0], np.cumsum(r)])
    return c[length:] - c[:-length]


def sq_test(value: float, residuals: np.ndarray, length: int = 1) -> RobustTest:
    """Where ``value`` (an AR, or a CAR over ``length`` sessions) falls among the estimation window's own."""
    ref = window_sums(residuals, length)
    if len(ref) < 2 or not np.isfinite(value):
        return RobustTest("SQ", float("nan"), _("too few estimation sessions for the SQ test"))
    below, above = int((ref <= value).sum()), int((ref >= value).sum())
    if length == 1:
        said = (_("{count} of the estimation window's {n} sessions had an abnormal return at least as high")
                if value >= 0 else
                _("{count} of the estimation window's {n} sessions had an abnormal return at least as low"))
    else:
        said = (_("{count} of the estimation window's {n} stretches of {length} sessions had an abnormal return at "
                  "least as high") if value >= 0 else
                _("{count} of the estimation window's {n} stretches of {length} sessions had an abnormal return at "
                  "least as low"))
    more = above if value >= 0 else below
    return RobustTest("SQ", _two_sided(below, above, len(ref)), said.format(count=more, n=len(ref), length=length))


def rank_test(event_ars: np.ndarray, residuals: np.ndarray, positions: list[int]) -> RobustTest:
    """Corrado's rank test of the event-window abnormal returns at ``positions`` (indexes into ``event_ars``)."""
    combined = np.concatenate([np.asarray(residuals, float), np.asarray(event_ars, float)])
    ok = np.isfinite(combined)
    n = int(ok.sum())
    picked = [len(residuals) + i for i in positions if ok[len(residuals) + i]]
    if n < 3 or not picked:
        return RobustTest("rank", float("nan"), "too few abnormal returns for the rank test")
    ranks = np.full(len(combined), np.nan)
    ranks[ok] = _ranks(combined[ok])
    centred = ranks[picked] - (n + 1) / 2
    if len(picked) == 1:  # the exact distribution of one rank is uniform on 1..n
        k = float(ranks[picked[0]])
        p = float(min(1.0, 2 * min(k, n + 1 - k) / n))
        said = _("day 0 ranks {rank} of {n} abnormal returns (1 = lowest)")
        return RobustTest("rank", p, said.format(rank=f"{k:.0f}", n=n))
    sd = np.sqrt(np.nanmean((ranks[ok] - (n + 1) / 2) ** 2))
    z = float(centred.sum() / (np.sqrt(len(picked)) * sd))
    p = float(2 * special.ndtr(-abs(z)))
    return RobustTest("rank", p, _("the window's {count} sessions rank on average {rank} of {n} (z = {z})").format(
        count=len(picked), rank=f"{float(np.mean(ranks[picked])):.0f}", n=n, z=f"{z:.2f}"))


def _ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 1..n, ties sharing their mean rank."""
    order = np.argsort(values, kind="mergesort")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(1, len(values) + 1)
    uniq, inverse = np.unique(values, return_inverse=True)
    if len(uniq) < len(values):  # average the ranks of ties
        sums = np.bincount(inverse, weights=ranks)
        ranks = (sums / np.bincount(inverse))[inverse]
    return ranks


def bootstrap_interval(value: float, residuals: np.ndarray, length: int = 1,
                       draws: int = BOOTSTRAP_DRAWS) -> tuple[float, float]:
    """The 95% interval for an abnormal return (or a CAR of ``length`` sessions) from resampled residuals."""
    r = np.asarray(residuals, float)
    r = r[np.isfinite(r)]
    if len(r) < 2 or not np.isfinite(value):
        return float("nan"), float("nan")
    if length == 1:
        noise = r
    else:
        rng = np.random.default_rng(SEED)
        noise = r[rng.integers(0, len(r), size=(draws, length))].sum(axis=1)
    lo, hi = np.quantile(noise, [(1 - CONFIDENCE) / 2, (1 + CONFIDENCE) / 2])
    return float(value - hi), float(value - lo)


def excess_kurtosis(residuals: np.ndarray) -> float:
    """Excess kurtosis of the residuals (0 for a normal distribution; above 0: fat tails)."""
    r = np.asarray(residuals, float)
    r = r[np.isfinite(r)] - np.nanmean(r)
    m2 = float((r**2).mean())
    return float((r**4).mean() / m2**2 - 3) if m2 > 0 else float("nan")


@dataclass(frozen=True)
class OneFirmTests:
    """The t-test beside the SQ and rank tests, for day 0 and for the window's CAR, with both 95% intervals."""

    day0: tuple[RobustTest, ...]
    car: tuple[RobustTest, ...]
    day0_interval: tuple[float, float]  # bootstrap (residual quantiles)
    car_interval: tuple[float, float]
    kurtosis: float

    def disagreements(self) -> list[str]:
        """A sentence for each of day 0 and the CAR where the tests do not all agree at the 5% level."""
        out = []
        for said, tests in ((_("For day 0 the tests disagree: {yes}, {no}."), self.day0),
                            (_("For the cumulative return the tests disagree: {yes}, {no}."), self.car)):
            usable = [t for t in tests if np.isfinite(t.p)]
            yes = [t.name for t in usable if t.rejects]
            no = [t.name for t in usable if not t.rejects]
            if yes and no:
                found = ngettext("{names} finds it significant at 5%", "{names} find it significant at 5%",
                                 len(yes)).format(names=_names(yes))
                not_found = ngettext("{names} does not", "{names} do not", len(no)).format(names=_names(no))
                out.append(said.format(yes=found, no=not_found) + self._why(yes, no))
        return out

    def _why(self, yes: list[str], no: list[str]) -> str:
        if "t" in yes and "SQ" in no:
            tails = (_(" (excess kurtosis {kurtosis})").format(kurtosis=f"{self.kurtosis:.1f}")
                     if np.isfinite(self.kurtosis) else "")
            return " " + _("The residuals have fat tails{tails}: big days are more common than the t-test's normal "
                           "curve allows, and the SQ test counts them as they came.").format(tails=tails)
        if "t" in no:
            return " " + _("The t-test's normal curve is wider here than the spread of the residuals themselves.")
        return (" The SQ test weighs how large the abnormal returns are, the rank test only their order, so a few "
                "large days move one and not the other.")


def _names(names: list[str]) -> str:
    words = {"t": _("the t-test"), "SQ": _("the SQ test"), "rank": _("the rank test")}
    shown = [words[n] for n in names]
    if len(shown) == 1:
        return shown[0]
    return _("{first} and {last}").format(first=", ".join(shown[:-1]), last=shown[-1])


def one_firm_tests(ar0: float, p_t_ar0: float, car: float, p_t_car: float, event_ars: np.ndarray,
                   day0_index: int, residuals: np.ndarray) -> OneFirmTests:
    """Every test of day 0 (index ``day0_index`` of ``event_ars``) and of the window's CAR (all of them)."""
    k = int(np.isfinite(event_ars).sum())
    detail = _("Student t with the market model's variance (assumes normal residuals)")
    t_day, t_car = RobustTest("t", float(p_t_ar0), detail), RobustTest("t", float(p_t_car), detail)
    return OneFirmTests(
        day0=(t_day, sq_test(ar0, residuals), rank_test(event_ars, residuals, [day0_index])),
        car=(t_car, sq_test(car, residuals, k), rank_test(event_ars, residuals, list(range(len(event_ars))))),
        day0_interval=bootstrap_interval(ar0, residuals),
        car_interval=bootstrap_interval(car, residuals, k),
        kurtosis=excess_kurtosis(residuals),
    )
