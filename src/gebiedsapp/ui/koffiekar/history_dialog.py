"""'Geschiedenis…': every earlier version of a conversation, who changed what and when."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain import Handling
from gebiedsapp.services.conversation_record import record_labels
from gebiedsapp.services.history import HistoryEntry, history
from gebiedsapp.services.koffiekar import get_conversation
from gebiedsapp.services.taxonomy import list_themes
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.labels import label_of

FIELD_LABELS = record_labels()  # {field name in the history: label}, from its definition


def describe(value: Any, theme_names: dict[str, str]) -> str:
    """A stored old or new value as a person reads it."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(sorted(theme_names.get(str(v), str(v)) for v in value)) or "—"
    if value is None or value == "":
        return "—"
    text = str(value)
    try:
        return label_of(Handling(text))
    except ValueError:
        return theme_names.get(text, text)


class HistoryDialog(QDialog):
    def __init__(
        self, context: AppContext, conversation_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Geschiedenis van het gesprek"))
        self.resize(760, 380)
        with context.read() as session:
            current = get_conversation(session, conversation_id)
            entries = history(session, "conversation", conversation_id)
            names = {str(t.id): t.name for t in list_themes(session)}
        self.entries: list[HistoryEntry] = list(reversed(entries))  # newest first

        intro = QLabel(self)
        intro.setWordWrap(True)
        if entries:
            intro.setText(
                self.tr("Nu: <b>%s</b>. Elke wijziging hieronder, de nieuwste bovenaan.")
                % current.summary.replace("<", "&lt;")
            )
        else:
            intro.setText(self.tr("Dit gesprek is sinds het opslaan niet gewijzigd."))

        rows = [
            (entry, field, change)
            for entry in self.entries
            for field, change in sorted(entry.changes.items())
        ]
        self.table = QTableWidget(len(rows), 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Wanneer"), self.tr("Door"), self.tr("Veld"), self.tr("Was"), self.tr("Werd")]
        )
        for number, (entry, field, change) in enumerate(rows):
            old, new = [*change, None, None][:2] if isinstance(change, list) else (None, change)
            when = entry.changed_at.astimezone()
            cells = [
                f"{when:%d-%m-%Y %H:%M}",
                entry.changed_by,
                self.tr(FIELD_LABELS.get(field, field)),
                describe(old, names),
                describe(new, names),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(number, column, item)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few rows only
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
