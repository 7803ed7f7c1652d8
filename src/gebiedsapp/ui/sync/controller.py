"""Synchroniseren in the window: the action (F9, as Outlook's send/receive), the status bar
(last sync, changes waiting, open conflicts), the run on a worker thread of its own with a
cancellable progress dialog, the Dutch result, and quiet attempts in the background.

A sync can take minutes, so it never runs on the GUI thread nor on the screens' shared worker
(their reads would wait behind it): it has a lane of its own on the app's Background (one run
at a time), where a restore or a new passphrase sees it running and refuses (issue 19).
After a run the change hub tells every screen, which reload what they show.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressDialog, QToolButton

from gebiedsapp.ui.background import SYNC as SYNC_LANE
from gebiedsapp.ui.context import ALL_KINDS, SYNC, AppContext
from gebiedsapp.ui.formatting import format_number
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.sync import result_text
from gebiedsapp.ui.sync.password import (
    PasswordDialog,
    forget_password,
    remember_password,
    stored_password,
)

if TYPE_CHECKING:  # imported where used: the window's start does not wait for sync's modules
    from gebiedsapp.services import sync

log = logging.getLogger(__name__)

SHORTCUT = "F9"  # Outlook's 'send/receive': what municipal users already know
FIRST_ATTEMPT_MS = 30_000  # the first background attempt, soon after the start
INTERVAL_MS = 5 * 60_000  # then every five minutes while changes wait
INTERVAL_KEY = "teamserver/interval_minuten"  # QSettings: another interval (IT, tests)
MINIMUM_INTERVAL_MS = 10_000  # a setting of 0 must not make the server a punching bag
PROBE_TIMEOUT_S = 2.0  # the quick look whether the server answers at all
STATUS_COUNT_UP_TO = 10_000  # the status bar counts waiting changes this far ("meer dan …")
DEFAULT_PORT = 5432
STAGES = {
    "verbinden": QT_TRANSLATE_NOOP("SyncController", "Verbinden"),
    "ophalen": QT_TRANSLATE_NOOP("SyncController", "Ophalen"),
    "versturen": QT_TRANSLATE_NOOP("SyncController", "Versturen"),
}


@dataclass(frozen=True)
class Snapshot:
    """What the status bar shows: the configured server and the sync status."""

    address: str
    status: sync.SyncStatus


@dataclass(frozen=True)
class Outcome:
    """A run's end, handed from the worker: a result, a Dutch error, or why it did not run."""

    result: sync.SyncResult | None = None
    error: sync.SyncError | None = None
    skipped: str = ""  # background: "no-server", "no-password", "nothing", "unreachable"


class _Progress(QObject):
    """Carries the engine's progress from the worker to the GUI thread (queued)."""

    progress = Signal(object)


def reachable(address: str) -> bool:
    """A quick TCP connect to the server's port (off the GUI thread: it may take seconds)."""
    from gebiedsapp.services import sync

    url = sync.server_url(address)
    try:
        with socket.create_connection(
            (str(url.host), int(url.port or DEFAULT_PORT)), timeout=PROBE_TIMEOUT_S
        ):
            return True
    except OSError:
        return False


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


