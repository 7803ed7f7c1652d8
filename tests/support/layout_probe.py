"""Lay out the main window on a laptop screen at one display scale and report what does not fit.

Qt's scale factor is fixed once the QApplication exists, so tests/ui/test_scaling.py runs this
once per scale, as a child process:

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json QT_SCALE_FACTOR=1.5 \\
        python layout_probe.py DATABASE PASSPHRASE DATA_DIR

(SCREEN.json gives the offscreen platform a screen of 1366x768 device pixels.) It opens the
main window as a first start does, visits every screen by its shortcut, then does the same in
one wijk with the newest round, contact, signal and initiative opened, and prints one JSON
object: whether the window fits the screen and, per screen, the controls that are squashed
below their minimum size or that no user can reach ("problems"), and what works but is not
comfortable ("discomfort").
"""

from __future__ import annotations

import json
import sys
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolBar,
    QWidget,
)

INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)
SHORTCUTS = [(f"Ctrl+{n}", Qt.Key(Qt.Key.Key_0 + n)) for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)]
AREA = "Centrum"  # a wijk of Winschoten without areas of its own, with rounds and contacts
OPENED = ("Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+8")  # screens with a record to open
# A maximised window at 125% is 1093.6 device-independent pixels wide: Qt rounds it up.
ROUNDING = 1
READ_CHARACTERS = 16  # the column that takes a table's spare width shows this much text
AREA_TREE_CHARACTERS = 20
COLUMNS_OF_OTHERS = frozenset({"Signalen"})  # its columns (Categorie) are another change's


def describe(widget: QWidget) -> str:
    """Who a control is, for the reader of a failing test: class, name, text or placeholder."""
    text = ""
    if isinstance(widget, QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QLineEdit):
        text = widget.placeholderText()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    name = widget.objectName() or widget.accessibleName()
    return f"{type(widget).__name__}({name!r}, {text!r})"


