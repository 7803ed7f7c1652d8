"""Bestand → Reservekopie terugzetten…, the choice of the backup folder, and the offer to
restore when the database is damaged at start.

Restoring replaces the database file: the app closes its connections first, backs up the
current file, puts the chosen copy in place and then closes (the next start opens the restored
database, migrating it when the copy is older).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.services import backups
from gebiedsapp.services.database_access import BackupInfo, DatabaseKey
from gebiedsapp.storage.errors import BackupError
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.formatting import format_number
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP


def describe(info: BackupInfo) -> str:
    """'12 gesprekken, 3 signalen …' or why it cannot be used."""
    if info.problem:
        return info.problem
    return ", ".join(f"{format_number(n)} {word}" for word, n in info.counts)


translate = QCoreApplication.translate  # by this name lupdate finds the texts
WAIT_MS = 30_000  # how long a restore waits for the workers (the start backup: below the reads)

_REASONS = {
    "start": QT_TRANSLATE_NOOP("Restore", "bij het starten"),
    "handmatig": QT_TRANSLATE_NOOP("Restore", "met de hand"),
    "voor-import": QT_TRANSLATE_NOOP("Restore", "voor een import"),
    "voor-terugzetten": QT_TRANSLATE_NOOP("Restore", "voor het terugzetten van een andere kopie"),
}


def reason_text(reason: str) -> str:
    if reason.startswith("voor-upgrade"):
        return translate("Restore", "voor het bijwerken van de app")
    if reason in _REASONS:
        return translate("Restore", _REASONS[reason])
    return reason or translate("Restore", "onbekend")


class RestoreDialog(QDialog):
    """The backups with what they hold; the chosen one is put back after a confirmation."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.restored = False
        self.setWindowTitle(self.tr("Reservekopie terugzetten"))
        self.folder = context.backup_dir()
        database = context.database.file
        self.key = context.database.key
        self.infos = (
            backups.backups(database, self.folder, self.key) if database is not None else []
        )
        intro = QLabel(
            self.tr(
                "Kies de reservekopie die u wilt terugzetten. De huidige database wordt eerst "
                "zelf als reservekopie bewaard; daarna sluit de app. Reservekopieën staan in %s."
            )
            % self.folder,
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.infos), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Gemaakt"), self.tr("Waarom"), self.tr("Bevat")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, info in enumerate(self.infos):
            cells = (
                info.made_at.strftime("%d-%m-%Y %H:%M"),
                reason_text(info.reason),
                describe(info),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        self.empty = QLabel(self.tr("Er zijn nog geen reservekopieën in deze map."), self)
        self.empty.setVisible(not self.infos)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(self.tr("&Terugzetten…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        good = next((row for row, info in enumerate(self.infos) if info.usable), None)
        if good is not None:
            self.table.selectRow(good)
        self._update()
        # tests replace these
        self.confirm: Callable[[str], bool] = self._confirm
        self.tell: Callable[[str, str], None] = self._tell
        self.ask_passphrase: Callable[[QDialog], bool] = lambda dialog: bool(dialog.exec())

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def _update(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and (info.usable or info.other_key))

    def _ask_backup_passphrase(self, info: BackupInfo) -> tuple[BackupInfo, str | None]:
        """A backup under another key: its passphrase of the time, asked until it opens the
        backup or the user gives up (then the info is returned unusable)."""
        from gebiedsapp.ui.passphrase import PassphraseDialog, Purpose

        problem = ""
        while True:
            dialog = PassphraseDialog(Purpose.BACKUP, self, where=str(info.path), problem=problem)
            if not self.ask_passphrase(dialog):
                return info, None
            opened = backups.preview(info.path, self.key, dialog.passphrase())
            if opened.usable:
                return opened, dialog.passphrase()
            if not opened.other_key:
                return opened, None
            problem = self.tr("Dit wachtwoord opent deze reservekopie niet.")

    def _syncing(self) -> bool:
        from gebiedsapp.ui.sync.busy import refused_while_syncing

        return refused_while_syncing(self.context, self, self.tr("Niet teruggezet"))

    def restore_selected(self) -> None:
        info = self.selected()
        database = self.context.database.file
        if info is None or database is None or self._syncing():
            return
        passphrase = None
        if info.other_key:
            info, passphrase = self._ask_backup_passphrase(info)
        if not info.usable:
            if info.problem and not info.other_key:
                QMessageBox.warning(self, self.tr("Niet teruggezet"), info.problem)
            return
        question = self.tr(
            "De reservekopie van %s (%s) terugzetten?\n\nAlles wat daarna is vastgelegd, is "
            "dan niet meer in de database; de huidige database wordt eerst als reservekopie "
            "bewaard. De app sluit daarna."
        ) % (info.made_at.strftime("%d-%m-%Y %H:%M"), describe(info))
        loss = backups.what_would_be_lost(database, info, self.key)
        if loss is not None:  # what the user would lose, before the question
            question = f"{loss.text()}\n\n{question}"
        if not self.confirm(question) or self._syncing():  # one may have started meanwhile
            return
        if not self.context.background.wait(WAIT_MS):  # a start backup still copying
            QMessageBox.warning(
                self,
                self.tr("Niet teruggezet"),
                self.tr(
                    "De app is nog bezig met een reservekopie. Probeer het over een minuut "
                    "opnieuw; er is niets gewijzigd."
                ),
            )
            return
        self.context.database.dispose()  # no connection may hold the file while it is replaced
        try:
            safety = backups.restore_backup(
                database,
                info.path,
                self.folder,
                key=self.key,
                passphrase=passphrase,
                replace_newer=True,  # the loss was in the question the user answered
            )
        except BackupError as error:
            QMessageBox.warning(self, self.tr("Niet teruggezet"), error.user_message)
            return
        self.restored = True
        self.tell(
            self.tr("Teruggezet"),
            self.tr("De reservekopie is teruggezet. De app sluit nu; start hem opnieuw.")
            + (self.tr("\n\nDe database van daarvoor staat in:\n%s") % safety if safety else ""),
        )
        self.accept()

    def _tell(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Reservekopie terugzetten"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def choose_backup_dir(context: AppContext, parent: QWidget) -> Path | None:
    """Let the user point backups at another folder (a network share, say)."""
    chosen = QFileDialog.getExistingDirectory(
        parent, parent.tr("Map voor reservekopieën"), str(context.backup_dir())
    )
    if not chosen:
        return None
    folder = Path(chosen)
    return context.perform(
        parent,
        lambda session: backups.set_backup_dir(session, folder),
        changes=(),
        title=parent.tr("Map niet gekozen"),
    )


class Damaged(Enum):
    """What the user chose for a database that failed its check at start."""

    RESTORED = "restored"  # the newest good backup is back: open it
    READ_ONLY = "read-only"  # open the damaged file read-only, to look and export
    QUIT = "quit"


def offer_restore_of_damaged(
    database_file: Path,
    backup_dir: Path,
    message: str,
    key: DatabaseKey | None = None,
    *,
    ask: Callable[[QMessageBox], QAbstractButton | None] | None = None,
) -> Damaged:
    """At start, the database failed its integrity check: offer the newest good backup (that
    `key`, the database's, opens), opening it read-only, or quitting. Nothing is replaced
    without the user's choice; quitting is the default. `ask` runs the box (tests answer)."""
    good = backups.newest_good(database_file, backup_dir, key)
    box = QMessageBox(
        QMessageBox.Icon.Critical, translate("Restore", "Database beschadigd"), message
    )
    if good is None:
        box.setInformativeText(
            translate(
                "Restore",
                "Er is geen bruikbare reservekopie gevonden in %s. U kunt de database "
                "alleen-lezen openen om te bekijken en te exporteren wat er nog in staat.",
            )
            % backup_dir
        )
    else:
        box.setInformativeText(
            translate(
                "Restore",
                "Nieuwste goede reservekopie: %s (%s).\n\nTerugzetten bewaart eerst de "
                "beschadigde database. Alleen-lezen openen verandert niets: bekijken en "
                "exporteren kan, opslaan niet.",
            )
            % (f"{good.made_at:%d-%m-%Y %H:%M}", describe(good))
        )
    restore = (
        box.addButton(
            translate("Restore", "Reservekopie terugzetten"), QMessageBox.ButtonRole.AcceptRole
        )
        if good is not None
        else None
    )
    read_only = box.addButton(
        translate("Restore", "Alleen-lezen openen"), QMessageBox.ButtonRole.ActionRole
    )
    quit_button = box.addButton(
        translate("Restore", "Afsluiten"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(quit_button)  # replacing a database is never the default
    box.setEscapeButton(quit_button)
    clicked = ask(box) if ask is not None else (box.exec(), box.clickedButton())[1]
    if clicked is read_only:
        return Damaged.READ_ONLY
    if clicked is not restore or good is None:
        return Damaged.QUIT
    try:
        backups.restore_backup(database_file, good.path, backup_dir, damaged=True, key=key)
    except BackupError as error:
        QMessageBox.critical(None, translate("Restore", "Niet teruggezet"), error.user_message)
        return Damaged.QUIT
    return Damaged.RESTORED
