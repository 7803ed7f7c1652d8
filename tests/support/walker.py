"""Walking the app like a curious user (issue 13, "tests that click what users click"): select a
row in every list, click every enabled button and every item of every menu, and answer every
dialog that opens as a cautious user would (No, Annuleren, Escape).

Each click runs in its own `qtbot.captureExceptions()`, so an exception raised in a slot is
pinned on the button that raised it, not on the test as a whole.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QHeaderView,
    QListView,
    QMenu,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeView,
    QWidget,
)
from pytestqt.exceptions import TimeoutError as QtBotTimeout

TICK_MS = 25
ESCAPES_BEFORE_FORCE = 3  # Escape, and again after a question; then the dialog is rejected
ROUNDS = 3  # a click can enable, show or make new buttons; walk again for those
IDLE_TIMEOUT_MS = 30_000
SEP = " › "
# Buttons about the chosen record first, then those that end its form, then those that make a
# new one: either of the last two swaps the record for an empty form, and what is about the
# record would go unclicked.
ENDS_FORM = re.compile(r"(Opslaan|Annuleren|Leegmaken)\b")
CREATES = re.compile(r"Nieuwe? ")  # 'Nieuw contact', 'Nieuwe ronde, vandaag hier'
PHASES = 3


def phase(button: QAbstractButton) -> int:
    text = label(button)
    return 2 if CREATES.match(text) else 1 if ENDS_FORM.match(text) else 0


def address(widget: QObject) -> int:
    """The Qt object's own identity (a Python wrapper can be made anew for the same one)."""
    return int(shiboken6.getCppPointer(widget)[0])


def plain(text: str) -> str:
    """What a user reads: without mnemonic '&' and runs of spaces ('&Nieuw signaal…')."""
    return " ".join(re.sub(r"&(.)", r"\1", text).split())


def label(button: QAbstractButton) -> str:
    text = button.text() or button.toolTip() or button.accessibleName() or button.objectName()
    return plain(text) or type(button).__name__


def button_menu(button: QAbstractButton) -> QMenu | None:
    if isinstance(button, QPushButton | QToolButton):
        return button.menu()
    return None


def menu_items(menu: QMenu) -> list[str]:
    return [
        plain(a.text())
        for a in menu.actions()
        if not a.isSeparator() and a.isVisible() and a.isEnabled() and a.menu() is None
    ]


