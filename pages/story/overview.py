"""Overview: the story in three lines, the headline reactions, and every event on the main chart."""

import streamlit as st

from components import locale
from components.charts import marks
from components.data.events import category_name, find_event, shown_title
from components.data.symbols import display_name, level_label, symbol_info
from components.facts import DEFAULT_SYMBOLS, HEADLINE_EVENT
from components.locale import _, ngettext
from components.locale.formats import MISSING, day, signed_percent
from components.text.safe import md_escape
from components.ui import caches, daterange, device, links, plots, replay, state, updown
from components.ui import navigation as nav
from components.ui.banners import provenance_banner
from components.ui.prices_events import all_events, full_history

st.title(_("Alibaba's QwQ-32B week on the markets"))
st.markdown(_(
    "- **Thu 6 Mar 2025** (Beijing time): Alibaba released **QwQ-32B**, a reasoning model it says rivals DeepSeek-R1.\n"
    "- A few hours earlier **Manus**, a general AI agent, launched; China's government pledged support for "
    "'industries of the future'.\n"
    "- The article says Alibaba's Hong Kong shares **jumped 8%** and lifted the **HSCEI**, up '30% since January'. "
    "Every figure below is worked out from closing prices, so you can see how far the markets bear that out."
))
shown = daterange.range_line()
links.show_url_notices()
symbols = list(DEFAULT_SYMBOLS)
start, end = shown.start, shown.end
history = full_history(symbols)
provenance_banner(history)
events = all_events()

st.header(_("How the markets reacted to QwQ-32B"))


def headline_metrics() -> list[dict]:
    """Each symbol's card as ``st.metric`` and a caption take it: worked out once per prices, events and language."""
    cards = marks.headline_reactions(find_event(events, HEADLINE_EVENT), caches.closes(history), symbols,
                                     caches.prints(history))
    out = []
    for card in cards:
        if card["return"] is None:
            out.append({"label": card["symbol"], "value": MISSING, "help": card["note"] or card["status"]})
            continue
        info = symbol_info(card["symbol"])
        out.append({"label": f"{card['symbol']} · {day(card['day0'])}", "value": signed_percent(card["return"]),
                    "help": _("Close-to-close change on {name}'s reaction session: the first {market} session to "
                              "close after the release.").format(name=display_name(info.symbol, locale.current()),
                                                                  market=info.market.shown_name),
                    "caption": _("Close: {level}").format(level=level_label(card["close"], card["symbol"],
                                                                            card["print"]))})
    return out


for col, card in zip(st.columns(len(symbols)), caches.shared("overview headline", headline_metrics, tuple(symbols),
                                                             history=history, events=events)):
    col.metric(card["label"], card["value"], help=card["help"])
    if "caption" in card:
        col.caption(card["caption"])

st.header(_("Alibaba and the Hang Seng indices with the article's events"))
fig, frame, shown = caches.market_chart(history, events, start=start, end=end, view="rebased",
                                        uirevision=f"overview-{start}-{end}", updown=updown.chosen(),
                                        **device.chart_look())
if frame.empty:
    st.info(_("No prices between {start} and {end}. Pick another date range.").format(start=day(start), end=day(end)))
    st.stop()
picked = plots.clickable(fig, state.OVERVIEW_CHART, remember=False)
if picked:
    state.EVENT.set(picked)
    st.switch_page(nav.page("timeline"), query_params={"event": picked})
for note in caches.coverage_notes(history, symbols, start, end):
    st.caption(f":material/warning: {note}")
st.caption(_("Each line starts at 100 on the first session of the range; hover for each close and its change since "
             "then. A triangle on a line marks that market's reaction to an event (pointing up: a rise, down: a "
             "fall). Click an event marker to open it, or a name in the legend to hide that line and its marks."))

st.header(ngettext("{count} event in the date range", "{count} events in the date range", len(shown)).format(
    count=len(shown)))
lines = caches.shared("overview events", lambda: [(e.id, f"**{day(e.date)}** · {category_name(e.category)} · "
                                                        f"{md_escape(shown_title(e))}" + (" · " + _("*your event*")
                                                        if e.origin == "user" else "")) for e in shown],
                      start, end, events=events)


def event_list() -> None:
    for event_id, line in lines:
        left, right = st.columns([5, 1])
        left.markdown(line)
        right.page_link(nav.page("timeline"), label=_("Open"), icon=":material/arrow_forward:",
                        query_params={"event": event_id})


replay.draw("overview events", event_list, tuple(lines))
