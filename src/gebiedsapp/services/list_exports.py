"""What each list screen exports: the whole filtered result (same filter as the screen, no row
cap), as `ExportTable`s for `services.export`.

Personal data: residents' name, phone and e-mail (and a signal's location, which is often a home
address) are columns only when the caller asks (`ExportOptions.personal`) AND
`permissions.may_export_personal_data` allows it; asked without permission is refused here,
whatever the screen did. By default an export holds no personal data.

The tables' rows are generators over the open session: write them before the session closes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.domain import ActionStatus, ContactWith, Role
from gebiedsapp.services.actions import ActionView, filter_actions, my_actions
from gebiedsapp.services.conversation_record import (
    HANDLING,
    QUOTE,
    QUOTE_REPORTABLE,
    SUMMARY,
    THEMES,
    FieldDef,
    InputKind,
)
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.export import Cell, ExportTable
from gebiedsapp.services.initiatives import list_initiatives
from gebiedsapp.services.lists import ListFilter, criteria, search_match, themes_text
from gebiedsapp.services.permissions import PERSONAL_DATA_REFUSED, may_export_personal_data
from gebiedsapp.services.signal_views import SignalFilter, list_signals
from gebiedsapp.services.teams import team_overview, wethouder_overview
from gebiedsapp.storage.repositories.exports import ExportRepository

RESIDENT_HEADERS = ("Naam bewoner", "Telefoon bewoner", "E-mail bewoner")
REPORTER_HEADERS = ("Locatie", "Naam melder", "Telefoon melder", "E-mail melder")
SOURCE_LABELS = {"gesprek": "Koffiekargesprek", "contact": "Contact", "": ""}


@dataclass(frozen=True)
class ExportOptions:
    """Who exports, on which day, and whether they ask for personal data."""

    actor: str
    today: date
    personal: bool = False


def check_personal(session: Session, options: ExportOptions) -> bool:
    """Whether personal columns go in; refuses a request the actor may not make."""
    if not options.personal:
        return False
    if not may_export_personal_data(session, options.actor, today=options.today):
        raise ValidationError(PERSONAL_DATA_REFUSED, field="personal")
    return True


def _time(value: time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def _nothing() -> Iterator[Sequence[Cell]]:
    return iter(())


# --- koffiekar ------------------------------------------------------------------------------

SESSION_HEADERS = (
    "Datum",
    "Begin",
    "Einde",
    "Gebied",
    "Plek",
    "Weer",
    "Voorbijgangers",
    "Gesprekken",
    "Auteur",
)
# A conversation's own fields in the export, in this order, with their column widths: the
# headers, the query and the cells follow from their definitions (services.conversation_record).
EXPORTED: tuple[tuple[FieldDef, int], ...] = (
    (SUMMARY, 60),
    (QUOTE, 40),
    (QUOTE_REPORTABLE, 12),
    (THEMES, 30),
    (HANDLING, 22),
)
CONVERSATION_HEADERS = (
    "Datum",
    "Gebied",
    "Plek",
    *(d.export_label or d.label for d, _width in EXPORTED),
    "Auteur",
)


def sessions_table(session: Session, filters: ListFilter, options: ExportOptions) -> ExportTable:
    """Koffiekar rounds (they hold no personal data; asking for it is still checked)."""
    check_personal(session, options)
    possible, matching = search_match(session, "koffiekar_session", filters.text)
    rows: Iterable[Sequence[Cell]] = _nothing()
    if possible:
        found = ExportRepository(session).sessions(
            **criteria(session, filters),
            matching=matching,
        )
        rows = (
            (day, _time(begin), _time(end), area, place, weather, passers, count, author)
            for day, begin, end, area, place, weather, passers, count, author in found
        )
    return ExportTable("Rondes", SESSION_HEADERS, rows, widths=(12, 7, 7, 20, 30, 14, 14, 12, 14))


def conversations_table(
    session: Session, filters: ListFilter, options: ExportOptions
) -> ExportTable:
    personal = check_personal(session, options)
    possible, matching = search_match(session, "conversation", filters.text)
    rows: Iterable[Sequence[Cell]] = _nothing()
    if possible:
        found = ExportRepository(session).conversations(
            **criteria(session, filters),
            handling=filters.handling,
            matching=matching,
            personal=personal,
            columns=[d.column for d, _width in EXPORTED],
        )
        rows = (_conversation_row(row) for row in found)
    headers = CONVERSATION_HEADERS + (RESIDENT_HEADERS if personal else ())
    own = tuple(width for _d, width in EXPORTED)
    widths = (12, 18, 24, *own, 14) + ((24, 16, 28) if personal else ())
    return ExportTable("Gesprekken", headers, rows, widths=widths)


def _conversation_row(row: Sequence[Any]) -> tuple[Cell, ...]:
    day, area, place, *rest = row
    own = dict(zip((d.key for d, _width in EXPORTED), rest, strict=False))
    cells = tuple(_cell(d, own[d.key], own) for d, _width in EXPORTED)
    return (day, area, place, *cells, *rest[len(EXPORTED) :])


def _cell(definition: FieldDef, value: Any, row: dict[str, Any]) -> Cell:
    """One field's value as the export shows it, by the kind of field."""
    if definition is QUOTE_REPORTABLE:
        return bool(value) if row.get(QUOTE.key) else None  # says something only with a quote
    if definition.kind is InputKind.THEMES:
        return themes_text(value)
    if definition.kind is InputKind.HANDLING:
        return str(value.label)
    if definition.kind is InputKind.FLAG:
        return bool(value)
    return value  # type: ignore[no-any-return]


