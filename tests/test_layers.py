"""The layout holds: the folder tells the layer, one module talks to yfinance, pages stay thin.

Layers, lowest first: ``components/facts.py``, ``locale`` (languages and formats), then ``data``, ``analysis``,
``text``, ``charts``, ``workspace`` (saved workspaces: the database), ``report`` (the downloadable report), ``ui``.
A module may import its own layer and the ones below, never one above; only
``ui/`` (and the pages and router above it) may import streamlit; only ``data/yahoo.py`` imports yfinance.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.paths import ROOT

LAYERS = ["facts", "locale", "data", "analysis", "text", "charts", "workspace", "report", "ui"]
COMPONENTS = ROOT / "components"
MAX_MODULE_LINES, MAX_FUNCTION_LINES, MAX_PAGE_LINES = 400, 60, 100


def imports(path: Path) -> set[str]:
    """Dotted names of every module ``path`` imports, at any depth of the file (lazy imports too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def python_files() -> list[Path]:
    skip = {".venv", "tests", "bench"}
    return sorted(p for p in ROOT.rglob("*.py") if not skip & set(p.relative_to(ROOT).parts))


def component_modules() -> list[Path]:
    return sorted(p for p in COMPONENTS.rglob("*.py") if p.name != "__init__.py")


def layer_of(path: Path) -> str:
    rel = path.relative_to(COMPONENTS)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def test_every_component_sits_in_a_layer():
    assert {layer_of(p) for p in component_modules()} == set(LAYERS)


def test_only_the_yahoo_module_imports_yfinance():
    users = {p.relative_to(ROOT).as_posix() for p in python_files()
             if any(n.split(".")[0] == "yfinance" for n in imports(p))}
    assert users == {"components/data/yahoo.py"}


def test_only_the_ui_package_imports_streamlit():
    for path in component_modules():
        uses = any(n.split(".")[0] == "streamlit" for n in imports(path))
        assert not uses or layer_of(path) == "ui", f"{path.relative_to(ROOT)} imports streamlit outside ui/"


@pytest.mark.parametrize("path", component_modules(), ids=lambda p: p.relative_to(COMPONENTS).as_posix())
def test_no_module_imports_a_layer_above_its_own(path):
    own = LAYERS.index(layer_of(path))
    for name in imports(path):
        parts = name.split(".")
        if parts[0] != "components" or len(parts) < 2 or parts[1] not in LAYERS:
            continue
        assert LAYERS.index(parts[1]) <= own, f"{path.relative_to(ROOT)} ({LAYERS[own]}) imports {name}"


def test_pages_are_thin_and_talk_to_no_network_library():
    for page in (ROOT / "pages").rglob("*.py"):
        lines = page.read_text(encoding="utf-8").splitlines()
        assert len(lines) <= MAX_PAGE_LINES, f"{page.name} has {len(lines)} lines; move logic into components/"
        assert not any(n.split(".")[0] in {"yfinance", "requests"} for n in imports(page))


def test_modules_and_functions_stay_small():
    for path in [*component_modules(), *(ROOT / "pages").rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_MODULE_LINES, f"{path} is too long"
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= MAX_FUNCTION_LINES, f"{path.name}:{node.name} has {length} lines"


def _literal_keys(path: Path) -> list[str]:
    """String literals used as session-state keys or widget keys in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) \
                and isinstance(node.slice.value, str) and "session_state" in ast.unparse(node.value):
            found.append(node.slice.value)
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "key" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                    found.append(kw.value.value)
            if isinstance(node.func, ast.Attribute) and node.func.attr in {"pop", "get", "setdefault"} \
                    and "session_state" in ast.unparse(node.func.value) and node.args \
                    and isinstance(node.args[0], ast.Constant):
                found.append(node.args[0].value)
    return found


def test_pages_and_widget_blocks_name_state_keys_never_spell_them():
    places = [*(ROOT / "pages").rglob("*.py"), ROOT / "app.py",
              *(p for p in (COMPONENTS / "ui").glob("*.py") if p.name != "state.py")]
    spelled = {p.relative_to(ROOT).as_posix(): keys for p in places if (keys := _literal_keys(p))}
    assert spelled == {}, f"use the names in components/ui/state.py: {spelled}"


def test_the_story_symbols_are_written_once():
    needle = '"9988.HK", "BABA", "^HSI", "^HSCE"'
    places = [p.relative_to(ROOT).as_posix() for p in python_files() if needle in p.read_text(encoding="utf-8")]
    assert places == ["components/facts.py"]
