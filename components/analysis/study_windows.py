"""An event study's windows in words ("[-250, -11]") and the study's refusals: the class of error whose message is
meant for the user, the checks of the windows themselves, and the check that a stock has history enough before day 0
for the estimation window."""

from __future__ import annotations

import datetime as dt

from components.facts import MIN_ESTIMATION
from components.locale import N_, _, ngettext
from components.locale import formats as F

Window = tuple[int, int]


class EventStudyError(ValueError):
    """The study cannot be run; the message is a sentence meant for the user."""


def signed(n: int) -> str:
    return f"{n:+d}" if n else "0"


def window_text(window: Window) -> str:
    return f"[{signed(window[0])}, {signed(window[1])}]"


def _window(value, name: str) -> Window:
    try:
        a, b = value
        if int(a) != a or int(b) != b:
            raise ValueError
    except (TypeError, ValueError):
        raise EventStudyError(_("The {name} window must be two whole numbers of sessions, such as [-250, -11]; got "
                                "{value}.").format(name=_(name), value=repr(value))) from None
    return int(a), int(b)


def validate_windows(estimation: Window, event_window: Window) -> tuple[Window, Window]:
    """Check both windows (taus relative to day 0) and return them as int pairs; raise EventStudyError."""
    (e1, e2), (w1, w2) = _window(estimation, N_("estimation")), _window(event_window, N_("event"))
    if e1 >= e2:
        raise EventStudyError(_("The estimation window {window} must start before it ends.").format(
            window=window_text((e1, e2))))
    if not w1 <= 0 <= w2:
        raise EventStudyError(_("The event window {window} must include day 0 (start <= 0 <= end).").format(
            window=window_text((w1, w2))))
    if e2 >= w1:
        raise EventStudyError(_("The estimation window {window} must end before the event window {event} starts, so "
                                "the event does not leak into the normal return.").format(
            window=window_text((e1, e2)), event=window_text((w1, w2))))
    if e2 - e1 + 1 < MIN_ESTIMATION:
        raise EventStudyError(_("The estimation window {window} has {count} sessions; at least {least} are needed, "
                                "e.g. {shortest}.").format(window=window_text((e1, e2)), count=e2 - e1 + 1,
                                                           least=MIN_ESTIMATION,
                                                           shortest=window_text((e2 - MIN_ESTIMATION + 1, e2))))
    return (e1, e2), (w1, w2)


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
