"""What a user's hands do in the UI tests: type into whatever has the focus, press keys, click
a row, a button or a check box where a mouse would land."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


class Keyboard:
    """Types into the focused widget and counts the keystrokes that are not the text itself."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.extra = 0

    def type(self, text: str, *, counts: bool = False) -> None:
        self.qtbot.keyClicks(focused(), text)
        if counts:
            self.extra += len(text)

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(focused(), key, modifier)
        self.extra += 1

    def tab_to(self, widget: QWidget, *, limit: int = 12) -> None:
        for _ in range(limit):
            if focused() is widget:
                return
            self.press(Qt.Key.Key_Tab)
        assert focused() is widget, f"Tab never reached {widget.accessibleName() or widget}"


def click(qtbot: QtBot, widget: QWidget) -> None:
    """A click in a field or on a button (check boxes: use `tick`)."""
    assert widget.isVisible(), f"cannot click {widget}: not shown"
    assert widget.isEnabled(), f"cannot click {widget}: not enabled"
    qtbot.mouseClick(widget, LEFT)


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """A click on the box of a check box (its middle may lie beyond the label)."""
    assert box.isVisible(), f"cannot tick {box.text()}: not shown"
    assert box.isEnabled(), f"cannot tick {box.text()}: not enabled"
    option = QStyleOptionButton()
    option.initFrom(box)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    before = box.isChecked()
    qtbot.mouseClick(box, LEFT, pos=indicator.center())
    assert box.isChecked() != before, f"the click missed '{box.text()}'"


def click_index(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    """A click on an item of a table, list or tree, as a user picks it."""
    assert index.isValid()

    def shown() -> bool:  # the view lays out new rows later: scroll once it can
        view.scrollTo(index)
        return view.viewport().rect().contains(view.visualRect(index).center())

    qtbot.waitUntil(shown)
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())
    assert view.currentIndex() == index, "the click did not land on the item"


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    """A click on a row of a table or list."""
    click_index(qtbot, view, view.model().index(row, column))


def click_empty(qtbot: QtBot, view: QAbstractItemView) -> None:
    """A click on the blank part of a list, as a user puts the keyboard there."""
    viewport = view.viewport()
    qtbot.mouseClick(viewport, LEFT, pos=QPoint(viewport.width() - 4, viewport.height() - 4))


def activate(qtbot: QtBot, window: QWidget) -> None:
    """The window in front with the keyboard, as when the user works in it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
