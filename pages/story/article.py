"""The article: each point once, sentences linked to their events, relative dates checked."""

import streamlit as st

from components.data.events import shown_title
from components.locale import _, ngettext
from components.locale.formats import day
from components.text.article import article_date_mentions, bundled_article, deduplicated_blocks
from components.text.article_view import block_markdown, date_table, mentioned_events
from components.text.safe import md_escape
from components.ui import caches, daterange, links, replay, state, tables
from components.ui import navigation as nav
from components.ui.prices_events import all_events

article = bundled_article()
meta = article.meta
st.title(_("The article"))
outlet = meta.outlet[:1].upper() + meta.outlet[1:]
st.caption(_("{outlet}, {dateline}, published {day}. {note}").format(
    outlet=md_escape(outlet), dateline=meta.dateline, day=day(meta.publication_date), note=md_escape(meta.source_note)))
daterange.not_applicable(_("the article is shown whole, and each date is checked against its event."))
links.show_url_notices()
events = {e.id: e for e in all_events()}
focus = state.EVENT.get()
sentences = list(article.sentences)
kept = caches.shared("article blocks", lambda: deduplicated_blocks(article.blocks))
show_repeats = st.toggle(_("Show the repeated passages too"), key=state.ARTICLE_SHOW_REPEATS)
repeats = len(article.blocks) - len(kept)
st.caption(ngettext("This copy says many things twice: {repeats} of its {total} passages repeats an earlier one in "
                    "other words and is shown once.",
                    "This copy says many things twice: {repeats} of its {total} passages repeat an earlier one in "
                    "other words and are shown once.", repeats).format(repeats=repeats, total=len(article.blocks))
           + " " + _("Highlighted sentences mention an event; the links below a passage open it on the timeline."))
if focus in events and any(focus in s.event_ids for s in sentences):
    st.info(_("Sentences about “{title}” are in bold.").format(title=md_escape(shown_title(events[focus]))),
            icon=":material/format_bold:")



def passages() -> list[tuple]:
    """Each passage shown once as it is drawn: (heading?, its text, its repeats' numbers and texts, linked events),
    worked out once per selected event, events and language."""
    by_index = {b.index: b for b in article.blocks}
    out = []
    for item in kept:
        block = item.block
        text = md_escape(block.text) if block.kind == "heading" else block_markdown(block, sentences, focus)
        again = [(by_index[r.later].index + 1, block_markdown(by_index[r.later], sentences, focus))
                 for r in item.repeated_by]
        out.append((block.kind == "heading", text, again,
                    [eid for eid in mentioned_events(block, sentences) if eid in events]))
    return out




def draw_passages() -> None:
    for heading, text, again, linked in caches.shared("article passages", passages, focus,
                                                      events=list(events.values())):
        (st.header if heading else st.markdown)(text)
        for number, repeat in again:
            st.caption(_("Said again in other words in passage {number}.").format(number=number))
            if show_repeats:
                st.markdown(f"> {repeat}")
        if linked:
            cols = st.columns(min(len(linked), 4))
            for i, eid in enumerate(linked):
                cols[i % len(cols)].page_link(nav.page("timeline"), label=shown_title(events[eid]),
                                              icon=":material/timeline:", query_params={"event": eid})


replay.draw("article passages", draw_passages, focus, show_repeats, caches.events_key(list(events.values())))

st.header(_("Dates such as “last week”, checked"))
st.caption(_("Each one is counted from the publication date, {day}, and compared with the verified date of the "
             "event it refers to.").format(day=day(meta.publication_date)))


def resolved_dates():
    found = article_date_mentions()
    return found, date_table(found, {k: shown_title(e) for k, e in events.items()})


mentions, dates = caches.shared("article dates", resolved_dates, events=list(events.values()))
tables.show(dates, hide_index=True, key=state.ARTICLE_DATES)
if any(m.claim_id for m in mentions):
    st.page_link(nav.page("claims"), label=_("“Since January”: see both readings on the claims page"),
                 icon=":material/fact_check:")
