"""Table models of the lists screen (contacts and actions reuse the contact log's and
'Mijn acties' models, so a contact looks the same everywhere)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from gebiedsapp.services.lists import ConversationRow, SessionRow
from gebiedsapp.ui.formatting import format_date, format_number
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.table_model import RowTableModel


class SessionsModel(RowTableModel[SessionRow]):
    COL_DATE, COL_AREA, COL_PLACE, COL_CONVERSATIONS, COL_PASSERS_BY = range(5)
    headers = ("Datum", "Gebied", "Plek", "Gesprekken", "Voorbijgangers")

    def cell(self, row: SessionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.COL_CONVERSATIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.COL_DATE:
            return format_date(row.day)
        if column == self.COL_AREA:
            return row.area_name
        if column == self.COL_PLACE:
            return row.place
        if column == self.COL_CONVERSATIONS:
            return format_number(row.conversations)
        if column == self.COL_PASSERS_BY:
            return format_number(row.passers_by)
        return None


class ConversationsModel(RowTableModel[ConversationRow]):
    COL_DATE, COL_AREA, COL_SUMMARY, COL_QUOTE, COL_THEMES, COL_HANDLING, COL_AUTHOR = range(7)
    headers = ("Datum", "Gebied", "Samenvatting", "Citaat", "Thema's", "Afhandeling", "Auteur")

    def cell(self, row: ConversationRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_QUOTE and row.quote:
            suffix = self.tr(" (bruikbaar voor rapportage)") if row.quote_reportable else ""
            return f"“{row.quote}”{suffix}"
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.COL_DATE:
            return format_date(row.day)
        if column == self.COL_AREA:
            return row.area_name
        if column == self.COL_SUMMARY:
            return row.summary
        if column == self.COL_QUOTE:
            return row.quote
        if column == self.COL_THEMES:
            return row.themes
        if column == self.COL_HANDLING:
            return label_of(row.handling)
        if column == self.COL_AUTHOR:
            return row.author
        return None
