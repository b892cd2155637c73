"""An event study's windows in words ("[-250, -11]") and the study's refusals: the class of error whose message is
meant for the user, and the check that a stock has history enough before day 0 for the estimation window."""

from __future__ import annotations

import datetime as dt

from components.facts import MIN_ESTIMATION
from components.locale import _, ngettext
from components.locale import formats as F

Window = tuple[int, int]


class EventStudyError(ValueError):
    """The study cannot be run; the message is a sentence meant for the user."""


def signed(n: int) -> str:
    return f"{n:+d}" if n else "0"


def window_text(window: Window) -> str:
    return f"[{signed(window[0])}, {signed(window[1])}]"


def check_history(p0: int, estimation: Window, symbol: str, day0: dt.date) -> None:
    """Raise when the estimation window reaches before the first return (session 0 has no prior close)."""
    (e1, e2), earliest = estimation, 1 - p0
    if e1 >= earliest:
        return
    longest, shortest = (earliest, e2), (e2 - MIN_ESTIMATION + 1, e2)
    fits = (_("The longest window that fits is {window} ({count} sessions)").format(
        window=window_text(longest), count=e2 - earliest + 1) if e2 - earliest + 1 >= MIN_ESTIMATION
        else _("No usable window fits"))
    day = F.date_as(day0, "date")
    if p0 < 2:  # day 0 is the first session, or the second: no return before it to fit on
        raise EventStudyError(_("{symbol}'s prices start on or just before day 0 ({day}), so there is no history "
                                "before the event to fit the market model on. Choose a later event, or load a longer "
                                "{symbol} history.").format(symbol=symbol, day=day))
    raise EventStudyError(ngettext(
        "{symbol} has only {count} session of returns before day 0 ({day}), too few for the estimation window "
        "{window} ({length} sessions). {fits}; the shortest usable window is {shortest} ({least} sessions). Shorten "
        "the window or load a longer history.",
        "{symbol} has only {count} sessions of returns before day 0 ({day}), too few for the estimation window "
        "{window} ({length} sessions). {fits}; the shortest usable window is {shortest} ({least} sessions). Shorten "
        "the window or load a longer history.", p0 - 1).format(
        symbol=symbol, count=p0 - 1, day=day, window=window_text(estimation), length=e2 - e1 + 1, fits=fits,
        shortest=window_text(shortest), least=MIN_ESTIMATION))
