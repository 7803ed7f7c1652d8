"""Beheer → Inzage en verwijdering…: find a resident, give them everything stored about them
(PDF to read, JSON to take along), or erase them on their request.

The work is done by `services.subject_access` and `services.erasure`; this dialog asks,
confirms and reports. Choosing a resident lists every text that mentions them (on the worker:
every free-text column is searched), each with a checkbox: the exact hits (full name, phone,
e-mail) and a name alone in their own records are checked, a name alone elsewhere is not. What
is checked goes into the overview and is scrubbed by the erasure. Making an overview is
entered in the audit log as an export (it holds personal data); an erasure as an erasure,
without saying of whom.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
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
from gebiedsapp.services import audit, erasure, subject_access
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.mentions import Mention, Mentions
from gebiedsapp.services.permissions import may_see_personal_data
from gebiedsapp.services.reports.person_report import write_person_data
from gebiedsapp.services.subject_access import PersonData, PersonMatch
from gebiedsapp.storage.errors import explain_write_error, os_words
from gebiedsapp.ui.context import (
    ACTIONS,
    ACTIVITIES,
    CONTACTS,
    DRAFTS,
    INITIATIVES,
    KOFFIEKAR,
    SIGNALS,
    AppContext,
)
from gebiedsapp.ui.export import file_stem
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.palette import style


def refused_to(context: AppContext, parent: QWidget | None) -> bool:
    """A gebiedswethouder never sees residents' personal data: say so and do not open."""
    with context.read() as session:
        allowed = may_see_personal_data(session, context.actor, today=date.today())
    if not allowed:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("PrivacyDialog", "Inzage en verwijdering"),
            QCoreApplication.translate(
                "PrivacyDialog",
                "Als gebiedswethouder ziet u geen persoonsgegevens van bewoners. Vraag de "
                "gebiedsregisseur of de beheerder om een verzoek van een bewoner af te handelen.",
            ),
        )
    return not allowed


log = logging.getLogger(__name__)


class PrivacyDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.matches: list[PersonMatch] = []
        self.setWindowTitle(self.tr("Inzage en verwijdering"))
        self.mentions: list[Mention] = []
        self._mentions_for: tuple[uuid.UUID, ...] | None = None  # whose mentions are shown
        # built in the order Tab visits them
        self._build_search()
        self._build_people()
        self._build_mentions()
        self._build_output_buttons()
        # tests replace these
        self.ask_path: Callable[[str, str], Path | None] = self._ask_path
        self.confirm: Callable[[str], bool] = self._confirm
        self.tell: Callable[[str, str], None] = self._tell
        self._lay_out()
        self.resize(940, 640)
        self._update_buttons()

    def _build_search(self) -> None:
        self.intro = QLabel(
            self.tr(
                "Zoek een bewoner op naam, telefoonnummer of e-mailadres. Geef een bewoner die "
                "daarom vraagt een overzicht van alles wat over hem of haar is bewaard, of wis "
                "de bewoner overal (AVG artikel 15 en 17)."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Naam, telefoonnummer of e-mailadres"))
        self.query.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("&Zoeken"), self)
        self.search_button.clicked.connect(self.search)
        self.state = QLabel(self)
        style(self.state, "color: $muted;")
        self.state.setWordWrap(True)

    def _build_people(self) -> None:
        """The people found; choosing them finds the texts that mention them."""
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
        self.table.itemSelectionChanged.connect(self._find_mentions)

    def _build_mentions(self) -> None:
        """The texts that mention the chosen person, each to be checked or not."""
        self.mentions_state = QLabel(self)
        self.mentions_state.setWordWrap(True)
        self.hits = QTableWidget(0, 4, self)
        self.hits.setHorizontalHeaderLabels(
            [self.tr("Soort"), self.tr("Datum"), self.tr("Gevonden"), self.tr("Fragment")]
        )
        self.hits.setToolTip(
            self.tr(
                "Vink aan wat over deze bewoner gaat: dat komt in het overzicht en wordt bij "
                "wissen vervangen door [gewist]. Alleen een voornaam of achternaam kan iemand "
                "anders zijn."
            )
        )
        self.hits.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hits.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hits.verticalHeader().setVisible(False)
        hits_header = self.hits.horizontalHeader()
        for column in range(3):
            hits_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        hits_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.check_all = QPushButton(self.tr("Alle &aanvinken"), self)
        self.check_none = QPushButton(self.tr("&Geen aanvinken"), self)
        self.check_all.clicked.connect(lambda: self._check_every(checked=True))
        self.check_none.clicked.connect(lambda: self._check_every(checked=False))

    def _build_output_buttons(self) -> None:
        self.pdf_button = QPushButton(self.tr("Inzage als &PDF…"), self)
        self.json_button = QPushButton(self.tr("Inzage als &JSON…"), self)
        self.erase_button = QPushButton(self.tr("&Wissen…"), self)
        self.erase_button.setToolTip(self.tr("Alle gegevens van deze bewoner overal wissen"))
        self.pdf_button.clicked.connect(lambda: self.save_overview("pdf"))
        self.json_button.clicked.connect(lambda: self.save_overview("json"))
        self.erase_button.clicked.connect(self.erase)

    def _lay_out(self) -> None:
        search_row = QHBoxLayout()
        search_row.addWidget(self.query, 1)
        search_row.addWidget(self.search_button)
        hits_row = QHBoxLayout()
        hits_row.addWidget(self.mentions_state, 1)
        hits_row.addWidget(self.check_all)
        hits_row.addWidget(self.check_none)
        buttons_row = QHBoxLayout()
        for button in (self.pdf_button, self.json_button):
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.erase_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(search_row)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(self.tr("<b>Vermeldingen in teksten</b>"), self))
        layout.addLayout(hits_row)
        layout.addWidget(self.hits, 3)
        layout.addLayout(buttons_row)
        layout.addWidget(close)

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
        ready = bool(self.selected()) and self._mentions_for == self._chosen_ids()
        for button in (self.pdf_button, self.json_button, self.erase_button):
            button.setEnabled(ready)
        for button in (self.check_all, self.check_none):
            button.setEnabled(ready and bool(self.mentions))

    def _chosen_ids(self) -> tuple[uuid.UUID, ...]:
        return tuple(match.resident_id for match in self.selected())

    # -- vermeldingen --------------------------------------------------------------------------

    def _find_mentions(self) -> None:
        """Every text that mentions the chosen person, searched on the worker."""
        ids = self._chosen_ids()
        self._mentions_for = None
        self.mentions = []
        self.hits.setRowCount(0)
        self._update_buttons()
        if not ids:
            self.mentions_state.setText("")
            return
        self.mentions_state.setText(self.tr("Teksten doorzoeken…"))

        def work() -> Mentions:
            with self.context.read() as session:
                return subject_access.mentions_of(session, list(ids))

        self.context.background.submit(
            "privacy-mentions",
            work,
            owner=self,
            on_done=lambda found: self._show_mentions(ids, found),
            on_error=self._mentions_failed,
        )

    def _mentions_failed(self, error: Exception) -> None:
        message = error.message if isinstance(error, NotFoundError | ValidationError) else ""
        self.mentions_state.setText(
            message or self.tr("De teksten konden niet worden doorzocht; probeer het opnieuw.")
        )

    def _show_mentions(self, ids: tuple[uuid.UUID, ...], found: Mentions) -> None:
        if ids != self._chosen_ids():
            return  # another choice was made meanwhile; its search follows
        self.mentions = list(found.hits)
        self.hits.setRowCount(len(self.mentions))
        for row, mention in enumerate(self.mentions):
            kind = QTableWidgetItem(mention.kind)
            kind.setFlags(kind.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            kind.setCheckState(
                Qt.CheckState.Checked if mention.checked else Qt.CheckState.Unchecked
            )
            snippet = QTableWidgetItem(mention.snippet)
            snippet.setToolTip(mention.snippet)
            self.hits.setItem(row, 0, kind)
            self.hits.setItem(row, 1, QTableWidgetItem(format_date(mention.day)))
            self.hits.setItem(row, 2, QTableWidgetItem(mention.what))
            self.hits.setItem(row, 3, snippet)
        checked = sum(m.checked for m in self.mentions)
        text = (
            self.tr("Geen andere teksten noemen deze bewoner.")
            if not self.mentions
            else self.tr(
                "%d vermelding(en) gevonden, %d aangevinkt. Vink aan wat over deze bewoner "
                "gaat; alleen een voornaam of achternaam kan iemand anders zijn."
            )
            % (len(self.mentions), checked)
        )
        if found.left_off:
            text += (
                " "
                + self.tr(
                    "Nog %d vermelding(en) van alleen een voornaam of achternaam staan hier niet; "
                    "zoek die zo nodig op in de schermen zelf."
                )
                % found.left_off
            )
        self.mentions_state.setText(text)
        self._mentions_for = ids
        self._update_buttons()

    def _check_every(self, *, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.hits.rowCount()):
            item = self.hits.item(row, 0)
            if item is not None:
                item.setCheckState(state)

    def confirmed(self) -> list[str]:
        """The keys of the mentions that are checked."""
        keys = []
        for row, mention in enumerate(self.mentions):
            item = self.hits.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                keys.append(mention.key)
        return keys

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
        confirmed = self.confirmed()

        def make(session: Session) -> None:
            data = subject_access.person_data(
                session, resident_ids, today=today, confirmed=confirmed
            )
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
        if not chosen or self._mentions_for != self._chosen_ids():
            return False
        names = ", ".join(dict.fromkeys(m.name or self.tr("(zonder naam)") for m in chosen))
        confirmed = self.confirmed()
        question = self.tr(
            "Alle gegevens van %s (%d vastgelegde keer/keren) worden gewist: naam, telefoon, "
            "e-mail, toestemmingen en meedenkersregister; gesprekken en contacten worden "
            "losgekoppeld, foto's bij de signalen daaruit verwijderd, en %d aangevinkte "
            "vermelding(en) in teksten vervangen door [gewist].\n\nDit kan niet ongedaan "
            "worden gemaakt. Doorgaan?"
        ) % (names, len(chosen), len(confirmed))
        if not self.confirm(question):
            return False
        resident_ids: list[uuid.UUID] = [m.resident_id for m in chosen]
        database = self.context.database
        erasure.prepare(database)  # a crash before the clean-up: the next start does it
        done = self.context.perform(
            self,
            lambda session: erasure.erase_people(session, resident_ids, confirmed=confirmed),
            changes=(KOFFIEKAR, CONTACTS, SIGNALS, ACTIONS, INITIATIVES, ACTIVITIES, DRAFTS),
            title=self.tr("Niet gewist"),
        )
        if done is None:
            self._find_mentions()  # the texts may have changed: show them again
            return False
        report = self.tr(
            "De bewoner is gewist. Losgekoppeld: %d gesprek(ken) en %d contact(en); "
            "verwijderd: %d foto('s); %d vermelding(en) in %d tekst(en) vervangen door "
            "[gewist]. Oudere reservekopieën bevatten de gegevens nog tot ze worden opgeruimd."
        ) % (done.conversations, done.contacts, done.photos, done.mentions, done.texts)
        self.search()
        # the clean-up of the database's files may wait for other readers: on the worker
        self.context.background.submit(
            "privacy-purge",
            lambda: erasure.purge(database),
            owner=self,
            on_done=lambda pending: self.tell(
                self.tr("Gewist"), report + (f"\n\n{pending}" if pending else "")
            ),
            on_error=lambda error: self._purge_failed(report, error),
        )
        return True

    def _purge_failed(self, report: str, error: Exception) -> None:
        log.error("purge after erasure failed: %s", error)
        self.tell(
            self.tr("Gewist"),
            report
            + "\n\n"
            + self.tr(
                "Het opruimen van de database na het wissen is niet gelukt; het wordt bij de "
                "volgende start opnieuw geprobeerd."
            ),
        )

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
