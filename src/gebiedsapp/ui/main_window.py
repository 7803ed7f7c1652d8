"""The main window: area navigator on the left, the chosen screen on the right, status bar.

Screens of later issues (koffiekar, contacts, signals, summaries) slot into `self.screens`
and the 'Scherm' toolbar the same way as the ones here: their keys and how each is built in
ui.window_screens, the toolbar and the menus in ui.window_menus.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from gebiedsapp.domain.enums import DraftKind
from gebiedsapp.storage.errors import BackupError
from gebiedsapp.ui.area_page import AreaPage
from gebiedsapp.ui.area_tree import AreaNavigator
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.first_paint import AfterFirstPaint
from gebiedsapp.ui.gc_guard import freeze_start_up
from gebiedsapp.ui.layout import ScreenStack, fit_into, scrolling, text_width
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.screen import Screen, widget_of
from gebiedsapp.ui.sync.controller import SyncController
from gebiedsapp.ui.warmup import Warmup
from gebiedsapp.ui.window_menus import build_actions
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
    SCREEN_KEYS,
    SIGNALS,
    SUMMARY,
    TEAM_OVERVIEW,
    create_screen,
)

if TYPE_CHECKING:  # the screens a start does not show are imported when first opened
    from gebiedsapp.services.drafts import DraftView
    from gebiedsapp.ui.admin import AdminScreen
    from gebiedsapp.ui.team_overview import TeamOverviewScreen

__all__ = [  # the screen keys (ui.window_screens) are the window's words too
    "ACTIONS",
    "ACTIVITIES",
    "ADMIN",
    "AREA",
    "CONFLICTS",
    "CONTACTS",
    "INITIATIVES",
    "KOFFIEKAR",
    "LISTS",
    "SCREEN_KEYS",
    "SIGNALS",
    "SUMMARY",
    "TEAM_OVERVIEW",
    "MainWindow",
]

GEOMETRY_KEY = "mainwindow/geometry"
STATE_KEY = "mainwindow/state"
SPLITTER_KEY = "mainwindow/splitter"
SCREEN_KEY = "mainwindow/screen"
MINIMUM_SIZE = QSize(560, 380)
NAVIGATOR_CHARACTERS = 26  # 'Winschoten-Zuid' two levels deep


class MainWindow(QMainWindow):
    def __init__(
        self, context: AppContext, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings
        self.setWindowTitle(self.tr("Gebiedsapp – gebiedsgericht werken in Oldambt"))
        # small enough for 1366x768 at 150% (911x512 less the taskbar); screens scroll instead
        self.setMinimumSize(MINIMUM_SIZE)
        self._fitted = False
        self.warmup: Warmup | None = None  # made at the first show

        self.navigator = AreaNavigator(context, self)
        self.area_page = AreaPage(context, self)
        self.stack = ScreenStack(self)
        self.stack.addWidget(self.area_page)
        # Every other screen is built when first opened: start-up does not pay for them.
        self.screens: dict[str, Screen] = {AREA: self.area_page}

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(scrolling(self.stack, self))
        self.splitter.setStretchFactor(1, 1)
        self.navigator.setMinimumWidth(text_width(self.navigator, NAVIGATOR_CHARACTERS))
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.sync = SyncController(context, self, settings)
        self.sync.open_conflicts = lambda: self.show_screen(CONFLICTS)
        actions = build_actions(self)  # the toolbar and the menus: ui.window_menus
        self.screen_actions = actions.screens
        self.search_area_action = actions.search_area
        self.cbs_action = actions.cbs
        self.encrypt_action = actions.encrypt
        self.passphrase_action = actions.passphrase
        self._build_status_bar()

        self.navigator.area_selected.connect(self._on_area_selected)
        self.area_page.edit_team_requested.connect(lambda: self.open_admin("team"))

        # What the first paint does not need follows it (issue 19): the area page's reads
        # (on the worker they would take the GIL from the paint; the first one configures
        # SQLAlchemy's mappers), the sync status, the integrity check (a core for half a
        # second), the warm-up (at the first show), and what `after_first_paint` gets.
        self.first_paint = AfterFirstPaint(self)
        current = self.navigator.current_area()
        if current is not None:
            self.first_paint.add(lambda: self._show_first_area(current))
        self._restore()
        self.sync.start(read_status=False)
        self.first_paint.add(self.sync.refresh_status)
        self.first_paint.add(context.database.begin_check)

    # -- layout -----------------------------------------------------------------------------

    def open_first_run(self) -> None:
        from gebiedsapp.ui.first_run import open_first_run

        open_first_run(self, self.context, self.settings)

    def exchange(self, *, reading: bool) -> None:
        from gebiedsapp.ui.exchange import open_exchange

        open_exchange(self.context, self, reading=reading)

    def import_cbs(self) -> None:
        """Beheer → CBS-cijfers importeren…: reference data, so for a beheerder."""
        from gebiedsapp.ui.admin.cbs_import import CbsImportDialog

        if self.may_manage():
            CbsImportDialog(self.context, self).exec()

    def open_privacy(self) -> None:
        from gebiedsapp.ui.privacy import PrivacyDialog, refused_to

        if refused_to(self.context, self) or not self.may_manage():
            return
        PrivacyDialog(self.context, self).exec()

    def _build_status_bar(self) -> None:
        self.database_label = QLabel(
            self.tr("Database: %s") % self.context.database.describe(), self
        )
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user_label = QLabel(self.tr("Medewerker: %s") % self.context.actor, self)
        self.protection_label = QLabel(self)
        self.protection_label.setObjectName("protection")
        self.statusBar().addPermanentWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.sync.conflict_label)
        self.statusBar().addPermanentWidget(self.sync.status_label)
        self.statusBar().addPermanentWidget(self.sync.button)
        self.statusBar().addPermanentWidget(self.protection_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self._show_protection()

    def _show_protection(self) -> None:
        from gebiedsapp.ui.unlock import describe_protection

        database = self.context.database
        self.protection_label.setText(describe_protection(self.context))
        plain = database.file is not None and not database.encrypted
        warn = plain or database.read_only
        style(
            self.protection_label,
            "padding: 0 12px; " + ("color: $warning; font-weight: bold;" if warn else ""),
        )
        self.encrypt_action.setEnabled(plain and not database.read_only)
        self.passphrase_action.setEnabled(database.encrypted and not database.read_only)

    def offer_encryption(self) -> None:
        from gebiedsapp.ui.unlock import offer_encryption

        offer_encryption(self.context, self)
        self._show_protection()

    def encrypt_database(self) -> None:
        from gebiedsapp.ui.unlock import encrypt_database

        encrypt_database(self.context, self)
        self._show_protection()

    def change_passphrase(self) -> None:
        from gebiedsapp.ui.unlock import change_passphrase

        change_passphrase(self.context, self)

    # -- behaviour --------------------------------------------------------------------------

    def _create(self, key: str) -> Screen:
        """Build a screen on first use; its module is imported only then (start-up time)."""
        return create_screen(self, key)

    def screen_widget(self, key: str) -> QWidget:
        if key not in self.screens:
            screen = self._create(key)
            self.screens[key] = screen
            self.stack.addWidget(widget_of(screen))
            current = self.navigator.current_area()
            if current is not None and screen.follows_area:
                screen.set_area(current)
        return widget_of(self.screens[key])

    def _current_key(self) -> str:
        shown = self.stack.currentWidget()
        return next(key for key, screen in self.screens.items() if widget_of(screen) is shown)

    @property
    def admin_screen(self) -> AdminScreen:
        from gebiedsapp.ui.admin import AdminScreen

        screen = self.screen_widget(ADMIN)
        assert isinstance(screen, AdminScreen)
        return screen

    @property
    def team_screen(self) -> TeamOverviewScreen:
        from gebiedsapp.ui.team_overview import TeamOverviewScreen

        screen = self.screen_widget(TEAM_OVERVIEW)
        assert isinstance(screen, TeamOverviewScreen)
        return screen

    def may_manage(self, *, tell: bool = True) -> bool:
        """The beheerder role (services.permissions); says why not when not and `tell`."""
        from gebiedsapp.services.permissions import MANAGE_REFUSED, may_manage

        with self.context.read() as session:
            allowed = may_manage(session, self.context.actor)
        if not allowed and tell:
            QMessageBox.information(self, self.tr("Alleen voor beheerders"), MANAGE_REFUSED)
        return allowed

    def show_screen(self, key: str) -> None:
        if key == ADMIN and not self.may_manage():
            current = self._current_key()
            self.screen_actions[current].setChecked(True)
            return
        try:
            screen = self.screen_widget(key)
        except Exception:  # the error handler tells; the toolbar shows what is really shown
            current = self._current_key()
            self.screen_actions[current].setChecked(True)
            raise
        self.stack.setCurrentWidget(screen)
        # Beheer has its own area tree; two trees side by side only confuse
        self.navigator.setVisible(key != ADMIN)
        self.screen_actions[key].setChecked(True)

    def search_area(self) -> None:
        """Ctrl+L: to the area search (Enter there chooses the first match)."""
        if not self.navigator.isVisible():  # Beheer hides the tree
            self.show_screen(AREA)
        self.navigator.focus_search()

    def open_admin(self, tab: str) -> None:
        if not self.may_manage():
            return
        self.admin_screen.show_tab(tab)
        self.show_screen(ADMIN)

    def _on_area_selected(self, area_id: uuid.UUID) -> None:
        """The area page always follows; screens that work per area follow too, sharing
        the click's one area header."""
        self.context.headers.forget()  # read afresh once per click: another program may write
        for screen in self.screens.values():  # the area page first: it was built first
            if screen.follows_area:
                screen.set_area(area_id)
        current = self._current_key()
        if not self.screens[current].follows_area and self.isVisible():
            self.show_screen(AREA)

    def new_koffiekar_session(self) -> None:
        self.show_screen(KOFFIEKAR)
        self.screen_widget(KOFFIEKAR).new_session()  # type: ignore[attr-defined]

    def new_signal_from_conversation(self, conversation_id: uuid.UUID) -> None:
        self.show_screen(SIGNALS)
        self.screen_widget(SIGNALS).new_signal_from_conversation(conversation_id)  # type: ignore[attr-defined]

    def new_signal_from_contact(self, contact_id: uuid.UUID) -> None:
        self.show_screen(SIGNALS)
        self.screen_widget(SIGNALS).new_signal_from_contact(contact_id)  # type: ignore[attr-defined]

    def new_contact(self) -> None:
        self.show_screen(CONTACTS)
        self.screen_widget(CONTACTS).new_contact()  # type: ignore[attr-defined]

    def new_activity(self) -> None:
        self.show_screen(ACTIVITIES)
        self.screen_widget(ACTIVITIES).new_activity()  # type: ignore[attr-defined]

    def offer_recovery(self, *, always: bool = False) -> None:
        """'Herstel je werk?': drafts left by a crash, a kill or an empty battery."""
        # the dialog's modules (the koffiekar service and what it brings: a block of 50-100 ms
        # right after a start's first paint, issue 19) only when there is something to offer
        from gebiedsapp.services.drafts import list_drafts

        with self.context.read() as session:
            found = list_drafts(session)
        if not found:
            if always:
                QMessageBox.information(
                    self, self.tr("Concepten"), self.tr("Er zijn geen bewaarde concepten.")
                )
            return
        from gebiedsapp.ui.recovery import RecoveryDialog, newest_first

        dialog = RecoveryDialog(self.context, newest_first(found), self)
        dialog.restore_requested.connect(self.restore_draft)
        dialog.exec()

    def restore_draft(self, draft: DraftView) -> None:
        key = {DraftKind.CONTACT: CONTACTS, DraftKind.ACTIVITY: ACTIVITIES}.get(
            draft.kind, KOFFIEKAR
        )
        self.show_screen(key)
        self.screen_widget(key).restore_draft(draft)  # type: ignore[attr-defined]

    def make_backup(self) -> None:
        from gebiedsapp.services.backups import make_backup
        from gebiedsapp.ui.backup_notice import clear_backup_problem

        folder = self.context.backup_dir()  # a chosen one that is offline is not made here
        default = folder == self.context.paths.backup_dir
        try:
            copy = make_backup(self.context.database, folder, create_folder=default)
        except BackupError as exc:
            QMessageBox.warning(self, self.tr("Reservekopie mislukt"), exc.user_message)
            return
        clear_backup_problem(self)
        self.statusBar().showMessage(self.tr("Reservekopie gemaakt: %s") % copy, 8000)

    def open_restore(self) -> None:
        from gebiedsapp.ui.restore import RestoreDialog

        if not self.may_manage():
            return
        dialog = RestoreDialog(self.context, self)
        if dialog.exec() == RestoreDialog.DialogCode.Accepted and dialog.restored:
            self.close()  # the database was replaced under the app: start again

    def choose_backup_dir(self) -> None:
        from gebiedsapp.ui.restore import choose_backup_dir

        if self.may_manage():
            choose_backup_dir(self.context, self)

    def show_about(self) -> None:
        from gebiedsapp.ui import help as app_help  # the Help menu's: not before the paint

        app_help.show_about(self)

    def show_guide(self) -> None:
        from gebiedsapp.ui import help as app_help

        app_help.show_guide(self)

    def show_shortcuts(self) -> None:
        from gebiedsapp.ui import help as app_help

        app_help.show_shortcuts(self)

    # -- persistence ------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        restored = isinstance(geometry, QByteArray) and not geometry.isEmpty()
        if restored and self.restoreGeometry(geometry):
            self._fit_to_screen()
        else:  # first start: municipal laptops have small screens; use all of it
            screen = self.screen()
            self.setGeometry(screen.availableGeometry() if screen else self.geometry())
            self.setWindowState(Qt.WindowState.WindowMaximized)
        self._size_navigator()
        state = self.settings.value(STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = self.settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        screen = self.settings.value(SCREEN_KEY)
        if (
            isinstance(screen, str)
            and screen in SCREEN_KEYS
            and (screen != ADMIN or self.may_manage(tell=False))
        ):
            self.show_screen(screen)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # once shown, the title bar and borders are known
            self._fitted = True
            self._fit_to_screen()
            # then, while the user does nothing, the screens' modules (issue 19: first opens)
            self.warmup = Warmup(self, finished=freeze_start_up)
            self.first_paint.add(self.warmup.start)

    def after_first_paint(self, then: Callable[[], None]) -> None:
        """Run `then` once the window has painted for the first time (soon, if it has)."""
        self.first_paint.add(then)

    def _show_first_area(self, area_id: uuid.UUID) -> None:
        if self.area_page.area_id is None:  # not clicked meanwhile
            self.area_page.show_area(area_id)

    def _fit_to_screen(self) -> None:
        """A window saved on a larger screen, or at a smaller display scaling, opens inside
        the screen it is on, title bar and borders included."""
        screen = self.screen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        available = screen.availableGeometry()
        frame = self.frameGeometry()
        if available.contains(frame):
            return
        fitted = fit_into(frame, available)
        offset = self.geometry().topLeft() - frame.topLeft()  # the title bar and border
        borders = frame.size() - self.geometry().size()
        self.setGeometry(QRect(fitted.topLeft() + offset, fitted.size() - borders))

    def _size_navigator(self) -> None:
        """The area tree takes a fifth of the window, at most 260 px, at least its minimum;
        the splitter's saved state (restored after this) keeps what the user dragged."""
        width = self.width()
        tree = max(self.navigator.minimumWidth(), min(260, width // 5))
        self.splitter.setSizes([tree, max(width - tree, 1)])

    def save_settings(self) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(STATE_KEY, self.saveState())
        self.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        current = self._current_key()
        self.settings.setValue(SCREEN_KEY, current)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # a screen without drafts asks what to do with unsaved input; Annuleren keeps it open
        for key, screen in self.screens.items():
            if not screen.may_close():
                self.show_screen(key)
                event.ignore()
                return
        self.flush_drafts()
        self.save_settings()
        self.sync.shutdown()
        super().closeEvent(event)

    def flush_drafts(self) -> None:
        """Write what is still being typed as drafts (on closing, and after an error)."""
        for screen in self.screens.values():
            screen.flush()
