"""Telling the user when a save finds the audit log damaged (storage.audit): the save goes on,
the damage is entered in the log, and a message box says so, once per damage found.

The listener is called inside the writing thread's flush; the message box is shown later, on
the GUI thread (a queued signal), never in the middle of a transaction.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from gebiedsapp.services import audit


class AuditDamageNotice(QObject):
    found = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.found.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._stop = audit.on_damage(self.found.emit)
        self.destroyed.connect(self._stop)

    def _show(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Auditlog beschadigd"), message)