def koffiekar_tables(
    session: Session, area_id: uuid.UUID, options: ExportOptions
) -> list[ExportTable]:
    """The koffiekar screen of one area: its rounds and every conversation in them."""
    filters = ListFilter(area_ids=frozenset({area_id}))
    return [
        sessions_table(session, filters, options),
        conversations_table(session, filters, options),
    ]


# --- contacts -------------------------------------------------------------------------------

CONTACT_HEADERS = (
    "Datum",
    "Gebied",
    "Soort",
    "Met wie",
    "Onderwerp",
    "Aantekeningen",
    "Thema's",
    "Auteur",
)


def contacts_table(session: Session, filters: ListFilter, options: ExportOptions) -> ExportTable:
    personal = check_personal(session, options)
    possible, matching = search_match(session, "contact", filters.text)
    rows: Iterable[Sequence[Cell]] = _nothing()
    if possible:
        found = ExportRepository(session).contacts(
            **criteria(session, filters),
            ids=matching.ids if matching else None,
            personal=personal,
        )
        rows = (_contact_row(row) for row in found)
    headers = CONTACT_HEADERS + (RESIDENT_HEADERS if personal else ())
    widths = (12, 18, 14, 30, 40, 60, 30, 14) + ((24, 16, 28) if personal else ())
    return ExportTable("Contacten", headers, rows, widths=widths)


def _contact_row(row: Sequence[Any]) -> tuple[Cell, ...]:
    day, area, kind, with_kind, group, partner, subject, notes, themes, author, *resident = row
    whom = group or partner or ""
    with_whom = with_kind.label
    if with_kind in (ContactWith.GROEP, ContactWith.ORGANISATIE) and whom:
        with_whom = f"{with_kind.label}: {whom}"
    cells: tuple[Cell, ...] = (
        day,
        area,
        kind.label,
        with_whom,
        subject,
        notes,
        themes_text(themes),
        author,
    )
    return cells + tuple(resident)


# --- actions --------------------------------------------------------------------------------

ACTION_HEADERS = (
    "Uiterlijk",
    "Actie",
    "Gebied",
    "Eigenaar",
    "Bron",
    "Status",
    "Te laat",
    "Aangemaakt op",
    "Gedaan op",
    "Auteur",
)


def _soonest_first(rows: list[ActionView]) -> list[ActionView]:
    """As the screens show them: open before done, then by due date (none last)."""
    return sorted(
        rows,
        key=lambda a: (
            a.status is not ActionStatus.OPEN,
            a.due_date is None,
            a.due_date or date.max,
        ),
    )


def _actions_table(title: str, rows: list[ActionView]) -> ExportTable:
    cells = [
        (
            a.due_date,
            a.description,
            a.area_name,
            a.owner_name,
            SOURCE_LABELS.get(a.source, a.source),
            a.status.label,
            a.overdue,
            a.created_on,
            a.done_on,
            a.author,
        )
        for a in _soonest_first(rows)
    ]
    widths = (12, 60, 18, 22, 18, 10, 9, 14, 12, 14)
    return ExportTable(title, ACTION_HEADERS, cells, widths=widths, total=len(cells))


def actions_table(session: Session, filters: ListFilter, options: ExportOptions) -> ExportTable:
    """The lists screen's 'Acties' tab: made in the period, open and done."""
    check_personal(session, options)
    rows = filter_actions(
        session,
        area_ids=filters.area_ids,
        start=filters.start,
        end=filters.end,
        text=filters.text,
        author=filters.author,
        include_closed=True,
        today=options.today,
    )
    return _actions_table("Acties", rows)


def my_actions_table(
    session: Session, options: ExportOptions, *, include_closed: bool
) -> ExportTable:
    """'Mijn acties' of the one exporting."""
    check_personal(session, options)
    rows = my_actions(
        session, account=options.actor, today=options.today, include_closed=include_closed
    )
    return _actions_table("Mijn acties", rows)


# --- initiatives ----------------------------------------------------------------------------

INITIATIVE_HEADERS = (
    "Naam",
    "Gebied",
    "Status",
    "Gestart op",
    "Afgerond of gestopt op",
    "Gedragen door",
    "Begeleider (team)",
    "Thema's",
    "Partners",
    "Budget aangevraagd (€)",
    "Budget toegekend (€)",
    "Bron van het budget",
    "Omschrijving",
    "Ondersteuning door het team",
    "Mijlpalen bereikt",
    "Mijlpalen totaal",
    "Volgende mijlpaal",
    "Streefdatum volgende mijlpaal",
    "Auteur",
    "ID",
)
MILESTONE_HEADERS = (
    "Initiatief",
    "Gebied",
    "Mijlpaal",
    "Streefdatum",
    "Bereikt op",
    "Initiatief-ID",
)


