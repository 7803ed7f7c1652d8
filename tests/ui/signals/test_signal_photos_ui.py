"""Photos in the signal detail: add from disk (made smaller, EXIF dropped), see the thumbnail,
view, save as, remove; a file that is no photo is refused with a Dutch message, nothing stored."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from gebiedsapp.domain import SignalField, SignalSource
from gebiedsapp.domain.base import reference_id
from gebiedsapp.services import signal_photos, signals
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.ui.context import SIGNALS, AppContext
from gebiedsapp.ui.signals import SignalsScreen
from gebiedsapp.ui.signals.photos import MAX_SIDE, PhotoViewer, prepare_photo

BEERTA = reference_id("area", "beerta")
LICHT = reference_id("signal_category", "wegen-verkeer-straatmeubilair/straatverlichting")


def _image_file(path: Path, width: int, height: int, colour: str = "#2a6f97") -> Path:
    image = QImage(QSize(width, height), QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


@pytest.fixture
def signal_id(context: AppContext) -> uuid.UUID:
    with context.database.unit_of_work("test") as session:
        new = signals.create_signal(
            session,
            SignalInput(
                area_id=BEERTA,
                description="Lantaarnpaal kapot",
                source=SignalSource.TELEFOON,
                reported_on=date.today(),
                category_id=LICHT,
            ),
        )
        return new.id


@pytest.fixture
def screen(qtbot: Any, context: AppContext, signal_id: uuid.UUID) -> SignalsScreen:
    widget = SignalsScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.set_area(BEERTA)
    widget.show()
    qtbot.waitExposed(widget)
    context.hub.announce(SIGNALS)
    context.background.wait()
    widget.show_signal(signal_id)
    qtbot.waitUntil(lambda: widget.detail.detail is not None, timeout=5_000)
    return widget


def _warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def record(_parent: object, _title: str, text: str, *args: object) -> object:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    return said


def _stored(context: AppContext, signal_id: uuid.UUID) -> list[signal_photos.PhotoInfo]:
    with context.read() as session:
        return signal_photos.list_photos(session, signal_id)


def test_prepare_keeps_a_small_png_and_shrinks_a_big_photo_to_jpeg(
    qapp: Any, tmp_path: Path
) -> None:
    small = _image_file(tmp_path / "schets.png", 300, 200)
    big = _image_file(tmp_path / "telefoon.jpg", MAX_SIDE * 2, MAX_SIDE)

    kept = prepare_photo(small)
    shrunk = prepare_photo(big)

    assert kept.data == small.read_bytes()
    assert (kept.file_name, kept.width, kept.height) == ("schets.png", 300, 200)
    assert (shrunk.file_name, shrunk.width, shrunk.height) == (
        "telefoon.jpg",
        MAX_SIDE,
        MAX_SIDE // 2,
    )
    assert shrunk.data.startswith(b"\xff\xd8\xff")
    stored = QImage.fromData(shrunk.data)
    assert (stored.width(), stored.height()) == (MAX_SIDE, MAX_SIDE // 2)
    thumb = QImage.fromData(shrunk.thumbnail)
    assert (thumb.width(), thumb.height()) == (160, 80)


def test_add_view_save_and_remove_photos_from_the_detail(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    context: AppContext,
    screen: SignalsScreen,
    signal_id: uuid.UUID,
    tmp_path: Path,
) -> None:
    strip = screen.detail.photos
    assert strip.empty.isVisibleTo(screen)
    assert strip.list.count() == 0
    assert not strip.remove_button.isEnabled()
    files = [
        _image_file(tmp_path / "paal.png", 640, 480, "#444444"),
        _image_file(tmp_path / "straat.jpg", 800, 600, "#aa3311"),
    ]
    monkeypatch.setattr(strip, "ask_files", lambda: files)

    strip.add_button.click()

    stored = _stored(context, signal_id)
    assert sorted(p.file_name for p in stored) == ["paal.png", "straat.jpg"]
    assert strip.list.count() == 2  # the pane showed the signal again on the change
    assert not strip.list.item(0).icon().isNull()
    with context.read() as session:
        history = [
            h.new
            for h in signals.signal_history(session, signal_id)
            if h.field == SignalField.PHOTO
        ]
    assert sorted(history) == sorted(str(p.id) for p in stored)  # no file name (issue 16)
    shown = screen.detail.history.text()
    assert "toegevoegd (paal.png)" in shown  # the file name from the photo, on screen only
    assert "toegevoegd (straat.jpg)" in shown

    strip.list.setCurrentRow(0)
    chosen = strip.selected()
    assert chosen is not None
    assert strip.remove_button.isEnabled()
    viewed: list[PhotoViewer] = []
    monkeypatch.setattr(PhotoViewer, "exec", lambda self: viewed.append(self) or 0)
    strip.view_button.click()
    assert viewed
    assert not viewed[0].original.isNull()
    assert viewed[0].data == files[0].read_bytes()  # the small PNG, byte for byte

    target = tmp_path / "bewaard" / "kopie.png"
    target.parent.mkdir()
    from gebiedsapp.ui.signals.photos import save_photo_as

    assert save_photo_as(strip, chosen, viewed[0].data, target)
    assert target.read_bytes() == files[0].read_bytes()

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    )
    strip.remove_button.click()
    assert [p.file_name for p in _stored(context, signal_id)] == ["straat.jpg"]
    assert strip.list.count() == 1
    qtbot.waitUntil(lambda: "verwijderd" in screen.detail.history.text())
    assert "paal.png" not in screen.detail.history.text()  # gone with the photo


def test_a_file_that_is_no_photo_is_refused_and_nothing_is_stored(
    monkeypatch: pytest.MonkeyPatch,
    context: AppContext,
    screen: SignalsScreen,
    signal_id: uuid.UUID,
    tmp_path: Path,
) -> None:
    good = _image_file(tmp_path / "goed.png", 100, 100)
    bad = tmp_path / "verslag.jpg"
    bad.write_text("Dit is een verslag, geen foto.", encoding="utf-8")
    warnings = _warnings(monkeypatch)
    monkeypatch.setattr(screen.detail.photos, "ask_files", lambda: [good, bad])

    screen.detail.photos.add_button.click()

    assert len(warnings) == 1
    assert "verslag.jpg" in warnings[0]
    assert "geen foto" in warnings[0]
    assert "niets opgeslagen" in warnings[0]
    assert _stored(context, signal_id) == []  # not even the good one: all or nothing


def test_declining_the_removal_keeps_the_photo(
    monkeypatch: pytest.MonkeyPatch,
    context: AppContext,
    screen: SignalsScreen,
    signal_id: uuid.UUID,
    tmp_path: Path,
) -> None:
    strip = screen.detail.photos
    monkeypatch.setattr(strip, "ask_files", lambda: [_image_file(tmp_path / "a.png", 50, 50)])
    strip.add_button.click()
    strip.list.setCurrentRow(0)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.No)
    )

    strip.remove_button.click()

    assert [p.file_name for p in _stored(context, signal_id)] == ["a.png"]
