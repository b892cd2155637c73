"""What the browser tells the server about itself: a touch screen (phones, tablets) and the theme.

Read from the request (the user agent) and from Streamlit's view of the theme, so the first run of a
page already draws charts for the screen: no drag-zoom that would catch a swipe meant to scroll,
lower panels on a phone, and ink that reads on a dark background.
"""

from __future__ import annotations

import re

import streamlit as st

from components.ui import state

_TOUCH = re.compile(r"Mobi|Android|iPhone|iPad|iPod|Silk|Kindle", re.IGNORECASE)


def is_touch() -> bool:
    """True for phones and tablets (their user agents say so); drag-zoom is then off.

    A session's request headers never change, so they are read on its first run only."""
    touch = state.TOUCH.get()
    if touch is None:
        touch = _agent_is_touch()
        state.TOUCH.set(touch)
    return touch


def _agent_is_touch() -> bool:
    try:
        agent = st.context.headers.get("User-Agent", "") or ""
    except Exception:  # no request (AppTest, bare mode): a desktop
        return False
    return bool(_TOUCH.search(agent))


def is_dark() -> bool:
    """True when the page shows Streamlit's dark theme."""
    try:
        return (st.context.theme or {}).get("type") == "dark"
    except Exception:
        return False


def chart_look() -> dict:
    """Keyword arguments every price figure takes from the device: ``dark`` and ``compact``."""
    return {"dark": is_dark(), "compact": is_touch()}
