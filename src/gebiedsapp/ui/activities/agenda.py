"""The agenda tab: the rounds and activities of the area (with its sub-areas; the whole
municipality on Oldambt) coming up and behind, the villages and wijken the team has not been
to for a while (the number of weeks is kept in the database), and 'Opslaan als agenda (.ics)…'
for Outlook."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.services import ical
from gebiedsapp.services.agenda import MAX_WEEKS, Agenda, agenda, set_weeks_setting, weeks_setting
from gebiedsapp.ui.activities.models import AgendaModel, GapsModel
from gebiedsapp.ui.admin.common import make_table
from gebiedsapp.ui.context import ACTIVITIES, AppContext
from gebiedsapp.ui.formatting import format_number
from gebiedsapp.ui.page import muted_label


class AgendaPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.area_id: uuid.UUID | None = None
        self.shown: Agenda | None = None

        self.weeks_spin = QSpinBox(self)
        self.weeks_spin.setRange(1, MAX_WEEKS)
        self.weeks_spin.setSuffix(self.tr(" weken"))
        self.weeks_spin.setAccessibleName(self.tr("Lang niet geweest na"))
        self.weeks_spin.setToolTip(
            self.tr("Een dorp of wijk zonder koffiekarronde of activiteit in zoveel weken")
        )
        weeks_label = QLabel(self.tr("Lang &niet geweest na:"), self)
        weeks_label.setBuddy(self.weeks_spin)
        self.ics_button = QPushButton(self.tr("Opslaan als agenda (.ics)…"), self)
        self.ics_button.setToolTip(
            self.tr("De rondes en activiteiten hieronder als agendabestand voor Outlook")
        )
        top = QHBoxLayout()
        top.addWidget(weeks_label)
        top.addWidget(self.weeks_spin)
        top.addStretch(1)
        top.addWidget(self.ics_button)

        self.upcoming_model = AgendaModel(self)
        self.past_model = AgendaModel(self)
        self.upcoming = self._table(self.upcoming_model, self.tr("Komende rondes en activiteiten"))
        self.past = self._table(self.past_model, self.tr("Geweest"))
        self.upcoming_label = QLabel(self)
        self.past_label = QLabel(self)
        self.gaps_model = GapsModel(self)
        self.gaps = make_table(self.gaps_model, self, stretch_column=GapsModel.COL_AREA)
        self.gaps.setAccessibleName(self.tr("Lang niet geweest"))
        self.gaps.horizontalHeader().resizeSection(GapsModel.COL_LAST, 110)
        self.gaps.horizontalHeader().resizeSection(GapsModel.COL_WEEKS, 60)
        self.gaps_label = QLabel(self)
        self.gaps_label.setWordWrap(True)

        dates = QWidget(self)
        dates_layout = QVBoxLayout(dates)
        dates_layout.setContentsMargins(0, 0, 8, 0)
        dates_layout.addWidget(self.upcoming_label)
        dates_layout.addWidget(self.upcoming, 1)
        dates_layout.addWidget(self.past_label)
        dates_layout.addWidget(self.past, 1)
        gaps = QWidget(self)
        gaps_layout = QVBoxLayout(gaps)
        gaps_layout.setContentsMargins(8, 0, 0, 0)
        gaps_layout.addWidget(self.gaps_label)
        gaps_layout.addWidget(self.gaps, 1)
        gaps_layout.addWidget(
            muted_label(
                self,
                self.tr(
                    "Een bezoek is een koffiekarronde of activiteit in het dorp of de wijk "
                    "(of een deel ervan). Geplande activiteiten tellen pas als ze geweest zijn."
                ),
            )
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(dates)
        self.splitter.addWidget(gaps)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        with context.read() as session:
            self.weeks_spin.setValue(weeks_setting(session))
        self.weeks_spin.valueChanged.connect(self._on_weeks)
        self.ics_button.clicked.connect(self.save_ics)

    def _table(self, model: AgendaModel, name: str) -> QTableView:
        table = make_table(model, self, stretch_column=AgendaModel.COL_WHAT)
        table.setAccessibleName(name)
        header = table.horizontalHeader()
        header.resizeSection(AgendaModel.COL_DATE, 85)
        header.resizeSection(AgendaModel.COL_TIME, 95)
        header.resizeSection(AgendaModel.COL_AREA, 110)
        header.resizeSection(AgendaModel.COL_PLACE, 120)
        return table

    def set_area(self, area_id: uuid.UUID | None) -> None:
        self.area_id = area_id

    def reload(self) -> None:
        today = date.today()
        with self.context.read() as session:
            shown = agenda(
                session, area_id=self.area_id, today=today, weeks=self.weeks_spin.value()
            )
        self.shown = shown
        self.gaps_model.today = today
        self.upcoming_model.set_rows(shown.upcoming)
        self.past_model.set_rows(shown.past)
        self.gaps_model.set_rows(shown.gaps)
        self.upcoming_label.setText(
            self.tr("<b>Komend</b> in %s (%s)")
            % (shown.scope_name, format_number(len(shown.upcoming)))
        )
        self.past_label.setText(
            self.tr("<b>Geweest</b>, de laatste %s dagen (%s)")
            % (format_number((today - shown.start).days), format_number(len(shown.past)))
        )
        self.gaps_label.setText(
            self.tr("<b>Langer dan %s weken niet geweest</b> (%s)")
            % (format_number(shown.weeks), format_number(len(shown.gaps)))
        )
        self.ics_button.setEnabled(bool(shown.items))

    def _on_weeks(self, weeks: int) -> None:
        def work(session: Session) -> None:
            set_weeks_setting(session, weeks)

        # the screen hears ACTIVITIES and reloads the agenda it shows
        self.context.perform(self, work, changes=(ACTIVITIES,))

    def save_ics(self) -> None:
        """'Opslaan als agenda (.ics)…': the rounds and activities shown, for Outlook."""
        shown = self.shown
        if shown is None or not shown.items:
            return
        folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        suggested = folder / f"agenda-{shown.scope_name.lower().replace(' ', '-')}.ics"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Agenda opslaan"), str(suggested), self.tr("Agenda (*.ics)")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        try:
            count = ical.write_ical(
                path,
                shown.items,
                name=f"Gebiedsapp – {shown.scope_name}",
                now=datetime.now(UTC),
            )
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Niet opgeslagen"),
                self.tr("Het agendabestand kon niet worden opgeslagen: %s (%s)")
                % (path, exc.strerror or exc.__class__.__name__),
            )
            return
        QMessageBox.information(
            self,
            self.tr("Agenda opgeslagen"),
            self.tr("%s afspraken opgeslagen in %s. Open het bestand om ze in Outlook te zetten.")
            % (format_number(count), path),
        )
