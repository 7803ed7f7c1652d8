"""The area navigator: a filterable tree of Oldambt's areas on the left of the main window."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from gebiedsapp.services.areas import AreaNode, area_tree
from gebiedsapp.ui.context import AREAS, AppContext
from gebiedsapp.ui.labels import label_of

AREA_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AreaTreeModel(QStandardItemModel):
    """Areas as a tree; each item carries its area id in AREA_ID_ROLE."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr("Gebied")])

    def set_nodes(self, nodes: list[AreaNode]) -> None:
        self.beginResetModel()
        self.blockSignals(True)
        try:
            self.removeRows(0, self.rowCount())
            items: dict[uuid.UUID, QStandardItem] = {}
            for node in nodes:
                item = QStandardItem(node.name)
                item.setEditable(False)
                item.setData(str(node.id), AREA_ID_ROLE)
                codes = ", ".join(node.buurt_codes)
                tip = label_of(node.kind) + (f"\nCBS-buurten: {codes}" if codes else "")
                item.setToolTip(tip)
                parent = items.get(node.parent_id) if node.parent_id else None
                (parent or self.invisibleRootItem()).appendRow(item)
                items[node.id] = item
        finally:
            self.blockSignals(False)
            self.endResetModel()

    def index_of(self, area_id: uuid.UUID) -> QModelIndex:
        matches = self.match(
            self.index(0, 0),
            AREA_ID_ROLE,
            str(area_id),
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return matches[0] if matches else QModelIndex()


class AreaNavigator(QWidget):
    """Filter field plus tree; emits `area_selected` with the id of the chosen area."""

    area_selected = Signal(object)  # uuid.UUID

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._area: uuid.UUID | None = None  # the chosen area, also while the search hides it
        self._filtering = False
        self.model = AreaTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Zoek een dorp of wijk…  (Ctrl+L)"))
        self.filter.setToolTip(self.tr("Typ een naam en druk op Enter om dat gebied te kiezen"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Gebied zoeken"))
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Gebieden"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)

        self.filter.textChanged.connect(self._on_filter)
        self.filter.returnPressed.connect(self.choose_first_match)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        context.hub.changed.connect(self._on_changes)
        self.reload()

    def reload(self) -> None:
        current = self.current_area()
        with self.context.read() as session:
            nodes = area_tree(session)
        self.model.set_nodes(nodes)
        self.tree.expandToDepth(0)
        if current is None and nodes:
            current = nodes[0].id
        if current is not None:
            self.select(current)

    def current_area(self) -> uuid.UUID | None:
        return self._area

    def select(self, area_id: uuid.UUID) -> bool:
        source = self.model.index_of(area_id)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        self.tree.setCurrentIndex(index)  # emits area_selected when the tree's row changes
        self.tree.scrollTo(index)
        if self._area != area_id:  # hidden by the search, or the row was already current
            self._area = area_id
            self.area_selected.emit(area_id)
        return True

    def focus_search(self) -> None:
        """The search field, its text selected so typing replaces it (the window's Ctrl+L)."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def choose_first_match(self) -> bool:
        """Enter in the search field: the first area whose name starts with the text (else the
        first that contains it) becomes the current one, so the screens follow."""
        text = self.filter.text().strip().casefold()
        if not text:
            return False
        found: list[QModelIndex] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if text in str(index.data()).casefold():
                    found.append(index)
                walk(index)

        walk(QModelIndex())
        if not found:
            return False
        best = next((i for i in found if str(i.data()).casefold().startswith(text)), found[0])
        self.tree.setCurrentIndex(best)
        self.tree.scrollTo(best)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _on_filter(self, text: str) -> None:
        """Narrow the tree. Typing never changes the chosen area (the tree's current row
        jumps about as rows disappear); Enter or a click does."""
        self._filtering = True
        try:
            self.proxy.setFilterFixedString(text.strip())
            if text.strip():
                self.tree.expandAll()
            if self._area is not None:
                self.tree.setCurrentIndex(self.proxy.mapFromSource(self.model.index_of(self._area)))
        finally:
            self._filtering = False

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(AREA_ID_ROLE) if current.isValid() else None
        if value and not self._filtering:
            self._area = uuid.UUID(value)
            self.area_selected.emit(self._area)

    def _on_changes(self, kinds: frozenset[str]) -> None:
        if AREAS in kinds:
            self.reload()
