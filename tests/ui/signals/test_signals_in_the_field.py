"""Issue 13, the Signalen screen as a regisseur in the field uses it: the 'Nieuw signaal…'
button, the detail following the list (another area, a filter, a buurt on the map, a signal
made from a conversation), typing a category, and a list whose columns can be read at 1366 px."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from signal_steps import (
    BEERTA,
    LICHT,
    buurt_point,
    click_area,
    click_map,
    click_signal,
    ids,
    make_conversation,
    make_signal,
    new_form,
    open_screen,
    settle,
    shown_id,
    signal_from_conversation,
    type_choice,
)

from gebiedsapp.domain import SignalStatus
from gebiedsapp.domain.base import reference_id
from gebiedsapp.services import signals
from gebiedsapp.services.signals import SplitPart
from gebiedsapp.ui.context import SIGNALS, AppContext
from gebiedsapp.ui.main_window import SIGNALS as SIGNALS_SCREEN
from gebiedsapp.ui.main_window import MainWindow
from gebiedsapp.ui.signals import SignalsScreen
from gebiedsapp.ui.signals.dialogs import ChoiceDialog
from gebiedsapp.ui.signals.models import ColumnWidths, SignalsModel
from gebiedsapp.ui.signals.picker import Pick, fold

OLDAMBT = reference_id("area", "oldambt")
DRIEBORG = reference_id("area", "drieborg")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
GLADHEID = reference_id("signal_category", "wegen-verkeer-straatmeubilair/gladheid")
EENZAAMHEID = reference_id("signal_category", "sociaal/eenzaamheid")
NETBEHEERDER = reference_id("partner", "netbeheerder")
BEERTA_BUURT = "BU18950300"
OTHER_BEERTA_BUURT = "BU18950301"


@pytest.fixture
def screen(qtbot: Any, context: AppContext) -> SignalsScreen:
    """Signalen of Beerta, the width it gets beside the area tree on a 1366 px laptop."""
    widget = SignalsScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1366 - 262, 700)
    widget.set_area(BEERTA)  # as the main window does when it builds the screen
    widget.show()
    qtbot.waitExposed(widget)
    settle(qtbot, widget)
    return widget


@pytest.fixture
def in_window(qtbot: Any, window: MainWindow) -> SignalsScreen:
    open_screen(qtbot, window, SIGNALS_SCREEN)
    screen = window.screens[SIGNALS_SCREEN]
    assert isinstance(screen, SignalsScreen)
    settle(qtbot, screen)
    return screen


def _warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def record(_parent: object, _title: str, text: str, *_a: object) -> None:
        said.append(text)

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    return said


def _with_dialog(act: Callable[[QDialog], None]) -> list[QDialog]:
    """Answer the modal dialog that the next click opens; it is rejected if `act` leaves it
    open, so a test never hangs on it."""
    seen: list[QDialog] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog), dialog
        seen.append(dialog)
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    return seen


# -- 1: the button -----------------------------------------------------------------------------


def test_clicking_nieuw_signaal_opens_an_empty_form_for_the_area(
    qtbot: Any, screen: SignalsScreen
) -> None:
    form = new_form(qtbot, screen)  # clicked(bool) arrived as `prefill`: AttributeError
    assert form.isVisible()
    assert form.prefill is None
    assert form.area.currentData() == str(BEERTA)
    assert form.description.toPlainText() == ""
    assert form.category.currentData() == ""


# -- 3: the detail follows the list --------------------------------------------------------------


def test_choosing_another_area_in_the_tree_empties_the_detail_of_a_signal_that_left_the_list(
    qtbot: Any, window: MainWindow, context: AppContext, in_window: SignalsScreen
) -> None:
    screen = in_window
    drieborg = make_signal(context, area_id=DRIEBORG, description="Losse stoeptegel")
    beerta = make_signal(context, description="Lamp kapot")
    click_area(qtbot, window, OLDAMBT)
    settle(qtbot, screen)
    assert set(ids(screen)) == {drieborg, beerta}
    click_signal(qtbot, screen, drieborg)
    assert screen.detail.move_buttons  # live buttons that would change it

    click_area(qtbot, window, BEERTA)
    settle(qtbot, screen)
    assert ids(screen) == [beerta]
    assert shown_id(screen) is None  # not the Drieborg signal beside Beerta's list
    assert screen.detail.move_buttons == {}
    assert screen.detail.title.text() == "Geen signaal gekozen"

    # a signal that stays in the list stays chosen
    click_signal(qtbot, screen, beerta)
    click_area(qtbot, window, OLDAMBT)
    settle(qtbot, screen)
    assert shown_id(screen) == beerta
    rows = screen.table.selectionModel().selectedRows()
    assert [screen.model.rows[index.row()].id for index in rows] == [beerta]


def test_a_signal_made_from_a_conversation_does_not_leave_another_areas_signal_beside_the_list(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    window: MainWindow,
    context: AppContext,
    in_window: SignalsScreen,
) -> None:
    screen = in_window
    drieborg = make_signal(context, area_id=DRIEBORG)
    make_conversation(context)
    click_area(qtbot, window, OLDAMBT)
    settle(qtbot, screen)
    click_signal(qtbot, screen, drieborg)

    form = signal_from_conversation(qtbot, window)  # Koffiekar, Beerta, 'Signaal maken…'
    settle(qtbot, screen)
    assert ids(screen) == []  # Beerta has no signals yet
    assert shown_id(screen) is None  # the Drieborg signal went with Oldambt's list

    type_choice(qtbot, form.category, "eenzaam")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.created is not None
    settle(qtbot, screen)
    assert ids(screen) == [form.created]
    assert shown_id(screen) == form.created  # the new one, chosen in the list


def test_a_filter_or_a_buurt_on_the_map_that_drops_the_chosen_signal_empties_the_detail(
    qtbot: Any, context: AppContext, screen: SignalsScreen
) -> None:
    here = make_signal(context, buurt_code=BEERTA_BUURT)
    late = make_signal(
        context,
        buurt_code=OTHER_BEERTA_BUURT,
        category_id=GLADHEID,
        reported_on=date.today() - timedelta(days=20),
    )
    settle(qtbot, screen)
    click_signal(qtbot, screen, here)

    screen.label_combo.setFocus()
    qtbot.keyClicks(screen.label_combo, "ruim")  # Termijn: ruim buiten de termijn
    settle(qtbot, screen)
    assert ids(screen) == [late]
    assert shown_id(screen) is None

    click_signal(qtbot, screen, late)
    qtbot.keyClick(screen.label_combo, Qt.Key.Key_Home)  # (alle)
    settle(qtbot, screen)
    assert set(ids(screen)) == {here, late}
    assert shown_id(screen) == late  # still in the list: still chosen

    click_map(qtbot, screen, buurt_point(screen, BEERTA_BUURT))
    settle(qtbot, screen)
    assert ids(screen) == [here]
    assert shown_id(screen) is None


def test_a_signal_the_user_closes_stays_in_the_detail_when_it_leaves_the_open_list(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, screen: SignalsScreen
) -> None:
    """Not a list change but the user's own change: the detail keeps it (to record feedback)."""
    signal = make_signal(context)
    settle(qtbot, screen)
    click_signal(qtbot, screen, signal)
    _with_dialog(lambda dialog: dialog.accept())
    qtbot.mouseClick(
        screen.detail.move_buttons[SignalStatus.GEANNULEERD], Qt.MouseButton.LeftButton
    )
    settle(qtbot, screen)
    assert ids(screen) == []
    assert shown_id(screen) == signal
    assert screen.detail.detail is not None
    assert screen.detail.detail.status is SignalStatus.GEANNULEERD


