"""A two-level taxonomy editor (tree + form) shared by Beheer › Thema's and › Signaalcategorieën.

Subclasses say how to load their items, how to save one, and may add fields to the form; the
tree, the parent choice, 'Nieuw', 'Opslaan' and retiring live here once.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.ui.admin.common import (
    ID_ROLE,
    button_row,
    current_id,
    form_panel,
    heading,
    id_text,
    italic_font,
    select_data,
    side_by_side,
)
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.palette import ColourRole, brush, style


@dataclass(frozen=True)
class TaxonomyItem:
    """A detached theme or category as the editor shows it."""

    id: uuid.UUID
    parent_id: uuid.UUID | None
    name: str
    description: str
    retired: bool


ItemT = TypeVar("ItemT", bound=TaxonomyItem)


class TaxonomyTreeModel(QStandardItemModel):
    """Top-level items with their children; retired items grey and italic."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.retired_suffix = self.tr(" (buiten gebruik)")

    def set_items(self, items: Sequence[TaxonomyItem], tooltips: dict[uuid.UUID, str]) -> None:
        self.beginResetModel()
        self.blockSignals(True)
        try:
            self.removeRows(0, self.rowCount())
            known = {item.id for item in items}
            tops: dict[uuid.UUID, QStandardItem] = {}
            for item in items:
                if item.parent_id is None or item.parent_id not in known:
                    row = self._row(item, tooltips.get(item.id, ""))
                    self.invisibleRootItem().appendRow(row)
                    tops[item.id] = row
            for item in items:
                if item.parent_id in tops:
                    tops[item.parent_id].appendRow(self._row(item, tooltips.get(item.id, "")))
        finally:
            self.blockSignals(False)
            self.endResetModel()

    def _row(self, item: TaxonomyItem, tooltip: str) -> QStandardItem:
        row = QStandardItem(item.name + (self.retired_suffix if item.retired else ""))
        row.setEditable(False)
        row.setData(str(item.id), ID_ROLE)
        if item.retired:
            row.setForeground(brush(ColourRole.MUTED))
            row.setFont(italic_font())
        if tooltip:
            row.setToolTip(tooltip)
        return row

    def index_of(self, item_id: uuid.UUID) -> QModelIndex:
        matches = self.match(
            self.index(0, 0),
            ID_ROLE,
            str(item_id),
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return matches[0] if matches else QModelIndex()


class TaxonomyEditor(QWidget, Generic[ItemT]):
    """Tree on the left, form on the right. Subclasses fill in the blanks marked below."""

    KINDS: frozenset[str] = frozenset()
    CHANGES: tuple[str, ...] = ()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items: list[ItemT] = []
        self.by_id: dict[uuid.UUID, ItemT] = {}
        self.current: ItemT | None = None
        self.creating = False  # the form holds a new, unsaved item

        self.model = TaxonomyTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.texts()["tree"])

        form_widget = QWidget(self)
        self.title = heading("", form_widget)
        self.name_edit = QLineEdit(form_widget)
        self.parent_combo = QComboBox(form_widget)
        self.description_edit = QPlainTextEdit(form_widget)
        self.description_edit.setMaximumHeight(90)
        self.description_edit.setTabChangesFocus(True)
        self.status = QLabel(form_widget)
        self.status.setWordWrap(True)
        style(self.status, "color: $muted;")

        self.new_button = QPushButton(self.texts()["new"], form_widget)
        self.save_button = QPushButton(self.tr("Opslaan"), form_widget)
        self.save_button.setDefault(True)
        self.retire_button = QPushButton(self.tr("Buiten gebruik stellen"), form_widget)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Naam:"), self.name_edit)
        self.form.addRow(self.texts()["parent"], self.parent_combo)
        self.build_extra(self.form, form_widget)
        self.form.addRow(self.tr("Omschrijving:"), self.description_edit)

        buttons = button_row(self.save_button, self.new_button, self.retire_button)
        form_panel(
            form_widget, title=self.title, form=self.form, status=self.status, buttons=buttons
        )
        side_by_side(self, self.tree, form_widget, stretch=(1, 1), sizes=(420, 600))

        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.new_item)
        self.save_button.clicked.connect(self.save)
        self.retire_button.clicked.connect(self.toggle_retired)
        context.hub.changed.connect(self._on_changes)
        self.reload()

    # ---- blanks for subclasses -------------------------------------------------------------

    def texts(self) -> dict[str, str]:
        """Keys: new, new_title, parent, no_parent, has_children, retired_note."""
        raise NotImplementedError

    def load(self, session: Session) -> list[ItemT]:
        raise NotImplementedError

    def tooltip(self, item: ItemT) -> str:
        return item.description

    def build_extra(self, form: QFormLayout, parent: QWidget) -> None:
        """Add rows between the parent choice and the description."""

    def show_extra(self, item: ItemT | None) -> None:
        """Fill the extra rows for `item` (None: defaults for a new item)."""

    def extra_values(self) -> dict[str, Any]:
        """The extra rows' values, read before the unit of work starts."""
        return {}

    def save_item(
        self,
        session: Session,
        *,
        item_id: uuid.UUID | None,
        name: str,
        parent_id: uuid.UUID | None,
        description: str,
        extra: dict[str, Any],
    ) -> uuid.UUID:
        raise NotImplementedError

    def set_item_retired(self, session: Session, item_id: uuid.UUID, *, retired: bool) -> None:
        raise NotImplementedError

    # ---- loading and showing ---------------------------------------------------------------

    def reload(self) -> None:
        with self.context.read() as session:
            items = self.load(session)
        self.items = items
        self.by_id = {item.id: item for item in items}
        creating = self.current is None and self.creating
        keep = self.current.id if self.current else None
        self.current = None
        self.model.set_items(items, {item.id: self.tooltip(item) for item in items})
        self.tree.expandAll()
        if creating:
            self._fill_parents(None, keep_selection=True)
            return
        if keep not in self.by_id:  # start at the top of the tree, not at the first child
            keep = next((item.id for item in items if item.parent_id is None), None)
        if keep is None:
            self.new_item()
        else:
            self.select(keep)

    def select(self, item_id: uuid.UUID) -> None:
        index = self.model.index_of(item_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        if self.current is None or self.current.id != item_id:
            self._show(self.by_id.get(item_id))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(ID_ROLE) if current.isValid() else None
        if value:
            self._show(self.by_id.get(uuid.UUID(value)))

    def has_children(self, item: ItemT) -> bool:
        return any(other.parent_id == item.id for other in self.items)

    def _fill_parents(self, item: ItemT | None, *, keep_selection: bool = False) -> None:
        """Only top-level items can be a parent (two levels), never the item itself."""
        keep = self.parent_combo.currentData() if keep_selection else None
        self.parent_combo.clear()
        self.parent_combo.addItem(self.texts()["no_parent"], "")
        for top in self.items:
            if top.parent_id is None and (item is None or top.id != item.id):
                suffix = self.model.retired_suffix if top.retired else ""
                self.parent_combo.addItem(top.name + suffix, str(top.id))
        if keep is not None:
            select_data(self.parent_combo, keep)

    def _show(self, item: ItemT | None) -> None:
        self.current = item
        self.creating = item is None
        self._fill_parents(item)
        self.title.setText(item.name if item else self.texts()["new_title"])
        self.name_edit.setText(item.name if item else "")
        select_data(self.parent_combo, id_text(item.parent_id if item else None))
        locked = item is not None and self.has_children(item)
        self.parent_combo.setEnabled(not locked)
        self.parent_combo.setToolTip(self.texts()["has_children"] if locked else "")
        self.description_edit.setPlainText(item.description if item else "")
        self.show_extra(item)
        self.retire_button.setEnabled(item is not None)
        retired = item is not None and item.retired
        self.retire_button.setText(
            self.tr("Weer in gebruik nemen") if retired else self.tr("Buiten gebruik stellen")
        )
        self.status.setText(self.texts()["retired_note"] if retired else "")
        self.status.setVisible(retired)

    # ---- actions ---------------------------------------------------------------------------

    def new_item(self) -> None:
        """An empty form, under the hoofdonderdeel of whatever was selected."""
        selected = self.current
        parent_id = None
        if selected is not None:
            parent_id = selected.parent_id or selected.id
        self.tree.setCurrentIndex(QModelIndex())
        self.tree.clearSelection()
        self._show(None)
        select_data(self.parent_combo, id_text(parent_id))
        self.name_edit.setFocus()

    def save(self) -> None:
        item_id = self.current.id if self.current else None
        name = self.name_edit.text()
        parent_id = current_id(self.parent_combo)
        description = self.description_edit.toPlainText()
        extra = self.extra_values()
        saved = self.context.perform(
            self,
            lambda session: self.save_item(
                session,
                item_id=item_id,
                name=name,
                parent_id=parent_id,
                description=description,
                extra=extra,
            ),
            changes=self.CHANGES,
        )
        if saved is not None:
            self.creating = False
            self.select(saved)

    def toggle_retired(self) -> None:
        item = self.current
        if item is None:
            return
        self.context.perform(
            self,
            lambda session: self.set_item_retired(session, item.id, retired=not item.retired),
            changes=self.CHANGES,
        )

    def _on_changes(self, kinds: frozenset[str]) -> None:
        if kinds & self.KINDS:
            self.reload()
