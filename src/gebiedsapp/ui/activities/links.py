"""The activity form's own inputs: times that may be empty, narrow combo boxes, dates, text
boxes, and the lists of records to link."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from gebiedsapp.services.activities import LinkOption
from gebiedsapp.ui.koffiekar.conversation_fields import DateEdit
from gebiedsapp.ui.koffiekar.conversation_fields import get_time as get_time
from gebiedsapp.ui.koffiekar.conversation_fields import set_time as set_time
from gebiedsapp.ui.koffiekar.conversation_fields import time_edit as time_edit

ID_ROLE = Qt.ItemDataRole.UserRole
NEW_ROLE = Qt.ItemDataRole.UserRole + 1  # an action agreed here, made when the form is saved


def narrow_combo(combo: QComboBox, name: str, length: int = 12) -> None:
    """A combo box whose longest entry shows whole only in the open list: the form stays
    narrow."""
    combo.setAccessibleName(name)
    combo.setMinimumContentsLength(length)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)


def date_edit(parent: QWidget, name: str) -> DateEdit:
    edit = DateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setAccessibleName(name)
    return edit


def text_box(parent: QWidget, name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(60)
    return box


class LinkList(QListWidget):
    """Checkable records to link (signals, actions, initiatives); a linked one that is no
    longer offered (closed since) stays listed, ticked."""

    changed = Signal()
    new_unticked = Signal(int)  # the index of a new (not yet made) entry that was unticked

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setUniformItemSizes(True)
        self._options: list[LinkOption] = []
        self._new: list[str] = []  # texts of entries made on saving, listed first, ticked
        self.itemChanged.connect(self._on_item)

    def _on_item(self, item: QListWidgetItem) -> None:
        index = item.data(NEW_ROLE)
        if isinstance(index, int) and item.checkState() != Qt.CheckState.Checked:
            self.new_unticked.emit(index)  # unticking a new one takes it away
            return
        self.changed.emit()

    def set_new(self, texts: Sequence[str]) -> None:
        self._new = list(texts)
        keep = {o.id: o for o in self._checked_options()}
        self._fill(keep, set(keep))

    def set_options(self, options: Sequence[LinkOption]) -> None:
        keep = {o.id: o for o in self._checked_options()}
        self._options = list(options)
        self._fill(keep, set(keep))

    def set_checked(self, ids: Iterable[uuid.UUID], known: Sequence[LinkOption] = ()) -> None:
        wanted = list(dict.fromkeys(ids))
        labels = {o.id: o for o in (*self._options, *known)}
        extra = {i: labels.get(i, LinkOption(i, self.tr("(niet meer te kiezen)"))) for i in wanted}
        self._fill(extra, set(wanted))

    def checked_ids(self) -> list[uuid.UUID]:
        return [o.id for o in self._checked_options()]

    def _checked_options(self) -> list[LinkOption]:
        found = []
        for row in range(self.count()):
            item = self.item(row)
            if item.data(NEW_ROLE) is None and item.checkState() == Qt.CheckState.Checked:
                found.append(LinkOption(uuid.UUID(item.data(ID_ROLE)), item.text()))
        return found

    def _fill(self, extra: dict[uuid.UUID, LinkOption], checked: set[uuid.UUID]) -> None:
        self.blockSignals(True)
        try:
            self.clear()
            for index, text in enumerate(self._new):
                item = QListWidgetItem(self.tr("Nieuw: %s") % text, self)
                item.setData(NEW_ROLE, index)
                item.setToolTip(self.tr("Wordt gemaakt bij het opslaan; uitvinken haalt hem weg"))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            offered = {o.id for o in self._options}
            listed = [*(o for i, o in extra.items() if i not in offered), *self._options]
            for option in listed:
                item = QListWidgetItem(option.text, self)
                item.setData(ID_ROLE, str(option.id))
                item.setToolTip(option.text)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                state = Qt.CheckState.Checked if option.id in checked else Qt.CheckState.Unchecked
                item.setCheckState(state)
        finally:
            self.blockSignals(False)
        self.changed.emit()
