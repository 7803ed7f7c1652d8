"""'Where are you today?': Ctrl+N with the whole municipality chosen asks for a village or wijk.

A koffiekar round belongs to one village or wijk, so Ctrl+N on 'Oldambt' cannot start one; instead
of doing nothing it says so and offers the places that can hold a round. Typing filters the list
(case- and accent-insensitive), Enter starts the round in the chosen place.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain import AreaKind
from gebiedsapp.services.actions import member_for_account
from gebiedsapp.services.areas import AreaNode, area_tree
from gebiedsapp.services.teams import list_assignments
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar.theme_picker import fold

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def round_areas(areas: Sequence[AreaNode]) -> list[AreaNode]:
    """The areas a round can be held in: every village, wijk and area, not the municipality."""
    return [a for a in areas if a.kind is not AreaKind.GEMEENTE]


class ChooseAreaDialog(QDialog):
    def __init__(
        self,
        areas: Sequence[AreaNode],
        *,
        preferred: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe koffiekarronde"))
        self.setMinimumSize(360, 420)
        intro = QLabel(
            self.tr(
                "Een koffiekarronde hoort bij een dorp of wijk, niet bij de hele gemeente. "
                "Waar sta je vandaag?"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("typ een deel van de naam"))
        self.filter.setAccessibleName(self.tr("Dorp of wijk zoeken"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Dorpen en wijken"))
        min_depth = min((a.depth for a in areas), default=0)
        for area in round_areas(areas):
            indent = "    " * max(area.depth - min_depth - 1, 0)
            item = QListWidgetItem(indent + area.name, self.list)
            item.setData(ID_ROLE, str(area.id))
            item.setData(Qt.ItemDataRole.UserRole + 2, fold(area.name))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Ronde starten"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(lambda *_a: self._update_ok())
        self._select(preferred)
        self.filter.setFocus()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _select(self, area_id: uuid.UUID | None) -> None:
        items = self._items()
        row = next((n for n, i in enumerate(items) if i.data(ID_ROLE) == str(area_id)), 0)
        self.list.setCurrentRow(row if items else -1)
        self._update_ok()

    def _apply_filter(self, text: str) -> None:
        needle = fold(text.strip())
        visible = []
        for item in self._items():
            hidden = bool(needle) and needle not in item.data(Qt.ItemDataRole.UserRole + 2)
            item.setHidden(hidden)
            if not hidden:
                visible.append(item)
        current = self.list.currentItem()
        if visible and (current is None or current.isHidden()):
            self.list.setCurrentItem(visible[0])
        elif not visible:
            self.list.setCurrentRow(-1)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.area_id is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the filter move through the list, so the hands stay on the keys."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                move = QKeyEvent(QEvent.Type.KeyPress, event.key(), event.modifiers())
                QCoreApplication.sendEvent(self.list, move)
                return True
        return super().eventFilter(watched, event)

    @property
    def area_id(self) -> uuid.UUID | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return uuid.UUID(str(item.data(ID_ROLE)))


def ask_round_area(context: AppContext, parent: QWidget) -> uuid.UUID | None:
    """Ask where today's round is; the first area the user works in is offered first."""
    with context.read() as session:
        areas = area_tree(session)
        me = member_for_account(session, context.actor)
        mine = (
            [a.area_id for a in list_assignments(session, member_id=me.id, on=date.today())]
            if me is not None
            else []
        )
    if not round_areas(areas):
        return None
    dialog = ChooseAreaDialog(areas, preferred=mine[0] if mine else None, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.area_id
