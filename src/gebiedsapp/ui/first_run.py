"""Eerste keer instellen: a short wizard after the first start on a new database.

Who am I (name, account, role), which areas, the passphrase (already chosen before the window
opened: shown as done), demo data (never in the real database) and the team server's address
(kept for the coming sync). Skippable ('Overslaan' changes nothing) and repeatable from the
Help menu; offered once per installation (a QSettings flag), never again by itself.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import Role
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.permissions import same_account
from gebiedsapp.services.teams import (
    add_member,
    assign,
    list_assignments,
    list_members,
    set_beheerder,
    update_member,
)
from gebiedsapp.startup import OpenedDatabase
from gebiedsapp.ui.context import SYNC, TEAM, AppContext
from gebiedsapp.ui.demo_database import DemoPage, start_demo
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.sync.address import (
    LEGACY_KEY,
    current_address,
    problem_text,
    save_address,
)

OFFERED_KEY = "eerste_keer/aangeboden"  # set once the wizard was shown at a start
SERVER_KEY = LEGACY_KEY  # where an earlier version kept the address: read once, then the DB's


@dataclass(frozen=True)
class Answers:
    name: str
    account: str
    role: Role
    area_ids: tuple[uuid.UUID, ...]


def save_answers(session: Session, answers: Answers, *, today: date) -> uuid.UUID:
    """The member with the login as account (updated when it is already there), the first
    beheerder on a new installation, and an assignment per chosen area in the chosen role."""
    members = list_members(session)
    existing = next((m for m in members if same_account(m.account, answers.account)), None)
    if existing is None:
        member_id = add_member(session, name=answers.name).id
        update_member(
            session,
            member_id,
            name=answers.name,
            organisation="",
            email="",
            phone="",
            active=True,
            account=answers.account,
        )
    else:
        member_id = existing.id
        update_member(
            session,
            member_id,
            name=answers.name,
            organisation=existing.organisation,
            email=existing.email,
            phone=existing.phone,
            active=True,
        )
    actor = str(session.info.get("actor", ""))
    nobody_manages = not any(m.beheerder for m in members)
    if nobody_manages and same_account(answers.account, actor):
        set_beheerder(session, member_id, True)  # someone must be able to manage the settings
    running = {
        (a.area_id, a.role) for a in list_assignments(session, member_id=member_id, on=today)
    }
    for area_id in answers.area_ids:
        if (area_id, answers.role) not in running:
            assign(
                session, member_id=member_id, area_id=area_id, role=answers.role, start_date=today
            )
    return member_id


def _text(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class WelcomePage(QWizardPage):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welkom bij de Gebiedsapp"))
        self.setSubTitle(self.tr("Eerste keer instellen: vijf korte stappen."))
        if context.database.encrypted:
            done = self.tr(
                "✓ Het wachtwoord van de database is ingesteld. Zonder dat wachtwoord is de "
                "database niet te openen; bewaar het goed."
            )
        elif context.database.file is not None:
            done = self.tr(
                "De database is niet versleuteld en neemt daarom geen namen, telefoonnummers "
                "of e-mailadressen van bewoners op. Versleutel hem later via Beheer → "
                "Database versleutelen…"
            )
        else:
            done = self.tr("De database staat op een server; daar is geen wachtwoord voor nodig.")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _text(
                self,
                self.tr(
                    "In een paar stappen: wie u bent, in welke gebieden u werkt, oefenen met "
                    "voorbeeldgegevens en de teamserver. Alles kunt u later wijzigen; met "
                    "'Overslaan' slaat u dit over. U vindt het terug onder Help → Eerste keer "
                    "instellen…"
                ),
            )
        )
        self.passphrase_label = _text(self, done)
        layout.addWidget(self.passphrase_label)
        layout.addStretch(1)


class MePage(QWizardPage):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Wie bent u?"))
        with context.read() as session:  # again from the menu: who I already am
            members = list_members(session)
        subtitle = self.tr("U wordt als teamlid opgenomen, met uw aanmelding als account.")
        if not any(m.beheerder for m in members):
            subtitle += " " + self.tr(
                "Als eerste teamlid wordt u ook beheerder (te wijzigen via Beheer → Teams)."
            )
        self.setSubTitle(subtitle)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(120)
        self.name_edit.setAccessibleName(self.tr("Naam"))
        mine = [m.name for m in members if same_account(m.account, context.actor)]
        self.name_edit.setText(mine[0] if mine else "")
        self.account_edit = QLineEdit(context.actor, self)
        self.account_edit.setAccessibleName(self.tr("Account"))
        self.account_edit.setToolTip(
            self.tr("Uw aanmeldnaam op deze computer; daaraan herkent de app uw 'Mijn acties'.")
        )
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName(self.tr("Rol"))
        for role in Role:
            self.role_combo.addItem(label_of(role), role.value)
        self.problem = _text(self, "")
        style(self.problem, "color: $warning;")
        self.problem.setVisible(False)
        form = QFormLayout(self)
        form.addRow(self.tr("&Naam:"), self.name_edit)
        form.addRow(self.tr("&Account:"), self.account_edit)
        form.addRow(self.tr("&Rol:"), self.role_combo)
        form.addRow("", self.problem)
        self.name_edit.textEdited.connect(lambda _t: self.problem.setVisible(False))
        self.account_edit.textEdited.connect(lambda _t: self.problem.setVisible(False))

    def role(self) -> Role:
        return Role(self.role_combo.currentData())

    def validatePage(self) -> bool:
        if not " ".join(self.name_edit.text().split()):
            self.problem.setText(self.tr("Vul uw naam in."))
        elif not self.account_edit.text().strip():
            self.problem.setText(self.tr("Vul uw account in (uw aanmeldnaam op deze computer)."))
        else:
            return True
        self.problem.setVisible(True)
        return False


class AreasPage(QWizardPage):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("In welke gebieden werkt u?"))
        self.setSubTitle(
            self.tr(
                "Vink de gebieden aan; u wordt daar gekoppeld in de gekozen rol, vanaf vandaag."
            )
        )
        self.area_list = QListWidget(self)
        self.area_list.setAccessibleName(self.tr("Gebieden"))
        with context.read() as session:
            nodes = area_tree(session)
        for node in nodes:
            item = QListWidgetItem("    " * node.depth + node.name, self.area_list)
            item.setData(Qt.ItemDataRole.UserRole, node.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.area_list, 1)
        layout.addWidget(
            _text(self, self.tr("Geen gebied gekozen? Dat kan later via Beheer → Teams."))
        )

    def chosen(self) -> tuple[uuid.UUID, ...]:
        items = (self.area_list.item(row) for row in range(self.area_list.count()))
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )


class ServerPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Teamserver (mag leeg blijven)"))
        self.setSubTitle(
            self.tr(
                "Met het adres van de teamserver deelt u uw werk met uw team (Synchroniseren, "
                "F9). Het wachtwoord wordt bij de eerste keer gevraagd. Later te wijzigen via "
                "Beheer → Teamserver."
            )
        )
        self.server_edit = QLineEdit(self)
        self.server_edit.setAccessibleName(self.tr("Adres van de teamserver"))
        self.server_edit.setPlaceholderText(self.tr("postgresql://server:5432/gebiedsapp"))
        self.problem = _text(self, "")
        style(self.problem, "color: $warning;")
        self.problem.setVisible(False)
        self.server_edit.textEdited.connect(lambda _t: self.problem.setVisible(False))
        form = QFormLayout(self)
        form.addRow(self.tr("&Adres:"), self.server_edit)
        form.addRow("", self.problem)

    def validatePage(self) -> bool:
        problem = problem_text(self.server_edit.text())
        if not problem:
            return True
        self.problem.setText(problem)
        self.problem.setVisible(True)
        return False


class FirstRunWizard(QWizard):
    def __init__(
        self, context: AppContext, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings
        self.setWindowTitle(self.tr("Eerste keer instellen"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Vorige"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Volgende >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Vol&tooien"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Overslaan"))
        self.welcome = WelcomePage(context, self)
        self.me = MePage(context, self)
        self.areas = AreasPage(context, self)
        self.demo = DemoPage(context, self)
        self.server = ServerPage(self)
        for page in (self.welcome, self.me, self.areas, self.demo, self.server):
            self.addPage(page)
        with context.read() as session:
            self.server.server_edit.setText(current_address(session, settings))
        self.resize(620, 460)  # fits 1366x768 at 125%

    def accept(self) -> None:
        """Voltooien: the member and assignments in one unit of work, then the server address;
        on a refusal (shown) the wizard stays open and nothing is saved."""
        if not self.validateCurrentPage():  # a bad server address: said on the page
            return
        answers = Answers(
            name=self.me.name_edit.text(),
            account=self.me.account_edit.text().strip(),
            role=self.me.role(),
            area_ids=self.areas.chosen(),
        )
        address = self.server.server_edit.text().strip()

        def save(session: Session) -> uuid.UUID:
            member_id = save_answers(session, answers, today=date.today())
            save_address(session, address)  # the setting the CLI's sync reads too
            return member_id

        saved = self.context.perform(self, save, changes=(TEAM, SYNC))
        if saved is None:
            return
        if self.settings.contains(SERVER_KEY):  # kept in the database from now on
            self.settings.remove(SERVER_KEY)
            self.settings.sync()
        demo = self.demo.wanted()
        if demo is not None:  # fake data: only ever in its own file, after the real save
            start_demo(self.parentWidget() or self, self.context, demo)
        super().accept()


def open_first_run(window: QWidget, context: AppContext, settings: QSettings) -> FirstRunWizard:
    """Show the wizard over `window` without blocking it (Help → Eerste keer instellen…)."""
    wizard = FirstRunWizard(context, settings, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard


def is_fresh(opened: OpenedDatabase) -> bool:
    """A database made by this start (no schema before its migrations ran)."""
    return opened.upgrade.from_revision is None


def offer_first_run(
    window: QWidget, context: AppContext, settings: QSettings, *, fresh: bool
) -> FirstRunWizard | None:
    """At a start: the wizard on a new database, once per installation (never again by itself,
    skipped or not); None when it is not offered."""
    if not fresh or settings.value(OFFERED_KEY, False, type=bool):
        return None
    settings.setValue(OFFERED_KEY, True)
    settings.sync()
    return open_first_run(window, context, settings)
