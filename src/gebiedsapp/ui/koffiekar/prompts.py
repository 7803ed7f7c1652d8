"""Questions the koffiekar screen asks before anything typed could get lost or be guessed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from gebiedsapp.ui.koffiekar.theme_picker import ThemeChoice
from gebiedsapp.ui.prompts import Leave, ask_leave

KEEP, DISCARD, CANCEL = Leave.KEEP, Leave.DISCARD, Leave.CANCEL


def ask_keep_or_discard(parent: QWidget) -> Leave:
    return ask_leave(
        parent,
        title=parent.tr("Gesprek niet opgeslagen"),
        text=parent.tr("Dit gesprek is nog niet opgeslagen."),
        detail=parent.tr(
            "Bewaar het als concept (het wordt je later weer aangeboden), gooi de tekst weg, "
            "of ga terug naar het formulier."
        ),
    )


def ask_which_theme(parent: QWidget, text: str, choices: list[ThemeChoice]) -> ThemeChoice | None:
    """Saving with a theme typed that fits several: which one was meant? None: 'Annuleren'.
    The first (what Enter would have taken) is the default, but it is asked, not guessed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(parent.tr("Welk thema?"))
    box.setText(parent.tr("'%s' past bij meer dan één thema. Welk thema bedoel je?") % text)
    box.setInformativeText(parent.tr("Het gesprek wordt opgeslagen met het thema dat je kiest."))
    buttons = [box.addButton(c.label, QMessageBox.ButtonRole.AcceptRole) for c in choices]
    cancel = box.addButton(parent.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(buttons[0])
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((c for c, b in zip(choices, buttons, strict=True) if b is clicked), None)
