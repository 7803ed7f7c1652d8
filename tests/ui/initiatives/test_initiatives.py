"""The initiatives screen driven by keyboard, checked through the services afterwards."""

from __future__ import annotations

import enum
import functools
import gc
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from gebiedsapp.domain import Initiative, InitiativeStatus
from gebiedsapp.services import teams
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.errors import NotFoundError
from gebiedsapp.services.history import history
from gebiedsapp.services.initiatives import (
    InitiativeInput,
    MilestoneInput,
    create_initiative,
    get_initiative,
)
from gebiedsapp.services.list_exports import ExportOptions
from gebiedsapp.services.taxonomy import list_themes
from gebiedsapp.ui.contacts.history import HistoryDialog
from gebiedsapp.ui.context import INITIATIVES, TEAM, AppContext
from gebiedsapp.ui.formatting import format_date, to_qdate
from gebiedsapp.ui.initiatives import InitiativesScreen
from gebiedsapp.ui.initiatives import screen as screen_module
from gebiedsapp.ui.initiatives.history import initiative_history
from gebiedsapp.ui.initiatives.models import InitiativesModel, MilestonesModel, parse_day
from gebiedsapp.ui.initiatives.widgets import NO_DATE
from gebiedsapp.ui.main_window import INITIATIVES as INITIATIVES_SCREEN
from gebiedsapp.ui.main_window import MainWindow
from gebiedsapp.ui.prompts import Leave

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TODAY = date.today()


# ---- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture
def anna(context: AppContext) -> uuid.UUID:
    with context.database.unit_of_work("test") as session:
        return teams.add_member(session, name="Anna Opbouw").id


@pytest.fixture
def screen(
    qtbot: QtBot, context: AppContext, beerta: uuid.UUID, anna: uuid.UUID
) -> InitiativesScreen:
    widget = InitiativesScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.set_area(beerta)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    idle(qtbot, context)
    return widget


@pytest.fixture
def answer(
    leave_answers: Callable[[ModuleType, Leave], list[Leave]],
) -> Callable[[Leave], list[Leave]]:
    """Answer 'Opslaan / Weggooien / Annuleren' without a modal box."""
    return functools.partial(leave_answers, screen_module)


def idle(qtbot: QtBot, context: AppContext) -> None:
    qtbot.waitUntil(lambda: not context.background.busy())


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def count(context: AppContext) -> int:
    with context.read() as session:
        return int(session.scalar(select(func.count()).select_from(Initiative)) or 0)


def stored(context: AppContext) -> list[Initiative]:
    with context.read() as session:
        return list(session.scalars(select(Initiative).where(Initiative.deleted_at.is_(None))))


def theme_id(context: AppContext, name: str) -> uuid.UUID:
    with context.read() as session:
        return next(t.id for t in list_themes(session) if t.name == name)


def make(context: AppContext, data: InitiativeInput) -> uuid.UUID:
    with context.database.unit_of_work("test") as session:
        row_id = create_initiative(session, data, today=TODAY).id
    context.hub.announce(INITIATIVES)
    return row_id


def base(area_id: uuid.UUID, title: str = "Speeltuin Hoofdstraat") -> InitiativeInput:
    return InitiativeInput(area_id=area_id, title=title, started_on=TODAY - timedelta(days=60))


def titles(screen: InitiativesScreen) -> list[str]:
    return [row.title for row in screen.model.rows]


# ---- recording --------------------------------------------------------------------------------