class SyncController(QObject):
    """Owns the Synchroniseren action, the status bar labels and the sync worker."""

    finished = Signal(object)  # the Outcome of every run (manual or background)
    status_shown = Signal()  # the status bar shows the newest counts

    def __init__(self, context: AppContext, window: QMainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.worker = context.background  # its SYNC lane: screens keep loading meanwhile
        self.relay = _Progress(self)
        self.relay.progress.connect(self._on_progress)
        self.cancel: threading.Event | None = None
        self.running = False
        self.manual = False  # the running sync was asked for: its result gets a message
        self.again = False  # clicked while a background attempt ran: ask when it ends
        self.snapshot: Snapshot | None = None
        self.note: tuple[str, str] = ("", "")  # a background attempt's trouble: (short, why)
        self.dialog: QProgressDialog | None = None
        self.open_conflicts: Callable[[], None] | None = None  # the window's Conflicten

        self.action = QAction(self.tr("&Synchroniseren"), window)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setToolTip(self.tr("Wijzigingen uitwisselen met de teamserver (%s)") % SHORTCUT)
        self.action.triggered.connect(self.sync_now)
        # in the status bar beside what it reports: always in view (a full toolbar at 150%
        # scaling would push it into the overflow menu)
        self.button = QToolButton(window)
        self.button.setObjectName("syncButton")
        self.button.setDefaultAction(self.action)
        self.button.setAutoRaise(True)

        self.status_label = QLabel(window)
        self.status_label.setObjectName("syncStatus")
        self.conflict_label = QLabel(window)
        self.conflict_label.setObjectName("syncConflicts")
        self.conflict_label.setTextFormat(Qt.TextFormat.RichText)
        self.conflict_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.conflict_label.linkActivated.connect(lambda _link: self._show_conflicts())
        style(self.conflict_label, "padding: 0 8px; color: $warning;")
        style(self.status_label, "padding: 0 8px;")
        self.status_label.setVisible(False)
        self.conflict_label.setVisible(False)

        self.timer = QTimer(self)
        self.timer.setObjectName("syncTimer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.attempt)
        minutes = settings.value(INTERVAL_KEY, None)
        try:
            chosen = int(float(str(minutes)) * 60_000) if minutes else INTERVAL_MS
        except ValueError:
            chosen = INTERVAL_MS
        self.interval_ms = max(chosen, MINIMUM_INTERVAL_MS)
        self.first = True  # the first attempt runs even when nothing waits: pull the team's
        self.closed = False  # the window closed: no more attempts, no more messages
        context.hub.changed.connect(self._on_changes)

    def start(self, *, read_status: bool = True) -> None:
        """Show the status and plan the first background attempt (the window is up).
        `read_status` False: the window reads it after its first paint (issue 19)."""
        if read_status:
            self.refresh_status()
        if not self.context.database.read_only:
            self.timer.start(FIRST_ATTEMPT_MS)

    # -- the status bar ---------------------------------------------------------------------

    def _on_changes(self, _kinds: frozenset[str]) -> None:
        self.refresh_status()

    def refresh_status(self) -> None:
        """Count again off the GUI thread; the newest request wins."""
        database, actor = self.context.database, self.context.actor

        def work() -> Snapshot:
            from gebiedsapp.services import sync

            with database.read_session(actor) as session:
                address = sync.saved_server(session)
            status = sync.sync_status(database, count_up_to=STATUS_COUNT_UP_TO)
            return Snapshot(address=address, status=status)

        self.context.background.submit(
            "sync-status", work, owner=self, on_done=self._show_status, on_error=self._no_status
        )

    def _no_status(self, error: Exception) -> None:
        log.warning("sync status not read: %s", error.__class__.__name__)

    def _show_status(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        status = snapshot.status
        if not snapshot.address:
            self.status_label.setVisible(False)
        elif not self.running:
            note, why = self.note
            self.status_label.setText(self._describe(status) + (f" · {note}" if note else ""))
            tip = self.tr("Teamserver: %s") % snapshot.address
            if status.not_theirs:
                tip += "\n" + result_text.not_theirs(
                    status.not_theirs, at_least=status.more_not_theirs
                )
            self.status_label.setToolTip(f"{tip}\n{why}" if why else tip)
            self.status_label.setVisible(True)
        count = status.open_conflicts
        if count:
            if count == 1:
                text = self.tr("1 conflict")
            else:
                text = self.tr("%s conflicten") % format_number(count)
            self.conflict_label.setText(f'<a href="conflicten">{text}</a>')
            self.conflict_label.setToolTip(self.tr("Open het scherm Conflicten"))
        self.conflict_label.setVisible(bool(count))
        self.status_shown.emit()

    def _describe(self, status: sync.SyncStatus) -> str:
        if status.last_synced_at is None:
            text = self.tr("Nog niet gesynchroniseerd")
        else:
            text = self.tr("Gesynchroniseerd: %s") % local_time(status.last_synced_at)
        if status.more_pending:
            text += " · " + self.tr("meer dan %s wijzigingen wachten") % format_number(
                status.pending
            )
        elif status.pending == 1:
            text += " · " + self.tr("1 wijziging wacht")
        elif status.pending:
            text += " · " + self.tr("%s wijzigingen wachten") % format_number(status.pending)
        if status.not_theirs:
            count = format_number(status.not_theirs)
            if status.more_not_theirs:  # counted up to the limit, as the waiting ones
                count = self.tr("minstens %s") % count
            text += " · " + self.tr("%s niet te versturen") % count
        return text

    def _show_conflicts(self) -> None:
        if self.open_conflicts is not None:
            self.open_conflicts()

    # -- a sync the user asks for -----------------------------------------------------------

    def sync_now(self) -> None:
        """Synchroniseren (F9): the password from the keyring or asked, then the run with a
        progress dialog; the result in Dutch."""
        from gebiedsapp.services import sync

        if self.running:
            if self.cancel is not None and self.cancel.is_set():
                self.window.statusBar().showMessage(
                    self.tr("De vorige synchronisatie wordt nog afgebroken; even geduld."), 5000
                )
                return
            self.manual = True  # a background attempt is under way: follow it here
            self.again = True
            self._show_dialog()
            return
        if self.context.database.read_only:
            self._tell(self.tr("Deze database is alleen-lezen geopend; synchroniseren kan niet."))
            return
        with self.context.read() as session:
            address = sync.saved_server(session)
        if not address:
            QMessageBox.information(
                self.window,
                self.tr("Geen teamserver ingesteld"),
                self.tr(
                    "Er is nog geen teamserver ingesteld. Vul het adres in onder Beheer → "
                    "Teamserver (of Help → Eerste keer instellen…) en synchroniseer daarna."
                ),
            )
            return
        try:
            account = sync.account(address)
        except sync.SyncError as exc:
            self._tell(exc.message)
            return
        password = stored_password(account)
        remember = False
        if password is None:
            dialog = PasswordDialog(account=account, address=address, parent=self.window)
            if dialog.exec() != PasswordDialog.DialogCode.Accepted:
                return
            password, remember = dialog.password(), dialog.remember()
        self._start(address, password, manual=True, remember=account if remember else "")

    def _tell(self, text: str) -> None:
        QMessageBox.warning(self.window, self.tr("Synchroniseren"), text)

    def _start(self, address: str, password: str, *, manual: bool, remember: str = "") -> None:
        from gebiedsapp.services import sync

        cancel = threading.Event()
        self.cancel, self.running, self.manual = cancel, True, manual
        self.status_label.setText(self.tr("Synchroniseren…"))
        if manual:
            self._show_dialog()
        database, relay = self.context.database, self.relay
        from_keyring = not remember

        def work() -> Outcome:
            return _run(database, address, password, relay, cancel)

        def done(outcome: Outcome) -> None:
            kept = outcome.result is None or not remember
            if not kept and not remember_password(remember, password):
                self.window.statusBar().showMessage(
                    self.tr("Het wachtwoord kon niet in de sleutelhanger worden bewaard."), 8000
                )
            refused = outcome.error is not None and "password authentication" in str(outcome.error)
            if refused and from_keyring:
                forget_password(sync.account(address))  # asked again at the next click
            self._finish(outcome)

        self.worker.submit(
            "sync", work, owner=self, on_done=done, on_error=self._crashed, lane=SYNC_LANE
        )

    def _crashed(self, error: Exception) -> None:
        from gebiedsapp.services import sync

        log.error("sync crashed: %s", error.__class__.__name__)
        self._finish(
            Outcome(
                error=sync.SyncError(
                    self.tr(
                        "Synchroniseren mislukte door een onverwachte fout. Wat al was "
                        "uitgewisseld blijft bewaard; probeer het later opnieuw."
                    )
                )
            )
        )

    def _show_dialog(self) -> None:
        if self.dialog is None:
            dialog = QProgressDialog(
                self.tr("Verbinden met de teamserver…"), self.tr("Annuleren"), 0, 0, self.window
            )
            dialog.setWindowTitle(self.tr("Synchroniseren"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(0)
            dialog.canceled.connect(self.cancel_sync)
            self.dialog = dialog
        self.dialog.show()

    def cancel_sync(self) -> None:
        """Annuleren: the engine stops between two batches; what was committed stays."""
        if self.cancel is not None:
            self.cancel.set()
        self.status_label.setText(self.tr("Synchroniseren wordt afgebroken…"))

    def _on_progress(self, step: sync.SyncProgress) -> None:
        stage = str(STAGES.get(step.stage, ""))
        if stage:
            self.status_label.setText(self.tr("Synchroniseren: %s…") % self.tr(stage).lower())
        if self.dialog is None or not self.dialog.isVisible():
            return
        if step.stage == "verbinden":
            self.dialog.setLabelText(self.tr("Verbinden met de teamserver…"))
            return
        self.dialog.setLabelText(
            self.tr("%s: %s van %s")
            % (
                self.tr(stage) if stage else self.tr("Bezig"),
                format_number(step.done),
                format_number(step.total),
            )
        )
        self.dialog.setRange(0, max(step.total, 1))
        self.dialog.setValue(min(step.done, max(step.total, 1)))

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel_sync)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _finish(self, outcome: Outcome) -> None:
        manual, again = self.manual, self.again
        self.running, self.manual, self.again, self.cancel = False, False, False, None
        self._close_dialog()
        if self.closed:  # stopped by the window's closing: nobody to tell
            self.finished.emit(outcome)
            return
        if outcome.result is not None:
            self.note = ("", "")
        elif outcome.skipped == "unreachable":
            self.note = (
                self.tr("teamserver niet bereikbaar"),
                self.tr("Op de achtergrond wordt het over een paar minuten opnieuw geprobeerd."),
            )
        elif outcome.error is not None and not manual:
            self._quiet_failure(outcome.error)
        if outcome.result is not None and (outcome.result.pulled or outcome.result.conflicts):
            self.context.hub.announce(*ALL_KINDS)  # every screen reloads what it shows
        else:
            self.context.hub.announce(SYNC)
        self._plan_next()
        self.finished.emit(outcome)
        if outcome.skipped:
            if again:
                self.sync_now()  # the click that came during a background look
            return
        if manual:
            self._report(outcome)

    def _report(self, outcome: Outcome) -> None:
        from gebiedsapp.services import sync

        error, result = outcome.error, outcome.result
        if isinstance(error, sync.SyncCancelled):
            self.window.statusBar().showMessage(error.message, 10_000)
            return
        if error is not None:
            QMessageBox.warning(self.window, self.tr("Synchroniseren mislukt"), error.message)
            return
        assert result is not None
        self.window.statusBar().showMessage(self.tr("Gesynchroniseerd."), 5000)
        QMessageBox.information(self.window, self.tr("Gesynchroniseerd"), self.summary(result))

    def summary(self, result: sync.SyncResult) -> str:
        """The result in Dutch: what came in, went out, clashed and was refused."""
        return result_text.summary(result)

    def _quiet_failure(self, error: sync.SyncError) -> None:
        """A background attempt that failed: said in the status bar, never in a dialog."""
        from gebiedsapp.services import sync

        if not isinstance(error, sync.SyncCancelled):
            self.note = (self.tr("synchroniseren lukte niet"), error.message)

    # -- attempts in the background ---------------------------------------------------------

    def _plan_next(self) -> None:
        if not self.context.database.read_only and not self.closed:
            self.timer.start(self.interval_ms)

    def attempt(self) -> None:
        """The timer: a quiet sync when a server is set, its password is in the keyring,
        changes wait (or it is the first attempt) and the server answers; never prompting,
        never beside a running sync."""
        if self.closed:
            return
        if self.running or self.context.database.read_only:
            self._plan_next()
            return
        first, self.first = self.first, False
        database, actor, relay = self.context.database, self.context.actor, self.relay
        cancel = threading.Event()
        self.cancel, self.running, self.manual = cancel, True, False

        def work() -> Outcome:
            from gebiedsapp.services import sync

            with database.read_session(actor) as session:
                address = sync.saved_server(session)
            if not address:
                return Outcome(skipped="no-server")
            password = stored_password(sync.account(address))
            if password is None:
                return Outcome(skipped="no-password")
            if not first and sync.sync_status(database, count_up_to=1).pending == 0:
                return Outcome(skipped="nothing")
            if not reachable(address):
                return Outcome(skipped="unreachable")
            return _run(database, address, password, relay, cancel)

        self.worker.submit(
            "sync", work, owner=self, on_done=self._finish, on_error=self._crashed, lane=SYNC_LANE
        )

    def shutdown(self) -> None:
        """The window closes: stop a running sync between batches and wait for it."""
        self.closed = True
        self.timer.stop()
        if self.cancel is not None:
            self.cancel.set()
        self.worker.wait_lane(SYNC_LANE)


def _run(
    database: Any,
    address: str,
    password: str,
    relay: _Progress,
    cancel: threading.Event,
) -> Outcome:
    """On the worker: one run; a Dutch SyncError is an outcome, not a crash."""
    from gebiedsapp.services import sync

    try:
        result = sync.run_sync(
            database,
            server_url=address,
            password=password,
            progress=relay.progress.emit,
            cancel=cancel,
        )
    except sync.SyncError as exc:
        log.info("sync did not finish: %s", exc.__class__.__name__)
        return Outcome(error=exc)
    return Outcome(result=result)
