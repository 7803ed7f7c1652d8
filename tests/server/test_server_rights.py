"""Who sees what on the team server (issue 16): each user connects with their own role; RLS
keeps them to the areas they are assigned to, column privileges keep residents' personal data
from the wethouder. Against the real server, with the logins `gebiedsapp server` made."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg import errors

from gebiedsapp.paths import AppPaths
from gebiedsapp.storage.server_rights import synced_tables
from support.rights_world import BEERTA, EENZAAMHEID, PARKWIJK, World, build_world


@pytest.fixture
def world(pg_url: str, app_paths: AppPaths, tmp_path: Path, cli_environment: None) -> World:
    return build_world(pg_url, app_paths, tmp_path / "cli")


def _ids(connection: psycopg.Connection, query: str, *params: object) -> set[object]:
    return {row[0] for row in connection.execute(query, params or None)}


def _hex(value: object) -> str:
    return str(value).replace("-", "")


def test_an_opbouwwerker_of_beerta_cannot_read_or_change_winschoten(world: World) -> None:
    beerta, winschoten = world.beerta, world.winschoten
    with world.connect("opbouwwerker") as db:
        assert _ids(db, "SELECT id FROM koffiekar_session") == {beerta.round_id}
        assert _ids(db, "SELECT id FROM conversation") == {beerta.conversation_id}
        assert _ids(db, "SELECT id FROM signal") == {beerta.signal_id}
        assert _ids(db, "SELECT id FROM resident") == {beerta.resident_id}
        assert _ids(db, "SELECT resident_id FROM consent") == {beerta.resident_id}
        assert _ids(db, "SELECT conversation_id FROM conversation_theme") == {
            beerta.conversation_id
        }
        assert _ids(db, "SELECT signal_id FROM signal_history") == {beerta.signal_id}
        # the history of Winschoten's records is not theirs either
        assert _ids(db, "SELECT record_id FROM record_version") == {
            beerta.conversation_id,
            beerta.resident_id,
        }
        # staff see the resident's contact details of their own area
        assert db.execute("SELECT name FROM resident").fetchall() == [("Bewoner Beerta",)]

        changed = db.execute(
            "UPDATE conversation SET summary = 'overschreven' WHERE id = %s",
            (winschoten.conversation_id,),
        )
        assert changed.rowcount == 0
        assert db.execute("DELETE FROM signal WHERE id = %s", (winschoten.signal_id,)).rowcount == 0
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            db.execute(
                "INSERT INTO conversation (id, session_id, summary, quote, quote_reportable, "
                "handling, created_at, updated_at, created_by, updated_by, version) VALUES "
                "(gen_random_uuid(), %s, 'x', '', false, 'ter_plekke', now(), now(), 'a', 'a', 1)",
                (winschoten.round_id,),
            )
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            db.execute(  # moving their own round into Winschoten is refused too
                "UPDATE koffiekar_session SET area_id = %s WHERE id = %s",
                (PARKWIJK, beerta.round_id),
            )
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            db.execute(  # nor can a known id link their way to Winschoten's resident
                "UPDATE conversation SET resident_id = %s WHERE id = %s",
                (winschoten.resident_id, beerta.conversation_id),
            )
        # their own area: read and write
        mine = db.execute(
            "UPDATE conversation SET summary = 'aangevuld' WHERE id = %s",
            (beerta.conversation_id,),
        )
        assert mine.rowcount == 1

    with psycopg.connect(world.url) as owner:
        summary = owner.execute(
            "SELECT summary FROM conversation WHERE id = %s", (winschoten.conversation_id,)
        ).fetchone()
        assert summary is not None
        assert summary[0].startswith("Gesprek in Parkwijk")


def test_an_assignment_to_a_kern_covers_its_areas(world: World) -> None:
    """The regisseur of Winschoten sees the round in Parkwijk (an area below Winschoten)."""
    with world.connect("regisseur") as db:
        assert _ids(db, "SELECT id FROM conversation") == {world.winschoten.conversation_id}
        assert _ids(db, "SELECT id FROM resident") == {world.winschoten.resident_id}


def test_a_wethouder_reads_the_area_but_no_personal_data(world: World) -> None:
    beerta = world.beerta
    with world.connect("wethouder") as db:
        assert _ids(db, "SELECT summary FROM conversation") == {
            "Gesprek in Beerta: de bus rijdt niet meer"
        }
        assert _ids(db, "SELECT id FROM resident") == {beerta.resident_id}  # the link only
        for query in (
            "SELECT name FROM resident",
            "SELECT * FROM resident",
            "SELECT note FROM consent",
            "SELECT notes FROM contact",
            "SELECT id FROM signal_photo",
        ):
            with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
                db.execute(query)
        readable = db.execute(
            "SELECT has_column_privilege('resident', 'name', 'SELECT'), "
            "has_column_privilege('resident', 'anonymised_at', 'SELECT'), "
            "has_column_privilege('conversation', 'summary', 'SELECT')"
        ).fetchone()
        assert readable == (False, True, True)
        # the history of a resident is theirs to keep from the wethouder as well
        assert _ids(db, "SELECT record_id FROM record_version") == {beerta.conversation_id}
        with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
            db.execute(
                "UPDATE conversation SET summary = 'x' WHERE id = %s", (beerta.conversation_id,)
            )
        assert _ids(db, "SELECT id FROM conversation") == {beerta.conversation_id}


def test_only_a_beheerder_changes_reference_data(world: World) -> None:
    rename = "UPDATE theme SET name = 'Eenzaam' WHERE key = 'eenzaamheid'"
    for who in ("opbouwwerker", "regisseur", "wethouder"):
        with world.connect(who) as db:
            assert db.execute("SELECT count(*) FROM area").fetchone() == (
                db.execute("SELECT count(*) FROM area").fetchone()
            )
            assert _ids(db, "SELECT key FROM theme WHERE key = 'eenzaamheid'") == {"eenzaamheid"}
            with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
                db.execute(rename)
            with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
                db.execute("UPDATE assignment SET end_date = NULL")  # nor their own rights
    with world.connect("beheerder") as db:
        assert db.execute(rename).rowcount == 1
        # and, for the AVG requests they handle, sees every area's residents
        assert _ids(db, "SELECT id FROM resident") == {
            world.beerta.resident_id,
            world.winschoten.resident_id,
        }


def _push(db: psycopg.Connection, table: str, key: str, **values: object) -> None:
    """As the sync engine pushes a row's bookkeeping: the laptop's idea of area, pusher and
    time is overruled by the server's trigger."""
    columns = {"seq": 0, "version": 1, "area_id": None, "personal": False, "erased": False}
    columns |= {"pushed_by": "iemand-anders", "pushed_at": "2000-01-01T00:00:00Z"} | values
    names = ", ".join(["table_name", "row_key", *columns])
    marks = ", ".join(["%s"] * (len(columns) + 2))
    db.execute(  # the engine's upsert (storage.repositories.sync_server.record)
        f"INSERT INTO sync_row ({names}) VALUES ({marks}) "
        "ON CONFLICT (table_name, row_key) DO UPDATE SET seq = excluded.seq, "
        "version = sync_row.version + 1, erased = excluded.erased, "
        "pushed_by = excluded.pushed_by, pushed_at = excluded.pushed_at",
        (table, key, *columns.values()),
    )


