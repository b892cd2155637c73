"""Numbers as people write them: signs, thousands separators, decimal commas and digits of any script.

:func:`find_numbers` lists every number of a text with its value and the exact characters it came from:

* **digits of any script** (full-width ``８.４``, Arabic-Indic ``٨٫٤``, Devanagari ...) are read as the
  digits they are; the offsets stay those of the text (each digit is one character either way);
* **signs**: ``-``, ``−`` (U+2212), ``–`` right before a digit, ``+``, and the word "minus";
* **thousands**: ``24,369.71``, ``24 369.71`` with a space, a thin or a narrow no-break space;
* **decimals**: a point, a middle dot (``8·4``), the Arabic decimal separator (``٫``), and a decimal comma
  where it cannot be a thousands separator (``8,4%``: one or two digits after it).

A number that could be read two ways is listed with ``problem`` set (the reason) and no value: a figure is
never judged on a guess. Every pattern is linear, and the text is read once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from components.locale import _

_SPACES = "\u0020\u00a0\u2009\u202f\u2007"  # space, no-break, thin, narrow no-break, figure space
_DECIMALS = ".\u00b7\u066b\u2027"  # point, middle dot, Arabic decimal separator, hyphenation point
_MINUS = "-\u2212\u2013\u2012\uff0d"  # hyphen-minus, minus sign, en dash, figure dash, full-width hyphen
_NUMBER = re.compile(
    r"(?P<sign>[" + _MINUS + r"+\uff0b](?=\d)|\bminus\s(?=\d))?"
    r"(?P<body>\d{1,3}(?:(?P<sep>[," + _SPACES + r"'])\d{3})(?:(?P=sep)\d{3}){0,4}(?:[" + _DECIMALS + r",]\d{1,6})?"
    r"|\d+(?:[" + _DECIMALS + r",]\d{1,6})?)"
    r"(?![\d])", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A number of a text: ``value`` None when ``problem`` says why it cannot be read for sure."""

    value: float | None
    start: int
    end: int
    text: str
    decimals: int = 0
    sign: int = 0  # -1 written with a minus, +1 with a plus, 0 without either
    problem: str = ""


def ascii_digits(text: str) -> str:
    """The text with every decimal digit of any script as its ASCII digit, character for character."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.digit(ch)) if not ch.isascii() and unicodedata.decimal(ch, None) is not None
                   else ch for ch in text)


def find_numbers(text: str) -> list[Number]:
    """Every number of ``text`` in order (see the module's docstring); offsets are those of ``text``."""
    plain = ascii_digits(text)
    return [_read(m, plain) for m in _NUMBER.finditer(plain)]


def _read(m: re.Match, plain: str) -> Number:
    body, sign_text = m.group("body"), m.group("sign") or ""
    start = m.start()
    sign = 0 if not sign_text else (1 if sign_text in "+\uff0b" else -1)
    if sign_text and start and (plain[start - 1].isalnum() or plain[start - 1] in "-/"):
        sign, start = 0, start + len(sign_text)  # "COVID-19", "2024-10-02", "10-for-1": a hyphen inside a word
    value, decimals, problem = _value(body, plain[m.end():m.end() + 12])
    if value is not None and sign < 0:
        value = -value
    return Number(value, start, m.end(), plain[start:m.end()], decimals, sign, problem)


def _value(body: str, after: str) -> tuple[float | None, int, str]:
    """The value of a number's digits and separators, its decimals, or the reason it is ambiguous."""
    seps = [ch for ch in body if not ch.isdigit()]
    if not seps:
        return float(body), 0, ""
    last = seps[-1]
    head, _sep, tail = body.rpartition(last)
    grouped = len(seps) > 1 or len(tail) == 3
    if last in _DECIMALS and (len(seps) == 1 or all(ch != last for ch in seps[:-1])):
        return float(_digits(head) + "." + tail), len(tail), ""
    if last == ",":
        if len(tail) == 3 and len(seps) == 1 and not re.match(r"\s?(?:%|per ?cent|percent)", after):
            return float(_digits(body)), 0, ""  # 24,369: thousands
        if len(tail) == 3:
            return None, 0, _("'{words}' could be {one} or {other}").format(words=body, one=body.replace(",", ""),
                                                                             other=body.replace(",", "."))
        if len(seps) == 1 and len(tail) <= 2:
            return float(head + "." + tail), len(tail), ""  # 8,4%: a decimal comma
        if grouped and len(tail) == 3:
            return float(_digits(body)), 0, ""
    if last in _SPACES + "'" and len(tail) == 3:
        return float(_digits(body)), 0, ""
    if all(ch == "," for ch in seps) and len(tail) == 3:
        return float(_digits(body)), 0, ""
    return None, 0, _("'{words}' is written in a way that can be read two ways").format(words=body)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
