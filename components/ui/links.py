"""Shareable links: the page's state to and from the URL's query parameters.

:func:`parse_params` and :func:`to_params` are pure (mappings in, mappings out); :func:`to_params`
writes a page's link and, for ``state.EVERY_PAGE``, the view a saved workspace keeps. :func:`sync_from_url`
applies a link that was opened, :func:`write_url` keeps the address bar in step with the screen, and
:func:`keep_current` does it for a part of a page that reruns alone (an ``st.fragment``): the sidebar's links, the
share link and the report are drawn by the whole run, so a change they carry reruns the whole app. A
parameter that cannot be used is ignored with a notice, never silently. The open workspace's token
(``ws`` or ``share``) is opened before the link is applied (:mod:`components.ui.workspace_links`).
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.analysis import ranges
from components.facts import MAX_PARAM_LENGTH
from components.locale import _
from components.text.safe import md_escape
from components.ui import navigation as nav
from components.ui import params, replay, state
from components.ui.daterange import apply_custom, apply_preset
from components.ui.prices_events import all_events, available_symbols, data_span

PARAMS: dict[str, state.Key | None] = {**{key.param: key for key in state.URL_KEYS},
                                       **dict.fromkeys(state.TOKEN_PARAMS)}  # a token: checked, opened apart
RANGE_PARAMS = {state.RANGE_START.param, state.RANGE_END.param}
LINKED = (*(key.name for key in state.URL_KEYS), state.WORKSPACE.name)  # the session values a link is made of


def parse_params(query: Mapping[str, str], ctx: params.LinkContext) -> tuple[dict[str, object], list[str]]:
    """Session-state updates from URL parameters, and a notice for every parameter ignored."""
    updates, notices = {}, []
    for name, raw in query.items():
        value = str(raw).strip()
        if name not in PARAMS:
            notices.append(_("The link's '{name}' means nothing here, so it was ignored.").format(name=name[:40]))
            continue
        if len(value) > MAX_PARAM_LENGTH:
            notices.append(_("The link's '{name}' was ignored: it is longer than {limit} characters.").format(
                name=name, limit=MAX_PARAM_LENGTH))
            continue
        key = PARAMS[name]
        try:
            if key is None:
                params.token(value, ctx)
            else:
                updates[key.name] = key.parse(value, ctx)
        except params.PartlyIgnored as exc:
            updates[key.name] = exc.value
            notices.append(_("The link's {name}='{value}': used {kept}; ignored the rest: {reason}.").format(
                name=name, value=value[:60], kept=", ".join(exc.value), reason=str(exc).rstrip(".")))
        except ValueError as exc:
            notices.append(_("The link's {name}='{value}' was ignored: {reason}.").format(
                name=name, value=value[:60], reason=str(exc).rstrip(".")))
    custom = state.RANGE_START.name in updates or state.RANGE_END.name in updates
    if custom and state.RANGE_PRESET.name not in updates:
        updates[state.RANGE_PRESET.name] = ranges.CUSTOM
    return updates, notices


def to_params(values: Mapping[str, object], page: str) -> dict[str, str]:
    """The URL parameters that reproduce ``page`` as it is in ``values`` (session state), with the open
    workspace's token; for ``state.EVERY_PAGE``, every page's parameters and no token (a saved view)."""
    custom = values.get(state.RANGE_PRESET.name) == ranges.CUSTOM
    out = {}
    for key in state.URL_KEYS:
        dropped = key.param in RANGE_PARAMS if not custom else key == state.RANGE_ANCHOR
        if not key.on_page(page) or dropped:
            continue
        value = values.get(key.name)
        if value is None or value == "" and key != state.ES_BENCHMARK:
            continue
        out[key.param] = params.format_value(value)
    workspace = values.get(state.WORKSPACE.name)
    if workspace is not None and page != state.EVERY_PAGE:
        out[workspace.param] = workspace.token
    return out


def sync_from_url() -> None:
    """Apply URL parameters when they differ from what the app last wrote (a link was opened)."""
    current = st.query_params.to_dict()
    if not current or current == state.URL_WRITTEN.get():
        return
    ctx = params.LinkContext(frozenset(e.id for e in all_events()), available_symbols(),
                             state.WORKSPACE.get() is not None)
    updates, notices = parse_params(current, ctx)
    preset = updates.pop(state.RANGE_PRESET.name, None)
    anchor = updates.pop(state.RANGE_ANCHOR.name, state.RANGE_ANCHOR.get())
    start, end = updates.pop(state.RANGE_START.name, None), updates.pop(state.RANGE_END.name, None)
    if preset and preset != ranges.CUSTOM:
        apply_preset(preset, anchor)
    elif start is not None or end is not None:
        problem = ranges.check_range(start, end, *data_span())
        if problem:
            notices.append(_("The link's date range was ignored: {problem}").format(problem=problem))
        else:
            apply_custom(start, end)
    for name, value in updates.items():
        next(k for k in state.URL_KEYS if k.name == name).set(value)
    state.URL_NOTICES.set(notices)


def linked_values() -> dict[str, object]:
    """The session's values that links are made of (:func:`to_params`), read from session state once: a run makes
    a link for every page of the sidebar, and every read through session state costs."""
    session, missing = st.session_state, object()
    found = {name: session.get(name, missing) for name in LINKED}  # one look-up each (``in`` first costs two)
    return {name: value for name, value in found.items() if value is not missing}


def write_url(page: str) -> None:
    query = to_params(linked_values(), page)
    if query != st.query_params.to_dict():
        st.query_params.from_dict(query)
    state.URL_WRITTEN.set(query)


def keep_current(page: str) -> None:
    """In a fragment, once its inputs are applied: when the session no longer holds what the sidebar's links, the
    share link and the report were drawn with (a fragment's own rerun draws none of them), rerun the whole app so
    they carry it; otherwise only keep the address bar in step, and the fragment's rerun stays cheap.

    A cheaper way exists in Streamlit 1.67 and is not taken yet: ``@st.fragment(key=...)`` with
    ``st.rerun([key, ...])`` from a widget callback (only there) reruns the named fragments alone, in that order.
    It needs the sidebar's links, the whole workspace block (its share and edit links carry the event), the report,
    ``write_url`` and the autosave in one keyed fragment; every widget of that block (save, copy, revoke, new share,
    save over, up/down colours) to rerun the app from its callback, or it would rerun only the block; the Markets
    chart's click to pick its event in an ``on_select`` callback rather than in the body; and the bench to send the
    callback's keyed rerun as a browser does (AppTest reruns what the last run's messages name)."""
    if _fragment_rerun() and to_params(linked_values(), state.EVERY_PAGE) != state.LINKS_DRAWN.get():
        st.rerun(scope="app")
    write_url(page)


def _fragment_rerun() -> bool:
    """Whether this run is a fragment's own rerun (a whole run draws the links after this check anyway)."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def show_url_notices() -> None:
    for notice in state.URL_NOTICES.pop():
        st.warning(md_escape(notice), icon=":material/link_off:")


def navigation() -> None:
    """The sidebar's page links, each carrying the state that page shows (range, event, its own
    parameters), so arriving on a page writes no second address into the browser's history."""
    values = linked_values()
    state.LINKS_DRAWN.set(to_params(values, state.EVERY_PAGE))
    links = tuple((spec, to_params(values, spec.url_path)) for spec in nav.PAGES)
    with st.sidebar:
        replay.draw("page links", lambda: _page_links(links), tuple((s.url_path, sorted(q.items())) for s, q in links))


def _page_links(links: tuple) -> None:
    section = None
    for spec, query in links:  # the app's root (the Overview) is linked under its own address
        if spec.section != section:
            section = spec.section
            st.caption(_(section))
        st.page_link(nav.page(spec.url_path), query_params=query)
