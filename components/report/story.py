"""The report of the current story as one self-contained HTML file (pure: data in, text out).

:func:`build_report` writes the event timeline, the price chart with the events, the reaction table
of the selected event (or the headline event), the article's claims with their verdicts, the user's
events and articles (each loaded article's figures checked as on the claims page), the price basis and
data sources, and the share link. plotly.js is included
once, inline, and every chart is drawn from its figure's JSON, so the file opens without a network.

Everything that comes from a user or a file (titles, summaries, links, notes) is HTML-escaped; the
figures' JSON has every ``<`` escaped, so no text can close a script element.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from plotly.offline import get_plotlyjs

from components.analysis.alignment import reaction_display, reaction_table
from components.analysis.article_claims import MEASURE_WORDS
from components.analysis.claim_checks import check_named, checked_symbols
from components.analysis.claims import (
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    PARTLY,
    SUPPORTED,
    ClaimResult,
    ClaimsError,
    figure_headers,
    figures_frame,
    load_claims,
    result_notes,
    shown_wording,
)
from components.analysis.metrics import closes_by_symbol
from components.analysis.verdicts import evaluate_all
from components.charts import marks
from components.charts.palette import DEFAULT_UPDOWN, UpDown, cell_css, convention
from components.charts.plotly_locale import plotly_config
from components.charts.story import timeline_figure
from components.data.basis import BASIS_USE
from components.data.events import Event, category_name, find_event, shown_summary, shown_title
from components.data.prices import PriceResult, provenance_rows, provenance_shown
from components.data.symbols import benchmark_for
from components.facts import DEFAULT_SYMBOLS, HEADLINE_EVENT, MAX_REPORT_ARTICLES
from components.locale import N_, _, current, ngettext
from components.locale import formats as F
from components.text.claim_reader import claims_of_text
from components.workspace.records import StoredArticle

VERDICT_WORDS = {SUPPORTED: N_("Supported"), PARTLY: N_("Partly supported"), NOT_SUPPORTED: N_("Not supported"),
                 NOT_CHECKABLE: N_("Not checkable with price data")}
ORIGIN_WORDS = {"user": N_("user's own"), "article": N_("the article"), "context": N_("context")}


def words(text: str) -> str:
    """A sentence of the app's own (translated) in HTML: its markup characters escaped, its apostrophes kept."""
    return html.escape(text, quote=False)


def _tag(tag: str, text: str, attributes: str = "") -> str:
    return f"<{tag}{attributes}>{words(text)}</{tag}>"


@dataclass(frozen=True)
class Story:
    """What the screen shows: the events, the selected one, the range and symbols, and the share link."""

    events: tuple[Event, ...]
    selected: str | None
    start: dt.date
    end: dt.date
    symbols: tuple[str, ...] = DEFAULT_SYMBOLS
    share_url: str | None = None
    articles: tuple[StoredArticle, ...] = ()
    generated: dt.datetime | None = None
    updown: str = DEFAULT_UPDOWN  # the reader's up/down colour convention (a name of palette.UPDOWNS)


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def symbols_needed(story: Story) -> list[str]:
    """Every symbol the report reads: the chart's, the selected event's, their benchmarks, the claims'."""
    event = _focus(story)
    own = list(event.symbols) if event is not None and event.symbols else list(DEFAULT_SYMBOLS)
    wanted = [*story.symbols, *own, *DEFAULT_SYMBOLS]
    needed = list(dict.fromkeys(wanted + [b for b in map(benchmark_for, wanted) if b]))
    return needed + [s for s in _article_symbols(story) if s not in needed]


def _article_claims(article: StoredArticle) -> tuple:
    """A kept article's claims, read again from its text (an empty list for a text that cannot be read)."""
    return _claims_of(article.text, article.day, article.place)


@lru_cache(maxsize=16)
def _claims_of(text: str, published: dt.date, place: str) -> tuple:
    """Read once per report: the symbols it fetches and the section it writes both need the claims."""
    try:
        return tuple(claims_of_text(text, published, place=place or None)[1])
    except ValueError:
        return ()


def _checked_articles(story: Story) -> tuple[StoredArticle, ...]:
    """The loaded articles whose claims the report reads and checks: the latest MAX_REPORT_ARTICLES (bounded
    work per click); the others are listed with the rest."""
    return story.articles[-MAX_REPORT_ARTICLES:]


