"""Every third-party package the code imports is declared: the app's in requirements.txt, the tests' in
requirements-dev.txt, so a fresh machine installs all of it from the two files."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions

from tests.paths import ROOT

OWN = {"components", "pages", "scripts", "tests", "app", "conftest"}


def third_party_imports(paths) -> set[str]:
    names = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in OWN and n != "__future__"}


def declared(*files: str) -> set[str]:
    names = set()
    for name in files:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*[<>=!~]", line)
            if match:
                names.add(match.group(1).lower().replace("_", "-"))
    return names


def distributions(modules: set[str]) -> dict[str, set[str]]:
    found = packages_distributions()
    return {m: {d.lower().replace("_", "-") for d in found.get(m, [m])} for m in modules}


def test_the_app_declares_what_it_imports():
    code = [ROOT / "app.py", *(ROOT / "pages").rglob("*.py"), *(ROOT / "components").rglob("*.py"),
            *(ROOT / "scripts").glob("*.py")]
    have = declared("requirements.txt", "requirements-dev.txt")
    app_only = declared("requirements.txt")
    bench = {ROOT / "scripts" / "bench.py"}  # a developer command: it may use the test tools
    for module, dists in distributions(third_party_imports(set(code) - bench)).items():
        assert dists & app_only, f"{module} is imported by the app but not in requirements.txt"
    for module, dists in distributions(third_party_imports(bench)).items():
        assert dists & have, f"{module} is imported by scripts/bench.py but declared nowhere"


def test_the_tests_declare_what_they_import():
    have = declared("requirements.txt", "requirements-dev.txt")
    for module, dists in distributions(third_party_imports((ROOT / "tests").glob("*.py"))).items():
        assert dists & have, f"{module} is imported by the tests but in neither requirements file"
