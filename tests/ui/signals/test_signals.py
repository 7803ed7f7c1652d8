"""The signals screen: a signal from a conversation, its workflow through the buttons (only the
allowed moves offered), splitting, feedback, and the overdue and waiting-for-feedback filters."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from signal_steps import (
    buurt_point,
    click_area,
    click_map,
    click_signal,
    ids,
    make_conversation,
    make_signal,
    map_point,
    new_form,
    open_screen,
    settle,
    signal_from_conversation,
    type_choice,
)

from gebiedsapp.domain import SignalSource, SignalStatus
from gebiedsapp.domain.base import reference_id
from gebiedsapp.domain.enums import DeadlineLabel
from gebiedsapp.domain.signal_workflow import ALLOWED
from gebiedsapp.services import signals
from gebiedsapp.ui.admin.common import select_data
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import SIGNALS as SIGNALS_SCREEN
from gebiedsapp.ui.main_window import MainWindow
from gebiedsapp.ui.signals import SignalsScreen
from gebiedsapp.ui.signals.detail import SignalDetailPane
from gebiedsapp.ui.signals.dialogs import ChoiceDialog, FeedbackDialog, NoteDialog, SplitDialog

S = SignalStatus
BEERTA = reference_id("area", "beerta")
OLDAMBT = reference_id("area", "oldambt")
EENZAAMHEID = reference_id("signal_category", "sociaal/eenzaamheid")  # welzijn-ouderenwerk
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
LICHT = reference_id("signal_category", "wegen-verkeer-straatmeubilair/straatverlichting")
GLADHEID = reference_id("signal_category", "wegen-verkeer-straatmeubilair/gladheid")  # 1 kal.
WELZIJN = reference_id("partner", "welzijn-ouderenwerk")
NETBEHEERDER = reference_id("partner", "netbeheerder")
ACCEPTED = QDialog.DialogCode.Accepted
SCHEEMDA = "BU18950600"


_signal = make_signal
_settle = settle


@pytest.fixture
def screen(qtbot: Any, context: AppContext) -> SignalsScreen:
    widget = SignalsScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.set_area(BEERTA)  # as the main window does when it builds the screen
    widget.show()
    qtbot.waitExposed(widget)
    _settle(qtbot, widget)
    return widget


@pytest.fixture
def in_window(qtbot: Any, window: MainWindow) -> SignalsScreen:
    """Signalen in the main window (its toolbar button)."""
    open_screen(qtbot, window, SIGNALS_SCREEN)
    screen = window.screens[SIGNALS_SCREEN]
    assert isinstance(screen, SignalsScreen)
    _settle(qtbot, screen)
    return screen


_ids = ids


def _accept(
    monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: Callable[[Any], None]
) -> None:
    def fake_exec(dialog: Any) -> QDialog.DialogCode:
        fill(dialog)
        return ACCEPTED

    monkeypatch.setattr(cls, "exec", fake_exec)


def _move(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    screen: SignalsScreen,
    status: SignalStatus,
    note: str = "",
) -> None:
    pane = screen.detail
    before = pane.detail
    assert before is not None
    assert set(pane.move_buttons) == ALLOWED[before.status], before.status
    _accept(monkeypatch, NoteDialog, lambda d: d.note.setText(note))
    qtbot.mouseClick(pane.move_buttons[status], Qt.MouseButton.LeftButton)
    assert pane.detail is not None
    assert pane.detail.status == status
    _settle(qtbot, screen)


def _status(pane: SignalDetailPane) -> SignalStatus | None:
    return pane.detail.status if pane.detail is not None else None


def _warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_a: object) -> None:
        shown.append(text)

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    return shown


def test_a_signal_from_a_conversation_through_its_workflow(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, window: MainWindow
) -> None:
    make_conversation(context)
    form = signal_from_conversation(qtbot, window)
    screen = window.screens[SIGNALS_SCREEN]
    assert isinstance(screen, SignalsScreen)
    assert form.description.toPlainText() == "Buurvrouw komt de deur niet meer uit"
    assert form.location.text() == "Dorpsplein"
    assert form.source.currentData() == SignalSource.KOFFIEKAR.value
    assert form.area.currentData() == str(BEERTA)

    warnings = _warnings(monkeypatch)
    # no category yet: the service says so and nothing is written
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert warnings == ["Kies een categorie."]
    assert form.isVisible()

    type_choice(qtbot, form.category, "eenzaam")
    assert form.category.currentData() == str(EENZAAMHEID)
    assert form.partner.currentData() == str(WELZIJN)  # the category's default partner
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.created is not None
    _settle(qtbot, screen)
    assert _ids(screen) == [form.created]
    pane = screen.detail
    assert pane.detail is not None
    assert pane.detail.id == form.created
    assert "Koffiekargesprek" in pane.origin.text()

    # through the workflow; each step offers exactly the moves the table allows
    for status in (S.IN_BEHANDELING, S.DOORGEZET, S.INGEPLAND, S.AFGEHANDELD, S.HEROPEND):
        _move(qtbot, monkeypatch, screen, status, note=f"naar {status.value}")
    assert set(pane.move_buttons) == ALLOWED[S.HEROPEND]
    assert S.GEMELD not in pane.move_buttons
    history = pane.history.text()
    assert "naar afgehandeld" in history
    assert history.index("Heropend") < history.index("Ingepland")  # newest first

    # change the priority through its dialog, recorded in the history
    _accept(monkeypatch, ChoiceDialog, lambda d: select_data(d.combo, "hoog"))
    qtbot.mouseClick(pane.priority_button, Qt.MouseButton.LeftButton)
    assert pane.detail is not None
    assert pane.detail.priority.value == "hoog"
    assert "Prioriteit" in pane.history.text()

    _accept(monkeypatch, ChoiceDialog, lambda d: select_data(d.combo, str(ZWERFVUIL)))
    qtbot.mouseClick(pane.category_button, Qt.MouseButton.LeftButton)
    assert pane.detail is not None
    assert pane.detail.category == "Zwerfvuil"
    assert "Categorie</b>: Eenzaamheid → Zwerfvuil" in pane.history.text()
    _settle(qtbot, screen)
    assert screen.model.rows[0].category == "Zwerfvuil"


def test_split_and_feedback_and_the_waiting_list(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, screen: SignalsScreen
) -> None:
    parent_id = _signal(context, description="Donker en vies pad", wants_feedback=True)
    _settle(qtbot, screen)
    click_signal(qtbot, screen, parent_id)
    pane = screen.detail
    assert pane.detail is not None
    assert pane.detail.id == parent_id

    def fill(dialog: SplitDialog) -> None:
        (c1, p1, t1), (c2, _p2, t2) = dialog.rows
        select_data(c1, str(LICHT))
        select_data(p1, str(NETBEHEERDER))
        t1.setText("Lamp vervangen")
        select_data(c2, str(ZWERFVUIL))
        t2.setText("Pad schoonmaken")

    _accept(monkeypatch, SplitDialog, fill)
    qtbot.mouseClick(pane.split_button, Qt.MouseButton.LeftButton)
    assert pane.detail is not None
    children = pane.detail.children
    assert [c.description for c in children] == ["Lamp vervangen", "Pad schoonmaken"]
    assert pane.detail.status == S.IN_BEHANDELING
    assert "Lamp vervangen" not in pane.history.text()
    assert "2 deelsignalen" in pane.history.text()
    _settle(qtbot, screen)
    assert set(_ids(screen)) == {parent_id, *(c.id for c in children)}

    # the parent cannot close while children are open: the service says why
    warnings = _warnings(monkeypatch)
    _accept(monkeypatch, NoteDialog, lambda d: None)
    qtbot.mouseClick(pane.move_buttons[S.AFGEHANDELD], Qt.MouseButton.LeftButton)
    assert len(warnings) == 1
    assert "deelsignalen" in warnings[0]

    # close both children; the parent follows
    for child in children:
        click_signal(qtbot, screen, child.id)
        _move(qtbot, monkeypatch, screen, S.IN_BEHANDELING)
        _move(qtbot, monkeypatch, screen, S.AFGEHANDELD)

    qtbot.mouseClick(screen.waiting, Qt.MouseButton.LeftButton)
    assert screen.waiting.isChecked()
    _settle(qtbot, screen)
    assert not screen.status_combo.isEnabled()
    assert _ids(screen) == [parent_id]
    click_signal(qtbot, screen, parent_id)
    assert _status(pane) == S.AFGEHANDELD

    def feedback(dialog: FeedbackDialog) -> None:
        select_data(dialog.how, "telefoon")
        dialog.note.setPlainText("Gebeld: pad is schoon en verlicht.")

    _accept(monkeypatch, FeedbackDialog, feedback)
    qtbot.mouseClick(pane.feedback_button, Qt.MouseButton.LeftButton)
    assert "Gebeld: pad is schoon" in pane.feedback.text()
    assert "telefoon · test" in pane.feedback.text()
    _settle(qtbot, screen)
    assert _ids(screen) == []


def test_an_overdue_signal_comes_first_and_leaves_the_overdue_filter_when_closed(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, screen: SignalsScreen
) -> None:
    on_time = _signal(context, description="Nieuw")
    late = _signal(
        context,
        description="Gladde stoep",
        category_id=GLADHEID,
        reported_on=date.today() - timedelta(days=20),
    )
    _settle(qtbot, screen)
    assert _ids(screen) == [late, on_time]  # ruim buiten de termijn first
    assert screen.model.rows[0].label == DeadlineLabel.RUIM_BUITEN
    assert "2 gemeld" in screen.counts.text()

    select_data(screen.label_combo, DeadlineLabel.RUIM_BUITEN.value)
    _settle(qtbot, screen)
    assert _ids(screen) == [late]

    click_signal(qtbot, screen, late)
    _move(qtbot, monkeypatch, screen, S.IN_BEHANDELING)
    assert _ids(screen) == [late]
    assert "1 in behandeling" in screen.counts.text()
    _move(qtbot, monkeypatch, screen, S.AFGEHANDELD)
    assert _ids(screen) == []  # closed: off the (open) overdue list
    assert "1 afgehandeld" in screen.counts.text()


def test_filters_area_and_buurt(
    qtbot: Any, window: MainWindow, context: AppContext, in_window: SignalsScreen
) -> None:
    screen = in_window
    beerta = _signal(context)
    elsewhere = _signal(context, area_id=reference_id("area", "finsterwolde"))
    click_area(qtbot, window, BEERTA)
    _settle(qtbot, screen)
    assert _ids(screen) == [beerta]
    click_area(qtbot, window, OLDAMBT)
    _settle(qtbot, screen)
    assert set(_ids(screen)) == {beerta, elsewhere}

    top = reference_id("signal_category", "wegen-verkeer-straatmeubilair")
    type_choice(qtbot, screen.category_combo, "wegen")  # a top level includes its children
    assert screen.category_combo.currentData() == str(top)
    _settle(qtbot, screen)
    assert set(_ids(screen)) == {beerta, elsewhere}
    type_choice(qtbot, screen.category_combo, "zwerfvuil")
    assert screen.category_combo.currentData() == str(ZWERFVUIL)
    _settle(qtbot, screen)
    assert _ids(screen) == []
    type_choice(qtbot, screen.category_combo, "")  # empty: (alle)
    assert screen.category_combo.currentData() == ""

    click_map(qtbot, screen, buurt_point(screen, SCHEEMDA))  # neither signal has a buurt
    _settle(qtbot, screen)
    assert screen.buurt_code == SCHEEMDA
    assert _ids(screen) == []
    assert screen.buurt_chip.isVisible()
    qtbot.mouseClick(screen.buurt_chip, Qt.MouseButton.LeftButton)
    _settle(qtbot, screen)
    assert set(_ids(screen)) == {beerta, elsewhere}


def test_ctrl_enter_saves_a_new_signal(
    qtbot: Any, context: AppContext, screen: SignalsScreen
) -> None:
    form = new_form(qtbot, screen)
    qtbot.keyClicks(form.description, "Hondenpoep op het schoolplein")
    type_choice(qtbot, form.category, "zwerfvuil")
    assert form.isVisible()  # Enter in the category field chooses; it does not save
    form.description.setFocus()
    qtbot.waitUntil(form.description.hasFocus)
    qtbot.keyClick(form.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.created is not None, timeout=5_000)
    _settle(qtbot, screen)
    assert _ids(screen) == [form.created]


def test_models(qtbot: Any, qtmodeltester: Any, context: AppContext, screen: SignalsScreen) -> None:
    _signal(context)
    _signal(context, category_id=GLADHEID, reported_on=date.today() - timedelta(days=10))
    _settle(qtbot, screen)
    assert screen.model.rowCount() == 2
    qtmodeltester.check(screen.model)


def test_a_long_list_shows_its_first_rows_and_counts_them_all(
    qtbot: Any, context: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond the rows it shows, Signalen only counts (issue 19: on ten times the data a list
    of 62,000 made every row): the first rows in the list's order, its length in the status
    line, and an overdue signal among the rest still opens from the list's top."""
    from gebiedsapp.ui.signals import loading

    monkeypatch.setattr(loading, "SHOWN_LIMIT", 2)
    late = _signal(context, reported_on=date.today() - timedelta(days=60))
    for days in (1, 2):
        _signal(context, reported_on=date.today() - timedelta(days=days))
    open_screen(qtbot, window, SIGNALS_SCREEN)
    screen = window.screens[SIGNALS_SCREEN]
    assert isinstance(screen, SignalsScreen)
    _settle(qtbot, screen)
    assert screen.model.rowCount() == 2
    assert ids(screen)[0] == late  # overdue first
    assert screen.status_line.text().startswith("3 signalen; de eerste 2 worden getoond")
    click_signal(qtbot, screen, late)  # the detail shows it


