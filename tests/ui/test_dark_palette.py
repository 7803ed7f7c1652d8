"""Every screen stays readable (WCAG contrast >= 4.5 between a text and what is drawn behind it)
under a dark and the two high-contrast palettes, also when the palette changes while the window
is open (dark mode switched on). The users saw white 'Nieuw gesprek' labels on a light blue form.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gebiedsapp.services.areas import find_area
from gebiedsapp.services.demo import generate
from gebiedsapp.ui.context import AppContext
from support.palettes import (
    SCHEMES,
    TEXT_CONTRAST,
    contrast,
    make_palette,
    over,
    rendered_background,
)


@pytest.fixture
def app_palette(qapp: QApplication) -> Iterator[QPalette]:
    """Set a palette on the application in the test; the original comes back afterwards."""
    original = QPalette(qapp.palette())
    yield original
    qapp.setPalette(original)


def _label(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel | QLineEdit) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {text[:40]!r}"


@dataclass
class Report:
    """What one look at a screen checked, and what it found unreadable."""

    unreadable: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # labels and fields checked
    cells: list[str] = field(default_factory=list)  # list cells with their own text colour


def check_readability(window: QWidget) -> Report:
    """Every visible label or text field whose text colour has too little contrast with what
    is drawn behind it; and every list cell whose own text colour has too little contrast with
    the list's background."""
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    report = Report()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            _check_cells(widget, report)
            continue
        if not isinstance(widget, QLabel | QLineEdit | QTextEdit | QPlainTextEdit):
            continue
        if isinstance(widget, QLabel) and (not widget.text() or not widget.pixmap().isNull()):
            continue
        visible = widget.visibleRegion().boundingRect()
        if visible.width() < 4 or visible.height() < 4:
            continue
        rect = visible.translated(widget.mapTo(window, QPoint(0, 0)))
        background = rendered_background(image, rect)
        group = QPalette.ColorGroup.Active
        role = widget.foregroundRole() if isinstance(widget, QLabel) else QPalette.ColorRole.Text
        text = over(widget.palette().color(group, role), background)
        ratio = contrast(text, background)
        report.texts.append(_label(widget))
        if ratio < TEXT_CONTRAST:
            report.unreadable.append(
                f"{_label(widget)}: {text.name()} on {background.name()} contrast {ratio:.1f}"
            )
    return report


def _check_cells(view: QAbstractItemView, report: Report) -> None:
    model = view.model()
    if model is None:
        return
    palette = view.viewport().palette()
    backgrounds = [palette.color(QPalette.ColorRole.Base)]
    if view.alternatingRowColors():
        backgrounds.append(palette.color(QPalette.ColorRole.AlternateBase))
    rows = min(model.rowCount(QModelIndex()), 40)
    # a list model's columnCount is private in the bindings: it has one
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for row in range(rows):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            value = index.data(Qt.ItemDataRole.ForegroundRole)
            if value is None:
                continue
            colour = value.color() if isinstance(value, QBrush) else QColor(value)
            behind = index.data(Qt.ItemDataRole.BackgroundRole)
            cell_backgrounds = backgrounds if behind is None else [QBrush(behind).color()]
            report.cells.append(str(index.data()))
            for background in cell_backgrounds:
                ratio = contrast(over(colour, background), background)
                if ratio < TEXT_CONTRAST:
                    report.unreadable.append(
                        f"{type(view).__name__} cell {index.data()!r}: {colour.name()} on "
                        f"{background.name()} contrast {ratio:.1f}"
                    )


# -- the window -----------------------------------------------------------------------------

SCREENS = (
    ("area", Qt.Key.Key_1),
    ("koffiekar", Qt.Key.Key_2),
    ("contacts", Qt.Key.Key_3),
    ("signals", Qt.Key.Key_4),
    ("initiatives", Qt.Key.Key_5),
    ("summary", Qt.Key.Key_6),
    ("actions", Qt.Key.Key_7),
    ("lists", Qt.Key.Key_8),
    ("team", Qt.Key.Key_9),
    ("admin", Qt.Key.Key_0),
)


@pytest.fixture
def demo(context: AppContext) -> None:
    """The small demo set, so that lists, charts, the map and overdue rows have something."""
    with context.database.unit_of_work("test") as session:
        generate(session, size="small", seed=1, anchor=date.today())


def _settled(window) -> bool:  # type: ignore[no-untyped-def]
    """No query on the worker and no debounce timer still to fire on the shown screen."""
    screen = window.stack.currentWidget()
    waiting = any(t.isActive() and t.isSingleShot() for t in screen.findChildren(QTimer))
    return not waiting and not window.context.background.busy()


def visit_every_screen(qtbot: QtBot, window) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Each screen by its shortcut, as a user would; what is unreadable on each."""
    unreadable: dict[str, list[str]] = {}
    window.activateWindow()  # the screens' shortcuts work in the active window
    qtbot.waitUntil(window.isActiveWindow)
    for key, number in SCREENS:
        qtbot.keyClick(window, number, Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.screens[key]
        if key == "koffiekar":  # a round of today, so the 'Nieuw gesprek' form is live
            qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: window.screens["koffiekar"].form.isEnabled())
        qtbot.waitUntil(lambda: _settled(window), timeout=15_000)
        report = check_readability(window)
        # the look saw what the users complained about, not an empty screen
        if key == "koffiekar":
            assert any("'Nieuw gesprek'" in text for text in report.texts), report.texts
        if key == "signals":
            assert "ruim buiten" in report.cells
        assert report.texts, key
        if report.unreadable:
            unreadable[key] = report.unreadable
    return unreadable


def _choose_beerta(window, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    with context.read() as session:
        beerta = find_area(session, "Beerta").id
    assert window.navigator.select(beerta)


@pytest.mark.slow
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_screen_is_readable_in_a_dark_or_high_contrast_palette(
    qtbot: QtBot, qapp: QApplication, app_palette: QPalette, demo: None, request, scheme: str
) -> None:  # type: ignore[no-untyped-def]
    qapp.setPalette(make_palette(SCHEMES[scheme]))
    window = request.getfixturevalue("window")  # built under the palette, as at start-up
    _choose_beerta(window, window.context)
    assert visit_every_screen(qtbot, window) == {}
    window.context.background.wait()


@pytest.mark.slow
def test_the_screens_follow_when_dark_mode_is_switched_on_while_open(
    qtbot: QtBot, qapp: QApplication, app_palette: QPalette, demo: None, window, context
) -> None:  # type: ignore[no-untyped-def]
    _choose_beerta(window, context)
    for _key, number in SCREENS:  # every screen built in the light palette
        qtbot.keyClick(window, number, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _settled(window), timeout=15_000)
    qapp.setPalette(make_palette(SCHEMES["dark"]))
    dark_window = QColor(SCHEMES["dark"].window)
    qtbot.waitUntil(
        lambda: window.navigator.palette().color(QPalette.ColorRole.Window) == dark_window
    )
    restyle = qapp.findChild(QTimer, "paletteRestyle")  # ui.palette: sheets set again
    qtbot.waitUntil(lambda: restyle is None or not restyle.isActive())
    assert visit_every_screen(qtbot, window) == {}
    window.context.background.wait()