def test_the_server_fills_sync_rows_area_and_pusher(world: World) -> None:
    beerta, winschoten = world.beerta, world.winschoten
    account = world.accounts["opbouwwerker"]
    with world.connect("opbouwwerker") as db:
        _push(db, "conversation", _hex(beerta.conversation_id), area_id=str(PARKWIJK))
        _push(db, "conversation_theme", f"{_hex(beerta.conversation_id)}|{_hex(EENZAAMHEID)}")
        _push(db, "signal_photo", _hex(world.photo_id))
        _push(db, "resident", _hex(beerta.resident_id), personal=True)
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            _push(db, "conversation", _hex(winschoten.conversation_id))
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            _push(db, "theme", _hex(BEERTA))  # reference data: beheerders only
        with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
            db.execute("DELETE FROM sync_row")
        rows = {
            row[0]: row[1:]
            for row in db.execute(
                "SELECT table_name, area_id, personal, pushed_by, pushed_at > now() - "
                "interval '1 hour', seq > 0 FROM sync_row"
            )
        }
    assert rows["conversation"] == (BEERTA, False, account, True, True)
    assert rows["signal_photo"] == (BEERTA, True, account, True, True)  # withheld: wethouder
    assert rows["resident"] == (None, False, account, True, True)  # a resident has no one area
    assert rows["conversation_theme"] == (BEERTA, False, account, True, True)  # its parent's
    with world.connect("wethouder") as db:
        seen = _ids(db, "SELECT table_name FROM sync_row")
    assert seen == {"conversation", "conversation_theme", "resident"}  # not the photo
    with world.connect("regisseur") as db:
        assert _ids(db, "SELECT table_name FROM sync_row") == set()  # Beerta is not theirs


