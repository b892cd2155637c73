"""No page or test spells a session key that ``components/ui/state.py`` defines: each imports its Key or constant.

The keys are read from state.py itself: every ``Key``'s name and widget key, every ``Chart``'s key and every plain
string constant, and a round's key (``extract_review-1``). A key with an underscore (``range_preset``, ``w_view``)
says nothing else, so it is refused wherever it is spelt. A one-word key (``event``, ``view``, ``log``) is also a
link parameter or a word of the data, so it is refused only where a session key goes: ``session_state[...]``,
``session_state.get(...)`` and its kin, ``... in session_state``, ``key=...``, and the keys of a session mapping
handed to ``open_page``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from components.ui import state
from tests.paths import ROOT

STATE_READS = {"get", "pop", "setdefault"}
SESSION_ARGS = {"open_page": 1, "new_app": 1}  # helpers taking a session mapping: its position


def session_keys() -> dict[str, str]:
    """Every key state.py defines, spelt, with the name that carries it there."""
    keys = {}
    for name, value in vars(state).items():
        if isinstance(value, state.Key):
            keys[value.name], keys[value.widget] = f"state.{name}.name", f"state.{name}.widget"
        elif isinstance(value, state.Chart):
            keys[value.key] = f"state.{name}.key"
        elif name.isupper() and isinstance(value, str):
            keys[value] = f"state.{name}"
    return keys


KEYS = session_keys()


def _is_session_state(node: ast.AST) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    return name == "session_state"


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def key_places(tree: ast.AST) -> list[ast.AST]:
    """The nodes of ``tree`` in a session-key position: subscripts, reads, tests, ``key=`` and session mappings."""
    places = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and _is_session_state(node.value):
            places.append(node.slice)
        elif isinstance(node, ast.Compare) and any(_is_session_state(c) for c in node.comparators):
            places.append(node.left)
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in STATE_READS and _is_session_state(func.value):
                places.extend(node.args[:1])
            places.extend(k.value for k in node.keywords if k.arg == "key")
            position = SESSION_ARGS.get(_call_name(node))
            mappings = [k.value for k in node.keywords if k.arg == "session"]
            if position is not None and len(node.args) > position:
                mappings.append(node.args[position])
            places.extend(key for m in mappings if isinstance(m, ast.Dict) for key in m.keys if key is not None)
    return places


def known_key(text: str) -> str | None:
    """The name in state.py of the key ``text`` spells, a round's key (``extract_review-1``) included."""
    base, _, round_ = text.rpartition("-")
    return KEYS.get(text) or (KEYS.get(base) if round_.isdigit() else None)


def spelt_keys(path: Path) -> list[str]:
    """``line: 'key' (use state.X)`` for every session key ``path`` spells as a string literal."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_place = {id(node) for node in key_places(tree)}
    found = []
    for node in ast.walk(tree):
        name = known_key(node.value) if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
        if name and ("_" in node.value or id(node) in in_place):
            found.append(f"{node.lineno}: {node.value!r} (use {name})")
    return sorted(found, key=lambda line: int(line.split(":")[0]))


def scanned_files() -> list[Path]:
    here = Path(__file__).resolve()
    files = [*ROOT.glob("pages/**/*.py"), *ROOT.glob("tests/**/*.py")]
    return sorted(p for p in files if p.resolve() != here and "articles" not in p.relative_to(ROOT).parts)


@pytest.mark.parametrize("path", scanned_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_session_key_is_spelt(path):
    assert spelt_keys(path) == [], f"{path.relative_to(ROOT)} spells session keys"


def test_the_scan_sees_every_kind_of_spelling(tmp_path):
    source = tmp_path / "page.py"
    source.write_text(
        "st.session_state['event'] = 1\n"                      # a one-word key where a key goes
        "x = st.session_state.get('symbols')\n"
        "y = 'view' in st.session_state\n"
        "at.button(key='log')\n"
        "open_page('app.py', {'categories': []})\n"
        "label = 'range_preset'\n"                               # a key with an underscore, anywhere
        "widget = 'w_view'\n"
        "chart = 'markets_chart'\n"
        "review = 'extract_review-1'\n"
        "params = {'event': 'e1', 'view': 'rebased'}\n"          # one-word link parameters: not session keys
        "word = 'event'\n", encoding="utf-8")
    lines = [int(line.split(":")[0]) for line in spelt_keys(source)]
    assert lines == [1, 2, 3, 4, 5, 6, 7, 8, 9]


def test_every_kind_of_key_is_known():
    assert {state.EVENT.name, state.RANGE_PRESET.widget, state.MARKETS_CHART.key, state.WS_SAVE} <= set(KEYS)
