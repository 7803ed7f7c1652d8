"""Synchroniseren in the window when the server's rights shrink (issue 16): after the beheerder
removes the user's assignment to an area, a click lets go of that area's rows, keeps the
user's unsent change, and says in Dutch (the result and the status bar) how many changes
cannot be sent and what to do. Against a real PostgreSQL team server with the rights as IT
sets them up. Skipped without PostgreSQL, a failure in CI (tests/server/conftest.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import keyring
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from gebiedsapp.domain import Assignment, Role, Signal, SignalSource, TeamMember, reference_id
from gebiedsapp.services import server as rights
from gebiedsapp.services import signals, sync
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import MainWindow
from server.conftest import pg_server, pg_url  # noqa: F401 - the server tests' PostgreSQL
from support.sync_world import Team, make_team
from ui.sync.test_sync_team import LONG, click_sync, follow, said  # noqa: F401 - fixture

BEERTA = reference_id("area", "beerta")
WINSCHOTEN = reference_id("area", "winschoten")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
PASSWORD = "een-lang-wachtwoord-16"


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:  # noqa: F811
    yield from make_team(tmp_path / "team", migrated_template, pg_url)


def _address(team: Team, login: str) -> str:
    url = make_url(team.server_url)
    return f"postgresql://{login}@{url.host}:{url.port}/{url.database}"


def _signal(team: Team, area: uuid.UUID, text: str) -> uuid.UUID:
    with team.laptop("bea").unit_of_work("bea") as session:
        return signals.create_signal(
            session,
            SignalInput(
                area_id=area, description=text, source=SignalSource.TELEFOON,
                reported_on=date(2026, 11, 20), category_id=ZWERFVUIL,
            ),
            today=date(2026, 11, 20),
        ).id  # fmt: skip


def test_a_lost_area_is_let_go_of_and_the_unsent_change_is_said(  # type: ignore[no-untyped-def]
    qtbot,
    window: MainWindow,
    context: AppContext,
    team: Team,
    said: list[str],  # noqa: F811
) -> None:
    assert team.server is not None
    prefix = make_url(team.server_url).database
    bea, me = f"{prefix}_bea", f"{prefix}_me"
    rights.set_up(team.server)
    rights.add_user(team.server, account=bea, role="beheerder", password=PASSWORD)
    rights.add_user(team.server, account=me, role="opbouwwerker", password=PASSWORD)
    with team.laptop("bea").unit_of_work("bea") as session:
        member = TeamMember(name="Ik", account=me, active=True)
        session.add(member)
        session.flush()
        assigned = [
            Assignment(
                member_id=member.id, area_id=area, role=Role.OPBOUWWERKER,
                start_date=date(2024, 1, 1),
            )
            for area in (BEERTA, WINSCHOTEN)
        ]  # fmt: skip
        session.add_all(assigned)
        session.flush()
        winschoten = assigned[1].id
    gone = _signal(team, WINSCHOTEN, "Kapotte lantaarn Oostereinde")
    mine = _signal(team, WINSCHOTEN, "Losliggende stoeptegels")
    sync.run_sync(team.laptop("bea"), server_url=_address(team, bea), password=PASSWORD)
    with context.database.unit_of_work("test") as session:
        sync.save_server(session, _address(team, me))
    keyring.set_password(sync.KEYRING_SERVICE, me, PASSWORD)
    outcomes = follow(window)
    click_sync(qtbot, window)
    qtbot.waitUntil(lambda: len(outcomes) == 1, timeout=LONG)
    # offline, the user adds to a Winschoten signal; the beheerder ends the assignment
    with context.database.unit_of_work("test") as session:
        row = session.get(Signal, mine)
        assert row is not None
        row.description += ", ook bij nummer 12"
    with team.laptop("bea").unit_of_work("bea") as session:
        ended = session.get(Assignment, winschoten)
        assert ended is not None
        ended.soft_delete()
    sync.run_sync(team.laptop("bea"), server_url=_address(team, bea), password=PASSWORD)

    click_sync(qtbot, window)
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=LONG)

    assert outcomes[1].result is not None, outcomes[1].error
    assert "records van deze laptop gehaald: u mag ze niet meer zien" in said[-1]
    assert "1 wijzigingen konden niet worden verstuurd" in said[-1]
    assert "Uitwisselingsbestand maken" in said[-1]
    with context.database.read_session() as session:
        assert set(session.scalars(select(Signal.id))) & {gone, mine} == {mine}
    label = window.sync.status_label
    qtbot.waitUntil(lambda: "1 niet te versturen" in label.text())
    assert "niet (meer) aan u is toegewezen" in label.toolTip()
