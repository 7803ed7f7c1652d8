"""Free text that goes into the reports (a quote marked for reporting, an agreed action) warns
at entry when it holds the resident's name, a phone number or an e-mail address; the warning
goes when the text is cleaned and never blocks saving."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gebiedsapp.domain import ContactWith, Conversation, FollowUp
from gebiedsapp.services import teams
from gebiedsapp.services.residents import ResidentInput, register_resident
from gebiedsapp.ui.contacts import ContactsScreen
from gebiedsapp.ui.context import KOFFIEKAR, AppContext
from gebiedsapp.ui.koffiekar import KoffiekarScreen
from support.clicks import CTRL, Keyboard, click, click_empty, focused, tick


@pytest.fixture
def me(context: AppContext) -> uuid.UUID:
    with context.database.unit_of_work("test") as session:
        member = teams.add_member(session, name="Olga Oefenga")
        teams.update_member(
            session, member.id, name=member.name, organisation="", email="", phone="",
            active=True, account="test",
        )  # fmt: skip
        return member.id


def _koffiekar(qtbot: QtBot, context: AppContext, area_id: uuid.UUID) -> KoffiekarScreen:
    screen = KoffiekarScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    with qtbot.waitExposed(screen):
        screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    screen.set_area(area_id)  # chosen in the window's area tree
    click_empty(qtbot, screen.rounds)
    Keyboard(qtbot).press(Qt.Key.Key_N, CTRL)  # a new round
    assert focused() is screen.form.summary
    return screen


def _retype(qtbot: QtBot, field: object, text: str) -> None:
    click(qtbot, field)  # type: ignore[arg-type]
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)  # type: ignore[arg-type]
    qtbot.keyClicks(field, text)  # type: ignore[arg-type]


def test_a_reportable_quote_with_a_phone_number_warns_until_it_is_cleaned(
    qtbot: QtBot, context: AppContext, beerta: uuid.UUID, me: uuid.UUID, messages: list[str]
) -> None:
    screen = _koffiekar(qtbot, context, beerta)
    form = screen.form
    warning = form.privacy_warning
    keys = Keyboard(qtbot)
    keys.type("Donkere steeg achter de school")
    keys.press(Qt.Key.Key_Tab)
    keys.type("verkeersv")
    keys.press(Qt.Key.Key_Return)  # a theme
    keys.tab_to(form.quote)
    keys.type("Bel me maar op 06-12345678, het is daar eng")
    assert not warning.isVisible()  # not marked for reporting: it is never printed
    tick(qtbot, form.quote_reportable)
    assert warning.isVisible()
    assert "‘Citaat’ lijkt een naam, telefoonnummer of e-mailadres te bevatten" in warning.text()
    assert "Opslaan kan wel" in warning.text()
    _retype(qtbot, form.quote, "Het is daar eng in het donker")
    assert not warning.isVisible()
    # the warning never blocks: saved with the phone number back in it
    _retype(qtbot, form.quote, "Mail me: piet@example.nl")
    assert warning.isVisible()
    click(qtbot, form.summary)
    keys.press(Qt.Key.Key_Return, CTRL)
    assert messages == []
    with context.read() as session:
        saved = session.scalars(select(Conversation.quote)).all()
    assert saved == ["Mail me: piet@example.nl"]
    assert not warning.isVisible()  # the blank form for the next resident


def test_an_action_naming_the_resident_warns_and_the_warning_goes_when_cleaned(
    qtbot: QtBot, context: AppContext, beerta: uuid.UUID, me: uuid.UUID
) -> None:
    screen = _koffiekar(qtbot, context, beerta)
    form = screen.form
    warning = form.privacy_warning
    keys = Keyboard(qtbot)
    keys.type("Lantaarnpaal kapot")
    tick(qtbot, form.wants_contact)
    click(qtbot, form.name)
    keys.type("Jantje de Vries")
    tick(qtbot, form.make_action)
    click(qtbot, form.action_description)
    keys.type("Vries bellen over de lantaarnpaal")
    assert warning.isVisible()
    assert "Omschrijving van de actie" in warning.text()
    _retype(qtbot, form.action_description, "Bewoner bellen over de lantaarnpaal")
    assert not warning.isVisible()


def test_a_contact_action_naming_the_meedenker_warns_until_it_is_cleaned(
    qtbot: QtBot, context: AppContext, beerta: uuid.UUID, me: uuid.UUID
) -> None:
    with context.database.unit_of_work("test") as session:
        register_resident(
            session,
            ResidentInput(
                name="Anna Testema", phone="06-12345678", wants_meedenken=True, consent=True
            ),
            area_id=beerta,
            today=date.today(),
        )
    screen = ContactsScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.set_area(beerta)
    screen.show()
    qtbot.waitExposed(screen)
    context.hub.announce(KOFFIEKAR)  # the register changed
    form = screen.form
    qtbot.waitUntil(form.isEnabled)  # its choices are read on the worker
    warning = form.privacy_warning
    click(qtbot, form.subject_edit)
    qtbot.keyClicks(form.subject_edit, "Meedenken over het dorpsplein")
    click(qtbot, form.action_edit)
    qtbot.keyClicks(form.action_edit, "Testema uitnodigen voor de avond")
    assert not warning.isVisible()  # no meedenker chosen: nobody to name yet
    form.with_combo.setFocus()
    qtbot.keyClicks(form.with_combo, "Geregistreerde")
    assert form.with_kind is ContactWith.MEEDENKER
    combo = form.meedenker_combo
    qtbot.waitUntil(  # the register is read off the GUI thread
        lambda: any("Anna Testema" in combo.itemText(i) for i in range(combo.count()))
    )
    combo.setFocus()
    qtbot.keyClicks(combo, "Anna")
    assert form.meedenker_combo.currentText().startswith("Anna Testema")
    assert warning.isVisible()
    assert "Omschrijving van de actie" in warning.text()
    _retype(qtbot, form.action_edit, "Meedenker uitnodigen voor de avond")
    assert not warning.isVisible()
    _retype(qtbot, form.action_edit, "Bellen: 0597-123456")
    assert warning.isVisible()  # a phone number needs no name
    qtbot.keyClick(form.action_edit, Qt.Key.Key_Return)  # adds it all the same
    assert [row.description for row in form.actions_model.rows] == ["Bellen: 0597-123456"]
    with context.read() as session:
        assert session.scalars(select(FollowUp)).all() == []
