"""Dutch names for what a conflict shows: the kind of record, its fields, and their values."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gebiedsapp.services.sync import ConflictView

CONTEXT = "SyncLabels"  # the texts below are translated when shown (_tr)
KINDS = {
    "area": QT_TRANSLATE_NOOP("SyncLabels", "Gebied"),
    "assignment": QT_TRANSLATE_NOOP("SyncLabels", "Teamtoewijzing"),
    "consent": QT_TRANSLATE_NOOP("SyncLabels", "Toestemming"),
    "contact": QT_TRANSLATE_NOOP("SyncLabels", "Contact"),
    "conversation": QT_TRANSLATE_NOOP("SyncLabels", "Koffiekargesprek"),
    "follow_up": QT_TRANSLATE_NOOP("SyncLabels", "Actie"),
    "initiative": QT_TRANSLATE_NOOP("SyncLabels", "Initiatief"),
    "initiative_milestone": QT_TRANSLATE_NOOP("SyncLabels", "Mijlpaal"),
    "koffiekar_session": QT_TRANSLATE_NOOP("SyncLabels", "Koffiekarronde"),
    "meedenker": QT_TRANSLATE_NOOP("SyncLabels", "Meedenker"),
    "partner": QT_TRANSLATE_NOOP("SyncLabels", "Partner"),
    "resident": QT_TRANSLATE_NOOP("SyncLabels", "Bewoner"),
    "signal": QT_TRANSLATE_NOOP("SyncLabels", "Signaal"),
    "signal_category": QT_TRANSLATE_NOOP("SyncLabels", "Signaalcategorie"),
    "signal_photo": QT_TRANSLATE_NOOP("SyncLabels", "Foto bij een signaal"),
    "team_member": QT_TRANSLATE_NOOP("SyncLabels", "Teamlid"),
    "theme": QT_TRANSLATE_NOOP("SyncLabels", "Thema"),
}
FIELDS = {
    "account": QT_TRANSLATE_NOOP("SyncLabels", "Account"),
    "active": QT_TRANSLATE_NOOP("SyncLabels", "Actief"),
    "area_id": QT_TRANSLATE_NOOP("SyncLabels", "Gebied"),
    "beheerder": QT_TRANSLATE_NOOP("SyncLabels", "Beheerder"),
    "budget_granted": QT_TRANSLATE_NOOP("SyncLabels", "Budget toegekend"),
    "budget_requested": QT_TRANSLATE_NOOP("SyncLabels", "Budget aangevraagd"),
    "caption": QT_TRANSLATE_NOOP("SyncLabels", "Onderschrift"),
    "category_id": QT_TRANSLATE_NOOP("SyncLabels", "Categorie"),
    "closed_on": QT_TRANSLATE_NOOP("SyncLabels", "Afgesloten op"),
    "date": QT_TRANSLATE_NOOP("SyncLabels", "Datum"),
    "deadline": QT_TRANSLATE_NOOP("SyncLabels", "Termijn"),
    "deleted_at": QT_TRANSLATE_NOOP("SyncLabels", "Verwijderd"),
    "description": QT_TRANSLATE_NOOP("SyncLabels", "Omschrijving"),
    "done_on": QT_TRANSLATE_NOOP("SyncLabels", "Gedaan op"),
    "due_date": QT_TRANSLATE_NOOP("SyncLabels", "Uiterlijk"),
    "due_on": QT_TRANSLATE_NOOP("SyncLabels", "Streefdatum"),
    "email": QT_TRANSLATE_NOOP("SyncLabels", "E-mail"),
    "end_date": QT_TRANSLATE_NOOP("SyncLabels", "Einddatum"),
    "end_time": QT_TRANSLATE_NOOP("SyncLabels", "Eindtijd"),
    "handling": QT_TRANSLATE_NOOP("SyncLabels", "Afhandeling"),
    "location": QT_TRANSLATE_NOOP("SyncLabels", "Locatie"),
    "member_id": QT_TRANSLATE_NOOP("SyncLabels", "Teamlid"),
    "name": QT_TRANSLATE_NOOP("SyncLabels", "Naam"),
    "note": QT_TRANSLATE_NOOP("SyncLabels", "Notitie"),
    "notes": QT_TRANSLATE_NOOP("SyncLabels", "Notities"),
    "organisation": QT_TRANSLATE_NOOP("SyncLabels", "Organisatie"),
    "owner_id": QT_TRANSLATE_NOOP("SyncLabels", "Eigenaar"),
    "partner_id": QT_TRANSLATE_NOOP("SyncLabels", "Partner"),
    "passers_by": QT_TRANSLATE_NOOP("SyncLabels", "Voorbijgangers"),
    "phone": QT_TRANSLATE_NOOP("SyncLabels", "Telefoon"),
    "place": QT_TRANSLATE_NOOP("SyncLabels", "Plek"),
    "priority": QT_TRANSLATE_NOOP("SyncLabels", "Prioriteit"),
    "quote": QT_TRANSLATE_NOOP("SyncLabels", "Citaat"),
    "quote_reportable": QT_TRANSLATE_NOOP("SyncLabels", "Citaat bruikbaar in rapportage"),
    "reached_on": QT_TRANSLATE_NOOP("SyncLabels", "Bereikt op"),
    "role": QT_TRANSLATE_NOOP("SyncLabels", "Rol"),
    "start_date": QT_TRANSLATE_NOOP("SyncLabels", "Begindatum"),
    "start_time": QT_TRANSLATE_NOOP("SyncLabels", "Begintijd"),
    "status": QT_TRANSLATE_NOOP("SyncLabels", "Status"),
    "subject": QT_TRANSLATE_NOOP("SyncLabels", "Onderwerp"),
    "summary": QT_TRANSLATE_NOOP("SyncLabels", "Samenvatting"),
    "support": QT_TRANSLATE_NOOP("SyncLabels", "Ondersteuning"),
    "title": QT_TRANSLATE_NOOP("SyncLabels", "Naam"),
    "weather": QT_TRANSLATE_NOOP("SyncLabels", "Weer"),
}
RESOLUTIONS = {
    "mine": QT_TRANSLATE_NOOP("SyncLabels", "mijn versie"),
    "theirs": QT_TRANSLATE_NOOP("SyncLabels", "versie van de server"),
    "merged": QT_TRANSLATE_NOOP("SyncLabels", "samengevoegd"),
}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _tr(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP above, translated now."""
    return QCoreApplication.translate(CONTEXT, str(text))


def kind_label(table: str) -> str:
    return _tr(KINDS[table]) if table in KINDS else table


def field_label(field: str) -> str:
    return _tr(FIELDS[field]) if field in FIELDS else field


def show_value(field: str, value: Any, names: dict[str, str]) -> str:
    """A stored value as a user reads it: names for ids, dd-mm-jjjj for days, ja/nee."""
    if value is None or value == "":
        if field == "deleted_at":
            return QCoreApplication.translate("SyncLabels", "(verwijderd)")
        return "—"
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("SyncLabels", "ja")
        return QCoreApplication.translate("SyncLabels", "nee")
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
        return QCoreApplication.translate("SyncLabels", "Open")
    how = _tr(RESOLUTIONS.get(conflict.resolution, conflict.resolution))
    when = conflict.resolved_at.astimezone().strftime("%d-%m-%Y") if conflict.resolved_at else ""
    text = QCoreApplication.translate("SyncLabels", "Opgelost: %s (%s, %s)")
    return text % (how, conflict.resolved_by or "?", when)
