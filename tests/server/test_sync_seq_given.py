"""A push's new `sync_row`s given their seq, pusher and stamps by the statement itself
(storage.server_stamps.stamp_triggers): the per-row stamp trigger is not called for them,
and nothing of it is taken on trust. Against the real server, as the team member's own
login (the statements a laptop could send, not only those our push sends)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from psycopg import errors

from gebiedsapp.paths import AppPaths
from support.rights_world import BEERTA, World, build_world

INSERT = (
    "INSERT INTO sync_row (table_name, row_key, seq, version, area_id, personal, erased, "
    "pushed_by, pushed_at) VALUES ('conversation', %s, {seq}, 1, %s, false, false, "
    "current_user, now()) RETURNING seq"
)


@pytest.fixture
def world(pg_url: str, app_paths: AppPaths, tmp_path: Path, cli_environment: None) -> World:
    return build_world(pg_url, app_paths, tmp_path / "cli")


def _hex(value: object) -> str:
    return str(value).replace("-", "")


def _without_sync_row(world: World, key: str) -> None:
    with psycopg.connect(world.url) as owner:
        owner.execute("DELETE FROM sync_row WHERE row_key = %s", (key,))


def test_a_row_given_its_own_seq_keeps_it_without_the_trigger(world: World) -> None:
    """The statement's own nextval is the row's seq (the trigger would take another)."""
    mine = _hex(world.beerta.conversation_id)
    _without_sync_row(world, mine)
    with world.connect("opbouwwerker") as db:
        before = db.execute("SELECT nextval('sync_seq')").fetchone()[0]
        (seq,) = db.execute(INSERT.format(seq="nextval('sync_seq')"), (mine, BEERTA)).fetchone()
        assert seq == before + 1
        assert db.execute("SELECT currval('sync_seq')").fetchone()[0] == seq
        pushed_by = db.execute("SELECT pushed_by FROM sync_row WHERE row_key = %s", (mine,))
        assert pushed_by.fetchone()[0] == world.accounts["opbouwwerker"]


def test_a_seq_not_taken_from_the_sequence_is_not_kept(world: World) -> None:
    """A seq the client made up is replaced by the trigger (a real, new one), or refused in
    a session that never took one; a row of another area so given is refused."""
    mine = _hex(world.beerta.conversation_id)
    _without_sync_row(world, mine)
    with (
        world.connect("opbouwwerker") as db,
        pytest.raises(errors.ObjectNotInPrerequisiteState),
    ):
        db.execute(INSERT.format(seq="%s"), (mine, 10**12, BEERTA))
    with world.connect("opbouwwerker") as db:
        taken = db.execute("SELECT nextval('sync_seq')").fetchone()[0]
        (seq,) = db.execute(INSERT.format(seq="%s"), (mine, taken + 1000, BEERTA)).fetchone()
        assert seq != taken + 1000
        assert seq == db.execute("SELECT currval('sync_seq')").fetchone()[0]
    theirs = _hex(world.winschoten.conversation_id)
    _without_sync_row(world, theirs)
    with (
        world.connect("opbouwwerker") as db,
        pytest.raises(errors.InsufficientPrivilege, match="row-level security"),
    ):
        db.execute(INSERT.format(seq="nextval('sync_seq')"), (theirs, BEERTA))


def test_a_seq_taken_earlier_in_the_session_is_not_kept(world: World) -> None:
    """A seq taken, kept while other laptops pushed, and given later would land below their
    cursors (they would never pull the row): it must be the sequence's last value too."""
    mine = _hex(world.beerta.conversation_id)
    _without_sync_row(world, mine)
    with world.connect("opbouwwerker") as db:
        taken = db.execute("SELECT nextval('sync_seq')").fetchone()[0]
        with world.connect("regisseur") as other:
            later = other.execute("SELECT nextval('sync_seq')").fetchone()[0]
        (seq,) = db.execute(INSERT.format(seq="%s"), (mine, taken, BEERTA)).fetchone()
        assert seq > later


def test_one_seq_given_to_two_rows_is_refused(world: World) -> None:
    """A statement cannot give the same seq (the session's currval) to two rows: seq is
    unique, so a seq a statement gives is one nextval handed out to that row alone."""
    rows = [
        ("koffiekar_session", _hex(world.beerta.round_id)),
        ("conversation", _hex(world.beerta.conversation_id)),
    ]
    for _table, key in rows:
        _without_sync_row(world, key)
    with world.connect("opbouwwerker") as db:
        db.execute("SELECT nextval('sync_seq')")
        with pytest.raises(errors.UniqueViolation):
            db.execute(
                "INSERT INTO sync_row (table_name, row_key, seq, version, area_id, personal, "
                "erased, pushed_by, pushed_at) SELECT t, k, currval('sync_seq'), 1, %s, false, "
                "false, current_user, now() FROM unnest(CAST(%s AS text[]), CAST(%s AS text[])) "
                "AS r(t, k)",
                (BEERTA, [t for t, _k in rows], [k for _t, k in rows]),
            )


def test_server_setup_upgrades_the_stamp_trigger_of_an_older_setup(
    world: World, tmp_path: Path
) -> None:
    """A server set up by an older version has one stamp trigger on INSERT OR UPDATE, which
    gives every new row another seq; `server setup` makes the two triggers of now."""
    from gebiedsapp import cli

    with psycopg.connect(world.url, autocommit=True) as owner:
        owner.execute("DROP TRIGGER gebiedsapp_stamp_insert ON sync_row")
        owner.execute(
            "CREATE OR REPLACE TRIGGER gebiedsapp_stamp BEFORE INSERT OR UPDATE ON sync_row "
            "FOR EACH ROW EXECUTE FUNCTION gebiedsapp_sync_row_stamp()"
        )
    mine = _hex(world.beerta.conversation_id)
    _without_sync_row(world, mine)
    with world.connect("opbouwwerker") as db:
        before = db.execute("SELECT nextval('sync_seq')").fetchone()[0]
        (seq,) = db.execute(INSERT.format(seq="nextval('sync_seq')"), (mine, BEERTA)).fetchone()
        assert seq == before + 2  # the older trigger took another
    setup = ["--data-dir", str(tmp_path / "it"), "--database", world.url, "server", "setup"]
    assert cli.main(setup) == 0
    _without_sync_row(world, mine)
    with world.connect("opbouwwerker") as db:
        before = db.execute("SELECT nextval('sync_seq')").fetchone()[0]
        (seq,) = db.execute(INSERT.format(seq="nextval('sync_seq')"), (mine, BEERTA)).fetchone()
        assert seq == before + 1
