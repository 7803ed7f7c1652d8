"""'Geschiedenis…' of an initiative: its earlier versions, field by field, in Dutch."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gebiedsapp.domain import InitiativeStatus
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.history import history
from gebiedsapp.services.initiative_record import initiative_labels
from gebiedsapp.services.initiatives import RECORD_TYPE
from gebiedsapp.services.money import format_euros
from gebiedsapp.services.taxonomy import list_partners, list_themes
from gebiedsapp.services.teams import list_members
from gebiedsapp.ui.contacts.history import HistoryDialog, HistoryLine, history_lines
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.labels import label_of

FIELD_LABELS = initiative_labels()  # {field name in the history: label}, from its definition


def _tr(text: str) -> str:
    return QCoreApplication.translate("InitiativeHistory", text)


def _day(value: Any) -> str:
    try:
        return format_date(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _milestone(text: str) -> str:
    """'Opening | 2026-09-01 | ' (as the service keeps it) → 'Opening (streefdatum 01-09-2026)'."""
    # from the right: the two days never hold " | ", a description may
    rest, _, reached = str(text).rpartition(" | ")
    description, _, due = rest.rpartition(" | ")
    details = []
    if due.strip():
        details.append(_tr("streefdatum %s") % _day(due.strip()))
    if reached.strip():
        details.append(_tr("bereikt %s") % _day(reached.strip()))
    return f"{description} ({', '.join(details)})" if details else description


def initiative_history(context: AppContext, initiative_id: uuid.UUID) -> list[HistoryLine]:
    """Every change of this initiative, newest first, with names instead of ids."""
    with context.read() as session:
        entries = history(session, RECORD_TYPE, initiative_id)
        names: dict[str, str] = {str(n.id): n.name for n in area_tree(session)}
        names.update({str(t.id): t.name for t in list_themes(session)})
        names.update({str(p.id): p.name for p in list_partners(session)})
        names.update({str(m.id): m.name for m in list_members(session)})

    def describe(field: str, value: Any) -> str:
        if value in (None, "", []):
            return "—"
        if field in ("themes", "partners") and isinstance(value, list):
            return ", ".join(sorted(names.get(str(v), "?") for v in value))
        if field == "milestones" and isinstance(value, list):
            return "\n".join(_milestone(v) for v in value)
        if field in ("started_on", "ended_on"):
            return _day(value)
        if field == "status":
            try:
                return label_of(InitiativeStatus(value))
            except ValueError:
                return str(value)
        if field in ("budget_requested", "budget_granted") and isinstance(value, int):
            return format_euros(value)
        return names.get(str(value), str(value))

    labels = {name: _tr(label) for name, label in FIELD_LABELS.items()}
    return history_lines(entries, labels=labels, describe=describe)


def show_history(context: AppContext, initiative_id: uuid.UUID, parent: QWidget) -> None:
    lines = initiative_history(context, initiative_id)
    HistoryDialog(parent.tr("Geschiedenis van dit initiatief"), lines, parent).exec()
