"""Demo data links its team to accounts, so whoever runs the demo sees their own 'Mijn acties'."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from gebiedsapp.domain import Role, TeamMember
from gebiedsapp.paths import app_paths
from gebiedsapp.services import demo
from gebiedsapp.services.actions import member_for_account, my_actions
from gebiedsapp.services.teams import list_assignments
from gebiedsapp.startup import open_database
from gebiedsapp.storage.database import Database

ANCHOR = date(2026, 6, 1)


def test_the_login_that_made_the_demo_is_a_regisseur_with_actions(database: Database) -> None:
    with database.unit_of_work("tessa") as session:
        demo.generate(session, size="small", seed=7, anchor=ANCHOR, account="tessa")
    with database.read_session("tessa") as session:
        me = member_for_account(session, "tessa")
        assert me is not None
        assert me.active
        roles = {a.role for a in list_assignments(session, member_id=me.id, on=ANCHOR)}
        assert roles == {Role.GEBIEDSREGISSEUR}
        assert my_actions(session, account="tessa", today=ANCHOR)  # something to tick off
        accounts = [m.account for m in session.scalars(select(TeamMember))]
    assert all(accounts)  # colleagues have accounts too (the part of their address before @)
    assert len(set(accounts)) == len(accounts)


def test_a_login_equal_to_a_fake_account_takes_it_over(database: Database, tmp_path: Path) -> None:
    with database.unit_of_work("test") as session:
        demo.generate(session, size="small", seed=7, anchor=ANCHOR)
        fake = session.scalars(select(TeamMember.account).order_by(TeamMember.name)).first()
    assert fake
    login = fake.upper()  # Windows logins come in any case
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}", app_paths(tmp_path), actor=login)
    try:
        with other.database.unit_of_work(login) as session:
            demo.generate(session, size="small", seed=7, anchor=ANCHOR, account=login)
        with other.database.read_session(login) as session:
            accounts = [m.account for m in session.scalars(select(TeamMember))]
            me = member_for_account(session, login)
            assert me is not None
            assert {a.role for a in list_assignments(session, member_id=me.id)} == {
                Role.GEBIEDSREGISSEUR
            }
    finally:
        other.database.dispose()
    assert accounts.count(None) == 1  # the fake one gave way
    assert sorted(a.casefold() for a in accounts if a).count(fake.casefold()) == 1
