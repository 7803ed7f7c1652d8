"""Signalen importeren uit een CSV- of Excel-export van een ander systeem (zoals Signalen): kies
het bestand, koppel de kolommen, bekijk het voorbeeld en de afgekeurde regels, en importeer
alleen het geldige deel.

The dialog only shows what services.signal_import says: reading, checking and writing are the
service's. Reading and checking run on the background worker, so a file of thousands of rows
does not freeze the window; nothing is written until "Geldige rijen importeren".
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.signal_import import (
    FIELDS,
    REQUIRED,
    CsvTable,
    ImportPreview,
    ImportRow,
    InvalidRow,
    import_signals,
    preview_import,
    suggest_mapping,
)
from gebiedsapp.services.taxonomy import list_categories
from gebiedsapp.ui.admin.common import make_table
from gebiedsapp.ui.context import SIGNALS, AppContext
from gebiedsapp.ui.formatting import format_date, format_number
from gebiedsapp.ui.import_dialog import DELIMITERS, ENCODINGS, ImportDialog
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.table_model import RowTableModel

__all__ = ["DELIMITERS", "ENCODINGS", "InvalidRowsModel", "SignalImportDialog", "ValidRowsModel"]

PREVIEW_ROWS = 200  # the preview shows the first rows; the counts cover the whole file


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


class ValidRowsModel(RowTableModel[ImportRow]):
    """The first valid rows as they would be imported (names instead of ids)."""

    COL_LINE, COL_AREA, COL_BUURT, COL_CATEGORY, COL_DATE, COL_PRIORITY, COL_DESCRIPTION = range(7)
    headers = ("Regel", "Gebied", "Buurt", "Categorie", "Gemeld", "Prioriteit", "Beschrijving")

    def __init__(self, names: dict[uuid.UUID, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names

    def cell(self, row: ImportRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_DESCRIPTION:
            return row.description
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            str(row.line),
            self.names.get(row.area_id, ""),
            row.buurt_code or "",
            self.names.get(row.category_id, ""),
            format_date(row.reported_on),
            label_of(row.priority),
            " ".join(row.description.split()),
        )
        return values[column]


class InvalidRowsModel(RowTableModel[InvalidRow]):
    """Every rejected row: its line in the file, why, and what it said."""

    COL_LINE, COL_REASON, COL_DESCRIPTION, COL_CATEGORY, COL_AREA = range(5)
    headers = ("Regel", "Reden", "Beschrijving", "Categorie", "Gebied")
    _CELLS: ClassVar[dict[int, str]] = {
        COL_DESCRIPTION: "description",
        COL_CATEGORY: "category",
        COL_AREA: "area",
    }

    def cell(self, row: InvalidRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_REASON:
            return row.reason
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.COL_LINE:
            return str(row.line)
        if column == self.COL_REASON:
            return row.reason
        return row.cells.get(self._CELLS[column], "")


class SignalImportDialog(ImportDialog):
    """Importeren: file, mapping, preview, rejected rows; writes only on the import button."""

    job = "signal-import"

    @property
    def imported(self) -> int | None:
        """How many signals were imported; None until then."""
        return self.written

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Signalen importeren uit CSV of Excel"))
        self.table: CsvTable | None = None
        self.preview: ImportPreview | None = None
        self._mapping_layout(
            mapping=self._mapping_box(), results=self._preview_tables(self._names())
        )

    def _names(self) -> dict[uuid.UUID, str]:
        """Areas and categories ('Hoofd / Sub') by id, for the preview."""
        with self.context.read() as session:
            names = {node.id: node.name for node in area_tree(session)}
            categories = list_categories(session, include_retired=False)
        by_id = {c.id: c for c in categories}
        for category in categories:
            parent_row = by_id.get(category.parent_id) if category.parent_id else None
            names[category.id] = (
                f"{parent_row.name} / {category.name}" if parent_row else category.name
            )
        return names

    def _mapping_box(self) -> QGroupBox:
        """One combo per field of ours, the required ones marked."""
        box = QGroupBox(self.tr("Koppeling: ons veld ← kolom in het bestand"), self)
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        for row, (field_name, meaning) in enumerate(FIELDS.items()):
            required = field_name in REQUIRED
            label = QLabel(_first_upper(meaning.split(" (")[0]) + (" *" if required else ""), self)
            label.setToolTip(meaning)
            if required:
                label.setStyleSheet("font-weight: 600;")
            combo = self._mapping_combo(field_name, meaning, width=14)
            label.setBuddy(combo)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
        note = QLabel(
            self.tr(
                "* verplicht; zonder gebied volgen gebied en buurt uit de coördinaten. Zonder "
                "datum krijgen de signalen de datum van vandaag; zonder bron wordt het "
                "'telefoon'."
            ),
            self,
        )
        note.setWordWrap(True)
        style(note, "color: $muted;")
        grid.addWidget(note, len(FIELDS), 0, 1, 2)
        grid.setRowStretch(len(FIELDS) + 1, 1)
        box.setMinimumWidth(330)
        box.setMaximumWidth(400)
        return box

    def _preview_tables(self, names: dict[uuid.UUID, str]) -> QVBoxLayout:
        self.valid_model = ValidRowsModel(names, self)
        self.valid_table = make_table(
            self.valid_model, self, stretch_column=ValidRowsModel.COL_DESCRIPTION
        )
        self.valid_table.setAccessibleName(self.tr("Voorbeeld van de geldige regels"))
        self.invalid_model = InvalidRowsModel(self)
        self.invalid_table = make_table(
            self.invalid_model, self, stretch_column=InvalidRowsModel.COL_REASON
        )
        self.invalid_table.setAccessibleName(self.tr("Afgekeurde regels"))
        for table, widths in (
            (self.valid_table, {0: 52, 1: 100, 2: 90, 3: 240, 4: 82, 5: 70}),
            (self.invalid_table, {0: 52, 2: 170, 3: 120, 4: 90}),
        ):
            header = table.horizontalHeader()
            for column, width in widths.items():
                header.resizeSection(column, width)
        self.invalid_table.horizontalHeader().setSectionResizeMode(
            InvalidRowsModel.COL_REASON, QHeaderView.ResizeMode.Stretch
        )
        return self._results(
            [(self.valid_table, self.tr("Voorbeeld")), (self.invalid_table, self.tr("Afgekeurd"))],
            counts_style="font-size: 12pt; font-weight: 600;",
        )

    # -- the file and checking --------------------------------------------------------------

    def file_dialog_texts(self) -> tuple[str, str]:
        return self.tr("CSV- of Excel-bestand kiezen"), self.tr(
            "CSV- en Excel-bestanden (*.csv *.txt *.tsv *.xlsx);;CSV-bestanden (*.csv *.txt "
            "*.tsv);;Excel-werkmappen (*.xlsx);;Alle bestanden (*)"
        )

    def _workbook_info(self) -> str:
        return self.tr("%s regels · %s kolommen · Excel-werkmap (eerste blad)")

    def suggest_mapping(self, header: Sequence[str]) -> dict[str, str]:
        return suggest_mapping(header)

    def make_preview(self) -> Callable[[Session], ImportPreview]:
        table, mapping, today = self.table, self.mapping(), date.today()
        assert table is not None
        return lambda session: preview_import(session, table, mapping, today=today)

    def _show_state(self, message: str = "") -> None:
        preview = self.preview
        self._show_message(message)
        if preview is None:
            self.valid_model.set_rows([])
            self.invalid_model.set_rows([])
            self.counts.setText(
                ""
                if self.table is not None or self.busy
                else self.tr("Kies een CSV- of Excel-bestand.")
            )
            self.tabs.setTabText(0, self.tr("Voorbeeld"))
            self.tabs.setTabText(1, self.tr("Afgekeurd"))
            self.import_button.setEnabled(False)
            return
        valid, invalid = len(preview.valid), len(preview.invalid)
        self.valid_model.set_rows(preview.valid[:PREVIEW_ROWS])
        self.invalid_model.set_rows(preview.invalid)
        self.counts.setText(
            self.tr("%s geldig, %s afgekeurd") % (format_number(valid), format_number(invalid))
        )
        self._tab_titles(valid, invalid)
        self._verdict(message, self._verdict_text(preview.total, valid, invalid))
        if invalid and not valid:
            self.tabs.setCurrentIndex(1)
        self.import_button.setEnabled(valid > 0)
        self.import_button.setText(
            self.tr("&Geldige rijen importeren (%s)") % format_number(valid)
            if valid
            else self.tr("&Geldige rijen importeren")
        )

    def _tab_titles(self, valid: int, invalid: int) -> None:
        shown = self.tr("Voorbeeld (%s)") % format_number(valid)
        if valid > PREVIEW_ROWS:
            shown = self.tr("Voorbeeld (eerste %s van %s)") % (
                format_number(PREVIEW_ROWS),
                format_number(valid),
            )
        self.tabs.setTabText(0, shown)
        self.tabs.setTabText(1, self.tr("Afgekeurd (%s)") % format_number(invalid))

    def _verdict_text(self, total: int, valid: int, invalid: int) -> str:
        if not total:
            return self.tr("Het bestand heeft geen regels onder de kopregel.")
        if not valid:
            return self.tr("Geen enkele regel is geldig; er valt niets te importeren.")
        if invalid:
            return self.tr(
                "Alleen de geldige regels worden geïmporteerd; de afgekeurde regels niet. "
                "Verbeter die in het bestand en importeer ze later apart."
            )
        return self.tr("Alle regels zijn geldig.")

    # -- importing --------------------------------------------------------------------------

    def import_valid(self) -> None:
        """Write the valid rows in one unit of work; the rejected rows are left out."""
        preview = self.preview
        if preview is None or not preview.valid:
            return
        self._write(
            lambda session: import_signals(session, preview, accept_valid=True),
            changes=(SIGNALS,),
            title=self.tr("Niet geïmporteerd"),
        )
