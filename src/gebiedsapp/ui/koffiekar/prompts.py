"""Questions the koffiekar screen asks before anything typed could get lost."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

KEEP, DISCARD, CANCEL = "keep", "discard", "cancel"


def ask_keep_or_discard(parent: QWidget) -> str:
    """'Concept bewaren' (the default, also on Enter) / 'Weggooien' / 'Annuleren' (Escape)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(parent.tr("Gesprek niet opgeslagen"))
    box.setText(parent.tr("Dit gesprek is nog niet opgeslagen."))
    box.setInformativeText(
        parent.tr(
            "Bewaar het als concept (het wordt je later weer aangeboden), gooi de tekst weg, "
            "of ga terug naar het formulier."
        )
    )
    keep = box.addButton(parent.tr("Concept bewaren"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(parent.tr("Weggooien"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(parent.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep:
        return KEEP
    if clicked is discard:
        return DISCARD
    return CANCEL
