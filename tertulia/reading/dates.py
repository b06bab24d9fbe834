"""Dates as the contract writes them (`YYYY` to `YYYY-MM-DD HH:MM±HH:MM`): read, checked against the
calendar, put on the site's clock, and what was meant asked when one is written otherwise."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..model import DATE_PATTERN, LATEST_OFFSET, PartialDate, offset_text
from .findings import Findings
from .read import Record


def parse_date(value, utc: bool = False) -> PartialDate | None:
    """A date in one of the contract's forms, or None when it is in none of them; with `utc`, a time
    written without an offset is UTC's (a site with no timezone)."""
    if isinstance(value, dt.datetime):
        return None  # YAML only builds these from forms with seconds or a T, which are not allowed
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    match = DATE_PATTERN.fullmatch(text)
    if not match:
        return None
    parts = {k: int(v) for k, v in match.groupdict().items() if v is not None and k != "offset"}
    if match["offset"]:
        hours, minutes = int(match["offset"][1:3]), int(match["offset"][4:6])
        if minutes > 59 or hours * 60 + minutes > LATEST_OFFSET:
            return None
        parts["offset"] = (hours * 60 + minutes) * (-1 if match["offset"][0] == "-" else 1)
    elif utc and "hour" in parts:
        parts["offset"] = 0
    try:
        dt.datetime(parts["year"], parts.get("month", 1), parts.get("day", 1),
                    parts.get("hour", 0), parts.get("minute", 0))
    except ValueError:
        return None
    date = PartialDate(**parts)
    return date if in_calendar(date) else None


def in_calendar(date: PartialDate) -> bool:
    """Whether the instant a date names falls in the years 1-9999 also in UTC, where dates are ordered
    and feeds write them: `9999-12-31 23:59-14:00` is a moment of the year 10000 there."""
    if 1 < date.year < 9999:  # an offset moves a date by at most a day: only the calendar's own ends can overflow
        return True
    try:
        date.moment, date.timestamp  # noqa: B018 - computed (and kept) to see that they can be
    except OverflowError:
        return False
    return True


# A date as people write it by hand: day, month, year (or the year first) with slashes or dots; a time
# after a space or ISO's `T`, its minutes after a colon or a dot (`21.30`, as Finnish and Danish write it),
# seconds (which the contract's forms leave out) and an offset or ISO's `Z` (UTC) after it
TIME_WRITTEN = r"((?: |T|t)[0-9]{1,2}[:.][0-9]{2})?(?::[0-9]{2}(?:\.[0-9]+)?)?( ?(?:Z|z|[+-][0-9]{2}:?[0-9]{2}))?"
WRITTEN_DATE = re.compile(rf"([0-9]{{1,2}})[/.-]([0-9]{{1,2}})[/.-]([0-9]{{4}}){TIME_WRITTEN}|"
                          rf"([0-9]{{4}})[/.-]([0-9]{{1,2}})[/.-]([0-9]{{1,2}}){TIME_WRITTEN}")


def _date_meant(written: str) -> str:
    """The contract's form of a date written as people write it (`20/09/2026`, `2026-11-5`), asked after its
    error; both readings when the day could be the month (`09/10/2026`); year first, the day and month
    swapped only when no month is the other way (`2026-20-11`)."""
    found = WRITTEN_DATE.fullmatch(written.strip())
    if not found:
        return ""
    if found.group(6):
        year, month, day, time, offset = found.group(6, 7, 8, 9, 10)
        readings = [(month, day) if int(month) <= 12 else (day, month)]
    else:
        first, second, year, time, offset = found.group(1, 2, 3, 4, 5)
        readings = [(second, first), (first, second)]  # day first, as most of the world writes it
    clock = _two_digit_hour(time or "") + (_offset(offset) if time else "")
    candidates = [f"{year}-{int(month):02d}-{int(day):02d}{clock}" for month, day in readings]
    # only a day the calendar has (not `2026-02-31`), at an hour the clock has
    shown = list(dict.fromkeys(f"`{candidate}`" for candidate in candidates if parse_date(candidate)))
    if not shown:
        return ""
    return f"; is it meant to be {shown[0]}?" if len(shown) == 1 else f"; is it meant to be {shown[0]} (day first) or {shown[1]}?"


def _offset(written: str | None) -> str:
    """ISO's `Z` (UTC) as `+00:00`, `+0200` as `+02:00`: the contract's offset; "" for none."""
    if not written:
        return ""
    written = written.strip()
    if written in ("Z", "z"):
        return "+00:00"
    return f"{written[:3]}:{written[-2:]}"


def _two_digit_hour(time: str) -> str:
    """` 9:30`, `T09:30` or ` 9.30` as ` 09:30`: the contract's hours have two digits after a space."""
    if not time:
        return ""
    hour, minute = re.split(r"[:.]", time.strip(" Tt"))
    return f" {int(hour):02d}:{minute}"


