"""A warning under free text that goes into the summaries, werkbon and round report (a quote
marked for reporting, an agreed action) when it seems to hold the linked resident's name, a
phone number or an e-mail address.

The printed reports mask such text anyway (`services.masking`); the warning tells the user at
entry, so the record itself stays clean. It never blocks saving: a false alarm ("Bakker" the
shop) must not stop the work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from gebiedsapp.services.masking import has_personal_data
from gebiedsapp.ui.palette import style

TextField = QLineEdit | QPlainTextEdit


def _text(field: TextField) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


class PersonalDataWarning(QLabel):
    """Shown while a watched field that is reported holds personal data; hidden otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        style(self, "color: $warning;")
        self.setAccessibleName(self.tr("Waarschuwing persoonsgegevens"))
        self._fields: list[tuple[TextField, Callable[[], bool]]] = []
        self._names: Callable[[], Iterable[str]] = tuple
        self.setVisible(False)

    def watch(self, field: TextField, *, reported: Callable[[], bool] | None = None) -> None:
        """Check `field` as it is typed in; `reported` says whether its text goes into the
        reports now (a quote only when it is marked for reporting)."""
        self._fields.append((field, reported or (lambda: True)))
        field.textChanged.connect(self.check)

    def names_from(self, names: Callable[[], Iterable[str]]) -> None:
        """Where the linked resident's name comes from (the form's name field, say)."""
        self._names = names

    def flagged(self) -> list[str]:
        """The accessible names of the reported fields that hold personal data."""
        names = [name for name in self._names() if name.strip()]
        return [
            field.accessibleName()
            for field, reported in self._fields
            if reported() and has_personal_data(_text(field), names)
        ]

    def check(self, *_args: object) -> None:
        flagged = self.flagged()
        if flagged:
            self.setText(
                self.tr(
                    "Let op: %s lijkt een naam, telefoonnummer of e-mailadres te bevatten. Deze "
                    "tekst komt in de rapportages; daar wordt het onleesbaar gemaakt, maar haal "
                    "het liever hier al weg. Opslaan kan wel."
                )
                % ", ".join(f"‘{name}’" for name in flagged)
            )
        self.setVisible(bool(flagged))
