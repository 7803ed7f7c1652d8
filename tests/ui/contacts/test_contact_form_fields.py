"""The contact form reads its fields from their definitions (services.contact_record): every
definition has its input, what is typed there reaches the draft, the draft comes back, and a
draft stored by the earlier form (its hand-made dict) still restores."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from gebiedsapp.domain import ContactType, ContactWith, DraftKind
from gebiedsapp.services import teams
from gebiedsapp.services.contact_record import (
    DRAFT_FIELDS,
    RECORD_FIELDS,
    ContactDraft,
    InputKind,
    draft_keys,
)
from gebiedsapp.services.drafts import get_draft, list_drafts, save_draft
from gebiedsapp.services.residents import ResidentInput, register_resident
from gebiedsapp.services.taxonomy import list_partners, list_themes
from gebiedsapp.ui.contacts import ContactsScreen
from gebiedsapp.ui.contacts.field_texts import TEXTS
from gebiedsapp.ui.context import AppContext
from support.clicks import click

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

WIDGETS = {
    InputKind.LINE: QLineEdit,
    InputKind.TEXT: QPlainTextEdit,
    InputKind.CHOICE: QComboBox,
    InputKind.AREA: QComboBox,
    InputKind.PICK: QComboBox,
    InputKind.DAY: QDateEdit,
}
TODAY = date.today()


@pytest.fixture
def screen(qtbot: QtBot, context: AppContext, beerta: uuid.UUID) -> ContactsScreen:
    with context.database.unit_of_work("test") as session:
        member = teams.add_member(session, name="Olga Oefenga")
        teams.update_member(
            session, member.id, name=member.name, organisation="", email="", phone="",
            active=True, account="test",
        )  # fmt: skip
        register_resident(
            session,
            ResidentInput(
                name="Anna Testema", phone="06-12345678", wants_meedenken=True, consent=True
            ),
            area_id=beerta,
            today=TODAY,
        )
    widget = ContactsScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.set_area(beerta)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    qtbot.waitUntil(lambda: widget.form.meedenker_combo.count() == 2)  # read off the GUI thread
    return widget


def test_every_field_definition_has_its_input_and_the_draft_its_field(
    screen: ContactsScreen,
) -> None:
    form = screen.form
    assert draft_keys() == {d.key for d in DRAFT_FIELDS}
    for definition in RECORD_FIELDS:
        kind = WIDGETS.get(definition.kind)
        if kind is None:
            continue
        widget = form.inputs[definition.key]
        assert isinstance(widget, kind), definition.key
        assert widget.accessibleName() == definition.accessible or definition.label
        if isinstance(widget, QLineEdit) and definition.max_length is not None:
            assert widget.maxLength() == definition.max_length
    assert set(form.inputs) == {d.key for d in RECORD_FIELDS if d.kind in WIDGETS}
    assert form.subject_edit.placeholderText() == "Waar ging het over?"


def test_what_is_typed_in_every_field_reaches_the_draft_and_comes_back(
    qtbot: QtBot, context: AppContext, screen: ContactsScreen
) -> None:
    form = screen.form
    click(qtbot, screen.new_button)
    qtbot.keyClicks(form.type_combo, "Sp")  # Spreekuur
    qtbot.keyClick(form.date_edit, Qt.Key.Key_Down)
    down, up = Qt.Key.Key_Down, Qt.Key.Key_Up  # Met wie: anoniem, groep, organisatie, meedenker
    for key in (down, down):
        qtbot.keyClick(form.with_combo, key)
    assert form.partner_combo.isVisible()
    qtbot.keyClick(form.partner_combo, Qt.Key.Key_Down)  # the first organisation
    qtbot.keyClick(form.with_combo, down)
    assert form.meedenker_combo.isVisible()
    qtbot.keyClick(form.meedenker_combo, Qt.Key.Key_Down)  # Anna, from the register
    for key in (up, up):
        qtbot.keyClick(form.with_combo, key)
    typed: dict[str, str] = {}
    for definition in RECORD_FIELDS:
        widget = form.inputs.get(definition.key)
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            click(qtbot, widget)
            qtbot.keyClicks(widget, f"tekst {definition.key}")
            typed[definition.key] = f"tekst {definition.key}"
    texts = {d.key for d in RECORD_FIELDS if d.kind in (InputKind.LINE, InputKind.TEXT)}
    assert set(typed) == texts  # every text field, including the group's
    click(qtbot, form.themes.filter)
    qtbot.keyClicks(form.themes.filter, "eenz")
    qtbot.keyClick(form.themes.filter, Qt.Key.Key_Return)  # ticks Eenzaamheid
    click(qtbot, form.action_edit)
    qtbot.keyClicks(form.action_edit, "Uitzoeken")
    qtbot.keyClick(form.action_edit, Qt.Key.Key_Return)  # added to the agreed actions
    qtbot.keyClicks(form.action_edit, "Terugbellen")  # typed, not added: kept too

    draft = form.draft()
    assert {key: getattr(draft, key) for key in typed} == typed
    assert draft.contact_type is ContactType.SPREEKUUR
    assert draft.with_kind is ContactWith.GROEP
    assert draft.day is not None
    assert draft.area_id is not None
    assert draft.partner_id is not None
    assert draft.meedenker_id is not None
    with context.read() as session:
        eenzaamheid = next(t.id for t in list_themes(session) if t.name == "Eenzaamheid")
        assert draft.partner_id in {p.id for p in list_partners(session)}
    assert draft.theme_ids == (eenzaamheid,)
    assert [a.description for a in draft.actions] == ["Uitzoeken"]
    assert draft.actions[0].owner_name == "Olga Oefenga"  # the signed-in user's by default
    assert draft.new_action is not None
    assert draft.new_action.description == "Terugbellen"
    assert not draft.is_empty()

    def saved() -> list[Any]:
        with context.read() as session:
            return [
                d
                for d in list_drafts(session, kind=DraftKind.CONTACT)
                if d.payload.get("new_action", {}).get("description") == "Terugbellen"
            ]

    qtbot.waitUntil(lambda: bool(saved()), timeout=5_000)
    [stored] = saved()
    assert ContactDraft.from_json(stored.payload) == draft
    form.fill(ContactDraft(), today=TODAY)
    assert form.is_empty()
    form.fill(ContactDraft.from_json(stored.payload), today=TODAY)
    assert form.draft() == draft
    assert form.group_edit.text() == "tekst group_name"


OLD_PAYLOAD: dict[str, Any] = {  # as the form before the field definitions stored it
    "day": "2025-03-04",
    "area_id": "",
    "contact_type": "spreekuur",
    "with_kind": "groep",
    "group_name": "Ouderenbond",
    "partner_id": "",
    "meedenker_id": "",
    "subject": "Vervoer naar de huisarts",
    "notes": "Regiotaxi is te duur.",
    "theme_ids": [],
    "actions": [
        {"description": "Uitzoeken", "owner_id": "", "owner_name": "", "due_date": "2025-03-18"}
    ],
    "new_action": {},
}


def test_a_draft_stored_in_the_old_dict_shape_restores(
    context: AppContext, screen: ContactsScreen, beerta: uuid.UUID
) -> None:
    old = {**OLD_PAYLOAD, "area_id": str(beerta)}
    with context.database.unit_of_work("test") as session:
        draft_id = save_draft(session, draft_id=None, kind=DraftKind.CONTACT, payload=old)
        stored = get_draft(session, draft_id)
    assert stored is not None
    screen.restore_draft(stored)
    form = screen.form
    assert form.date_edit.date().toPython() == date(2025, 3, 4)
    assert form.area_id == beerta
    assert form.type_combo.currentData() == "spreekuur"
    assert form.group_edit.text() == "Ouderenbond"
    assert form.subject_edit.text() == "Vervoer naar de huisarts"
    assert form.notes_edit.toPlainText() == "Regiotaxi is te duur."
    assert [a.description for a in form.actions_model.rows] == ["Uitzoeken"]
    assert form.payload().items() >= old.items()  # every stored key, read as it was stored


def test_a_draft_of_the_oldest_shape_and_odd_values_restores_what_it_can(
    context: AppContext, screen: ContactsScreen, beerta: uuid.UUID
) -> None:
    oldest = {  # the demo data's drafts before: no actions at all
        "day": "geen datum",
        "area_id": str(beerta),
        "contact_type": "onbekend",
        "with_kind": ContactWith.ANONIEM.value,
        "subject": "Nog uitwerken",
        "theme_ids": ["geen-id"],
    }
    with context.database.unit_of_work("test") as session:
        draft_id = save_draft(session, draft_id=None, kind=DraftKind.CONTACT, payload=oldest)
        stored = get_draft(session, draft_id)
    assert stored is not None
    screen.restore_draft(stored)
    draft = screen.form.draft()
    assert draft.subject == "Nog uitwerken"
    assert draft.day == date.today()  # the form's own (not the module's import day)
    assert draft.contact_type is ContactType.HUISBEZOEK  # the first
    assert (draft.theme_ids, draft.actions, draft.new_action) == ((), (), None)


def test_every_text_the_form_takes_from_a_definition_is_listed_for_translation() -> None:
    shown = set()
    for definition in DRAFT_FIELDS:
        shown |= {definition.accessible or definition.label, definition.placeholder}
    shown -= {"", "Soort", "Thema's"}  # labelled in the layout, not from the definition
    assert shown <= set(TEXTS)
