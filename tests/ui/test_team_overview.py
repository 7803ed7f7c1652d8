"""'Wie werkt waar': the overview lists assignments per area and per wethouder on a date."""

from __future__ import annotations

from datetime import date

import pytest

from gebiedsapp.domain import Role
from gebiedsapp.services import teams
from gebiedsapp.services.areas import find_area
from gebiedsapp.ui.context import TEAM, AppContext
from gebiedsapp.ui.formatting import to_qdate
from gebiedsapp.ui.team_overview import NOBODY, TeamOverviewModel, TeamOverviewScreen


@pytest.fixture
def screen(qtbot, context: AppContext) -> TeamOverviewScreen:  # type: ignore[no-untyped-def]
    widget = TeamOverviewScreen(context)
    qtbot.addWidget(widget)
    assert widget.area_model.rowCount() == 0  # nothing loaded while hidden
    widget.show()
    return widget


def _row_of(screen: TeamOverviewScreen, area: str) -> int:
    for row, item in enumerate(screen.area_model.rows):
        if item.area_name == area:
            return row
    raise AssertionError(f"{area} not in overview")


def _cell(screen: TeamOverviewScreen, area: str, column: int) -> str:
    model = screen.area_model
    value = model.index(_row_of(screen, area), column).data()
    assert isinstance(value, str)
    return value


def test_lists_every_area_with_empty_roles_on_a_fresh_database(screen: TeamOverviewScreen) -> None:
    names = [row.area_name for row in screen.area_model.rows]
    assert names[0] == "Oldambt"
    assert "Nieuwolda" in names
    assert "Bloemenbuurt" in names
    assert _cell(screen, "Beerta", TeamOverviewModel.COL_WETHOUDER) == NOBODY
    assert screen.wethouder_model.rowCount() == 0


def test_shows_assignments_on_the_chosen_day(
    screen: TeamOverviewScreen, context: AppContext
) -> None:
    with context.database.unit_of_work("test") as session:
        regisseur = teams.add_member(session, name="Carla Fictiefsma")
        wethouder = teams.add_member(session, name="Daan Demoer")
        beerta = find_area(session, "Beerta").id
        drieborg = find_area(session, "Drieborg").id
        teams.assign(session, member_id=regisseur.id, area_id=beerta,
                     role=Role.GEBIEDSREGISSEUR, start_date=date(2025, 1, 1),
                     end_date=date(2025, 12, 31))  # fmt: skip
        for area in (beerta, drieborg):
            teams.assign(session, member_id=wethouder.id, area_id=area,
                         role=Role.GEBIEDSWETHOUDER, start_date=date(2024, 5, 1))  # fmt: skip
    context.hub.announce(TEAM)
    screen.date_edit.setDate(to_qdate(date(2025, 6, 1)))
    assert _cell(screen, "Beerta", TeamOverviewModel.COL_REGISSEUR) == "Carla Fictiefsma"
    assert _cell(screen, "Beerta", TeamOverviewModel.COL_WETHOUDER) == "Daan Demoer"
    assert _cell(screen, "Drieborg", TeamOverviewModel.COL_REGISSEUR) == NOBODY
    wethouders = [(r.name, r.areas) for r in screen.wethouder_model.rows]
    assert wethouders == [("Daan Demoer", ("Beerta", "Drieborg"))]

    # the regisseur's term ended: on a later day the column is empty again
    screen.date_edit.setDate(to_qdate(date(2026, 2, 1)))
    assert _cell(screen, "Beerta", TeamOverviewModel.COL_REGISSEUR) == NOBODY
    # before the wethouder started there was nobody either
    screen.date_edit.setDate(to_qdate(date(2024, 1, 1)))
    assert screen.wethouder_model.rowCount() == 0


def test_models_pass_the_model_tester(screen: TeamOverviewScreen, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(screen.area_model)
    qtmodeltester.check(screen.wethouder_model)


def test_edit_button_asks_for_the_team_editor(screen: TeamOverviewScreen, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    with qtbot.waitSignal(screen.edit_team_requested):
        qtbot.mouseClick(screen.edit_button, Qt.MouseButton.LeftButton)


def test_hidden_screen_reloads_when_shown_again(
    screen: TeamOverviewScreen, context: AppContext
) -> None:
    screen.hide()
    with context.database.unit_of_work("test") as session:
        member = teams.add_member(session, name="Eline Nepkema")
        teams.assign(session, member_id=member.id, area_id=find_area(session, "Beerta").id,
                     role=Role.OPBOUWWERKER, start_date=date(2020, 1, 1))  # fmt: skip
    context.hub.announce(TEAM)
    assert _cell(screen, "Beerta", TeamOverviewModel.COL_OPBOUWWERKER) == NOBODY  # still stale
    screen.show()
    assert _cell(screen, "Beerta", TeamOverviewModel.COL_OPBOUWWERKER) == "Eline Nepkema"
