"""Issue 13, tried as a regisseur at the koffiekar: a theme typed that fits two is asked, the
cursor lands where the next keystroke belongs, follow-ups have an owner, and Ctrl+N on the whole
municipality asks which village. Every step is a click or a keystroke on the real widgets."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gebiedsapp.domain import FollowUp
from gebiedsapp.services.actions import member_for_account
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.koffiekar import session_conversations
from gebiedsapp.services.taxonomy import list_themes
from gebiedsapp.services.teams import add_member, update_member
from gebiedsapp.ui.area_tree import AreaNavigator
from gebiedsapp.ui.contacts.themes import ThemePicker as ContactThemes
from gebiedsapp.ui.contacts.themes import theme_options
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar import KoffiekarScreen
from gebiedsapp.ui.koffiekar.area_choice import ChooseAreaDialog
from gebiedsapp.ui.koffiekar.theme_picker import MARKED
from gebiedsapp.ui.main_window import ADMIN, KOFFIEKAR, SIGNALS, MainWindow
from gebiedsapp.ui.page import form_keys
from gebiedsapp.ui.palette import sheet
from gebiedsapp.ui.signals.form import SignalForm
from support.clicks import (
    CTRL,
    Keyboard,
    activate,
    click,
    click_empty,
    click_index,
    click_row,
    focused,
    tick,
)

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


@pytest.fixture
def me(context: AppContext) -> uuid.UUID:
    """The team member signed in as the test actor ("test")."""
    with context.database.unit_of_work("test") as session:
        member = add_member(session, name="Tessa Testema")
        update_member(
            session, member.id, name=member.name, organisation="", email="", phone="",
            active=True, account="test",
        )  # fmt: skip
        return member.id


@pytest.fixture
def screen(qtbot: QtBot, context: AppContext) -> KoffiekarScreen:
    widget = KoffiekarScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    with qtbot.waitExposed(widget):
        widget.show()
    activate(qtbot, widget)
    return widget


def start_round(qtbot: QtBot, screen: KoffiekarScreen, area_id: uuid.UUID) -> Keyboard:
    screen.set_area(area_id)  # chosen in the window's area tree
    click_empty(qtbot, screen.rounds)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, CTRL)
    assert focused() is screen.form.summary
    return keys


def answer_later(qtbot: QtBot, answer: object) -> list[QWidget]:
    """Answer the next modal dialog with `answer(dialog)`; the dialogs seen are listed."""
    seen: list[QWidget] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "no question was asked"
        seen.append(dialog)
        answer(dialog)  # type: ignore[operator]

    QTimer.singleShot(0, run)
    return seen


def click_button(qtbot: QtBot, box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def saved_themes(context: AppContext, round_id: uuid.UUID | None) -> list[tuple[str, ...]]:
    assert round_id is not None
    with context.read() as session:
        return [c.themes for c in session_conversations(session, round_id)]


def choose_area(qtbot: QtBot, navigator: AreaNavigator, area_id: uuid.UUID) -> None:
    """A click on the area in the window's tree."""
    index = navigator.proxy.mapFromSource(navigator.model.index_of(area_id))
    click_index(qtbot, navigator.tree, index)


# ---- 5: an ambiguous theme is asked, never guessed --------------------------------------------