def _article_symbols(story: Story) -> list[str]:
    """The listings the checked articles' claims name, at most MAX_SYMBOLS per article (as on the claims page)."""
    return list(dict.fromkeys(s for article in _checked_articles(story)
                              for s in checked_symbols(_article_claims(article))))


def _focus(story: Story) -> Event | None:
    return find_event(story.events, story.selected or "") or find_event(story.events, HEADLINE_EVENT)


def _cell(value: object, colors: UpDown | None) -> str:
    """A table cell; a signed figure written as text ("+8.39%") is tinted by its direction when ``colors`` is given."""
    css = cell_css(value, colors) if colors is not None and isinstance(value, str) else ""
    style = f' style="{esc(css)}"' if css else ""
    return f"<td{style}>{esc('' if pd.isna(value) else value)}</td>"


def _table(frame: pd.DataFrame, colors: UpDown | None = None) -> str:
    head = "".join(f"<th>{esc(c)}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(_cell(v, colors) for v in row) + "</tr>" for row in frame.itertuples(index=False))
    return f'<div class="table"><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'


def _chart(fig, number: int) -> str:
    spec = fig.to_json().replace("<", "\\u003c")  # valid JSON, and no "</script>" can appear inside it
    config = json.dumps({"displaylogo": False, "showSendToCloud": False, "responsive": True, **plotly_config()})
    config = config.replace("<", "\\u003c")
    return (f'<div class="chart" id="chart-{number}"></div>\n<script>(function () {{ var s = {spec};\n'
            f'Plotly.newPlot("chart-{number}", s.data, s.layout, {config}); }})();'
            "</script>")


def _link(url: str | None) -> str:
    if url and url.startswith(("http://", "https://")):
        return f'<a href="{esc(url)}">{esc(url)}</a>'
    return esc(url or "")


def _events_section(story: Story, shown: list[Event]) -> str:
    event_marks = marks.event_marks(shown, None, story.selected, exact=True)
    parts = [_tag("h2", _("The events"))]
    if not shown:
        no_event = _("No event falls between {start} and {end}.")
        parts.append(_tag("p", no_event.format(start=F.padded_date(story.start), end=F.padded_date(story.end))))
        return "\n".join(parts)
    parts.append(_chart(timeline_figure(event_marks, story.start, story.end), 1))
    key = _("◆ in the article · ● context · ★ the user's own events. Times in Hong Kong.")
    parts.append(_tag("p", key, ' class="note"'))
    frame = pd.DataFrame({_("when"): [e.when() for e in shown], _("title"): [shown_title(e) for e in shown],
                          _("category"): [category_name(e.category) for e in shown],
                          _("from"): [_(ORIGIN_WORDS.get(e.origin, ORIGIN_WORDS["context"])) for e in shown]})
    parts.append(_table(frame))
    return "\n".join(parts)


def _prices_section(story: Story, history: PriceResult) -> str:
    fig, frame, _drawn = marks.market_chart(history.frame, start=story.start, end=story.end, events=list(story.events),
                                            selected=story.selected, symbols=tuple(story.symbols), view="rebased",
                                            updown=story.updown)
    if frame.empty:
        none = _("No prices between {start} and {end}.")
        return _tag("h2", _("Prices")) + _tag("p", none.format(start=F.padded_date(story.start),
                                                                end=F.padded_date(story.end)))
    note = _("Rebased to 100 at the first session of the range. Triangles mark each market's reaction session "
             "(day 0) to an event that names the symbol.")
    return _tag("h2", _("Prices with the events")) + "\n" + _chart(fig, 2) + "\n" + _tag("p", note, ' class="note"')


def _reaction_section(story: Story, history: PriceResult) -> str:
    event = _focus(story)
    if event is None:
        return ""
    symbols = list(event.symbols) or list(DEFAULT_SYMBOLS)
    table = reaction_display(reaction_table(event, closes_by_symbol(history.frame), symbols))
    summary = f"<p>{esc(shown_summary(event))}</p>" if event.summary else ""
    sources = "".join(f"<li>{esc(s.title)}: {_link(s.url)}</li>" for s in event.sources)
    heading = words(_("How each market reacted: {title}")).format(title=esc(shown_title(event)))
    when = words(_("{label} {when}")).format(label=_tag("strong", _("When:")), when=esc(event.when()))
    note = _("Day 0 is the first session of each market that closed after the event; returns run from the close "
             "before the first day to the close of the last, on that market's own sessions.")
    return (f"<h2>{heading}</h2>\n<p>{when}</p>{summary}\n" + _table(table, convention(story.updown)) + "\n"
            + _tag("p", note, ' class="note"')
            + (f"<p>{_tag('strong', _('Sources'))}</p><ul>{sources}</ul>" if sources else ""))


def _checked_claims(story: Story, history: PriceResult) -> list[ClaimResult] | ClaimsError:
    """The bundled claims checked against the prices, or why the claims file cannot be read."""
    try:
        return list(evaluate_all(load_claims(), closes_by_symbol(history.frame), list(story.events)))
    except ClaimsError as exc:  # a damaged claims file: the section says why, as the claims page does
        return exc


def _claims_section(results: Sequence[ClaimResult] | ClaimsError, colors: UpDown) -> str:
    parts = [_tag("h2", _("The article's claims, checked against the prices"))]
    if isinstance(results, ClaimsError):
        return parts[0] + "\n" + _tag("p", _("The article's claims cannot be checked: {reason}").format(
            reason=results), ' class="note"')
    for result in results:
        word = _(VERDICT_WORDS[result.verdict]) if result.verdict in VERDICT_WORDS else result.verdict
        css = result.verdict.split(" with")[0].replace(" ", "-")
        quote = words(_("· the article: “{quote}”")).format(quote=esc(result.claim.quote))
        parts.append(f'<div class="claim"><h3>{esc(shown_wording(result.claim))}</h3>'
                     f'<p><span class="verdict v-{esc(css)}">{esc(word)}</span> '
                     f"{quote}</p><p>{esc(result.explanation)}</p>")
        parts += [f"<p><strong>{esc(label)}:</strong> {esc(text)}</p>" for label, text in result_notes(result)]
        if result.figures:
            figures = figures_frame(result)
            figures["value"] = [F.plus_minus_percent(v) for v in figures["value"]]
            for column in ("close from", "close to"):
                figures[column] = [F.fixed_number(v) if isinstance(v, float) else v for v in figures[column]]
            parts.append(_table(figures.rename(columns=figure_headers()), colors))
        parts.append("</div>")
    return "\n".join(parts)


def _user_section(story: Story) -> str:
    own = [e for e in story.events if e.origin == "user"]
    parts = []
    if own:
        frame = pd.DataFrame({_("date"): [e.date.isoformat() for e in own], _("when"): [e.when() for e in own],
                              _("title"): [e.title for e in own],
                              _("category"): [category_name(e.category) for e in own],
                              _("symbols"): [", ".join(e.symbols) for e in own],
                              _("source"): [e.sources[0].url if e.sources else "" for e in own]})
        parts += [_tag("h2", _("The user's own events ({n})").format(n=len(own))), _table(frame)]
    if story.articles:
        items = "".join(f"<li><strong>{esc(a.title)}</strong>"
                        f"{' · ' + F.padded_date(a.published) if a.published else ''}"
                        f"{' · ' + _link(a.url) if a.url else ''} · "
                        + words(ngettext("{n} character", "{n} characters", len(a.text))).format(
                            n=F.fixed_number(len(a.text), 0)) + "</li>"
                        for a in story.articles)
        parts += [_tag("h2", _("Articles loaded ({n})").format(n=len(story.articles))) + f"<ul>{items}</ul>"]
    return "\n".join(parts)


def _loaded_claims_section(story: Story, history: PriceResult) -> str:
    """The checked articles' figures with their verdicts, checked as the claims page checks them."""
    parts, left = [], len(story.articles) - len(_checked_articles(story))
    if left:
        note = ngettext("The claims of the latest {latest} articles are checked here; that of the {n} earlier "
                        "one is on the dashboard's Claims page.",
                        "The claims of the latest {latest} articles are checked here; those of the {n} earlier "
                        "ones are on the dashboard's Claims page.", left)
        parts.append(_tag("p", note.format(latest=MAX_REPORT_ARTICLES, n=left), ' class="note"'))
    for article in _checked_articles(story):
        claims = _article_claims(article)
        if not claims:
            continue
        results = check_named(claims, history.frame)
        frame = pd.DataFrame({
            _("listing"): [r.claim.symbol or _("none") for r in results],
            _("claimed"): [r.claim.claimed for r in results],
            _("measure"): [_(MEASURE_WORDS[r.claim.measure]) if r.claim.measure in MEASURE_WORDS else r.claim.measure
                           for r in results],
            _("session"): [F.padded_day(r.claim.day, year=True) if r.claim.day else "" for r in results],
            _("verdict"): [_(r.verdict) for r in results],
            _("why"): [r.explanation + (f" {r.reason}" if r.reason else "") for r in results],
            _("the article"): [r.claim.sentence[:300] for r in results]})
        heading = words(_("Claims of “{title}”, checked against the prices ({n})")).format(
            title=esc(article.title), n=len(results))
        parts += [f"<h2>{heading}</h2>", _table(frame)]
    return "\n".join(parts)


def _sources_section(history: PriceResult) -> str:
    frame = provenance_shown(pd.DataFrame(provenance_rows(history)))
    as_of = F.padded_date(history.snapshot_as_of) if history.snapshot_as_of else _("unknown")
    mode = (_("Offline: every price comes from the app's bundled snapshot of Yahoo Finance daily bars")
            if history.offline else _("Live Yahoo Finance daily bars where available, else the bundled snapshot"))
    text = _("{mode} (snapshot as of {day}).").format(mode=esc(mode), day=esc(as_of))
    return (_tag("h2", _("Price basis and data sources")) + "\n"
            f"<p>{text} {esc(_(BASIS_USE))}</p>\n" + _table(frame))


CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 1100px; margin: 0 auto;
       padding: 1rem 1.25rem 3rem; color: #1f2937; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #e5e7eb; }
h3 { font-size: 1.05rem; margin: .2rem 0; } .note, .meta { color: #475569; font-size: .9rem; }
.table { overflow-x: auto; } table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; }
th, td { border: 1px solid #e5e7eb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f8fafc; } .chart { width: 100%; min-height: 160px; }
.claim { border: 1px solid #e5e7eb; border-radius: .5rem; padding: .6rem .9rem; margin: .8rem 0; }
.verdict { font-weight: 600; padding: .05rem .45rem; border-radius: .3rem; background: #e5e7eb; }
.v-supported { background: #d1fae5; } .v-partly-supported { background: #fef3c7; }
.v-not-supported { background: #fee2e2; } a { color: #0072B2; word-break: break-all; }
"""


def _header(story: Story, generated: dt.datetime) -> str:
    if story.share_url:
        share = words(_("{label} (read-only, opens this workspace in the app): {link}")).format(
            label=_tag("strong", _("Share link")), link=_link(story.share_url))
    else:
        share = words(_("{label} none: this screen was not saved as a workspace.")).format(
            label=_tag("strong", _("Share link:")))
    meta = _("Made {made} UTC from the dashboard · date range {start} – {end} · symbols {symbols}").format(
        made=f"{F.padded_date(generated.date())} {generated:%H:%M}", start=F.padded_date(story.start),
        end=F.padded_date(story.end), symbols=", ".join(story.symbols))
    return (_tag("h1", _("Alibaba's QwQ-32B week on the markets: a report")) + "\n"
            + _tag("p", meta, ' class="meta"') + f"\n<p>{share}</p>")


def build_report(story: Story, history: PriceResult, results: Iterable[ClaimResult] | None = None) -> str:
    """The report as one HTML document (see the module docstring)."""
    generated = story.generated or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    shown = marks.in_range(list(story.events), story.start, story.end)
    results = _checked_claims(story, history) if results is None else list(results)
    body = "\n".join(part for part in (
        _header(story, generated), _events_section(story, shown), _prices_section(story, history),
        _reaction_section(story, history), _claims_section(results, convention(story.updown)),
        _user_section(story), _loaded_claims_section(story, history), _sources_section(history)) if part)
    return (f'<!DOCTYPE html>\n<html lang="{current()}"><head><meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            + _tag("title", _("QwQ-32B week: report")) + "\n"
            f"<style>{CSS}</style>\n<script>{get_plotlyjs()}</script>\n</head><body>\n{body}\n</body></html>\n")
