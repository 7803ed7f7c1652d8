"""The initiative form reads its fields from their definitions (services.initiative_record):
every definition has its input, what is typed there reaches the draft, the draft comes back,
and what is saved comes back in the form as the draft it was."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from gebiedsapp.domain import InitiativeStatus
from gebiedsapp.services import teams
from gebiedsapp.services.initiative_record import (
    MAX_TITLE,
    RECORD_FIELDS,
    InitiativeDraft,
    InputKind,
    MilestoneDraft,
    draft_keys,
)
from gebiedsapp.services.taxonomy import list_partners, list_themes
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.initiatives import InitiativesScreen
from gebiedsapp.ui.initiatives.field_texts import TEXTS
from support.clicks import CTRL, click, focused

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

WIDGETS = {
    InputKind.LINE: QLineEdit,
    InputKind.MONEY: QLineEdit,
    InputKind.TEXT: QPlainTextEdit,
    InputKind.CHOICE: QComboBox,
    InputKind.AREA: QComboBox,
    InputKind.PICK: QComboBox,
    InputKind.DAY: QDateEdit,
}
TODAY = date.today()


@pytest.fixture
def screen(qtbot: QtBot, context: AppContext, beerta: uuid.UUID) -> InitiativesScreen:
    with context.database.unit_of_work("test") as session:
        teams.add_member(session, name="Anna Opbouw")
    widget = InitiativesScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.set_area(beerta)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    qtbot.waitUntil(lambda: not context.background.busy())
    return widget


def test_every_field_definition_has_its_input_and_the_draft_its_field(
    screen: InitiativesScreen,
) -> None:
    form = screen.form
    assert draft_keys() == {d.key for d in RECORD_FIELDS}
    for definition in RECORD_FIELDS:
        kind = WIDGETS.get(definition.kind)
        if kind is None:
            continue
        widget = form.inputs[definition.key]
        assert isinstance(widget, kind), definition.key
        assert widget.accessibleName() == (definition.accessible or definition.label)
    assert set(form.inputs) == {d.key for d in RECORD_FIELDS if d.kind in WIDGETS}
    assert form.title_edit.maxLength() == MAX_TITLE
    assert form.support_edit.placeholderText() == "Advies, contacten, hulp bij een aanvraag…"


def test_what_is_typed_in_every_field_reaches_the_draft_and_comes_back(
    qtbot: QtBot, context: AppContext, screen: InitiativesScreen
) -> None:
    form = screen.form
    typed = {
        "title": "Moestuin",
        "carried_by": "Tuinclub De Wortel",
        "budget_requested": "1.250,50",
        "budget_granted": "750",
        "budget_source": "Leefbaarheidsbudget",
        "description": "Een moestuin voor de buurt.",
        "support": "Hulp bij de aanvraag.",
    }
    for definition in RECORD_FIELDS:
        widget = form.inputs.get(definition.key)
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            click(qtbot, widget)
            qtbot.keyClicks(widget, typed[definition.key])
    for _ in range(3):  # idee, voorbereiding, uitvoering, afgerond
        qtbot.keyClick(form.status_combo, Qt.Key.Key_Down)
    qtbot.keyClick(form.supporter_combo, Qt.Key.Key_Down)  # Anna
    click(qtbot, form.milestones.add_button)
    qtbot.keyClicks(focused(), "Grond gehuurd")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # on to Streefdatum
    qtbot.keyClicks(focused(), "1-9-2030")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # the cell is kept; leaving the table too
    click(qtbot, form.themes.filter)
    qtbot.keyClicks(form.themes.filter, "eenz")
    qtbot.keyClick(form.themes.filter, Qt.Key.Key_Return)  # ticks Eenzaamheid
    click(qtbot, form.partners)
    qtbot.keyClick(form.partners, Qt.Key.Key_Home)
    qtbot.keyClick(form.partners, Qt.Key.Key_Space)  # ticks the first partner

    draft = form.draft()
    assert {key: getattr(draft, key) for key in typed} == typed
    assert draft.status is InitiativeStatus.AFGEROND
    assert draft.ended_on == date.today()  # an end status asks for the end day
    with context.read() as session:
        eenzaamheid = next(t.id for t in list_themes(session) if t.name == "Eenzaamheid")
        partners = {p.id for p in list_partners(session)}
        anna = next(m.id for m in teams.list_members(session) if m.name == "Anna Opbouw")
    assert draft.supporter_id == anna
    assert draft.theme_ids == (eenzaamheid,)
    assert len(draft.partner_ids) == 1
    assert draft.partner_ids[0] in partners
    assert draft.milestones == (MilestoneDraft("Grond gehuurd", "1-9-2030"),)
    assert not draft.is_empty()

    form.clear(area_id=None, today=TODAY)
    assert form.is_empty()
    form.fill(draft)
    assert form.draft() == draft

    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return, CTRL)  # saves
    qtbot.waitUntil(lambda: screen.editing_id is not None)
    saved = form.draft()  # the stored initiative, as the form shows it again
    assert saved.budget_requested == "€ 1.250,50"
    assert saved.budget_granted == "€ 750"
    assert saved.milestones[0].due == "01-09-2030"
    assert saved.milestones[0].id is not None
    same = ("budget_requested", "budget_granted", "milestones")
    assert {k: v for k, v in saved.compared().items() if k not in same} == {
        k: v for k, v in draft.compared().items() if k not in same
    }


def test_an_end_day_counts_only_with_an_end_status(screen: InitiativesScreen) -> None:
    blank = InitiativeDraft(status=InitiativeStatus.IDEE, ended_on=TODAY)
    assert blank.compared() == InitiativeDraft(status=InitiativeStatus.IDEE).compared()
    assert blank.is_empty()
    ended = InitiativeDraft(status=InitiativeStatus.GESTOPT, ended_on=TODAY)
    assert ended.compared()["ended_on"] == TODAY
    assert InitiativeDraft(milestones=(MilestoneDraft(),)).is_empty()  # a blank new row


def test_every_text_the_form_takes_from_a_definition_is_listed_for_translation() -> None:
    shown = set()
    for definition in RECORD_FIELDS:
        if definition.kind in WIDGETS:
            shown |= {definition.accessible or definition.label, definition.placeholder}
    assert shown - {""} <= set(TEXTS)
