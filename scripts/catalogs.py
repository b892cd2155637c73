#!/usr/bin/env python
"""The translation catalogs: extract every marked sentence, update each language's catalog, compile them, check them.

    .venv/bin/python scripts/catalogs.py extract   # components/, pages/, app.py -> catalogs/dashboard.pot
    .venv/bin/python scripts/catalogs.py update    # merge the template into each language's .po (new ones untranslated)
    .venv/bin/python scripts/catalogs.py compile   # .po -> .mo, what the app reads
    .venv/bin/python scripts/catalogs.py check     # exit 1 on an untranslated or fuzzy sentence, or one whose
                                                   # {placeholders} differ from the English

Sentences are marked in the code with ``_()``, ``ngettext()`` and ``N_()`` (components/locale). The catalogs are
committed, .po and .mo alike, so the app runs without this script.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from babel.messages import frontend
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from components.locale import CATALOGS, DOMAIN, LANGUAGES  # noqa: E402

TEMPLATE = CATALOGS / f"{DOMAIN}.pot"
SOURCES = ("app.py", "pages", "components")
KEYWORDS = ("_", "N_", "ngettext:1,2")
_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)(?:[:!][^}]*)?\}")


def _run(command: list[str]) -> None:
    frontend.CommandLineInterface().run(["pybabel", "-q", *command])


def extract() -> None:
    """The template, each message's places named relative to the project (the same in every checkout)."""
    keywords = [arg for k in KEYWORDS for arg in ("-k", k)]
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        _run(["extract", "--no-default-keywords", *keywords, "--sort-by-file", "--no-wrap", "--project", "dashboard",
              "-o", str(TEMPLATE), *SOURCES])
    finally:
        os.chdir(here)


def update() -> None:
    for _name, locale in LANGUAGES.values():
        if locale == "en":
            continue
        po = CATALOGS / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
        verb = "update" if po.exists() else "init"
        _run([verb, "-D", DOMAIN, "-i", str(TEMPLATE), "-d", str(CATALOGS), "-l", locale, "--no-wrap"]
             + (["--ignore-obsolete"] if verb == "update" else []))


def compile_all() -> None:
    _run(["compile", "-D", DOMAIN, "-d", str(CATALOGS), "--statistics"])


def problems() -> list[str]:
    """Every untranslated or fuzzy sentence, and every translation whose placeholders differ from the English."""
    out = []
    for _name, locale in LANGUAGES.values():
        if locale == "en":
            continue
        po = CATALOGS / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not po.exists():
            out.append(f"{locale}: no catalog")
            continue
        with open(po, "rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            where = f"{locale}: {ids[0][:60]!r}"
            if message.fuzzy:
                out.append(f"{where} is fuzzy")
            if not all(strings):
                out.append(f"{where} is not translated")
            elif any(set(_FIELD.findall(s)) != set(_FIELD.findall(ids[0])) for s in strings):
                out.append(f"{where}: its placeholders differ from the English")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/catalogs.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=("extract", "update", "compile", "check", "all"))
    step = ap.parse_args(argv).step
    if step in ("extract", "all"):
        extract()
    if step in ("update", "all"):
        update()
    if step in ("compile", "all"):
        compile_all()
    if step in ("check", "all"):
        found = problems()
        print("\n".join(found) or "every sentence is translated in every language")
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
