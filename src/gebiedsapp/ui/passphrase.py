"""Asking for the database passphrase: to open an encrypted database, to choose one for a new
or a plain database, and to change it. The strength of a new one is shown while typing."""

from __future__ import annotations

import threading
from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.services import passphrases
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP


class Purpose(Enum):
    UNLOCK = "unlock"  # open an encrypted database
    NEW = "new"  # first start: choose the passphrase of the new database
    ENCRYPT = "encrypt"  # encrypt a plain database
    CHANGE = "change"  # change the passphrase
    BACKUP = "backup"  # open a backup made under another passphrase or database


# Dutch source texts, translated where shown (self.tr): QT_TRANSLATE_NOOP names them for lupdate.
_TITLES = {
    Purpose.UNLOCK: QT_TRANSLATE_NOOP("PassphraseDialog", "Database openen"),
    Purpose.NEW: QT_TRANSLATE_NOOP("PassphraseDialog", "Wachtwoord kiezen"),
    Purpose.ENCRYPT: QT_TRANSLATE_NOOP("PassphraseDialog", "Database versleutelen"),
    Purpose.CHANGE: QT_TRANSLATE_NOOP("PassphraseDialog", "Wachtwoord wijzigen"),
    Purpose.BACKUP: QT_TRANSLATE_NOOP("PassphraseDialog", "Wachtwoord van de reservekopie"),
}

_INTRO = {
    Purpose.UNLOCK: QT_TRANSLATE_NOOP(
        "PassphraseDialog", "De database is versleuteld. Geef het wachtwoord om hem te openen."
    ),
    Purpose.NEW: QT_TRANSLATE_NOOP(
        "PassphraseDialog",
        "De gegevens van bewoners worden versleuteld op deze laptop bewaard. Kies een "
        "wachtwoord voor de database.",
    ),
    Purpose.ENCRYPT: QT_TRANSLATE_NOOP(
        "PassphraseDialog",
        "Deze database is nog niet versleuteld, dus neemt hij geen namen, "
        "telefoonnummers of e-mailadressen van bewoners op. Kies een wachtwoord om hem te "
        "versleutelen. De onversleutelde bestanden (ook de reservekopieën) worden daarna "
        "overschreven en verwijderd.",
    ),
    Purpose.CHANGE: QT_TRANSLATE_NOOP(
        "PassphraseDialog",
        "De database en zijn reservekopieën worden opnieuw versleuteld met het "
        "nieuwe wachtwoord. Het oude wachtwoord opent ze daarna niet meer.",
    ),
    Purpose.BACKUP: QT_TRANSLATE_NOOP(
        "PassphraseDialog",
        "Deze reservekopie is versleuteld met een ander wachtwoord dan de "
        "database nu heeft (van vóór een wachtwoordwijziging, of van een database die verloren "
        "ging). Geef het wachtwoord van toen.",
    ),
}

_NO_BACK_DOOR = QT_TRANSLATE_NOOP(
    "PassphraseDialog",
    "Zonder dit wachtwoord is niets meer te lezen, ook niet door de beheerder: er is geen "
    "achterdeur. Een zin van vier of meer losse woorden is sterk en goed te onthouden.",
)