def test_the_detail_pane_without_a_signal(qtbot: Any, context: AppContext) -> None:
    pane = SignalDetailPane(context)
    qtbot.addWidget(pane)
    pane.show_signal(uuid.uuid4())
    assert pane.detail is None
    assert pane.move_buttons == {}


def test_the_map_counts_open_signals_per_buurt_and_filters_on_click(
    qtbot: Any, context: AppContext, screen: SignalsScreen
) -> None:
    speelplaats = reference_id("signal_category", "wegen-verkeer-straatmeubilair/speelplaats")
    for _ in range(2):
        _signal(
            context,
            buurt_code="BU18950300",
            description="Losliggende stoeptegels",
            source=SignalSource.KOFFIEKAR,
            category_id=speelplaats,
        )
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=10_000)
    _settle(qtbot, screen)
    assert sorted(screen.map.codes()) == ["BU18950300", "BU18950301", "BU18950302", "BU18950309"]
    assert "2 open signalen" in screen.map.tooltip("BU18950300")
    assert "0 open signalen" in screen.map.tooltip("BU18950301")
    click_map(qtbot, screen, buurt_point(screen, "BU18950301"))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=10_000)
    assert screen.map.selected == "BU18950301"
    context.background.wait()


def test_the_form_takes_coordinates_with_a_decimal_comma_and_refuses_bad_ones(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, context: AppContext, screen: SignalsScreen
) -> None:
    shown = _warnings(monkeypatch)
    form = new_form(qtbot, screen)
    qtbot.keyClicks(form.description, "Losliggende stoeptegel")
    type_choice(qtbot, form.category, "zwerfvuil")
    assert form.category.currentData() == str(ZWERFVUIL)
    qtbot.keyClicks(form.latitude, "53,1712")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)  # half filled
    assert shown == ["Geef zowel de breedte- als de lengtegraad, of geen van beide."]
    qtbot.keyClicks(form.longitude, "4,89")  # Amsterdam's longitude
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "niet in of bij Oldambt" in shown[-1]
    assert form.created is None
    form.longitude.selectAll()
    qtbot.keyClicks(form.longitude, "7,0341")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.created is not None
    assert len(shown) == 2
    with context.read() as session:
        row = signals.get_signal(session, form.created)
        assert (row.latitude, row.longitude) == (53.1712, 7.0341)


