"""Beheer › Teams: team members, and for the chosen member the areas they are linked to.

The Account field links a member to a sign-in, so 'Mijn acties' and the default owner of a new
action know who is working. On a fresh install the first member gets the login of whoever adds
them (said beside the field); later 'Dat ben ik' fills in the login for the member chosen.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.services.areas import AreaNode, area_tree
from gebiedsapp.services.permissions import same_account
from gebiedsapp.services.teams import (
    AssignmentView,
    add_member,
    assign,
    end_assignment,
    list_assignments,
    list_members,
    remove_assignment,
    set_beheerder,
    update_member,
)
from gebiedsapp.ui.admin.common import button_row, confirm, heading, make_table
from gebiedsapp.ui.admin.team_dialogs import AssignDialog, EndDateDialog
from gebiedsapp.ui.context import AREAS, TEAM, AppContext
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.palette import ColourRole, brush, style
from gebiedsapp.ui.table_model import RowTableModel

NO_END = "—"


def _tr(text: str) -> str:
    return QCoreApplication.translate("TeamTab", text)


@dataclass(frozen=True)
class MemberRow:
    id: uuid.UUID
    name: str
    organisation: str
    email: str
    phone: str
    active: bool
    account: str = ""
    beheerder: bool = False


class MemberTableModel(RowTableModel[MemberRow]):
    COL_NAME, COL_ORGANISATION, COL_EMAIL, COL_PHONE, COL_ACTIVE = range(5)
    headers = (_tr("Naam"), _tr("Organisatie"), _tr("E-mail"), _tr("Telefoon"), _tr("Actief"))

    def cell(self, row: MemberRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                row.name,
                row.organisation,
                row.email,
                row.phone,
                (_tr("ja") if row.active else _tr("nee"))
                + (_tr(" · beheerder") if row.beheerder else ""),
            )
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return brush(ColourRole.MUTED)
        return None


class AssignmentTableModel(RowTableModel[AssignmentView]):
    COL_AREA, COL_ROLE, COL_START, COL_END = range(4)
    headers = (_tr("Gebied"), _tr("Rol"), _tr("Vanaf"), _tr("Tot en met"))

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()

    def cell(self, row: AssignmentView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                row.area_name,
                label_of(row.role),
                format_date(row.start_date),
                format_date(row.end_date) or NO_END,
            )
            return values[column]
        ended = row.end_date is not None and row.end_date < self.today
        if role == Qt.ItemDataRole.ForegroundRole and ended:
            return brush(ColourRole.MUTED)
        if role == Qt.ItemDataRole.ToolTipRole and ended:
            return _tr("Afgelopen koppeling")
        return None


class TeamTab(QWidget):
    KINDS = frozenset({TEAM, AREAS})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.member_id: uuid.UUID | None = None
        self.creating = False
        self.areas: list[AreaNode] = []

        self._build_members()
        form_box = self._build_member_form()
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.member_table)
        top.addWidget(form_box)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setSizes([620, 400])
        top.setChildrenCollapsible(False)

        self._build_assignments()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.assignment_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._connect_signals()
        self.reload()

    def _build_members(self) -> None:
        self.members = MemberTableModel(self)
        self.member_table = make_table(
            self.members, self, stretch_column=MemberTableModel.COL_EMAIL
        )
        self.member_table.setAccessibleName(self.tr("Teamleden"))
        for column, width in ((0, 170), (1, 170), (3, 100), (4, 50)):
            self.member_table.setColumnWidth(column, width)

    def _build_member_form(self) -> QWidget:
        """The chosen team member's fields, right of the list."""
        form_box = QWidget(self)
        self.form_title = heading("", form_box)
        self.name_edit = QLineEdit(form_box)
        self.name_edit.setMaxLength(120)
        self.organisation_edit = QLineEdit(form_box)
        self.organisation_edit.setPlaceholderText(self.tr("bijv. Gemeente Oldambt"))
        self.email_edit = QLineEdit(form_box)
        self.phone_edit = QLineEdit(form_box)
        account_row = self._build_account_row(form_box)
        self.active_check = QCheckBox(self.tr("Actief"), form_box)
        self.active_check.setToolTip(
            self.tr("Alleen actieve teamleden worden aangeboden bij nieuwe rondes.")
        )
        self.beheerder_check = QCheckBox(self.tr("Beheerder"), form_box)
        self.beheerder_check.setToolTip(
            self.tr(
                "Een beheerder beheert gebieden, teams, thema's, categorieën en partners, de map "
                "voor reservekopieën en de bewaartermijnen, en handelt AVG-verzoeken af. Zolang "
                "er geen beheerder is, mag iedereen dat. Vraagt een account."
            )
        )
        self.new_member_button = QPushButton(self.tr("Nieuw teamlid"), form_box)
        self.save_member_button = QPushButton(self.tr("Opslaan"), form_box)
        self.save_member_button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("Naam:"), self.name_edit)
        form.addRow(self.tr("Organisatie:"), self.organisation_edit)
        form.addRow(self.tr("E-mail:"), self.email_edit)
        form.addRow(self.tr("Telefoon:"), self.phone_edit)
        form.addRow(self.tr("Account:"), account_row)
        form.addRow("", self.account_note)
        form.addRow("", self.active_check)
        form.addRow("", self.beheerder_check)
        form_layout = QVBoxLayout(form_box)
        form_layout.setContentsMargins(8, 0, 0, 0)
        form_layout.addWidget(self.form_title)
        form_layout.addLayout(form)
        form_layout.addLayout(button_row(self.save_member_button, self.new_member_button))
        form_layout.addStretch(1)
        return form_box

    def _build_account_row(self, form_box: QWidget) -> QHBoxLayout:
        """The login name that links a member to 'Mijn acties', with a button for one's own."""
        self.account_edit = QLineEdit(form_box)
        self.account_edit.setAccessibleName(self.tr("Account"))
        self.account_edit.setPlaceholderText(self.tr("aanmeldnaam op deze laptop"))
        self.account_edit.setToolTip(
            self.tr(
                "De naam waarmee dit teamlid zich aanmeldt (nu: de gebruikersnaam van de "
                "computer). Zo toont 'Mijn acties' de acties van dit teamlid."
            )
        )
        self.me_button = QPushButton(self.tr("Dat ben ik"), form_box)
        self.me_button.setToolTip(
            self.tr("Vul uw eigen aanmeldnaam op deze computer in ('%s')") % self.context.actor
        )
        self.me_button.clicked.connect(self._fill_my_account)
        self.account_note = QLabel(
            self.tr(
                "Ingevuld met uw aanmeldnaam ('%s'): het eerste teamlid bent u meestal zelf. "
                "Wis het als dit teamlid iemand anders is."
            )
            % self.context.actor,
            form_box,
        )
        self.account_note.setWordWrap(True)
        style(self.account_note, "color: $muted;")
        self.account_note.setVisible(False)
        self.account_edit.textEdited.connect(lambda _t: self.account_note.setVisible(False))
        account_row = QHBoxLayout()
        account_row.setContentsMargins(0, 0, 0, 0)
        account_row.addWidget(self.account_edit, 1)
        account_row.addWidget(self.me_button)
        return account_row

    def _build_assignments(self) -> None:
        """The chosen member's areas, with buttons to link, end and remove."""
        self.assignment_box = QGroupBox(self)
        self.assignments = AssignmentTableModel(self)
        self.assignment_table = make_table(
            self.assignments, self.assignment_box, stretch_column=AssignmentTableModel.COL_AREA
        )
        self.assignment_table.setAccessibleName(self.tr("Koppelingen"))
        for column, width in ((1, 160), (2, 100), (3, 100)):
            self.assignment_table.setColumnWidth(column, width)
        self.assign_button = QPushButton(self.tr("Koppelen aan gebied…"), self.assignment_box)
        self.end_button = QPushButton(self.tr("Koppeling beëindigen…"), self.assignment_box)
        self.remove_button = QPushButton(self.tr("Koppeling verwijderen"), self.assignment_box)
        self.remove_button.setToolTip(
            self.tr(
                "Alleen voor een koppeling die per vergissing is ingevoerd. Wisselt iemand van "
                "gebied, beëindig de koppeling dan."
            )
        )
        box_layout = QVBoxLayout(self.assignment_box)
        box_layout.addWidget(self.assignment_table, 1)
        box_layout.addLayout(button_row(self.assign_button, self.end_button, self.remove_button))

    def _connect_signals(self) -> None:
        self.member_table.selectionModel().selectionChanged.connect(self._on_member_selection)
        self.assignment_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_member_button.clicked.connect(self.new_member)
        self.save_member_button.clicked.connect(self.save_member)
        self.assign_button.clicked.connect(self.add_assignment)
        self.end_button.clicked.connect(self.end_selected_assignment)
        self.remove_button.clicked.connect(self.remove_selected_assignment)
        self.context.hub.changed.connect(self._on_changes)

    # loading and showing

    def reload(self) -> None:
        with self.context.read() as session:
            rows = [
                MemberRow(
                    m.id,
                    m.name,
                    m.organisation,
                    m.email,
                    m.phone,
                    m.active,
                    m.account or "",
                    m.beheerder,
                )
                for m in list_members(session)
            ]
            self.areas = area_tree(session)
        keep = self.member_id
        self.members.set_rows(rows)
        if keep is None and self.creating:
            return  # a new member is being typed in: keep what is in the form
        if keep in [row.id for row in rows]:
            self.select_member(keep)
        elif rows:
            self.select_member(rows[0].id)
        else:
            self.new_member()

    def select_member(self, member_id: uuid.UUID) -> None:
        for row, member in enumerate(self.members.rows):
            if member.id == member_id:
                self.member_table.selectRow(row)
                self.member_table.scrollTo(self.members.index(row, 0))
                if self.member_id != member_id:  # selecting did not show it already
                    self._show_member(member)
                return

    def selected_member(self) -> MemberRow | None:
        rows = self.member_table.selectionModel().selectedRows()
        return self.members.row_at(rows[0]) if rows else None

    def _on_member_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        member = self.selected_member()
        if member is not None:
            self._show_member(member)

    def _show_member(self, member: MemberRow | None) -> None:
        self.member_id = member.id if member else None
        self.creating = member is None
        self.form_title.setText(member.name if member else self.tr("Nieuw teamlid"))
        self.name_edit.setText(member.name if member else "")
        self.organisation_edit.setText(member.organisation if member else "")
        self.email_edit.setText(member.email if member else "")
        self.phone_edit.setText(member.phone if member else "")
        # a fresh install: whoever adds the first member is, most likely, that member
        first = member is None and not self.members.rows and bool(self.context.actor.strip())
        self.account_edit.setText(member.account if member else self.context.actor if first else "")
        self.account_note.setVisible(first)
        linked = any(same_account(row.account, self.context.actor) for row in self.members.rows)
        self.me_button.setVisible(not first and not linked and bool(self.context.actor.strip()))
        self.active_check.setChecked(member.active if member else True)
        self.active_check.setEnabled(member is not None)
        self.beheerder_check.setChecked(member.beheerder if member else False)
        self._load_assignments()

    def _load_assignments(self) -> None:
        member_id = self.member_id
        if member_id is None:
            self.assignments.set_rows([])
            self.assignment_box.setTitle(self.tr("Koppelingen aan gebieden"))
        else:
            with self.context.read() as session:
                views = list_assignments(session, member_id=member_id)
            self.assignments.set_rows(views)
            self.assignment_box.setTitle(
                self.tr("Koppelingen van %s aan gebieden") % self.name_edit.text()
            )
        self._update_buttons()

    def selected_assignment(self) -> AssignmentView | None:
        rows = self.assignment_table.selectionModel().selectedRows()
        return self.assignments.row_at(rows[0]) if rows else None

    def _update_buttons(self) -> None:
        self.assign_button.setEnabled(self.member_id is not None)
        has_assignment = self.selected_assignment() is not None
        self.end_button.setEnabled(has_assignment)
        self.remove_button.setEnabled(has_assignment)

    def _fill_my_account(self) -> None:
        self.account_edit.setText(self.context.actor)
        self.account_edit.setFocus()

    # member actions

    def new_member(self) -> None:
        self.member_table.clearSelection()
        self._show_member(None)
        self.name_edit.setFocus()

    def save_member(self) -> None:
        member_id = self.member_id
        name = self.name_edit.text()
        organisation = self.organisation_edit.text()
        email = self.email_edit.text()
        phone = self.phone_edit.text()
        account = self.account_edit.text()
        active = self.active_check.isChecked()
        beheerder = self.beheerder_check.isChecked()
        selected = self.selected_member()
        was_beheerder = selected is not None and selected.beheerder

        def action(session: Session) -> uuid.UUID:
            if member_id is None:
                fields = {"organisation": organisation, "email": email, "phone": phone}
                created = add_member(session, name=name, **fields).id
                if account.strip():
                    update_member(
                        session,
                        created,
                        name=name,
                        active=True,
                        account=account,
                        **fields,
                    )
                if beheerder:
                    set_beheerder(session, created, True)
                return created
            update_member(
                session,
                member_id,
                name=name,
                organisation=organisation,
                email=email,
                phone=phone,
                active=active,
                account=account,
            )
            if beheerder != was_beheerder:  # after: stepping down needs the role till here
                set_beheerder(session, member_id, beheerder)
            return member_id

        saved = self.context.perform(self, action, changes=(TEAM,))
        if saved is not None:
            self.select_member(saved)

    # assignment actions

    def add_assignment(self) -> None:
        member_id = self.member_id
        if member_id is None:
            return
        areas = self.areas
        dialog = AssignDialog(self.name_edit.text(), areas, today=date.today(), parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        area_id = dialog.area_id
        if area_id is None:
            return
        role, start, end = dialog.role, dialog.start_date, dialog.end_date
        self.context.perform(
            self,
            lambda session: assign(
                session,
                member_id=member_id,
                area_id=area_id,
                role=role,
                start_date=start,
                end_date=end,
            ),
            changes=(TEAM,),
        )

    def end_selected_assignment(self) -> None:
        view = self.selected_assignment()
        if view is None:
            return
        description = self.tr("%s als %s van %s") % (
            view.member_name,
            label_of(view.role).lower(),
            view.area_name,
        )
        dialog = EndDateDialog(description, start=view.start_date, today=date.today(), parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        end = dialog.end_date
        self.context.perform(
            self, lambda session: end_assignment(session, view.id, end), changes=(TEAM,)
        )

    def remove_selected_assignment(self) -> None:
        view = self.selected_assignment()
        if view is None:
            return
        question = self.tr(
            "De koppeling van %s als %s van %s verwijderen?\n\nDoe dit alleen bij een vergissing; "
            "wisselt iemand van gebied, beëindig de koppeling dan, zodat de geschiedenis klopt."
        ) % (view.member_name, label_of(view.role).lower(), view.area_name)
        if confirm(self, self.tr("Koppeling verwijderen"), question):
            self.context.perform(
                self, lambda session: remove_assignment(session, view.id), changes=(TEAM,)
            )

    def _on_changes(self, kinds: frozenset[str]) -> None:
        if kinds & self.KINDS:
            self.reload()
