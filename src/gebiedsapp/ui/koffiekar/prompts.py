"""Questions the koffiekar screen asks before anything typed could get lost."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

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
