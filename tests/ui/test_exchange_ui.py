"""Bestand → Uitwisselingsbestand maken / inlezen (issue 16): typed and clicked as a user
does; a wrong passphrase is said in the dialog, which stays open, and changes nothing."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from sqlalchemy import select, update

from gebiedsapp.domain import Area, reference_id
from gebiedsapp.paths import app_paths
from gebiedsapp.services.sync import exchange
from gebiedsapp.startup import open_database
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.exchange import ExchangeDialog
from support.dbfile import TEST_KEY

SECRET = "vier woorden als wachtwoord"
BEERTA = reference_id("area", "beerta")


def _menu_action(window: QMainWindow, text: str):  # type: ignore[no-untyped-def]
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu item {text!r}")


def _with_dialog(qtbot, window, item: str, drive: Callable[[ExchangeDialog], None]) -> None:  # type: ignore[no-untyped-def]
    seen: list[ExchangeDialog] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExchangeDialog)
        seen.append(dialog)
        try:
            drive(dialog)
        finally:
            dialog.reject()

    QTimer.singleShot(0, act)
    _menu_action(window, item).trigger()  # the menu item, as a click on it does
    assert seen, "the dialog did not open"


def _other_laptop(tmp_path: Path, template: Path, text: str) -> Path:
    """A file made on another laptop that described Beerta as `text`."""
    path = tmp_path / "anna.db"
    shutil.copyfile(template, path)
    anna = open_database(
        f"sqlite:///{path}", app_paths(tmp_path / "data-anna"), actor="anna", key=TEST_KEY
    ).database
    try:
        with anna.unit_of_work("anna") as session:
            session.execute(update(Area).where(Area.id == BEERTA).values(description=text))
        return exchange.export_changes(anna, tmp_path / "anna.gbu", SECRET, actor="anna").path
    finally:
        anna.dispose()


def _beerta(context: AppContext) -> str:
    with context.read() as session:
        return str(session.scalar(select(Area.description).where(Area.id == BEERTA)))


def test_making_a_file_by_typing_and_clicking(qtbot, window, context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "voor-kantoor"

    def drive(dialog: ExchangeDialog) -> None:
        dialog.path_edit.clear()
        qtbot.keyClicks(dialog.path_edit, str(target))
        qtbot.keyClicks(dialog.passphrase, SECRET)
        qtbot.keyClicks(dialog.again, SECRET + "x")
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
        assert "niet gelijk" in dialog.problem.text()
        dialog.again.clear()
        qtbot.keyClicks(dialog.again, SECRET)
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "geschreven naar" in dialog.result_label.text(), timeout=30_000)
        assert dialog.problem.isHidden()

    _with_dialog(qtbot, window, "Uitwisselingsbestand maken…", drive)

    made = target.with_name(target.name + ".gbu")
    assert made.exists()
    assert exchange.read_exchange(made, SECRET)["made_by"] == "test"


def test_reading_a_file_brings_the_other_laptops_change(  # type: ignore[no-untyped-def]
    qtbot, window, context, tmp_path: Path, migrated_template: Path
) -> None:
    file = _other_laptop(tmp_path, migrated_template, "Dorp met een plein")

    def drive(dialog: ExchangeDialog) -> None:
        qtbot.keyClicks(dialog.path_edit, str(file))
        qtbot.keyClicks(dialog.passphrase, "een verkeerd wachtwoord")
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=30_000)
        assert "wachtwoord klopt niet" in dialog.problem.text()
        assert _beerta(context) != "Dorp met een plein"
        dialog.passphrase.clear()
        qtbot.keyClicks(dialog.passphrase, SECRET)
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Ingelezen van anna" in dialog.result_label.text(), timeout=30_000)

    _with_dialog(qtbot, window, "Uitwisselingsbestand inlezen…", drive)

    assert _beerta(context) == "Dorp met een plein"