# -- 4: typing a category ----------------------------------------------------------------------


def test_typing_part_of_a_sub_category_chooses_it_and_shows_it_in_full(
    qtbot: Any, screen: SignalsScreen
) -> None:
    form = new_form(qtbot, screen)
    field = form.category
    field.setFocus()
    qtbot.keyClicks(field, "Straatv")
    assert field.currentData() == ""  # typing alone chooses nothing yet
    popup = field.list_popup
    assert popup.isVisible()
    assert [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())] == [
        "Wegen, verkeer, straatmeubilair › Straatverlichting"
    ]
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.currentData() == str(LICHT)  # not "Sociaal"
    assert field.currentText() == "Wegen, verkeer, straatmeubilair › Straatverlichting"
    assert form.partner.currentData() == str(NETBEHEERDER)  # the category's default partner
    assert form.isVisible()  # Enter chose the category; it did not save the form

    type_choice(qtbot, field, "SOCIAAL EENZAAMHÉID")  # case, accents and word order aside
    assert field.currentData() == str(EENZAAMHEID)
    type_choice(qtbot, field, "afval")  # a main category's own name, not 'Bedrijfsafval'
    assert field.currentText() == "Afval"
    type_choice(qtbot, field, "wegen")  # only one category is itself called so
    assert field.currentText() == "Wegen, verkeer, straatmeubilair"


def test_typed_text_that_names_no_single_category_chooses_nothing_and_is_not_saved(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, screen: SignalsScreen
) -> None:
    said = _warnings(monkeypatch)
    form = new_form(qtbot, screen)
    qtbot.keyClicks(form.description, "Lamp brandt de hele dag")
    type_choice(qtbot, form.category, "Straatvx")
    assert form.category.currentData() == ""
    assert form.category.problem == "Geen categorie gevonden met ‘Straatvx’."
    assert form.category.currentText() == "Straatvx"  # what was typed stays to be corrected
    assert form.category.warning.isVisible()  # a warning sign in the field says so
    assert form.category.warning.toolTip() == "Geen categorie gevonden met ‘Straatvx’."
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert said == ["Geen categorie gevonden met ‘Straatvx’."]
    assert form.isVisible()
    assert form.created is None

    type_choice(qtbot, form.category, "straat")  # several: none of them silently
    assert form.category.currentData() == ""
    assert "past bij" in form.category.problem
    assert "kies er een uit de lijst" in form.category.problem

    type_choice(qtbot, form.category, "straatverl")
    assert not form.category.warning.isVisible()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.created is not None
    assert len(said) == 1
    settle(qtbot, screen)
    assert screen.model.rows[0].category == "Straatverlichting"


