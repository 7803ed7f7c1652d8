"""Conflicten: records changed on two laptops, both versions side by side, and the user's choice.

Until somebody decides, every laptop shows the server's values; here the user keeps this
laptop's version, the server's, or an edited merge (resolve_conflict: a normal tracked write,
so the choice reaches every laptop, and the record's history keeps what it replaced).
"""

from __future__ import annotations

import difflib
import html
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.services import sync
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.sync_records import ConflictRecord, describe_conflicts, names
from gebiedsapp.ui.admin.common import make_table
from gebiedsapp.ui.context import ALL_KINDS, SYNC, AppContext
from gebiedsapp.ui.layout import room_for_rows
from gebiedsapp.ui.page import muted_label, page_title
from gebiedsapp.ui.palette import ColourRole, brush, css
from gebiedsapp.ui.screen import ScreenDefaults
from gebiedsapp.ui.sync.labels import field_label, kind_label, resolution_label, show_value
from gebiedsapp.ui.sync.merge_dialog import MergeDialog
from gebiedsapp.ui.table_model import RowTableModel


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d-%m-%Y %H:%M") if moment is not None else ""


class ConflictsModel(RowTableModel[ConflictRecord]):
    COL_RECORD, COL_KIND, COL_AREA, COL_FIELDS, COL_MINE, COL_THEIRS, COL_FOUND, COL_STATUS = range(
        8
    )
    headers = (
        "Record",
        "Soort",
        "Gebied",
        "Velden",
        "Deze laptop",
        "Server",
        "Gevonden",
        "Status",
    )

    def cell(self, row: ConflictRecord, column: int, role: int) -> Any:
        conflict = row.conflict
        if role == Qt.ItemDataRole.ForegroundRole and conflict.status != "open":
            return brush(ColourRole.MUTED)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = {
            self.COL_RECORD: row.label,
            self.COL_KIND: kind_label(conflict.table_name),
            self.COL_AREA: row.area or "—",
            self.COL_FIELDS: ", ".join(field_label(f) for f in conflict.fields),
            self.COL_MINE: conflict.local_by or "—",
            self.COL_THEIRS: conflict.server_by or "—",
            self.COL_FOUND: _when(conflict.created_at),
            self.COL_STATUS: resolution_label(conflict),
        }
        return values.get(column)


def marked(text: str, other: str) -> str:
    """`text` as rich text, the words that differ from `other` marked (colour and underline,
    so the mark does not depend on seeing colour)."""
    mine, theirs = text.split(" "), other.split(" ")
    matcher = difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False)
    parts = []
    mark = css(ColourRole.EDITING)
    for tag, start, end, _b1, _b2 in matcher.get_opcodes():
        words = html.escape(" ".join(mine[start:end]))
        if not words:
            continue
        if tag == "equal":
            parts.append(words)
        else:
            span = f'<span style="background: {mark}; text-decoration: underline;">'
            parts.append(f"{span}{words}</span>")
    return " ".join(parts)


