"""What a push reads on the laptop in one statement per table (docs/sync-design.md, "Push"):
its outbox's rows as stored, and the area stamps it sends (the server checks them)."""

from __future__ import annotations

from sqlalchemy import select, text

from gebiedsapp.domain import Conversation, KoffiekarSession
from gebiedsapp.services import demo
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.repositories import sync_stored as stored
from gebiedsapp.storage.sync_tables import by_name, synced_tables


def test_the_outbox_rows_are_the_rows_of_its_keys_as_stored(database: Database) -> None:
    """Joined on the outbox, one statement a table: the same rows as a look-up by key, for
    every synced table; rows deleted here (hard deletes) and keys held back are left out."""
    with database.unit_of_work("test") as session:
        demo.generate(session, size="small", seed=1, account="test")
    with database.engine.begin() as connection:
        connection.execute(text("DELETE FROM conversation_theme WHERE rowid % 5 = 0"))
        box = local.outbox(connection)
        seen = 0
        for table in synced_tables():
            keys = sorted(box.get(table.name, {}))
            if not keys:
                continue
            wanted = keys[::2]  # the others held back
            found = stored.outbox_rows(connection, table, wanted)
            assert found == local.rows(connection, table, wanted, as_stored=True), table.name
            assert set(found) <= set(wanted)
            seen += len(found)
        assert seen > 100


def test_the_laptop_finds_the_stamps_as_the_server_would(database: Database) -> None:
    with database.unit_of_work("test") as session:
        demo.generate(session, size="small", seed=1, account="test")
    tables = by_name()
    with database.engine.connect() as connection:
        sessions = {s.id.hex: s.area_id.hex for s in connection.execute(select(KoffiekarSession))}
        conversations = {
            c.id.hex: sessions[c.session_id.hex] for c in connection.execute(select(Conversation))
        }
        keys = sorted(conversations)
        rows = stored.outbox_rows(connection, tables["conversation"], keys)
        assert len(rows) == len(keys)
        found = stored.laptop_stamps(connection, tables["conversation"].table, rows)
        assert found == {key: (area, False) for key, area in conversations.items()}
        own = stored.outbox_rows(connection, tables["koffiekar_session"], sorted(sessions))
        found = stored.laptop_stamps(connection, tables["koffiekar_session"].table, own)
        assert found == {key: (area, False) for key, area in sessions.items()}
        # personal per row (a photo's history), or no area of its own: the server's to say
        for name in ("signal_history", "area", "resident"):
            assert stored.laptop_stamps(connection, tables[name].table, {}) is None, name
        assert stored.laptop_stamps(connection, tables["signal_photo"].table, {}) == {}