class DialogCloser(QObject):
    """Answers whatever opens, from a timer, because `exec()` blocks the click that opened it.

    A modal dialog gets Escape (a message box: its No/Annuleren button; a form: its cancel),
    and is rejected outright when Escape does not close it (a form that asks again). A popup
    menu is closed, or, when `choose` names one of its items, that item is chosen with the
    keyboard. Progress dialogs are left alone: the walk waits for their work.

    Every answer is deferred to its own zero-timer: an answer can open the next dialog (the
    form's 'Weggooien?'), whose `exec()` must not block this timer's own tick."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.choose: str | None = None
        self.last_menu: list[str] = []
        self.answered: list[str] = []  # window titles of the dialogs answered
        self.menus = 0  # popup menus answered
        self.attempts: dict[int, int] = {}
        self._pending = False

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def busy(self) -> bool:
        return self._pending

    def _later(self, answer: Callable[[], None]) -> None:
        self._pending = True

        def run() -> None:
            self._pending = False
            answer()

        QTimer.singleShot(0, run)

    def _tick(self) -> None:
        if self._pending:
            return
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            self._later(lambda: self._answer_menu(popup))
            return
        if popup is not None:
            self._later(popup.close)
            return
        modal = QApplication.activeModalWidget()
        if modal is None or isinstance(modal, QProgressDialog):
            return
        tries = self.attempts.get(address(modal), 0) + 1
        self.attempts[address(modal)] = tries
        if tries == 1:
            self.answered.append(modal.windowTitle())
        self._later(lambda: self._answer_modal(modal, tries))

    def _answer_menu(self, menu: QMenu) -> None:
        if not shiboken6.isValid(menu) or not menu.isVisible():
            return
        self.last_menu = menu_items(menu)
        wanted, self.choose = self.choose, None
        chosen = next((a for a in menu.actions() if plain(a.text()) == wanted), None)
        if chosen is None:
            menu.close()
        else:
            menu.setActiveAction(chosen)
            QTest.keyClick(menu, Qt.Key.Key_Return)
        self.menus += 1

    def _answer_modal(self, modal: QWidget, tries: int) -> None:
        if not shiboken6.isValid(modal) or not modal.isVisible():
            return
        if tries <= ESCAPES_BEFORE_FORCE:
            QTest.keyClick(modal, Qt.Key.Key_Escape)
        elif isinstance(modal, QDialog):
            QDialog.done(modal, QDialog.DialogCode.Rejected.value)  # past any override
        else:
            modal.close()


class Walker:
    """Clicks through one screen (`scope`) of `window`; records what raised, per label."""

    def __init__(self, *, qtbot: Any, window: QWidget, idle: Callable[[], bool]) -> None:
        self.qtbot = qtbot
        self.window = window
        self.idle = idle
        self.closer = DialogCloser()
        self.clicked: list[str] = []
        self.raised: dict[str, list[str]] = {}
        self.skip: dict[str, str] = {}  # label -> why it is not clicked
        self.back: Callable[[], None] = lambda: None  # to the walked screen after a detour
        self.left: list[str] = []  # enabled buttons the walk's rounds did not come to

    # -- one action -------------------------------------------------------------------------

    @contextmanager
    def attempt(self, what: str) -> Iterator[None]:
        """Run one user action; what it raises (in any slot, until the work it started is
        done) is recorded under `what`."""
        before = {address(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        self.closer.attempts.clear()
        with self.qtbot.captureExceptions() as caught:
            yield
            try:
                self.qtbot.waitUntil(self._settled, timeout=IDLE_TIMEOUT_MS)
            except QtBotTimeout:
                modal = QApplication.activeModalWidget()
                raise AssertionError(
                    f"'{what}' did not settle: background busy {not self.idle()}, open dialog "
                    f"{modal.windowTitle() if modal else None!r}"
                ) from None
            self._close_new_windows(before)
        if caught:
            self.raised.setdefault(what, []).extend(
                "".join(traceback.format_exception(kind, value, tb)) for kind, value, tb in caught
            )
        assert self.window.isVisible(), f"'{what}' closed the main window; the walk cannot go on"

    def _settled(self) -> bool:
        """The work a click started is done and every dialog it opened is answered (a
        window-modal form opened with `open()` does not block the click)."""
        return (
            self.idle()
            and QApplication.activeModalWidget() is None
            and QApplication.activePopupWidget() is None
            and not self.closer.busy()
        )

    def _close_new_windows(self, before: set[int]) -> None:
        """A non-modal window a click opened (the PDF preview) is closed again."""
        for widget in QApplication.topLevelWidgets():
            new = widget.isVisible() and address(widget) not in before
            if new and not widget.isModal() and not isinstance(widget, QMenu):
                widget.close()

    def click(self, button: QAbstractButton, what: str) -> None:
        self.clicked.append(what)
        with self.attempt(what):
            self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=click_point(button))
        self.back()

    def choose_from(self, opener: Callable[[], None], *, what: str) -> None:
        """Open a menu (`opener` clicks what shows it), then choose each of its items in turn,
        opening it again for each: the way a user reaches a menu item."""
        self.closer.last_menu = []
        self.clicked.append(what)
        with self.attempt(what):
            self._open_menu(opener)
        self.back()
        for item in self.closer.last_menu:
            full = what + SEP + item
            if full in self.skip:
                continue
            self.closer.choose = item
            self.clicked.append(full)
            with self.attempt(full):
                self._open_menu(opener)
            self.closer.choose = None
            self.back()

    def _open_menu(self, opener: Callable[[], None]) -> None:
        """A menu pops up without blocking; its item is chosen on the closer's next tick."""
        answered = self.closer.menus
        opener()
        self.qtbot.waitUntil(lambda: self.closer.menus > answered, timeout=IDLE_TIMEOUT_MS)

    # -- a whole screen ---------------------------------------------------------------------

    def walk(self, scope: QWidget) -> None:
        """Every enabled button in `scope`, in every tab of its tab widgets, in a few rounds:
        a click may enable or show others (a row chosen, a form opened)."""
        done: set[str] = set()
        self._rounds(scope, done)
        for tabs in [t for t in scope.findChildren(QTabWidget) if t.isVisible()]:
            bar = tabs.tabBar()
            for index in range(tabs.count()):
                if index == tabs.currentIndex() or not tabs.isTabEnabled(index):
                    continue
                what = "tab " + plain(tabs.tabText(index))
                self.clicked.append(what)
                with self.attempt(what):
                    self.qtbot.mouseClick(
                        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center()
                    )
                self._rounds(scope, done)
        self.left = [label(b) for b in self.buttons(scope) if key(b, scope) not in done]

    def _rounds(self, scope: QWidget, done: set[str]) -> None:
        for last in range(PHASES):
            for _round in range(ROUNDS):
                self.select_rows(scope)
                fresh = [
                    b for b in self.buttons(scope) if key(b, scope) not in done and phase(b) <= last
                ]
                if not fresh:
                    break
                for button in sorted(fresh, key=phase):
                    self._click_once(button, scope, done)

    def _click_once(self, button: QAbstractButton, scope: QWidget, done: set[str]) -> None:
        if not (shiboken6.isValid(button) and self.usable(button)):
            return  # an earlier click hid, disabled or removed it
        done.add(key(button, scope))
        what = label(button)
        if what in self.skip:
            return
        if button_menu(button) is None:
            self.click(button, what)
        else:
            self.choose_from(lambda b=button: self._press(b), what=what)

    def _press(self, button: QAbstractButton) -> None:
        if shiboken6.isValid(button) and self.usable(button):
            self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=click_point(button))

    def usable(self, widget: QWidget) -> bool:
        return widget.isVisible() and widget.isEnabled() and widget.window() is self.window

    def buttons(self, scope: QWidget) -> list[QAbstractButton]:
        return [b for b in scope.findChildren(QAbstractButton) if self.usable(b)]

    def select_rows(self, scope: QWidget) -> None:
        """The first row of every visible list that has rows and no selection, clicked and
        opened with Enter; again for lists that a choice filled (a round's conversations)."""
        tried: set[int] = set()
        while self._select_once(scope, tried):
            pass

    def _select_once(self, scope: QWidget, tried: set[int]) -> bool:
        chose = False
        for view in scope.findChildren(QAbstractItemView):
            if address(view) in tried:
                continue
            if isinstance(view, QHeaderView) or not self.usable(view):
                continue
            model, selection = view.model(), view.selectionModel()
            if model is None or selection is None or model.rowCount(QModelIndex()) == 0:
                continue
            if selection.hasSelection():
                continue
            if view.selectionMode() == QAbstractItemView.SelectionMode.NoSelection:
                continue
            rect = first_cell(view)
            if rect is None:
                continue
            tried.add(address(view))
            chose = True
            what = f"rij kiezen in {view_name(view)}"
            self.clicked.append(what)
            with self.attempt(what):  # click it, and Enter: screens open a record on that
                self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                if self.usable(view):
                    self.qtbot.keyClick(view, Qt.Key.Key_Return)
            self.back()
        return chose


def click_point(button: QAbstractButton) -> QPoint:
    """A check box or radio button answers only on its box and text (it may be wider)."""
    if isinstance(button, QCheckBox | QRadioButton):
        return QPoint(6, button.height() // 2)
    return button.rect().center()


def first_cell(view: QAbstractItemView) -> Any:
    model = view.model()
    columns = (
        [view.modelColumn()]
        if isinstance(view, QListView)
        else range(model.columnCount(QModelIndex()))
    )
    for column in columns:
        if isinstance(view, QTableView | QTreeView) and view.isColumnHidden(column):
            continue
        rect = view.visualRect(model.index(0, column, QModelIndex()))
        if not rect.isEmpty() and view.viewport().rect().contains(rect.center()):
            return rect
    return None


def view_name(view: QAbstractItemView) -> str:
    return view.accessibleName() or view.objectName() or type(view).__name__


def key(button: QAbstractButton, scope: QWidget) -> str:
    """Which button this is, for 'already clicked': its label and where it sits (two
    'Geschiedenis…' buttons in different panes are two buttons)."""
    path = []
    parent = button.parentWidget()
    while parent is not None and parent is not scope:
        path.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    return "/".join(reversed(path)) + "/" + type(button).__name__ + ":" + label(button)
