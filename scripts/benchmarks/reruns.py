"""Server CPU per rerun, in AppTest, for every page of the app's navigation, each against its floor.

For each page of ``navigation.PAGES`` (opened with the headline event in its link, as the article's readers
arrive): a rerun that changes nothing, and the rerun each of its controls causes (:mod:`controls`), each the
median of ``repeats`` runs after two untimed ones. A control drawn inside a fragment reruns that fragment alone,
as in the browser. The FLOOR of each measure is ``apps/floor.py`` drawing the very figures the app sent in those
runs, in the same order, timed the same way in the same process (:class:`Floor`). The stockpeers model
(``apps/stockpeers.py``) is timed the same way on its horizon change.
"""

from __future__ import annotations

import hashlib
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from scripts.benchmarks.controls import Control, discover
from scripts.benchmarks.session import AppError, Figure, Session, write_figures

APPS = Path(__file__).resolve().parent / "apps"
WARM = 2  # untimed runs before each measure: a new value's caches fill there, as after a reader's first visit


@dataclass
class Measure:
    """One measured rerun of a page: the app's CPU samples and the floor's, and what the runs were."""

    page: str
    name: str
    cpu: list[float] = field(default_factory=list)
    floor_cpu: list[float] = field(default_factory=list)
    figures: int = 0
    fragment: bool = False
    error: str | None = None
    sent: list[Figure] = field(default_factory=list, repr=False)  # the figures of the last run (for the browser)

    @property
    def median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    @property
    def floor(self) -> float | None:
        return statistics.median(self.floor_cpu) if self.floor_cpu else None

    @property
    def ratio(self) -> float | None:
        return self.median / self.floor if self.median is not None and self.floor else None

    def as_json(self) -> dict:
        return {"page": self.page, "name": self.name, "cpu_s": self.cpu, "floor_cpu_s": self.floor_cpu,
                "median_s": self.median, "floor_median_s": self.floor, "ratio": self.ratio, "figures": self.figures,
                "fragment": self.fragment, "error": self.error}


class Floor:
    """``apps/floor.py`` in one AppTest session, drawing figure sets written to ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.session: Session | None = None

    def name(self, figures: list[Figure]) -> str:
        """The figure set's file name (written once): a digest of its specs."""
        digest = hashlib.sha1("".join(f.spec + f.config + str(f.key) for f in figures).encode()).hexdigest()[:16]
        path = self.folder / f"{digest}.json"
        if not path.exists():
            write_figures(figures, path)
        return digest

    def run(self, figures: list[Figure]) -> float:
        """CPU seconds of one floor run drawing ``figures``."""
        name = self.name(figures)
        if self.session is None:
            self.session = Session.script(APPS / "floor.py", {"figures": name})
        self.session.at.query_params["figures"] = name
        return self.session.run().cpu

    def replay(self, sets: list[list[Figure]]) -> list[float]:
        """The floor's CPU for each figure set in turn, after the same number of untimed runs as the app."""
        for figures in sets[:WARM]:
            self.run(figures)
        return [self.run(figures) for figures in sets[WARM:]]


def _timed(measure: Measure, floor: Floor | None, step, count: int) -> Measure:
    """Run ``step(i)`` WARM + ``count`` times (each returns a Run), then the floor on the same figures."""
    sets = []
    try:
        for i in range(WARM + count):
            run = step(i)
            sets.append(run.figures)
            if i >= WARM:
                measure.cpu.append(run.cpu)
                measure.fragment = measure.fragment or run.fragment is not None
        measure.sent = sets[-1]
        measure.figures = len(measure.sent)
        measure.floor_cpu = floor.replay(sets) if floor is not None else []
    except (AppError, RuntimeError, ValueError, KeyError) as exc:
        measure.error = f"{type(exc).__name__}: {str(exc)[:300]}"
    return measure