class PassphraseDialog(QDialog):
    """One dialog for the four purposes; `passphrase()` and `remember()` after accept."""

    def __init__(
        self,
        purpose: Purpose,
        parent: QWidget | None = None,
        *,
        where: str = "",
        problem: str = "",
        keyring_offered: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.purpose = purpose
        self.setWindowTitle(self.tr(_TITLES[purpose]))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self._build_intro(layout, where=where)
        self._build_fields(layout)
        layout.addWidget(self._build_keep(keyring_offered))
        self.problem = QLabel(service_text(problem))
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        style(self.problem, "color: $warning; font-weight: bold;")
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        layout.addWidget(self._build_buttons())
        for field in (self.current, self.first, self.second):
            field.textChanged.connect(self._update)
        self._update()
        (self.first if purpose in (Purpose.NEW, Purpose.ENCRYPT) else self.current).setFocus()

    def _build_intro(self, layout: QVBoxLayout, *, where: str) -> None:
        """What the dialog is for, and which database file it is about."""
        intro = QLabel(self.tr(_INTRO[self.purpose]))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if where:
            place = QLabel(self.tr("Database: %s") % where)
            place.setWordWrap(True)
            place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            style(place, "color: $muted;")
            layout.addWidget(place)

    def _build_fields(self, layout: QVBoxLayout) -> None:
        """The passphrase fields this purpose asks for; choosing one adds its strength."""
        form = QFormLayout()
        layout.addLayout(form)
        self.current = self._field("current")
        self.first = self._field("new")
        self.second = self._field("repeat")
        purpose = self.purpose
        if purpose in (Purpose.UNLOCK, Purpose.CHANGE, Purpose.BACKUP):
            label = (
                self.tr("Huidig wachtwoord:")
                if purpose is Purpose.CHANGE
                else self.tr("Wachtwoord:")
            )
            form.addRow(label, self.current)
        if purpose not in (Purpose.UNLOCK, Purpose.BACKUP):
            form.addRow(self.tr("Nieuw wachtwoord:"), self.first)
            form.addRow(self.tr("Nogmaals:"), self.second)
            self._build_strength(form)
            warning = QLabel(self.tr(_NO_BACK_DOOR))
            warning.setWordWrap(True)
            layout.addWidget(warning)

    def _build_strength(self, form: QFormLayout) -> None:
        """The meter, its verdict and a hint that follow the new passphrase as it is typed."""
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.meter.setObjectName("strength")
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setMinimumWidth(90)
        strength_row = QHBoxLayout()
        strength_row.addWidget(self.meter, 1)
        strength_row.addWidget(self.verdict)
        form.addRow(self.tr("Sterkte:"), strength_row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")
        form.addRow("", self.hint)

    def _build_keep(self, keyring_offered: bool | None) -> QCheckBox:
        """Remember in the keyring: offered only when opening or choosing the database's own
        passphrase, and usable only where this computer has a keyring. Whether it has one
        takes importing the keyring (as long as a bare window's start): where a start did not
        need it before its dialog, the box is offered and the keyring asked on a thread once
        the dialog is painted; on the rare computer without one the box is then switched off,
        saying why (issue 19)."""
        self.keep = QCheckBox(
            self.tr("Wachtwoord onthouden op deze computer (in de sleutelhanger)")
        )
        self.keep.setToolTip(
            self.tr(
                "Alleen voor uw eigen account op deze computer. Wie uw account kan gebruiken, "
                "kan dan ook de database openen."
            )
        )
        offers = self.purpose in (Purpose.UNLOCK, Purpose.NEW, Purpose.ENCRYPT)
        self.keep.setVisible(offers)
        self._keyring_offered: bool | None = None  # None: not known yet
        self._asking_keyring = False
        if not offers:
            self._keyring_offered = False
        elif keyring_offered is not None:
            self._keyring_known(keyring_offered)
        elif passphrases.keyring_imported():  # asking costs nothing then
            self._keyring_known(passphrases.keyring_available())
        return self.keep

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and self._keyring_offered is None
            and not self._asking_keyring
        ):
            self._asking_keyring = True
            QTimer.singleShot(0, self._ask_keyring)
        return super().event(event)

    def _ask_keyring(self) -> None:
        """Whether there is a keyring, asked on a thread (the dialog takes typing meanwhile)."""
        answer: list[bool] = []
        threading.Thread(
            target=lambda: answer.append(passphrases.keyring_available()),
            name="keyring",
            daemon=True,
        ).start()
        poll = QTimer(self)
        poll.setInterval(30)

        def known() -> None:
            if answer:
                poll.stop()
                if self._keyring_offered is None:  # remember() may have asked already
                    self._keyring_known(answer[0])

        poll.timeout.connect(known)
        poll.start()

    def _keyring_known(self, available: bool) -> None:
        self._keyring_offered = available
        if not available:
            self.keep.setChecked(False)
            self.keep.setEnabled(False)
            self.keep.setToolTip(
                self.tr(
                    "Deze computer heeft geen sleutelhanger: het wachtwoord kan hier niet "
                    "worden onthouden."
                )
            )

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok_text = {
            Purpose.UNLOCK: self.tr("Openen"),
            Purpose.NEW: self.tr("Database maken"),
            Purpose.ENCRYPT: self.tr("Versleutelen"),
            Purpose.CHANGE: self.tr("Wijzigen"),
            Purpose.BACKUP: self.tr("Openen"),
        }[self.purpose]
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        closes = self.purpose in (Purpose.UNLOCK, Purpose.NEW)
        cancel.setText(self.tr("Afsluiten") if closes else self.tr("Annuleren"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(passphrases.MAX_LENGTH)
        return field

    def _update(self) -> None:
        if self.purpose in (Purpose.UNLOCK, Purpose.BACKUP):
            self.ok_button.setEnabled(bool(self.current.text()))
            return
        text = self.first.text()
        found = passphrases.strength(text)
        self.meter.setValue(max(found.score, 1) if text else 0)  # even "heel zwak" shows red
        colour = "$warning" if not found.acceptable else "$success"
        style(self.meter, f"QProgressBar::chunk {{ background: {colour}; }}")
        self.verdict.setText(service_text(found.label) if text else "")
        style(self.verdict, f"color: {colour}; font-weight: bold;")
        self.hint.setText(service_text(found.hint) if text else _first_hint())
        ready = found.acceptable and self.second.text() == text
        if self.purpose is Purpose.CHANGE:
            ready = ready and bool(self.current.text())
        self.ok_button.setEnabled(ready)

    def _accept(self) -> None:
        if self.purpose not in (Purpose.UNLOCK, Purpose.BACKUP):
            problem = passphrases.check_new_passphrase(self.first.text(), self.second.text())
            if problem:
                self.show_problem(problem)
                return
        self.accept()

    def show_problem(self, text: str) -> None:
        self.problem.setText(service_text(text))
        self.problem.setVisible(bool(text))

    def passphrase(self) -> str:
        """The new passphrase (choosing), or the one typed to open."""
        opening = self.purpose in (Purpose.UNLOCK, Purpose.BACKUP)
        return self.current.text() if opening else self.first.text()

    def current_passphrase(self) -> str:
        return self.current.text()

    def remember(self) -> bool:
        """Whether to remember the passphrase: ticked, and a keyring here (asked now if the
        dialog was answered before its thread said)."""
        if not self.keep.isChecked():
            return False
        if self._keyring_offered is None:
            self._keyring_known(passphrases.keyring_available())
        return bool(self._keyring_offered)


def _first_hint() -> str:
    return QCoreApplication.translate(
        "PassphraseDialog",
        "Minstens %d tekens. Bijvoorbeeld: vier woorden die niet bij elkaar horen.",
    ) % (passphrases.MIN_LENGTH,)


# What services.passphrases says about a passphrase (its strength, its hint, why it is refused),
# in the UI's language; these few fixed texts are known here by their Dutch.
_SERVICE_TEXTS = (
    QT_TRANSLATE_NOOP("PassphraseDialog", "Heel zwak"),
    QT_TRANSLATE_NOOP("PassphraseDialog", "Zwak"),
    QT_TRANSLATE_NOOP("PassphraseDialog", "Matig"),
    QT_TRANSLATE_NOOP("PassphraseDialog", "Sterk"),
    QT_TRANSLATE_NOOP("PassphraseDialog", "Heel sterk"),
    QT_TRANSLATE_NOOP("PassphraseDialog", "Goed: dit raadt niemand."),
    QT_TRANSLATE_NOOP("PassphraseDialog", "Sterk genoeg. Een extra woord maakt het nog beter."),
    QT_TRANSLATE_NOOP(
        "PassphraseDialog",
        "Te voorspelbaar: een bekend woord, plaatsnaam, datum of toetsenbordreeks. "
        "Gebruik een zin van vier of meer losse woorden.",
    ),
    QT_TRANSLATE_NOOP(
        "PassphraseDialog", "Te makkelijk te raden. Voeg een paar ongewone woorden toe."
    ),
    QT_TRANSLATE_NOOP("PassphraseDialog", "De twee wachtwoorden zijn niet gelijk."),
)
_TOO_SHORT = QT_TRANSLATE_NOOP(
    "PassphraseDialog", "Gebruik minstens %d tekens; een zin van vier woorden werkt goed."
)


def service_text(text: str) -> str:
    """A known text of services.passphrases in the UI's language; any other text as given
    (service messages stay Dutch)."""
    if text == _TOO_SHORT % (passphrases.MIN_LENGTH,):
        return QCoreApplication.translate("PassphraseDialog", _TOO_SHORT) % (
            passphrases.MIN_LENGTH,
        )
    if text in _SERVICE_TEXTS:
        return QCoreApplication.translate("PassphraseDialog", text)
    return text
