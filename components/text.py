"""Text helpers for showing untrusted text (uploads, URLs) safely in Markdown."""

from __future__ import annotations

import re
import urllib.parse

from components.uploads import csv_safe

VERDICT_BADGES = {
    "supported": ":green-badge[supported]",
    "partly supported": ":orange-badge[partly supported]",
    "not supported": ":red-badge[not supported]",
    "not checkable with price data": ":gray-badge[not checkable with price data]",
}
_AUTOLINK = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]*:(?=//)|\bwww(?=\.))")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: object) -> str:
    """Escape Markdown and HTML-significant characters so the text renders literally; web addresses
    get a zero-width space after the scheme or "www" so they are not turned into links."""
    text = _AUTOLINK.sub(lambda m: m.group(0) + "\u200b", str(text))
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def md_link(title: str, url: str) -> str:
    """A Markdown link whose title is escaped and whose address cannot close the link early:
    brackets, parentheses and spaces in the address are percent-encoded."""
    safe_url = urllib.parse.quote(str(url), safe=":/?#&=%+,;@!$~*._-")
    return f"[{md_escape(title)}]({safe_url})"


def pct(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:+.{digits}%}"


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
