"""The translation catalogs: every marked sentence translated in every language, placeholders kept, nothing stale.

A sentence marked in the code but missing from the template, a template sentence with no translation (or a fuzzy
one), a translation whose ``{placeholders}`` differ from the English, or a compiled catalog older than its .po all
fail here; ``scripts/catalogs.py all`` mends the first three kinds' bookkeeping, a translator the rest.
"""

from __future__ import annotations

import ast

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from components.locale import CATALOGS, DOMAIN, LANGUAGES
from scripts import catalogs


def _ids(catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def test_every_sentence_is_translated_in_every_language_with_its_placeholders():
    assert catalogs.problems() == []


def test_the_template_holds_every_sentence_the_code_marks(tmp_path, monkeypatch):
    monkeypatch.setattr(catalogs, "TEMPLATE", tmp_path / "fresh.pot")
    catalogs.extract()
    with open(tmp_path / "fresh.pot", "rb") as fresh, open(CATALOGS / f"{DOMAIN}.pot", "rb") as kept:
        assert _ids(read_po(fresh)) == _ids(read_po(kept)), "run: .venv/bin/python scripts/catalogs.py all"


def test_each_language_holds_every_sentence_of_the_template():
    with open(CATALOGS / f"{DOMAIN}.pot", "rb") as handle:
        template = _ids(read_po(handle))
    for _name, locale in LANGUAGES.values():
        if locale == "en":
            continue
        with open(CATALOGS / locale / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as handle:
            missing = template - _ids(read_po(handle))
        assert not missing, f"{locale} lacks {sorted(missing)[:5]}: run scripts/catalogs.py update, then translate"


def test_each_compiled_catalog_matches_its_po_file():
    for _name, locale in LANGUAGES.values():
        if locale == "en":
            continue
        folder = CATALOGS / locale / "LC_MESSAGES"
        with open(folder / f"{DOMAIN}.po", "rb") as po, open(folder / f"{DOMAIN}.mo", "rb") as mo:
            written, compiled = read_po(po), read_mo(mo)
        def pairs(catalog):
            return {(m.id if isinstance(m.id, str) else m.id[0]): (m.string if isinstance(m.string, str)
                                                                    else tuple(m.string)[0])
                    for m in catalog if m.id}

        assert pairs(written) == pairs(compiled), locale


def test_the_check_catches_a_missing_translation_and_a_changed_placeholder(tmp_path, monkeypatch):
    folder = tmp_path / "zh_Hant_HK" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / f"{DOMAIN}.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "{symbol} closed at {price}"\nmsgstr "{symbol} 收報 {close}"\n\n'
        'msgid "Data sources"\nmsgstr ""\n', encoding="utf-8")
    monkeypatch.setattr(catalogs, "CATALOGS", tmp_path)
    monkeypatch.setattr(catalogs, "LANGUAGES", {"zh-HK": ("繁體中文", "zh_Hant_HK")})
    found = catalogs.problems()
    assert any("placeholders differ" in p for p in found) and any("not translated" in p for p in found)


MARKERS = {"_": 1, "N_": 1, "ngettext": 2, "Nn_": 2}


def _marked_in_code() -> dict[str, str]:
    """Every sentence a marker call spells out in the code (a call inside an f-string too), with its place."""
    found = {}
    for folder in catalogs.SOURCES:
        root = catalogs.ROOT / folder
        for path in [root] if root.is_file() else sorted(root.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS:
                    for arg in node.args[:MARKERS[node.func.id]]:
                        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                            found[arg.value] = f"{path.relative_to(catalogs.ROOT)}:{node.lineno}"
    return found


def test_every_sentence_marked_in_the_code_reaches_the_template():
    with open(CATALOGS / f"{DOMAIN}.pot", "rb") as handle:
        template = {part for m in read_po(handle) if m.id for part in (m.id if isinstance(m.id, tuple) else (m.id,))}
    marked = _marked_in_code()
    assert len(marked) > 1000
    assert {place: text for text, place in marked.items() if text not in template} == {}