def test_openb_is_asked_which_theme_and_saved_as_chosen(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    me: uuid.UUID,
    beerta: uuid.UUID,
    messages: list[str],
) -> None:
    keys = start_round(qtbot, screen, beerta)
    picker = screen.form.themes
    keys.type("Bus rijdt niet meer op zondag")
    keys.press(Qt.Key.Key_Tab)
    keys.type("openb")
    # before saving it is plain to see what Enter would take, and that there is a choice
    assert picker.suggestions.stringList() == ["Openbare ruimte en groen", "Openbaar vervoer"]
    assert picker.popup.isVisible()
    assert "Openbare ruimte en groen" in picker.preview.text()
    assert "2 passen" in picker.preview.text()

    asked = answer_later(qtbot, lambda box: click_button(qtbot, box, "Openbaar vervoer"))
    keys.press(Qt.Key.Key_Return, CTRL)
    assert len(asked) == 1
    assert messages == []
    assert saved_themes(context, screen.round_id) == [("Openbaar vervoer",)]
    activate(qtbot, screen)  # the question closed: the window manager brings the form back
    assert focused() is screen.form.summary  # ready for the next resident

    # a unique prefix still saves without a question (six keystrokes stay six)
    keys.type("Vraag over de bibliotheek")
    keys.press(Qt.Key.Key_Tab)
    keys.type("eenz")
    assert picker.preview.text() == "Enter kiest: Eenzaamheid"
    keys.press(Qt.Key.Key_Return, CTRL)
    assert sorted(saved_themes(context, screen.round_id)) == [
        ("Eenzaamheid",),
        ("Openbaar vervoer",),
    ]


def test_cancelling_the_question_marks_the_field_and_saves_nothing(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    me: uuid.UUID,
    beerta: uuid.UUID,
    messages: list[str],
) -> None:
    keys = start_round(qtbot, screen, beerta)
    picker = screen.form.themes
    keys.type("Stoep bij de school")
    keys.press(Qt.Key.Key_Tab)
    keys.type("openb")
    asked = answer_later(qtbot, lambda box: click_button(qtbot, box, "Annuleren"))
    keys.press(Qt.Key.Key_Return, CTRL)
    assert len(asked) == 1
    assert saved_themes(context, screen.round_id) == []
    assert picker.pending_text() == "openb"
    assert picker.edit.styleSheet() == sheet(MARKED)
    assert screen.focusWidget() is picker.edit  # the cursor, once the question has gone
    assert picker.popup.isVisible()  # the choices are shown again

    # the user picks the second with the arrow key: that choice is meant, nobody asks again
    qtbot.keyClick(picker.popup, Qt.Key.Key_Down)
    assert picker.preview.text() == "Enter kiest: Openbaar vervoer"
    assert picker.edit.styleSheet() == ""
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return, CTRL)  # the popup hands keys to the field
    assert saved_themes(context, screen.round_id) == [("Openbaar vervoer",)]


def test_contacts_theme_filter_holds_the_save_while_openb_fits_two(
    qtbot: QtBot, context: AppContext
) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    picker = ContactThemes(holder)
    picker.resize(400, 300)
    saves: list[list[str]] = []
    form_keys(holder, save=lambda: saves.append(picker.checked_names()))
    with context.read() as session:
        picker.set_options(theme_options(list_themes(session)))
    with qtbot.waitExposed(holder):
        holder.show()
    activate(qtbot, holder)
    click(qtbot, picker.filter)
    keys = Keyboard(qtbot)

    keys.type("openb")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert saves == []  # not saved with the typed theme silently dropped or guessed
    assert "past bij 2 thema's" in picker.chosen.text()
    assert picker.filter.styleSheet() != ""

    keys.press(Qt.Key.Key_Down)  # into the list, on the first match
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Space)  # ticks 'Openbaar vervoer'
    click(qtbot, picker.filter)
    keys.press(Qt.Key.Key_A, CTRL)
    keys.type("eenz")  # one match: Ctrl+Enter takes it and saves
    keys.press(Qt.Key.Key_Return, CTRL)
    assert saves == [["Openbaar vervoer", "Eenzaamheid"]]


# ---- 11: the cursor where the next keystroke belongs --------------------------------------------


