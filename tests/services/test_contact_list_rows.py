"""The contact lists' rows (Contacten, Lijsten): what the lists show, read in one statement,
not ORM contacts with their themes, area and partner made into views one by one (issue 19:
0.8-1.8 s for 5,000 contacts at ten times the data)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import event

from gebiedsapp.domain import ContactType, ContactWith, reference_id
from gebiedsapp.services.contacts import ContactInput, get_contact, record_contact
from gebiedsapp.services.lists import ListFilter, list_contacts
from gebiedsapp.storage.database import Database

BEERTA = reference_id("area", "beerta")
POLITIE = reference_id("partner", "politie-wijkagent")
OUDEREN = reference_id("theme", "ouderen")
EENZAAMHEID = reference_id("theme", "eenzaamheid")


def _record(database: Database, subject: str, day: date, **fields: Any) -> uuid.UUID:
    with database.unit_of_work("anna") as session:
        return record_contact(
            session,
            ContactInput(
                day=day, area_id=BEERTA, contact_type=ContactType.TELEFOON, subject=subject,
                **fields,
            ),
        ).id  # fmt: skip


def test_rows_show_what_the_contact_opened_shows(database: Database) -> None:
    ids = [
        _record(database, "met de wijkagent", date(2026, 5, 3), with_kind=ContactWith.ORGANISATIE,
                partner_id=POLITIE, theme_ids=(OUDEREN, EENZAAMHEID), notes="lang verhaal"),
        _record(database, "met de buurtvereniging", date(2026, 5, 2),
                with_kind=ContactWith.GROEP, group_name="Buurtvereniging Beerta"),
        _record(database, "anoniem", date(2026, 5, 1)),
    ]  # fmt: skip
    with database.read_session() as session:
        rows = list_contacts(session, ListFilter())
        opened = [get_contact(session, contact_id) for contact_id in ids]

    assert [row.id for row in rows] == ids  # newest first
    for row, view in zip(rows, opened, strict=True):
        assert (row.day, row.area_name, row.contact_type, row.with_kind, row.with_whom) == (
            view.day, view.area_name, view.contact_type, view.with_kind, view.with_whom
        )  # fmt: skip
        assert (row.subject, row.notes, row.author) == (view.subject, view.notes, view.author)
        assert row.themes == tuple(sorted(view.themes))
    assert rows[0].with_whom  # the partner's name
    assert rows[0].themes == ("Eenzaamheid", "Ouderen")
    assert rows[1].with_whom == "Buurtvereniging Beerta"
    assert (rows[2].with_whom, rows[2].themes) == ("", ())


def test_the_list_is_read_in_one_statement(database: Database) -> None:
    for n in range(5):
        _record(database, f"contact {n}", date(2026, 5, n + 1), theme_ids=(OUDEREN,))
    statements: list[str] = []
    event.listen(database.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    with database.read_session() as session:
        rows = list_contacts(session, ListFilter(area_ids=frozenset({BEERTA})))
    assert [row.themes for row in rows] == [("Ouderen",)] * 5
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
