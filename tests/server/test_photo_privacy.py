"""A photo's caption and file name stay away from the wethouder (issue 16): the wethouder's
role cannot read `signal_photo`, and the signal's history, which it does read, says only that
a photo came or went. Entries of older app versions (file name and caption in the history)
are withheld from the wethouder by the server. Checked through every table the role can read
on the server, and in every page of the wethouder's laptop file after a sync.

(Runs where the sync engine is: services.sync and tests/support/sync_world.py.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import func, insert, select, update

from gebiedsapp.domain import (
    AppSetting,
    Priority,
    Role,
    SignalField,
    SignalHistory,
    SignalSource,
    reference_id,
)
from gebiedsapp.services import signal_photos, signals
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.storage.repositories import sync_local, sync_visibility
from gebiedsapp.storage.server_rights import synced_tables
from gebiedsapp.storage.sync_tracking import sync_outbox
from support.dbfile import key_of
from support.images import png
from support.pages import readable

sync: Any = pytest.importorskip("gebiedsapp.services.sync")
sync_world: Any = pytest.importorskip("support.sync_world")

BEERTA = reference_id("area", "beerta")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
PASSWORD = "een-lang-wachtwoord-16"  # sync_world.TEAM_PASSWORD
ROLES = {
    "bea": ("beheerder", None),
    "anna": ("opbouwwerker", Role.OPBOUWWERKER),
    "willem": ("gebiedswethouder", Role.GEBIEDSWETHOUDER),
}
NAME = "jansen"  # in every caption and file name below, never anywhere else


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Any]:
    yield from sync_world.make_team(tmp_path, migrated_template, pg_url)


def _texts_readable(address: str) -> dict[str, list[str]]:
    """{table: its rows as text} of every synced table, in the columns this login may read."""
    found: dict[str, list[str]] = {}
    with psycopg.connect(address, password=PASSWORD, autocommit=True) as db:
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
                rows = db.execute(f"SELECT {', '.join(columns)} FROM {table.name}").fetchall()
                found[table.name] = [" ".join(str(v) for v in row).lower() for row in rows]
    return found


def _team_with_rights(team: Any) -> tuple[dict[str, str], Any]:
    """Bea (beheerder), Anna (opbouwwerker of Beerta) and Willem (its wethouder), each with
    their own login; returns their server addresses and a sync as one of them."""
    roles = {who: (role, assigned, assigned and BEERTA) for who, (role, assigned) in ROLES.items()}
    world = sync_world.with_rights(team, roles)
    return {who: world.address(who) for who in ROLES}, world.sync


def _litter_in_beerta(session: Any) -> Any:
    return signals.create_signal(
        session,
        SignalInput(
            area_id=BEERTA,
            description="Zwerfvuil bij de bushalte",
            source=SignalSource.EIGEN_WAARNEMING,
            reported_on=date(2026, 11, 26),
            category_id=ZWERFVUIL,
        ),
        today=date(2026, 11, 26),
    )


def test_a_wethouder_reads_no_caption_or_file_name_of_a_photo(team: Any) -> None:
    address, run = _team_with_rights(team)

    with team.laptop("anna").unit_of_work("anna") as session:
        signal = _litter_in_beerta(session)
        signals.change_priority(session, signal.id, Priority.HOOG, note="Bij de school")
        signal_photos.add_photo(
            session,
            signal.id,
            file_name="jansen_tuin.png",
            data=png(6, 4),
            caption="Achtertuin fam. Jansen",
        )
        removed = signal_photos.add_photo(
            session, signal.id, file_name="voordeur_jansen.png", data=png(5, 4), caption="Jansen"
        )
        signal_photos.remove_photo(session, removed)
        # what an older version of the app wrote into the history
        signals.log_change(
            session, signal, SignalField.PHOTO, "", "Jansen_oud.png", "Voortuin fam. Jansen"
        )
    run("anna")
    assert run("willem").skipped == 0  # withheld with their sync rows: nothing to report

    seen = _texts_readable(address["willem"])
    assert "signal_photo" not in seen
    assert [t for t, rows in seen.items() for row in rows if NAME in row] == []
    assert len(seen["signal_history"]) == 1
    with team.laptop("willem").read_session() as session:
        kept = session.scalars(select(SignalHistory.field)).all()
    assert kept == [SignalField.PRIORITY]  # the rest of the history reaches the wethouder
    path = team.laptop("willem").file
    assert NAME.encode() not in readable(path, key_of(path)).lower()

    # not vacuous: staff read them, the photo with its caption and the history's entries
    staff = _texts_readable(address["anna"])
    assert any(NAME in row for row in staff["signal_photo"])
    assert sum("photo" in row for row in staff["signal_history"]) == 4


def test_a_wethouder_laptop_of_before_lets_go_of_old_photo_entries(team: Any) -> None:
    """A wethouder's laptop that pulled a photo's old history entry (file name and caption)
    before the server withheld it lets go of it at its next sync, words and all."""
    _address, run = _team_with_rights(team)
    with team.laptop("anna").unit_of_work("anna") as session:
        signal = _litter_in_beerta(session)
        signals.log_change(
            session, signal, SignalField.PHOTO, "", "Jansen_oud.png", "Voortuin fam. Jansen"
        )
    run("anna")
    run("willem")
    with team.laptop("anna").read_session() as session:
        old = session.scalars(
            select(SignalHistory).where(SignalHistory.field == SignalField.PHOTO)
        ).one()
        row = {
            c.columns[0].name: getattr(old, c.key) for c in SignalHistory.__mapper__.column_attrs
        }
    # as it was on the laptop under the older rules: the entry pulled, the rights of then
    with team.laptop("willem").engine.begin() as connection:
        sync_local.set_applying(connection, True)
        connection.execute(insert(SignalHistory.__table__).values(row))
        sync_local.set_applying(connection, False)
        then = json.loads(
            connection.scalar(
                select(AppSetting.value).where(AppSetting.key == sync_visibility.RIGHTS_SETTING)
            )
        )
        assert then["withheld"] is not None
        del then["withheld"]  # what an older version kept
        connection.execute(
            update(AppSetting)
            .where(AppSetting.key == sync_visibility.RIGHTS_SETTING)
            .values(value=json.dumps(then))
        )
    path = team.laptop("willem").file
    with team.laptop("willem").read_session() as session:
        assert session.scalars(select(SignalHistory.field)).all() == [SignalField.PHOTO]

    result = run("willem")

    assert result.removed >= 1
    with team.laptop("willem").read_session() as session:
        kept = session.scalars(select(SignalHistory.field)).all()
        waiting = session.scalar(select(func.count()).select_from(sync_outbox))
    assert (kept, waiting) == ([], 0)  # let go of, not pushed as a delete
    assert NAME.encode() not in readable(path, key_of(path)).lower()
    with team.server.engine.connect() as connection:  # the server keeps it, for staff
        assert connection.scalar(select(func.count()).select_from(SignalHistory)) == 1
