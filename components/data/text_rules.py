"""The text rules, written once: what free text from a user, a file, an article or a database may hold.

Events keep plain text only (:func:`text_problem`): no control characters (tabs and line breaks are
fine), no direction controls (which can make text read other than it is), and nothing a browser would
read as markup: "<" directly before a letter, "/", "!" or "?" (where HTML opens a tag), a ``javascript:``
or ``vbscript:`` link, ``data:text/html``, or an event handler such as ``onerror=``; also when it is
written with HTML entities ("&lt;img"). An article's own text (:func:`control_problem`) may hold markup
as words, since it is always shown as text; control and direction characters are refused there too.

The event model (:class:`components.data.events.Event`) applies :func:`text_problem` to every text it
holds, so an upload, a reviewed candidate, a stored record and a workspace accept exactly the same text.
Each refusal names the character or the words. Text an article gives a proposed event passes
:func:`as_plain` first: its angle brackets become ‹ › (Reuters' "<BABA.N>" reads "‹BABA.N›").
"""

from __future__ import annotations

import html
import re
import unicodedata

from components.locale import _

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# a tag opens where "<" meets a letter, "/", "!" or "?" (HTML's tag-open state); "on" plus three or more
# letters and "=" is an event handler (onload=, onerror=), but not "one = two" or "only="
MARKUP = re.compile(r"<[a-z!/?]|(?:java|vb)script\s*:|data\s*:\s*text/html|\bon[a-z]{3,}\s*=", re.IGNORECASE)


def control_problem(text: str) -> str | None:
    """Why ``text`` cannot be kept because of one character (named with its code point), else None."""
    for ch in text:
        if ch in BIDI_CONTROLS:
            return _("contains the direction control character {code}, which can disguise text; only plain text is "
                     "accepted").format(code=f"U+{ord(ch):04X}")
        if unicodedata.category(ch) == "Cc" and ch not in "\n\t":
            return _("contains the control character {code}; only printable text, tabs and line breaks are "
                     "accepted").format(code=f"U+{ord(ch):04X}")
    return None


def _named(found: str) -> str:
    """What a markup match is, in words that hold no markup themselves."""
    if found.startswith("<"):
        return _("a less-than sign directly before '{character}' (U+003C), which opens an HTML tag").format(
            character=found[1])
    if found[:2].lower() == "on":
        return _("'{words}=', an HTML event handler").format(words=found.rstrip("= "))
    return _("'{words}', a script or HTML address").format(words="".join(found.split()))


def markup_problem(text: str) -> str | None:
    """Why ``text`` reads as HTML or script markup (the words named), else None."""
    found = MARKUP.search(text)
    if found is not None:
        return _("contains HTML or script markup: {what}; only plain text is accepted").format(
            what=_named(found.group()))
    decoded = html.unescape(text) if "&" in text else text
    found = MARKUP.search(decoded) if decoded != text else None
    if found is not None:
        return _("contains HTML or script markup written with HTML entities: {what}; only plain text is "
                 "accepted").format(what=_named(found.group()))
    return None


def text_problem(text: str) -> str | None:
    """The rule for every text of an event: why it cannot be kept, else None."""
    return control_problem(text) or markup_problem(text)


def tidy(text: str) -> str:
    """Text as it is kept: line ends as "\\n", no space (or other blank) at either end."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def as_plain(text: str) -> str:
    """An article's words made event text: angle brackets become ‹ ›, so no tag can open."""
    return text.replace("<", "\u2039").replace(">", "\u203a")
