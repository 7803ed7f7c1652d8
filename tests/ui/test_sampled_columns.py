"""Column widths from a sample of the rows, never from every row (issue 19: sizing the
summary's tables asked 71k cells at ten times the data)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView
from pytestqt.modeltest import ModelTester

from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.summary import SummaryScreen
from gebiedsapp.ui.table_model import SAMPLE_ROWS, RowTableModel, SampledColumns


class Places(RowTableModel[tuple[str, str]]):
    """Rows of (place, note)."""

    headers = ("Plek", "Notitie")

    def cell(self, row: tuple[str, str], column: int, role: int) -> Any:
        return row[column] if role == Qt.ItemDataRole.DisplayRole else None


def _rows(n: int, *, long_at: int) -> list[tuple[str, str]]:
    return [
        ("Dorpsplein Beerta bij de oude kerk" if i == long_at else f"P{i}", "notitie")
        for i in range(n)
    ]


def test_widths_come_from_the_first_rows_only(qtbot: Any, qtmodeltester: ModelTester) -> None:
    model = Places()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    columns = SampledColumns(view)
    header = view.horizontalHeader()
    qtmodeltester.check(model)

    model.set_rows(_rows(20, long_at=10))
    wide = header.sectionSize(0)
    model.set_rows(_rows(20, long_at=SAMPLE_ROWS + 5))  # past the sample: not measured
    narrow = header.sectionSize(0)

    assert wide > narrow
    assert narrow >= view.fontMetrics().horizontalAdvance("Plek")
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    assert header.stretchLastSection()
    assert columns.sample == SAMPLE_ROWS


def test_a_long_list_is_measured_on_its_sample(qtbot: Any) -> None:
    model = Places()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    SampledColumns(view)
    model.set_rows(_rows(60, long_at=3))
    calls: list[int] = []
    original = model.cell

    def counted(row: tuple[str, str], column: int, role: int) -> Any:
        calls.append(column)
        return original(row, column, role)

    model.cell = counted  # type: ignore[method-assign]
    model.set_rows(_rows(5_000, long_at=3))

    assert len(calls) <= SAMPLE_ROWS  # one column measured (the last stretches), 50 rows


def test_the_summary_tables_are_not_sized_over_every_row(qtbot: Any, context: AppContext) -> None:
    screen = SummaryScreen(context)
    qtbot.addWidget(screen)
    screen.show()  # its tables are built after its first paint (issue 19)
    qtbot.waitUntil(lambda: hasattr(screen, "open_table"))

    for table in (screen.open_table, screen.actions_table, screen.initiatives_table):
        header = table.horizontalHeader()
        modes = {header.sectionResizeMode(c) for c in range(header.count())}
        assert QHeaderView.ResizeMode.ResizeToContents not in modes
