"""Charts in words, for readers who cannot see them: one sentence that says what a figure shows, and its data
as tables (pure: a ``go.Figure`` in, text and frames out).

The sentence names the chart (its title, else the series it draws), the range of its x axis, how each series
went from its first to its last value with its low and high, and how many events it marks. It is read from the
figure itself, so every chart of every page is described the same way and a new chart needs no code here:

* a *series* is a trace with numeric values (a line, bars, markers; a candlestick by its closes), left out when
  it takes no hover (a band's edge, a decoration);
* an *event marker* is a markers-only trace whose ``customdata`` rows start with an event id and carry the
  title and the moment (:func:`components.charts.lanes.event_lane_traces`); each event counts once, also when
  it is marked on several lines.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.locale import _, formats, ngettext

SHOWN_SERIES = 4  # the sentence names at most this many series; the table has them all
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Series:
    """One plotted series: its name and its points (x as plotted, y as numbers; missing points dropped)."""

    name: str
    x: tuple
    y: tuple[float, ...]
    legend: bool = True  # in the chart's legend (a volume panel or a band's edge is not)
    unit: str = ""  # the title of its y axis ("% change since first session")


def _plain(text) -> str:
    """Label text as a reader sees it: plotly's markup tags gone and its entities decoded."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", str(text or "")))).strip()


def _numbers(values) -> np.ndarray | None:
    if values is None:
        return None
    try:
        out = np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError):
        return None
    return out if out.size else None


def _is_event_trace(trace) -> bool:
    rows = trace.customdata
    if trace.type != "scatter" or (trace.mode or "") != "markers" or rows is None or len(rows) == 0:
        return False
    first = rows[0]
    return isinstance(first, (list, tuple, np.ndarray)) and len(first) >= 3 and isinstance(first[0], str)


def _axis_title(fig, name: str) -> str:
    try:
        axis = fig.layout[name]
    except (KeyError, ValueError):
        return ""
    return _plain(axis.title.text) if axis and axis.title and axis.title.text else ""


def series(fig) -> list[Series]:
    """The figure's data series, in drawing order."""
    out = []
    for trace in fig.data:
        if _is_event_trace(trace) or trace.hoverinfo in ("skip", "none"):
            continue
        values = _numbers(trace.close if trace.type in ("candlestick", "ohlc") else getattr(trace, "y", None))
        xs = getattr(trace, "x", None)
        if values is None or xs is None or len(xs) != values.size:
            continue
        keep = ~np.isnan(values)
        if keep.any():
            x_kept = tuple(x for x, ok in zip(xs, keep) if ok)
            out.append(Series(_plain(trace.name) or _("series {n}").format(n=len(out) + 1), x_kept,
                              tuple(float(v) for v in values[keep]), trace.showlegend is not False,
                              _axis_title(fig, "yaxis" + (trace.yaxis or "y")[1:])))
    return out


def events(fig) -> pd.DataFrame:
    """The events the figure marks, once each: their title and moment as the markers' hover shows them."""
    seen: dict[str, tuple[str, str]] = {}
    for trace in fig.data:
        if _is_event_trace(trace):
            for row in trace.customdata:
                seen.setdefault(str(row[0]), (_plain(row[1]), _plain(row[2])))
    return pd.DataFrame(list(seen.values()), columns=[_("Event"), _("When")])


def x_text(value, *, timed: bool = True) -> str:
    """An x value as a reader reads it: a day (with its time when it has one and ``timed``), else the value."""
    if isinstance(value, (str, np.str_)) and _ISO_DAY.match(value):
        value = pd.Timestamp(value)
    if isinstance(value, (dt.datetime, np.datetime64)):
        value = pd.Timestamp(value)
    if isinstance(value, pd.Timestamp):
        timed = timed and (value.hour, value.minute) != (0, 0)
        return formats.day(value.date()) + (f" {value:%H:%M}" if timed else "")
    if isinstance(value, dt.date):
        return formats.day(value)
    if isinstance(value, (int, float, np.number)):
        return formats.number(float(value), 2)
    return _plain(value)


def _sortable(value):
    if isinstance(value, (str, np.str_)) and _ISO_DAY.match(value):
        return pd.Timestamp(value)
    return value


def value_text(value: float) -> str:
    """A plotted value: two decimals, none from a thousand up (volumes, index points)."""
    return formats.number(value, 0 if abs(value) >= 1000 else 2)


