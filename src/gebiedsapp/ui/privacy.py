"""Beheer → Inzage en verwijdering…: find a resident, give them everything stored about them
(PDF to read, JSON to take along), or erase them on their request.

The work is done by `services.subject_access`; this dialog asks, confirms and reports. Making
an overview is entered in the audit log as an export (it holds personal data); an erasure as
an erasure, without saying of whom.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from gebiedsapp.domain import AuditAction
from gebiedsapp.services import audit, subject_access
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.permissions import may_see_personal_data
from gebiedsapp.services.reports.person_report import write_person_data
from gebiedsapp.services.subject_access import PersonData, PersonMatch
from gebiedsapp.storage.errors import explain_write_error, os_words
from gebiedsapp.ui.context import CONTACTS, KOFFIEKAR, SIGNALS, AppContext
from gebiedsapp.ui.export import file_stem
from gebiedsapp.ui.formatting import format_date


def refused_to(context: AppContext, parent: QWidget | None) -> bool:
    """A gebiedswethouder never sees residents' personal data: say so and do not open."""
    with context.read() as session:
        allowed = may_see_personal_data(session, context.actor, today=date.today())
    if not allowed:
        QMessageBox.information(
            parent,
            "Inzage en verwijdering",
            "Als gebiedswethouder ziet u geen persoonsgegevens van bewoners. Vraag de "
            "gebiedsregisseur of de beheerder om een verzoek van een bewoner af te handelen.",
        )
    return not allowed


log = logging.getLogger(__name__)


class PrivacyDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.matches: list[PersonMatch] = []
        self.setWindowTitle(self.tr("Inzage en verwijdering"))
        intro = QLabel(
            self.tr(
                "Zoek een bewoner op naam, telefoonnummer of e-mailadres. Geef een bewoner die "
                "daarom vraagt een overzicht van alles wat over hem of haar is bewaard, of wis "
                "de bewoner overal (AVG artikel 15 en 17)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Naam, telefoonnummer of e-mailadres"))
        self.query.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("&Zoeken"), self)
        self.search_button.clicked.connect(self.search)
        self.state = QLabel(self)
        self.state.setStyleSheet("color: palette(placeholder-text);")
        self.state.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Naam"), self.tr("Telefoon"), self.tr("E-mail"), self.tr("Vastgelegd op")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # one person is often recorded more than once (each conversation anew): select all
        # of their records, and the overview and the erasure take them together
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setToolTip(
            self.tr("Kies alle regels van dezelfde persoon (Ctrl+klik, Shift+klik of Ctrl+A).")
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            header.setSectionResizeMode(column, mode)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.pdf_button = QPushButton(self.tr("Inzage als &PDF…"), self)
        self.json_button = QPushButton(self.tr("Inzage als &JSON…"), self)
        self.erase_button = QPushButton(self.tr("&Wissen…"), self)
        self.erase_button.setToolTip(self.tr("Alle gegevens van deze bewoner overal wissen"))
        self.pdf_button.clicked.connect(lambda: self.save_overview("pdf"))
        self.json_button.clicked.connect(lambda: self.save_overview("json"))
        self.erase_button.clicked.connect(self.erase)
        # tests replace these
        self.ask_path: Callable[[str, str], Path | None] = self._ask_path
        self.confirm: Callable[[str], bool] = self._confirm
        self.tell: Callable[[str, str], None] = self._tell

        search_row = QHBoxLayout()
        search_row.addWidget(self.query, 1)
        search_row.addWidget(self.search_button)
        buttons_row = QHBoxLayout()
        for button in (self.pdf_button, self.json_button):
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.erase_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(search_row)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(close)
        self.resize(760, 480)
        self._update_buttons()

    # -- finding ------------------------------------------------------------------------------

    def search(self) -> None:
        try:
            with self.context.read() as session:
                self.matches = subject_access.find_people(session, self.query.text())
        except ValidationError as error:
            self.state.setText(error.message)
            self.matches = []
        else:
            self.state.setText(subject_access.matches_text(self.matches))
        self.table.setRowCount(len(self.matches))
        for row, match in enumerate(self.matches):
            values = (match.name, match.phone, match.email, format_date(match.recorded_on))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if self.matches:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> list[PersonMatch]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.matches[row] for row in rows]

    def _update_buttons(self) -> None:
        chosen = bool(self.selected())
        for button in (self.pdf_button, self.json_button, self.erase_button):
            button.setEnabled(chosen)

    # -- inzage --------------------------------------------------------------------------------

    def save_overview(self, kind: str) -> Path | None:
        chosen = self.selected()
        if not chosen:
            return None
        today = date.today()
        suggested = f"inzage-{file_stem(chosen[0].name)}-{today.isoformat()}.{kind}"
        path = self.ask_path(suggested, kind)
        if path is None:
            return None
        resident_ids = [match.resident_id for match in chosen]

        def make(session: Session) -> None:
            data = subject_access.person_data(session, resident_ids, today=today)
            _write(data, path, kind)
            audit.note(
                session,
                AuditAction.EXPORT,
                record_type="inzage",
                detail=f"inzageoverzicht als {kind.upper()}",
            )

        try:
            with self.context.database.unit_of_work(self.context.actor) as session:
                make(session)
        except (ValidationError, NotFoundError) as error:
            self.tell(self.tr("Geen overzicht"), error.message)
            return None
        except OSError as error:
            path.unlink(missing_ok=True)
            self.tell(
                self.tr("Geen overzicht"),
                self.tr("Het bestand kon niet worden opgeslagen (%s).") % os_words(error.errno),
            )
            return None
        except SQLAlchemyError as error:  # the audit entry could not be written: no file
            log.exception("inzage not entered in the audit log")
            path.unlink(missing_ok=True)
            self.tell(
                self.tr("Geen overzicht"),
                self.tr(
                    "Het overzicht kon niet in het auditlog worden vastgelegd en is niet bewaard. "
                )
                + (explain_write_error(error) or error.__class__.__name__),
            )
            return None
        self.tell(
            self.tr("Opgeslagen"),
            self.tr(
                "Het overzicht staat in:\n%s\n\nHet bevat persoonsgegevens: geef het alleen aan "
                "de bewoner zelf en verwijder het daarna."
            )
            % path,
        )
        return path

    def _ask_path(self, suggested: str, kind: str) -> Path | None:
        folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        filters = {"pdf": "PDF (*.pdf)", "json": "JSON (*.json)"}
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Inzage opslaan als"), str(folder / suggested), filters[kind]
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == f".{kind}" else path.with_name(f"{path.name}.{kind}")

    # -- verwijdering --------------------------------------------------------------------------

    def erase(self) -> bool:
        chosen = self.selected()
        if not chosen:
            return False
        names = ", ".join(dict.fromkeys(m.name or self.tr("(zonder naam)") for m in chosen))
        question = self.tr(
            "Alle gegevens van %s (%d vastgelegde keer/keren) worden gewist: naam, telefoon, "
            "e-mail, toestemmingen en meedenkersregister; in gesprekken, contacten en signalen "
            "wordt de naam vervangen door [gewist] en de koppeling verbroken; foto's bij die "
            "signalen en concepten worden verwijderd.\n\nDit kan niet ongedaan worden "
            "gemaakt. Doorgaan?"
        ) % (names, len(chosen))
        if not self.confirm(question):
            return False
        resident_ids: list[uuid.UUID] = [m.resident_id for m in chosen]
        done = self.context.perform(
            self,
            lambda session: subject_access.erase_people(session, resident_ids),
            changes=(KOFFIEKAR, CONTACTS, SIGNALS),
            title=self.tr("Niet gewist"),
        )
        if done is None:
            return False
        try:
            self.context.database.purge_traces()
        except SQLAlchemyError:  # the erasure itself is done; the index follows next time
            log.exception("purge after erasure failed")
        self.tell(
            self.tr("Gewist"),
            self.tr(
                "De bewoner is gewist. Losgekoppeld: %d gesprek(ken) en %d contact(en); "
                "verwijderd: %d foto('s) en %d concept(en). Oudere reservekopieën bevatten de "
                "gegevens nog tot ze worden opgeruimd."
            )
            % (done.conversations, done.contacts, done.photos, done.drafts),
        )
        self.search()
        return True

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Bewoner wissen"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _tell(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)


def _write(data: PersonData, path: Path, kind: str) -> None:
    if kind == "pdf":
        write_person_data(data, path)
        return
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(data.as_json(), encoding="utf-8")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)  # never a half file with personal data left behind