def test_a_tombstone_keeps_its_area_and_each_change_a_new_seq(world: World) -> None:
    """A hard delete (the link between a conversation and a theme) is pushed as the deleted
    data row plus `erased`: the row is gone, its area is kept, so Beerta's laptops get it."""
    key = f"{_hex(world.beerta.conversation_id)}|{_hex(EENZAAMHEID)}"
    with world.connect("opbouwwerker") as db:
        _push(db, "conversation_theme", key)
        before = db.execute("SELECT seq FROM sync_row").fetchone()
        deleted = db.execute(
            "DELETE FROM conversation_theme WHERE conversation_id = %s",
            (world.beerta.conversation_id,),
        )
        assert deleted.rowcount == 1
        db.execute(
            "UPDATE sync_row SET erased = true, version = version + 1, seq = 1, area_id = NULL "
            "WHERE table_name = 'conversation_theme' AND row_key = %s",
            (key,),
        )
        after = db.execute("SELECT seq, area_id, erased FROM sync_row").fetchone()
    assert before is not None
    assert after is not None
    assert after[0] > before[0]
    assert after[1:] == (BEERTA, True)
    with world.connect("wethouder") as db:  # the wethouder's laptop drops it too
        assert _ids(db, "SELECT row_key FROM sync_row WHERE erased") == {key}
    with world.connect("regisseur") as db:
        assert _ids(db, "SELECT row_key FROM sync_row") == set()


