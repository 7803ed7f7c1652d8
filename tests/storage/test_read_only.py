"""A damaged database opens read-only where SQLite can still read it (issue 6): to look at
and export from; nothing in or beside the file changes, and a write is refused in Dutch."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from gebiedsapp.domain import Area, AreaKind, reference_id
from gebiedsapp.paths import AppPaths
from gebiedsapp.services import areas
from gebiedsapp.startup import open_database, open_read_only
from gebiedsapp.storage.backup import quick_check
from gebiedsapp.storage.errors import DamagedDatabaseError, explain_write_error
from support.damage import damaged_database
from support.dbfile import TEST_KEY


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_database_opens_read_only_and_stays_as_it_is(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    path = damaged_database(tmp_path / "kapot.db", app_paths)
    assert quick_check(path, TEST_KEY) != "ok"
    with pytest.raises(DamagedDatabaseError):
        open_database(f"sqlite:///{path}", app_paths, actor="x", key=TEST_KEY)
    before = _digest(path)

    opened = open_read_only(f"sqlite:///{path}", key=TEST_KEY)
    database = opened.database
    try:
        assert database.read_only
        assert database.file == path
        assert database.describe().endswith("(alleen-lezen)")
        with database.read_session("anna") as session:  # looking works
            assert session.scalars(select(Area.name).where(Area.name == "Beerta")).one()
        with pytest.raises(OperationalError) as refused, database.unit_of_work("anna") as s:
            areas.create_area(
                s, name="Nieuw", kind=AreaKind.GEBIED, parent_id=reference_id("area", "oldambt")
            )
        assert "alleen-lezen" in explain_write_error(refused.value)
    finally:
        database.dispose()
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "kapot.db"]  # no -wal, -shm


def test_what_cannot_be_read_at_all_is_refused(tmp_path: Path, app_paths: AppPaths) -> None:
    path = damaged_database(tmp_path / "kapot.db", app_paths)
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\x00" * 4096  # the second page: part of the schema or a first table
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError) as refused:
        open_read_only(f"sqlite:///{path}", key=TEST_KEY)
    assert "te zwaar beschadigd" in refused.value.user_message


def test_the_check_beside_the_start_holds_every_write_and_refuses_on_damage(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    """The window starts while the integrity check runs; the first write waits for it, and on
    a damaged database fails without writing (ORM flushes and bulk statements alike)."""
    path = damaged_database(tmp_path / "kapot.db", app_paths)
    before = _digest(path)
    opened = open_database(
        f"sqlite:///{path}", app_paths, actor="x", key=TEST_KEY, check_beside=True
    )
    database = opened.database
    try:
        with database.read_session("anna") as session:  # reading does not wait
            assert session.scalars(select(Area.name).where(Area.name == "Beerta")).one()
        with pytest.raises(DamagedDatabaseError), database.unit_of_work("anna") as s:
            areas.create_area(
                s, name="Nieuw", kind=AreaKind.GEBIED, parent_id=reference_id("area", "oldambt")
            )
        with pytest.raises(DamagedDatabaseError), database.unit_of_work("anna") as s:
            s.execute(update(Area).values(description="overschreven"))
    finally:
        database.dispose()
    assert _digest(path) == before


def test_on_a_sound_database_the_first_write_just_waits(
    tmp_path: Path, app_paths: AppPaths
) -> None:
    url = f"sqlite:///{tmp_path / 'goed.db'}"
    open_database(url, app_paths, actor="x", key=TEST_KEY).database.dispose()
    database = open_database(url, app_paths, actor="x", key=TEST_KEY, check_beside=True).database
    try:
        assert database.gate is not None
        with database.unit_of_work("anna") as s:
            areas.create_area(
                s, name="Nieuw", kind=AreaKind.GEBIED, parent_id=reference_id("area", "oldambt")
            )
        assert database.gate is None  # checked once, then out of the way
    finally:
        database.dispose()
