"""'Mijn acties': the signed-in user's open actions, overdue first in red, Space ticks one off."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gebiedsapp.domain import ActionStatus, FollowUp
from gebiedsapp.services import teams
from gebiedsapp.services.actions import create_follow_up, member_for_account
from gebiedsapp.services.areas import find_area
from gebiedsapp.ui import palette
from gebiedsapp.ui.actions import (
    NO_ACCOUNT_HINT,
    ActionsModel,
    MyActionsScreen,
)
from gebiedsapp.ui.context import ACTIONS, TEAM, AppContext
from gebiedsapp.ui.main_window import ACTIONS as ACTIONS_SCREEN
from gebiedsapp.ui.main_window import MainWindow
from gebiedsapp.ui.palette import ColourRole
from support.clicks import activate, click_row, focused, tick

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TODAY = date.today()


def _member(context: AppContext, name: str, account: str | None) -> uuid.UUID:
    with context.database.unit_of_work("test") as session:
        member = teams.add_member(session, name=name)
        if account is not None:
            teams.update_member(
                session,
                member.id,
                name=name,
                organisation="",
                email="",
                phone="",
                active=True,
                account=account,
            )
        return member.id


def _action(context: AppContext, text: str, owner: uuid.UUID, due: date | None) -> uuid.UUID:
    with context.database.unit_of_work("test") as session:
        return create_follow_up(
            session,
            description=text,
            area_id=find_area(session, "Beerta").id,
            owner_id=owner,
            due_date=due,
        ).id


def _status(context: AppContext, action_id: uuid.UUID) -> tuple[ActionStatus, date | None]:
    with context.read() as session:
        action = session.get(FollowUp, action_id)
        assert action is not None
        return action.status, action.done_on


@pytest.fixture
def mine(context: AppContext) -> dict[str, uuid.UUID]:
    """Two actions of the user 'test' (the later one created first) and one of a colleague."""
    me = _member(context, "Tessa Testema", "test")
    colleague = _member(context, "Bram Voorbeeldstra", "bram")
    return {
        "later": _action(context, "Terugbellen over de speeltuin", me, TODAY + timedelta(days=5)),
        "overdue": _action(context, "Verslag naar de dorpsvereniging", me, TODAY - timedelta(3)),
        "other": _action(context, "Iets van Bram", colleague, TODAY - timedelta(days=1)),
    }


@pytest.fixture
def screen(qtbot: QtBot, context: AppContext) -> MyActionsScreen:
    widget = MyActionsScreen(context)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    return widget


def _show(qtbot: QtBot, screen: MyActionsScreen) -> None:
    screen.show()
    qtbot.waitExposed(screen)


def test_open_actions_soonest_first_with_overdue_in_red(
    qtbot: QtBot, screen: MyActionsScreen, mine: dict[str, uuid.UUID], qtmodeltester: ModelTester
) -> None:
    _show(qtbot, screen)
    model = screen.model
    assert [row.id for row in model.rows] == [mine["overdue"], mine["later"]]  # not Bram's
    assert not screen.hint.isVisible()

    due = model.index(0, ActionsModel.COL_DUE)
    assert "te laat" in due.data()
    colour = due.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QBrush)
    assert colour.color() == palette.colour(ColourRole.OVERDUE)
    font = due.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.bold()
    assert model.index(0, ActionsModel.COL_DESCRIPTION).data(Qt.ItemDataRole.ForegroundRole)

    later = model.index(1, ActionsModel.COL_DUE)
    assert "te laat" not in later.data()
    assert later.data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, ActionsModel.COL_SOURCE).data() == "—"  # no conversation or contact
    assert "1 te laat" in screen.count_label.text()
    qtmodeltester.check(model)


def test_space_marks_the_selected_action_done(
    qtbot: QtBot, screen: MyActionsScreen, mine: dict[str, uuid.UUID], context: AppContext
) -> None:
    _show(qtbot, screen)
    click_row(qtbot, screen.table, 1)
    assert screen.selected_action() is not None
    assert screen.selected_action().id == mine["later"]  # type: ignore[union-attr]
    with qtbot.waitSignal(context.hub.changed):
        qtbot.keyClick(screen.table, Qt.Key.Key_Space)

    assert _status(context, mine["later"]) == (ActionStatus.GEDAAN, date.today())
    assert _status(context, mine["overdue"])[0] is ActionStatus.OPEN
    assert [row.id for row in screen.model.rows] == [mine["overdue"]]  # it disappeared
    assert screen.selected_action() is not None  # the next one is ready for the next Space

    # a wrong keystroke is undone with one click
    qtbot.mouseClick(screen.undo_button, Qt.MouseButton.LeftButton)
    assert _status(context, mine["later"]) == (ActionStatus.OPEN, None)
    assert len(screen.model.rows) == 2


def test_done_button_and_show_closed(
    qtbot: QtBot, screen: MyActionsScreen, mine: dict[str, uuid.UUID], context: AppContext
) -> None:
    _show(qtbot, screen)
    click_row(qtbot, screen.table, 0)
    qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
    assert _status(context, mine["overdue"])[0] is ActionStatus.GEDAAN
    assert [row.id for row in screen.model.rows] == [mine["later"]]

    tick(qtbot, screen.show_closed)
    assert not screen.table.isColumnHidden(ActionsModel.COL_STATUS)
    ids = [row.id for row in screen.model.rows]
    assert ids == [mine["later"], mine["overdue"]]  # open first; never a colleague's
    done = screen.model.index(1, ActionsModel.COL_STATUS)
    assert done.data() == "Gedaan"
    assert done.data(Qt.ItemDataRole.ForegroundRole) is not None  # muted

    # Space on a done one opens it again
    click_row(qtbot, screen.table, 1)
    qtbot.keyClick(screen.table, Qt.Key.Key_Space)
    assert _status(context, mine["overdue"]) == (ActionStatus.OPEN, None)


def test_hint_when_the_account_is_not_linked(
    qtbot: QtBot, screen: MyActionsScreen, context: AppContext
) -> None:
    colleague = _member(context, "Bram Voorbeeldstra", "bram")
    _action(context, "Iets van Bram", colleague, TODAY)
    _show(qtbot, screen)
    assert screen.hint.isVisible()
    assert screen.hint_text.text() == NO_ACCOUNT_HINT
    assert screen.model.rowCount() == 0
    assert not screen.done_button.isEnabled()

    # once the beheerder links the account, the list follows
    with context.database.unit_of_work("test") as session:
        me = teams.add_member(session, name="Tessa Testema")
        teams.update_member(
            session, me.id, name=me.name, organisation="", email="", phone="", active=True,
            account="test",
        )  # fmt: skip
        create_follow_up(
            session, description="Mijn actie", area_id=find_area(session, "Beerta").id,
            owner_id=me.id, due_date=None,
        )  # fmt: skip
    context.hub.announce(TEAM, ACTIONS)
    assert not screen.hint.isVisible()
    assert [row.description for row in screen.model.rows] == ["Mijn actie"]
    assert screen.model.index(0, ActionsModel.COL_DUE).data() == "geen datum"


def test_hidden_screen_reloads_when_shown(
    qtbot: QtBot, screen: MyActionsScreen, mine: dict[str, uuid.UUID], context: AppContext
) -> None:
    _show(qtbot, screen)
    screen.hide()
    with context.database.unit_of_work("test") as session:
        me = member_for_account(session, "test")
        assert me is not None
        create_follow_up(
            session, description="Nieuw", area_id=find_area(session, "Beerta").id,
            owner_id=me.id, due_date=TODAY,
        )  # fmt: skip
    context.hub.announce(ACTIONS)
    assert len(screen.model.rows) == 2  # not reloaded while hidden
    _show(qtbot, screen)
    assert len(screen.model.rows) == 3


def test_space_ticks_off_the_first_action_on_the_first_visit(
    qtbot: QtBot, window: MainWindow, mine: dict[str, uuid.UUID], context: AppContext
) -> None:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    screen = window.screens[ACTIONS_SCREEN]
    assert isinstance(screen, MyActionsScreen)
    assert focused() is screen.table  # not a button or the 'Toon ook afgeronde' box
    with qtbot.waitSignal(context.hub.changed):
        qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert _status(context, mine["overdue"]) == (ActionStatus.GEDAAN, date.today())  # the top one
    assert not screen.show_closed.isChecked()
