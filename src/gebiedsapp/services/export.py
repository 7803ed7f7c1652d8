"""Lists to files: CSV the way Dutch Excel opens it, and XLSX that streams without a row cap.

A list is an `ExportTable`: a sheet name, Dutch column headers and an iterator of rows of plain
values (str, int, float, Decimal, bool, date, datetime or None). The rows are consumed once,
while writing, so a table can stream straight from a database query.

CSV: UTF-8 with a BOM (otherwise Excel reads it as Windows-1252), `;` between fields (Dutch
Excel uses the comma for decimals), dates as dd-mm-jjjj, decimals with a comma. A text cell that
starts with = + - @ (or a tab or carriage return) gets a leading apostrophe: Excel would run it
as a formula (CSV injection, OWASP), and residents' words end up in these files.

XLSX: openpyxl's write-only workbook (rows go to disk as they come), one sheet per table, a bold
frozen header row, real date cells shown as dd-mm-jjjj.

One table per file or sheet, the header on line 1, so Power Query, pandas and QGIS load it as it
is: a CSV export of several tables writes one file per table (`initiatieven.csv` and
`initiatieven-mijlpalen.csv`), never title lines or a second table below the first.

Writing to a path goes through a temporary file in the same folder that replaces the target
only when complete, so a failed or cancelled export leaves no half file behind.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook

Cell = str | int | float | Decimal | bool | date | datetime | None

CSV_DELIMITER = ";"
CSV_ENCODING = "utf-8-sig"  # the BOM tells Excel it is UTF-8
DATE_FORMAT = "%d-%m-%Y"
DATETIME_FORMAT = "%d-%m-%Y %H:%M"
XLSX_DATE_FORMAT = "dd-mm-yyyy"
XLSX_DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
PROGRESS_EVERY = 500  # rows between two progress calls
_INJECTION_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_MAX = 31
# characters XML 1.0 cannot hold (openpyxl refuses them); \t, \n and \r are allowed
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MIN_WIDTH, _MAX_WIDTH = 8, 60

# Called with the number of rows written so far (over all tables); return False to cancel.
Progress = Callable[[int], bool]


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    GEOJSON = "geojson"  # signals on a map (services.geojson_export), not tables


class ExportCancelledError(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class ExportTable:
    title: str  # the sheet name (and the file name's first word, by convention lowercase)
    headers: tuple[str, ...]
    rows: Iterable[Sequence[Cell]]
    # expected widths in characters per column (XLSX); None: from the header
    widths: tuple[int, ...] | None = None
    total: int | None = field(default=None, compare=False)  # rows, when known (progress)


# --- values ---------------------------------------------------------------------------------


def guard_text(text: str) -> str:
    """A leading apostrophe for text a spreadsheet would take for a formula."""
    return "'" + text if text.startswith(_INJECTION_STARTS) else text


def _naive(moment: datetime) -> datetime:
    """Local wall-clock time: spreadsheets know no time zones."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo is not None else moment


def csv_text(value: Cell) -> str:
    """One cell as Dutch Excel reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return _naive(value).strftime(DATETIME_FORMAT)
    if isinstance(value, date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return format(value, "f" if isinstance(value, Decimal) else "g").replace(".", ",")
    return guard_text(str(value))


# --- CSV ------------------------------------------------------------------------------------


class _Counter:
    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.rows = 0

    def tick(self) -> None:
        self.rows += 1
        if self.progress is not None and self.rows % PROGRESS_EVERY == 0:
            self.check()

    def check(self) -> None:
        if self.progress is not None and not self.progress(self.rows):
            raise ExportCancelledError


def write_csv_stream(
    stream: IO[str], table: ExportTable, *, progress: Progress | None = None, done: int = 0
) -> int:
    """Write one table to an open text stream (opened with newline=""): the header on line 1,
    nothing above it, nothing below the rows. Returns `done` plus the rows written."""
    writer = csv.writer(stream, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    counter = _Counter(progress)
    counter.rows = done
    writer.writerow([guard_text(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([csv_text(value) for value in row])
        counter.tick()
    counter.check()
    return counter.rows


def csv_bytes(table: ExportTable) -> bytes:
    """One table's CSV in memory (small lists, tests)."""
    buffer = io.StringIO(newline="")
    write_csv_stream(buffer, table)
    return buffer.getvalue().encode(CSV_ENCODING)


def _file_word(title: str) -> str:
    """'Per wethouder' -> 'per-wethouder' (a safe part of a file name)."""
    return "-".join("".join(ch if ch.isalnum() else " " for ch in title.lower()).split())