def _euros(cents: int | None) -> Decimal | None:
    return None if cents is None else Decimal(cents).scaleb(-2)


def initiatives_tables(
    session: Session,
    options: ExportOptions,
    *,
    area_ids: frozenset[uuid.UUID] | None,
    include_ended: bool,
) -> list[ExportTable]:
    """The initiatives screen's list, and their milestones on a second sheet or in a second
    CSV file, joined by the initiative's ID (an initiative is carried by a group, never a named
    resident: there is no personal data to add)."""
    check_personal(session, options)
    views = list_initiatives(session, area_ids=area_ids, include_ended=include_ended)
    rows = []
    for v in views:
        step = v.next_milestone
        rows.append(
            (
                v.title,
                v.area_name,
                v.status.label,
                v.started_on,
                v.ended_on,
                v.carried_by,
                v.supporter_name,
                ", ".join(v.themes),
                ", ".join(v.partners),
                _euros(v.budget_requested),
                _euros(v.budget_granted),
                v.budget_source,
                v.description,
                v.support,
                v.reached,
                len(v.milestones),
                step.description if step else "",
                step.due_on if step else None,
                v.author,
                str(v.id),
            )
        )
    steps = [
        (v.title, v.area_name, m.description, m.due_on, m.reached_on, str(v.id))
        for v in views
        for m in v.milestones
    ]
    widths = (36, 18, 16, 12, 12, 26, 22, 30, 30, 12, 12, 22, 60, 60, 10, 10, 36, 12, 14, 38)
    return [
        ExportTable("Initiatieven", INITIATIVE_HEADERS, rows, widths=widths, total=len(rows)),
        ExportTable(
            "Mijlpalen",
            MILESTONE_HEADERS,
            steps,
            widths=(36, 18, 40, 12, 12, 38),
            total=len(steps),
        ),
    ]


# --- teams ----------------------------------------------------------------------------------


def team_tables(session: Session, options: ExportOptions, *, on: date) -> list[ExportTable]:
    """'Wie werkt waar' on a day: per area, and per wethouder (staff, never residents)."""
    check_personal(session, options)
    per_area = [
        (
            row.area_name,
            row.depth,
            ", ".join(row.for_role(Role.GEBIEDSREGISSEUR)),
            ", ".join(row.for_role(Role.OPBOUWWERKER)),
            ", ".join(row.for_role(Role.GEBIEDSWETHOUDER)),
        )
        for row in team_overview(session, on=on)
    ]
    per_wethouder = [(w.name, ", ".join(w.areas)) for w in wethouder_overview(session, on=on)]
    return [
        ExportTable(
            "Per gebied",
            ("Gebied", "Niveau", "Gebiedsregisseur", "Opbouwwerker", "Gebiedswethouder"),
            per_area,
            widths=(26, 8, 28, 28, 28),
            total=len(per_area),
        ),
        ExportTable(
            "Per wethouder",
            ("Gebiedswethouder", "Gebieden"),
            per_wethouder,
            widths=(28, 80),
            total=len(per_wethouder),
        ),
    ]


# --- signals --------------------------------------------------------------------------------

SIGNAL_HEADERS = (
    "Gemeld op",
    "Categorie",
    "Gebied",
    "Buurt",
    "Buurtcode",
    "Breedtegraad",
    "Lengtegraad",
    "Status",
    "Prioriteit",
    "Partner",
    "Termijn",
    "Termijnlabel",
    "Afgesloten op",
    "Deelsignaal",
    "Bron",
    "Omschrijving",
    "ID",
)


def signals_table(session: Session, filters: SignalFilter, options: ExportOptions) -> ExportTable:
    """The signals screen's list (same filter, same order: overdue first), full descriptions."""
    personal = check_personal(session, options)
    listed = list_signals(session, filters, today=options.today).rows
    headers = SIGNAL_HEADERS + (REPORTER_HEADERS if personal else ())
    widths: tuple[int, ...] = (12, 26, 18, 22, 12, 12, 12, 18, 10, 24, 12, 22, 12, 10, 14, 60, 38)
    widths += (30, 24, 16, 28) if personal else ()

    def rows() -> Iterator[tuple[Cell, ...]]:
        repo = ExportRepository(session)
        step = 2_000
        for first in range(0, len(listed), step):
            part = listed[first : first + step]
            extras = repo.signal_extras([r.id for r in part], personal=personal)
            for r in part:
                found = extras.get(r.id, (r.description, None, None, None))
                description, source, latitude, longitude, *reporter = found
                yield (
                    r.reported_on,
                    r.category,
                    r.area_name,
                    r.buurt_name,
                    r.buurt_code,
                    latitude,
                    longitude,
                    r.status.label,
                    r.priority.label,
                    r.partner,
                    r.deadline,
                    r.label.label,
                    r.closed_on,
                    r.is_child,
                    source.label if source is not None else "",
                    description,
                    str(r.id),
                    *reporter,
                )

    return ExportTable("Signalen", headers, rows(), widths=widths, total=len(listed))
