"""Signalen → Exporteren… → GeoJSON: the user picks GeoJSON in the export dialog and gets a file
QGIS opens: RFC 7946 points (longitude first) with the screen's filter and no personal data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from gebiedsapp.services.geojson_export import PROPERTIES
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.export import ExportDialog
from gebiedsapp.ui.signals import SignalsScreen
from support.clicks import click
from ui.signal_steps import make_signal, settle


@pytest.fixture
def screen(qtbot: Any, context: AppContext) -> SignalsScreen:
    widget = SignalsScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _choose_geojson_when_asked(qtbot: Any, seen: list[ExportDialog]) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):
            QTimer.singleShot(10, answer)
            return
        seen.append(dialog)
        click(qtbot, dialog.geojson_button)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok))

    QTimer.singleShot(0, answer)


def test_the_export_button_writes_geojson_that_a_gis_opens(
    qtbot: Any,
    context: AppContext,
    screen: SignalsScreen,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    placed = make_signal(
        context,
        description="Mevrouw Jansen: lamp kapot",
        location="Hoofdstraat 12",
        latitude=53.1765,
        longitude=7.09996,
    )
    make_signal(context, description="Zonder plek")
    settle(qtbot, screen)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text, *_a: told.append(text))
    )
    suggested: list[str] = []

    def save_as(_parent: QWidget, _title: str, name: str, wanted: str) -> tuple[str, str]:
        suggested.append(name)
        return str(tmp_path / "signalen-kaart"), wanted

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    seen: list[ExportDialog] = []
    _choose_geojson_when_asked(qtbot, seen)
    with qtbot.waitSignal(screen.exporter.exported, timeout=15_000) as done:
        click(qtbot, screen.exporter.button)
    assert seen
    target = tmp_path / "signalen-kaart.geojson"
    assert done.args == [target, 1]
    assert Path(suggested[0]).suffix == ".geojson"
    assert told == [
        f"1 rij opgeslagen in:\n{target}\n\n"
        "1 signalen zonder coördinaten staan niet op de kaart en niet in het bestand."
    ]
    text = target.read_text(encoding="utf-8")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [7.09996, 53.1765]}
    assert feature["properties"]["id"] == str(placed)
    assert list(feature["properties"]) == list(PROPERTIES)
    assert "Jansen" not in text
    assert "Hoofdstraat" not in text
