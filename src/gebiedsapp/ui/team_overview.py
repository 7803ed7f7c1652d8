"""'Wie werkt waar': which gebiedsregisseur, opbouwwerker and wethouder work in which area."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain import Role
from gebiedsapp.services.list_exports import team_tables
from gebiedsapp.services.teams import TeamRow, WethouderRow, team_overview, wethouder_overview
from gebiedsapp.ui.context import AREAS, TEAM, AppContext
from gebiedsapp.ui.export import Exporter, ExportJob
from gebiedsapp.ui.formatting import from_qdate, to_qdate
from gebiedsapp.ui.page import page_title
from gebiedsapp.ui.palette import ColourRole, brush
from gebiedsapp.ui.screen import ScreenDefaults
from gebiedsapp.ui.table_model import RowTableModel

NOBODY = "—"


class TeamOverviewModel(RowTableModel[TeamRow]):
    COL_AREA, COL_REGISSEUR, COL_OPBOUWWERKER, COL_WETHOUDER = range(4)
    ROLE_OF_COLUMN: ClassVar[dict[int, Role]] = {
        COL_REGISSEUR: Role.GEBIEDSREGISSEUR,
        COL_OPBOUWWERKER: Role.OPBOUWWERKER,
        COL_WETHOUDER: Role.GEBIEDSWETHOUDER,
    }
    headers = ("Gebied", "Gebiedsregisseur", "Opbouwwerker", "Gebiedswethouder")

    def cell(self, row: TeamRow, column: int, role: int) -> Any:
        if column == self.COL_AREA:
            if role == Qt.ItemDataRole.DisplayRole:
                return "    " * row.depth + row.area_name
            if role == Qt.ItemDataRole.FontRole and row.depth <= 1:
                font = QFont()
                font.setBold(True)
                return font
            return None
        names = row.for_role(self.ROLE_OF_COLUMN[column])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return ", ".join(names) if names else NOBODY
        if role == Qt.ItemDataRole.ForegroundRole and not names:
            return brush(ColourRole.MUTED)
        return None


class WethouderModel(RowTableModel[WethouderRow]):
    COL_NAME, COL_AREAS = range(2)
    headers = ("Gebiedswethouder", "Gebieden")

    def cell(self, row: WethouderRow, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return row.name if column == self.COL_NAME else ", ".join(row.areas)


class TeamOverviewScreen(ScreenDefaults, QWidget):
    edit_team_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        title = page_title(self.tr("Wie werkt waar"), self)
        intro = QLabel(
            self.tr(
                "Per dorp en wijk het team van gebiedsregisseur, opbouwwerker en "
                "gebiedswethouder op de gekozen datum."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setDate(to_qdate(date.today()))
        self.date_edit.setAccessibleName(self.tr("Peildatum"))
        today = QPushButton(self.tr("Vandaag"), self)
        today.clicked.connect(lambda: self.date_edit.setDate(to_qdate(date.today())))
        self.edit_button = QPushButton(self.tr("Teams bewerken…"), self)
        self.edit_button.clicked.connect(self.edit_team_requested)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Peildatum:"), self))
        bar.addWidget(self.date_edit)
        bar.addWidget(today)
        bar.addStretch(1)
        self.exporter = Exporter(context, self, self.export_job)
        bar.addWidget(self.exporter.button)
        bar.addWidget(self.edit_button)

        self.area_model = TeamOverviewModel(self)
        self.wethouder_model = WethouderModel(self)
        self.area_table = self._table(self.area_model)
        self.wethouder_table = self._table(self.wethouder_model)
        self.area_table.setAccessibleName(self.tr("Per gebied"))
        self.wethouder_table.setAccessibleName(self.tr("Per wethouder"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.area_table, self.tr("Per gebied"))
        self.tabs.addTab(self.wethouder_table, self.tr("Per wethouder"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        context.hub.changed.connect(self._on_changes)
        self._stale = True  # loaded when first shown: start-up does not pay for hidden screens

    def _table(self, model: RowTableModel[Any]) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

    @property
    def day(self) -> date:
        return from_qdate(self.date_edit.date())

    def export_job(self) -> ExportJob:
        """Both tabs (per area, per wethouder) on the chosen day."""
        day = self.day
        return ExportJob(
            "wie-werkt-waar", lambda session, options: team_tables(session, options, on=day)
        )

    def reload(self) -> None:
        self._stale = False
        with self.context.read() as session:
            self.area_model.set_rows(team_overview(session, on=self.day))
            self.wethouder_model.set_rows(wethouder_overview(session, on=self.day))

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def _on_changes(self, kinds: frozenset[str]) -> None:
        if kinds & {AREAS, TEAM}:
            if self.isVisible():
                self.reload()
            else:
                self._stale = True
