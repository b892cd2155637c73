"""The layers hold: one module talks to yfinance, and the pure components never reach Streamlit."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the components that are Streamlit glue (caches, session state, widgets); every other one is pure
STREAMLIT_GLUE = {"caching", "event_ui", "market_data", "session", "your_data_ui"}


def imports(path: Path) -> set[str]:
    """Top-level names of every module ``path`` imports, at any depth of the file (lazy imports too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "components":
                names |= {f"components.{a.name}" for a in node.names}
    return names


def python_files() -> list[Path]:
    return [p for p in ROOT.rglob("*.py") if ".venv" not in p.parts and "tests" not in p.parts]


def test_only_market_data_imports_yfinance():
    users = {p.relative_to(ROOT).as_posix() for p in python_files()
             if any(n.split(".")[0] == "yfinance" for n in imports(p))}
    assert users == {"components/market_data.py"}


def test_pure_components_import_neither_streamlit_nor_the_glue():
    components = {p.stem: p for p in (ROOT / "components").glob("*.py") if p.stem != "__init__"}
    assert STREAMLIT_GLUE <= set(components)
    for name, path in components.items():
        names = imports(path)
        uses_streamlit = any(n.split(".")[0] == "streamlit" for n in names)
        glue = {n.split(".")[1] for n in names if n.startswith("components.")} & STREAMLIT_GLUE
        if name in STREAMLIT_GLUE:
            continue
        assert not uses_streamlit, f"components/{name}.py imports streamlit but is meant to be pure"
        assert not glue, f"components/{name}.py imports Streamlit glue {sorted(glue)}"


def test_pages_stay_thin():
    for page in (ROOT / "pages").glob("*.py"):
        lines = page.read_text(encoding="utf-8").splitlines()
        assert len(lines) <= 150, f"{page.name} has {len(lines)} lines; move logic into components/"
        assert not any(n.split(".")[0] in {"yfinance", "requests"} for n in imports(page))
