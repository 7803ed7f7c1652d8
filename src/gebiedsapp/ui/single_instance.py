"""One window per database: a second start brings the first window forward, or says who has
the database open, and stops before it opens anything.

The lock itself (storage.lock) dies with its process, so a killed app never blocks the next
start. Beside it the first window listens on a local socket named after the user and the
database file; a second start of the same user asks it to come forward and waits for its 'ok'.
Someone else's window, or a command that is restoring the file, cannot be asked: then the
second start says so in Dutch.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gebiedsapp.services.before_open import WINDOW, DatabaseLock, window_lock

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # by this name lupdate finds the texts

REQUEST = b"voorgrond\n"
ANSWER = b"ok\n"
WAIT_MS = 3000


def server_name(database: Path, user: str) -> str:
    digest = hashlib.sha256(f"{user}\0{database.resolve()}".encode()).hexdigest()
    return f"gebiedsapp-{digest[:24]}"


class InstanceGuard(QObject):
    """Holds the database's lock for this window and answers later starts."""

    def __init__(self, lock: DatabaseLock, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = lock
        self.name = name
        self.window: QWidget | None = None
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # left behind by a killed window (we hold the lock, so its owner is gone)
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        log.warning("no bring-forward server %s: %s", self.name, self.server.errorString())
        return False

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(self._on_request)
            socket.disconnected.connect(socket.deleteLater)

    def _on_request(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        if REQUEST.strip() in bytes(socket.readAll().data()):
            self.bring_forward()
            socket.write(ANSWER)
            socket.flush()

    def bring_forward(self) -> None:
        """The dialog the user must answer first (the passphrase, 'Herstel je werk?'), else
        the window: shown, unminimised, raised and activated."""
        log.info("brought forward by a second start on the same database")
        target = QApplication.activeModalWidget() or self.window
        if target is None:
            return
        if target.isMinimized():
            target.showNormal()
        target.show()
        target.raise_()
        target.activateWindow()

    def release(self) -> None:
        self.server.close()
        self.lock.release()


def ask_to_come_forward(name: str) -> bool:
    """True when the window listening on `name` answered that it came forward."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    try:
        if not socket.waitForConnected(WAIT_MS):
            return False
        socket.write(REQUEST)
        if not socket.waitForBytesWritten(WAIT_MS):
            return False
        while ANSWER.strip() not in bytes(socket.peek(64).data()):
            if not socket.waitForReadyRead(WAIT_MS):
                return False
        return True
    finally:
        socket.abort()


def claim(path: Path, *, user: str, parent: QObject) -> InstanceGuard | int:
    """This window's guard on the database at `path`; or, when another has it open, the exit
    code of this start (0: the first window came forward; 1: told the user who has it)."""
    lock = window_lock(path, user=user)
    name = server_name(path, user)
    if lock.acquire():
        guard = InstanceGuard(lock, name, parent)
        guard.listen()
        return guard
    holder = lock.holder()
    if (holder is None or holder.program == WINDOW) and ask_to_come_forward(name):
        log.info("%s is open in another window: brought it forward", path)
        return 0
    log.info("%s is in use (%s): start refused", path, holder)
    # describe() is the lock's Dutch account of who holds it (a service text, stays Dutch)
    if holder is not None:
        where = holder.describe()
    else:
        where = translate("SingleInstance", "in een ander venster")
    if holder is None or holder.program == WINDOW:
        what_now = translate(
            "SingleInstance",
            "Op één database kan maar één Gebiedsapp tegelijk werken, anders zou je werk van "
            "het andere venster door elkaar lopen. Ga naar dat venster, of sluit het en start "
            "de app dan opnieuw.",
        )
    else:
        what_now = translate(
            "SingleInstance", "Wacht tot die opdracht klaar is en start de app dan opnieuw."
        )
    QMessageBox.information(
        None,
        translate("SingleInstance", "Gebiedsapp is al geopend"),
        translate("SingleInstance", "De database %s is al geopend %s.\n\n%s Er is niets gewijzigd.")
        % (path, where, what_now),
    )
    return 1
