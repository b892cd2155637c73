"""Time zones as people say them, and the note an event keeps for an hour its zone's clocks skip or show twice.

The note is part of the event's record (its ``time_note``), so it is kept in English, worded the same whatever the
language of the run that validated it: a record reads back exactly as stored, and a workspace saved before keeps its
notes. :func:`shown_clock_notes` finds those sentences in a note (in English, or with the zone's name as an older run
wrote it in Chinese) and says them in the run's language.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from components.locale import N_, _
from components.locale import formats as F

CITIES = {"Asia/Shanghai": N_("Beijing"), "Asia/Hong_Kong": N_("Hong Kong"), "America/New_York": N_("New York"),
          "America/Los_Angeles": N_("California")}
UTC_ZONES = ("UTC", "Etc/UTC")
SKIPPED = N_("{time} {zone} on {day} does not exist: the clocks went forward at that hour, so it is read as {kept}, "
             "the same moment ({utc} UTC).")
REPEATED = N_("{time} {zone} on {day} happened twice: the clocks went back at that hour; it is read as the first "
              "({utc} UTC).")
_STORED = re.compile(r"(?P<time>\d{2}:\d{2}) (?P<zone>[^:.]{1,80}?) on (?P<day>[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} "
                     r"\d{4}) (?:does not exist: the clocks went forward at that hour, so it is read as "
                     r"(?P<kept>\d{2}:\d{2}), the same moment|happened twice: the clocks went back at that hour; it is "
                     r"read as the first) \((?P<utc>\d{2}:\d{2}) UTC\)\.")


def _place(tz: str) -> str:
    return CITIES.get(tz) or tz.rsplit("/", 1)[-1].replace("_", " ")


def city(tz: str) -> str:
    """The place a zone is named after, in the run's language: 'Asia/Hong_Kong' is Hong Kong, 'Asia/Shanghai'
    Beijing (another zone by its database name: 'Europe/Berlin' is Berlin)."""
    return _(CITIES[tz]) if tz in CITIES else _place(tz)


def zone_name(tz: str) -> str:
    """A zone as people say it: 'Beijing time', 'New York time', 'Berlin time', 'UTC'."""
    return "UTC" if tz in UTC_ZONES else _("{place} time").format(place=city(tz))


def clock_note(day: dt.date, time: dt.time, tz: str) -> tuple[dt.time, str] | None:
    """(the time to keep, why) for a local time that ``tz``'s clocks skip or show twice on ``day``, else None. The
    why is the record's note, in English whatever the run's language (:func:`shown_clock_notes` translates it)."""
    zone, naive = ZoneInfo(tz), dt.datetime.combine(day, time)
    first = naive.replace(tzinfo=zone)
    if first.utcoffset() == naive.replace(tzinfo=zone, fold=1).utcoffset():
        return None
    moment = first.astimezone(dt.UTC)
    kept = moment.astimezone(zone)
    values = {"time": f"{time:%H:%M}", "zone": "UTC" if tz in UTC_ZONES else f"{_place(tz)} time",
              "day": f"{day:%a} {day.day} {day:%b %Y}", "kept": f"{kept:%H:%M}", "utc": f"{moment:%H:%M}"}
    if kept.replace(tzinfo=None) != naive:
        return kept.time(), SKIPPED.format(**values)
    return time, REPEATED.format(**values)


def holds_clock_note(note: str) -> bool:
    """Whether a note already says that its hour was skipped or shown twice (in any run's wording of the zone)."""
    return _STORED.search(note) is not None


def shown_clock_notes(note: str, day: dt.date, tz: str) -> str:
    """An event's note with the clock-change sentences it keeps said in the run's language (the rest as written)."""
    def said(found: re.Match) -> str:
        sentence = _(SKIPPED) if found["kept"] else _(REPEATED)
        return sentence.format(time=found["time"], zone=zone_name(tz), day=F.day(day), kept=found["kept"] or "",
                               utc=found["utc"])

    return _STORED.sub(said, note)