def test_a_new_initiative_is_recorded_by_keyboard(
    qtbot: QtBot,
    screen: InitiativesScreen,
    context: AppContext,
    beerta: uuid.UUID,
    messages: list[str],
) -> None:
    screen.new_initiative()
    assert focused() is screen.form.title_edit
    type_text(qtbot, "Moestuin achter het dorpshuis")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.form.area_combo
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.form.status_combo
    press(qtbot, Qt.Key.Key_Down)  # Idee → In voorbereiding
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.form.supporter_combo
    press(qtbot, Qt.Key.Key_Down)  # (niemand) → Anna Opbouw
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.form.started_edit
    for _section in ("month", "year", "out"):  # Tab walks the date's parts, then on
        press(qtbot, Qt.Key.Key_Tab)
    # the end date is off for a running initiative: skipped
    assert focused() is screen.form.carried_edit
    type_text(qtbot, "Tuinclub De Wortel")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "1.250,50")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "750")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.form.source_edit
    type_text(qtbot, "Leefbaarheidsbudget")
    screen.form.themes.filter.setFocus()
    type_text(qtbot, "eenz")
    press(qtbot, Qt.Key.Key_Return)  # ticks Eenzaamheid
    screen.form.description_edit.setFocus()
    type_text(qtbot, "Een moestuin voor en door de buurt.")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Hulp bij de aanvraag.")

    qtbot.mouseClick(screen.form.milestones.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, "Grond gehuurd")
    press(qtbot, Qt.Key.Key_Tab)  # on to Streefdatum
    type_text(qtbot, "1-9-2030")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # saves, cell and all

    assert messages == []
    [row] = stored(context)
    with context.read() as session:
        view = get_initiative(session, row.id)
    assert view.title == "Moestuin achter het dorpshuis"
    assert view.area_id == beerta
    assert view.status is InitiativeStatus.VOORBEREIDING
    assert view.started_on == TODAY
    assert view.ended_on is None
    assert view.carried_by == "Tuinclub De Wortel"
    assert view.supporter_name == "Anna Opbouw"
    assert (view.budget_requested, view.budget_granted) == (1_250_50, 750_00)
    assert view.budget_source == "Leefbaarheidsbudget"
    assert view.theme_ids == (theme_id(context, "Eenzaamheid"),)
    assert view.description == "Een moestuin voor en door de buurt."
    assert view.support == "Hulp bij de aanvraag."
    [step] = view.milestones
    assert (step.description, step.due_on, step.reached_on) == (
        "Grond gehuurd",
        date(2030, 9, 1),
        None,
    )
    # it stays open for the next change, now as the stored one; the list shows it
    assert screen.editing_id == row.id
    assert screen.status.text() == "Initiatief opgeslagen: Moestuin achter het dorpshuis"
    assert screen.form.granted_edit.text() == "€ 750"
    assert screen.form.requested_edit.text() == "€ 1.250,50"
    qtbot.waitUntil(lambda: titles(screen) == ["Moestuin achter het dorpshuis"])
    assert screen.list_label.text() == "1 lopend initiatief"


