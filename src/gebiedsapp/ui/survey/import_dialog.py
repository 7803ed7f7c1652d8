"""Inwonersenquête importeren uit een CSV- of Excel-bestand: kies het bestand, koppel de kolommen
en de vragen aan thema's, bekijk de uitkomsten en de afgekeurde regels, en importeer.

Reading, checking (personal columns refused, rows with their reason) and writing are
services.survey_import's; the dialog only shows them. Reading and checking run on the
background worker; nothing is written until "Geldige rijen importeren". The frame (file,
counts, tabs, buttons, the worker jobs) is ui.import_dialog's, shared with the other imports.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.services.import_files import CsvTable
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
from gebiedsapp.ui.import_dialog import ImportDialog
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.table_model import RowTableModel


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


class SurveyImportDialog(ImportDialog):
    """File, mapping, year, themes per question, preview; writes only on the import button."""

    job = "survey-import"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Inwonersenquête importeren uit CSV of Excel"))
        self.table: CsvTable | None = None
        self.preview: SurveyPreview | None = None
        with context.read() as session:
            self.theme_names = [t.name for t in list_themes(session, include_retired=False)]
        self._mapping_layout(mapping=self._mapping_box(), results=self._preview_tables())

    @property
    def imported(self) -> int | None:
        """How many outcomes were stored; None until then."""
        return self.written

    def _mapping_box(self) -> QGroupBox:
        """The survey's year, then one combo per field of ours."""
        box = QGroupBox(self.tr("Koppeling: ons veld ← kolom in het bestand"), self)
        form = QFormLayout(box)
        self.wave = QSpinBox(self)
        self.wave.setRange(1990, date.today().year + 1)
        self.wave.setValue(date.today().year)
        self.wave.setAccessibleName(self.tr("Jaar als het bestand geen jaarkolom heeft"))
        self.wave.valueChanged.connect(self._mapping_changed)
        wave_label = QLabel(self.tr("&Jaar zonder jaarkolom"), self)
        wave_label.setBuddy(self.wave)
        form.addRow(wave_label, self.wave)
        for name, meaning in FIELDS.items():
            combo = self._mapping_combo(name, meaning, width=12)
            label = QLabel(meaning.split(" (")[0].capitalize() + (" *" if name == "area" else ""))
            label.setToolTip(meaning)
            label.setBuddy(combo)
            form.addRow(label, combo)
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
        box.setMinimumWidth(330)
        box.setMaximumWidth(400)
        return box

    def _preview_tables(self) -> QVBoxLayout:
        """Outcomes, rejected rows, and the questions with the theme each belongs to."""
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
        self.outcomes_model = OutcomesModel(self)
        self.outcomes_table = make_table(self.outcomes_model, self, stretch_column=2)
        self.outcomes_table.setAccessibleName(self.tr("Uitkomsten"))
        self.rejected_model = RejectedModel(self)
        self.rejected_table = make_table(self.rejected_model, self, stretch_column=1)
        self.rejected_table.setAccessibleName(self.tr("Afgekeurde regels"))
        return self._results(
            [
                (self.outcomes_table, self.tr("Uitkomsten")),
                (self.rejected_table, self.tr("Afgekeurd")),
                (self.questions, self.tr("Vragen en thema's")),
            ],
            counts_style="font-size: 12pt; font-weight: 600;",
        )

    # -- the file ---------------------------------------------------------------------------

    def file_dialog_texts(self) -> tuple[str, str]:
        return self.tr("Enquêtebestand kiezen"), self.tr(
            "CSV- en Excel-bestanden (*.csv *.txt *.tsv *.xlsx);;Alle bestanden (*)"
        )

    def suggest_mapping(self, header: Sequence[str]) -> dict[str, str]:
        return suggest_mapping(list(header))

    def _header_filled(self) -> None:
        self._fill_questions()

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

    def make_preview(self) -> Callable[[Session], SurveyPreview]:
        table, mapping, themes, wave = self.table, self.mapping(), self.themes(), self.wave.value()
        assert table is not None
        return lambda session: preview_survey(session, table, mapping, wave=wave, themes=themes)

    def _show_state(self, message: str = "") -> None:
        preview = self.preview
        self._show_message(message)
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
        text = self.tr("Alle regels zijn geldig.")
        if not valid:
            text = self.tr("Geen enkele regel is geldig; er valt niets te importeren.")
        elif invalid:
            text = self.tr(
                "Alleen de geldige regels worden geïmporteerd; de afgekeurde regels niet."
            )
        self._verdict(message, text)
        if invalid and not valid:
            self.tabs.setCurrentIndex(1)
        self.import_button.setEnabled(bool(preview.outcomes))

    # -- importing --------------------------------------------------------------------------

    def import_valid(self) -> None:
        """Store the outcomes in one unit of work; rejected rows are left out."""
        preview = self.preview
        if preview is None or not preview.outcomes:
            return
        self._write(
            lambda session: import_survey(session, preview, accept_valid=True),
            changes=(SURVEY,),
            title=self.tr("Niet geïmporteerd"),
        )
