"""Names that only modify the name before them: "Megacap tech companies in the S&P 500 sank 5.4%" is the companies'
move, not the S&P 500's, so the index there is never the verb's subject."""

from __future__ import annotations

import re

from components.text.entities import Mention

_IN_THE = re.compile(r"\s(?:in|of) (?:the )?")


def without_modifiers(names: list[Mention], text: str) -> list[Mention]:
    """``names`` (in order) less each one that follows a group with "in" or "of" between them."""
    return [m for j, m in enumerate(names) if not (j and names[j - 1].kind == "group"
                                                   and _IN_THE.fullmatch(text, names[j - 1].end, m.start))]
