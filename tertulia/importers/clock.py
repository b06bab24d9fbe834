"""An instant an import reads in UTC (a mail's, an issue's, a Disqus comment's) on the site's clock, so
that a thread shows one clock whatever brought its comments."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from ..model import offset_text
from ..reading.dates import parse_date

UTC_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}\+00:00")


def utc_text(moment: dt.datetime) -> str:
    """An instant (with its offset) as the contract writes it in UTC, saying so: `2024-03-04 17:22+00:00`,
    what in_zone reads. OverflowError for one UTC cannot write (9999-12-31 west of it)."""
    return _minute(moment.astimezone(dt.timezone.utc)) + "+00:00"


def in_zone(date: str, zone: str) -> str:
    """A time written in UTC (`2024-03-04 17:22+00:00`) as the clock of `zone` (site.yml's `timezone`)
    reads it (`2024-03-04 18:22+01:00` in Madrid); any other date, or one that clock cannot write to the
    minute (past the year 9999 there; a zone's local mean time of the 1800s, in seconds, where a minute
    would name another instant), as it is."""
    if not zone or not UTC_TIME.fullmatch(date):
        return date
    try:
        moment = dt.datetime.strptime(date, "%Y-%m-%d %H:%M%z").astimezone(ZoneInfo(zone))
    except (OverflowError, ValueError):
        return date
    offset = moment.utcoffset().total_seconds()
    if offset % 60:
        return date
    return _minute(moment) + offset_text(int(offset // 60))


def _minute(moment: dt.datetime) -> str:
    """`2024-03-04 17:22`, the year in four digits (strftime writes the year 999 as `999`)."""
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} {moment.hour:02d}:{moment.minute:02d}"


def before_tomorrow(date: str) -> bool:
    """Whether a date (any form of the contract's) is no later than tomorrow, wherever one is on Earth."""
    return not parse_date(date).after_tomorrow(dt.datetime.now(dt.timezone.utc).date())


def written_yet(date: str) -> str:
    """A date an import writes: itself, or none ("") for one after tomorrow, which no one can have written
    yet (a wrong clock's, 9999-12-31): it would head the comment feed for years."""
    return date if not date or before_tomorrow(date) else ""
