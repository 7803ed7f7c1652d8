"""The team server's password: from the keyring, else asked once (and kept there on request).

The password never goes into a log, a setting or a command line; 'Onthouden op deze laptop'
stores it in the operating system's keyring (service KEYRING_SERVICE, the user's account).
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

# The keyring and sync's modules are imported where used: the main window's start, which
# builds the sync controller, waits for neither (issue 19).


def stored_password(account: str) -> str | None:
    """The password kept in the keyring for `account`, or None (none, or no keyring)."""
    import keyring
    from keyring.errors import KeyringError

    from gebiedsapp.services import sync

    try:
        return keyring.get_password(sync.KEYRING_SERVICE, account) or None
    except KeyringError as exc:
        log.warning("keyring unavailable: %s", exc.__class__.__name__)
        return None


def remember_password(account: str, password: str) -> bool:
    """Keep the password in the keyring; False when the keyring refuses."""
    import keyring
    from keyring.errors import KeyringError

    from gebiedsapp.services import sync

    try:
        keyring.set_password(sync.KEYRING_SERVICE, account, password)
    except KeyringError as exc:
        log.warning("keyring refused to store the team server password: %s", exc.__class__)
        return False
    return True


def forget_password(account: str) -> None:
    """Drop a password the server refused, so the next sync asks again."""
    import keyring
    from keyring.errors import KeyringError

    from gebiedsapp.services import sync

    with contextlib.suppress(KeyringError):
        keyring.delete_password(sync.KEYRING_SERVICE, account)


class PasswordDialog(QDialog):
    """'Wachtwoord voor de teamserver', with 'Onthouden op deze laptop'."""

    def __init__(self, *, account: str, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Wachtwoord voor de teamserver"))
        intro = QLabel(
            self.tr("Typ het wachtwoord van '%s' voor de teamserver %s.") % (account, address),
            self,
        )
        intro.setWordWrap(True)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Wachtwoord"))
        self.remember_box = QCheckBox(self.tr("&Onthouden op deze laptop"), self)
        self.remember_box.setToolTip(
            self.tr(
                "Bewaart het wachtwoord in de sleutelhanger van Windows; dan kan de app ook "
                "op de achtergrond synchroniseren."
            )
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Synchroniseren"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self._accept_typed)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Wachtwoord:"), self.password_edit)
        form.addRow("", self.remember_box)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.password_edit.setFocus()

    def _accept_typed(self) -> None:
        if self.password_edit.text():
            self.accept()

    def password(self) -> str:
        return self.password_edit.text()

    def remember(self) -> bool:
        return self.remember_box.isChecked()
