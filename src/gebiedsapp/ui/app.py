"""Starting the window: QApplication, Dutch translations, the log file and the handler of
uncaught errors, one window per database, the database, the main window.

Up to the passphrase dialog only what it needs is imported (issue 19: the dialog within twice a
bare window); SQLAlchemy, the services and the main window's screens are imported inside the
functions that open the database and build the window, after the passphrase was given."""

from __future__ import annotations

import gc
import logging
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from gebiedsapp import __version__
from gebiedsapp.identity import current_actor
from gebiedsapp.logs import close_logging, setup_logging
from gebiedsapp.paths import APP_AUTHOR, APP_NAME, AppPaths, app_paths, database_url
from gebiedsapp.services.before_open import database_file
from gebiedsapp.storage.errors import (
    BackupError,
    DamagedDatabaseError,
    StorageError,
    explain_write_error,
)
from gebiedsapp.threads import favour_the_gui_thread
from gebiedsapp.ui.crash import ExceptionReporter
from gebiedsapp.ui.feature_scan import skip_feature_scan
from gebiedsapp.ui.gc_guard import GarbageCollector, freeze_start_up
from gebiedsapp.ui.icon import app_icon
from gebiedsapp.ui.language import chosen_language, install_translators
from gebiedsapp.ui.none_guard import keep_none_alive
from gebiedsapp.ui.previews import remove_stale_previews
from gebiedsapp.ui.single_instance import InstanceGuard, claim
from gebiedsapp.ui.unlock import open_with_passphrase

if TYPE_CHECKING:  # imported once the passphrase opened the database, not before its dialog
    from gebiedsapp.services.database_access import Database
    from gebiedsapp.startup import OpenedDatabase
    from gebiedsapp.ui.main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # by this name lupdate finds the texts


def create_main_window(
    opened: OpenedDatabase, paths: AppPaths, *, actor: str, settings: QSettings | None = None
) -> MainWindow:
    from gebiedsapp.ui.audit_notice import AuditDamageNotice
    from gebiedsapp.ui.context import AppContext, ChangeHub
    from gebiedsapp.ui.main_window import MainWindow

    favour_the_gui_thread()  # the screens' workers run Python beside the paint
    context = AppContext(database=opened.database, actor=actor, paths=paths, hub=ChangeHub())
    window = MainWindow(context, settings or QSettings(APP_AUTHOR, APP_NAME))
    AuditDamageNotice(window)  # a damaged audit log found by a save: say so
    return window


def start_maintenance(database: Database, paths: AppPaths, actor: str) -> str:
    """What every start does besides opening: enter the opening in the audit log, apply
    retention and make a backup when the database changed since the last one. Runs on a
    worker (none needs the window), after the integrity check that runs beside the window's
    start (its first write waits for it); raises on failure."""
    from gebiedsapp.domain import AuditAction
    from gebiedsapp.services import audit, backups, erasure, retention

    # the audit log is written past the ORM, where no write waits for the check by itself
    database.wait_until_checked()
    with database.unit_of_work(actor) as session:
        audit.note(session, AuditAction.OPEN, detail="venster")
    with database.unit_of_work(actor) as session:
        done = retention.apply(session, today=date.today())
    pending = erasure.finish_pending(database)  # an erasure's clean-up left for this start
    if pending:
        log.warning("clean-up after an erasure still pending: other connections read")
    if database.file is not None:
        with database.read_session(actor) as session:  # an offline chosen folder: not made
            copy = backups.start_backup_in_folder(database, session, paths.backup_dir)
        log.info("start backup: %s", copy or "none needed (no change since the last one)")
    return done.summary(done=True)


