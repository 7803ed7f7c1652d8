"""Inwonersenquête importeren uit een CSV- of Excel-bestand: kies het bestand, koppel de kolommen
en de vragen aan thema's, bekijk de uitkomsten en de afgekeurde regels, en importeer.

Reading, checking (personal columns refused, rows with their reason) and writing are
services.survey_import's; the dialog only shows them. Reading and checking run on the
background worker; nothing is written until "Geldige rijen importeren". The file's encoding and
delimiter are shown as in the signal import (its ENCODINGS and DELIMITERS).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.import_files import CsvTable, read_table
from gebiedsapp.services.survey import result_text
from gebiedsapp.services.survey_import import (
    FIELDS,
    InvalidRow,
    SurveyOutcome,
    SurveyPreview,
    import_survey,
    preview_survey,
    question_columns,
    suggest_mapping,
)
from gebiedsapp.services.taxonomy import list_themes
from gebiedsapp.ui.admin.common import make_table, select_data
from gebiedsapp.ui.context import SURVEY, AppContext
from gebiedsapp.ui.formatting import format_number
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.signals.import_dialog import DELIMITERS, ENCODINGS
from gebiedsapp.ui.table_model import RowTableModel


@dataclass(frozen=True)
class _Loaded:
    table: CsvTable | None
    error: str


@dataclass(frozen=True)
class _Checked:
    preview: SurveyPreview | None
    error: str


class OutcomesModel(RowTableModel[SurveyOutcome]):
    """The outcomes as they will be stored; too few respondents shown as such."""

    headers = ("Gebied", "Jaar", "Vraag", "Thema", "Respondenten", "Uitkomst")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.areas: dict[uuid.UUID, str] = {}
        self.themes: dict[uuid.UUID, str] = {}

    def cell(self, row: SurveyOutcome, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return row.question
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        result = result_text(
            respondents=row.respondents, score=row.score, answer=row.answer, share=row.share
        )
        values = (
            self.areas.get(row.area_id, ""),
            str(row.wave),
            row.question,
            self.themes.get(row.theme_id, "") if row.theme_id else "",
            format_number(row.respondents),
            result,
        )
        return values[column]


class RejectedModel(RowTableModel[InvalidRow]):
    headers = ("Regel", "Reden", "Gebied")

    def cell(self, row: InvalidRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return row.reason
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (str(row.line), row.reason, row.cells.get("area", ""))[column]


class SurveyImportDialog(QDialog):
    """File, mapping, year, themes per question, preview; writes only on the import button."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Inwonersenquête importeren uit CSV of Excel"))
        self.table: CsvTable | None = None
        self.preview: SurveyPreview | None = None
        self.imported: int | None = None
        self.busy = False
        self._filling = False
        with context.read() as session:
            self.theme_names = [t.name for t in list_themes(session, include_retired=False)]

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

        mapping_box = QGroupBox(self.tr("Koppeling: ons veld ← kolom in het bestand"), self)
        form = QFormLayout(mapping_box)
        self.wave = QSpinBox(self)
        self.wave.setRange(1990, date.today().year + 1)
        self.wave.setValue(date.today().year)
        self.wave.setAccessibleName(self.tr("Jaar van de enquête"))
        self.wave.valueChanged.connect(self._mapping_changed)
        wave_label = QLabel(self.tr("&Jaar van de enquête"), self)
        wave_label.setBuddy(self.wave)
        form.addRow(wave_label, self.wave)
        self.combos: dict[str, QComboBox] = {}
        for name, meaning in FIELDS.items():
            combo = QComboBox(self)
            combo.setAccessibleName(meaning)
            combo.setToolTip(meaning)
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.currentIndexChanged.connect(self._mapping_changed)
            label = QLabel(meaning.split(" (")[0].capitalize() + (" *" if name == "area" else ""))
            label.setToolTip(meaning)
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos[name] = combo
        note = QLabel(
            self.tr(
                "* verplicht. Met een gekoppelde vraagkolom is het bestand per gebied en vraag; "
                "anders is elke andere kolom een vraag en elke regel een respondent. Bestanden "
                "met namen, e-mailadressen, telefoonnummers of adressen worden geweigerd."
            ),
            self,
        )
        note.setWordWrap(True)
        style(note, "color: $muted;")
        form.addRow(note)
        mapping_box.setMinimumWidth(330)
        mapping_box.setMaximumWidth(400)

        self.questions = QTableWidget(0, 2, self)
        self.questions.setHorizontalHeaderLabels([self.tr("Vraag"), self.tr("Thema")])
        self.questions.setAccessibleName(self.tr("Vragen en hun thema"))
        self.questions.verticalHeader().setVisible(False)
        self.questions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.questions.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 200)
        self.theme_combos: dict[str, QComboBox] = {}

        self.counts = QLabel(self)
        self.counts.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcomes_model = OutcomesModel(self)
        self.outcomes_table = make_table(self.outcomes_model, self, stretch_column=2)
        self.outcomes_table.setAccessibleName(self.tr("Uitkomsten"))
        self.rejected_model = RejectedModel(self)
        self.rejected_table = make_table(self.rejected_model, self, stretch_column=1)
        self.rejected_table.setAccessibleName(self.tr("Afgekeurde regels"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.outcomes_table, self.tr("Uitkomsten"))
        self.tabs.addTab(self.rejected_table, self.tr("Afgekeurd"))
        self.tabs.addTab(self.questions, self.tr("Vragen en thema's"))
        right = QVBoxLayout()
        right.addWidget(self.counts)
        right.addWidget(self.message)
        right.addWidget(self.tabs, 1)
        middle = QHBoxLayout()
        middle.addWidget(mapping_box)
        middle.addLayout(right, 1)

        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("&Geldige rijen importeren"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.setEnabled(False)
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.import_valid)
        self.cancel_button.clicked.connect(self.reject)

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
            self.tr("Enquêtebestand kiezen"),
            start,
            self.tr("CSV- en Excel-bestanden (*.csv *.txt *.tsv *.xlsx);;Alle bestanden (*)"),
        )
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path) -> None:
        """Read the file off the GUI thread; the mapping follows its header."""
        self.path.setText(str(path))
        self.table = None
        self.preview = None
        self.busy = True
        self._show_state(self.tr("Bestand lezen…"))

        def work() -> _Loaded:
            try:
                data = path.read_bytes()
            except OSError as exc:
                return _Loaded(None, f"Kan het bestand niet lezen ({exc.strerror or exc}).")
            try:
                return _Loaded(read_table(data), "")
            except ValidationError as exc:
                return _Loaded(None, exc.message)

        self.context.background.submit(
            "survey-import", work, owner=self, on_done=self._on_loaded, on_error=self._on_failed
        )

    def _on_loaded(self, loaded: _Loaded) -> None:
        self.busy = False
        self.table = loaded.table
        self._fill_combos()
        if loaded.table is None:
            self._show_state(loaded.error)
            return
        table = loaded.table
        counts = (format_number(len(table.rows)), format_number(len(table.header)))
        if table.encoding == "xlsx":
            self.file_info.setText(self.tr("%s regels · %s kolommen · Excel-werkmap") % counts)
        else:
            self.file_info.setText(
                self.tr("%s regels · %s kolommen · scheidingsteken: %s · tekenset: %s")
                % (
                    *counts,
                    DELIMITERS.get(table.delimiter, table.delimiter),
                    ENCODINGS.get(table.encoding, table.encoding),
                )
            )
        self.check()

    def _fill_combos(self) -> None:
        header = self.table.header if self.table is not None else []
        suggested = suggest_mapping(header)
        self._filling = True
        try:
            for name, combo in self.combos.items():
                combo.clear()
                combo.addItem(self.tr("(niet gebruiken)"), "")
                for column in header:
                    if column:
                        combo.addItem(column, column)
                select_data(combo, suggested.get(name, ""))
                combo.setEnabled(bool(header))
            self._fill_questions()
        finally:
            self._filling = False

    def _fill_questions(self) -> None:
        """One row per question column (a file per respondent), with a theme to choose."""
        header = self.table.header if self.table is not None else []
        kept = {q: c.currentText() for q, c in self.theme_combos.items() if c.currentIndex() > 0}
        names = question_columns(header, self.mapping())
        self.theme_combos = {}
        self.questions.setRowCount(len(names))
        for row, name in enumerate(names):
            self.questions.setItem(row, 0, QTableWidgetItem(name))
            combo = QComboBox(self.questions)
            combo.setAccessibleName(self.tr("Thema van %s") % name)
            combo.addItem(self.tr("(geen thema)"), "")
            for theme in self.theme_names:
                combo.addItem(theme, theme)
            select_data(combo, kept.get(name, ""))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.questions.setCellWidget(row, 1, combo)
            self.theme_combos[name] = combo

    # -- checking ---------------------------------------------------------------------------

    def mapping(self) -> dict[str, str]:
        return {n: c.currentData() for n, c in self.combos.items() if c.currentData()}

    def themes(self) -> dict[str, str]:
        return {q: c.currentData() for q, c in self.theme_combos.items() if c.currentData()}

    def _mapping_changed(self, *_args: object) -> None:
        if self._filling or self.table is None:
            return
        if self.sender() in self.combos.values():
            self._filling = True
            try:
                self._fill_questions()
            finally:
                self._filling = False
        self.check()

    def check(self) -> None:
        """Preview the whole file with the current mapping (writes nothing)."""
        table = self.table
        if table is None:
            return
        mapping, themes, wave = self.mapping(), self.themes(), self.wave.value()
        self.preview = None
        self.busy = True
        self._show_state(self.tr("Regels controleren…"))
        context = self.context

        def work() -> _Checked:
            try:
                with context.read() as session:
                    preview = preview_survey(session, table, mapping, wave=wave, themes=themes)
            except ValidationError as exc:
                return _Checked(None, exc.message)
            return _Checked(preview, "")

        self.context.background.submit(
            "survey-import", work, owner=self, on_done=self._on_checked, on_error=self._on_failed
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
        style(self.message, "color: $warning;" if message and not self.busy else "")
        if preview is None:
            self.outcomes_model.set_rows([])
            self.rejected_model.set_rows([])
            self.counts.setText("" if self.table or self.busy else self.tr("Kies een bestand."))
            self.tabs.setTabText(1, self.tr("Afgekeurd"))
            self.import_button.setEnabled(False)
            return
        self.outcomes_model.areas = preview.area_names
        self.outcomes_model.themes = preview.theme_names
        self.outcomes_model.set_rows(preview.outcomes)
        self.rejected_model.set_rows(preview.invalid)
        valid, invalid = preview.rows, len(preview.invalid)
        self.counts.setText(
            self.tr("%s geldig, %s afgekeurd · %s uitkomsten")
            % (format_number(valid), format_number(invalid), format_number(len(preview.outcomes)))
        )
        self.tabs.setTabText(1, self.tr("Afgekeurd (%s)") % format_number(invalid))
        if not message:
            text = self.tr("Alle regels zijn geldig.")
            if not valid:
                text = self.tr("Geen enkele regel is geldig; er valt niets te importeren.")
            elif invalid:
                text = self.tr(
                    "Alleen de geldige regels worden geïmporteerd; de afgekeurde regels niet."
                )
            self.message.setText(text)
            self.message.setVisible(True)
        if invalid and not valid:
            self.tabs.setCurrentIndex(1)
        self.import_button.setEnabled(bool(preview.outcomes))

    # -- importing --------------------------------------------------------------------------

    def import_valid(self) -> None:
        """Store the outcomes in one unit of work; rejected rows are left out."""
        preview = self.preview
        if preview is None or not preview.outcomes or self.busy:
            return
        written = self.context.perform_import(
            self,
            lambda session: import_survey(session, preview, accept_valid=True),
            changes=(SURVEY,),
            title=self.tr("Niet geïmporteerd"),
        )
        if written is not None:
            self.imported = written
            self.accept()