def test_open_signals_with_coordinates_are_points_on_the_map(
    qtbot: Any, window: MainWindow, context: AppContext, in_window: SignalsScreen
) -> None:
    screen = in_window
    click_area(qtbot, window, BEERTA)
    placed = _signal(context, latitude=53.1712, longitude=7.0341, location="Hoofdstraat 1")
    _signal(context, description="Zonder plek")  # no coordinates: no point
    done = _signal(context, latitude=53.18, longitude=7.05)
    with context.database.unit_of_work("test") as session:
        signals.transition(session, done, SignalStatus.GEANNULEERD)
    elsewhere = _signal(
        context,
        area_id=reference_id("area", "midwolda"),
        latitude=53.19,
        longitude=7.0,
    )
    _settle(qtbot, screen)
    assert len(screen.map.points()) == 1
    point = screen.map.points()[0]
    assert (point.lon, point.lat, point.tooltip) == (
        7.0341,
        53.1712,
        "Straatverlichting · Hoofdstraat 1 · Gemeld",
    )
    assert uuid.UUID(point.key) == placed

    # the whole municipality shows the point in Midwolda too
    click_area(qtbot, window, OLDAMBT)
    _settle(qtbot, screen)
    assert {uuid.UUID(p.key) for p in screen.map.points()} == {placed, elsewhere}

    # the filters apply: another category leaves no points
    type_choice(qtbot, screen.category_combo, "zwerfvuil")
    _settle(qtbot, screen)
    assert screen.map.points() == []
    type_choice(qtbot, screen.category_combo, "")
    _settle(qtbot, screen)

    # a click on a point opens that signal
    click_map(qtbot, screen, map_point(screen, point.lon, point.lat))
    assert screen.detail.detail is not None
    assert screen.detail.detail.id == placed
    assert screen.detail.detail.coordinates == (53.1712, 7.0341)
    assert "(53,17120; 7,03410)" in screen.detail.values["location"].text()


def test_the_export_holds_the_filtered_list_in_the_screens_order(
    qtbot: Any,
    context: AppContext,
    screen: SignalsScreen,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gebiedsapp.services.export import CSV_ENCODING, ExportFormat

    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text, *_a: told.append(text))
    )
    first = _signal(context, description="Lamp bij de kerk")
    second = _signal(context, description="Zwerfvuil op het plein", category_id=ZWERFVUIL)
    _signal(context, area_id=reference_id("area", "finsterwolde"), description="Elders")
    _settle(qtbot, screen)
    assert set(_ids(screen)) == {first, second}
    type_choice(qtbot, screen.category_combo, "zwerfvuil")
    _settle(qtbot, screen)
    assert _ids(screen) == [second]
    target = tmp_path / "signalen.csv"
    with qtbot.waitSignal(screen.exporter.exported, timeout=15_000) as done:
        assert screen.exporter.export_to(target, fmt=ExportFormat.CSV)
    assert done.args == [target, 1]
    text = target.read_bytes().decode(CSV_ENCODING)
    assert "Zwerfvuil op het plein" in text
    assert "Lamp bij de kerk" not in text
    assert "Elders" not in text
    assert told == [f"1 rij opgeslagen in:\n{target}"]
