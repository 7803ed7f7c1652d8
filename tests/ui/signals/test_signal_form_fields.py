"""The new-signal form reads its fields from their definitions (services.signal_record): every
definition has its input, what a user types or chooses there reaches the draft and its payload,
the draft fills a form back, and saving stores it; the service refuses with the definitions'
texts and limits."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QLineEdit, QPlainTextEdit
from signal_steps import BEERTA, new_form, settle, type_choice

from gebiedsapp.domain.base import reference_id
from gebiedsapp.services import signals
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.signal_record import (
    DESCRIPTION,
    LOCATION,
    SIGNAL_FIELDS,
    SignalDraft,
    SignalFieldDef,
    SignalInputKind,
    draft_keys,
)
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.signals import SignalsScreen
from gebiedsapp.ui.signals.field_texts import TEXTS
from gebiedsapp.ui.signals.form import SignalForm
from support.clicks import click, tick

ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
WIDGETS: dict[SignalInputKind, type] = {
    SignalInputKind.AREA: QComboBox,
    SignalInputKind.BUURT: QComboBox,
    SignalInputKind.LINE: QLineEdit,
    SignalInputKind.COORDINATE: QLineEdit,
    SignalInputKind.TEXT: QPlainTextEdit,
    SignalInputKind.CATEGORY: QComboBox,
    SignalInputKind.PARTNER: QComboBox,
    SignalInputKind.CHOICE: QComboBox,
    SignalInputKind.DAY: QDateEdit,
    SignalInputKind.FLAG: QCheckBox,
}
TYPED = {
    "location": "Dorpsplein 4",
    "latitude": "53,1712",
    "longitude": "7,0341",
    "description": "Glas op het fietspad",
}


@pytest.fixture
def screen(qtbot: Any, context: AppContext) -> SignalsScreen:
    widget = SignalsScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.set_area(BEERTA)  # as the main window does when it builds the screen
    widget.show()
    qtbot.waitExposed(widget)
    settle(qtbot, widget)
    return widget


def _texts(definition: SignalFieldDef) -> list[str]:
    shown = (definition.label, definition.placeholder, definition.accessible, definition.caption)
    return [text for text in (*shown, definition.tooltip) if text]


def test_every_definition_has_its_input_and_its_texts(qtbot: Any, screen: SignalsScreen) -> None:
    form = new_form(qtbot, screen)
    for definition in SIGNAL_FIELDS:
        kind = WIDGETS.get(definition.kind)
        if kind is None:
            assert definition.key not in form.inputs, definition.key
            continue
        assert isinstance(form.inputs.get(definition.key), kind), definition.key
        for text in _texts(definition):
            assert text in TEXTS, f"{text!r} is not listed for lupdate in field_texts"
    labels = {label.text() for label in form.findChildren(QLabel)}
    assert {d.label for d in SIGNAL_FIELDS if d.label} <= labels
    assert form.location.placeholderText() == LOCATION.placeholder
    assert draft_keys() == {d.key for d in SIGNAL_FIELDS}
    assert {f.name for f in dataclasses.fields(SignalInput)} == draft_keys()
    assert form.is_empty()


def _use(qtbot: Any, form: SignalForm, definition: SignalFieldDef) -> None:
    """What a user does in the field: type, choose with the keyboard, tick."""
    widget = form.inputs[definition.key]
    if definition.kind is SignalInputKind.CATEGORY:
        type_choice(qtbot, form.category, "zwerfvuil")
    elif isinstance(widget, QLineEdit | QPlainTextEdit):
        click(qtbot, widget)
        qtbot.keyClicks(widget, TYPED[definition.key])
    elif isinstance(widget, QCheckBox):
        tick(qtbot, widget)
    else:  # a combo box or the date: one step down
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        qtbot.keyClick(widget, Qt.Key.Key_Down)


def _expected(form: SignalForm, definition: SignalFieldDef) -> object:
    """What the field shows now, as the draft should hold it."""
    widget = form.inputs[definition.key]
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        if definition.choices is not None:
            return definition.choices(data)
        if definition.kind is SignalInputKind.BUURT:
            return data
        return uuid.UUID(data) if data else None
    if isinstance(widget, QDateEdit):
        return date.today() - timedelta(days=1)
    if isinstance(widget, QCheckBox):
        return True
    return TYPED[definition.key]


def test_each_field_round_trips_through_the_real_form(
    qtbot: Any, screen: SignalsScreen, context: AppContext
) -> None:
    form = new_form(qtbot, screen)
    before = form.draft()
    for definition in SIGNAL_FIELDS:
        if definition.key not in form.inputs:
            continue
        _use(qtbot, form, definition)
        value = getattr(form.draft(), definition.key)
        assert value == _expected(form, definition), definition.key
        assert value != getattr(before, definition.key), f"{definition.key} did not change"
    draft = form.draft()
    assert draft.category_id == ZWERFVUIL
    assert not form.is_empty()
    assert SignalDraft.from_json(form.payload()) == draft  # the payload holds every field

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.created is not None, timeout=5_000)
    assert form.created is not None
    with context.read() as session:
        saved = signals.get_signal(session, form.created)
        stored = signals.signal_draft(
            SignalInput(
                **{d.key: getattr(saved, d.key) for d in SIGNAL_FIELDS},
            )
        )
    assert stored == draft

    again = new_form(qtbot, screen)
    again.fill(draft)  # a draft fills the form back, field by field
    assert again.draft() == draft
    assert again.description.toPlainText() == TYPED["description"]
    assert again.latitude.text() == TYPED["latitude"]


def test_the_service_refuses_with_the_definitions_texts() -> None:
    with pytest.raises(ValidationError) as empty:
        DESCRIPTION.check_text("   ")
    assert empty.value.message == "Beschrijf in een paar woorden wat er gemeld is."
    assert empty.value.field == "description"
    with pytest.raises(ValidationError) as long:
        LOCATION.check_text("x" * 301)
    assert long.value.message == "De locatie is te lang (hoogstens 300 tekens)."
    assert LOCATION.check_text("  Dorpsplein  ") == "Dorpsplein"


def test_typed_coordinates_are_checked_when_the_draft_is_read() -> None:
    draft = SignalDraft(area_id=BEERTA, description="Lamp", latitude="53,17", longitude="")
    with pytest.raises(ValidationError) as half:
        signals.signal_input(draft)
    assert half.value.field == "coordinates"
    read = signals.signal_input(dataclasses.replace(draft, longitude="7,03"))
    assert (read.latitude, read.longitude) == (53.17, 7.03)
    assert read.reported_on == date.today()  # no date: today, as the form proposes