def test_editing_keeps_the_milestone_and_its_history(
    qtbot: QtBot,
    screen: InitiativesScreen,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    initiative_id = make(
        context,
        replace(
            base(beerta),
            budget_granted=500_00,
            milestones=(
                MilestoneInput("Vergunning rond", due_on=TODAY - timedelta(days=3)),
                MilestoneInput("Opening", due_on=TODAY + timedelta(days=40)),
            ),
        ),
    )
    with context.read() as session:
        before = get_initiative(session, initiative_id)
    qtbot.waitUntil(lambda: titles(screen) == ["Speeltuin Hoofdstraat"])
    # the late milestone is marked in the list
    cell = screen.model.index(0, InitiativesModel.COL_NEXT)
    assert cell.data() == f"{format_date(TODAY - timedelta(days=3))} · Vergunning rond"
    assert cell.data(Qt.ItemDataRole.FontRole).bold()
    assert "Te laat" in cell.data(Qt.ItemDataRole.ToolTipRole)

    # open it with Enter in the list
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.model.index(0, 0))
    press(qtbot, Qt.Key.Key_Return)
    assert screen.editing_id == initiative_id
    assert screen.form.title_edit.text() == "Speeltuin Hoofdstraat"
    assert screen.form.granted_edit.text() == "€ 500"

    milestones = screen.form.milestones
    milestones.table.setFocus()
    milestones.table.setCurrentIndex(milestones.model.index(0, MilestonesModel.COL_REACHED))
    qtbot.mouseClick(milestones.reached_button, Qt.MouseButton.LeftButton)
    assert milestones.model.rows[0].reached == format_date(TODAY)
    screen.form.title_edit.setFocus()
    screen.form.title_edit.selectAll()
    type_text(qtbot, "Speeltuin De Klimboom")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    with context.read() as session:
        after = get_initiative(session, initiative_id)
        entries = history(session, "initiative", initiative_id)
    assert after.title == "Speeltuin De Klimboom"
    assert [m.id for m in after.milestones] == [m.id for m in before.milestones]
    assert after.milestones[0].reached_on == TODAY
    assert after.next_milestone is not None
    assert after.next_milestone.description == "Opening"
    assert len(entries) == 1
    assert set(entries[0].changes) == {"title", "milestones"}
    assert screen.status.text() == "Wijziging opgeslagen: Speeltuin De Klimboom"

    lines = {
        (line.field, line.old, line.new) for line in initiative_history(context, initiative_id)
    }
    assert ("Naam", "Speeltuin Hoofdstraat", "Speeltuin De Klimboom") in lines
    [steps] = [line for line in lines if line[0] == "Mijlpalen"]
    assert (
        f"Vergunning rond (streefdatum {format_date(TODAY - timedelta(days=3))}, bereikt "
        in (steps[2])
    )
    assert screen.history_button.isEnabled()
    shown: list[str] = []

    def exec_dialog(dialog: HistoryDialog) -> int:
        shown.extend(line.field for line in dialog.model.rows)
        return 0

    monkeypatch.setattr(HistoryDialog, "exec", exec_dialog)
    qtbot.mouseClick(screen.history_button, Qt.MouseButton.LeftButton)
    assert sorted(shown) == ["Mijlpalen", "Naam"]


def test_an_end_status_enables_and_requires_the_end_date(
    qtbot: QtBot, screen: InitiativesScreen, context: AppContext, messages: list[str]
) -> None:
    form = screen.form
    screen.new_initiative()
    type_text(qtbot, "Buurtfeest 2025")
    assert not form.ended_edit.isEnabled()
    form.status_combo.setFocus()
    press(qtbot, Qt.Key.Key_End)  # Gestopt
    press(qtbot, Qt.Key.Key_Up)  # Afgerond
    assert form.status is InitiativeStatus.AFGEROND
    assert form.ended_edit.isEnabled()
    assert form.ended_edit.date() == to_qdate(TODAY)
    press(qtbot, Qt.Key.Key_Down)
    assert form.ended_label.text() == "Gestopt op:"
    press(qtbot, Qt.Key.Key_Up)
    assert form.ended_label.text() == "Afgerond op:"

    form.ended_edit.setDate(NO_DATE)  # '—': no end date
    assert form.ended_edit.text() == "—"
    screen.save()
    assert messages == ["Vul in wanneer het initiatief is afgerond."]
    assert focused() is form.ended_edit
    assert count(context) == 0

    form.started_edit.setDate(to_qdate(TODAY - timedelta(days=30)))
    form.ended_edit.setDate(to_qdate(TODAY - timedelta(days=1)))
    assert screen.save()
    [row] = stored(context)
    assert (row.status, row.ended_on) == (InitiativeStatus.AFGEROND, TODAY - timedelta(days=1))

    # stepping through the statuses with the arrow keys keeps the stored end day
    form.status_combo.setFocus()
    press(qtbot, Qt.Key.Key_Up)  # In uitvoering: the end day goes off
    assert not form.ended_edit.isEnabled()
    press(qtbot, Qt.Key.Key_Down)  # Afgerond again
    assert form.ended_edit.date() == to_qdate(TODAY - timedelta(days=1))
    assert not screen._is_dirty()

    # taken up again: the end date goes off and is cleared
    form.status_combo.setCurrentIndex(form.status_combo.findData("uitvoering"))
    assert not form.ended_edit.isEnabled()
    assert screen.save()
    with context.read() as session:
        assert get_initiative(session, row.id).ended_on is None


