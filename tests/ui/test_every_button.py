"""Every button and menu item of every screen, clicked on demo data (issue 13: "tests that click
what users click").

One test per screen (reached by its shortcut), per Beheer tab and for the main window's menus
and toolbar: select a row in every list, click every enabled button (check boxes and radio
buttons too) and every item of every button's menu, answer every dialog with No / Annuleren /
Escape, and fail on any exception a slot raises. The walk is in `support.walker`.
"""

from __future__ import annotations

import re
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QPushButton, QToolBar, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from gebiedsapp.domain import Area, KoffiekarSession
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import ADMIN, SCREEN_KEYS, MainWindow
from support.walker import ROUNDS, SEP, Walker, plain

README = Path(__file__).resolve().parents[2] / "README.md"
MAIN = "hoofdvenster"
ADMIN_TABS = ("areas", "team", "themes", "categories", "partners", "server")
WALKS = [key for key in SCREEN_KEYS if key != ADMIN] + [f"admin-{t}" for t in ADMIN_TABS] + [MAIN]

# (walk, label) pairs that raise today: defects other branches are fixing. Each must STILL
# raise; when one stops, its fix has landed and the pair goes.
KNOWN_DEFECTS: dict[tuple[str, str], tuple[str, str]] = {
    # (walk, label): (the exception it raises, the issue item)
}

# (walk, label) pairs the walk does not click, and why.
SKIPPED: dict[tuple[str, str], str] = {
    (MAIN, "Bestand" + SEP + "Afsluiten"): "closes the main window: the walk would end there",
    ("signals", "Wacht op terugkoppeling"): (
        "leaves only closed signals, whose Categorie… and Splitsen… are disabled (the chosen "
        "open signal leaves the detail with the list); tests/ui/signals/test_signals.py clicks it"
    ),
}

# What each walk must reach, to prove it selected rows and opened menus (a walk that clicks
# nothing passes nothing).
MUST_REACH: dict[str, set[str]] = {
    "area": set(),
    "koffiekar": {
        "Bewerken (Enter)",
        "Signaal maken…",
        "Verslag van de ronde" + SEP + "Voorbeeld bekijken",
    },
    "contacts": {"Nieuw contact", "Signaal maken…", "Exporteren…"},
    "signals": {"Nieuw signaal…", "Categorie…", "Werkbon (PDF)" + SEP + "Voorbeeld bekijken"},
    "initiatives": {"Nieuw initiatief", "Verwijderen…"},
    "activities": {"Nieuwe activiteit", "tab Agenda", "Opslaan als agenda (.ics)…"},
    "summary": {"Voorbeeld PDF", "Afdrukken…", "Opslaan als PDF…"},
    "actions": {"Gedaan (Spatie)"},
    "lists": {"tab Acties", "Exporteren…"},
    "team": {"Vandaag", "tab Per wethouder"},
    "admin-areas": {"Nieuw deelgebied…"},
    "admin-team": {"Nieuw teamlid", "Koppelen aan gebied…"},
    "admin-themes": {"Nieuw thema"},
    "admin-categories": {"Nieuwe categorie"},
    "admin-partners": {"Nieuwe partner"},
    "admin-server": {"Opslaan"},
    "conflicts": {"Toon ook opgeloste"},  # the demo data has no conflicts to decide
    MAIN: {
        "Bestand" + SEP + "Concepten herstellen…",
        "Bestand" + SEP + "Reservekopie terugzetten…",
        "Help" + SEP + "Over Gebiedsapp",
        "Wie werkt waar",  # the toolbar
    },
}


