"""Beheer → CBS-cijfers importeren…: the user picks a StatLine CSV, sees per wijk and buurt what
will be stored and what is refused, and stores it; the area page then shows the population of
the area's buurten with the CBS year, or says it is unknown. A wrong file changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import func, select
from test_main_window import click_area

from gebiedsapp.domain import CbsFigures
from gebiedsapp.services.report_text import number
from gebiedsapp.ui.admin.cbs_import import CbsImportDialog
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.formatting import format_number
from gebiedsapp.ui.main_window import MainWindow
from gebiedsapp.ui.summary import SummaryScreen
from gebiedsapp.ui.summary.period import MONTH
from support import cbs_file


def _stored(context: AppContext) -> int:
    with context.read() as session:
        return session.scalar(select(func.count()).select_from(CbsFigures)) or 0


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The file the user picks in the open-file dialog."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )


def _menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu item {text!r}")


def _with_dialog(qtbot: Any, window: MainWindow, drive: Callable[[CbsImportDialog], None]) -> None:
    seen: list[CbsImportDialog] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CbsImportDialog)
        seen.append(dialog)
        try:
            drive(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, act)
    _menu_action(window, "CBS-cijfers importeren…").trigger()  # as a click on the menu item
    assert seen, "the dialog did not open"


def _pick(qtbot: Any, dialog: CbsImportDialog) -> None:
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def test_import_from_the_beheer_menu_and_see_the_population_on_the_area_page(
    qtbot: Any,
    qtmodeltester: Any,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    extra = (cbs_file.row(90, "XX", "5"),)
    _choose(monkeypatch, cbs_file.write(tmp_path / "85984NED_TypedDataSet.csv", extra=extra))
    results: dict[str, Any] = {}

    def drive(dialog: CbsImportDialog) -> None:
        _pick(qtbot, dialog)
        assert dialog.year.value() == 2024  # from the table number in the file name
        results["counts"] = dialog.counts.text()
        results["tabs"] = (dialog.tabs.tabText(0), dialog.tabs.tabText(1))
        model = dialog.figures_model
        qtmodeltester.check(model)
        first = cbs_file.buurten()[0]
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == first)
        results["row"] = [model.index(row, c).data() for c in range(5)]
        results["refused"] = [dialog.refused_model.index(0, c).data() for c in range(3)]
        results["source"] = dialog.source.text()
        assert _stored(context) == 0  # nothing written before "Opslaan"
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)
        results["stored"] = dialog.stored

    _with_dialog(qtbot, window, drive)
    assert results["counts"] == (
        "Kerncijfers 2024: 1 gemeente, 11 wijken en 50 buurten worden opgeslagen; 1 geweigerd."
    )
    assert results["tabs"] == ("Wordt opgeslagen (62)", "Geweigerd (1)")
    first = cbs_file.buurten()[0]
    assert results["row"] == [
        first,
        "Winschoten-Centrum",
        "Buurt",
        format_number(cbs_file.inhabitants_of(first)),
        format_number(cbs_file.households_of(first)),
    ]
    assert results["refused"] == ["64", "XX", "Geen CBS-code van een gemeente, wijk of buurt."]
    assert results["source"] == "Bron: CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0)"
    assert results["stored"] == 62
    assert _stored(context) == 62

    # the start page (Oldambt) follows the import: the municipality's own CBS row
    total = sum(cbs_file.inhabitants_of(c) for c in cbs_file.buurten())
    page = window.area_page
    qtbot.waitUntil(lambda: format_number(total) in page.population.text(), timeout=10_000)

    click_area(window, qtbot, "Winschoten")
    linked = [c for c in cbs_file.buurten() if c.startswith("BU189500")]
    expected = sum(cbs_file.inhabitants_of(c) for c in linked)
    qtbot.waitUntil(lambda: page.title.text() == "Winschoten")  # read on the worker
    qtbot.waitUntil(lambda: "samen" in page.population.text())
    assert page.population.text().startswith(
        f"<b>Inwoners: {format_number(expected)}</b> (CBS 2024, samen {len(linked)} CBS-buurten)"
    )
    assert page.population_source.text() == (
        "Bron: CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0)"
    )

    click_area(window, qtbot, "Parkwijk")  # no CBS buurt: unknown, not invented
    qtbot.waitUntil(lambda: page.title.text() == "Parkwijk")
    qtbot.waitUntil(
        lambda: (
            page.population.text()
            == "Inwoners: onbekend (dit gebied is niet aan een CBS-buurt gekoppeld)."
        )
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "pekela_2024.csv",
            cbs_file.statline_text(municipality="Pekela"),
            "geen cijfers van Oldambt",
        ),
        ("adressen_2024.csv", "Naam;Adres\nPiet;Dorpsstraat 1\n", "geen CSV-bestand"),
        ("kerncijfers.csv", cbs_file.statline_text(), "Het jaar van de cijfers"),
    ],
)
def test_a_wrong_file_says_why_in_dutch_and_stores_nothing(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: str,
    message: str,
) -> None:
    _choose(monkeypatch, cbs_file.write(tmp_path / name, content))
    seen: dict[str, Any] = {}

    def drive(dialog: CbsImportDialog) -> None:
        _pick(qtbot, dialog)
        seen["message"] = dialog.message.text()
        seen["enabled"] = dialog.store_button.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    _with_dialog(qtbot, window, drive)
    assert message in seen["message"]
    assert seen["enabled"] is False
    assert _stored(context) == 0


def test_a_file_without_a_year_is_stored_once_the_user_types_it(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _choose(monkeypatch, cbs_file.write(tmp_path / "kerncijfers.csv"))
    seen: dict[str, Any] = {}

    def drive(dialog: CbsImportDialog) -> None:
        _pick(qtbot, dialog)
        assert not dialog.store_button.isEnabled()
        dialog.year.setFocus()
        dialog.year.selectAll()
        qtbot.keyClicks(dialog.year, "2023")
        qtbot.waitUntil(lambda: dialog.store_button.isEnabled(), timeout=10_000)
        seen["counts"] = dialog.counts.text()
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)

    _with_dialog(qtbot, window, drive)
    assert seen["counts"].startswith("Kerncijfers 2023:")
    with context.read() as session:
        assert set(session.scalars(select(CbsFigures.year))) == {2023}


def test_imported_figures_give_the_summary_screen_its_rates_per_thousand(
    qtbot: Any,
    context: AppContext,
    summary_world: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 18's test: import a CBS file and see the rates in the area summary."""
    screen = SummaryScreen(context, today=summary_world.today)
    qtbot.addWidget(screen)
    screen.resize(1300, 760)
    screen.period.set_period(MONTH, year=2024, number=3)
    screen.set_area(summary_world.midwolda)
    screen.show()
    qtbot.waitUntil(lambda: not screen.is_busy() and screen.data is not None, timeout=10_000)
    assert not screen.population.isVisibleTo(screen)  # nothing imported: nothing said

    _choose(monkeypatch, cbs_file.write(tmp_path / "kerncijfers_wijken_en_buurten_2024.csv"))
    dialog = CbsImportDialog(context, screen)
    qtbot.addWidget(dialog)
    dialog.show()
    _pick(qtbot, dialog)
    qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)
    assert dialog.stored == 62

    codes = ("BU18950900", "BU18950903", "BU18950904", "BU18950905", "BU18950909")
    inhabitants = sum(cbs_file.inhabitants_of(c) for c in codes)  # Midwolda with Ekamp
    now = summary_world.expected["Midwolda"].current  # counted by hand

    def per_thousand(count: int) -> str:
        return number(count / inhabitants * 1000, 1)

    expected = (
        f"Inwoners: {number(inhabitants)} (CBS 2024). Per 1.000 inwoners: "
        f"{per_thousand(now.conversations)} koffiekargesprekken, {per_thousand(now.contacts)} "
        f"contacten en {per_thousand(now.signals_new)} nieuwe signalen in deze periode; "
        f"{per_thousand(now.signals_open)} open signalen aan het eind. "
        "Bron: CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0)."
    )
    qtbot.waitUntil(lambda: screen.population.text() == expected, timeout=10_000)
    assert screen.population.isVisibleTo(screen)