def test_a_budget_that_is_not_an_amount_writes_nothing_and_keeps_the_text(
    qtbot: QtBot, screen: InitiativesScreen, context: AppContext, messages: list[str]
) -> None:
    screen.new_initiative()
    type_text(qtbot, "Jeu de boules-baan")
    screen.form.granted_edit.setFocus()
    type_text(qtbot, "twaalf")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert messages == ["'twaalf' is geen bedrag. Schrijf het als 1.250 of 1.250,50."]
    assert count(context) == 0
    assert screen.form.granted_edit.text() == "twaalf"
    assert screen.form.title_edit.text() == "Jeu de boules-baan"
    assert focused() is screen.form.granted_edit


def test_a_milestone_date_that_is_not_one_is_reported_on_its_cell(
    qtbot: QtBot, screen: InitiativesScreen, context: AppContext, messages: list[str]
) -> None:
    screen.new_initiative()
    type_text(qtbot, "Dorpsommetje")
    qtbot.mouseClick(screen.form.milestones.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, "Route klaar")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "31-02-2030")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(messages) == 1
    assert "'31-02-2030'" in messages[0]
    assert "dd-mm-jjjj" in messages[0]
    assert count(context) == 0
    table = screen.form.milestones.table
    assert focused() is table
    assert (table.currentIndex().row(), table.currentIndex().column()) == (
        0,
        MilestonesModel.COL_DUE,
    )
    assert screen.form.milestones.model.rows[0].due == "31-02-2030"


def test_a_milestone_reached_in_the_future_is_refused_on_its_cell(
    qtbot: QtBot, screen: InitiativesScreen, context: AppContext, messages: list[str]
) -> None:
    screen.new_initiative()
    type_text(qtbot, "Dorpsommetje")
    milestones = screen.form.milestones
    for text, reached in (
        ("Route gekozen", ""),
        ("Route klaar", format_date(TODAY + timedelta(days=3))),
    ):
        milestones.add()
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: milestones.table.state() is not QAbstractItemView.State.EditingState
        )
        if reached:
            milestones.model.setData(
                milestones.model.index(len(milestones.model.rows) - 1, MilestonesModel.COL_REACHED),
                reached,
            )
    assert not screen.save()
    assert len(messages) == 1
    assert "in de toekomst" in messages[0]
    assert count(context) == 0
    index = milestones.table.currentIndex()
    assert (index.row(), index.column()) == (1, MilestonesModel.COL_REACHED)


def test_service_refusal_focuses_the_field_named(
    qtbot: QtBot, screen: InitiativesScreen, context: AppContext, messages: list[str]
) -> None:
    screen.new_initiative()
    screen.form.carried_edit.setFocus()
    type_text(qtbot, "Vereniging Dorpsbelangen")
    screen.save()  # no name
    assert messages == ["Geef het initiatief een naam."]
    assert focused() is screen.form.title_edit
    assert screen.form.carried_edit.text() == "Vereniging Dorpsbelangen"
    assert count(context) == 0


# ---- leaving ----------------------------------------------------------------------------------


def test_escape_with_unsaved_input_asks_and_cancel_keeps_it(
    qtbot: QtBot,
    screen: InitiativesScreen,
    context: AppContext,
    answer: Callable[[Leave], list[Leave]],
) -> None:
    asked = answer(Leave.CANCEL)
    screen.new_initiative()
    press(qtbot, Qt.Key.Key_Escape)  # nothing typed: nothing to ask
    assert asked == []

    type_text(qtbot, "Kerstmarkt")
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == [Leave.CANCEL]
    assert screen.form.title_edit.text() == "Kerstmarkt"

    asked = answer(Leave.DISCARD)
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == [Leave.DISCARD]
    assert screen.form.title_edit.text() == ""
    assert count(context) == 0

    asked = answer(Leave.KEEP)  # 'Opslaan'
    type_text(qtbot, "Kerstmarkt")
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == [Leave.KEEP]
    assert [r.title for r in stored(context)] == ["Kerstmarkt"]
    assert screen.editing_id is None
    assert screen.form.title_edit.text() == ""