def inside_a_control(widget: QWidget) -> bool:
    """Parts of composite controls (a combo's line edit, a spin box's editor, scroll bars,
    tab bars, the tool bar, item views' editors) are measured through their owner."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (*INPUTS, QScrollBar, QTabBar, QToolBar, QAbstractItemView)):
            return True
        parent = parent.parentWidget()
    return False


def unreachable(widget: QWidget, window: QWidget, screen: QRect) -> str | None:
    """Why a user cannot get at `widget`: cut off by a parent that does not scroll, or off
    the screen. None when every part of it can be brought into view."""
    rect = QRect(0, 0, widget.width(), widget.height())
    child = widget
    parent = widget.parentWidget()
    while parent is not None and child is not window:
        rect = rect.translated(child.pos())
        scroller = parent.parentWidget()
        if isinstance(scroller, QAbstractScrollArea) and parent is scroller.viewport():
            # the viewport scrolls to it, in a direction that has a scroll bar; from here on
            # the scroll area itself must be reachable
            off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if scroller.horizontalScrollBarPolicy() == off and (
                rect.left() < 0 or rect.right() >= parent.width()
            ):
                return f"cut off by {type(scroller).__name__} without a horizontal scroll bar"
            if scroller.verticalScrollBarPolicy() == off and (
                rect.top() < 0 or rect.bottom() >= parent.height()
            ):
                return f"cut off by {type(scroller).__name__} without a vertical scroll bar"
            rect = QRect(0, 0, scroller.width(), scroller.height())
            child, parent = scroller, scroller.parentWidget()
            continue
        if not QRect(0, 0, parent.width(), parent.height()).contains(rect):
            return f"cut off by {type(parent).__name__}({parent.objectName()!r})"
        child, parent = parent, parent.parentWidget()
    if not screen.contains(rect.translated(window.geometry().topLeft())):
        return "off the screen"
    return None


def cut_rows(view: QListView) -> bool:
    """A grid of check boxes (Aanwezig) that shows a row only in part, as if it had none."""
    height = view.viewport().height()
    model = view.model()
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row, 0))
        if rect.top() < height < rect.bottom():
            return True
    return False


def problems(window: QWidget, screen: QRect) -> list[str]:
    """Input fields squashed below their minimum size hint; fields and buttons out of reach."""
    found: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or inside_a_control(widget):
            continue
        if isinstance(widget, QListView) and widget.isWrapping() and cut_rows(widget):
            found.append(f"{describe(widget)} shows a row only in part")
        is_input = isinstance(widget, INPUTS)
        if not is_input and not isinstance(widget, QPushButton):
            continue
        hint, size = widget.minimumSizeHint(), widget.size()
        if is_input and (size.width() < hint.width() or size.height() < hint.height()):
            found.append(
                f"{describe(widget)} is {size.width()}x{size.height()}, "
                f"needs {hint.width()}x{hint.height()}"
            )
        why = unreachable(widget, window, screen)
        if why:
            found.append(f"{describe(widget)} {why}")
    return found


INSIDE_A_FORM = {"Afgesproken acties"}  # a form's own short table: it grows with its rows


def characters(widget: QWidget, count: int) -> int:
    return QFontMetrics(widget.font()).averageCharWidth() * count


def discomfort(window: Any) -> list[str]:
    """What works but is not comfortable: the screen scrolls as a whole, a form scrolls
    sideways, the area tree or the column people read is too narrow to read."""
    found: list[str] = []
    page = window.stack.currentWidget()
    outer = window.stack.parentWidget().parentWidget()  # the screens' scroll area, if any
    if isinstance(outer, QAbstractScrollArea):
        for direction, bar in (
            ("sideways", outer.horizontalScrollBar()),
            ("up and down", outer.verticalScrollBar()),
        ):
            if bar.isVisible():
                found.append(f"the whole screen scrolls {direction}")
    for area in [page, *page.findChildren(QScrollArea)]:
        scrolls = isinstance(area, QScrollArea) and area.horizontalScrollBar().isVisible()
        if scrolls and area.isVisibleTo(window):
            found.append(f"{type(area).__name__}({area.objectName()!r}) scrolls sideways")
    tree = window.navigator
    if tree.isVisible() and tree.width() < characters(tree, AREA_TREE_CHARACTERS):
        found.append(f"the area tree is {tree.width()} px wide")
    for table in page.findChildren(QTableView):
        if not table.isVisibleTo(window) or table.accessibleName() in COLUMNS_OF_OTHERS:
            continue
        header = table.horizontalHeader()
        for column in range(header.count()):
            stretching = header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch
            width = header.sectionSize(column)
            narrow = width < characters(table, READ_CHARACTERS)
            if stretching and narrow and not header.isSectionHidden(column):
                name = table.model().headerData(column, Qt.Orientation.Horizontal)
                found.append(f"column {name!r} of {table.accessibleName()!r} is {width} px")
    return found


def shown_rows(window: Any) -> dict[str, int]:
    """How many rows each visible list of the screen has room for (a form's own short table
    left out): at every scale a list must show enough to work through."""
    page = window.stack.currentWidget()
    found = {}
    for table in page.findChildren(QTableView):
        if table.isVisibleTo(window) and table.accessibleName() not in INSIDE_A_FORM:
            height = max(1, table.verticalHeader().defaultSectionSize())
            found[table.accessibleName()] = table.viewport().height() // height
    return found


def shown_columns(page: Any) -> list[str]:
    """The headers of the visible tab of the lists screen, as the user sees them."""
    table = page.tabs.currentWidget()
    header = table.horizontalHeader()
    model = table.model()
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(header.count())
        if not header.isSectionHidden(c)
    ]


def settle(window: Any) -> None:
    """The screen's parts made after its first paint (ui.screen.PartsOnUse: a few turns,
    later on a loaded machine), background loads done, and the layouts they set off
    (wrapped labels take two passes)."""
    page = window.stack.currentWidget()
    built = getattr(page, "parts_built", lambda: True)
    for _ in range(500):
        if built():
            break
        QTest.qWait(10)
    window.context.background.wait()
    for _ in range(3):
        QTest.qWait(20)


def visit(window: Any, keys: str, screen: QRect, report: dict[str, Any], prefix: str) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier
    if "Shift+" in keys:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, SHORTCUT_KEYS[keys], modifiers)
    settle(window)
    page = window.stack.currentWidget()
    if prefix and keys in OPENED:
        # the newest round, contact, signal or initiative opened, as a double-click does
        table = getattr(page, "rounds", None) or getattr(page, "table", None)
        if table is not None and table.model().rowCount():
            rect = table.visualRect(table.model().index(0, 1))
            QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            settle(window)
    name = f"{prefix}{keys} {type(page).__name__}"
    report["problems"][name] = problems(window, screen)
    report["discomfort"][name] = discomfort(window)
    report["rows"][name] = shown_rows(window)
    if keys == "Ctrl+8":
        report["lists"][prefix or "Oldambt: "] = shown_columns(page)


SHORTCUT_KEYS = dict(SHORTCUTS)
SHORTCUT_KEYS["Ctrl+Shift+C"] = Qt.Key.Key_C  # Conflicten (sync), off the toolbar
SHORTCUT_KEYS["Ctrl+Shift+A"] = Qt.Key.Key_A  # Activiteiten


def main(database: str, passphrase: str, data_dir: str) -> dict[str, Any]:
    from gebiedsapp.paths import app_paths
    from gebiedsapp.startup import open_database
    from gebiedsapp.storage.crypto import DatabaseKey
    from gebiedsapp.ui.app import create_main_window
    from gebiedsapp.ui.area_tree import AREA_ID_ROLE

    app = QApplication(sys.argv[:1])
    paths = app_paths(data_dir).ensure()
    key = DatabaseKey.for_file(passphrase, Path(database))
    opened = open_database(f"sqlite:///{database}", paths, actor="test", key=key)
    settings = QSettings(str(Path(data_dir) / "settings.ini"), QSettings.Format.IniFormat)
    window = create_main_window(opened, paths, actor="test", settings=settings)
    window.show()
    QTest.qWaitForWindowExposed(window)
    settle(window)
    available = window.screen().availableGeometry()
    screen = available.adjusted(-ROUNDING, -ROUNDING, ROUNDING, ROUNDING)
    frame = window.frameGeometry()
    report: dict[str, Any] = {
        "screen": [available.width(), available.height()],
        "window": [frame.width(), frame.height()],
        # a maximised window on the offscreen platform ignores its minimum size; Windows not
        "fits": screen.contains(frame)
        and window.minimumSize().width() <= available.width()
        and window.minimumSize().height() <= available.height(),
        "minimum": [window.minimumSize().width(), window.minimumSize().height()],
        "problems": {},
        "discomfort": {},
        "lists": {},
        "rows": {},
    }
    for keys in SHORTCUT_KEYS:
        visit(window, keys, screen, report, "")
    area = window.navigator.model.findItems(AREA, Qt.MatchFlag.MatchRecursive)[0]
    window.navigator.select(uuid.UUID(area.data(AREA_ID_ROLE)))
    for keys in OPENED:
        visit(window, keys, screen, report, f"{AREA}: ")
    report["still fits"] = screen.contains(window.frameGeometry())
    window.close()
    window.context.background.wait()
    opened.database.dispose()
    app.processEvents()
    return report


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4]), indent=1))
