"""Hostile input that gets in (issue 6): a CSV import whose cells are spreadsheet formulas, or
text of any kind, is stored as plain text and never comes back out as a formula, in CSV or in
XLSX; and the readers of the app's other files (window settings) survive garbage."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Signal
from gebiedsapp.services import signal_import
from gebiedsapp.services.export import CSV_ENCODING, ExportFormat, write_file
from gebiedsapp.services.list_exports import ExportOptions, signals_table
from gebiedsapp.services.signal_views import SignalFilter

PAYLOADS = (
    "=cmd|' /C calc'!A0",
    "+SUM(1;2)",
    "-2+3",
    '@HYPERLINK("http://evil")',
    "=IMPORTXML(A1)",
    "\t=1+1",
)
START = ("=", "+", "-", "@", "\t", "\r")

text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.tuples(st.sampled_from(("=", "+", "-", "@")), st.text(min_size=1, max_size=60)).map("".join),
    st.text(min_size=1, max_size=80),
).filter(lambda t: t.strip() and "\x00" not in t)


def _breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _import(session: Session, description: str) -> str | None:
    """The description as the import checked and cleaned it; None when the row was refused."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Omschrijving", "Categorie", "Dorp", "Locatie"])
    writer.writerow([description, "Zwerfvuil", "Beerta", description[:200]])
    table = signal_import.read_csv(out.getvalue().encode("utf-8"))
    mapping = signal_import.suggest_mapping(table.header)
    preview = signal_import.preview_import(session, table, mapping, today=date(2026, 11, 27))
    assert signal_import.import_signals(session, preview, accept_valid=True) == len(preview.valid)
    return preview.valid[0].description if preview.valid else None


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(description=text)
def test_what_is_imported_is_exported_as_text_never_as_a_formula(
    session: Session, tmp_path: Path, description: str
) -> None:
    session.execute(delete(Signal))
    cleaned = _import(session, description)
    stored = session.scalars(select(Signal.description)).all()
    if cleaned is None:  # refused with a reason: nothing was written
        assert stored == []
        return
    assert stored == [cleaned]  # stored as the text it is
    options = ExportOptions(actor="test", today=date(2026, 11, 27))
    tables = [signals_table(session, SignalFilter(), options)]
    csv_path = tmp_path / "s.csv"
    write_file(csv_path, tables, fmt=ExportFormat.CSV)
    rows = list(
        csv.reader(
            io.StringIO(csv_path.read_bytes().decode(CSV_ENCODING), newline=""), delimiter=";"
        )
    )
    header, row = rows[0], rows[1]
    cell = row[header.index("Omschrijving")]
    assert not cell.startswith(START), cell  # a spreadsheet would run it
    # the same text; a line break may come back as \r or \n (both are one in a spreadsheet)
    guarded = "'" + stored[0] if stored[0].startswith(START) else stored[0]
    assert _breaks(cell) == _breaks(guarded)
    xlsx_path = tmp_path / "s.xlsx"
    # a table's rows stream once: a new one for the workbook
    write_file(xlsx_path, [signals_table(session, SignalFilter(), options)], fmt=ExportFormat.XLSX)
    book = load_workbook(xlsx_path)
    try:
        sheet = book.worksheets[0]
        headers = [c.value for c in sheet[1]]
        value = sheet.cell(row=2, column=headers.index("Omschrijving") + 1)
        assert value.data_type == "s"  # a string, not a formula ('f')
        assert _breaks(value.value) == _breaks(stored[0])  # XML reads \r back as \n
    finally:
        book.close()