def _off_calendar(written: str) -> str:
    """The one number that is wrong, said plainly, when it is the month or the day (`February 2026 has days
    01 to 28, not 30`); "" otherwise, for the whole rule."""
    import calendar
    parts = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", written.strip())
    if not parts or not 1 <= int(parts.group(1)):
        return ""
    year, month = int(parts.group(1)), int(parts.group(2))
    if not 1 <= month <= 12:
        return f"a month is 01 to 12, not {parts.group(2)}" + _date_meant(written)
    days = calendar.monthrange(year, month)[1]
    if parts.group(3) and not 1 <= int(parts.group(3)) <= days:
        return f"{calendar.month_name[month]} {year} has days 01 to {days}, not {parts.group(3)}"
    clock = re.match(r"\d{4}-\d{2}-\d{2}[ Tt](\d{2}):(\d{2})", written.strip())
    if clock and int(clock.group(1)) > 23:
        return f"an hour is 00 to 23, not {clock.group(1)}"
    if clock and int(clock.group(2)) > 59:
        return f"a minute is 00 to 59, not {clock.group(2)}"
    return ""


def record_date(record: Record, found: Findings, zone: str = "", key: str = "date") -> PartialDate | None:
    """The date `key` gives (`date`, or an essay's `updated`) on the site's clock, or None; an error or a
    warning named at its line where it is not one."""
    value = record.meta.get(key)
    if value is None:
        return None
    date = parse_date(value, utc=not zone) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    if date is None:
        # YAML reads a time with seconds as a datetime: shown as written, so that what was meant can be asked
        shown = value if isinstance(value, (str, int)) else value.isoformat(sep=" ") if isinstance(
            value, dt.datetime) else f"a {type(value).__name__}"
        if isinstance(value, str) and DATE_PATTERN.fullmatch(value):  # the form is right, a number is not
            found.error(record, key, f"{key} `{shown}` is not on the calendar: " + (_off_calendar(value) or (
                "a year is 0001-9999 (also in UTC), a month 01-12, a day one of its month's, an hour 00-23, a minute "
                "00-59, an offset at most ±14:00" + _date_meant(value))))
        else:
            off = _off_calendar(str(shown))  # `2025-06-20T25:61`: no form to ask for, but what is wrong in it
            found.error(record, key, f"{key} `{shown}` is in none of the forms YYYY, YYYY-MM, "
                                        "YYYY-MM-DD, YYYY-MM-DD HH:MM, YYYY-MM-DD HH:MM±HH:MM"
                                        + (_date_meant(str(shown)) or (f"; {off}" if off else "")))
    elif zone and date.hour >= 0 and date.offset is None:
        local = _local_time(zone, date)
        date = replace(date, offset=_minutes(local.utcoffset()))
        unclear = _unclear_on_the_clock(local, zone, str(value), key)
        if unclear:
            found.warn(record, key, unclear)
        if not in_calendar(date):
            found.error(record, key, f"{key} `{value}` in {zone} is not on the calendar in UTC, where dates are "
                                        "ordered: a year is 0001-9999 there too")
            return None
    elif date.hour >= 0 and date.offset is not None and (zone or date.offset):  # not a UTC time on UTC's clock
        return _on_the_site_s_clock(date, zone)
    return date


def _on_the_site_s_clock(date: PartialDate, zone: str) -> PartialDate:
    """A time written with another offset (a reader's form writes UTC), shown as the same instant on
    the site's clock, UTC without a `timezone`: a thread whose times mix clocks reads as out of order, and
    an imported blog's comments at its own offset beside Disqus's in UTC said two clocks' times alike."""
    from zoneinfo import ZoneInfo
    written = dt.datetime(date.year, date.month, date.day, date.hour, date.minute,
                          tzinfo=dt.timezone(dt.timedelta(minutes=date.offset)))
    try:
        local = written.astimezone(ZoneInfo(zone) if zone else dt.timezone.utc)
    except OverflowError:  # the calendar's very ends: shown as written
        return date
    offset = _minutes(local.utcoffset())
    if offset == date.offset:
        return date
    return PartialDate(local.year, local.month, local.day, local.hour, local.minute, offset)


def _unclear_on_the_clock(local: dt.datetime, zone: str, written: str, key: str = "date") -> str:
    """Why a local time names no single instant in `zone` (the hour the clocks skipped or went through
    twice), with the offset taken for it; "" for every other time. The source alone can say which."""
    other = local.replace(fold=1).utcoffset()
    if other == local.utcoffset():
        return ""
    taken = f"{written}{offset_text(_minutes(local.utcoffset()))}"
    if local.astimezone(dt.timezone.utc).astimezone(local.tzinfo).replace(tzinfo=None) != local.replace(tzinfo=None):
        return (f"{key} `{written}` is no time on {zone}'s clocks (they skipped that hour); taken as `{taken}`: "
                "write the offset the source gives")
    return (f"{key} `{written}` came twice on {zone}'s clocks (they went back an hour); taken as the first, "
            f"`{taken}`: write `{written}{offset_text(_minutes(other))}` for the second")


def _local_time(zone: str, date: PartialDate) -> dt.datetime:
    """`date`'s local time in `zone`, summer time included (the first, where the clocks went back)."""
    from zoneinfo import ZoneInfo
    return dt.datetime(date.year, date.month, date.day, date.hour, date.minute, tzinfo=ZoneInfo(zone))


def _minutes(offset: dt.timedelta) -> int:
    """An offset in minutes east of UTC."""
    return round(offset.total_seconds() / 60)
