"""Timing runs of a Streamlit script in AppTest the way a server runs them for a browser.

Three things AppTest does differently from a server are put right while :func:`server_like` is active:

* AppTest compiles every script anew on every run (a fresh ``ScriptCache`` each time); a server compiles each file
  once. One cache is shared, so a rerun measures the app and not Python's compiler.
* AppTest always reruns the whole script; a browser that changes a widget drawn inside an ``st.fragment`` asks for a
  rerun of that fragment only. :meth:`Session.run` takes the fragment to rerun, found from the messages of the last
  run (each element a fragment draws carries its fragment id), and asks for it as the browser does.
* AppTest sends a widget's value as it knows it; the browser sends the option's label. :meth:`Session.run` takes a
  ``WidgetState`` to send as is, so any choice can be made without knowing the values behind the labels.

A run's cost is its CPU time (``process_time`` of this process, all threads: the script runs in a thread of its
own) and its wall time; what it sent is kept as :class:`Figure` specs, from which a floor script draws the same.
"""

from __future__ import annotations

import contextlib
import json
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from tests import apptest

TIMEOUT = 120  # seconds per run: generous for a shared, busy machine


class AppError(RuntimeError):
    """A run ended with an exception on the page."""


@dataclass(frozen=True)
class Figure:
    """One plotly chart as the app sent it: enough for a floor script to draw the same."""

    key: str | None
    spec: str
    config: str
    selectable: bool

    def as_json(self) -> dict:
        return {"key": self.key, "spec": self.spec, "config": self.config, "selectable": self.selectable}


@dataclass
class Run:
    """One timed run: CPU and wall seconds, whether a fragment alone ran, and the charts it sent."""

    cpu: float
    wall: float
    fragment: str | None
    figures: list[Figure] = field(default_factory=list)


def figures_of(at: AppTest) -> list[Figure]:
    out = []
    for el in at.get("plotly_chart"):
        key = el.proto.id.split("-", 2)[-1] if el.proto.id.startswith("$$ID-") else None
        out.append(Figure(key or None, el.proto.spec, el.proto.config, bool(len(el.proto.selection_mode))))
    return out


_FRAGMENT: ContextVar[str | None] = ContextVar("fragment", default=None)  # what the next run asks for


class _ServerLike:
    """The patches of :func:`server_like`: one script cache, fragment ids recorded, fragment reruns asked for."""

    def __init__(self) -> None:
        import streamlit.testing.v1.app_test as app_test_mod
        import streamlit.testing.v1.local_script_runner as runner_mod
        from streamlit.runtime.scriptrunner.script_cache import ScriptCache

        self.modules = (app_test_mod, runner_mod)
        self.saved = (app_test_mod.ScriptCache, runner_mod.ScriptCache, runner_mod.parse_tree_from_messages,
                      runner_mod.RerunData)
        self.cache = ScriptCache()

    def install(self) -> None:
        app_test_mod, runner_mod = self.modules
        _, _, parse, rerun_data = self.saved
        app_test_mod.ScriptCache = runner_mod.ScriptCache = lambda: self.cache

        def parse_tree(messages):
            tree = parse(messages)
            tree.fragment_of = _fragments(messages)
            return tree

        def rerun(**kwargs):
            fragment = _FRAGMENT.get()
            return rerun_data(**kwargs, fragment_id_queue=[fragment] if fragment else [])

        runner_mod.parse_tree_from_messages = parse_tree
        runner_mod.RerunData = rerun

    def restore(self) -> None:
        app_test_mod, runner_mod = self.modules
        app_test_mod.ScriptCache, runner_mod.ScriptCache, runner_mod.parse_tree_from_messages, \
            runner_mod.RerunData = self.saved

    @staticmethod
    def active() -> bool:
        import streamlit.testing.v1.local_script_runner as runner_mod

        return runner_mod.RerunData.__name__ == "rerun"


def _fragments(messages) -> dict[str, str]:
    """Element id -> the fragment that drew it, from a run's delta messages."""
    out = {}
    for msg in messages:
        if not msg.HasField("delta") or not msg.delta.fragment_id or msg.delta.WhichOneof("type") != "new_element":
            continue
        element = msg.delta.new_element
        proto = getattr(element, element.WhichOneof("type"))
        if getattr(proto, "id", ""):
            out[proto.id] = msg.delta.fragment_id
    return out


@contextlib.contextmanager
def server_like():
    """AppTest runs as a server makes them (see the module docstring), for the duration of the block."""
    patches = _ServerLike()
    patches.install()
    try:
        yield patches
    finally:
        patches.restore()


class Session:
    """One AppTest session: opened on a page (or a script), then rerun, each run timed."""

    def __init__(self, at: AppTest) -> None:
        self.at = at

    @classmethod
    def page(cls, script: str, params: dict[str, str] | None = None) -> Session:
        """The app on ``script`` (a navigation.PAGES entry's file) with link ``params``, first run done."""
        session = cls(apptest.open_page(script, params=params, run=False))
        session.at.default_timeout = TIMEOUT
        session.run()
        return session

    @classmethod
    def script(cls, path: Path, params: dict[str, str] | None = None) -> Session:
        """A script of its own (a floor, the stockpeers model) with link ``params``, first run done."""
        session = cls(AppTest.from_file(str(path), default_timeout=TIMEOUT))
        session.at.query_params.update(params or {})
        session.run()
        return session

    def fragment_of(self, element_id: str) -> str | None:
        return getattr(self.at._tree, "fragment_of", {}).get(element_id)

    def run(self, send: WidgetState | None = None, fragment: str | None = None) -> Run:
        """Rerun with every widget as it is, ``send`` replacing one widget's state; only ``fragment`` if given."""
        if not _ServerLike.active():
            raise RuntimeError("Session.run needs server_like() to be active")
        at = self.at
        states = at._tree.get_widget_states() if at._tree is not None else None
        if send is not None:
            kept = [w for w in states.widgets if w.id != send.id]
            del states.widgets[:]
            states.widgets.extend([*kept, send])
        asked = _FRAGMENT.set(fragment)
        c0, t0 = time.process_time(), time.perf_counter()
        try:
            at._run(states)
        finally:
            _FRAGMENT.reset(asked)
        run = Run(time.process_time() - c0, time.perf_counter() - t0, fragment, figures_of(at))
        if at.exception:
            raise AppError("; ".join(str(e.value)[:300] for e in at.exception))
        return run

    def page_hash(self) -> str:
        return self.at._finished_page_script_hash


def write_figures(figures: list[Figure], path: Path) -> Path:
    path.write_text(json.dumps([f.as_json() for f in figures]))
    return path
