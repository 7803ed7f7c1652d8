"""Every interactive widget has a name a screen reader can say (issue 17): the test walks every
screen of the main window the way a user reaches them (Ctrl+1 .. Ctrl+0, the Beheer tabs) and
lists the inputs, icon buttons, tables, trees and lists that have none."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from gebiedsapp.ui.admin import AdminScreen

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


@pytest.fixture
def db_url(demo_template: Path, tmp_path: Path) -> str:
    """Screens full of demo rows, as users see them (an empty screen hides some tables)."""
    target = tmp_path / "test.db"
    shutil.copyfile(demo_template, target)
    return f"sqlite:///{target}"


def _spoken_name(widget: QWidget) -> str:
    """What a screen reader says: the accessible name, else what Qt derives (a button's text,
    the label whose buddy the field is)."""
    if widget.accessibleName():
        return widget.accessibleName()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _nameless(root: QWidget, where: str) -> dict[int, str]:
    found: dict[int, str] = {}
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.window() is not root.window():
            continue  # not interactive, or in a dialog
        if widget.isHidden():  # hidden on purpose (a page in another tab is not: it counts)
            continue
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox, QAbstractItemView)):
            continue  # the inner editor or view of a combo box, spin box or table
        if isinstance(widget, QScrollBar):  # reached by scrolling the view it belongs to
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own parts (scroll bars, tab arrows)
            continue
        if not _spoken_name(widget).strip():
            found[id(widget)] = f"{where}: {type(widget).__name__} in {_path(widget)}"
    return found


def _path(widget: QWidget) -> str:
    """Where the widget sits: its parents' class names, innermost first."""
    names = []
    parent = widget.parentWidget()
    while parent is not None and len(names) < 4:
        names.append(type(parent).__name__)
        parent = parent.parentWidget()
    return " < ".join(names)


def test_every_interactive_widget_has_an_accessible_name(qtbot: Any, window: Any) -> None:
    window.resize(1366, 768)
    nameless: dict[int, str] = {}
    by_shortcut = {a.shortcut().toString(): a for a in window.screen_actions.values()}
    for digit in "1234567890":
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{digit}"), Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(by_shortcut[f"Ctrl+{digit}"].isChecked)
        nameless = _nameless(window, f"Ctrl+{digit}") | nameless
        admin = window.findChild(AdminScreen)
        if admin is not None and admin.isVisible():
            bar = admin.tabs.tabBar()
            for index in range(bar.count()):
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
                qtbot.waitUntil(lambda i=index, tabs=admin.tabs: tabs.currentIndex() == i)
                nameless = _nameless(window, f"Beheer/{bar.tabText(index)}") | nameless
    assert window.findChild(AdminScreen) is not None  # Beheer was reached too
    checked = [w for w in window.findChildren(QWidget) if isinstance(w, INTERACTIVE)]
    assert len(checked) > 150  # the walk saw the screens, not an empty window
    assert not nameless, "without an accessible name:\n" + "\n".join(sorted(nameless.values()))
