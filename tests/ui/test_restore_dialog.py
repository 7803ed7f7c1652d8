"""Bestand → Reservekopie terugzetten…: the backups with what they hold; the chosen one is put
back only after a confirmation, the current database kept first."""

from __future__ import annotations

from datetime import date, time
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox

from gebiedsapp.domain import reference_id
from gebiedsapp.paths import AppPaths
from gebiedsapp.services import backups, koffiekar
from gebiedsapp.services.koffiekar import SessionInput
from gebiedsapp.startup import open_database, open_read_only
from gebiedsapp.storage.backup import quick_check
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.restore import Damaged, RestoreDialog, offer_restore_of_damaged
from support import dbfile
from support.damage import damaged_database
from support.dbfile import TEST_KEY


def _rounds(context: AppContext, n: int) -> None:
    with context.database.unit_of_work("anna") as s:
        for day in range(1, n + 1):
            koffiekar.start_session(
                s,
                SessionInput(
                    area_id=reference_id("area", "beerta"),
                    day=date(2026, 3, day),
                    start_time=time(10),
                ),
            )


def _rows(path: Path) -> int:
    connection = dbfile.connect(path, read_only=True)
    try:
        return int(connection.execute("SELECT count(*) FROM koffiekar_session").fetchone()[0])
    finally:
        connection.close()


def test_restore_after_confirming(qtbot: Any, context: AppContext) -> None:
    _rounds(context, 1)
    backups.make_backup(context.database, context.backup_dir())
    _rounds(context, 2)
    path = context.database.file
    assert path is not None
    dialog = RestoreDialog(context)
    qtbot.addWidget(dialog)
    told: list[str] = []
    dialog.tell = lambda title, text: told.append(text)
    assert dialog.table.rowCount() >= 1
    assert "1 koffiekarrondes" in dialog.table.item(0, 2).text()
    assert dialog.table.item(0, 1).text() == "met de hand"
    assert dialog.restore_button.isEnabled()
    dialog.confirm = lambda question: False
    dialog.restore_selected()
    assert not dialog.restored
    assert _rows(path) == 3
    questions: list[str] = []
    dialog.confirm = lambda question: questions.append(question) or True
    dialog.restore_selected()
    assert dialog.restored
    assert "De app sluit daarna." in questions[0]
    # what would be lost is in the question (issue 14): two rounds made after the copy
    assert questions[0].startswith("Let op: de huidige database bevat 2 koffiekarrondes meer")
    assert "laatste wijziging" in questions[0]
    assert _rows(path) == 1
    assert told[0].startswith("De reservekopie is teruggezet.")
    assert "De database van daarvoor staat in:" in told[0]


def _press(label: str | None) -> Any:
    """Answers the box of a damaged database by the button with this text (None: Escape)."""

    def ask(box: QMessageBox) -> QAbstractButton | None:
        if label is None:
            return box.escapeButton()
        (button,) = [b for b in box.buttons() if b.text() == label]
        return button

    return ask


def test_a_damaged_database_quit_read_only_or_restored(
    qtbot: Any, tmp_path: Path, app_paths: AppPaths
) -> None:
    path = damaged_database(tmp_path / "kapot.db", app_paths)
    before = path.read_bytes()
    offer = partial(offer_restore_of_damaged, path, app_paths.backup_dir, "Beschadigd.", TEST_KEY)
    # no backup yet: no restore button at all
    offered: list[str] = []

    def look(box: QMessageBox) -> QAbstractButton | None:
        offered.extend(b.text() for b in box.buttons())
        return box.escapeButton()

    assert offer(ask=look) is Damaged.QUIT
    assert sorted(offered) == ["Afsluiten", "Alleen-lezen openen"]
    assert offer(ask=_press("Alleen-lezen openen")) is Damaged.READ_ONLY
    assert path.read_bytes() == before  # none of these touched the file

    good = tmp_path / "goed.db"
    opened = open_database(f"sqlite:///{good}", app_paths, actor="x", key=TEST_KEY)
    backups.make_backup(opened.database, app_paths.backup_dir)
    opened.database.dispose()
    (copy,) = app_paths.backup_dir.glob("goed-*.db")
    copy.rename(app_paths.backup_dir / copy.name.replace("goed-", "kapot-"))
    assert offer(ask=_press("Reservekopie terugzetten")) is Damaged.RESTORED
    assert quick_check(path, TEST_KEY) == "ok"
    kept = [*app_paths.backup_dir.glob("kapot-*-voor-terugzetten.db"),
            *app_paths.backup_dir.glob("kapot-*-beschadigd.db")]  # fmt: skip
    assert len(kept) == 1  # the damaged database, kept before it was replaced