def _series_words(one: Series) -> str:
    low, high = int(np.argmin(one.y)), int(np.argmax(one.y))
    return _("{name} from {first} to {last} (low {low} on {low_at}, high {high} on {high_at})").format(
        name=one.name, first=value_text(one.y[0]), last=value_text(one.y[-1]),
        low=value_text(one.y[low]), low_at=x_text(one.x[low]), high=value_text(one.y[high]),
        high_at=x_text(one.x[high]))


def x_span(fig, values) -> tuple:
    """The first and last of ``values`` inside the chart's x range (all of them when the axis sets none)."""
    ordered = sorted({_sortable(x) for x in values}, key=lambda v: (str(type(v)), v))
    axis = fig.layout.xaxis
    if axis and axis.range and len(axis.range) == 2 and all(v is not None for v in axis.range):
        low, high = (_sortable(v) for v in axis.range)
        try:
            ordered = [x for x in ordered if low <= x <= high] or ordered
        except TypeError:  # a range of another kind than the values: leave the values whole
            pass
    return ordered[0], ordered[-1]


def title(fig) -> str:
    """The figure's own title, as plain text ("" when it has none)."""
    return _plain(fig.layout.title.text) if fig.layout.title and fig.layout.title.text else ""


def described(fig, label: str = "") -> tuple[str, pd.DataFrame, pd.DataFrame]:
    """:func:`describe`, :func:`data_table` and :func:`events` of one figure, its series and events read once."""
    found, marked = series(fig), events(fig)
    return _sentence(fig, found, len(marked), label), _table(fig, found), marked


def describe(fig, label: str = "") -> str:
    """One sentence that tells a screen-reader user what the chart shows (``label``: a name when it has no title)."""
    return _sentence(fig, series(fig), len(events(fig)), label)


def _sentence(fig, found: list[Series], marked: int, label: str) -> str:
    name = title(fig) or label
    if not found:
        if not marked:
            return _("{name}: the chart is empty.").format(name=name or _("Chart"))
        start, end = x_span(fig, [x for t in fig.data if _is_event_trace(t) for x in t.x])
        shown = sum(start <= _sortable(x) <= end for t in fig.data if _is_event_trace(t) for x in t.x)
        return ngettext("{name}, {start} to {end}: {n} event marked.", "{name}, {start} to {end}: {n} events marked.",
                        shown).format(name=name or _("Event chart"), n=shown, start=x_text(start, timed=False),
                                      end=x_text(end, timed=False))
    named = [one for one in found if one.legend] or found
    start, end = x_span(fig, [x for one in found for x in one.x])
    parts = [_series_words(one) for one in named[:SHOWN_SERIES]]
    if len(named) > SHOWN_SERIES:
        rest = len(named) - SHOWN_SERIES
        parts.append(ngettext("{n} more series", "{n} more series", rest).format(n=rest))
    if not name:
        name = _("Chart of {names}").format(names=", ".join(one.name for one in named[:SHOWN_SERIES]))
        name += _(" ({unit})").format(unit=named[0].unit) if named[0].unit else ""
    sentence = _("{name}, {start} to {end}: {series}").format(
        name=name,
        start=x_text(start), end=x_text(end), series="; ".join(parts))
    if marked:
        sentence += ngettext("; {n} event marked", "; {n} events marked", marked).format(n=marked)
    return sentence + "."


def data_table(fig) -> pd.DataFrame:
    """The figure's series side by side, one row per x value (in order) and one column per series."""
    return _table(fig, series(fig))


def _table(fig, found: list[Series]) -> pd.DataFrame:
    columns: dict[str, pd.Series] = {}
    for one in found:
        name, n = one.name, 2
        while name in columns:
            name, n = f"{one.name} ({n})", n + 1
        points = pd.Series(one.y, index=[_sortable(x) for x in one.x], name=name)
        columns[name] = points[~points.index.duplicated(keep="last")]
    if not columns:
        return pd.DataFrame()
    table = pd.concat(columns.values(), axis=1).round(2)  # as the sentence writes them
    try:
        table = table.sort_index()
    except TypeError:  # x values of mixed kinds keep the order they were drawn in
        pass
    table.index = [x_text(x) for x in table.index]
    table.index.name = _axis_title(fig, "xaxis") or _("x")
    return table.reset_index()