def test_closing_the_window_asks_about_unsaved_input(
    qtbot: QtBot,
    context: AppContext,
    beerta: uuid.UUID,
    answer: Callable[[Leave], list[Leave]],
) -> None:
    settings = QSettings(str(context.paths.data_dir / "close.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    window.show()
    window.show_screen(INITIATIVES_SCREEN)
    screen = window.screen_widget(INITIATIVES_SCREEN)
    assert isinstance(screen, InitiativesScreen)
    screen.set_area(beerta)
    screen.new_initiative()
    screen.form.title_edit.setText("Kerstmarkt")
    asked = answer(Leave.CANCEL)
    assert not window.close()  # Annuleren: the window stays, with the input
    assert asked == [Leave.CANCEL]
    assert screen.form.title_edit.text() == "Kerstmarkt"
    asked = answer(Leave.KEEP)  # Opslaan: saved, then the window closes
    assert window.close()
    assert [r.title for r in stored(context)] == ["Kerstmarkt"]


def test_escape_in_a_milestone_cell_only_cancels_that_cell(
    qtbot: QtBot, screen: InitiativesScreen, answer: Callable[[Leave], list[Leave]]
) -> None:
    asked = answer(Leave.CANCEL)
    screen.new_initiative()
    type_text(qtbot, "Speelbos")
    qtbot.mouseClick(screen.form.milestones.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, "Bomen geplant")
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == []
    assert screen.form.title_edit.text() == "Speelbos"


def test_opening_another_one_asks_about_unsaved_changes(
    qtbot: QtBot,
    screen: InitiativesScreen,
    context: AppContext,
    beerta: uuid.UUID,
    answer: Callable[[Leave], list[Leave]],
) -> None:
    first = make(context, base(beerta, "Eerste"))
    second = make(context, base(beerta, "Tweede"))
    screen.edit_initiative(first)
    asked = answer(Leave.CANCEL)
    screen.edit_initiative(second)  # nothing changed: no question
    assert asked == []
    assert screen.editing_id == second
    screen.form.source_edit.setText("Dorpsfonds")
    screen.edit_initiative(first)
    assert asked == [Leave.CANCEL]
    assert screen.editing_id == second
    assert screen.form.source_edit.text() == "Dorpsfonds"
    screen.edit_initiative(second)  # opening it again keeps the changes
    assert asked == [Leave.CANCEL]
    assert screen.form.source_edit.text() == "Dorpsfonds"


def test_choices_follow_changes_made_elsewhere(
    qtbot: QtBot, screen: InitiativesScreen, context: AppContext
) -> None:
    screen.new_initiative()
    combo = screen.form.supporter_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["(niemand)", "Anna Opbouw"]
    with context.database.unit_of_work("test") as session:
        teams.add_member(session, name="Bram Buurtwerk")
    context.hub.announce(TEAM)
    qtbot.waitUntil(lambda: "Bram Buurtwerk" in [combo.itemText(i) for i in range(combo.count())])
    assert screen.form.isEnabled()
    assert not screen._is_dirty()  # a new choice offered is not unsaved input


# ---- the list ---------------------------------------------------------------------------------


def test_the_list_hides_ended_ones_unless_ticked(
    qtbot: QtBot,
    screen: InitiativesScreen,
    context: AppContext,
    beerta: uuid.UUID,
    qtmodeltester: ModelTester,
) -> None:
    make(context, replace(base(beerta, "Speeltuin"), budget_granted=1_000_00))
    make(
        context,
        replace(
            base(beerta, "Buurtfeest"),
            status=InitiativeStatus.AFGEROND,
            ended_on=TODAY - timedelta(days=1),
        ),
    )
    qtbot.waitUntil(lambda: titles(screen) == ["Speeltuin"])
    assert screen.list_label.text() == "1 lopend initiatief"
    row = screen.model.rows[0]
    assert screen.model.index(0, InitiativesModel.COL_GRANTED).data() == "€ 1.000"
    assert screen.model.index(0, InitiativesModel.COL_NEXT).data() == "—"
    assert screen.model.index(0, InitiativesModel.COL_SINCE).data() == format_date(row.started_on)
    assert screen.table.isColumnHidden(InitiativesModel.COL_AREA)  # Beerta has no sub-areas
    qtmodeltester.check(screen.model)

    screen.ended_check.setChecked(True)
    qtbot.waitUntil(lambda: sorted(titles(screen)) == ["Buurtfeest", "Speeltuin"])
    assert screen.list_label.text() == "2 initiatieven"
    qtmodeltester.check(screen.model)
    screen.ended_check.setChecked(False)
    qtbot.waitUntil(lambda: titles(screen) == ["Speeltuin"])


def test_the_list_keeps_its_rows_compact_and_opens_the_one_chosen(
    qtbot: QtBot, screen: InitiativesScreen, context: AppContext, beerta: uuid.UUID
) -> None:
    """The list lives as long as the screen: each row one tuple of texts, dates and numbers,
    no UUIDs, tuples or milestone objects for the GUI thread's garbage collections to walk
    (issue 19: on ten times the data they made its young collections long). Opening a row
    still opens that initiative."""
    theme = theme_id(context, "Eenzaamheid")
    first = make(
        context,
        replace(
            base(beerta, "Speeltuin"),
            carried_by="Buurtvereniging",
            theme_ids=(theme,),
            milestones=(MilestoneInput("Opening", due_on=TODAY - timedelta(days=2)),),
        ),
    )
    make(context, base(beerta, "Buurtfeest"))
    qtbot.waitUntil(lambda: sorted(titles(screen)) == ["Buurtfeest", "Speeltuin"])
    gc.collect()
    for row in screen.model.rows:
        held = [
            part
            for part in gc.get_referents(row)
            if gc.is_tracked(part) and not isinstance(part, (enum.Enum, type))
        ]
        assert held == [], row
    place = titles(screen).index("Speeltuin")
    title = screen.model.index(place, InitiativesModel.COL_TITLE)
    assert "Eenzaamheid" in title.data(Qt.ItemDataRole.ToolTipRole)
    assert "Buurtvereniging" in title.data(Qt.ItemDataRole.ToolTipRole)
    step = screen.model.index(place, InitiativesModel.COL_NEXT)
    assert "0 van 1 mijlpalen bereikt" in step.data(Qt.ItemDataRole.ToolTipRole)
    assert step.data(Qt.ItemDataRole.FontRole).bold()  # late
    screen.table.setFocus()
    screen.table.setCurrentIndex(title)
    press(qtbot, Qt.Key.Key_Return)  # opens it, as a double click does
    qtbot.waitUntil(lambda: screen.editing_id == first)
    assert screen.form.title_edit.text() == "Speeltuin"


def test_an_area_with_sub_areas_shows_the_area_column(
    qtbot: QtBot, screen: InitiativesScreen, context: AppContext, beerta: uuid.UUID
) -> None:
    make(context, base(beerta, "Speeltuin"))
    with context.read() as session:
        oldambt = find_area(session, "oldambt").id
    screen.set_area(oldambt)
    qtbot.waitUntil(lambda: "deelgebieden" in screen.subtitle.text())  # header from the worker
    qtbot.waitUntil(lambda: titles(screen) == ["Speeltuin"])
    assert not screen.table.isColumnHidden(InitiativesModel.COL_AREA)
    assert screen.model.index(0, InitiativesModel.COL_AREA).data() == "Beerta"


def test_the_milestones_model_passes_the_model_tester(
    qtbot: QtBot, screen: InitiativesScreen, qtmodeltester: ModelTester
) -> None:
    milestones = screen.form.milestones
    for text in ("Eerste", "Tweede"):
        milestones.add()
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Return)  # Qt commits the cell on the next turn of the loop
        qtbot.waitUntil(
            lambda: milestones.table.state() is not QAbstractItemView.State.EditingState
        )
    assert [r.description for r in milestones.model.rows] == ["Eerste", "Tweede"]
    qtmodeltester.check(milestones.model)
    milestones.table.setFocus()
    milestones.table.setCurrentIndex(milestones.model.index(0, 0))
    press(qtbot, Qt.Key.Key_Delete)  # as in a spreadsheet: the cell is emptied
    assert [r.description for r in milestones.model.rows] == ["", "Tweede"]
    press(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)  # the milestone goes
    assert [r.description for r in milestones.model.rows] == ["Tweede"]


def test_tab_past_the_last_milestone_cell_leaves_the_table_and_changes_nothing(
    qtbot: QtBot, screen: InitiativesScreen
) -> None:
    milestones = screen.form.milestones
    screen.new_initiative()
    for text in ("Eerste", "Tweede"):
        milestones.add()
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: milestones.table.state() is not QAbstractItemView.State.EditingState
        )
    last = milestones.model.index(1, MilestonesModel.COL_REACHED)
    milestones.table.setCurrentIndex(last)
    milestones.table.edit(last)
    qtbot.waitUntil(lambda: milestones.table.state() is QAbstractItemView.State.EditingState)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: focused() is milestones.add_button)
    type_text(qtbot, "X")  # before the fix this replaced the first milestone's text
    assert [r.description for r in milestones.model.rows] == ["Eerste", "Tweede"]


