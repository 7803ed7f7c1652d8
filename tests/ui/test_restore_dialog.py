"""Bestand → Reservekopie terugzetten…: the backups with what they hold; the chosen one is put
back only after a confirmation, the current database kept first."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

from gebiedsapp.domain import reference_id
from gebiedsapp.services import backups, koffiekar
from gebiedsapp.services.koffiekar import SessionInput
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.restore import RestoreDialog
from support import dbfile


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
    assert _rows(path) == 1
    assert told[0].startswith("De reservekopie is teruggezet.")
    assert "De database van daarvoor staat in:" in told[0]
