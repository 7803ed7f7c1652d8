"""The Activiteiten screen driven by keyboard and mouse: record a bewonersavond with its
outcomes, themes and a linked signal; drafts and Escape; an edit with its history; the agenda
that flags a village not visited for nine weeks and saves an .ics file for Outlook."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gebiedsapp.domain import Activity, ActivityKind, DraftKind, SignalSource, reference_id
from gebiedsapp.services import activities as activity_service
from gebiedsapp.services.activities import ActivityInput
from gebiedsapp.services.drafts import list_drafts
from gebiedsapp.services.history import history
from gebiedsapp.services.koffiekar import SessionInput, start_session
from gebiedsapp.services.signals import SignalInput, create_signal
from gebiedsapp.ui.activities import ActivitiesScreen
from gebiedsapp.ui.activities import screen as screen_module
from gebiedsapp.ui.contacts.history import HistoryDialog
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import ACTIVITIES, MainWindow
from gebiedsapp.ui.prompts import Leave
from support.ics_reader import events, unescape

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TODAY = date.today()
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def double_click(qtbot: QtBot, screen: ActivitiesScreen, at: QPoint) -> None:
    """A double click as the mouse makes it: press and release, then the second press."""
    viewport = screen.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=at)


def stored(context: AppContext) -> list[Activity]:
    with context.read() as session:
        return list(session.scalars(select(Activity)))


def open_activities(
    qtbot: QtBot, window: MainWindow, context: AppContext, area: uuid.UUID
) -> ActivitiesScreen:
    """The area chosen in the tree, then Ctrl+Shift+A, as a user reaches the screen."""
    window.navigator.select(area)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL_SHIFT)
    widget = window.screens[ACTIVITIES]
    assert isinstance(widget, ActivitiesScreen)
    assert window.stack.currentWidget() is widget
    qtbot.waitUntil(lambda: not context.background.busy())
    return widget


@pytest.fixture
def screen(
    qtbot: QtBot, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> ActivitiesScreen:
    return open_activities(qtbot, window, context, beerta)


@pytest.fixture
def answer(
    leave_answers: Callable[[ModuleType, Leave], list[Leave]],
) -> Callable[[Leave], list[Leave]]:
    """Answer 'Concept bewaren / Weggooien / Annuleren' without a modal box."""
    return functools.partial(leave_answers, screen_module)


def test_record_a_bewonersavond_with_its_outcomes(
    qtbot: QtBot, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    with context.database.unit_of_work("test") as session:
        signal = create_signal(
            session,
            SignalInput(
                area_id=beerta,
                description="Zwerfvuil bij de bushalte",
                source=SignalSource.BEWONERSAVOND,
                reported_on=TODAY,
                category_id=ZWERFVUIL,
                location="Bushalte Hoofdstraat",
            ),
            today=TODAY,
        )
    screen = open_activities(qtbot, window, context, beerta)
    qtbot.waitUntil(lambda: screen.form.signals_list.count() == 1)  # the area's signals read
    form = screen.form
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    assert focused() is form.subject_edit
    type_text(qtbot, "Verkeer op de Hoofdstraat")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.attendance_spin
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "34")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "verkeer en p")
    press(qtbot, Qt.Key.Key_Return)  # ticks Verkeer en parkeren
    press(qtbot, Qt.Key.Key_Tab)  # the theme list
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.notes_edit
    type_text(qtbot, "Veel zorgen over hardrijders.")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.outcomes_edit
    type_text(qtbot, "Gemeente plaatst een snelheidsdisplay.")
    # the linked signal, by keyboard: Tab to the links, Tab into the Signalen list, Space
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.links.tabBar()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.signals_list
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)
    assert form.signals_list.checked_ids() == [signal.id]
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.save_button
    form.place_edit.setFocus()
    type_text(qtbot, "Dorpshuis")
    with qtbot.waitSignal(context.hub.changed):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    [row] = stored(context)
    with context.read() as session:
        view = activity_service.get_activity(session, row.id)
        assert list_drafts(session) == []  # deleted in the same transaction
    assert view.subject == "Verkeer op de Hoofdstraat"
    assert (view.kind, view.day, view.area_id) == (ActivityKind.BEWONERSAVOND, TODAY, beerta)
    assert (view.attendance, view.place) == (34, "Dorpshuis")
    assert view.themes == ("Verkeer en parkeren",)
    assert view.notes == "Veel zorgen over hardrijders."
    assert view.outcomes == "Gemeente plaatst een snelheidsdisplay."
    assert [s.id for s in view.signals] == [signal.id]
    assert screen.status.text() == "Activiteit opgeslagen: Verkeer op de Hoofdstraat"
    assert form.subject_edit.text() == ""  # blank for the next one
    assert form.attendance_spin.text() == "niet geteld"
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)


def test_a_fresh_form_shows_today_and_no_count(screen: ActivitiesScreen) -> None:
    """Not the widgets' defaults (1-1-2000, 0 people): those made the form count as typed in,
    so it was never cleared for the first activity."""
    assert screen.form.date_edit.date().toPython() == TODAY
    assert screen.form.attendance_spin.text() == "niet geteld"
    assert screen.form.heading.text() == "Nieuwe activiteit"


def test_no_subject_says_so_in_dutch_and_writes_nothing(
    qtbot: QtBot, screen: ActivitiesScreen, context: AppContext, messages: list[str]
) -> None:
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    form = screen.form
    form.notes_edit.setFocus()
    type_text(qtbot, "Aantekening zonder onderwerp")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert messages == ["Vul in waar de activiteit over ging."]
    assert focused() is form.subject_edit
    assert stored(context) == []


def test_typing_keeps_a_draft_and_escape_asks_first(
    qtbot: QtBot,
    screen: ActivitiesScreen,
    context: AppContext,
    answer: Callable[[Leave], list[Leave]],
) -> None:
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.autosaver.saved):
        type_text(qtbot, "Dorpsschouw voorbereiden")
    with context.read() as session:
        [draft] = list_drafts(session, kind=DraftKind.ACTIVITY)
    assert draft.payload["subject"] == "Dorpsschouw voorbereiden"

    asked = answer(Leave.CANCEL)
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == [Leave.CANCEL]
    assert screen.form.subject_edit.text() == "Dorpsschouw voorbereiden"

    asked = answer(Leave.KEEP)
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == [Leave.KEEP]
    assert screen.form.subject_edit.text() == ""
    with context.read() as session:
        assert [d.id for d in list_drafts(session)] == [draft.id]

    asked = answer(Leave.CANCEL)
    press(qtbot, Qt.Key.Key_Escape)  # an untouched form asks nothing
    assert asked == []


def test_the_window_restores_an_activity_draft_into_this_screen(
    qtbot: QtBot, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    from gebiedsapp.services.drafts import get_draft, save_draft

    payload = {
        "day": "2026-03-10",
        "start_time": "19:30:00",
        "end_time": "21:30:00",
        "kind": ActivityKind.DORPSSCHOUW.value,
        "area_id": str(beerta),
        "place": "Start bij de kerk",
        "attendance": 12,
        "subject": "Schouw speelplekken",
        "notes": "Glas bij de wip.",
        "outcomes": "",
        "theme_ids": [],
        "signal_ids": [],
        "action_ids": [],
        "initiative_ids": [],
        "new_actions": [
            {"description": "Glas laten ruimen", "owner_id": "", "owner_name": "", "due_date": ""}
        ],
        "new_action": {},
    }
    with context.database.unit_of_work("test") as session:
        draft = get_draft(
            session, save_draft(session, draft_id=None, kind=DraftKind.ACTIVITY, payload=payload)
        )
    assert draft is not None
    window.restore_draft(draft)
    screen = window.screens[ACTIVITIES]
    assert isinstance(screen, ActivitiesScreen)
    assert window.stack.currentWidget() is screen
    assert screen.form.payload() == payload
    with qtbot.waitSignal(context.hub.changed):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [row] = stored(context)
    assert (row.kind, row.start_time, row.attendance) == (
        ActivityKind.DORPSSCHOUW,
        time(19, 30),
        12,
    )


def test_an_edit_keeps_its_history_and_remove_asks_first(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    with context.database.unit_of_work("test") as session:
        activity_service.record_activity(
            session,
            ActivityInput(
                area_id=beerta,
                kind=ActivityKind.DORPSVERENIGING,
                day=TODAY - timedelta(days=3),
                subject="Jaarvergadering",
                attendance=20,
            ),
            today=TODAY,
        )
    screen = open_activities(qtbot, window, context, beerta)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    qtmodeltester.check(screen.model)
    rect = screen.table.visualRect(screen.model.index(0, 0))
    double_click(qtbot, screen, rect.center())
    assert screen.form.subject_edit.text() == "Jaarvergadering"
    assert screen.history_button.isEnabled()
    screen.form.attendance_spin.setFocus()
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "26")
    with qtbot.waitSignal(context.hub.changed):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [row] = stored(context)
    assert row.attendance == 26
    with context.read() as session:
        [entry] = history(session, "activity", row.id)
    assert entry.changes == {"attendance": [20, 26]}

    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    double_click(qtbot, screen, rect.center())
    qtbot.mouseClick(screen.history_button, Qt.MouseButton.LeftButton)
    [dialog] = shown
    assert {(x.field, x.old, x.new) for x in dialog.model.rows} == {("Aanwezig", "20", "26")}

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.No)
    )
    qtbot.mouseClick(screen.remove_button, Qt.MouseButton.LeftButton)
    assert stored(context)[0].deleted_at is None  # No: nothing removed
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.Yes)
    )
    with qtbot.waitSignal(context.hub.changed):
        qtbot.mouseClick(screen.remove_button, Qt.MouseButton.LeftButton)
    assert stored(context)[0].deleted_at is not None
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)


def test_the_agenda_flags_a_village_not_visited_for_nine_weeks(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    with context.database.unit_of_work("test") as session:
        start_session(
            session,
            SessionInput(area_id=beerta, day=TODAY - timedelta(weeks=9), place="Kerkplein"),
        )
        activity_service.record_activity(
            session,
            ActivityInput(
                area_id=beerta,
                kind=ActivityKind.BEWONERSAVOND,
                day=TODAY + timedelta(days=7),
                start_time=time(19, 30),
                end_time=time(21, 30),
                subject="Plannen, dorpshuis",
                place="Dorpshuis",
            ),
            today=TODAY,
        )
    window.navigator.select(beerta)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    screen = window.screens[ACTIVITIES]
    assert isinstance(screen, ActivitiesScreen)
    tab = screen.tabs.tabBar().tabRect(1)
    qtbot.mouseClick(screen.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tab.center())
    agenda = screen.agenda
    assert [g.name for g in agenda.gaps_model.rows] == ["Beerta"]
    assert agenda.gaps_model.index(0, 2).data() == "9"
    assert [i.title for i in agenda.upcoming_model.rows] == [
        "Bewonersavond Beerta: Plannen, dorpshuis"
    ]
    assert [i.title for i in agenda.past_model.rows] == ["Koffiekar Beerta"]

    # ten weeks: Beerta is not 'lang niet geweest' any more; the setting is kept
    agenda.weeks_spin.setFocus()
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "10")
    qtbot.waitUntil(lambda: agenda.gaps_model.rowCount() == 0)
    from gebiedsapp.services.agenda import weeks_setting

    with context.read() as session:
        assert weeks_setting(session) == 10

    # 'Opslaan als agenda (.ics)…' writes a file Outlook reads
    target = tmp_path / "beerta"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(target), "Agenda (*.ics)"))
    )
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "information",
        staticmethod(lambda _p, _t, text, *_a: told.append(text) or QMessageBox.StandardButton.Ok),
    )
    qtbot.mouseClick(agenda.ics_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "beerta.ics"
    assert told == [
        f"2 afspraken opgeslagen in {written}. Open het bestand om ze in Outlook te zetten."
    ]
    _calendar, found = events(written.read_bytes())
    assert sorted(unescape(e["SUMMARY"]) for e in found) == [
        "Bewonersavond Beerta: Plannen, dorpshuis",
        "Koffiekar Beerta",
    ]


def test_the_shortcut_works_while_typing_in_a_field(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Shift+A is not taken by a line edit (on X11 it is 'deselect' in some widgets)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # area search
    type_text(qtbot, "Bee")
    press(
        qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.stack.currentWidget() is window.screens[ACTIVITIES]


def test_the_dashboard_counts_activities_beside_the_previous_period(
    qtbot: QtBot, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    from gebiedsapp.ui.main_window import SUMMARY

    with context.database.unit_of_work("test") as session:
        for people in (30, 12):
            activity_service.record_activity(
                session,
                ActivityInput(
                    area_id=beerta,
                    kind=ActivityKind.BEWONERSAVOND,
                    day=TODAY,
                    subject="Avond",
                    attendance=people,
                ),
                today=TODAY,
            )
    window.navigator.select(beerta)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    summary = window.screens[SUMMARY]
    labels = summary.figure_labels  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: labels["activities"][0].text() == "<b>2</b>", timeout=10_000)
    assert labels["activity_attendance"][0].text() == "<b>42</b>"
    assert labels["activities"][1].text() == "0"  # the previous period


def test_the_links_follow_signals_made_elsewhere(
    qtbot: QtBot, screen: ActivitiesScreen, context: AppContext, beerta: uuid.UUID
) -> None:
    """A signal made on Signalen while this screen is open can be linked at once (the
    Signalen screen announces it, as every screen announces what it saved)."""
    from gebiedsapp.ui.context import SIGNALS

    assert screen.form.signals_list.count() == 0
    with context.database.unit_of_work("test") as session:
        create_signal(
            session,
            SignalInput(
                area_id=beerta,
                description="Lantaarnpaal kapot",
                source=SignalSource.TELEFOON,
                reported_on=TODAY,
                category_id=ZWERFVUIL,
            ),
            today=TODAY,
        )
    context.hub.announce(SIGNALS)
    assert screen.form.signals_list.count() == 1


def test_actions_agreed_at_the_evening_are_made_with_it(
    qtbot: QtBot, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    from gebiedsapp.domain import FollowUp
    from gebiedsapp.services import teams

    with context.database.unit_of_work("test") as session:
        member = teams.add_member(session, name="Olga Oefenga")
        teams.update_member(
            session, member.id, name=member.name, organisation="", email="", phone="",
            active=True, account="test",
        )  # fmt: skip
    screen = open_activities(qtbot, window, context, beerta)
    form = screen.form
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, "Bewonersavond over de brug")
    form.outcomes_edit.setFocus()
    press(qtbot, Qt.Key.Key_Tab)  # the links' tab bar
    press(qtbot, Qt.Key.Key_Right)  # Acties
    assert form.links.currentIndex() == 1
    press(qtbot, Qt.Key.Key_Tab)  # the open actions of the area (none)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.action_edit
    type_text(qtbot, "Brief aan de provincie")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "Verkeerstelling aanvragen")
    press(qtbot, Qt.Key.Key_Return)
    assert [form.actions_list.item(i).text() for i in range(2)] == [
        "Nieuw: Brief aan de provincie (Olga Oefenga)",
        "Nieuw: Verkeerstelling aanvragen (Olga Oefenga)",
    ]
    # unticking a new one takes it away again
    rect = form.actions_list.visualItemRect(form.actions_list.item(1))
    qtbot.mouseClick(form.actions_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    press(qtbot, Qt.Key.Key_Space)
    assert form.actions_list.count() == 1
    with qtbot.waitSignal(context.hub.changed):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert screen.status.text() == (
        "Activiteit opgeslagen, met 1 nieuwe actie(s): Bewonersavond over de brug"
    )
    with context.read() as session:
        [action] = session.scalars(select(FollowUp)).all()
        [row] = session.scalars(select(Activity)).all()
        view = activity_service.get_activity(session, row.id)
    assert (action.description, action.owner_id, action.area_id) == (
        "Brief aan de provincie",
        member.id,
        beerta,
    )
    assert action.due_date == TODAY + timedelta(days=14)
    assert [a.id for a in view.actions] == [action.id]


def test_the_whole_form_fits_a_1366x768_laptop_without_scrolling(
    qtbot: QtBot, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    """The notes, outcomes and lists share the height there is: each asking for its preferred
    190 px pushed Uitkomsten and Koppelingen below the fold."""
    from PySide6.QtWidgets import QScrollArea

    window.showNormal()
    window.resize(1366, 768)
    screen = open_activities(qtbot, window, context, beerta)
    scroll = next(
        s for s in screen.findChildren(QScrollArea) if s.widget().isAncestorOf(screen.form)
    )
    qtbot.waitUntil(lambda: scroll.viewport().height() > 300)
    assert scroll.verticalScrollBar().maximum() == 0
    assert scroll.horizontalScrollBar().maximum() == 0


def test_the_list_exports_as_one_table(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import csv

    from PySide6.QtWidgets import QDialog

    from gebiedsapp.services.export import CSV_DELIMITER, CSV_ENCODING
    from gebiedsapp.ui.export import ExportDialog

    with context.database.unit_of_work("test") as session:
        row = activity_service.record_activity(
            session,
            ActivityInput(
                area_id=beerta,
                kind=ActivityKind.DORPSSCHOUW,
                day=TODAY - timedelta(days=2),
                start_time=time(10),
                subject="Schouw; met de wethouder",
                attendance=11,
            ),
            today=TODAY,
        )
    screen = open_activities(qtbot, window, context, beerta)

    def choose_csv(dialog: ExportDialog) -> int:
        dialog.csv_button.setChecked(True)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ExportDialog, "exec", choose_csv)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a: (str(tmp_path / "activiteiten"), "CSV (*.csv)")),
    )
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda *_a: QMessageBox.StandardButton.Ok)
    )
    with qtbot.waitSignal(screen.exporter.exported, timeout=15_000):
        qtbot.mouseClick(screen.exporter.button, Qt.MouseButton.LeftButton)
    text = (tmp_path / "activiteiten.csv").read_text(encoding=CSV_ENCODING)
    rows = list(csv.reader(text.splitlines(), delimiter=CSV_DELIMITER))
    assert rows[0][:9] == [
        "ID", "Datum", "Begin", "Eind", "Gebied", "Soort", "Plaats", "Onderwerp", "Aanwezig",
    ]  # fmt: skip
    assert len(rows) == 2
    assert rows[1][0] == str(row.id)
    assert rows[1][2:9] == [
        "10:00",
        "",
        "Beerta",
        "Dorpsschouw",
        "",
        "Schouw; met de wethouder",
        "11",
    ]
