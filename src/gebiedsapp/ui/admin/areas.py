"""Beheer › Gebieden: the area tree on the left, the selected area's form on the right."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import AreaKind
from gebiedsapp.services.areas import (
    AreaNode,
    area_tree,
    create_area,
    list_buurten,
    remove_area,
    update_area,
)
from gebiedsapp.ui.admin.common import (
    ID_ROLE,
    button_row,
    confirm,
    current_enum,
    current_id,
    fill_area_combo,
    fill_enum_combo,
    heading,
    id_text,
    select_data,
    set_item_enabled,
    side_by_side,
)
from gebiedsapp.ui.area_tree import AREA_ID_ROLE, AreaTreeModel
from gebiedsapp.ui.context import AREAS, AppContext
from gebiedsapp.ui.palette import style

# What a new sub-area usually is, given its parent's kind.
_CHILD_KIND = {AreaKind.GEMEENTE: AreaKind.KERN, AreaKind.KERN: AreaKind.GEBIED}


class AreasTab(QWidget):
    KINDS = frozenset({AREAS})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.nodes: list[AreaNode] = []
        self.by_id: dict[uuid.UUID, AreaNode] = {}
        self.current: AreaNode | None = None

        self._build_tree()
        form_widget = self._build_form()
        side_by_side(self, self.tree, form_widget, stretch=(1, 2), sizes=(300, 700))

        self._load_buurten()
        self._connect_signals()
        self.reload()

    def _build_tree(self) -> None:
        self.model = AreaTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("Gebieden"))

    def _build_form(self) -> QWidget:
        """The chosen area's fields and buttons, right of the tree."""
        form_widget = QWidget(self)
        self.title = heading("", form_widget)
        self.name_edit = QLineEdit(form_widget)
        self.name_edit.setMaxLength(120)
        self.kind_combo = QComboBox(form_widget)
        fill_enum_combo(self.kind_combo, AreaKind)
        self.parent_combo = QComboBox(form_widget)
        self.parent_combo.setToolTip(
            self.tr("Alleen de gemeente zelf heeft geen bovenliggend gebied.")
        )
        buurt_box = self._build_buurt_picker(form_widget)
        self.description_edit = QPlainTextEdit(form_widget)
        self.description_edit.setMaximumHeight(72)
        self.description_edit.setTabChangesFocus(True)

        self.save_button = QPushButton(self.tr("Opslaan"), form_widget)
        self.save_button.setDefault(True)
        self.new_button = QPushButton(self.tr("Nieuw deelgebied…"), form_widget)
        self.remove_button = QPushButton(self.tr("Verwijderen"), form_widget)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Naam:"), self.name_edit)
        form.addRow(self.tr("Soort:"), self.kind_combo)
        form.addRow(self.tr("Bovenliggend gebied:"), self.parent_combo)
        form.addRow(self.tr("CBS-buurten:"), buurt_box)
        form.addRow(self.tr("Omschrijving:"), self.description_edit)

        right = QVBoxLayout(form_widget)
        right.setContentsMargins(8, 0, 0, 0)
        right.addWidget(self.title)
        right.addLayout(form, 1)
        right.addLayout(button_row(self.save_button, self.new_button, self.remove_button))
        return form_widget

    def _build_buurt_picker(self, form_widget: QWidget) -> QVBoxLayout:
        """The CBS buurten to tick, with a search and a count of those linked."""
        self.buurt_filter = QLineEdit(form_widget)
        self.buurt_filter.setAccessibleName(self.tr("Zoek een buurt of code"))
        self.buurt_filter.setPlaceholderText(self.tr("Zoek een buurt of code…"))
        self.buurt_filter.setClearButtonEnabled(True)
        self.only_linked = QCheckBox(self.tr("Alleen gekoppelde"), form_widget)
        self.buurt_list = QListWidget(form_widget)
        self.buurt_list.setAccessibleName(self.tr("CBS-buurten"))
        self.buurt_count = QLabel(form_widget)
        style(self.buurt_count, "color: $muted;")
        buurt_box = QVBoxLayout()
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.buurt_filter, 1)
        filter_row.addWidget(self.only_linked)
        buurt_box.addLayout(filter_row)
        buurt_box.addWidget(self.buurt_list, 1)
        buurt_box.addWidget(self.buurt_count)
        return buurt_box

    def _connect_signals(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.kind_combo.currentIndexChanged.connect(self._update_parent_choices)
        self.buurt_filter.textChanged.connect(self._filter_buurten)
        self.only_linked.toggled.connect(self._filter_buurten)
        self.buurt_list.itemChanged.connect(self._count_buurten)
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.new_child)
        self.remove_button.clicked.connect(self.remove)
        self.context.hub.changed.connect(self._on_changes)

    # loading and showing

    def _load_buurten(self) -> None:
        """CBS buurten are shipped reference data: loaded once, never edited here."""
        with self.context.read() as session:
            buurten = [(b.code, b.name) for b in list_buurten(session)]
        self.buurt_list.blockSignals(True)
        for code, name in buurten:
            item = QListWidgetItem(f"{name} ({code})", self.buurt_list)
            item.setData(ID_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.buurt_list.blockSignals(False)

    def reload(self) -> None:
        with self.context.read() as session:
            self.nodes = area_tree(session)
        self.by_id = {node.id: node for node in self.nodes}
        keep = self.current.id if self.current else None
        self.current = None
        self.model.set_nodes(self.nodes)
        self.tree.expandAll()
        if keep not in self.by_id:
            keep = self.nodes[0].id if self.nodes else None
        if keep is None:
            self._show(None)
        else:
            self.select(keep)

    def select(self, area_id: uuid.UUID) -> None:
        index = self.model.index_of(area_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        if self.current is None or self.current.id != area_id:
            self._show(self.by_id.get(area_id))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(AREA_ID_ROLE) if current.isValid() else None
        if value:
            self._show(self.by_id.get(uuid.UUID(value)))

    def _descendants(self, node: AreaNode) -> frozenset[uuid.UUID]:
        """The node and everything under it (tree order: children follow their parent)."""
        start = self.nodes.index(node)
        found = {node.id}
        for other in self.nodes[start + 1 :]:
            if other.depth <= node.depth:
                break
            found.add(other.id)
        return frozenset(found)

    def _show(self, node: AreaNode | None) -> None:
        self.current = node
        for widget in (self.name_edit, self.kind_combo, self.parent_combo, self.buurt_list):
            widget.setEnabled(node is not None)
        self.description_edit.setEnabled(node is not None)
        self.save_button.setEnabled(node is not None)
        self.new_button.setEnabled(node is not None)
        self.remove_button.setEnabled(node is not None)
        if node is None:
            self.title.setText(self.tr("Geen gebied gekozen"))
            return
        self.title.setText(node.name)
        self.name_edit.setText(node.name)
        self.kind_combo.blockSignals(True)
        select_data(self.kind_combo, node.kind.value)
        self.kind_combo.blockSignals(False)
        fill_area_combo(
            self.parent_combo,
            self.nodes,
            none_text=self.tr("(geen)"),
            exclude=self._descendants(node),
        )
        select_data(self.parent_combo, id_text(node.parent_id))
        self._update_parent_choices()
        linked = set(node.buurt_codes)
        self.buurt_list.blockSignals(True)
        for row in range(self.buurt_list.count()):
            item = self.buurt_list.item(row)
            checked = item.data(ID_ROLE) in linked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.buurt_list.blockSignals(False)
        self._filter_buurten()
        self._count_buurten()
        self.description_edit.setPlainText(node.description)

    def _update_parent_choices(self) -> None:
        """'(geen)' is only on offer for the gemeente: every other area hangs somewhere."""
        is_gemeente = current_enum(self.kind_combo, AreaKind) is AreaKind.GEMEENTE
        set_item_enabled(self.parent_combo, 0, is_gemeente)

    def _filter_buurten(self) -> None:
        needle = self.buurt_filter.text().strip().lower()
        only_linked = self.only_linked.isChecked()
        for row in range(self.buurt_list.count()):
            item = self.buurt_list.item(row)
            hidden = bool(needle) and needle not in item.text().lower()
            if only_linked and item.checkState() != Qt.CheckState.Checked:
                hidden = True
            item.setHidden(hidden)

    def checked_buurten(self) -> list[str]:
        return [
            str(self.buurt_list.item(row).data(ID_ROLE))
            for row in range(self.buurt_list.count())
            if self.buurt_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _count_buurten(self) -> None:
        count = len(self.checked_buurten())
        self.buurt_count.setText(self.tr("Gekoppeld: %n CBS-buurt(en)", "", count))

    # actions

    def save(self) -> None:
        if self.current is None:
            return
        area_id = self.current.id
        name = self.name_edit.text()
        kind = current_enum(self.kind_combo, AreaKind)
        parent_id = current_id(self.parent_combo)
        codes = self.checked_buurten()
        description = self.description_edit.toPlainText()

        def action(session: Session) -> None:
            update_area(
                session,
                area_id,
                name=name,
                kind=kind,
                parent_id=parent_id,
                buurt_codes=codes,
                description=description,
            )

        self.context.perform(self, action, changes=(AREAS,))

    def new_child(self) -> None:
        parent = self.current
        if parent is None:
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Nieuw deelgebied"),
            self.tr("Naam van het nieuwe deelgebied onder %s:") % parent.name,
            text=self.tr("Nieuw gebied"),
        )
        if not ok:
            return
        kind = _CHILD_KIND.get(parent.kind, AreaKind.GEBIED)
        new_id = self.context.perform(
            self,
            lambda session: create_area(session, name=name, kind=kind, parent_id=parent.id).id,
            changes=(AREAS,),
        )
        if new_id is not None:
            self.select(new_id)
            self.name_edit.setFocus()

    def remove(self) -> None:
        node = self.current
        if node is None:
            return
        question = self.tr(
            "'%s' verwijderen?\n\nGesprekken en andere gegevens die bij dit gebied horen blijven "
            "bewaard, maar het gebied is niet meer te kiezen."
        )
        if not confirm(self, self.tr("Gebied verwijderen"), question % node.name):
            return

        def action(session: Session) -> bool:
            remove_area(session, node.id)
            return True

        if self.context.perform(self, action, changes=(AREAS,)) and node.parent_id:
            self.select(node.parent_id)

    def _on_changes(self, kinds: frozenset[str]) -> None:
        if kinds & self.KINDS:
            self.reload()
