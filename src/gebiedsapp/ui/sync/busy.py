"""A restore or a new passphrase rewrites the database file; a team sync running meanwhile
would read and write the file being replaced (issue 19). They refuse while one runs and say
how to end it: wait, or Annuleren in the Synchroniseren window (F9 shows it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from gebiedsapp.ui.background import SYNC
from gebiedsapp.ui.context import AppContext


def refused_while_syncing(context: AppContext, parent: QWidget | None, title: str) -> bool:
    """True (and said in Dutch) when a sync runs: the caller changes nothing."""
    if not context.background.lane_busy(SYNC):
        return False
    QMessageBox.warning(
        parent,
        title,
        QCoreApplication.translate(
            "SyncBusy",
            "Er loopt nu een synchronisatie met de teamserver. Wacht tot die klaar is (de "
            "statusbalk onderaan toont hoe ver hij is) of breek hem af: druk op F9 en kies "
            "Annuleren. Probeer het daarna opnieuw; er is niets gewijzigd.",
        ),
    )
    return True
