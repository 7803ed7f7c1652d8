"""Exporteren… as CSV of a list with two tables (initiatives and their milestones): one file per
table, each with its header on line 1, and the message names both files."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from gebiedsapp.domain import InitiativeStatus, reference_id
from gebiedsapp.services import initiatives
from gebiedsapp.services.export import CSV_ENCODING
from gebiedsapp.services.initiatives import InitiativeInput, MilestoneInput
from gebiedsapp.services.list_exports import INITIATIVE_HEADERS, MILESTONE_HEADERS
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.export import ExportDialog
from gebiedsapp.ui.initiatives.screen import InitiativesScreen
from support.clicks import click

BEERTA = reference_id("area", "beerta")


def _read(path: Path) -> tuple[str, list[dict[str, str]]]:
    with path.open(encoding=CSV_ENCODING, newline="") as stream:
        first = stream.readline().rstrip("\r\n")
        stream.seek(0)
        if stream.read(1) != "\ufeff":
            stream.seek(0)
        return first.lstrip("\ufeff"), list(csv.DictReader(stream, delimiter=";"))


def test_a_csv_export_of_two_tables_writes_two_files_that_load_as_tables(
    qtbot: Any, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with context.database.unit_of_work("test") as session:
        initiatives.create_initiative(
            session,
            InitiativeInput(
                area_id=BEERTA,
                title="Speeltuin aan de Hoofdstraat",
                started_on=date(2026, 3, 1),
                status=InitiativeStatus.VOORBEREIDING,
                milestones=(MilestoneInput("Opening", due_on=date(2026, 9, 1)),),
            ),
            today=date(2026, 3, 1),
        )
    screen = InitiativesScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.set_area(BEERTA)
    screen.show()
    qtbot.waitExposed(screen)
    folder = tmp_path / "export"
    folder.mkdir()
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text, *_a: told.append(text))
    )
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda _p, _t, _n, wanted: (str(folder / "initiatieven.csv"), wanted)),
    )

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):
            QTimer.singleShot(10, answer)
            return
        click(qtbot, dialog.csv_button)
        box: Any = dialog.findChild(QDialogButtonBox)
        click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok))

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(screen.exporter.exported, timeout=15_000):
        click(qtbot, screen.exporter.button)
    main, steps = folder / "initiatieven.csv", folder / "initiatieven-mijlpalen.csv"
    assert sorted(p.name for p in folder.iterdir()) == sorted([main.name, steps.name])
    header, rows = _read(main)
    assert header == ";".join(INITIATIVE_HEADERS)
    assert [r["Naam"] for r in rows] == ["Speeltuin aan de Hoofdstraat"]
    header, milestones = _read(steps)
    assert header == ";".join(MILESTONE_HEADERS)
    assert [(m["Initiatief-ID"], m["Mijlpaal"]) for m in milestones] == [(rows[0]["ID"], "Opening")]
    assert told == [
        f"2 rijen opgeslagen in:\n{main}\n{steps}\n\n"
        "Elke tabel staat in een eigen bestand, met de kolomnamen op de eerste regel."
    ]
