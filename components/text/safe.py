"""Untrusted text made safe to show: in Markdown (no markup, no live links) and in CSV (no formulas)."""

from __future__ import annotations

import re
import urllib.parse
from functools import lru_cache

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_AUTOLINK = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]*:(?=//)|\bwww(?=\.)|\bmailto:|[\w.+-]@(?=[\w-]))")
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: object) -> str:
    """Escape Markdown and HTML-significant characters so the text renders literally. Web and e-mail
    addresses get a zero-width space after the scheme, "www" or the "@", so they are not turned into
    links; direction controls (which can make text read other than it is) are shown as "?"."""
    return _escaped(str(text))


@lru_cache(maxsize=4096)  # pages escape the same titles and notes on every rerun
def _escaped(text: str) -> str:
    text = _AUTOLINK.sub(lambda m: m.group(0) + "\u200b", _BIDI.sub("?", text))
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def md_link(title: str, url: str) -> str:
    """A Markdown link whose title is escaped and whose address cannot close the link early:
    brackets, parentheses and spaces in the address are percent-encoded."""
    safe_url = urllib.parse.quote(str(url), safe=":/?#&=%+,;@!$~*._-")
    return f"[{md_escape(title)}]({safe_url})"


def csv_bytes(frame) -> bytes:
    """A frame as UTF-8 CSV whose text cells cannot run as spreadsheet formulas.

    A cell starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a
    title someone uploaded cannot turn into a formula when the export is opened in a spreadsheet.
    Numbers are left alone.
    """
    safe = frame.copy()
    for col in safe.columns:
        if safe[col].dtype == object or str(safe[col].dtype) in ("str", "string"):
            safe[col] = safe[col].map(lambda v: csv_safe(v) if isinstance(v, str) else v)
    return safe.to_csv(index=False).encode("utf-8")


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet opening a CSV would treat this value as a formula."""
    return text.startswith(FORMULA_PREFIXES)


def csv_safe(text: str) -> str:
    """The value to write into a CSV cell: a formula-like value gets a leading apostrophe."""
    return f"'{text}" if looks_like_formula(text) else text
