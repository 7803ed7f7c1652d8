"""The contact log driven by keyboard, checked in the database through services afterwards."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from gebiedsapp.domain import (
    Contact,
    ContactType,
    ContactWith,
    DraftKind,
    FollowUp,
    PartnerKind,
)
from gebiedsapp.services import teams
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.contacts import get_contact
from gebiedsapp.services.drafts import get_draft, list_drafts, save_draft
from gebiedsapp.services.history import history
from gebiedsapp.services.residents import ResidentInput, list_meedenkers, register_resident
from gebiedsapp.services.taxonomy import list_themes, save_partner
from gebiedsapp.ui.contacts import CONTACTS, ContactsScreen
from gebiedsapp.ui.contacts import screen as screen_module
from gebiedsapp.ui.contacts.form import NO_MEEDENKERS
from gebiedsapp.ui.contacts.history import HistoryDialog, HistoryModel
from gebiedsapp.ui.contacts.screen import Leave
from gebiedsapp.ui.context import KOFFIEKAR, AppContext

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TODAY = date.today()


# ---- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture
def me(context: AppContext) -> uuid.UUID:
    """The signed-in user as a team member: new actions are theirs by default."""
    with context.database.unit_of_work("test") as session:
        member = teams.add_member(session, name="Olga Oefenga")
        teams.update_member(
            session, member.id, name=member.name, organisation="", email="", phone="",
            active=True, account="test",
        )  # fmt: skip
        return member.id


@pytest.fixture
def screen(qtbot: QtBot, context: AppContext, beerta: uuid.UUID, me: uuid.UUID) -> ContactsScreen:
    widget = ContactsScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.set_area(beerta)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    qtbot.waitUntil(lambda: not context.background.busy())
    return widget


@pytest.fixture
def answer(
    leave_answers: Callable[[ModuleType, Leave], list[Leave]],
) -> Callable[[Leave], list[Leave]]:
    """Answer 'Concept bewaren / Weggooien / Annuleren' without a modal box."""
    return functools.partial(leave_answers, screen_module)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def contacts(context: AppContext) -> list[Contact]:
    with context.read() as session:
        return list(session.scalars(select(Contact)))


def count(context: AppContext, model: type[Any]) -> int:
    with context.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def theme_id(context: AppContext, name: str) -> uuid.UUID:
    with context.read() as session:
        return next(t.id for t in list_themes(session) if t.name == name)


# ---- recording --------------------------------------------------------------------------------


def test_record_a_contact_with_an_action_by_keyboard_only(
    qtbot: QtBot, screen: ContactsScreen, context: AppContext, beerta: uuid.UUID, me: uuid.UUID
) -> None:
    screen.new_contact()
    assert focused() is screen.form.type_combo
    type_text(qtbot, "t")  # Telefoon
    press(qtbot, Qt.Key.Key_Tab)  # gebied: Beerta already
    assert focused() is screen.form.area_combo
    press(qtbot, Qt.Key.Key_Tab)  # met wie: anoniem
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.form.subject_edit
    type_text(qtbot, "Zorgen over eenzame buurman")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "eenz")
    press(qtbot, Qt.Key.Key_Return)  # ticks Eenzaamheid
    press(qtbot, Qt.Key.Key_Tab)  # the theme list
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.form.notes_edit
    type_text(qtbot, "Buurman komt de deur niet meer uit.")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.form.action_edit
    type_text(qtbot, "Langsgaan met de ouderenadviseur")
    press(qtbot, Qt.Key.Key_Return)  # adds the action (owner: me, due in two weeks)
    assert len(screen.form.actions_model.rows) == 1
    with qtbot.waitSignal(context.hub.changed):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    [contact] = contacts(context)
    assert contact.subject == "Zorgen over eenzame buurman"
    assert contact.contact_type is ContactType.TELEFOON
    assert contact.with_kind is ContactWith.ANONIEM
    assert contact.area_id == beerta
    assert contact.date == TODAY
    assert contact.notes == "Buurman komt de deur niet meer uit."
    with context.read() as session:
        view = get_contact(session, contact.id)
        assert view.themes == ("Eenzaamheid",)
        [action] = session.scalars(select(FollowUp)).all()
        assert action.contact_id == contact.id
        assert action.description == "Langsgaan met de ouderenadviseur"
        assert action.owner_id == me
        assert action.due_date == TODAY + timedelta(days=14)
        assert action.area_id == beerta
        assert list_drafts(session) == []  # deleted in the same transaction

    # the form is blank for the next one, and the list shows the new contact
    assert screen.form.subject_edit.text() == ""
    assert screen.form.actions_model.rowCount() == 0
    assert focused() is screen.form.type_combo
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)


def test_an_action_still_typed_in_the_line_is_saved_too(
    qtbot: QtBot, screen: ContactsScreen, context: AppContext
) -> None:
    screen.new_contact()
    screen.form.subject_edit.setText("Bijeenkomst dorpshuis")
    screen.form.action_edit.setText("Zaal reserveren")  # never added with Enter
    screen.save()
    with context.read() as session:
        [action] = session.scalars(select(FollowUp)).all()
        assert action.description == "Zaal reserveren"


def test_group_and_organisation(
    qtbot: QtBot, screen: ContactsScreen, context: AppContext, messages: list[str]
) -> None:
    with context.database.unit_of_work("test") as session:
        partner = save_partner(
            session, partner_id=None, name="Dorpsvereniging Beerta",
            kind=PartnerKind.BEWONERSORGANISATIE,
        ).id  # fmt: skip
    context.hub.announce("partners")
    form = screen.form
    # the choices are read again on the worker
    qtbot.waitUntil(lambda: form.partner_combo.findData(str(partner)) >= 0)
    form.with_combo.setCurrentIndex(form.with_combo.findData(ContactWith.GROEP.value))
    assert form.group_edit.isVisible()
    assert not form.partner_combo.isVisible()
    form.subject_edit.setText("Moestuin")
    qtbot.keyClicks(form.group_edit, "Moestuinclub")
    screen.save()

    form.with_combo.setCurrentIndex(form.with_combo.findData(ContactWith.ORGANISATIE.value))
    assert form.partner_combo.isVisible()
    assert not form.group_edit.isVisible()
    form.partner_combo.setCurrentIndex(form.partner_combo.findData(str(partner)))
    form.subject_edit.setText("Dorpsfeest")
    screen.save()

    assert messages == []
    saved = {c.subject: c for c in contacts(context)}
    assert saved["Moestuin"].group_name == "Moestuinclub"
    assert saved["Moestuin"].partner_id is None
    assert saved["Dorpsfeest"].partner_id == partner
    assert saved["Dorpsfeest"].group_name == ""


def test_contact_with_a_registered_meedenker(
    qtbot: QtBot,
    screen: ContactsScreen,
    context: AppContext,
    beerta: uuid.UUID,
    messages: list[str],
) -> None:
    form = screen.form
    form.with_combo.setCurrentIndex(form.with_combo.findData(ContactWith.MEEDENKER.value))
    assert form.meedenker_combo.isVisible()
    assert form.meedenker_combo.currentText() == NO_MEEDENKERS

    with context.database.unit_of_work("test") as session:
        resident = register_resident(
            session,
            ResidentInput(
                name="Anna Testema", phone="06-12345678", wants_meedenken=True, consent=True
            ),
            area_id=beerta,
            today=TODAY,
        )
        assert resident is not None
        [entry] = list_meedenkers(session)
    context.hub.announce(KOFFIEKAR)  # a conversation registered a meedenker
    qtbot.waitUntil(lambda: form.meedenker_combo.count() == 2)  # read off the GUI thread

    form.subject_edit.setText("Meedenken over het dorpsplein")
    screen.save()
    assert messages == ["Kies de meedenker uit het register."]
    assert focused() is form.meedenker_combo
    assert contacts(context) == []

    form.meedenker_combo.setCurrentIndex(form.meedenker_combo.findData(str(entry.id)))
    assert form.meedenker_combo.currentText().startswith("Anna Testema")
    screen.save()
    [contact] = contacts(context)
    assert contact.with_kind is ContactWith.MEEDENKER
    assert contact.resident_id == resident.id

    # the list never shows the resident's name
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    texts = [
        str(screen.model.index(0, column).data(role))
        for column in range(screen.model.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    ]
    assert not any("Anna" in text for text in texts)

    # editing shows the same register entry again, ready to change the subject
    screen.edit_contact(contact.id)
    assert form.with_kind is ContactWith.MEEDENKER
    assert form.meedenker_combo.currentData() == str(entry.id)
    assert focused() is form.subject_edit


def test_meedenkers_follow_the_chosen_area(
    qtbot: QtBot, screen: ContactsScreen, context: AppContext, beerta: uuid.UUID,
    qtmodeltester: ModelTester,
) -> None:  # fmt: skip
    with context.database.unit_of_work("test") as session:
        for name, village in (("Bram Proefhuis", "Drieborg"), ("Aaltje Oosting", "Finsterwolde")):
            register_resident(
                session,
                ResidentInput(name=name, email="b@example.org", wants_meedenken=True,
                              consent=True),
                area_id=find_area(session, village).id,
                today=TODAY,
            )  # fmt: skip
    context.hub.announce(KOFFIEKAR)
    form = screen.form
    assert form.meedenker_combo.count() == 1  # none in Beerta
    form.area_combo.setCurrentIndex(
        form.area_combo.findText("Drieborg", Qt.MatchFlag.MatchEndsWith)
    )
    qtbot.waitUntil(lambda: form.meedenker_combo.count() == 2)  # read off the GUI thread
    assert "Bram Proefhuis" in form.meedenker_combo.itemText(1)  # not Finsterwolde's

    # the municipality chosen: its whole register, by name, in one model (issue 19)
    form.area_combo.setCurrentIndex(form.area_combo.findText("Oldambt", Qt.MatchFlag.MatchEndsWith))
    qtbot.waitUntil(lambda: form.meedenker_combo.count() == 3)
    assert [form.meedenker_combo.itemText(i) for i in (1, 2)] == [
        "Aaltje Oosting – Finsterwolde",
        "Bram Proefhuis – Drieborg",
    ]
    assert form.meedenker_combo.model() is form.meedenkers
    qtmodeltester.check(form.meedenkers)


# ---- bad input ------------------------------------------------------------------------------


def test_no_subject_shows_the_dutch_message_and_writes_nothing(
    qtbot: QtBot, screen: ContactsScreen, context: AppContext, messages: list[str]
) -> None:
    screen.new_contact()
    screen.form.notes_edit.setPlainText("Wel aantekeningen, geen onderwerp")
    screen.form.action_edit.setText("Een actie")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert messages == ["Vul in waar het contact over ging."]
    assert contacts(context) == []
    assert count(context, FollowUp) == 0
    assert focused() is screen.form.subject_edit  # where the message points
    # the typed text is still there, and kept as a draft
    assert screen.form.notes_edit.toPlainText() == "Wel aantekeningen, geen onderwerp"
    with context.read() as session:
        assert len(list_drafts(session, kind=DraftKind.CONTACT)) == 1


def test_organisation_without_partner_writes_nothing(
    qtbot: QtBot, screen: ContactsScreen, context: AppContext, messages: list[str]
) -> None:
    form = screen.form
    form.subject_edit.setText("Overleg")
    form.with_combo.setCurrentIndex(form.with_combo.findData(ContactWith.ORGANISATIE.value))
    assert form.partner_combo.currentData() == ""  # "(kies een organisatie)"
    screen.save()
    assert messages == ["Kies de organisatie waarmee het contact was."]
    assert contacts(context) == []
    assert focused() is form.partner_combo

    form.with_combo.setCurrentIndex(form.with_combo.findData(ContactWith.GROEP.value))
    screen.save()
    assert messages[-1] == "Vul in met welke groep het contact was."
    assert contacts(context) == []


# ---- drafts, Escape and editing ---------------------------------------------------------------


def test_typing_autosaves_a_draft_and_escape_asks_first(
    qtbot: QtBot,
    screen: ContactsScreen,
    context: AppContext,
    answer: Callable[[Leave], list[Leave]],
) -> None:
    screen.new_contact()
    screen.form.subject_edit.setFocus()
    with qtbot.waitSignal(screen.autosaver.saved):
        type_text(qtbot, "Huisbezoek mevrouw")
    with context.read() as session:
        [draft] = list_drafts(session, kind=DraftKind.CONTACT)
    assert draft.payload["subject"] == "Huisbezoek mevrouw"
    assert draft.summary() == "Huisbezoek mevrouw"

    asked = answer(Leave.CANCEL)
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == [Leave.CANCEL]
    assert screen.form.subject_edit.text() == "Huisbezoek mevrouw"  # nothing discarded

    asked = answer(Leave.KEEP)
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == [Leave.KEEP]
    assert screen.form.subject_edit.text() == ""
    with context.read() as session:
        assert [d.id for d in list_drafts(session)] == [draft.id]  # kept to restore later

    # restoring brings back exactly what was typed; Escape + Weggooien throws it away
    with context.read() as session:
        view = get_draft(session, draft.id)
    assert view is not None
    screen.restore_draft(view)
    assert screen.form.subject_edit.text() == "Huisbezoek mevrouw"
    asked = answer(Leave.DISCARD)
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == [Leave.DISCARD]
    with context.read() as session:
        assert list_drafts(session) == []


def test_escape_on_an_untouched_form_asks_nothing(
    qtbot: QtBot, screen: ContactsScreen, answer: Callable[[Leave], list[Leave]]
) -> None:
    asked = answer(Leave.CANCEL)
    screen.new_contact()
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == []


def test_restore_a_draft_exactly_and_finalise_it(
    qtbot: QtBot, screen: ContactsScreen, context: AppContext, beerta: uuid.UUID, me: uuid.UUID
) -> None:
    ouderen = theme_id(context, "Ouderen")
    payload: dict[str, Any] = {
        "day": "2025-03-04",
        "area_id": str(beerta),
        "contact_type": ContactType.SPREEKUUR.value,
        "with_kind": ContactWith.GROEP.value,
        "group_name": "Ouderenbond",
        "partner_id": "",
        "meedenker_id": "",
        "subject": "Vervoer naar de huisarts",
        "notes": "Regiotaxi is te duur.",
        "theme_ids": [str(ouderen)],
        "actions": [
            {
                "description": "Uitzoeken",
                "owner_id": str(me),
                "owner_name": "Olga Oefenga",
                "due_date": "2025-03-18",
            }
        ],
        "new_action": {"description": "Terugbellen", "owner_id": "", "due_date": "2025-03-11"},
    }
    with context.database.unit_of_work("test") as session:
        draft_id = save_draft(session, draft_id=None, kind=DraftKind.CONTACT, payload=payload)
        draft = get_draft(session, draft_id)
    assert draft is not None
    screen.restore_draft(draft)
    typed = {**payload["new_action"], "owner_name": ""}
    assert screen.form.payload() == {**payload, "new_action": typed}

    screen.save()
    [contact] = contacts(context)
    assert contact.date == date(2025, 3, 4)
    assert contact.group_name == "Ouderenbond"
    with context.read() as session:
        actions = {a.description: a for a in session.scalars(select(FollowUp))}
        assert set(actions) == {"Uitzoeken", "Terugbellen"}
        assert actions["Uitzoeken"].owner_id == me
        assert actions["Terugbellen"].owner_id is None
        assert all(a.contact_id == contact.id for a in actions.values())
        assert list_drafts(session) == []


def test_edit_a_logged_contact_keeps_its_history(
    qtbot: QtBot,
    screen: ContactsScreen,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    screen.form.subject_edit.setText("Speeltuin kapot")
    screen.save()
    [contact] = contacts(context)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    qtmodeltester.check(screen.model)

    assert not screen.history_button.isEnabled()
    rect = screen.table.visualRect(screen.model.index(0, 0))
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.editing_id is None  # one click only selects
    qtbot.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.editing_id == contact.id
    assert screen.form.subject_edit.text() == "Speeltuin kapot"
    assert screen.history_button.isEnabled()

    screen.form.subject_edit.setFocus()
    screen.form.subject_edit.selectAll()
    with qtbot.waitSignal(screen.autosaver.saved):
        type_text(qtbot, "Speeltuin: schommel kapot")
    with context.read() as session:
        [draft] = list_drafts(session)
        assert draft.target_id == contact.id  # an edit's draft knows what it edits
    screen.form.type_combo.setCurrentIndex(
        screen.form.type_combo.findData(ContactType.BIJEENKOMST.value)
    )
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    with context.read() as session:
        view = get_contact(session, contact.id)
        assert view.subject == "Speeltuin: schommel kapot"
        [entry] = history(session, "contact", contact.id)
        assert entry.changed_by == "test"
        assert entry.changes["subject"] == ["Speeltuin kapot", "Speeltuin: schommel kapot"]
        assert list_drafts(session) == []
    assert len(contacts(context)) == 1  # edited, not a second contact
    assert screen.editing_id is None

    shown: list[HistoryDialog] = []

    def fake_exec(dialog: HistoryDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(HistoryDialog, "exec", fake_exec)
    screen.edit_contact(contact.id)
    qtbot.mouseClick(screen.history_button, Qt.MouseButton.LeftButton)
    [dialog] = shown
    lines = {(line.field, line.old, line.new, line.changed_by) for line in dialog.model.rows}
    assert lines == {
        ("Onderwerp", "Speeltuin kapot", "Speeltuin: schommel kapot", "test"),
        ("Soort", "Huisbezoek", "Bijeenkomst", "test"),
    }
    assert dialog.model.index(0, HistoryModel.COL_WHEN).data()
    qtmodeltester.check(dialog.model)


def test_models_pass_the_model_tester(screen: ContactsScreen, qtmodeltester: ModelTester) -> None:
    screen.form.action_edit.setText("Eerste")
    screen.form.add_action()
    screen.form.action_edit.setText("Tweede")
    screen.form.add_action()
    qtmodeltester.check(screen.form.actions_model)
    screen.form.actions_table.selectRow(0)
    screen.form.remove_action()
    assert [a.description for a in screen.form.actions_model.rows] == ["Tweede"]
    qtmodeltester.check(screen.model)


def test_list_follows_changes_and_area(
    qtbot: QtBot, screen: ContactsScreen, context: AppContext
) -> None:
    screen.form.subject_edit.setText("In Beerta")
    screen.save()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    with context.read() as session:
        winschoten = find_area(session, "Winschoten").id
    screen.set_area(winschoten)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)
    assert screen.form.area_id == winschoten  # an untouched form follows the navigator
    context.hub.announce(CONTACTS)
    qtbot.waitUntil(lambda: not context.background.busy())
    assert screen.model.rowCount() == 0
