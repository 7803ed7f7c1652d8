"""A Signalen-style export as the tests write it: Signalen's column names, ISO 8601 timestamps
with time zones, English priorities, its sources and categories (names and slugs), coordinates
and no area column. Three rows, each valid once understood; a point outside Oldambt on request.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

HEADER = (
    "id",
    "created_at",
    "text",
    "category_main",
    "category_sub",
    "priority",
    "source",
    "lat",
    "lng",
    "state",
)
ROWS = (
    (
        "1041",
        "2025-11-03 09:12:44.123456+01",
        "Grofvuil naast de container, al een week",
        "Afval",
        "Grofvuil",
        "normal",
        "online",
        "53.143",
        "7.0329",
        "m",
    ),
    (
        "1042",
        "2025-11-03T10:00:00+01:00",
        "Lantaarnpaal bij de kerk doet het niet",
        "wegen-verkeer-straatmeubilair",
        "lantaarnpaal-straatverlichting",
        "high",
        "Telefoon – ASC",
        "53.1765",
        "7.09996",
        "m",
    ),
    (
        "1043",
        "2025-11-04T23:30:00+01:00",
        "Hondenpoep op het speelveld",
        "Overlast van dieren",
        "Hondenpoep",
        "normal",
        "Telefoon – KCC",
        "53.14",
        "7.01361",
        "m",
    ),
)
OUTSIDE = (  # just over the border, in Germany: inside the rough box, outside every buurt
    "1044",
    "2025-11-05T08:00:00+01:00",
    "Zwerfvuil bij de grens",
    "Afval",
    "Grofvuil",
    "low",
    "online",
    "53.17",
    "7.30",
    "m",
)
# what the three rows become
AREAS = ("Centrum", "Beerta", "Winschoten")  # BU18950007 is shared: the area holding both
BUURTEN = ("BU18950000", "BU18950300", "BU18950007")
DAYS = (date(2025, 11, 3), date(2025, 11, 3), date(2025, 11, 4))
CATEGORIES = (
    ("Afval", "Grofvuil"),
    ("Wegen, verkeer, straatmeubilair", "Straatverlichting"),
    ("Overlast van dieren", "Honden(poep)"),
)


def csv_text(*, delimiter: str = ",", outside: bool = False) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(ROWS + ((OUTSIDE,) if outside else ()))
    return buffer.getvalue()


def write_csv(path: Path, *, delimiter: str = ",", outside: bool = False) -> Path:
    path.write_bytes(csv_text(delimiter=delimiter, outside=outside).encode("utf-8"))
    return path


def write_xlsx(path: Path) -> Path:
    """The same rows in a workbook, with real date-time and number cells as Excel keeps them."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in ROWS:
        cells: list[object] = list(row)
        moment = datetime.fromisoformat(row[1])
        cells[1] = moment.astimezone(timezone(timedelta(hours=1))).replace(tzinfo=None)
        cells[0] = int(row[0])
        cells[7], cells[8] = float(row[7]), float(row[8])
        sheet.append(cells)
    book.save(path)
    return path
