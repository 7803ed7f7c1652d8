"""A push stamps `sync_row`'s area and personal flag itself, set-based, and the server checks
them once per statement (storage.server_stamps): a team member cannot use that to push or
stamp a row into an area that is not theirs. Against the real server, as the team member's
own login (the statements a laptop could send, not only those our push sends)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from psycopg import errors

from gebiedsapp.paths import AppPaths
from gebiedsapp.storage.server_stamps import STAMPED
from support.rights_world import BEERTA, WINSCHOTEN, World, build_world

UPSERT = (
    "INSERT INTO sync_row (table_name, row_key, seq, version, area_id, personal, erased, "
    "pushed_by, pushed_at) VALUES (%s, %s, %s, 1, %s, %s, false, 'x', now()) "
    "ON CONFLICT (table_name, row_key) DO UPDATE SET seq = excluded.seq, "
    "version = sync_row.version + 1, area_id = excluded.area_id, personal = excluded.personal"
)


@pytest.fixture
def world(pg_url: str, app_paths: AppPaths, tmp_path: Path, cli_environment: None) -> World:
    return build_world(pg_url, app_paths, tmp_path / "cli")


def _hex(value: object) -> str:
    return str(value).replace("-", "")


def _stamps(world: World) -> set[tuple[object, ...]]:
    with psycopg.connect(world.url) as owner:
        rows = owner.execute("SELECT table_name, row_key, area_id, personal FROM sync_row")
        return set(rows.fetchall())


def test_a_row_of_winschoten_stamped_as_beerta_is_refused_and_nothing_written(
    world: World,
) -> None:
    """Beerta is the user's own area, so sync_row's policy alone would take the row: the
    server's own check of the stamps refuses it."""
    before = _stamps(world)
    key = _hex(world.winschoten.conversation_id)
    with world.connect("opbouwwerker") as db:
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            db.execute(UPSERT, ("conversation", key, STAMPED, BEERTA, False))
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            # nor with several rows in one statement, the others their own
            db.execute(
                "INSERT INTO sync_row (table_name, row_key, seq, version, area_id, personal, "
                "erased, pushed_by, pushed_at) SELECT 'conversation', k, %s, 1, %s, false, "
                "false, 'x', now() FROM unnest(CAST(%s AS text[])) AS k",
                (STAMPED, BEERTA, [_hex(world.beerta.conversation_id), key]),
            )
    assert _stamps(world) == before


def test_a_row_of_beerta_cannot_be_stamped_into_winschoten_nor_unpersonal(world: World) -> None:
    mine = _hex(world.beerta.conversation_id)
    photo = _hex(world.photo_id)
    with world.connect("opbouwwerker") as db:
        db.execute(UPSERT, ("conversation", mine, STAMPED, BEERTA, False))  # as the push does
        db.execute(UPSERT, ("signal_photo", photo, STAMPED, BEERTA, True))
        before = _stamps(world)
        assert ("conversation", mine, BEERTA, False) in before
        assert ("signal_photo", photo, BEERTA, True) in before
        restamp = "UPDATE sync_row SET area_id = %s, personal = %s, seq = %s WHERE row_key = %s"
        for area in (WINSCHOTEN, None):  # another area, or none
            with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
                db.execute(restamp, (area, False, STAMPED, mine))
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            # a photo withheld from the wethouder, stamped as if it were not
            db.execute(restamp, (BEERTA, False, STAMPED, photo))
        # an upsert's update stamped otherwise: the server's own stamps (its trigger's) win
        db.execute(UPSERT, ("conversation", mine, 0, WINSCHOTEN, True))
    assert _stamps(world) == before


def test_a_push_without_stamps_is_stamped_by_the_server_as_before(world: World) -> None:
    """A laptop of an older version sends no stamps (no mark): the server stamps its rows."""
    mine = _hex(world.beerta.conversation_id)
    with world.connect("opbouwwerker") as db:
        db.execute(UPSERT, ("conversation", mine, 0, None, False))
    assert ("conversation", mine, BEERTA, False) in _stamps(world)
