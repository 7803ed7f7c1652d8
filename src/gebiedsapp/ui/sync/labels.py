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
    "anonymised_at": QT_TRANSLATE_NOOP("SyncLabels", "Geanonimiseerd op"),
    "area_id": QT_TRANSLATE_NOOP("SyncLabels", "Gebied"),
    "beheerder": QT_TRANSLATE_NOOP("SyncLabels", "Beheerder"),
    "budget_granted": QT_TRANSLATE_NOOP("SyncLabels", "Budget toegekend"),
    "budget_requested": QT_TRANSLATE_NOOP("SyncLabels", "Budget aangevraagd"),
    "budget_source": QT_TRANSLATE_NOOP("SyncLabels", "Bron van het budget"),
    "buurt_code": QT_TRANSLATE_NOOP("SyncLabels", "Buurt"),
    "caption": QT_TRANSLATE_NOOP("SyncLabels", "Onderschrift"),
    "carried_by": QT_TRANSLATE_NOOP("SyncLabels", "Gedragen door"),
    "category_id": QT_TRANSLATE_NOOP("SyncLabels", "Categorie"),
    "cbs_wijk_code": QT_TRANSLATE_NOOP("SyncLabels", "CBS-wijk"),
    "closed_on": QT_TRANSLATE_NOOP("SyncLabels", "Afgesloten op"),
    "consent_id": QT_TRANSLATE_NOOP("SyncLabels", "Toestemming"),
    "contact_id": QT_TRANSLATE_NOOP("SyncLabels", "Contact"),
    "contact_type": QT_TRANSLATE_NOOP("SyncLabels", "Soort contact"),
    "conversation_id": QT_TRANSLATE_NOOP("SyncLabels", "Gesprek"),
    "date": QT_TRANSLATE_NOOP("SyncLabels", "Datum"),
    "deadline": QT_TRANSLATE_NOOP("SyncLabels", "Termijn"),
    "default_partner_id": QT_TRANSLATE_NOOP("SyncLabels", "Standaardpartner"),
    "deleted_at": QT_TRANSLATE_NOOP("SyncLabels", "Verwijderd"),
    "description": QT_TRANSLATE_NOOP("SyncLabels", "Omschrijving"),
    "done_on": QT_TRANSLATE_NOOP("SyncLabels", "Gedaan op"),
    "due_date": QT_TRANSLATE_NOOP("SyncLabels", "Uiterlijk"),
    "due_on": QT_TRANSLATE_NOOP("SyncLabels", "Streefdatum"),
    "email": QT_TRANSLATE_NOOP("SyncLabels", "E-mail"),
    "end_date": QT_TRANSLATE_NOOP("SyncLabels", "Einddatum"),
    "end_time": QT_TRANSLATE_NOOP("SyncLabels", "Eindtijd"),
    "ended_on": QT_TRANSLATE_NOOP("SyncLabels", "Afgerond op"),
    "file_name": QT_TRANSLATE_NOOP("SyncLabels", "Bestandsnaam"),
    "given_on": QT_TRANSLATE_NOOP("SyncLabels", "Gegeven op"),
    "group_name": QT_TRANSLATE_NOOP("SyncLabels", "Groep"),
    "handling": QT_TRANSLATE_NOOP("SyncLabels", "Afhandeling"),
    "initiative_id": QT_TRANSLATE_NOOP("SyncLabels", "Initiatief"),
    "key": QT_TRANSLATE_NOOP("SyncLabels", "Sleutel"),
    "kind": QT_TRANSLATE_NOOP("SyncLabels", "Soort"),
    "latitude": QT_TRANSLATE_NOOP("SyncLabels", "Breedtegraad"),
    "location": QT_TRANSLATE_NOOP("SyncLabels", "Locatie"),
    "longitude": QT_TRANSLATE_NOOP("SyncLabels", "Lengtegraad"),
    "member_id": QT_TRANSLATE_NOOP("SyncLabels", "Teamlid"),
    "name": QT_TRANSLATE_NOOP("SyncLabels", "Naam"),
    "note": QT_TRANSLATE_NOOP("SyncLabels", "Notitie"),
    "notes": QT_TRANSLATE_NOOP("SyncLabels", "Notities"),
    "organisation": QT_TRANSLATE_NOOP("SyncLabels", "Organisatie"),
    "owner_id": QT_TRANSLATE_NOOP("SyncLabels", "Eigenaar"),
    "parent_id": QT_TRANSLATE_NOOP("SyncLabels", "Valt onder"),
    "partner_id": QT_TRANSLATE_NOOP("SyncLabels", "Partner"),
    "passers_by": QT_TRANSLATE_NOOP("SyncLabels", "Voorbijgangers"),
    "phone": QT_TRANSLATE_NOOP("SyncLabels", "Telefoon"),
    "place": QT_TRANSLATE_NOOP("SyncLabels", "Plek"),
    "priority": QT_TRANSLATE_NOOP("SyncLabels", "Prioriteit"),
    "purpose": QT_TRANSLATE_NOOP("SyncLabels", "Doel"),
    "quote": QT_TRANSLATE_NOOP("SyncLabels", "Citaat"),
    "quote_reportable": QT_TRANSLATE_NOOP("SyncLabels", "Citaat bruikbaar in rapportage"),
    "reached_on": QT_TRANSLATE_NOOP("SyncLabels", "Bereikt op"),
    "recorded_by": QT_TRANSLATE_NOOP("SyncLabels", "Vastgelegd door"),
    "reported_on": QT_TRANSLATE_NOOP("SyncLabels", "Gemeld op"),
    "resident_id": QT_TRANSLATE_NOOP("SyncLabels", "Bewoner"),
    "retired": QT_TRANSLATE_NOOP("SyncLabels", "Buiten gebruik"),
    "role": QT_TRANSLATE_NOOP("SyncLabels", "Rol"),
    "session_id": QT_TRANSLATE_NOOP("SyncLabels", "Koffiekarronde"),
    "signal_id": QT_TRANSLATE_NOOP("SyncLabels", "Signaal"),
    "since": QT_TRANSLATE_NOOP("SyncLabels", "Sinds"),
    "sort_order": QT_TRANSLATE_NOOP("SyncLabels", "Volgorde"),
    "source": QT_TRANSLATE_NOOP("SyncLabels", "Bron"),
    "start_date": QT_TRANSLATE_NOOP("SyncLabels", "Begindatum"),
    "start_time": QT_TRANSLATE_NOOP("SyncLabels", "Begintijd"),
    "started_on": QT_TRANSLATE_NOOP("SyncLabels", "Gestart op"),
    "status": QT_TRANSLATE_NOOP("SyncLabels", "Status"),
    "subject": QT_TRANSLATE_NOOP("SyncLabels", "Onderwerp"),
    "summary": QT_TRANSLATE_NOOP("SyncLabels", "Samenvatting"),
    "support": QT_TRANSLATE_NOOP("SyncLabels", "Ondersteuning"),
    "supporter_id": QT_TRANSLATE_NOOP("SyncLabels", "Begeleider"),
    "term": QT_TRANSLATE_NOOP("SyncLabels", "Termijn"),
    "term_unit": QT_TRANSLATE_NOOP("SyncLabels", "Eenheid van de termijn"),
    "title": QT_TRANSLATE_NOOP("SyncLabels", "Naam"),
    "wants_feedback": QT_TRANSLATE_NOOP("SyncLabels", "Wil terugkoppeling"),
    "weather": QT_TRANSLATE_NOOP("SyncLabels", "Weer"),
    "with_kind": QT_TRANSLATE_NOOP("SyncLabels", "Met wie"),
    "withdrawn_on": QT_TRANSLATE_NOOP("SyncLabels", "Ingetrokken op"),
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
