"""Words a reader sees: no "(s)" plural hacks anywhere in the app's code (a count goes through ``ngettext``), no
environment variables or library names in the text of pages/ and components/ui/ (string literals with a space in them:
sentences, not keys, icons or file names)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.paths import ROOT

SHOWN = [*sorted((ROOT / "pages").rglob("*.py")), *sorted((ROOT / "components" / "ui").glob("*.py"))]
# every layer writes sentences a reader sees (notices, rules, verdicts), so none of them may pluralise by "(s)"
WRITTEN = [ROOT / "app.py", *sorted((ROOT / "components").rglob("*.py"))]
PLURAL_HACK = re.compile(r"\w+\((?:s|es)\)")
ENVIRONMENT = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")
LIBRARIES = re.compile(r"\b(?:rapidfuzz|yfinance|streamlit|plotly|pandas|pydantic|sqlalchemy|alembic|babel)\b", re.I)
def sentences(path: Path) -> list[str]:
    """The string literals of ``path`` that read as text (a space inside), docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr)}
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and " " in node.value]


def offences(text: str) -> list[str]:
    words = [m.group() for m in PLURAL_HACK.finditer(text)] + [m.group() for m in ENVIRONMENT.finditer(text)]
    return words + [m.group() for m in LIBRARIES.finditer(text)]


def found() -> set[tuple[str, str]]:
    return {(path.relative_to(ROOT).as_posix(), word) for path in SHOWN for text in sentences(path)
            for word in offences(text)}


def test_the_checks_catch_what_they_are_for():
    assert offences("3 event(s) found") == ["event(s)"]
    assert offences("run with DASHBOARD_OFFLINE=0") == ["DASHBOARD_OFFLINE"]
    assert offences("rapidfuzz similarity ≥ 90/100") == ["rapidfuzz"]
    assert offences("3 events found, +8.39% on Thu 6 Mar 2025 (HK$140.80)") == []


def test_no_plural_hacks_environment_variables_or_libraries_in_what_a_reader_sees():
    assert found() == set()


def test_no_layer_pluralises_by_hand():
    hacks = {(path.relative_to(ROOT).as_posix(), m.group()) for path in WRITTEN for text in sentences(path)
             for m in PLURAL_HACK.finditer(text)}
    assert hacks == set()
