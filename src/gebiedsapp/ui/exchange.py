"""Bestand → Uitwisselingsbestand maken / inlezen: team sync by file for a laptop that never
reaches the team server (services.sync.exchange). The work runs on the background worker;
a refusal (wrong passphrase, a spoilt or foreign file) is said in the dialog, which stays open
with what was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.services.sync import exchange
from gebiedsapp.services.sync.model import SyncError
from gebiedsapp.ui.context import (
    ACTIONS,
    AREAS,
    CATEGORIES,
    CONTACTS,
    DRAFTS,
    INITIATIVES,
    KOFFIEKAR,
    PARTNERS,
    SIGNALS,
    TEAM,
    THEMES,
    AppContext,
)
from gebiedsapp.ui.palette import style

SUFFIX = ".gbu"  # Gebiedsapp-uitwisseling
# what a file read in may have changed: every screen reads again
EVERYTHING = (
    KOFFIEKAR, CONTACTS, SIGNALS, INITIATIVES, ACTIONS, AREAS, DRAFTS, TEAM, THEMES, PARTNERS,
    CATEGORIES,
)  # fmt: skip


class ExchangeDialog(QDialog):
    """Make (`reading=False`) or read (`reading=True`) an exchange file."""

    def __init__(self, context: AppContext, parent: QWidget | None, *, reading: bool) -> None:
        super().__init__(parent)
        self.context, self.reading = context, reading
        self.running = False
        self.setWindowTitle(
            self.tr("Uitwisselingsbestand inlezen")
            if reading
            else self.tr("Uitwisselingsbestand maken")
        )
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Lees de wijzigingen in van een laptop die de teamserver niet bereikt. Wat "
                "op beide laptops is veranderd, wordt samengevoegd; verschillen die niet "
                "samen kunnen gaan komen in het scherm Conflicten. De wijzigingen gaan bij "
                "de volgende synchronisatie mee naar de teamserver."
            )
            if reading
            else self.tr(
                "Schrijf de wijzigingen van deze laptop naar een versleuteld bestand, voor "
                "een collega of het kantoor als deze laptop de teamserver niet bereikt. De "
                "wijzigingen blijven ook hier klaarstaan voor de teamserver. Geef het "
                "wachtwoord apart door, niet in dezelfde e-mail als het bestand."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("Bestand"))
        if not reading:
            self.path_edit.setText(str(_suggested(context.actor)))
        choose = QPushButton(self.tr("Kiezen…"))
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Bestand:"), row)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Wachtwoord van het bestand"))
        form.addRow(self.tr("Wachtwoord:"), self.passphrase)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Wachtwoord nogmaals"))
        self.everything = QCheckBox(
            self.tr(
                "Alle wijzigingen die nog naar de teamserver moeten (niet alleen die sinds het "
                "vorige bestand)"
            )
        )
        if not reading:
            form.addRow(self.tr("Nogmaals:"), self.again)
            layout.addWidget(self.everything)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        style(self.problem, "color: $warning; font-weight: bold;")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        layout.addWidget(self.result_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.go = self.buttons.addButton(
            self.tr("Inlezen") if reading else self.tr("Maken"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.go.setDefault(True)
        self.go.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def choose_file(self) -> None:
        current = self.path_edit.text().strip() or str(_folder())
        pattern = self.tr("Uitwisselingsbestanden (*%s)") % SUFFIX
        if self.reading:
            chosen, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), current, pattern)
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), current, pattern)
        if chosen:
            self.path_edit.setText(chosen)

    def _say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))

    def start(self) -> None:
        if self.running:
            return
        text = self.path_edit.text().strip()
        passphrase = self.passphrase.text()
        if not text:
            self._say(self.tr("Kies eerst een bestand."))
            return
        path = Path(text).expanduser()
        if not self.reading and path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        if not self.reading and passphrase != self.again.text():
            self._say(self.tr("De twee wachtwoorden zijn niet gelijk; er is niets gedaan."))
            return
        self._say("")
        self.running = True
        self.go.setEnabled(False)
        self.result_label.setText(self.tr("Bezig…"))
        self.result_label.show()
        database, actor = self.context.database, self.context.actor
        work: Callable[[], object]
        if self.reading:
            work = lambda: exchange.import_changes(database, path, passphrase, actor=actor)  # noqa: E731
        else:
            everything = self.everything.isChecked()
            work = lambda: exchange.export_changes(  # noqa: E731
                database, path, passphrase, actor=actor, everything=everything
            )
        self.context.background.submit(
            "exchange", work, owner=self, on_done=self._done, on_error=self._failed
        )

    def _done(self, summary: object) -> None:
        self.running = False
        self.go.setEnabled(True)
        if isinstance(summary, exchange.ImportSummary):
            text = self.tr(
                "Ingelezen van %s: %d nieuw, %d bijgewerkt, %d gewist, %d al aanwezig, "
                "%d conflicten."
            ) % (
                summary.made_by,
                summary.added,
                summary.merged,
                summary.erased,
                summary.unchanged,
                summary.conflicts,
            )
            if summary.conflicts:
                text += " " + self.tr("Los de conflicten op in het scherm Conflicten.")
            self.context.hub.announce(*EVERYTHING)
        elif isinstance(summary, exchange.ExportSummary):
            text = self.tr("%d wijzigingen geschreven naar %s.") % (summary.rows, summary.path)
        else:  # pragma: no cover - the worker returns one of the two
            text = ""
        self.result_label.setText(text)
        self.passphrase.clear()
        self.again.clear()

    def _failed(self, error: Exception) -> None:
        self.running = False
        self.go.setEnabled(True)
        self.result_label.hide()
        if isinstance(error, SyncError):
            self._say(error.message)
        else:
            self._say(
                self.tr("Het lukte niet: %s. Er is niets gewijzigd.") % error.__class__.__name__
            )


def _folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def _suggested(actor: str) -> Path:
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in actor) or "laptop"
    return _folder() / f"gebiedsapp-wijzigingen-{safe}-{date.today():%Y-%m-%d}{SUFFIX}"


def open_exchange(context: AppContext, parent: QWidget | None, *, reading: bool) -> None:
    ExchangeDialog(context, parent, reading=reading).exec()
