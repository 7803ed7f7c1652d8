"""'Geschiedenis…' of an activity: its earlier versions, field by field, in Dutch."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gebiedsapp.domain import ActivityKind
from gebiedsapp.services.activities import RECORD_TYPE
from gebiedsapp.services.activity_record import record_labels
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.history import history
from gebiedsapp.services.taxonomy import list_themes
from gebiedsapp.ui.contacts.history import HistoryDialog, HistoryLine, history_lines
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.labels import label_of


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActivityHistory", text)


def activity_history(context: AppContext, activity_id: uuid.UUID) -> list[HistoryLine]:
    """Every change of this activity, newest first, with names instead of ids."""
    with context.read() as session:
        entries = history(session, RECORD_TYPE, activity_id)
        names: dict[str, str] = {str(n.id): n.name for n in area_tree(session)}
        names.update({str(t.id): t.name for t in list_themes(session)})

    def describe(field: str, value: Any) -> str:
        if value in (None, "", []):
            return "—"
        if field == "themes" and isinstance(value, list):
            return ", ".join(sorted(names.get(str(v), "?") for v in value))
        if field in ("signals", "actions", "initiatives") and isinstance(value, list):
            return _tr("%s gekoppeld") % len(value)
        if field == "date":
            try:
                return format_date(date.fromisoformat(str(value)))
            except ValueError:
                return str(value)
        if field in ("start_time", "end_time"):
            return str(value)[:5]
        if field == "kind":
            try:
                return label_of(ActivityKind(value))
            except ValueError:
                return str(value)
        return names.get(str(value), str(value))

    labels = {name: _tr(label) for name, label in record_labels().items()}
    return history_lines(entries, labels=labels, describe=describe)


def show_history(context: AppContext, activity_id: uuid.UUID, parent: QWidget) -> None:
    lines = activity_history(context, activity_id)
    HistoryDialog(_tr("Geschiedenis van deze activiteit"), lines, parent).exec()
