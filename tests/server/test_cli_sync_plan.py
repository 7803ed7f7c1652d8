"""`gebiedsapp sync --dry-run` lists what a real sync would move (issue 16): a team member's
reference rows that only their laptop has wait for a beheerder and are listed apart, not as
"versturen"; reference rows equal to the server's move nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from gebiedsapp import cli
from gebiedsapp.domain import Partner, PartnerKind, Theme, reference_id
from gebiedsapp.services import server as rights
from gebiedsapp.storage.sync_tracking import sync_outbox, sync_row
from support.sync_world import EENZAAMHEID, TEAM_PASSWORD, RightsWorld, make_team

pytestmark = pytest.mark.usefixtures("cli_environment")
LOCAL_PARTNER = reference_id("partner", "dorpsbelang-beerta")


@pytest.fixture
def early(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[RightsWorld]:
    """The server set up and anna's login made (an opbouwwerker: no beheerder)."""
    for team in make_team(tmp_path, migrated_template, pg_url):
        assert team.server is not None
        logins = {"anna": f"{make_url(pg_url).database}_anna"}
        rights.set_up(team.server)
        rights.add_user(
            team.server, account=logins["anna"], role="opbouwwerker", password=TEAM_PASSWORD
        )
        yield RightsWorld(team, logins, {})


def _plan_rows(out: str) -> dict[str, tuple[int, int, int]]:
    """{table: (versturen, ophalen, wacht)} from the dry run's table."""
    rows = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and all(p.isdigit() for p in parts[1:]):
            rows[parts[0]] = (int(parts[1]), int(parts[2]), int(parts[3]))
    return rows


def _gebiedsapp(world: RightsWorld, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    returned = cli.main(
        [
            "--data-dir", str(world.team.folder / "cli"),
            "--database", str(world.team.folder / "anna.db"),
            "sync", "--server", world.address("anna"), *args,
        ]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert returned == 0, out + err
    return out + err


def test_a_dry_run_lists_held_back_reference_rows_apart_not_as_sent(
    early: RightsWorld, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    anna = early.team.laptop("anna")
    with anna.unit_of_work("anna") as session:  # an older load of a theme, and a new partner
        theme = session.get(Theme, EENZAAMHEID)
        assert theme is not None
        theme.name = "Eenzaam"
        session.add(
            Partner(
                id=LOCAL_PARTNER, key="dorpsbelang-beerta", name="Dorpsbelang Beerta",
                kind=PartnerKind.BEWONERSORGANISATIE,
            )
        )  # fmt: skip
    with anna.engine.connect() as connection:
        waiting = int(connection.scalar(select(func.count()).select_from(sync_outbox)) or 0)
    assert waiting > 2  # her own load of the reference data waits as well
    monkeypatch.setenv("GEBIEDSAPP_TEAMSERVER_PASSWORD", TEAM_PASSWORD)
    anna.dispose()  # the CLI opens the file itself

    planned = _gebiedsapp(early, capsys, "--dry-run")

    rows = _plan_rows(planned)
    assert rows["partner"] == (0, 0, 1)  # waits for a beheerder: not "versturen"
    assert rows["theme"][0] == 0  # replaced by the server's, not sent
    assert sum(push for push, _pull, _held in rows.values()) == 0
    assert "Wacht op een beheerder: 1 referentiegegevens" in planned
    assert "1 referentiegegevens op deze laptop wijken af" in planned
    with anna.engine.connect() as connection:  # the dry run changed nothing
        assert connection.scalar(select(func.count()).select_from(sync_outbox)) == waiting
    assert early.team.server is not None
    with early.team.server.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(sync_row)) == 0

    done = _gebiedsapp(early, capsys)  # the real sync does what the plan said

    assert "0 verstuurd" in done
    assert "Nog te versturen: 1." in done
    assert "geweigerd" not in done