@pytest.fixture
def db_url(demo_template: Path, tmp_path: Path) -> str:
    """A copy of the demo database for each test (walks change data)."""
    target = tmp_path / "test.db"
    shutil.copyfile(demo_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """The system's programs (PDF viewer, browser) are not started: recorded instead."""
    urls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return urls


def busiest_area(context: AppContext) -> uuid.UUID:
    """The area with the most koffiekar rounds of its own: every screen has rows there."""
    with context.read() as session:
        area_id = session.scalar(
            select(Area.id)
            .join(KoffiekarSession, KoffiekarSession.area_id == Area.id)
            .group_by(Area.id)
            .order_by(func.count().desc(), Area.id)
            .limit(1)
        )
    assert area_id is not None
    return area_id


@pytest.fixture
def walker(
    qtbot: QtBot, window: MainWindow, context: AppContext, opened_urls: list[QUrl]
) -> Iterator[Walker]:
    window.showNormal()
    window.resize(1366, 768)  # a municipal laptop
    window.navigator.select(busiest_area(context))

    def idle() -> bool:  # a screen's debounced list query counts as work under way
        return not context.background.busy() and not any(
            getattr(screen, "is_busy", lambda: False)() for screen in window.screens.values()
        )

    walker = Walker(qtbot=qtbot, window=window, idle=idle)
    walker.closer.start()
    yield walker
    walker.closer.stop()
    qtbot.waitUntil(lambda: not context.background.busy())


def press(qtbot: QtBot, window: QWidget, shortcut: str) -> None:
    combination = QKeySequence(shortcut)[0]
    qtbot.keyClick(window, combination.key(), combination.keyboardModifiers())


def shortcut_of(window: MainWindow, key: str) -> str:
    return window.screen_actions[key].shortcut().toString()


def go_to(walker: Walker, window: MainWindow, qtbot: QtBot, where: str) -> QWidget:
    """Reach the walk's screen as a user does (its shortcut; a Beheer tab by clicking it) and
    make `walker.back` return there after a click that went elsewhere."""
    if where == MAIN:
        return window
    key, _, tab = where.partition("-")

    def back() -> None:
        if window.stack.currentWidget() is not window.screens.get(key):
            window.activateWindow()  # as a user clicks it after closing a dialog
            qtbot.waitUntil(window.isActiveWindow)
            press(qtbot, window, shortcut_of(window, key))
            assert window.stack.currentWidget() is window.screens[key], f"not back on {key}"
        if tab:
            tabs = window.admin_screen.tabs
            index = ADMIN_TABS.index(tab)
            if tabs.currentIndex() != index:
                bar = tabs.tabBar()
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())

    with walker.attempt("naar " + where):
        back()
    walker.back = back
    screen = window.screens[key]
    assert window.stack.currentWidget() is screen
    return window.admin_screen.tabs.currentWidget() if tab else screen


def walk_main_window(walker: Walker, window: MainWindow, qtbot: QtBot) -> None:
    """The menu bar's items, each chosen by clicking its menu's title and then the item, and
    the toolbar's buttons."""
    bar = window.menuBar()
    for title_action in bar.actions():
        menu = title_action.menu()
        if not isinstance(menu, QMenu) or not title_action.isVisible():
            continue
        title = plain(title_action.text())

        def open_menu(a: QAction = title_action) -> None:
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(a).center())

        walker.choose_from(open_menu, what=title)
    for toolbar in window.findChildren(QWidget, "screensToolbar"):
        walker.walk(toolbar)


def check(where: str, walker: Walker) -> None:
    """Nothing raised but the known defects, each of those still raises, and the walk came
    everywhere it must (a walk that clicks nothing would pass everything)."""
    known = {what: found for (w, what), found in KNOWN_DEFECTS.items() if w == where}
    problems = [
        f"'{what}' raised:\n{tracebacks[0]}"
        for what, tracebacks in walker.raised.items()
        if what not in known
    ]
    for what, (error, item) in known.items():
        if what not in walker.clicked:
            problems.append(f"the known defect '{what}' ({item}) was not reached")
        elif what not in walker.raised:
            problems.append(f"'{what}' no longer raises: fixed: remove from KNOWN_DEFECTS ({item})")
        elif not any(error in t for t in walker.raised[what]):
            problems.append(f"'{what}' raised other than {error}:\n{walker.raised[what][0]}")
    missed = MUST_REACH[where] - set(walker.clicked)
    if missed:
        problems.append(f"the walk did not reach {sorted(missed)}; it clicked {walker.clicked}")
    if walker.left:
        problems.append(f"enabled buttons left after {ROUNDS} rounds: {walker.left}")
    assert not problems, f"walk '{where}':\n\n" + "\n\n".join(problems)


@pytest.mark.parametrize("where", WALKS)
def test_every_button_on(where: str, walker: Walker, window: MainWindow, qtbot: QtBot) -> None:
    walker.skip = {what: why for (w, what), why in SKIPPED.items() if w == where}
    scope = go_to(walker, window, qtbot, where)
    if where == MAIN:
        walk_main_window(walker, window, qtbot)
    else:
        walker.walk(scope)
    check(where, walker)


# -- shortcuts -------------------------------------------------------------------------------


def readme_shortcuts() -> dict[str, str]:
    """The table under 'Werken met de app': screen title -> shortcut."""
    text = README.read_text(encoding="utf-8").split("## Werken met de app", 1)[1]
    table = text.split("\n\n", 2)[1]
    rows = re.findall(r"^\| ([^|]+?) \| (Ctrl\+\S+) \|", table, flags=re.MULTILINE)
    assert len(rows) == len(SCREEN_KEYS), f"the README's table has {len(rows)} screens: {rows}"
    return dict(rows)


WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


@dataclass(frozen=True)
class Binding:
    keys: str
    owner: str  # the action's text or the shortcut's widget, for the message
    widget: QWidget
    window_wide: bool


