"""Team sync's change tracking: every write to a synced table, whatever its path, is entered
in the outbox; a pull's own writes are not; every table is either tracked or named as not
synced (so a new table cannot be forgotten)."""

from __future__ import annotations

import uuid

from sqlalchemy import Table, delete, insert, select, text, update
from sqlalchemy.orm import Session

from gebiedsapp.domain import Area, Base, Theme, conversation_theme
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.sync_tracking import (
    NOT_SYNCED,
    OPERATIONS,
    row_key,
    sync_outbox,
    sync_state,
    trigger_name,
)


def _outbox(database: Database) -> dict[tuple[str, str], int]:
    with database.engine.connect() as connection:
        rows = connection.execute(
            select(sync_outbox.c.table_name, sync_outbox.c.row_key, sync_outbox.c.tick)
        )
        return {(t, k): tick for t, k, tick in rows}


def _clear(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(delete(sync_outbox))


def test_every_table_is_tracked_or_named_as_not_synced(database: Database) -> None:
    with database.engine.connect() as connection:
        triggers = {
            name
            for (name,) in connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            )
        }
    for table in Base.metadata.tables:
        expected = {trigger_name(table, op) for op in OPERATIONS}
        if table in NOT_SYNCED:
            assert not expected & triggers, table
        else:
            assert expected <= triggers, f"{table} is neither tracked nor in NOT_SYNCED"


def test_orm_writes_core_writes_and_deletes_are_entered(database: Database) -> None:
    _clear(database)
    with database.unit_of_work("test") as session:
        area = session.scalars(select(Area).where(Area.name == "Beerta")).one()
        theme = session.scalars(select(Theme)).first()
        assert theme is not None
        area.description = "iets"  # an ORM update
        area_key = area.id.hex
    assert _outbox(database) == {("area", area_key): 1}
    with database.unit_of_work("test") as session:
        session.execute(update(Area).where(Area.name == "Beerta").values(description="anders"))
    assert _outbox(database)[("area", area_key)] == 2  # the tick moves on every change
    _clear(database)
    conversation_id = uuid.uuid4()
    with database.engine.begin() as connection:  # a raw statement, no session hooks at all
        connection.execute(text("PRAGMA foreign_keys = OFF"))
        connection.execute(
            insert(conversation_theme).values(conversation_id=conversation_id, theme_id=theme.id)
        )
        connection.execute(delete(conversation_theme))
    assert _outbox(database) == {("conversation_theme", row_key([conversation_id, theme.id])): 2}


def test_what_a_pull_applies_is_not_entered(database: Database) -> None:
    _clear(database)
    with database.unit_of_work("test") as session:
        session.execute(update(sync_state).values(applying=1))
        session.execute(
            update(Area).where(Area.name == "Beerta").values(description="van de server")
        )
        session.execute(update(sync_state).values(applying=0))
        session.execute(update(Area).where(Area.name == "Nieuwolda").values(description="hier"))
    tables = {table for table, _key in _outbox(database)}
    assert tables == {"area"}
    assert len(_outbox(database)) == 1


def test_a_new_database_has_every_existing_row_waiting_for_its_first_push(
    database: Database,
) -> None:
    with Session(database.engine) as session:
        areas = session.scalar(select(text("count(*)")).select_from(Table("area", Base.metadata)))
        waiting = session.scalar(
            select(text("count(*)"))
            .select_from(sync_outbox)
            .where(sync_outbox.c.table_name == "area")
        )
    assert areas
    assert waiting == areas
