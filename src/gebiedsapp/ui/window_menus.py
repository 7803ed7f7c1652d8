"""The main window's toolbar of screens and its menus: each action, its shortcut and what it
calls on the window.

Split from ui/main_window.py (modules under ~500 lines). The texts keep the window's
translation context, "MainWindow", so the English catalogue did not change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from gebiedsapp.ui.language import add_language_menu
from gebiedsapp.ui.window_screens import (
    ACTIONS,
    ACTIVITIES,
    ADMIN,
    AREA,
    CONFLICTS,
    CONTACTS,
    INITIATIVES,
    KOFFIEKAR,
    LISTS,
    SIGNALS,
    SUMMARY,
    TEAM_OVERVIEW,
)

if TYPE_CHECKING:
    from gebiedsapp.ui.main_window import MainWindow

translate = QCoreApplication.translate  # by this name lupdate finds the texts


class WindowActions(NamedTuple):
    """The actions the window changes later (checked screen, enabled or not)."""

    screens: dict[str, QAction]
    search_area: QAction
    cbs: QAction
    encrypt: QAction
    passphrase: QAction


def build_actions(window: MainWindow) -> WindowActions:
    screens = _screen_actions(window)
    _file_menu(window)
    search_area = _view_menu(window, screens)
    cbs, encrypt, passphrase = _admin_menu(window)
    _help_menu(window)
    return WindowActions(screens, search_area, cbs, encrypt, passphrase)


def _screen_actions(window: MainWindow) -> dict[str, QAction]:
    """One checkable action per screen, with its shortcut, on the toolbar."""
    toolbar = QToolBar(translate("MainWindow", "Schermen"), window)
    toolbar.setObjectName("screensToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.addToolBar(toolbar)
    group = QActionGroup(window)
    actions: dict[str, QAction] = {}
    for key, text, shortcut in (
        (AREA, translate("MainWindow", "Gebied"), "Ctrl+1"),
        (KOFFIEKAR, translate("MainWindow", "Koffiekar"), "Ctrl+2"),
        (CONTACTS, translate("MainWindow", "Contacten"), "Ctrl+3"),
        (SIGNALS, translate("MainWindow", "Signalen"), "Ctrl+4"),
        (INITIATIVES, translate("MainWindow", "Initiatieven"), "Ctrl+5"),
        (SUMMARY, translate("MainWindow", "Samenvatting"), "Ctrl+6"),
        (ACTIONS, translate("MainWindow", "Mijn acties"), "Ctrl+7"),
        (LISTS, translate("MainWindow", "Lijsten"), "Ctrl+8"),
        (TEAM_OVERVIEW, translate("MainWindow", "Wie werkt waar"), "Ctrl+9"),
        (ADMIN, translate("MainWindow", "Beheer"), "Ctrl+0"),
        (CONFLICTS, translate("MainWindow", "Conflicten"), "Ctrl+Shift+C"),
        # the digits are all taken: Ctrl+Shift+A (activiteiten, agenda), next to
        # Ctrl+Shift+N for a new contact
        (ACTIVITIES, translate("MainWindow", "Activiteiten"), "Ctrl+Shift+A"),
    ):
        action = QAction(text, window, checkable=True)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{text} ({shortcut})")
        action.triggered.connect(lambda _checked=False, k=key: window.show_screen(k))
        group.addAction(action)
        if key != CONFLICTS:  # rare: reached from the menu, its shortcut and the status bar
            toolbar.addAction(action)
        actions[key] = action
    actions[AREA].setChecked(True)
    return actions


def _file_menu(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu(translate("MainWindow", "&Bestand"))
    new_session = file_menu.addAction(translate("MainWindow", "Nieuwe &koffiekarronde"))
    new_session.setShortcut(QKeySequence("Ctrl+N"))
    new_session.triggered.connect(window.new_koffiekar_session)
    new_contact = file_menu.addAction(translate("MainWindow", "Nieuw &contact"))
    new_contact.setShortcut(QKeySequence("Ctrl+Shift+N"))
    new_contact.triggered.connect(window.new_contact)
    file_menu.addAction(window.sync.action)
    window.addAction(window.sync.action)  # F9 from anywhere in the window
    new_activity = file_menu.addAction(translate("MainWindow", "Nieuwe acti&viteit"))
    new_activity.triggered.connect(window.new_activity)
    recover = file_menu.addAction(translate("MainWindow", "&Concepten herstellen…"))
    recover.triggered.connect(lambda: window.offer_recovery(always=True))
    file_menu.addSeparator()
    backup = file_menu.addAction(translate("MainWindow", "&Reservekopie maken"))
    backup.triggered.connect(window.make_backup)
    restore = file_menu.addAction(translate("MainWindow", "Reservekopie &terugzetten…"))
    restore.triggered.connect(window.open_restore)
    backup_folder = file_menu.addAction(translate("MainWindow", "&Map voor reservekopieën…"))
    backup_folder.triggered.connect(window.choose_backup_dir)
    file_menu.addSeparator()
    exchange_out = file_menu.addAction(translate("MainWindow", "&Uitwisselingsbestand maken…"))
    exchange_out.triggered.connect(lambda: window.exchange(reading=False))
    exchange_in = file_menu.addAction(translate("MainWindow", "Uitwisselingsbestand &inlezen…"))
    exchange_in.triggered.connect(lambda: window.exchange(reading=True))
    file_menu.addSeparator()
    quit_action = file_menu.addAction(translate("MainWindow", "&Afsluiten"))
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)


def _view_menu(window: MainWindow, screens: dict[str, QAction]) -> QAction:
    view_menu = window.menuBar().addMenu(translate("MainWindow", "Bee&ld"))
    for action in screens.values():
        view_menu.addAction(action)
    view_menu.addSeparator()
    # Ctrl+L as in a browser's address bar: 'go to'; Ctrl+F stays free for a screen's search
    search_area = view_menu.addAction(translate("MainWindow", "Gebied &zoeken"))
    search_area.setShortcut(QKeySequence("Ctrl+L"))
    search_area.triggered.connect(window.search_area)
    add_language_menu(view_menu, window.settings, window)
    return search_area


def _admin_menu(window: MainWindow) -> tuple[QAction, QAction, QAction]:
    """Beheer: its screen's tabs, the CBS import, privacy, encryption and the passphrase."""
    admin_menu = window.menuBar().addMenu(translate("MainWindow", "B&eheer"))
    for name, text in (
        ("areas", translate("MainWindow", "Gebieden")),
        ("team", translate("MainWindow", "Teams")),
        ("themes", translate("MainWindow", "Thema's")),
        ("categories", translate("MainWindow", "Signaalcategorieën")),
        ("partners", translate("MainWindow", "Partners")),
        ("server", translate("MainWindow", "Teamserver")),
    ):
        action = admin_menu.addAction(text)
        action.triggered.connect(lambda _checked=False, n=name: window.open_admin(n))
    cbs = admin_menu.addAction(translate("MainWindow", "&CBS-cijfers importeren…"))
    cbs.triggered.connect(window.import_cbs)
    admin_menu.addSeparator()
    privacy = admin_menu.addAction(translate("MainWindow", "&Inzage en verwijdering…"))
    privacy.triggered.connect(window.open_privacy)
    admin_menu.addSeparator()
    encrypt = admin_menu.addAction(translate("MainWindow", "Database &versleutelen…"))
    encrypt.triggered.connect(window.encrypt_database)
    passphrase = admin_menu.addAction(translate("MainWindow", "&Wachtwoord wijzigen…"))
    passphrase.triggered.connect(window.change_passphrase)
    return cbs, encrypt, passphrase


def _help_menu(window: MainWindow) -> None:
    help_menu = window.menuBar().addMenu(translate("MainWindow", "&Help"))
    guide = help_menu.addAction(translate("MainWindow", "&Handleiding"))
    guide.setShortcut(QKeySequence(Qt.Key.Key_F1))
    guide.triggered.connect(window.show_guide)
    shortcuts = help_menu.addAction(translate("MainWindow", "&Sneltoetsen"))
    shortcuts.triggered.connect(window.show_shortcuts)
    first_run = help_menu.addAction(translate("MainWindow", "&Eerste keer instellen…"))
    first_run.triggered.connect(window.open_first_run)
    about = help_menu.addAction(translate("MainWindow", "&Over Gebiedsapp"))
    about.triggered.connect(window.show_about)
