"""'Mijn acties': the open follow-up actions of whoever is signed in, overdue ones first in red.

Marking one done is one keystroke (Space), because that is what people do with this list: walk
down it and tick things off. The last one ticked off can be taken back ('Ongedaan maken').
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain import ActionStatus
from gebiedsapp.services.actions import (
    ActionLine,
    ActionView,
    member_for_account,
    my_actions,
    soonest_first,
)
from gebiedsapp.services.actions import set_done as set_action_done
from gebiedsapp.services.list_exports import my_actions_table
from gebiedsapp.ui.admin.common import make_table
from gebiedsapp.ui.context import ACTIONS, AREAS, KOFFIEKAR, TEAM, AppContext
from gebiedsapp.ui.export import Exporter, ExportJob
from gebiedsapp.ui.formatting import format_date, format_number
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.page import page_title
from gebiedsapp.ui.palette import ColourRole, brush, style
from gebiedsapp.ui.screen import ScreenDefaults
from gebiedsapp.ui.table_model import RowTableModel
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

# Change kinds (move to ui.context): actions changed; koffiekar rounds or conversations changed.

NO_ACCOUNT_HINT = QT_TRANSLATE_NOOP(
    "MyActionsScreen", "Koppel je account aan je teamlid in Beheer → Teams om je acties te zien"
)
SOURCE_LABELS = {  # translated where shown
    "gesprek": QT_TRANSLATE_NOOP("ActionsModel", "Koffiekargesprek"),
    "contact": QT_TRANSLATE_NOOP("ActionsModel", "Contact"),
    "": "—",
}


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def sort_soonest_first(rows: list[ActionView]) -> list[ActionView]:
    """Open before done, then by due date (no date last): what needs doing comes first."""
    return sorted(rows, key=soonest_first)


Shown = TypeVar("Shown", ActionView, ActionLine)


class ActionsModel(RowTableModel[Shown]):
    """Actions with due date, text, area, owner, source and status; overdue rows in red.
    'Mijn acties' keeps views (it ticks them off), Lijsten compact lines (issue 19)."""

    COL_DUE, COL_DESCRIPTION, COL_AREA, COL_OWNER, COL_SOURCE, COL_STATUS = range(6)
    headers = ("Uiterlijk", "Actie", "Gebied", "Eigenaar", "Bron", "Status")

    def cell(self, row: Shown, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column, tooltip=role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue:
                return brush(ColourRole.OVERDUE)
            if row.status is not ActionStatus.OPEN:
                return brush(ColourRole.MUTED)
            return None
        if role == Qt.ItemDataRole.FontRole and row.overdue and column == self.COL_DUE:
            return _bold()
        return None

    def _text(self, row: Shown, column: int, *, tooltip: bool) -> str | None:
        if column == self.COL_DUE:
            if row.due_date is None:
                return self.tr("geen datum") if not tooltip else None
            text = format_date(row.due_date)
            return self.tr("%s  te laat") % text if row.overdue else text
        if column == self.COL_DESCRIPTION:
            return row.description
        if column == self.COL_AREA:
            return row.area_name
        if column == self.COL_OWNER:
            return row.owner_name or ("—" if not tooltip else None)
        if column == self.COL_SOURCE:
            return self.tr(SOURCE_LABELS.get(row.source, row.source))
        if column == self.COL_STATUS:
            return self.tr("te laat") if row.overdue else label_of(row.status)
        return None


class MyActionsScreen(ScreenDefaults, QWidget):
    """The signed-in user's actions; Space (or 'Gedaan') ticks off the selected one."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.member_name: str | None = None
        self.last_done: ActionView | None = None

        title = page_title(self.tr("Mijn acties"), self)
        self.intro = QLabel(
            self.tr(
                "Wat je hebt afgesproken in gesprekken en contacten, wat het eerst moet bovenaan. "
                "Kies een actie en druk op Spatie als hij gedaan is."
            ),
            self,
        )
        self.intro.setWordWrap(True)

        self.hint = QFrame(self)
        self.hint.setFrameShape(QFrame.Shape.StyledPanel)
        style(self.hint, "QFrame { background: $hint; border: 1px solid $hint_border; }")
        hint_layout = QHBoxLayout(self.hint)
        self.hint_text = QLabel(self.tr(NO_ACCOUNT_HINT), self.hint)
        self.hint_text.setWordWrap(True)
        hint_layout.addWidget(self.hint_text, 1)
        self.hint.setVisible(False)

        self.show_closed = QCheckBox(self.tr("Toon ook afgeronde"), self)
        self.done_button = QPushButton(self.tr("Gedaan (Spatie)"), self)
        self.done_button.setToolTip(self.tr("Markeer de gekozen actie als gedaan"))
        self.undo_button = QPushButton(self.tr("Ongedaan maken"), self)
        self.undo_button.setToolTip(self.tr("Zet de laatst afgeronde actie weer open"))
        self.undo_button.setEnabled(False)
        self.count_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.done_button)
        bar.addWidget(self.undo_button)
        bar.addSpacing(16)
        bar.addWidget(self.show_closed)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.exporter = Exporter(context, self, self.export_job)
        bar.addWidget(self.exporter.button)

        self.model: ActionsModel[ActionView] = ActionsModel(self)
        self.table: QTableView = make_table(
            self.model, self, stretch_column=ActionsModel.COL_DESCRIPTION
        )
        self.table.setAccessibleName(self.tr("Mijn acties"))
        self.table.setColumnHidden(ActionsModel.COL_OWNER, True)
        self.table.setColumnHidden(ActionsModel.COL_STATUS, True)
        header = self.table.horizontalHeader()
        header.resizeSection(ActionsModel.COL_DUE, 150)
        header.resizeSection(ActionsModel.COL_AREA, 160)
        header.resizeSection(ActionsModel.COL_SOURCE, 150)
        self.table.installEventFilter(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.intro)
        layout.addWidget(self.hint)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self.done_button.clicked.connect(self.mark_selected_done)
        self.undo_button.clicked.connect(self.undo)
        self.show_closed.toggled.connect(self._on_show_closed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        context.hub.changed.connect(self._on_changes)
        self._stale = True
        self._update_buttons()

    def export_job(self) -> ExportJob:
        closed = self.show_closed.isChecked()
        return ExportJob(
            "mijn-acties",
            lambda session, options: [my_actions_table(session, options, include_closed=closed)],
        )

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        self._stale = False
        today = date.today()
        keep = self.selected_action()
        with self.context.read() as session:
            member = member_for_account(session, self.context.actor)
            self.member_name = member.name if member is not None else None
            rows: list[ActionView] = []
            if member is not None:
                rows = my_actions(
                    session,
                    account=self.context.actor,
                    today=today,
                    include_closed=self.show_closed.isChecked(),
                )
        self.model.set_rows(sort_soonest_first(rows))
        self.hint.setVisible(self.member_name is None)
        self._select(keep.id if keep else None, fallback_row=0)
        self._update_count()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)
        if not event.spontaneous():
            self.table.setFocus()  # Space ticks off the selected action, also on the first visit

    def _on_changes(self, kinds: frozenset[str]) -> None:
        if kinds & {ACTIONS, KOFFIEKAR, TEAM, AREAS}:
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def _on_show_closed(self, checked: bool) -> None:
        self.table.setColumnHidden(ActionsModel.COL_STATUS, not checked)
        self.reload()

    def _update_count(self) -> None:
        open_rows = [a for a in self.model.rows if a.status is ActionStatus.OPEN]
        late = sum(1 for a in open_rows if a.overdue)
        if self.member_name is None:
            self.count_label.setText("")
            return
        text = self.tr("%s open") % format_number(len(open_rows))
        if late:
            text += self.tr(", waarvan %s te laat") % format_number(late)
        self.count_label.setText(text)

    # -- selection --------------------------------------------------------------------------

    def selected_action(self) -> ActionView | None:
        return self.model.row_at(self.table.currentIndex())

    def _select(self, action_id: uuid.UUID | None, *, fallback_row: int) -> None:
        rows = self.model.rows
        if not rows:
            self._update_buttons()
            return
        row = next((i for i, a in enumerate(rows) if a.id == action_id), None)
        if row is None:
            row = max(0, min(fallback_row, len(rows) - 1))
        self.table.setCurrentIndex(self.model.index(row, ActionsModel.COL_DESCRIPTION))
        self.table.selectRow(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        action = self.selected_action()
        self.done_button.setEnabled(action is not None)
        if action is not None and action.status is not ActionStatus.OPEN:
            self.done_button.setText(self.tr("Weer openzetten (Spatie)"))
        else:
            self.done_button.setText(self.tr("Gedaan (Spatie)"))
        self.undo_button.setEnabled(self.last_done is not None)

    # -- behaviour --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.mark_selected_done()
            return True
        return super().eventFilter(watched, event)

    def mark_selected_done(self) -> None:
        """Tick off the selected action (or reopen it, when it is already done)."""
        action = self.selected_action()
        if action is None:
            return
        done = action.status is ActionStatus.OPEN
        row = self.table.currentIndex().row()
        today = date.today()
        result = self.context.perform(
            self,
            lambda s: set_action_done(s, action.id, done=done, today=today),
            changes=(ACTIONS,),
        )
        if result is None:
            return
        self.last_done = action if done else None
        self.reload()
        self._select(action.id, fallback_row=row)  # the next one, when this one disappeared
        if done:
            self.status.setText(self.tr("Gedaan: %s") % action.description)
        else:
            self.status.setText(self.tr("Weer open: %s") % action.description)
        self._update_buttons()
        self.table.setFocus()

    def undo(self) -> None:
        action = self.last_done
        if action is None:
            return
        today = date.today()
        result = self.context.perform(
            self,
            lambda s: set_action_done(s, action.id, done=False, today=today),
            changes=(ACTIONS,),
        )
        if result is None:
            return
        self.last_done = None
        self.reload()
        self._select(action.id, fallback_row=0)
        self.status.setText(self.tr("Weer open: %s") % action.description)
        self.table.setFocus()
