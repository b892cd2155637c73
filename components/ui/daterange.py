"""The app-wide date range: presets or custom dates, one choice shared by every page.

The session keeps what the user chose (``RANGE_PRESET``, ``RANGE_ANCHOR`` and, for a custom range,
``RANGE_START``/``RANGE_END``); :func:`resolve` turns it into a :class:`~components.analysis.ranges.DateRange`
(the dates, and those dates cut to the data that exists) once per run where it is first needed: in the
frame for the sidebar's report, and on a page by :func:`range_line`, which hands it to the page to pass
on. The controls sit on the page itself, under its title, in a popover that works as well on a phone as
on a desktop; pages the range does not apply to say so instead.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.analysis import ranges
from components.locale import _
from components.locale.formats import day
from components.ui import state
from components.ui.labels import shown_as
from components.ui.prices_events import data_span


def resolve() -> ranges.DateRange:
    """The shared range as the session holds it: the choice, the dates it stands for, and those cut to the data."""
    custom = (state.RANGE_START.get(), state.RANGE_END.get())
    return ranges.resolve(state.RANGE_PRESET.get(), state.RANGE_ANCHOR.get(), custom, *data_span())


def apply_preset(preset: str, anchor: str) -> None:
    """Choose a preset (the date picker shows its dates); a custom range chosen before is dropped."""
    state.RANGE_PRESET.set(preset)
    state.RANGE_ANCHOR.set(anchor)
    _set_dates(None, None)


def apply_custom(start: dt.date, end: dt.date) -> None:
    state.RANGE_PRESET.set(ranges.CUSTOM)
    _set_dates(start, end)


def _set_dates(start: dt.date | None, end: dt.date | None) -> None:
    state.RANGE_START.set(start)
    state.RANGE_END.set(end)
    state.RANGE_PICK.set(None)  # a new range ends any pick in progress: the picker shows the range's dates


def refusal(picked: tuple, span: tuple[dt.date, dt.date]) -> str | None:
    """Why two picked dates cannot be the range; None for a good pair, or a half-picked one (nothing to say yet)."""
    if len(picked) < 2 or None in picked:
        return None
    return ranges.check_range(picked[0], picked[1], *span)


def _on_preset() -> None:
    preset = st.session_state.get(state.RANGE_PRESET.widget)
    if preset == ranges.CUSTOM:  # keep the dates on screen, now as a custom range to edit
        apply_custom(*resolve().chosen)
    elif preset:
        apply_preset(preset, state.RANGE_ANCHOR.get())


def _on_anchor() -> None:
    anchor = st.session_state.get(state.RANGE_ANCHOR.widget) or state.RANGE_ANCHOR.get()
    if ranges.counts_back(state.RANGE_PRESET.get()):
        apply_preset(state.RANGE_PRESET.get(), anchor)
    else:
        state.RANGE_ANCHOR.set(anchor)


def _on_dates() -> None:
    picked = tuple(st.session_state.get(state.RANGE_PICK.widget) or ())
    if len(picked) == 2 and None not in picked and refusal(picked, data_span()) is None:
        apply_custom(picked[0], picked[1])
    else:  # half-picked, or refused (said while the picker holds it): kept until a range is chosen
        state.RANGE_PICK.set(picked)


def range_controls(shown: ranges.DateRange) -> None:
    """Presets, the custom dates (typed dates apply on Enter) and what the presets count back from."""
    st.segmented_control(_("Date range"), [*ranges.PRESETS, ranges.CUSTOM], required=True,
                         format_func=shown_as([*ranges.PRESETS, ranges.CUSTOM],
                                              lambda p: _(ranges.PRESETS[p]) if p in ranges.PRESETS else _("Custom")),
                         **state.RANGE_PRESET.bind(on_change=_on_preset))
    st.date_input(_("Custom: from – to"), format="YYYY-MM-DD", min_value=ranges.DATE_MIN, max_value=ranges.DATE_MAX,
                  help=_("Pick two dates, or type them and press Enter."),
                  **state.RANGE_PICK.bind(on_change=_on_dates, shows=shown.chosen))
    problem = refusal(state.RANGE_PICK.get() or (), shown.span)
    if problem:
        st.warning(problem, icon=":material/date_range:")
    first, last = shown.span
    st.radio(_("1M, 3M, 6M, YTD and 1Y end on"), list(ranges.ANCHORS), horizontal=True,
             format_func=shown_as(ranges.ANCHORS, lambda a: _("{anchor} ({day})").format(
                 anchor=_(ranges.ANCHORS[a]), day=day(last)) if a == "latest" else ranges.anchor_label(a)),
             **state.RANGE_ANCHOR.bind(on_change=_on_anchor))
    st.caption(_("Prices run from {first} to {last}.").format(first=day(first), last=day(last)))


def range_line() -> ranges.DateRange:
    """Under a page title: the range shown, with a button that opens the controls; the range, for the page."""
    shown = resolve()
    with st.popover(f":material/date_range: {shown.describe()}", width="content"):
        range_controls(shown)
    return shown


def not_applicable(why: str) -> None:
    """Under the title of a page the shared date range does not change."""
    st.caption(_(":material/date_range: The date range of Overview, Timeline and Markets does not apply here: "
                 "{why}").format(why=why))
