"""The conversation form reads its fields from their definitions (services.conversation_record):
every definition has its input, what is typed there reaches the draft, and the draft comes back."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from gebiedsapp.services.areas import find_area
from gebiedsapp.services.conversation_record import (
    DRAFT_FIELDS,
    RECORD_FIELDS,
    ConversationDraft,
    InputKind,
)
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar import KoffiekarScreen
from gebiedsapp.ui.koffiekar.field_texts import TEXTS
from gebiedsapp.ui.recovery import pending_drafts
from support.clicks import CTRL, Keyboard, click, click_empty, tick

WIDGETS = {
    InputKind.LINE: QLineEdit,
    InputKind.FLAG: QCheckBox,
    InputKind.OWNER: QComboBox,
    InputKind.DAY: QDateEdit,
}


@pytest.fixture
def screen(qtbot: QtBot, context: AppContext) -> KoffiekarScreen:
    screen = KoffiekarScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    with qtbot.waitExposed(screen):
        screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    with context.read() as session:
        screen.set_area(find_area(session, "Beerta").id)  # chosen in the window's area tree
    click_empty(qtbot, screen.rounds)
    Keyboard(qtbot).press(Qt.Key.Key_N, CTRL)
    assert screen.round_id is not None
    return screen


def test_every_field_definition_has_its_input_and_label(screen: KoffiekarScreen) -> None:
    form = screen.form
    for definition in DRAFT_FIELDS:
        kind = WIDGETS.get(definition.kind)
        if kind is not None:
            assert isinstance(form.inputs.get(definition.key), kind), definition.key
    assert set(form.inputs) == {d.key for d in DRAFT_FIELDS if d.kind in WIDGETS}
    labels = {label.text() for label in form.findChildren(QLabel)}
    assert {d.label for d in RECORD_FIELDS if d.kind is not InputKind.FLAG} <= labels
    assert form.quote.placeholderText() == "letterlijke uitspraak (optioneel)"


def test_what_is_typed_in_every_line_reaches_the_draft_and_comes_back(
    qtbot: QtBot, context: AppContext, screen: KoffiekarScreen
) -> None:
    form = screen.form
    tick(qtbot, form.wants_contact)  # shows the resident's fields and the call-back
    tick(qtbot, form.make_action)  # shows the action's fields
    typed: dict[str, str] = {}
    for definition in DRAFT_FIELDS:
        line = form.inputs.get(definition.key)
        if isinstance(line, QLineEdit):
            click(qtbot, line)
            qtbot.keyClick(line, Qt.Key.Key_A, CTRL)  # the call-back's proposal is replaced
            qtbot.keyClicks(line, f"tekst {definition.key}")
            typed[definition.key] = f"tekst {definition.key}"
    assert len(typed) == sum(d.kind is InputKind.LINE for d in DRAFT_FIELDS)
    draft = form.draft()
    assert {key: getattr(draft, key) for key in typed} == typed
    assert draft.wants_contact
    assert draft.action

    def saved() -> bool:
        return any(
            d.payload.get("callback_description") == typed["callback_description"]
            for d in pending_drafts(context)
        )

    qtbot.waitUntil(saved, timeout=5_000)
    (stored,) = pending_drafts(context)
    assert ConversationDraft.from_json(stored.payload) == draft
    form.blank()
    assert form.is_empty()
    form.fill(ConversationDraft.from_json(stored.payload))
    assert form.draft() == draft


def test_an_unknown_owner_in_a_draft_falls_back_to_nobody(screen: KoffiekarScreen) -> None:
    form = screen.form
    form.fill(ConversationDraft(summary="Bus", action=True, action_owner_id=uuid.uuid4()))
    assert form.draft().action_owner_id is None
    assert form.action_owner.currentIndex() == 0


def test_every_text_the_form_takes_from_a_definition_is_listed_for_translation() -> None:
    shown = {d.label for d in RECORD_FIELDS if d.kind is not InputKind.FLAG}
    for definition in DRAFT_FIELDS:
        if definition.kind is InputKind.LINE:
            shown |= {definition.accessible or definition.label, definition.placeholder}
        elif definition.kind is InputKind.FLAG:
            shown.add(definition.caption or definition.label)
        elif definition.kind in (InputKind.OWNER, InputKind.DAY):
            shown.add(definition.label)
    assert shown - {""} <= set(TEXTS)
