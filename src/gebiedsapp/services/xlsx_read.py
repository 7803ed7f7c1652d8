"""Rows of an Excel workbook (.xlsx) as text, for the imports: the first sheet, header on top.

openpyxl in read-only mode streams the sheet, so a large workbook is not held whole. Values come
out as the text an import parses anyway: dates as ISO 8601 (`2025-11-03` or
`2025-11-03 09:12:00`), numbers with a decimal point and without float noise, formulas as their
last computed value (never evaluated here).
"""

from __future__ import annotations

import io
from datetime import date, datetime, time

from gebiedsapp.services.errors import ValidationError

__all__ = ["XLSX_MAGIC", "cell_text", "looks_like_xlsx", "read_xlsx_rows"]

XLSX_MAGIC = b"PK\x03\x04"  # a zip: .xlsx (and .docx, .zip: openpyxl tells them apart)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old .xls


def looks_like_xlsx(data: bytes) -> bool:
    return data.startswith((XLSX_MAGIC, _OLE_MAGIC))


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def read_xlsx_rows(
    data: bytes, *, max_rows: int, max_field: int
) -> tuple[list[str] | None, list[tuple[int, list[str]]]]:
    """(header, [(row number, cells)]) of the first sheet; empty rows skipped; a Dutch
    ValidationError when it is no readable workbook or is too large."""
    if data.startswith(_OLE_MAGIC):
        raise ValidationError(
            "Dit is een oud Excel-bestand (.xls); sla het in Excel op als .xlsx of als CSV.",
            field="file",
        )
    from openpyxl import load_workbook  # here: the window's start does not need openpyxl

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl's own errors (InvalidFileException, XML errors)
        raise ValidationError(
            "Het bestand is geen leesbaar Excel-bestand (.xlsx).", field="file"
        ) from exc
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    try:
        if not book.worksheets:
            return None, []
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(value) for value in values]
            while cells and not cells[-1].strip():  # read-only sheets pad to the widest row
                cells.pop()
            if not any(cell.strip() for cell in cells):
                continue
            if any(len(cell) > max_field for cell in cells):
                raise ValidationError(
                    f"Regel {number} bevat een veld van meer dan {max_field} tekens; "
                    "dit lijkt geen export van meldingen.",
                    field="file",
                )
            if header is None:
                header = cells
                continue
            rows.append((number, cells))
            if len(rows) > max_rows:
                raise ValidationError(
                    f"Het bestand heeft meer dan {max_rows} regels; splits het op.", field="file"
                )
    except ValidationError:
        raise
    except Exception as exc:  # a damaged sheet inside a sound zip
        raise ValidationError(
            "Het bestand is geen leesbaar Excel-bestand (.xlsx).", field="file"
        ) from exc
    finally:
        book.close()
    if header is not None:  # read-only sheets leave out empty cells at the end of a row
        rows = [(n, cells + [""] * (len(header) - len(cells))) for n, cells in rows]
    return header, rows
