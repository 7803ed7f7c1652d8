"""The CSV import dialog: a real file, the mapping guessed from its header, the preview and the
rejected rows with their reasons, and nothing written unless the valid part is imported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import func, select

from gebiedsapp.domain import Area, Priority, Signal, SignalStatus
from gebiedsapp.domain.base import reference_id
from gebiedsapp.services.signal_import import FIELDS
from gebiedsapp.ui.admin.common import select_data
from gebiedsapp.ui.context import SIGNALS, AppContext
from gebiedsapp.ui.signals import SignalsScreen
from gebiedsapp.ui.signals.import_dialog import InvalidRowsModel, SignalImportDialog
from support import signalen_file

BEERTA = reference_id("area", "beerta")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
HEADER = "Nummer;Omschrijving;Soort;Dorp;Datum melding;Urgentie;Adres\n"
GOOD = (
    "1;Zwerfvuil bij de school;Afval / Zwerfvuil;Beerta;03-02-2026;hoog;Café De Brug\n"
    "2;Troep langs het fietspad;Zwerfvuil;beerta;04-02-2026;;\n"
    "3;Vuilniszakken naast de container;Zwerfvuil;Beerta;05-02-2026;laag;Dorpsplein\n"
)
BAD = (
    "4;Vliegende schotel;Ruimtevaart;Beerta;05-02-2026;;\n5;Iets;Zwerfvuil;Atlantis;05-02-2026;;\n"
)


def _count(context: AppContext) -> int:
    with context.read() as session:
        return session.scalar(select(func.count()).select_from(Signal)) or 0


def _write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode(encoding))
    return path


def _settle(qtbot: Any, dialog: SignalImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


@pytest.fixture
def dialog(qtbot: Any, context: AppContext) -> SignalImportDialog:
    widget = SignalImportDialog(context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _load(qtbot: Any, dialog: SignalImportDialog, path: Path) -> None:
    dialog.load_file(path)
    _settle(qtbot, dialog)


def test_the_mapping_is_guessed_from_the_header(
    qtbot: Any, qtmodeltester: Any, dialog: SignalImportDialog, tmp_path: Path
) -> None:
    assert not dialog.import_button.isEnabled()
    _load(qtbot, dialog, _write(tmp_path, HEADER + GOOD, encoding="cp1252"))
    assert dialog.mapping() == {
        "description": "Omschrijving",
        "category": "Soort",
        "area": "Dorp",
        "location": "Adres",
        "reported_on": "Datum melding",
        "priority": "Urgentie",
    }
    # every column of the file can be chosen for every field, or none
    combo = dialog.combos["buurt"]
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "(niet gebruiken)",
        "Nummer",
        "Omschrijving",
        "Soort",
        "Dorp",
        "Datum melding",
        "Urgentie",
        "Adres",
    ]
    assert set(dialog.combos) == set(FIELDS)
    assert "puntkomma" in dialog.file_info.text()
    assert "Windows-1252" in dialog.file_info.text()
    assert dialog.counts.text() == "3 geldig, 0 afgekeurd"
    model = dialog.valid_model
    assert model.rowCount() == 3
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first == [
        "2",
        "Beerta",
        "",
        "Afval / Zwerfvuil",
        "03-02-2026",
        "Hoog",
        "Zwerfvuil bij de school",
    ]
    qtmodeltester.check(model)


def test_bad_rows_are_listed_with_their_reason_and_cancel_writes_nothing(
    qtbot: Any, qtmodeltester: Any, dialog: SignalImportDialog, tmp_path: Path
) -> None:
    before = _count(dialog.context)
    _load(qtbot, dialog, _write(tmp_path, HEADER + GOOD + BAD))
    assert dialog.counts.text() == "3 geldig, 2 afgekeurd"
    assert dialog.tabs.tabText(1) == "Afgekeurd (2)"
    model = dialog.invalid_model
    rows = [
        (model.index(r, InvalidRowsModel.COL_LINE).data(), model.index(r, 1).data())
        for r in range(model.rowCount())
    ]
    assert rows == [
        ("5", "Onbekende categorie 'Ruimtevaart'."),
        ("6", "Onbekend gebied 'Atlantis'."),
    ]
    assert model.index(0, InvalidRowsModel.COL_DESCRIPTION).data() == "Vliegende schotel"
    qtmodeltester.check(model)
    assert dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.imported is None
    assert _count(dialog.context) == before


def test_accepting_imports_exactly_the_valid_rows(
    qtbot: Any, dialog: SignalImportDialog, tmp_path: Path
) -> None:
    before = _count(dialog.context)
    heard: list[frozenset[str]] = []
    dialog.context.hub.changed.connect(heard.append)
    _load(qtbot, dialog, _write(tmp_path, HEADER + GOOD + BAD))
    assert heard == []  # previewing writes and announces nothing
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.imported == 3
    assert heard == [frozenset({SIGNALS})]
    assert _count(dialog.context) == before + 3
    # a copy to go back to was made before the import (AppContext.perform_import)
    assert any("voor-import" in p.name for p in dialog.context.backup_dir().iterdir())
    with dialog.context.read() as session:
        rows = session.execute(
            select(Signal.description, Signal.location, Signal.priority, Signal.status)
            .where(Signal.area_id == BEERTA, Signal.category_id == ZWERFVUIL)
            .order_by(Signal.reported_on)
        ).all()
    assert [tuple(row) for row in rows] == [
        ("Zwerfvuil bij de school", "Café De Brug", Priority.HOOG, SignalStatus.GEMELD),
        ("Troep langs het fietspad", "", Priority.NORMAAL, SignalStatus.GEMELD),
        ("Vuilniszakken naast de container", "Dorpsplein", Priority.LAAG, SignalStatus.GEMELD),
    ]


def test_a_file_with_only_bad_rows_cannot_be_imported(
    qtbot: Any, dialog: SignalImportDialog, tmp_path: Path
) -> None:
    _load(qtbot, dialog, _write(tmp_path, HEADER + BAD))
    assert dialog.counts.text() == "0 geldig, 2 afgekeurd"
    assert not dialog.import_button.isEnabled()
    assert dialog.tabs.currentIndex() == 1  # the reasons are what there is to see
    assert "niets te importeren" in dialog.message.text()
    dialog.import_valid()  # even called directly it writes nothing
    assert dialog.imported is None
    assert _count(dialog.context) == 0


def test_changing_the_mapping_checks_again_and_a_missing_required_field_says_so(
    qtbot: Any, dialog: SignalImportDialog, tmp_path: Path
) -> None:
    _load(qtbot, dialog, _write(tmp_path, HEADER + GOOD))
    select_data(dialog.combos["category"], "")
    _settle(qtbot, dialog)
    assert "Koppel ook: category" in dialog.message.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.valid_model.rowCount() == 0

    select_data(dialog.combos["category"], "Nummer")  # numbers are no categories
    _settle(qtbot, dialog)
    assert dialog.counts.text() == "0 geldig, 3 afgekeurd"
    assert dialog.invalid_model.rows[0].reason == "Onbekende categorie '1'."


def test_an_unreadable_file_says_why(
    qtbot: Any, dialog: SignalImportDialog, tmp_path: Path
) -> None:
    _load(qtbot, dialog, _write(tmp_path, ""))
    assert dialog.message.text() == "Het bestand is leeg."
    assert not dialog.import_button.isEnabled()
    _load(qtbot, dialog, tmp_path / "bestaat-niet.csv")
    assert dialog.message.text().startswith("Kan het bestand niet lezen")
    assert not dialog.combos["description"].isEnabled()


def test_the_screen_opens_the_import_and_shows_the_new_signals(
    qtbot: Any, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *_a: told.append(text)
    )
    screen = SignalsScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1300, 760)
    screen.set_area(BEERTA)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: not screen.is_busy(), timeout=10_000)
    assert screen.model.rowCount() == 0
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    dialog = screen.import_dialog
    assert dialog is not None
    assert dialog.isVisible()
    _load(qtbot, dialog, _write(tmp_path, HEADER + GOOD))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert told == ["3 signalen geïmporteerd (status Gemeld)."]
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=10_000)
    context.background.wait()


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The file the user picks in the open-file dialog."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )


def _open_import(qtbot: Any, context: AppContext) -> tuple[SignalsScreen, SignalImportDialog]:
    screen = SignalsScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1300, 760)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: not screen.is_busy(), timeout=10_000)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    dialog = screen.import_dialog
    assert dialog is not None
    return screen, dialog


def _imported_places(context: AppContext) -> list[tuple[str, str | None]]:
    with context.read() as session:
        rows = session.execute(
            select(Area.name, Signal.buurt_code)
            .join(Area, Area.id == Signal.area_id)
            .order_by(Signal.reported_on, Signal.description)
        )
        return [(name, code) for name, code in rows]


def test_a_signalen_export_imports_with_clicks_and_no_mapping_work(
    qtbot: Any, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *_a: told.append(text)
    )
    _choose(monkeypatch, signalen_file.write_csv(tmp_path / "signalen.csv", outside=True))
    _screen, dialog = _open_import(qtbot, context)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog)
    assert dialog.mapping() == {
        "description": "text",
        "category": "category_sub",
        "category_main": "category_main",
        "latitude": "lat",
        "longitude": "lng",
        "reported_on": "created_at",
        "priority": "priority",
        "source": "source",
    }
    assert dialog.counts.text() == "3 geldig, 1 afgekeurd"
    reason = dialog.invalid_model.index(0, InvalidRowsModel.COL_REASON).data()
    assert reason.startswith("Het punt (53,17000; 7,30000) ligt buiten Oldambt")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert told == ["3 signalen geïmporteerd (status Gemeld)."]
    assert sorted(_imported_places(context)) == sorted(
        zip(signalen_file.AREAS, signalen_file.BUURTEN, strict=True)
    )
    context.background.wait()


def test_an_xlsx_file_is_chosen_and_imported_in_the_dialog(
    qtbot: Any, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    _choose(monkeypatch, signalen_file.write_xlsx(tmp_path / "signalen.xlsx"))
    _screen, dialog = _open_import(qtbot, context)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog)
    assert dialog.file_info.text() == "3 regels · 10 kolommen · Excel-werkmap (eerste blad)"
    assert dialog.counts.text() == "3 geldig, 0 afgekeurd"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert _count(context) == 3
    context.background.wait()