def csv_paths(path: Path, tables: Sequence[ExportTable]) -> list[Path]:
    """Where a CSV export of `tables` goes: the first table at `path`, each further one beside
    it with its title added (`initiatieven.csv`, `initiatieven-mijlpalen.csv`)."""
    paths = [path]
    for table in tables[1:]:
        candidate = path.with_name(f"{path.stem}-{_file_word(table.title) or 'tabel'}")
        number = 2
        while candidate.with_suffix(path.suffix) in paths:
            candidate = path.with_name(f"{candidate.name}-{number}")
            number += 1
        paths.append(candidate.with_suffix(path.suffix))
    return paths


# --- XLSX -----------------------------------------------------------------------------------


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\."""
    base = _SHEET_FORBIDDEN.sub("-", title).strip("'").strip() or "Blad"
    name = base[:_SHEET_MAX]
    number = 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name = base[: _SHEET_MAX - len(suffix)] + suffix
        number += 1
    taken.add(name.lower())
    return name


def _xlsx_value(value: Cell) -> Cell:
    if isinstance(value, str):
        return _ILLEGAL_XML.sub("", value)
    if isinstance(value, datetime):
        return _naive(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return value


def write_xlsx_stream(
    stream: IO[bytes], tables: Sequence[ExportTable], *, progress: Progress | None = None
) -> int:
    """Write a workbook with one sheet per table; returns the rows written."""
    from openpyxl import Workbook  # here: the window's start does not need openpyxl

    workbook = Workbook(write_only=True)
    try:
        rows = _fill_workbook(workbook, tables, progress)
    except BaseException:
        _discard(workbook)
        raise
    workbook.save(stream)
    return rows


def _discard(workbook: Workbook) -> None:
    """Close the sheets of an unfinished workbook and delete their temporary files now (they
    may hold personal data; openpyxl would only remove them when Python exits)."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):  # best effort: the temp file goes below anyway
            sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None and isinstance(writer.out, str):
            with contextlib.suppress(OSError, ValueError):
                writer.cleanup()


def _fill_workbook(
    workbook: Workbook, tables: Sequence[ExportTable], progress: Progress | None
) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    counter = _Counter(progress)
    taken: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(sheet_name(table.title, taken))
        widths = table.widths or tuple(len(h) + 4 for h in table.headers)
        for column, header in enumerate(table.headers, start=1):
            wanted = max(widths[column - 1] if column <= len(widths) else 0, len(header) + 3)
            width = min(_MAX_WIDTH, max(_MIN_WIDTH, wanted))
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.freeze_panes = "A2"
        header_cells = []
        for header in table.headers:
            cell = WriteOnlyCell(sheet, value=_ILLEGAL_XML.sub("", header))
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in table.rows:
            sheet.append(list(_xlsx_cells(sheet, row)))
            counter.tick()
    if not tables:
        workbook.create_sheet("Leeg")
    counter.check()
    return counter.rows


def _xlsx_cells(sheet: object, row: Sequence[Cell]) -> Iterator[object]:
    from openpyxl.cell import WriteOnlyCell

    for raw in row:
        value = _xlsx_value(raw)
        if isinstance(value, datetime | date) or (isinstance(value, str) and value[:1] == "="):
            cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]
            if isinstance(value, datetime):
                cell.number_format = XLSX_DATETIME_FORMAT
            elif isinstance(value, date):
                cell.number_format = XLSX_DATE_FORMAT
            else:
                cell.data_type = "s"  # text, never a formula
            yield cell
        else:
            yield value


# --- files ----------------------------------------------------------------------------------


def _temp_for(path: Path) -> tuple[int, Path]:
    handle, name = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".part", dir=path.parent or Path(".")
    )
    return handle, Path(name)


def write_file(
    path: Path,
    tables: Sequence[ExportTable],
    *,
    fmt: ExportFormat,
    progress: Progress | None = None,
) -> int:
    """Write `tables` to `path` all at once or not at all; returns the rows written.

    CSV: one file per table (`csv_paths`), all replaced only when every one is complete.
    Raises ExportCancelledError when `progress` returns False (the targets are then untouched)."""
    if fmt is ExportFormat.GEOJSON:
        raise ValueError("GeoJSON is written by services.geojson_export")
    temps: list[Path] = []
    try:
        if fmt is ExportFormat.CSV:
            targets = csv_paths(path, tables)
            rows = 0
            for table, target in zip(tables or [ExportTable("", (), ())], targets, strict=False):
                handle, temp = _temp_for(target)
                temps.append(temp)
                with os.fdopen(handle, "w", encoding=CSV_ENCODING, newline="") as text:
                    rows = write_csv_stream(text, table, progress=progress, done=rows)
        else:
            targets = [path]
            handle, temp = _temp_for(path)
            temps.append(temp)
            with os.fdopen(handle, "wb") as binary:
                rows = write_xlsx_stream(binary, tables, progress=progress)
        for temp, target in zip(temps, targets, strict=True):
            os.replace(temp, target)
    except BaseException:
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise
    return rows