def test_dates_are_read_as_dutch_users_type_them() -> None:
    assert parse_day("1-9-2026") == date(2026, 9, 1)
    assert parse_day(" 01/09/26 ") == date(2026, 9, 1)
    assert parse_day("") is None
    for bad in ("31-02-2026", "morgen", "2026-09-01"):
        with pytest.raises(ValueError, match="geen datum"):
            parse_day(bad)


# ---- removing ---------------------------------------------------------------------------------


def test_remove_asks_first_and_then_hides_it(
    qtbot: QtBot,
    screen: InitiativesScreen,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    initiative_id = make(context, base(beerta, "Per ongeluk"))
    qtbot.waitUntil(lambda: titles(screen) == ["Per ongeluk"])
    screen.edit_initiative(initiative_id)
    questions: list[str] = []
    reply = [QMessageBox.StandardButton.No]

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        questions.append(text)
        return reply[0]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    qtbot.mouseClick(screen.remove_button, Qt.MouseButton.LeftButton)
    assert len(questions) == 1
    assert "'Per ongeluk' verwijderen?" in questions[0]
    assert [r.id for r in stored(context)] == [initiative_id]
    assert screen.editing_id == initiative_id

    reply[0] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(screen.remove_button, Qt.MouseButton.LeftButton)
    assert stored(context) == []
    with context.read() as session, pytest.raises(NotFoundError):
        get_initiative(session, initiative_id)
    assert screen.editing_id is None
    assert screen.status.text() == "Initiatief verwijderd: Per ongeluk"
    qtbot.waitUntil(lambda: titles(screen) == [])
    assert not screen.remove_button.isEnabled()


def test_export_takes_the_list_as_shown(
    qtbot: QtBot, screen: InitiativesScreen, context: AppContext, beerta: uuid.UUID
) -> None:
    make(context, base(beerta, "Speeltuin"))
    make(
        context,
        replace(
            base(beerta, "Buurtfeest"),
            status=InitiativeStatus.GESTOPT,
            ended_on=TODAY - timedelta(days=1),
        ),
    )

    def exported() -> list[str]:
        job = screen.export_job()
        assert not job.personal_data  # carried by groups: no residents' details to offer
        with context.read() as session:
            first, _milestones = job.build(session, ExportOptions(actor="test", today=TODAY))
            return sorted(str(row[0]) for row in first.rows)

    assert exported() == ["Speeltuin"]
    screen.ended_check.setChecked(True)
    assert exported() == ["Buurtfeest", "Speeltuin"]
    idle(qtbot, context)


def test_a_milestone_in_the_history_reads_back_even_with_a_bar_in_its_text() -> None:
    from gebiedsapp.ui.initiatives.history import _milestone

    assert _milestone("Opening | 2026-09-01 | ") == "Opening (streefdatum 01-09-2026)"
    assert _milestone("Zaal A | zaal B | 2026-09-01 | 2026-09-02") == (
        "Zaal A | zaal B (streefdatum 01-09-2026, bereikt 02-09-2026)"
    )