def reachable(widget: QWidget) -> bool:
    """A key press can reach it: shown, or a menu of something shown (the menu bar's menus
    are hidden until opened, their shortcuts work all the time)."""
    if isinstance(widget, QMenu):
        return any(
            isinstance(w, QWidget) and reachable(w) for w in widget.menuAction().associatedObjects()
        )
    return widget.isVisible()


def bindings(window: MainWindow) -> list[Binding]:
    """Every key of every enabled QAction and QShortcut that a key press can reach now."""
    found: list[Binding] = []
    for action in window.findChildren(QAction):
        if not shiboken6.isValid(action):  # a menu's own, deleted with a form just closed
            continue
        shown = [w for w in action.associatedObjects() if isinstance(w, QWidget) and reachable(w)]
        if not action.isEnabled() or not shown:
            continue
        wide = action.shortcutContext() in WINDOW_WIDE or isinstance(shown[0], QMenu | QToolBar)
        for sequence in action.shortcuts():
            found.append(Binding(sequence.toString(), plain(action.text()), shown[0], wide))
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and isinstance(parent, QWidget) and parent.isVisible():
            wide = shortcut.context() in WINDOW_WIDE
            for sequence in shortcut.keys():  # noqa: SIM118 (a QShortcut, not a dict)
                found.append(Binding(sequence.toString(), type(parent).__name__, parent, wide))
    return found


def overlap(a: Binding, b: Binding) -> bool:
    """Both answer a press somewhere: one of them window-wide, or one widget inside the other
    (a form's Ctrl+Enter and another form's Ctrl+Enter side by side do not clash)."""
    if a.window_wide or b.window_wide:
        return True
    return (
        a.widget is b.widget or a.widget.isAncestorOf(b.widget) or b.widget.isAncestorOf(a.widget)
    )


def clashes(window: MainWindow) -> dict[str, list[str]]:
    """Keys with more than one owner where they are pressed: Qt then does neither (it only
    warns 'Ambiguous shortcut overload')."""
    found: dict[str, list[str]] = {}
    every = bindings(window)
    for index, a in enumerate(every):
        for b in every[index + 1 :]:
            if a.keys == b.keys and overlap(a, b):
                owners = found.setdefault(a.keys, [])
                owners.extend(o for o in (a.owner, b.owner) if o not in owners)
    return found


def test_no_key_does_two_things_on_any_screen(
    window: MainWindow, qtbot: QtBot, context: AppContext
) -> None:
    per_screen: dict[str, dict[str, list[str]]] = {}
    for key in SCREEN_KEYS:
        press(qtbot, window, shortcut_of(window, key))
        assert window.stack.currentWidget() is window.screens[key]
        qtbot.waitUntil(lambda: not context.background.busy())
        if found := clashes(window):
            per_screen[key] = found
    assert not per_screen, f"ambiguous shortcuts per screen: {per_screen}"


def test_the_clash_check_finds_a_second_owner_of_a_key(window: MainWindow) -> None:
    """The check above can fail: a second Ctrl+N beside Bestand's 'Nieuwe koffiekarronde'."""
    assert clashes(window) == {}
    second = QAction("Tweede", window)
    second.setShortcut(QKeySequence("Ctrl+N"))
    window.addAction(second)
    assert clashes(window) == {"Ctrl+N": ["Nieuwe koffiekarronde", "Tweede"]}


def test_the_readme_shortcuts_reach_their_screens(
    window: MainWindow, qtbot: QtBot, context: AppContext
) -> None:
    titles = {plain(a.text()): key for key, a in window.screen_actions.items()}
    documented = readme_shortcuts()
    assert set(documented) == set(titles), "the README's screens are not the window's"
    # from the last screen back, so that every press changes the screen
    for title, shortcut in reversed(list(documented.items())):
        press(qtbot, window, shortcut)
        key = titles[title]
        assert window.stack.currentWidget() is window.screens[key], f"{shortcut} ≠ {title}"
        assert window.screen_actions[key].isChecked()
    qtbot.waitUntil(lambda: not context.background.busy())


def test_the_walk_fails_on_an_exception_in_a_slot(walker: Walker, window: MainWindow) -> None:
    """The walk's own check: a click whose slot raises is pinned on that button (pytest-qt
    captures exceptions in slots; the walker asks per click)."""
    button = QPushButton("Stuk", window.area_page)
    button.show()

    def broken(_checked: bool = False) -> None:
        raise AttributeError("stuk")

    button.clicked.connect(broken)
    walker.click(button, "Stuk")
    assert list(walker.raised) == ["Stuk"]
    assert "AttributeError: stuk" in walker.raised["Stuk"][0]