class ConflictsScreen(ScreenDefaults, QWidget):
    """The open conflicts (and, on request, the resolved ones); one chosen shows both
    versions per field with the differences marked."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._stale = True
        self.names: dict[str, str] = {}

        title = page_title(self.tr("Conflicten"), self)
        intro = muted_label(
            self,
            self.tr(
                "Hetzelfde veld is op twee laptops verschillend gewijzigd. Tot u kiest, toont "
                "elke laptop de versie van de server. Kies per conflict welke versie blijft; "
                "de geschiedenis van het record bewaart beide."
            ),
        )
        self.show_resolved = QCheckBox(self.tr("Toon ook &opgeloste"), self)
        self.count_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.show_resolved)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.model = ConflictsModel(self)
        self.table: QTableView = make_table(self.model, self, stretch_column=0)
        self.table.setAccessibleName(self.tr("Conflicten"))
        header = self.table.horizontalHeader()
        for column, width in ((1, 130), (2, 120), (3, 150), (4, 100), (5, 100), (6, 130)):
            header.resizeSection(column, width)
        room_for_rows(self.table)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QWidget(self)
        self.grid = QGridLayout(self.details)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        scroll.setMinimumHeight(120)

        self.mine_button = QPushButton(self.tr("&Mijn versie houden"), self)
        self.theirs_button = QPushButton(self.tr("Versie van de &server houden"), self)
        self.merge_button = QPushButton(self.tr("Samen&voegen…"), self)
        self.merge_button.setToolTip(self.tr("Zelf de waarden van de velden kiezen of typen"))
        buttons = QHBoxLayout()
        for button in (self.mine_button, self.theirs_button, self.merge_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = muted_label(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(bar)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.show_resolved.toggled.connect(lambda _on: self.reload())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_chosen())
        self.mine_button.clicked.connect(lambda: self.resolve("mine"))
        self.theirs_button.clicked.connect(lambda: self.resolve("theirs"))
        self.merge_button.clicked.connect(self.merge)
        context.hub.changed.connect(self._on_changes)
        self._show_chosen()

    # -- loading ----------------------------------------------------------------------------

    def _on_changes(self, kinds: frozenset[str]) -> None:
        if SYNC in kinds:
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)
        if not event.spontaneous():
            self.table.setFocus()

    def reload(self) -> None:
        self._stale = False
        keep = self.chosen()
        with self.context.read() as session:
            rows = describe_conflicts(session, include_resolved=self.show_resolved.isChecked())
            self.names = names(session)
        self.model.set_rows(rows)
        open_count = sum(1 for r in rows if r.conflict.status == "open")
        if open_count == 0:
            counted = self.tr("Geen open conflicten")
        elif open_count == 1:
            counted = self.tr("1 open conflict")
        else:
            counted = self.tr("%s open conflicten") % open_count
        self.count_label.setText(counted)
        if rows:
            ids = [r.conflict.id for r in rows]
            row = ids.index(keep.conflict.id) if keep and keep.conflict.id in ids else 0
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)
        self._show_chosen()

    def chosen(self) -> ConflictRecord | None:
        return self.model.row_at(self.table.currentIndex())

    def _show_chosen(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        record = self.chosen()
        can_decide = record is not None and record.conflict.status == "open" and record.exists
        for button in (self.mine_button, self.theirs_button, self.merge_button):
            button.setEnabled(can_decide)
        if record is None:
            self.heading.setText(self.tr("Kies een conflict in de lijst."))
            return
        conflict = record.conflict
        self.heading.setText(
            self.tr("%s (%s) — gevonden op %s")
            % (record.label, kind_label(conflict.table_name), _when(conflict.created_at))
        )
        for column, text in enumerate(
            (
                self.tr("Veld"),
                self.tr("Mijn versie (%s)") % (conflict.local_by or self.tr("deze laptop")),
                self.tr("Versie van de server (%s)") % (conflict.server_by or "?"),
            )
        ):
            label = QLabel(f"<b>{html.escape(text)}</b>", self.details)
            self.grid.addWidget(label, 0, column)
        for row, field in enumerate(conflict.fields, start=1):
            mine = show_value(field, conflict.local_values.get(field), self.names)
            theirs = show_value(field, conflict.server_values.get(field), self.names)
            cells = (
                html.escape(field_label(field)),
                marked(mine, theirs),
                marked(theirs, mine),
            )
            for column, text in enumerate(cells):
                label = QLabel(text, self.details)
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setWordWrap(True)
                label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                label.setAccessibleName(
                    (field_label(field), self.tr("Mijn versie"), self.tr("Versie van de server"))[
                        column
                    ]
                )
                self.grid.addWidget(label, row, column)
        self.grid.setRowStretch(len(conflict.fields) + 1, 1)
        if conflict.status != "open":
            self.status.setText(resolution_label(conflict))
        elif not record.exists:
            self.status.setText(self.tr("Het record bestaat niet meer op deze laptop."))
        else:
            self.status.setText("")

    # -- deciding ---------------------------------------------------------------------------

    def resolve(self, keep: str, merged: dict[str, Any] | None = None) -> None:
        record = self.chosen()
        if record is None or record.conflict.status != "open":
            return
        conflict_id = record.conflict.id

        def decide(session: Session) -> sync.ConflictView:
            try:
                return sync.resolve_conflict(session, conflict_id, keep=keep, merged=merged)
            except ValidationError:
                raise
            except ValueError as exc:  # a day or time typed in a merge that is none
                raise ValidationError(
                    "Een van de waarden is geen geldige datum of tijd (gebruik jjjj-mm-dd); "
                    "er is niets gewijzigd."
                ) from exc

        done = self.context.perform(
            self,
            decide,
            changes=ALL_KINDS,
            title=self.tr("Conflict niet opgelost"),
        )
        if done is None:
            return
        self.reload()
        self.status.setText(
            self.tr("Opgelost: %s. De keuze gaat bij de volgende synchronisatie naar het team.")
            % record.label
        )
        self.table.setFocus()

    def merge(self) -> None:
        """Samenvoegen…: the clashing fields to edit, prefilled with this laptop's values."""
        record = self.chosen()
        if record is None or record.conflict.status != "open":
            return
        dialog = MergeDialog(record.conflict, self.names, self)
        if dialog.exec() == MergeDialog.DialogCode.Accepted:
            self.resolve("merged", dialog.values())