def test_the_push_log_cannot_be_forged(world: World) -> None:
    account = world.accounts["opbouwwerker"]
    with world.connect("opbouwwerker") as db:
        db.execute(
            "INSERT INTO sync_push_log (at, pushed_by, device_id, rows) VALUES "
            "('2000-01-01', 'wethouder', NULL, 3)"
        )
        logged = db.execute("SELECT pushed_by, at > now() - interval '1 hour' FROM sync_push_log")
        assert logged.fetchall() == [(account, True)]
        for statement in (
            "UPDATE sync_push_log SET pushed_by = 'iemand'",
            "DELETE FROM sync_push_log",
            "TRUNCATE sync_push_log",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                db.execute(statement)
    with world.connect("regisseur") as db:
        assert db.execute("SELECT count(*) FROM sync_push_log").fetchone() == (0,)  # not theirs
    with psycopg.connect(world.url) as owner:
        assert owner.execute("SELECT pushed_by FROM sync_push_log").fetchall() == [(account,)]


@pytest.mark.parametrize("made_by", ["login", "other name"])
def test_a_new_resident_is_pushed_before_the_conversation_that_names_them(
    world: World, made_by: str
) -> None:
    """As the engine pushes (parents first, one transaction): the resident and their consent
    go in before the conversation that names them; then the area's team sees them, nobody
    else does. Also when the laptop's user name is not the login's (a resident linked to
    nothing yet may be linked to one's own area)."""
    resident, conversation = uuid.uuid4(), uuid.uuid4()
    account = world.accounts["opbouwwerker"]
    creator = account.upper() if made_by == "login" else "laptop-naam"
    stamp = "now(), now(), %s, %s, 1"
    with world.connect("opbouwwerker") as db, db.transaction():
        db.execute(
            "INSERT INTO resident (id, name, phone, email, created_at, updated_at, created_by, "
            f"updated_by, version) VALUES (%s, 'Nieuwe Bewoner', '', '', {stamp})",
            (resident, creator, creator),
        )
        db.execute(
            "INSERT INTO consent (id, resident_id, purpose, given_on, recorded_by, note, "
            f"created_at, updated_at, created_by, updated_by, version) VALUES "
            f"(%s, %s, 'contact', '2026-11-25', 'ik', '', {stamp})",
            (uuid.uuid4(), resident, account, account),
        )
        db.execute(
            "INSERT INTO conversation (id, session_id, summary, quote, quote_reportable, "
            f"handling, resident_id, created_at, updated_at, created_by, updated_by, version) "
            f"VALUES (%s, %s, 'Nieuw gesprek', '', false, 'ter_plekke', %s, {stamp})",
            (conversation, world.beerta.round_id, resident, account, account),
        )
    with world.connect("wethouder") as db:
        assert resident in _ids(db, "SELECT id FROM resident")  # linked to Beerta now
    with world.connect("regisseur") as db:
        assert resident not in _ids(db, "SELECT id FROM resident")
        assert _ids(db, "SELECT resident_id FROM consent") == {world.winschoten.resident_id}
    # a resident someone else pushed, linked to nothing yet (the moment between the push of
    # the resident and of the record that names them): staff may read the row on the server,
    # as the push's upsert needs, but no laptop is sent it (its sync_row is not theirs), and
    # the wethouder does not see it at all
    loose = uuid.uuid4()
    with psycopg.connect(world.url, autocommit=True) as owner:
        owner.execute(
            "INSERT INTO resident (id, name, phone, email, created_at, updated_at, created_by, "
            "updated_by, version) VALUES (%s, 'Los', '', '', now(), now(), 'iemand', 'iemand', 1)",
            (loose,),
        )
        _push(owner, "resident", _hex(loose))
    with world.connect("opbouwwerker") as db:
        assert _ids(db, "SELECT name FROM resident") == {"Bewoner Beerta", "Nieuwe Bewoner", "Los"}
        assert _hex(loose) not in _ids(db, "SELECT row_key FROM sync_row")
    with world.connect("wethouder") as db:
        assert loose not in _ids(db, "SELECT id FROM resident")


def test_an_ended_assignment_ends_the_access(world: World) -> None:
    with psycopg.connect(world.url, autocommit=True) as owner:
        owner.execute(
            "UPDATE assignment SET end_date = current_date - 1 WHERE member_id = %s",
            (world.members["opbouwwerker"],),
        )
    with world.connect("opbouwwerker") as db:
        assert _ids(db, "SELECT id FROM conversation") == set()
        assert _ids(db, "SELECT id FROM resident") == set()
        assert db.execute("SELECT count(*) FROM area").fetchone() == (29,)  # reference data


@pytest.mark.parametrize("who", ["wethouder", "opbouwwerker"])
def test_every_table_can_be_pulled_in_the_columns_the_role_may_read(world: World, who: str) -> None:
    """As the sync engine pulls: per synced table, only the columns `has_column_privilege`
    allows. No table refuses that; the wethouder gets no photo and no contact detail."""
    readable: dict[str, list[str]] = {}
    with world.connect(who) as db:
        for table in synced_tables():
            columns = [
                c.name
                for c in table.columns
                if db.execute(
                    "SELECT has_column_privilege(%s, %s, 'SELECT')", (table.name, c.name)
                ).fetchone()
                == (True,)
            ]
            if columns:
                readable[table.name] = columns
                db.execute(f"SELECT {', '.join(columns)} FROM {table.name}").fetchall()
    if who == "wethouder":
        assert "signal_photo" not in readable
        assert readable["resident"] == [
            "anonymised_at",
            "id",
            "created_at",
            "updated_at",
            "created_by",
            "updated_by",
            "version",
            "deleted_at",
        ]
        assert "note" not in readable["consent"]
    else:
        assert len(readable) == len(synced_tables())
        assert "name" in readable["resident"]


def test_an_erasure_pushed_by_the_beheerder_reaches_every_laptop(world: World) -> None:
    """Erasure (a beheerder's task): the conversation unlinked, consent and resident deleted,
    their sync rows marked erased. The tombstone of a resident carries only the key, so every
    team member's laptop gets it, whatever area the resident was seen in."""
    beerta = world.beerta
    key = _hex(beerta.resident_id)
    with world.connect("beheerder") as db, db.transaction():
        _push(db, "resident", key)
        db.execute(
            "UPDATE conversation SET resident_id = NULL WHERE resident_id = %s",
            (beerta.resident_id,),
        )
        assert (
            db.execute("DELETE FROM consent WHERE resident_id = %s", (beerta.resident_id,)).rowcount
            == 1
        )
        assert db.execute("DELETE FROM resident WHERE id = %s", (beerta.resident_id,)).rowcount == 1
        db.execute(
            "UPDATE sync_row SET erased = true WHERE table_name = 'resident' AND row_key = %s",
            (key,),
        )
    for who in ("opbouwwerker", "regisseur", "wethouder"):
        with world.connect(who) as db:
            assert _ids(db, "SELECT row_key FROM sync_row WHERE erased") == {key}, who
            assert beerta.resident_id not in _ids(db, "SELECT id FROM resident")


def test_history_pushed_before_its_record_is_the_pushers_until_the_record_comes(
    world: World,
) -> None:
    """The push sends `record_version` before the tables it is about (it has no foreign
    key): the history of a conversation made and corrected offline arrives first. Its
    pusher's upsert goes through; nobody else reads it until the conversation is there."""
    history, conversation = uuid.uuid4(), uuid.uuid4()
    account = world.accounts["opbouwwerker"]
    with world.connect("opbouwwerker") as db, db.transaction():
        db.execute(
            "INSERT INTO record_version (id, record_type, record_id, version, changed_at, "
            "changed_by, changes) VALUES (%s, 'conversation', %s, 1, now(), 'anna', "
            '\'{"summary": ["a", "b"]}\') ON CONFLICT (id) DO UPDATE SET '
            "changes = excluded.changes",
            (history, conversation),
        )
        _push(db, "record_version", _hex(history))
    with world.connect("regisseur") as db:
        assert history not in _ids(db, "SELECT id FROM record_version")
    with world.connect("wethouder") as db:
        assert history not in _ids(db, "SELECT id FROM record_version")
    with psycopg.connect(world.url) as owner:
        before = owner.execute(
            "SELECT seq, pushed_by FROM sync_row WHERE row_key = %s", (_hex(history),)
        ).fetchone()
    with world.connect("opbouwwerker") as db, db.transaction():
        db.execute(
            "INSERT INTO conversation (id, session_id, summary, quote, quote_reportable, "
            "handling, created_at, updated_at, created_by, updated_by, version) VALUES "
            "(%s, %s, 'b', '', false, 'ter_plekke', now(), now(), %s, %s, 2)",
            (conversation, world.beerta.round_id, account, account),
        )
        _push(db, "conversation", _hex(conversation))
    with world.connect("wethouder") as db:  # now it is Beerta's
        assert history in _ids(db, "SELECT id FROM record_version")
        woken = db.execute(
            "SELECT seq, pushed_by, area_id FROM sync_row WHERE row_key = %s", (_hex(history),)
        ).fetchone()
        conversation_seq = db.execute(
            "SELECT seq FROM sync_row WHERE row_key = %s", (_hex(conversation),)
        ).fetchone()
    # a new seq, after the conversation's: a laptop that pulled in between gets it after all
    assert before is not None
    assert woken is not None
    assert conversation_seq is not None
    assert woken[0] > conversation_seq[0] > before[0]
    assert woken[1:] == (account, BEERTA)  # still who pushed it
    with world.connect("regisseur") as db:
        assert history not in _ids(db, "SELECT id FROM record_version")


def test_the_stamp_trigger_has_the_owners_name_written_in(world: World) -> None:
    """The stamp runs for every pushed row: it compares the pusher with `sync_row`'s owner
    written in at set-up, no catalog look-up per row (a push of 10,000 rows made 10,000)."""
    with psycopg.connect(world.url) as owner:
        name, definition = owner.execute(
            "SELECT pg_get_userbyid(c.relowner), pg_get_functiondef("
            "'gebiedsapp_sync_row_stamp'::regproc) FROM pg_class c "
            "WHERE c.oid = 'sync_row'::regclass"
        ).fetchone() or ("", "")
    assert f"current_user <> '{name}'::name" in definition
    assert "pg_class" not in definition
