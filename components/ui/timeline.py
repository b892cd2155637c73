"""The timeline's widget blocks: category and view filters, the timeline component and the event chooser.

The timeline itself is a small browser component (``assets/timeline.js``): zoom, pan and the
keyboard live in the page, so a click or a step never resets the view. It sends two triggers:
``pick`` (an event id) and ``step`` (±1); both only change ``state.EVENT``.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from babel.dates import get_day_names, get_month_names

from components.analysis.ranges import DateRange
from components.charts import marks
from components.charts.timeline import timeline_data
from components.data.events import CATEGORIES, Event, category_name, shown_title
from components.locale import _, babel_locale, ngettext
from components.locale.formats import day
from components.ui import caches, device, state
from components.ui.labels import shown_as

ASSETS = Path(__file__).parent / "assets"
TIMELINE = st.components.v2.component("event_timeline", js=(ASSETS / "timeline.js").read_text(encoding="utf-8"),
                                      css=(ASSETS / "timeline.css").read_text(encoding="utf-8"))


def filtered_events(events: list[Event]) -> list[Event]:
    """The events of the chosen categories (the view control picks where the timeline opens)."""
    left, right = st.columns([5, 2], vertical_alignment="bottom")
    with left:
        st.pills(_("Categories"), CATEGORIES, selection_mode="multi", format_func=shown_as(CATEGORIES, category_name),
                 **state.CATEGORIES.bind())
    with right:
        st.segmented_control(_("Open on"), list(state.TIMELINE_SPANS), required=True,
                             format_func=shown_as(state.TIMELINE_SPANS, lambda span: _(state.TIMELINE_SPANS[span])),
                             **state.TIMELINE_SPAN.bind())
    return [e for e in events if e.category in state.CATEGORIES.get()]


def step(ids: list[str], offset: int) -> None:
    """Select the event ``offset`` places from the selected one in ``ids``; at an end, say so."""
    current = state.EVENT.get()
    if current not in ids:
        target = 0 if offset > 0 else len(ids) - 1
    else:
        target = ids.index(current) + offset
    if not 0 <= target < len(ids):
        st.toast(_("That was the last event.") if offset > 0 else _("That was the first event."),
                 icon=":material/block:")
        return
    state.EVENT.set(ids[target])


def _on_pick() -> None:
    picked = getattr(st.session_state.get(state.TIMELINE), "pick", None)
    if isinstance(picked, str):
        state.EVENT.set(picked)


def _on_step(ids: list[str]) -> None:
    value = getattr(st.session_state.get(state.TIMELINE), "step", None)
    if isinstance(value, dict) and value.get("dir") in (-1, 1):
        step(ids, value["dir"])


def timeline(events: list[Event], shown: DateRange) -> None:
    """Every event of ``events`` on one axis, opening on the range ``shown``; a click or tap selects, ← / → step."""
    span, selected, dark = state.TIMELINE_SPAN.get(), state.EVENT.get(), device.is_dark()
    drawn = caches.shared("timeline data", lambda: timeline_data(marks.event_marks(events, None, exact=True),
                                                                 start=shown.start, end=shown.end, span=span,
                                                                 selected=selected, dark=dark),
                          shown.start, shown.end, span, selected, dark, events=events)
    labels = caches.shared("timeline labels", lambda: _labels(len(events)), len(events))
    data = {**drawn, "labels": labels}  # the shared dict stays as it was made
    ids = [e.id for e in events]
    TIMELINE(key=state.TIMELINE, data=data, on_pick_change=_on_pick, on_step_change=lambda: _on_step(ids))
    opened = {"range": _("It opens on the date range."),
              "article week": _("It opens on the article's week, as the date range holds no event."),
              "all": _("It opens on every event.")}[data["view"]["reason"]]
    st.caption(_("◆ in the article · ● background · ★ your events. {opened} Times are in {clock}. Scroll or pinch to "
                 "zoom, drag to move, click or tap an event to open it; ← / → (or K / J) step from one event to the "
                 "next.").format(opened=opened, clock=data["clock"]))


def _labels(total: int) -> dict:
    """The component's words and date pieces in the run's language (the browser draws them); its count of events in
    view agrees with the ``total`` of events."""
    locale = babel_locale()
    return {"timeline": _("Event timeline: Tab to the events, ← / → to move between them, Enter to open one"),
            "zoom": _("Timeline zoom"), "zoom_out": _("Zoom out"), "zoom_in": _("Zoom in"),
            "reset": _("Reset view"), "reset_title": _("Back to the opening view"),
            "all": _("All events"), "all_title": _("Show every event"),
            "in_view": ngettext("{shown} of {total} event in view", "{shown} of {total} events in view", total),
            "in_view_more": ngettext("{shown} of {total} event in view · zoom out or drag to see the rest",
                                     "{shown} of {total} events in view · zoom out or drag to see the rest", total),
            "months": [get_month_names("abbreviated", locale=locale)[m] for m in range(1, 13)],
            "weekdays": [get_day_names("abbreviated", locale=locale)[d] for d in (6, 0, 1, 2, 3, 4, 5)],
            # Translators: the timeline's date ticks; {weekday}, {day}, {month} (abbreviated), {year}, {hour}
            "month_tick": _("{month} {year}"), "day_tick": _("{weekday} {day} {month}"),
            "hour_tick": _("{weekday} {day} {hour}:00")}


def choose_event(events: list[Event], selected: Event | None) -> Event | None:
    """Previous / next buttons and a selector over ``events`` (plus a selected event they leave out)."""
    pool = events + ([selected] if selected is not None and selected not in events else [])
    pool = sorted(pool, key=lambda e: e.sort_key)
    ids = [e.id for e in events]
    at = ids.index(selected.id) if selected is not None and selected.id in ids else None
    nav_prev, nav_pick, nav_next = st.columns([1, 4, 1], vertical_alignment="bottom")
    nav_prev.button(_("◀ Previous"), on_click=step, args=(ids, -1), width="stretch", key=state.PREV_EVENT,
                    disabled=at == 0, help=_("Previous event (← or K)"))
    nav_next.button(_("Next ▶"), on_click=step, args=(ids, 1), width="stretch", key=state.NEXT_EVENT,
                    disabled=at == len(ids) - 1, help=_("Next event (→ or J)"))
    labels = caches.shared("timeline event labels", lambda: {e.id: f"{day(e.date)} · {shown_title(e)}" for e in pool},
                           events=pool)
    nav_pick.selectbox(_("Event"), [e.id for e in pool], format_func=labels.get, index=None,  # an unknown id: none
                       placeholder=_("Choose an event, or click one on the timeline"), **state.EVENT.bind())
    if at is not None:
        st.caption((_("Event {n} of {total}, the last") if at == len(ids) - 1 else
                    _("Event {n} of {total}, the first") if at == 0 else
                    _("Event {n} of {total}")).format(n=at + 1, total=len(ids)))
    return selected


def hidden_selection_notice(selected: Event | None, events: list[Event]) -> None:
    """Say so when the selected event's category is switched off: it stays selected, off the timeline."""
    if selected is not None and selected not in events:
        st.info(_("“{title}” stays open below, but its category ({category}) is switched off, so the timeline "
                  "does not show it. Turn the category back on to see it there.").format(
                      title=shown_title(selected), category=category_name(selected.category)),
                icon=":material/visibility_off:")
