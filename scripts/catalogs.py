#!/usr/bin/env python
"""The translation catalogs: extract every marked sentence, update each language's catalog, compile them, check them.

    .venv/bin/python scripts/catalogs.py extract   # components/, pages/, app.py -> catalogs/dashboard.pot
    .venv/bin/python scripts/catalogs.py update    # merge the template into each language's .po (new ones untranslated)
    .venv/bin/python scripts/catalogs.py compile   # .po -> .mo, what the app reads
    .venv/bin/python scripts/catalogs.py check     # exit 1 on an untranslated or fuzzy sentence, or one whose
                                                   # {placeholders} differ from the English

Sentences are marked in the code with ``_()``, ``ngettext()``, ``N_()`` and ``Nn_()`` (components/locale). The
catalogs are committed, .po and .mo alike, so the app runs without this script.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from babel.messages import frontend
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from components.locale import CATALOGS, DOMAIN, LANGUAGES  # noqa: E402

TEMPLATE = CATALOGS / f"{DOMAIN}.pot"
SOURCES = ("app.py", "pages", "components")
KEYWORDS = ("_", "N_", "ngettext:1,2", "Nn_:1,2")
_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)(?:[:!][^}]*)?\}")


def _run(command: list[str]) -> None:
    os.chdir(ROOT)  # sources are named relative to the project, so the template's locations are the same on every clone
    frontend.CommandLineInterface().run(["pybabel", "-q", *command])


def extract() -> None:
    keywords = [arg for k in KEYWORDS for arg in ("-k", k)]
    os.chdir(ROOT)  # the template names each sentence's place as a path inside the project, the same on any machine
    _run(["extract", "--no-default-keywords", *keywords, "--sort-by-file", "--no-wrap", "--project", "dashboard",
          "-o", str(TEMPLATE), *SOURCES])
    _brace_only(TEMPLATE)


def _brace_only(path: Path) -> None:
    """Drop the printf flag Babel guesses from a "%" in a sentence ("95% intervals"): every message is filled with
    str.format, so a printf check at compile time would refuse correct translations."""
    with open(path, "rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        message.flags.discard("python-format")
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=0, sort_by_file=True)


def update() -> None:
    for _name, locale in LANGUAGES.values():
        if locale == "en":
            continue
        po = CATALOGS / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
        verb = "update" if po.exists() else "init"
        _run([verb, "-D", DOMAIN, "-i", str(TEMPLATE), "-d", str(CATALOGS), "-l", locale, "--no-wrap"]
             + (["--ignore-obsolete"] if verb == "update" else []))
        _brace_only(po)


def compile_all() -> None:
    """Each language's .po to the .mo the app reads (the placeholder check is ``check``'s: Babel's own printf check
    would refuse a correct sentence that has a "%" in it)."""
    for _name, locale in LANGUAGES.values():
        po = CATALOGS / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
        if locale == "en" or not po.exists():
            continue
        with open(po, "rb") as handle:
            catalog = read_po(handle)
        with open(po.with_suffix(".mo"), "wb") as handle:
            write_mo(handle, catalog)
        print(f"{locale}: {sum(1 for m in catalog if m.id and m.string)} of {sum(1 for m in catalog if m.id)} "
              "sentences translated")


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