def begin_maintenance(window: MainWindow, database: Database, paths: AppPaths, actor: str) -> None:
    """The audit entry, retention and the start backup: on the maintenance worker once the
    window is up (never on the screens' worker: a screen opened at launch does not wait for a
    backup), after the integrity check (the first write waits for it); a failure is shown."""
    from gebiedsapp.ui.background import MAINTENANCE

    window.context.background.submit(
        "start-maintenance",
        lambda: start_maintenance(database, paths, actor),
        owner=window,
        on_done=lambda summary: log.info("start maintenance: %s", summary),
        on_error=lambda error: found_damaged(window, error),
        lane=MAINTENANCE,
    )


def found_damaged(window: MainWindow, error: BaseException) -> None:
    """The start's maintenance failed. When the integrity check found damage, nothing was
    written: say so and close, so that the next start offers a backup or read-only."""
    log.error("start maintenance failed: %s", error)
    from gebiedsapp.ui.backup_notice import show_backup_problem

    if isinstance(error, BackupError):  # the user must see it: a share offline, a full disk
        show_backup_problem(window, window.settings, error.user_message)
    if isinstance(error, DamagedDatabaseError):
        QMessageBox.critical(
            window,
            translate("App", "Database beschadigd"),
            error.user_message
            + translate(
                "App",
                "\n\nEr is niets opgeslagen. De app sluit; start hem opnieuw om een "
                "reservekopie terug te zetten of de database alleen-lezen te openen.",
            ),
        )
        window.close()


def show_window(
    opened: OpenedDatabase, paths: AppPaths, *, actor: str, settings: QSettings | None = None
) -> MainWindow:
    """The window on an opened database, as every start shows it: then 'Herstel je werk?'
    for drafts left by a crash, the offer to encrypt a plain file, and the start's
    maintenance on the worker."""
    if opened.upgrade.from_revision != opened.upgrade.to_revision:
        # a new or upgraded database: the migrations left thousands of reference cycles
        # (Alembic's and the DDL's objects, ~3 MB on a first start) that the freeze below
        # would keep for ever; this start is slow anyway (review)
        gc.collect()
    window = create_main_window(opened, paths, actor=actor, settings=settings)
    window.show()
    # what the start made (imports, mappers, the window: 130k objects) lives as long as the
    # app: out of the GUI thread's collections before the first paint, which the first of
    # them held up (50-80 ms on ten times the data, issue 19); again after the warm-up
    freeze_start_up()
    if opened.database.read_only:  # damaged, to look at: nothing is written, nothing offered
        return window
    # all after the first paint (issue 19): none of it is needed to show the window, and the
    # maintenance's reads and writes would take the GIL and a core from that paint
    window.after_first_paint(lambda: begin_maintenance(window, opened.database, paths, actor))
    window.after_first_paint(window.offer_recovery)  # 'Herstel je werk?' after a crash
    window.after_first_paint(window.offer_encryption)  # a plain database file: encrypt it?
    if opened.fresh:  # a new database: 'Eerste keer instellen' (once)
        window.after_first_paint(lambda: _offer_first_run(window))
    return window


def _offer_first_run(window: MainWindow) -> None:
    """The wizard's module is imported for a new database only: not before the first paint
    of every start."""
    from gebiedsapp.ui.first_run import offer_first_run

    offer_first_run(window, window.context, window.settings, fresh=True)


