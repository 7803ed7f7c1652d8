"""Dutch names for what a conflict shows: the kind of record, its fields, and their values."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from gebiedsapp.services.sync import ConflictView

KINDS = {
    "area": "Gebied",
    "assignment": "Teamtoewijzing",
    "consent": "Toestemming",
    "contact": "Contact",
    "conversation": "Koffiekargesprek",
    "follow_up": "Actie",
    "initiative": "Initiatief",
    "initiative_milestone": "Mijlpaal",
    "koffiekar_session": "Koffiekarronde",
    "meedenker": "Meedenker",
    "partner": "Partner",
    "resident": "Bewoner",
    "signal": "Signaal",
    "signal_category": "Signaalcategorie",
    "signal_photo": "Foto bij een signaal",
    "team_member": "Teamlid",
    "theme": "Thema",
}
FIELDS = {
    "account": "Account",
    "active": "Actief",
    "area_id": "Gebied",
    "beheerder": "Beheerder",
    "budget_granted": "Budget toegekend",
    "budget_requested": "Budget aangevraagd",
    "caption": "Onderschrift",
    "category_id": "Categorie",
    "closed_on": "Afgesloten op",
    "date": "Datum",
    "deadline": "Termijn",
    "deleted_at": "Verwijderd",
    "description": "Omschrijving",
    "done_on": "Gedaan op",
    "due_date": "Uiterlijk",
    "due_on": "Streefdatum",
    "email": "E-mail",
    "end_date": "Einddatum",
    "end_time": "Eindtijd",
    "handling": "Afhandeling",
    "location": "Locatie",
    "member_id": "Teamlid",
    "name": "Naam",
    "note": "Notitie",
    "notes": "Notities",
    "organisation": "Organisatie",
    "owner_id": "Eigenaar",
    "partner_id": "Partner",
    "passers_by": "Voorbijgangers",
    "phone": "Telefoon",
    "place": "Plek",
    "priority": "Prioriteit",
    "quote": "Citaat",
    "quote_reportable": "Citaat bruikbaar in rapportage",
    "reached_on": "Bereikt op",
    "role": "Rol",
    "start_date": "Begindatum",
    "start_time": "Begintijd",
    "status": "Status",
    "subject": "Onderwerp",
    "summary": "Samenvatting",
    "support": "Ondersteuning",
    "title": "Naam",
    "weather": "Weer",
}
RESOLUTIONS = {"mine": "mijn versie", "theirs": "versie van de server", "merged": "samengevoegd"}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncLabels", text)


def kind_label(table: str) -> str:
    return _tr(KINDS[table]) if table in KINDS else table


def field_label(field: str) -> str:
    return _tr(FIELDS[field]) if field in FIELDS else field


def show_value(field: str, value: Any, names: dict[str, str]) -> str:
    """A stored value as a user reads it: names for ids, dd-mm-jjjj for days, ja/nee."""
    if value is None or value == "":
        return _tr("(verwijderd)") if field == "deleted_at" else "—"
    if isinstance(value, bool):
        return _tr("ja") if value else _tr("nee")
    text = str(value)
    if text in names:
        return names[text]
    if _DAY.match(text):
        return date.fromisoformat(text).strftime("%d-%m-%Y")
    if _MOMENT.match(text):
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return text
        return moment.strftime("%d-%m-%Y %H:%M")
    return text


def resolution_label(conflict: ConflictView) -> str:
    if conflict.status == "open":
        return _tr("Open")
    how = _tr(RESOLUTIONS.get(conflict.resolution, conflict.resolution))
    when = conflict.resolved_at.astimezone().strftime("%d-%m-%Y") if conflict.resolved_at else ""
    return _tr("Opgelost: %s (%s, %s)") % (how, conflict.resolved_by or "?", when)
