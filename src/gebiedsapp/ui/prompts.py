"""The one question every form asks before typed text could get lost."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget


class Leave(Enum):
    """The answer to 'what about the text you typed?'."""

    KEEP = "keep"  # keep it as a draft (the default: pressing Enter never loses anything)
    DISCARD = "discard"
    CANCEL = "cancel"  # go on typing


def ask_leave(
    parent: QWidget, *, title: str, text: str, detail: str, keep: str | None = None
) -> Leave:
    """'Concept bewaren' (default, also on Enter) / 'Weggooien' / 'Annuleren' (Escape).
    `keep` names the first answer otherwise (a form without drafts: 'Opslaan')."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(detail)
    keep_button = box.addButton(
        keep or parent.tr("Concept bewaren"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(parent.tr("Weggooien"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(parent.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep_button)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep_button:
        return Leave.KEEP
    if clicked is discard:
        return Leave.DISCARD
    return Leave.CANCEL
