"""A backup that failed at start is shown, not only logged: a lasting note in the status bar
(until a backup succeeds) and, at most once a day, a message that says why and what to do.
A regisseur who works for weeks without a backup, because the share was offline, finds out on
the first day, not when the laptop dies."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

SHOWN_ON_KEY = "reservekopie/melding-getoond-op"
LABEL_NAME = "backup_problem"


def show_backup_problem(
    window: QMainWindow, settings: QSettings, message: str, *, today: date | None = None
) -> bool:
    """Put the note in the status bar; show the message unless it was shown today already.
    Returns whether the message was shown."""
    label = window.findChild(QLabel, LABEL_NAME)
    if label is None:
        label = QLabel(window)
        label.setObjectName(LABEL_NAME)
        label.setStyleSheet("font-weight: 600;")
        window.statusBar().addPermanentWidget(label)
    label.setText(window.tr("⚠ Geen reservekopie gemaakt"))
    label.setToolTip(message)
    label.show()
    day = (today or date.today()).isoformat()
    if settings.value(SHOWN_ON_KEY) == day:
        return False
    settings.setValue(SHOWN_ON_KEY, day)
    QMessageBox.warning(
        window,
        window.tr("Reservekopie mislukt"),
        message
        + window.tr(
            "\n\nU kunt gewoon doorwerken, maar zolang dit zo is wordt er geen reservekopie "
            "gemaakt. Deze melding komt hooguit één keer per dag terug; onderin het venster "
            "blijft het zichtbaar."
        ),
    )
    return True


def clear_backup_problem(window: QMainWindow) -> None:
    """A backup succeeded: the note goes."""
    label = window.findChild(QLabel, LABEL_NAME)
    if label is not None:
        label.hide()
