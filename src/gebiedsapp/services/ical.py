"""The agenda as an iCalendar file (RFC 5545) that Outlook, Thunderbird and phones import.

Written by hand, as the standard asks little: lines end in CRLF and are folded at 75 octets
(never inside a UTF-8 character), text escapes backslash, semicolon, comma and newlines, every
event has a UID that stays the same for the same record (importing again updates the entry
instead of adding a second) and a DTSTAMP. Times are local Dutch times with
TZID=Europe/Amsterdam and the VTIMEZONE that defines it; a round or activity without a start
time is an all-day event. Only what the agenda shows goes in: no notes, no residents.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from gebiedsapp.services.agenda import AgendaItem

CRLF = "\r\n"
LIMIT = 75  # octets per line, CRLF not counted
TZID = "Europe/Amsterdam"
UID_DOMAIN = "gebiedsapp.oldambt.nl"
PRODID = "-//Gemeente Oldambt//Gebiedsapp//NL"

# The Dutch rules since 1996: summer time from the last Sunday of March, 02:00, to the last
# Sunday of October, 03:00 (the same as Outlook's own "W. Europe Standard Time").
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, each continuation starting
    with one space (which counts towards its 75), never splitting a UTF-8 character."""
    pieces: list[str] = []
    current, size, limit = "", 0, LIMIT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, LIMIT - 1
        current += char
        size += width
    pieces.append(current)
    return (CRLF + " ").join(pieces)


def uid(item: AgendaItem) -> str:
    """Stable per record: the same round or activity always gets the same UID."""
    return f"{item.source}-{item.record_id}@{UID_DOMAIN}"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(day: date, at: time) -> str:
    return datetime.combine(day, at).strftime("%Y%m%dT%H%M%S")


def _event(item: AgendaItem, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{uid(item)}", f"DTSTAMP:{stamp}"]
    if item.start is None:
        lines.append(f"DTSTART;VALUE=DATE:{item.day:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{item.day + timedelta(days=1):%Y%m%d}")
    else:
        lines.append(f"DTSTART;TZID={TZID}:{_local(item.day, item.start)}")
        if item.end is not None and item.end > item.start:
            lines.append(f"DTEND;TZID={TZID}:{_local(item.day, item.end)}")
    lines.append(f"SUMMARY:{escape(item.title)}")
    if item.place:
        lines.append(f"LOCATION:{escape(item.place)}")
    what = "Koffiekarronde" if item.subject == "" and item.what == "Koffiekar" else item.what
    lines.append(f"DESCRIPTION:{escape(f'{what} in {item.area_name} (Gebiedsapp)')}")
    lines.append(f"CATEGORIES:{escape(item.what)}")
    lines.append("TRANSP:OPAQUE")
    lines.append("END:VEVENT")
    return lines


def to_ical(items: Iterable[AgendaItem], *, name: str, now: datetime) -> str:
    """The whole calendar as text (CRLF line ends); `now` (aware) is every event's DTSTAMP."""
    stamp = _utc(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for item in items:
        lines.extend(_event(item, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def write_ical(path: Path, items: Iterable[AgendaItem], *, name: str, now: datetime) -> int:
    """Write the file (UTF-8, CRLF); returns the number of events."""
    listed = list(items)
    path.write_bytes(to_ical(listed, name=name, now=now).encode("utf-8"))
    return len(listed)