def no_op(page: str, script: str, params: dict, floor: Floor, count: int) -> tuple[Measure, list[Control]]:
    """A rerun that changes nothing, and the page's controls (found on that run)."""
    session = Session.page(script, params)
    measure = _timed(Measure(page, "no-op rerun"), floor, lambda _i: session.run(), count)
    return measure, discover(session.at)


def control_rerun(page: str, script: str, params: dict, control: Control, floor: Floor, count: int) -> Measure:
    """The rerun ``control`` causes, alternating between its two states.

    When a change leaves the page (a chart click opens another) or takes the control off it (Next at the last
    event), the page is opened anew, untimed, before the next change."""
    return _timed(Measure(page, control.name), floor, _control_step(script, params, control), count)


def _control_step(script: str, params: dict, control: Control):
    """One change of ``control`` per call, alternating between its two states."""
    opened = [Session.page(script, params)]  # the session in use (replaced when the page is opened anew)
    home = opened[0].page_hash()

    def step(i: int):
        session = opened[0]
        node = control.find(session.at) if session.page_hash() == home else None
        if node is None:
            opened[0] = session = Session.page(script, params)
            node = control.find(session.at)
        if node is None:
            raise RuntimeError(f"{control.name} is not on the page when it is opened again")
        send = control.state(node, i)
        return session.run(send, fragment=session.fragment_of(send.id))

    return step


def page_reruns(page: str, script: str, params: dict, floor: Floor, count: int, controls: bool = True) -> list[Measure]:
    """The no-op rerun and every control's rerun of one page."""
    noop, found = no_op(page, script, params, floor, count)
    out = [noop]
    for control in found if controls and noop.error is None else []:
        out.append(control_rerun(page, script, params, control, floor, count))
    return out


def _stockpeers_step():
    """One horizon change of the stockpeers model per call (its pills control, alternating 6 months and 1 year)."""
    session = Session.script(APPS / "stockpeers.py")
    control = next(c for c in discover(session.at) if c.label == "Time horizon")
    return lambda i: session.run(control.state(control.find(session.at), i))


def stockpeers(count: int) -> Measure:
    """The stockpeers model's horizon change, alternating 6 months and 1 year."""
    return _timed(Measure("stockpeers", PEER_NAME), None, _stockpeers_step(), count)


PEER_NAME = "horizon change (apps/stockpeers.py)"


def slowest_beside_stockpeers(measures: list[Measure], scripts: dict[str, str], params: dict, count: int,
                              candidates: int = 3) -> tuple[Measure | None, Measure]:
    """The slowest rerun and the stockpeers model's horizon change, ``count`` samples each, taken in turn.

    One sample per measure (the quick pass) names the wrong rerun as the slowest whenever a garbage-collection
    pause lands in it, so the ``candidates`` slowest are measured again, each sample beside one of the model's,
    and the one with the highest median is the slowest."""
    ranked = sorted((m for m in measures if m.median is not None and m.error is None), key=lambda m: -m.median)
    peer_step, peer = _stockpeers_step(), Measure("stockpeers", PEER_NAME)
    slowest = None
    for old in ranked[:candidates]:
        app_step = _step_of(old, scripts[old.page], params)
        again = Measure(old.page, old.name)

        def both(i: int, app_step=app_step):
            peer_run = peer_step(i)
            if i >= WARM:
                peer.cpu.append(peer_run.cpu)
            return app_step(i)

        _timed(again, None, both, count)
        if again.error is None and (slowest is None or again.median > slowest.median):
            slowest = again
    return slowest, peer


def _step_of(measure: Measure, script: str, params: dict):
    """What one sample of ``measure`` runs: a rerun of its page that changes nothing, or its control's change."""
    if measure.name == "no-op rerun":
        session = Session.page(script, params)
        return lambda _i: session.run()
    control = next(c for c in discover(Session.page(script, params).at) if c.name == measure.name)
    return _control_step(script, params, control)


def elapsed(since: float) -> str:
    return f"{time.perf_counter() - since:.1f} s"