def test_the_window_on_a_read_only_database(
    qtbot: Any, tmp_path: Path, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    from gebiedsapp.ui.context import ChangeHub
    from gebiedsapp.ui.main_window import MainWindow

    path = damaged_database(tmp_path / "kapot.db", app_paths)
    opened = open_read_only(f"sqlite:///{path}", key=TEST_KEY)
    context = AppContext(database=opened.database, actor="anna", paths=app_paths, hub=ChangeHub())
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _p, _t, text, *_a: shown.append(text))
    )
    window = MainWindow(context, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    try:
        assert window.protection_label.text() == "Alleen-lezen: de database is beschadigd"
        assert not window.encrypt_action.isEnabled()
        assert not window.passphrase_action.isEnabled()
        assert "(alleen-lezen)" in window.database_label.text()
        _rounds_refused = context.perform(
            None, lambda s: koffiekar.start_session(
                s, SessionInput(area_id=reference_id("area", "beerta"), day=date(2026, 3, 1),
                                start_time=time(10)),
            ), changes=(),
        )  # fmt: skip
        assert _rounds_refused is None
        assert "alleen-lezen" in shown[-1]
    finally:
        context.background.wait()
        context.database.dispose()


def test_a_backup_under_another_passphrase_asks_for_it(
    qtbot: Any, context: AppContext, tmp_path: Path
) -> None:
    """A backup of an earlier database (lost, made anew: another salt, or another passphrase
    then) opens with the passphrase of that time, asked in the dialog."""
    from gebiedsapp.paths import app_paths as make_paths
    from gebiedsapp.storage.crypto import DatabaseKey, read_salt
    from gebiedsapp.ui.passphrase import PassphraseDialog

    earlier_key = DatabaseKey.new("kroket wolk trombone dijk")
    earlier = tmp_path / "vroeger" / "test.db"
    earlier.parent.mkdir()
    opened = open_database(
        f"sqlite:///{earlier}", make_paths(tmp_path / "vroeger"), actor="x", key=earlier_key
    )
    with opened.database.unit_of_work("anna") as s:
        koffiekar.start_session(
            s, SessionInput(area_id=reference_id("area", "beerta"), day=date(2025, 1, 6),
                            start_time=time(10)),
        )  # fmt: skip
    backups.make_backup(opened.database, context.backup_dir(), reason="handmatig")
    opened.database.dispose()
    path = context.database.file
    assert path is not None

    dialog = RestoreDialog(context)
    qtbot.addWidget(dialog)
    (row,) = [i for i, info in enumerate(dialog.infos) if info.other_key]
    dialog.table.selectRow(row)
    assert dialog.restore_button.isEnabled()
    typed = iter(["fout wachtwoord", "kroket wolk trombone dijk"])
    problems: list[str] = []

    def answer(box: QDialog) -> bool:
        assert isinstance(box, PassphraseDialog)
        problems.append(box.problem.text())
        box.current.setText(next(typed))
        return True

    dialog.ask_passphrase = answer
    dialog.confirm = lambda _question: True
    dialog.tell = lambda _title, _text: None
    dialog.restore_selected()
    assert dialog.restored
    assert problems == ["", "Dit wachtwoord opent deze reservekopie niet."]
    assert read_salt(path) == earlier_key.salt  # the database now is that earlier one
