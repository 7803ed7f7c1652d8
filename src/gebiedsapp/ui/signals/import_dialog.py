"""Signalen importeren uit een CSV- of Excel-export van een ander systeem (zoals Signalen): kies
het bestand, koppel de kolommen, bekijk het voorbeeld en de afgekeurde regels, en importeer
alleen het geldige deel.

The dialog only shows what services.signal_import says: reading, checking and writing are the
service's. Reading and checking run on the background worker, so a file of thousands of rows
does not freeze the window; nothing is written until "Geldige rijen importeren".
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.signal_import import (
    FIELDS,
    REQUIRED,
    CsvTable,
    ImportPreview,
    ImportRow,
    InvalidRow,
    import_signals,
    preview_import,
    read_table,
    suggest_mapping,
)
from gebiedsapp.services.taxonomy import list_categories
from gebiedsapp.ui.admin.common import make_table, select_data
from gebiedsapp.ui.context import SIGNALS, AppContext
from gebiedsapp.ui.formatting import format_date, format_number
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.table_model import RowTableModel

PREVIEW_ROWS = 200  # the preview shows the first rows; the counts cover the whole file
ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (met BOM)",
    "utf-16-le": "Unicode (UTF-16)",
    "utf-16-be": "Unicode (UTF-16 BE)",
    "utf-32-le": "Unicode (UTF-32)",
    "utf-32-be": "Unicode (UTF-32 BE)",
    "cp1252": "Windows-1252",
}
DELIMITERS = {";": "puntkomma", ",": "komma", "\t": "tab"}


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class _Loaded:
    path: Path
    table: CsvTable | None
    error: str


@dataclass(frozen=True)
class _Checked:
    mapping: dict[str, str]
    preview: ImportPreview | None
    error: str


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


class SignalImportDialog(QDialog):
    """Importeren: file, mapping, preview, rejected rows; writes only on the import button."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Signalen importeren uit CSV of Excel"))
        self.table: CsvTable | None = None
        self.preview: ImportPreview | None = None
        self.imported: int | None = None
        self.busy = False
        self._filling = False
        with context.read() as session:
            names = {node.id: node.name for node in area_tree(session)}
            categories = list_categories(session, include_retired=False)
        by_id = {c.id: c for c in categories}
        for category in categories:
            parent_row = by_id.get(category.parent_id) if category.parent_id else None
            names[category.id] = (
                f"{parent_row.name} / {category.name}" if parent_row else category.name
            )

        # 1. the file
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("Nog geen bestand gekozen"))
        self.path.setAccessibleName(self.tr("Bestand"))
        self.browse_button = QPushButton(self.tr("&Bestand kiezen…"), self)
        self.browse_button.clicked.connect(self.choose_file)
        self.file_info = QLabel(self)
        style(self.file_info, "color: $muted;")
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("Bestand:"), self))
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse_button)

        # 2. the mapping: one combo per field of ours
        mapping_box = QGroupBox(self.tr("Koppeling: ons veld ← kolom in het bestand"), self)
        grid = QGridLayout(mapping_box)
        grid.setColumnStretch(1, 1)
        self.combos: dict[str, QComboBox] = {}
        for row, (field_name, meaning) in enumerate(FIELDS.items()):
            required = field_name in REQUIRED
            label = QLabel(_first_upper(meaning.split(" (")[0]) + (" *" if required else ""), self)
            label.setToolTip(meaning)
            if required:
                label.setStyleSheet("font-weight: 600;")
            combo = QComboBox(self)
            combo.setAccessibleName(meaning)
            combo.setToolTip(meaning)
            combo.setMinimumContentsLength(14)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.currentIndexChanged.connect(self._mapping_changed)
            label.setBuddy(combo)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            self.combos[field_name] = combo
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
        mapping_box.setMinimumWidth(330)
        mapping_box.setMaximumWidth(400)

        # 3. preview and rejected rows
        self.counts = QLabel(self)
        self.counts.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.counts.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.valid_table, self.tr("Voorbeeld"))
        self.tabs.addTab(self.invalid_table, self.tr("Afgekeurd"))
        right = QVBoxLayout()
        right.addWidget(self.counts)
        right.addWidget(self.message)
        right.addWidget(self.tabs, 1)

        middle = QHBoxLayout()
        middle.addWidget(mapping_box)
        middle.addLayout(right, 1)

        # 4. the buttons
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("&Geldige rijen importeren"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_valid)
        self.cancel_button.clicked.connect(self.reject)
        self.import_button.setAutoDefault(False)
        self.import_button.setDefault(False)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.file_info)
        layout.addLayout(middle, 1)
        layout.addWidget(buttons)
        self._show_state()
        self.resize(1180, 660)

    # -- the file ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        start = str(Path(self.path.text()).parent) if self.path.text() else str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("CSV- of Excel-bestand kiezen"),
            start,
            self.tr(
                "CSV- en Excel-bestanden (*.csv *.txt *.tsv *.xlsx);;CSV-bestanden (*.csv *.txt "
                "*.tsv);;Excel-werkmappen (*.xlsx);;Alle bestanden (*)"
            ),
        )
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path) -> None:
        """Read and parse the file off the GUI thread; the mapping follows its header."""
        self.path.setText(str(path))
        self.table = None
        self.preview = None
        self.busy = True
        self._show_state(self.tr("Bestand lezen…"))

        def work() -> _Loaded:
            try:
                data = path.read_bytes()
            except OSError as exc:
                reason = exc.strerror or exc.__class__.__name__
                return _Loaded(path, None, f"Kan het bestand niet lezen ({reason}).")
            try:
                return _Loaded(path, read_table(data), "")
            except ValidationError as exc:
                return _Loaded(path, None, exc.message)

        self.context.background.submit(
            "signal-import", work, owner=self, on_done=self._on_loaded, on_error=self._on_failed
        )

    def _on_loaded(self, loaded: _Loaded) -> None:
        self.busy = False
        self.table = loaded.table
        self._fill_combos()
        if loaded.table is None:
            self._show_state(loaded.error)
            return
        counts = (format_number(len(loaded.table.rows)), format_number(len(loaded.table.header)))
        if loaded.table.encoding == "xlsx":
            self.file_info.setText(
                self.tr("%s regels · %s kolommen · Excel-werkmap (eerste blad)") % counts
            )
        else:
            self.file_info.setText(
                self.tr("%s regels · %s kolommen · scheidingsteken: %s · tekenset: %s")
                % (
                    *counts,
                    DELIMITERS.get(loaded.table.delimiter, loaded.table.delimiter),
                    ENCODINGS.get(loaded.table.encoding, loaded.table.encoding),
                )
            )
        self.check()

    def _fill_combos(self) -> None:
        """Every column of the file in every combo, the suggested one chosen."""
        header = self.table.header if self.table is not None else []
        suggested = suggest_mapping(header)
        self._filling = True
        try:
            for field_name, combo in self.combos.items():
                combo.clear()
                combo.addItem(self.tr("(niet gebruiken)"), "")
                for name in header:
                    if name:
                        combo.addItem(name, name)
                select_data(combo, suggested.get(field_name, ""))
                combo.setEnabled(bool(header))
        finally:
            self._filling = False

    # -- checking ---------------------------------------------------------------------------

    def mapping(self) -> dict[str, str]:
        """{our field: their column} as chosen; fields set to "(niet gebruiken)" left out."""
        return {
            name: combo.currentData() for name, combo in self.combos.items() if combo.currentData()
        }

    def _mapping_changed(self, *_args: object) -> None:
        if not self._filling and self.table is not None:
            self.check()

    def check(self) -> None:
        """Preview the whole file with the current mapping (writes nothing)."""
        table = self.table
        if table is None:
            return
        mapping = self.mapping()
        self.preview = None
        self.busy = True
        self._show_state(self.tr("Regels controleren…"))
        context = self.context
        today = date.today()

        def work() -> _Checked:
            try:
                with context.read() as session:
                    preview = preview_import(session, table, mapping, today=today)
            except ValidationError as exc:
                return _Checked(mapping, None, exc.message)
            return _Checked(mapping, preview, "")

        self.context.background.submit(
            "signal-import", work, owner=self, on_done=self._on_checked, on_error=self._on_failed
        )

    def _on_checked(self, checked: _Checked) -> None:
        self.busy = False
        self.preview = checked.preview
        self._show_state(checked.error)

    def _on_failed(self, _error: Exception) -> None:
        self.busy = False
        self.preview = None
        self._show_state(self.tr("Het bestand kon niet worden gecontroleerd; zie het logboek."))

    def _show_state(self, message: str = "") -> None:
        preview = self.preview
        self.message.setText(message)
        self.message.setVisible(bool(message))
        error = bool(message) and not self.busy
        style(self.message, "color: $warning;" if error else "")
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
        shown = self.tr("Voorbeeld (%s)") % format_number(valid)
        if valid > PREVIEW_ROWS:
            shown = self.tr("Voorbeeld (eerste %s van %s)") % (
                format_number(PREVIEW_ROWS),
                format_number(valid),
            )
        self.tabs.setTabText(0, shown)
        self.tabs.setTabText(1, self.tr("Afgekeurd (%s)") % format_number(invalid))
        if not message:
            if not preview.total:
                text = self.tr("Het bestand heeft geen regels onder de kopregel.")
            elif not valid:
                text = self.tr("Geen enkele regel is geldig; er valt niets te importeren.")
            elif invalid:
                text = self.tr(
                    "Alleen de geldige regels worden geïmporteerd; de afgekeurde regels niet. "
                    "Verbeter die in het bestand en importeer ze later apart."
                )
            else:
                text = self.tr("Alle regels zijn geldig.")
            self.message.setText(text)
            self.message.setVisible(True)
        if invalid and not valid:
            self.tabs.setCurrentIndex(1)
        self.import_button.setEnabled(valid > 0)
        self.import_button.setText(
            self.tr("&Geldige rijen importeren (%s)") % format_number(valid)
            if valid
            else self.tr("&Geldige rijen importeren")
        )

    # -- importing --------------------------------------------------------------------------

    def import_valid(self) -> None:
        """Write the valid rows in one unit of work; the rejected rows are left out."""
        preview = self.preview
        if preview is None or not preview.valid or self.busy:
            return
        written = self.context.perform_import(
            self,
            lambda session: import_signals(session, preview, accept_valid=True),
            changes=(SIGNALS,),
            title=self.tr("Niet geïmporteerd"),
        )
        if written is not None:
            self.imported = written
            self.accept()
