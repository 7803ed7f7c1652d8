"""The conversations of the chosen round, newest first; Enter or a double-click edits one."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from gebiedsapp.services.koffiekar import ConversationView
from gebiedsapp.ui.koffiekar.models import ConversationListModel, make_table
from gebiedsapp.ui.layout import ColumnFit, FlowLayout, text_width


class ConversationList(QWidget):
    edit_requested = Signal(object)  # the conversation id
    history_requested = Signal(object)  # the conversation id
    signal_requested = Signal(object)  # the conversation id: make a signal of it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ConversationListModel(self)
        self.table = make_table(self.model, self)
        self.table.setAccessibleName(self.tr("Gesprekken"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(
            ConversationListModel.COL_SUMMARY, QHeaderView.ResizeMode.Stretch
        )
        header.resizeSection(ConversationListModel.COL_THEMES, 220)
        header.resizeSection(ConversationListModel.COL_HANDLING, 160)
        header.resizeSection(ConversationListModel.COL_AUTHOR, 90)
        self.fit = ColumnFit(self.table, minimum=text_width(self.table, 24))
        self.label = QLabel(self.tr("Gesprekken"), self)
        self.label.setStyleSheet("font-weight: 600;")
        self.label.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Bewerken (Enter)"), self)
        self.history_button = QPushButton(self.tr("Geschiedenis…"), self)
        self.signal_button = QPushButton(self.tr("Signaal maken…"), self)
        self.signal_button.setToolTip(
            self.tr("Een signaal voor dit gesprek, vooraf ingevuld en eraan gekoppeld")
        )
        buttons = FlowLayout()  # under each other on a narrow screen
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.signal_button)
        bar = QHBoxLayout()
        bar.addWidget(self.label, 1)
        bar.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.table.doubleClicked.connect(lambda _index: self._request(self.edit_requested))
        for keys in ("Return", "Enter"):
            edit = QShortcut(QKeySequence(keys), self.table)
            edit.setContext(Qt.ShortcutContext.WidgetShortcut)
            edit.activated.connect(lambda: self._request(self.edit_requested))
            edit.setWhatsThis(self.tr("Gekozen gesprek bewerken"))
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.history_button.clicked.connect(lambda: self._request(self.history_requested))
        self.signal_button.clicked.connect(lambda: self._request(self.signal_requested))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_rows(self, rows: list[ConversationView], *, in_round: bool) -> None:
        self.model.set_rows(rows)
        self.label.setText(
            self.tr("Gesprekken in deze ronde (%s)") % len(rows)
            if in_round
            else self.tr("Gesprekken")
        )
        self._update_buttons()

    def selected_id(self) -> uuid.UUID | None:
        row = self.model.row_at(self.table.currentIndex())
        return row.id if row else None

    def _request(self, signal: SignalInstance) -> None:
        conversation_id = self.selected_id()
        if conversation_id is not None:
            signal.emit(conversation_id)

    def _update_buttons(self, *_args: object) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.history_button.setEnabled(has)
        self.signal_button.setEnabled(has)