def test_missing_consent_puts_the_cursor_on_the_consent_box(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    me: uuid.UUID,
    beerta: uuid.UUID,
    messages: list[str],
) -> None:
    keys = start_round(qtbot, screen, beerta)
    form = screen.form
    keys.type("Wil gebeld worden over de speeltuin")
    keys.press(Qt.Key.Key_Tab)
    keys.type("jeugd")
    keys.press(Qt.Key.Key_Return)
    tick(qtbot, form.wants_contact)
    click(qtbot, form.name)
    keys.type("Piet Proefhuis")
    keys.press(Qt.Key.Key_Tab)
    keys.type("06-12345678")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert len(messages) == 1
    assert "toestemming" in messages[0]
    assert focused() is form.consent
    keys.press(Qt.Key.Key_Space)  # the one keystroke the message asks for
    keys.press(Qt.Key.Key_Return, CTRL)
    assert len(messages) == 1
    assert saved_themes(context, screen.round_id) == [("Jeugd en jongeren",)]


@pytest.fixture
def window(window: MainWindow, qtbot: QtBot) -> MainWindow:
    activate(qtbot, window)
    return window


def test_back_from_signaal_maken_the_cursor_is_in_the_summary(
    qtbot: QtBot,
    context: AppContext,
    window: MainWindow,
    me: uuid.UUID,
    beerta: uuid.UUID,
    messages: list[str],
) -> None:
    choose_area(qtbot, window.navigator, beerta)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    koffiekar = window.screens[KOFFIEKAR]
    assert isinstance(koffiekar, KoffiekarScreen)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, CTRL)
    assert focused() is koffiekar.form.summary
    keys.type("Lantaarnpaal kapot bij de kerk")
    keys.press(Qt.Key.Key_Tab)
    keys.type("openbare r")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert messages == []

    click_row(qtbot, koffiekar.conversations, 0)
    click(qtbot, koffiekar.conversation_list.signal_button)
    assert window.stack.currentWidget() is window.screens[SIGNALS]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SignalForm))
    form = QApplication.activeModalWidget()
    assert isinstance(form, SignalForm)
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # not now
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    activate(qtbot, window)

    keys.press(Qt.Key.Key_2, CTRL)
    assert window.stack.currentWidget() is koffiekar
    assert focused() is koffiekar.form.summary


# ---- 12: follow-ups have an owner ---------------------------------------------------------------


def test_the_first_member_added_on_a_fresh_install_owns_the_koffiekar_actions(
    qtbot: QtBot, context: AppContext, window: MainWindow, beerta: uuid.UUID, messages: list[str]
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)  # Beheer: anyone may, until a beheerder is named
    admin = window.screens[ADMIN]
    tabs = admin.tabs  # type: ignore[attr-defined]
    qtbot.mouseClick(
        tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center()
    )
    team = admin.team_tab  # type: ignore[attr-defined]
    assert team.account_edit.text() == "test"  # the login of whoever adds the first member
    assert team.account_note.isVisible()
    click(qtbot, team.name_edit)
    Keyboard(qtbot).type("Tessa Testema")
    click(qtbot, team.save_member_button)
    assert messages == []
    with context.read() as session:
        member = member_for_account(session, "test")
        assert member is not None
        me = member.id

    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    choose_area(qtbot, window.navigator, beerta)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    koffiekar = window.screens[KOFFIEKAR]
    assert isinstance(koffiekar, KoffiekarScreen)
    form = koffiekar.form
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, CTRL)
    keys.type("Losliggende stoeptegels")
    keys.press(Qt.Key.Key_Tab)
    keys.type("openbare r")
    keys.press(Qt.Key.Key_Return)
    keys.tab_to(form.make_action, limit=20)
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Tab)
    keys.type("Melding maken bij de buitendienst")
    assert form.action_owner.currentText() == "Tessa Testema"
    keys.press(Qt.Key.Key_Return, CTRL)
    assert messages == []
    with context.read() as session:
        owners = session.scalars(select(FollowUp.owner_id)).all()
    assert owners == [me]


