"""The milestones of the open initiative: a small table edited in place, by keyboard.

'Mijlpaal toevoegen' opens the new row's first cell; Tab goes on to Streefdatum and Bereikt op;
typing on a chosen cell starts editing it. Escape inside a cell only cancels that cell (the
screen's Escape would otherwise leave the whole form).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.services.initiatives import MAX_MILESTONE, MilestoneView
from gebiedsapp.ui.admin.common import make_table
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.initiatives.models import MilestoneRow, MilestonesModel, milestone_row

Index = QModelIndex | QPersistentModelIndex


class MilestoneDelegate(QStyledItemDelegate):
    """Line edits with a hint; keeps track of open editors so a save can commit them first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editors: list[QWidget] = []
        self.closeEditor.connect(lambda editor, _hint=None: self._forget(editor))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            if index.column() == MilestonesModel.COL_DESCRIPTION:
                editor.setMaxLength(MAX_MILESTONE)
                editor.setPlaceholderText(
                    self.tr("Wat moet er bereikt worden? (geen namen van bewoners)")
                )
            else:
                editor.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.editors.append(editor)
        editor.destroyed.connect(lambda _obj=None, e=editor: self._forget(e))
        return editor

    def _forget(self, editor: QWidget) -> None:
        if editor in self.editors:
            self.editors.remove(editor)

    # emitted when Tab leaves the last cell (or Shift+Tab the first): the editor is closed and
    # the focus should go on, not wrap around to the other end of the table
    left_table = Signal(bool)  # True: forwards

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()  # Escape cancels this cell, not the whole form
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and isinstance(watched, QWidget)
            and self._at_the_end(forwards=event.key() == Qt.Key.Key_Tab)
        ):
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
            self.left_table.emit(event.key() == Qt.Key.Key_Tab)
            return True
        return super().eventFilter(watched, event)

    def _at_the_end(self, *, forwards: bool) -> bool:
        """Whether the cell being edited is the table's last (or, backwards, its first)."""
        view = self.parent()
        if not isinstance(view, QAbstractItemView):
            return False
        index, model = view.currentIndex(), view.model()
        if forwards:
            last_row, last_column = model.rowCount() - 1, model.columnCount() - 1
            return index.row() == last_row and index.column() == last_column
        return index.row() == 0 and index.column() == 0

    def commit_open_editors(self) -> None:
        """Write what is typed in an open cell to the model (Ctrl+Enter while editing)."""
        for editor in list(self.editors):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class MilestonesEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MilestonesModel(self)
        self.table = make_table(self.model, self, stretch_column=MilestonesModel.COL_DESCRIPTION)
        self.table.setAccessibleName(self.tr("Mijlpalen"))
        self.delegate = MilestoneDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table when no cell is open
        self.table.setToolTip(
            self.tr(
                "Typ in een cel om die te wijzigen; F2 of dubbelklik ook. Delete maakt de cel "
                "leeg; Ctrl+Delete verwijdert de mijlpaal."
            )
        )
        header = self.table.horizontalHeader()
        header.resizeSection(MilestonesModel.COL_DUE, 92)
        header.resizeSection(MilestonesModel.COL_REACHED, 92)
        self.table.setMinimumHeight(112)

        self.add_button = QPushButton(self.tr("Mijlpaal toevoegen"), self)
        self.reached_button = QPushButton(self.tr("Bereikt vandaag"), self)
        self.reached_button.setToolTip(
            self.tr("Zet de gekozen mijlpaal op bereikt (vandaag), of haal dat weer weg")
        )
        self.remove_button = QPushButton(self.tr("Verwijderen"), self)
        self.remove_button.setToolTip(self.tr("Verwijder de gekozen mijlpaal (Ctrl+Delete)"))
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reached_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add)
        self.reached_button.clicked.connect(self.toggle_reached)
        self.remove_button.clicked.connect(self.remove)
        for signal in (
            self.model.dataChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
        ):
            signal.connect(self._emit_changed)
        self.table.installEventFilter(self)
        self.delegate.left_table.connect(self._left_table)

    def _left_table(self, forwards: bool) -> None:
        if forwards:
            self.add_button.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.table.setFocus(Qt.FocusReason.BacktabFocusReason)

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            # as in a spreadsheet, Delete empties the cell; Ctrl+Delete removes the milestone
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.remove()
            else:
                self.clear_cell()
            return True
        return super().eventFilter(watched, event)

    # -- contents ---------------------------------------------------------------------------

    def set_milestones(self, views: tuple[MilestoneView, ...] | list[MilestoneView]) -> None:
        self.model.set_rows([milestone_row(v) for v in views])

    def rows(self) -> list[MilestoneRow]:
        self.delegate.commit_open_editors()
        return list(self.model.rows)

    def snapshot(self) -> list[tuple[str, str, str, str]]:
        """What is typed, to tell whether anything changed."""
        return [
            (r.description.strip(), r.due.strip(), r.reached.strip(), str(r.id))
            for r in self.model.rows
            if not r.is_blank() or r.id is not None
        ]

    def _current_row(self) -> int:
        row = self.table.currentIndex().row()
        return row if 0 <= row < len(self.model.rows) else -1

    # -- buttons ----------------------------------------------------------------------------

    def add(self) -> None:
        """A new row, with the cursor in its description."""
        self.delegate.commit_open_editors()
        position = self.model.append(MilestoneRow())
        index = self.model.index(position, MilestonesModel.COL_DESCRIPTION)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def toggle_reached(self) -> None:
        self.delegate.commit_open_editors()
        position = self._current_row()
        if position < 0:
            self.table.setFocus()
            return
        row = self.model.rows[position]
        value = "" if row.reached.strip() else format_date(date.today())
        self.model.setData(self.model.index(position, MilestonesModel.COL_REACHED), value)

    def clear_cell(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.setData(index, "")

    def remove(self) -> None:
        self.delegate.commit_open_editors()
        position = self._current_row()
        if position < 0:
            return
        self.model.remove(position)
        if self.model.rows:
            self.table.setCurrentIndex(self.model.index(min(position, len(self.model.rows) - 1), 0))

    def focus_bad_cell(self, *, started: date | None = None) -> None:
        """Put the cursor on the first cell that was refused (after a message about it)."""
        cell = self.model.bad_cell(today=date.today(), started=started)
        self.table.setFocus()
        if cell is not None:
            self.table.setCurrentIndex(self.model.index(*cell))