def test_the_category_filter_finds_by_typing_and_a_typo_keeps_what_the_list_shows(
    qtbot: Any, context: AppContext, screen: SignalsScreen
) -> None:
    lamp = make_signal(context)
    litter = make_signal(context, category_id=ZWERFVUIL)
    settle(qtbot, screen)
    field = screen.category_combo
    type_choice(qtbot, field, "zwerf")
    settle(qtbot, screen)
    assert ids(screen) == [litter]
    assert field.currentText() == "Afval › Zwerfvuil"

    type_choice(qtbot, field, "zwerfvuul")
    assert field.problem == "Geen categorie gevonden met ‘zwerfvuul’."
    assert field.currentText() == "Afval › Zwerfvuil"  # the field says what the list shows
    assert field.warning.isVisible()
    assert not screen.is_busy()
    assert ids(screen) == [litter]

    type_choice(qtbot, field, "")
    settle(qtbot, screen)
    assert set(ids(screen)) == {lamp, litter}
    assert field.lineEdit().placeholderText() == "(alle)"


def test_the_category_dialog_of_a_signal_takes_a_typed_category(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, screen: SignalsScreen
) -> None:
    said = _warnings(monkeypatch)
    signal = make_signal(context)
    settle(qtbot, screen)
    click_signal(qtbot, screen, signal)

    def typo_then_gladheid(dialog: QDialog) -> None:
        assert isinstance(dialog, ChoiceDialog)
        box = dialog.findChild(QDialogButtonBox)
        assert isinstance(box, QDialogButtonBox)
        type_choice(qtbot, dialog.combo, "gladhied")
        assert dialog.isVisible()  # Enter in the field does not close the dialog
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert said == ["Geen categorie gevonden met ‘gladhied’."]
        assert dialog.isVisible()  # 'Wijzigen' refused: it would not change to what is shown
        type_choice(qtbot, dialog.combo, "gladh")
        assert dialog.combo.currentText() == "Wegen, verkeer, straatmeubilair › Gladheid"
        assert dialog.isVisible()
        qtbot.keyClick(dialog.combo, Qt.Key.Key_Return)  # a second Enter is the dialog's

    seen = _with_dialog(typo_then_gladheid)
    qtbot.mouseClick(screen.detail.category_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    assert screen.detail.detail is not None
    assert screen.detail.detail.category == "Gladheid"


def test_fold_ignores_case_and_accents() -> None:
    assert fold("  Eénzaamheid ") == "eenzaamheid"
    assert fold("ÇA") == "ca"
    assert Pick("1", "    Gladheid", "Wegen › Gladheid").text == "Wegen › Gladheid"


# -- the list's columns --------------------------------------------------------------------------


def test_at_1366_px_the_category_column_is_readable_and_every_column_in_view(
    qtbot: Any, context: AppContext, screen: SignalsScreen
) -> None:
    make_signal(context)
    settle(qtbot, screen)
    header = screen.table.horizontalHeader()
    assert header.sectionSize(SignalsModel.COL_CATEGORY) >= screen.columns.floor >= 90  # was 35
    assert isinstance(screen.columns, ColumnWidths)
    total = sum(header.sectionSize(column) for column in range(header.count()))
    assert total <= screen.table.viewport().width()  # no scrolling sideways for 'Termijn'


def test_a_narrow_detail_pane_shows_all_its_buttons_and_wraps_a_long_parent_name(
    qtbot: Any, context: AppContext, screen: SignalsScreen
) -> None:
    parent = make_signal(
        context, description="Donker pad achter de school, vol zwerfvuil en met losse tegels"
    )
    with context.database.unit_of_work("test") as session:
        (child,) = (
            c.id for c in signals.split(session, parent, [SplitPart(LICHT, None, "Lamp vervangen")])
        )
        signals.transition(session, child, SignalStatus.IN_BEHANDELING)  # the longest moves
    context.hub.announce(SIGNALS)
    screen.resize(900, 700)  # a small window, or large text
    settle(qtbot, screen)
    click_signal(qtbot, screen, child)
    pane = screen.detail
    assert SignalStatus.DOORGEZET in pane.move_buttons
    for button in pane.move_buttons.values():
        qtbot.waitUntil(button.isVisible)
    assert pane.parent_link.isVisible()

    right = pane.viewport().width()
    assert pane.body.width() <= right  # the pane does not scroll sideways: nothing cut off
    for button in pane.move_buttons.values():
        edge = button.mapTo(pane.viewport(), QPoint(button.width(), 0)).x()
        assert edge <= right, f"'{button.text()}' is cut off"
