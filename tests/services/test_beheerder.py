"""The beheerder role (issue 6): once someone is named beheerder, only beheerders change areas,
teams, reference data, the backup folder and retention, and handle AVG requests; the window
and the CLI are refused alike, and nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from gebiedsapp import cli
from gebiedsapp.domain import AreaKind, Theme, reference_id
from gebiedsapp.services import areas, backups, retention, subject_access, taxonomy, teams
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.permissions import MANAGE_REFUSED, may_manage
from gebiedsapp.storage.database import Database
from support.dbfile import key_of


def _name_beheerder(database: Database, account: str = "anna") -> None:
    with database.unit_of_work(account) as session:  # the first beheerder names herself
        member = teams.add_member(session, name="Anna Beheerstra")
        teams.update_member(
            session, member.id, name=member.name, organisation="Gemeente Oldambt", email="",
            phone="", active=True, account=account,
        )  # fmt: skip
        teams.set_beheerder(session, member.id, True)


def test_until_a_beheerder_is_named_everyone_may_manage(database: Database) -> None:
    with database.read_session("wie-dan-ook") as session:
        assert may_manage(session, "wie-dan-ook")
    _name_beheerder(database)
    with database.read_session() as session:
        assert may_manage(session, "anna")
        assert not may_manage(session, "bob")
        assert not may_manage(session, "")


SETTINGS_CHANGES = {
    "area": lambda s, _tmp: areas.create_area(
        s, name="Nieuw", kind=AreaKind.GEBIED, parent_id=reference_id("area", "oldambt")
    ),
    "theme": lambda s, _tmp: taxonomy.save_theme(s, theme_id=None, name="Nieuw", parent_id=None),
    "member": lambda s, _tmp: teams.add_member(s, name="Bob Bobsma"),
    "backup folder": lambda s, tmp: backups.set_backup_dir(s, tmp),
    "retention": lambda s, _tmp: retention.save_settings(s, retention.RetentionSettings(30, 5)),
    "inzage": lambda s, _tmp: subject_access.find_people(s, "Jansen"),
}


@pytest.mark.parametrize("change", SETTINGS_CHANGES)
def test_only_a_beheerder_changes_the_settings(
    database: Database, tmp_path: Path, change: str
) -> None:
    _name_beheerder(database)
    before = _fingerprint(database)
    with pytest.raises(ValidationError) as refused, database.unit_of_work("bob") as session:
        SETTINGS_CHANGES[change](session, tmp_path)
    assert refused.value.message == MANAGE_REFUSED
    assert _fingerprint(database) == before
    with database.unit_of_work("anna") as session:  # the beheerder may
        SETTINGS_CHANGES[change](session, tmp_path)


def _fingerprint(database: Database) -> tuple[int, ...]:
    from gebiedsapp.domain import AppSetting, Area, AuditEntry, TeamMember

    with database.sessions() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Area, Theme, TeamMember, AppSetting, AuditEntry)
        )


def test_a_beheerder_needs_an_account_and_the_last_one_stays(database: Database) -> None:
    with database.unit_of_work("x") as session:
        nobody = teams.add_member(session, name="Zonder Account")
    with pytest.raises(ValidationError, match="geen account"), database.unit_of_work("x") as s:
        teams.set_beheerder(s, nobody.id, True)
    _name_beheerder(database)
    with database.read_session() as session:
        (anna,) = [m for m in teams.list_members(session) if m.beheerder]
    for leave in (
        lambda s: teams.set_beheerder(s, anna.id, False),
        lambda s: teams.update_member(
            s, anna.id, name=anna.name, organisation="", email="", phone="", active=False
        ),
    ):
        with (
            pytest.raises(ValidationError, match="laatste beheerder"),
            database.unit_of_work("anna") as session,
        ):
            leave(session)
    with database.read_session() as session:
        assert [m.beheerder for m in teams.list_members(session) if m.id == anna.id] == [True]


@pytest.mark.usefixtures("cli_environment")
def test_the_cli_refuses_a_settings_change_by_someone_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "cli.db"
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(db)]
    assert cli.main([*base, "areas"]) == 0
    database = Database.connect(f"sqlite:///{db}", key_of(db))
    try:
        _name_beheerder(database)
    finally:
        database.dispose()
    capsys.readouterr()
    assert cli.main([*base, "privacy", "settings", "--retention-days", "400"]) == 2
    assert "alleen een beheerder" in capsys.readouterr().err
    monkeypatch.setenv("GEBIEDSAPP_USER", "anna")
    assert cli.main([*base, "privacy", "settings", "--retention-days", "400"]) == 0


def test_nobody_is_locked_out_of_the_settings(database: Database) -> None:
    """The first beheerder is whoever names one; the last one's account stays reachable; the
    account compares without case (Windows)."""
    with database.unit_of_work("bob") as session:
        anna = teams.add_member(session, name="Anna Beheerstra")
        teams.update_member(
            session, anna.id, name=anna.name, organisation="", email="", phone="", active=True,
            account="anna",
        )  # fmt: skip
    with (  # a typo, or someone else: refused
        pytest.raises(ValidationError, match="Maak eerst uzelf"),
        database.unit_of_work("bob") as session,
    ):
        teams.set_beheerder(session, anna.id, True)
    with database.unit_of_work("ANNA") as session:  # her Windows account, other case
        teams.set_beheerder(session, anna.id, True)
    with database.read_session() as session:
        assert may_manage(session, "Anna")
        assert not may_manage(session, "bob")
    for account in ("", "anne"):  # cleared, or a typo: nobody could manage any more
        with (
            pytest.raises(ValidationError, match="laatste beheerder"),
            database.unit_of_work("anna") as session,
        ):
            teams.update_member(
                session, anna.id, name=anna.name, organisation="", email="", phone="",
                active=True, account=account,
            )  # fmt: skip
    with database.read_session() as session:
        assert may_manage(session, "anna")
