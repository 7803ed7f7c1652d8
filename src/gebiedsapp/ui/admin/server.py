"""Beheer › Teamserver: the address of the team's PostgreSQL server for this database (the
setting `gebiedsapp sync` reads too) and the password this laptop remembers for it."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from gebiedsapp.services import sync
from gebiedsapp.ui.admin.common import button_row, heading
from gebiedsapp.ui.context import SYNC, AppContext
from gebiedsapp.ui.page import muted_label
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.sync.address import current_address, problem_text, save_address
from gebiedsapp.ui.sync.password import forget_password, stored_password


class ServerTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings: QSettings | None = None  # the window's, for an address kept before sync
        self.address_edit = QLineEdit(self)
        self.address_edit.setAccessibleName(self.tr("Adres van de teamserver"))
        self.address_edit.setPlaceholderText(self.tr("postgresql://server:5432/gebiedsapp"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        style(self.problem, "color: $warning;")
        self.problem.setVisible(False)
        self.save_button = QPushButton(self.tr("&Opslaan"), self)
        self.forget_button = QPushButton(self.tr("Bewaard &wachtwoord vergeten"), self)
        self.forget_button.setToolTip(
            self.tr(
                "Haalt het wachtwoord uit de sleutelhanger; de volgende keer wordt het gevraagd"
            )
        )
        self.password_label = muted_label(self)

        form = QFormLayout()
        form.addRow(self.tr("&Adres:"), self.address_edit)
        form.addRow("", self.problem)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading(self.tr("Teamserver"), self))
        layout.addWidget(
            muted_label(
                self,
                self.tr(
                    "Via de teamserver deelt het team één beeld van het gebied (Synchroniseren, "
                    "F9). Vul het adres in dat IT heeft gegeven, in de vorm "
                    "postgresql://server[:poort]/database; leeg: niet synchroniseren. Het "
                    "wachtwoord staat nooit in het adres: het wordt bij de eerste keer "
                    "synchroniseren gevraagd en desgewenst in de sleutelhanger van deze laptop "
                    "bewaard."
                ),
            )
        )
        layout.addLayout(form)
        layout.addLayout(button_row(self.save_button))
        layout.addSpacing(12)
        layout.addWidget(self.password_label)
        layout.addLayout(button_row(self.forget_button))
        layout.addStretch(1)

        self.address_edit.textEdited.connect(lambda _t: self.problem.setVisible(False))
        self.address_edit.returnPressed.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.forget_button.clicked.connect(self.forget)
        self.save_button.setEnabled(not context.database.read_only)

    def showEvent(self, event: QShowEvent) -> None:
        self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        with self.context.read() as session:
            self.address_edit.setText(current_address(session, self.settings))
        self._show_password()

    def _account(self) -> str:
        address = self.address_edit.text().strip()
        if not address or problem_text(address):
            return ""
        try:
            return sync.account(address)
        except sync.SyncError:
            return ""

    def _show_password(self) -> None:
        account = self._account()
        kept = bool(account) and stored_password(account) is not None
        if kept:
            self.password_label.setText(
                self.tr("Op deze laptop is het wachtwoord van '%s' bewaard in de sleutelhanger.")
                % account
            )
        else:
            self.password_label.setText(
                self.tr("Op deze laptop is geen wachtwoord voor de teamserver bewaard.")
            )
        self.forget_button.setEnabled(kept)

    def save(self) -> None:
        address = self.address_edit.text().strip()
        problem = problem_text(address)
        if problem:
            self.problem.setText(problem)
            style(self.problem, "color: $warning;")
            self.problem.setVisible(True)
            return

        def keep(session: Session) -> bool:
            save_address(session, address)
            return True

        if not self.context.perform(
            self, keep, changes=(SYNC,), title=self.tr("Adres niet opgeslagen")
        ):
            return
        if address:
            self.problem.setText(self.tr("Opgeslagen."))
        else:
            self.problem.setText(self.tr("Opgeslagen: er wordt niet gesynchroniseerd."))
        style(self.problem, "color: $success;")
        self.problem.setVisible(True)
        self._show_password()

    def forget(self) -> None:
        account = self._account()
        if account:
            forget_password(account)
        self._show_password()