def _open(url: str, paths: AppPaths, actor: str) -> OpenedDatabase | int:
    """The database at `url`, unlocked, checked and up to date; or the exit code after the
    user gave up or was told why it cannot be opened."""
    try:
        try:
            unlocked = open_with_passphrase(url, paths, actor, check_beside=True)
            if unlocked is None:
                return 1  # no passphrase given: nothing opened, nothing changed
            return unlocked[0]
        except DamagedDatabaseError as damaged:
            from gebiedsapp.services.database_access import key_of
            from gebiedsapp.startup import open_database, open_read_only
            from gebiedsapp.ui.restore import Damaged, offer_restore_of_damaged

            log.error("damaged database: %s", damaged)
            key = key_of(damaged.key)
            if not isinstance(damaged.path, Path):
                raise
            choice = offer_restore_of_damaged(
                damaged.path, paths.backup_dir, damaged.user_message, key
            )
            if choice is Damaged.QUIT:
                return 2
            if choice is Damaged.READ_ONLY:
                return open_read_only(url, key=key)
            return open_database(url, paths, actor=actor, key=key)
    except StorageError as exc:
        log.error("cannot open database: %s", exc)
        QMessageBox.critical(
            None, translate("App", "Database kan niet worden geopend"), exc.user_message
        )
        return 2
    except _sqlalchemy_error() as exc:  # locked by another instance while upgrading, say
        log.exception("cannot open database")
        QMessageBox.critical(
            None,
            translate("App", "Database kan niet worden geopend"),
            translate("App", "De database kon niet worden geopend. Er is niets gewijzigd.")
            + "\n\n"
            + (
                explain_write_error(exc)
                or translate("App", "Technische melding: %s") % exc.__class__.__name__
            ),
        )
        return 2


def _sqlalchemy_error() -> type[BaseException]:
    """SQLAlchemy's base error, imported only to match one (an `except` clause's expression is
    evaluated when an exception reaches it): the start imports SQLAlchemy after the dialog."""
    from sqlalchemy.exc import SQLAlchemyError

    return SQLAlchemyError


def run_gui(
    *, database: str | None = None, data_dir: str | None = None, verbose: bool = False
) -> int:
    keep_none_alive()  # before Qt paints anything: PySide6 loses references to None, True
    skip_feature_scan()  # before the imports: PySide6 would read each module's source
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Gebiedsapp")
    app.setWindowIcon(app_icon())  # title bar and task bar, every window
    # Dutch (Qt's own dialogs too) unless the user chose English in Beeld → Taal / Language
    translators = install_translators(app, chosen_language(QSettings(APP_AUTHOR, APP_NAME)))
    GarbageCollector(app)  # owned by app; cycles holding Qt objects die on the GUI thread
    paths = app_paths(data_dir).ensure()
    log_path = setup_logging(paths, verbose=verbose, program="venster")
    problems = paths.problems()
    if problems:  # a read-only data folder, say: go on where possible, but say what is missing
        QMessageBox.warning(
            None,
            translate("App", "Gegevensmap niet beschrijfbaar"),
            "\n\n".join(p.message() for p in problems)
            + translate("App", "\n\nDe Gebiedsapp gaat verder waar dat kan."),
        )
    log.info("Gebiedsapp %s starts (pid %d)", __version__, os.getpid())
    reporter = ExceptionReporter(log_path, parent=app)
    reporter.install()  # from here on nothing uncaught vanishes
    guard: InstanceGuard | None = None
    try:
        remove_stale_previews()  # left by a crash; a summary preview may quote free text
        url = database_url(database, paths)
        actor = current_actor()
        try:
            path = database_file(url)
        except _sqlalchemy_error():  # not a URL at all: _open says so in Dutch
            path = None
        if path is not None:  # one window per database file, before any passphrase or draft
            claimed = claim(path, user=actor, parent=app)
            if isinstance(claimed, int):
                return claimed
            guard = claimed
        opened = _open(url, paths, actor)
        if isinstance(opened, int):
            return opened
        if opened.upgrade.backup is not None:
            log.info("backup before upgrade: %s", opened.upgrade.backup)
        window = show_window(opened, paths, actor=actor)
        reporter.flush = window.flush_drafts
        if guard is not None:
            guard.window = window
        try:
            return app.exec()
        finally:
            window.context.background.wait()  # a start backup may still be copying
            opened.database.dispose()
    finally:
        if guard is not None:
            guard.release()
            guard.window = None
            guard.deleteLater()
        reporter.uninstall()
        reporter.flush = None  # lets the window go
        reporter.deleteLater()
        close_logging()
        for translator in translators:  # as found: a test starts the window in its process
            app.removeTranslator(translator)