def test_wil_contact_proposes_a_call_back_of_mine_that_can_be_changed_or_removed(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    me: uuid.UUID,
    beerta: uuid.UUID,
    messages: list[str],
) -> None:
    keys = start_round(qtbot, screen, beerta)
    form = screen.form
    keys.type("Wil meer weten over het dorpshuis")
    keys.press(Qt.Key.Key_Tab)
    keys.type("ontmoeting")
    keys.press(Qt.Key.Key_Return)
    assert not form.callback_box.isVisible()
    tick(qtbot, form.wants_contact)
    assert form.callback_box.isVisible()
    assert form.callback.isChecked()
    assert form.callback_owner.currentText() == "Tessa Testema"
    assert "terugbellen" in form.callback_description.text()
    click(qtbot, form.name)
    keys.type("Jan Voorbeeldstra")
    keys.press(Qt.Key.Key_Tab)
    keys.type("06-12345678")
    tick(qtbot, form.consent)
    click(qtbot, form.callback_description)  # the user words it their way
    keys.press(Qt.Key.Key_A, CTRL)
    keys.type("Jan bellen over de openingstijden")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert messages == []
    with context.read() as session:
        (action,) = session.scalars(select(FollowUp)).all()
        conversation = session_conversations(session, screen.round_id)[0]  # type: ignore[arg-type]
    assert action.description == "Jan bellen over de openingstijden"
    assert action.owner_id == me
    assert action.conversation_id == conversation.id
    assert action.due_date == date.today() + timedelta(days=7)

    # a resident who wants contact but no call-back: untick the proposal
    keys.type("Geeft haar nummer voor de nieuwsbrief")
    keys.press(Qt.Key.Key_Tab)
    keys.type("communicatie")
    keys.press(Qt.Key.Key_Return)
    tick(qtbot, form.wants_contact)
    click(qtbot, form.name)
    keys.type("Els Fictiefsma")
    keys.press(Qt.Key.Key_Tab)
    keys.type("06-87654321")
    tick(qtbot, form.consent)
    tick(qtbot, form.callback)
    keys.press(Qt.Key.Key_Return, CTRL)
    assert messages == []
    assert len(saved_themes(context, screen.round_id)) == 2
    with context.read() as session:
        assert len(session.scalars(select(FollowUp)).all()) == 1


# ---- 13: Ctrl+N on the whole municipality ------------------------------------------------------


def test_ctrl_n_on_the_municipality_asks_which_village(
    qtbot: QtBot, context: AppContext, window: MainWindow, me: uuid.UUID, beerta: uuid.UUID
) -> None:
    assert window.navigator.current_area() == find_id(context, "Oldambt")

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, ChooseAreaDialog)
        qtbot.keyClicks(dialog.filter, "beert")  # Beerta and Nieuw-Beerta
        assert dialog.area_id == beerta
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    asked = answer_later(qtbot, choose)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert len(asked) == 1
    koffiekar = window.screens[KOFFIEKAR]
    assert isinstance(koffiekar, KoffiekarScreen)
    assert window.stack.currentWidget() is koffiekar
    assert koffiekar.area is not None
    assert koffiekar.area.id == beerta
    assert koffiekar.round_id is not None
    assert window.navigator.current_area() == beerta  # the tree follows
    activate(qtbot, window)
    assert focused() is koffiekar.form.summary


def find_id(context: AppContext, name: str) -> uuid.UUID:
    with context.read() as session:
        return find_area(session, name).id


def test_the_note_of_what_enter_takes_never_widens_the_form(
    qtbot: QtBot, screen: KoffiekarScreen, beerta: uuid.UUID
) -> None:
    """At 125% scaling the long 'Enter kiest: …' note (its whole text as its least width) made
    the round's forms scroll sideways under X11; it wraps instead."""
    keys = start_round(qtbot, screen, beerta)
    picker = screen.form.themes
    keys.type("Stoep")
    keys.press(Qt.Key.Key_Tab)
    keys.type("openb")
    note = picker.preview
    assert "Openbare ruimte en groen" in note.text()
    assert note.minimumSizeHint().width() < note.fontMetrics().horizontalAdvance(note.text()) // 2
