"""The first-run wizard's practice database: fake data in a separate file, never the real one.

`demo.db` in the data folder, made by the same service as `gebiedsapp demo-data`, encrypted
with the real database's key (so the same passphrase opens it), and opened in a second window
(a second process with `--database`), so the real database never holds a fake record.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from gebiedsapp.paths import AppPaths
from gebiedsapp.services import demo as demo_data
from gebiedsapp.services.database_access import DatabaseKey
from gebiedsapp.startup import open_database
from gebiedsapp.ui.context import AppContext

log = logging.getLogger(__name__)

DEMO_NAME = "demo.db"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DemoDatabase", text)


def demo_path(context: AppContext) -> Path | None:
    """Where the practice database goes; None where there must be none (the real database is
    on a server, or is itself that file)."""
    real = context.database.file
    path = context.paths.data_dir / DEMO_NAME
    if real is None or path.resolve() == real.resolve():
        return None
    return path


def make_demo_database(path: Path, *, paths: AppPaths, key: DatabaseKey | None, actor: str) -> bool:
    """Fill a new `path` with small demo data (`actor` signed in as one regisseur); False when
    it is there already (then it is left as it is). Runs on the worker."""
    if path.exists():
        return False
    opened = open_database(f"sqlite:///{path}", paths, actor=actor, key=key)
    try:
        with opened.database.unit_of_work(actor) as session:
            demo_data.generate(session, size="small", seed=1, account=actor)
    finally:
        opened.database.dispose()
    return True


def open_in_second_window(path: Path) -> bool:
    """Start the app again on `path`, beside this window (the bundle's executable, or this
    Python with `-m gebiedsapp`)."""
    if getattr(sys, "frozen", False):
        program, arguments = sys.executable, ["--database", str(path)]
    else:
        program, arguments = sys.executable, ["-m", "gebiedsapp", "--database", str(path)]
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


class DemoPage(QWizardPage):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Oefenen met voorbeeldgegevens"))
        self.setSubTitle(self.tr("Mag overgeslagen worden."))
        self.path = demo_path(context)
        layout = QVBoxLayout(self)
        self.demo_check = QCheckBox(
            self.tr("Een oefendatabase met verzonnen gegevens maken en openen"), self
        )
        if self.path is None:
            text = self.tr(
                "Voorbeeldgegevens zijn verzonnen en komen nooit in uw echte database. Hier "
                "kan geen aparte oefendatabase naast worden gemaakt; vraag uw beheerder."
            )
            self.demo_check.setEnabled(False)
        else:
            text = self.tr(
                "Wilt u eerst oefenen? De voorbeeldgegevens zijn verzonnen (nep: geen echte "
                "bewoners of gesprekken) en komen nooit in uw echte database, maar in een "
                "aparte oefendatabase:\n%s\n\nDie opent in een tweede venster, met hetzelfde "
                "wachtwoord. Uw echte database blijft leeg tot u zelf iets vastlegt."
            ) % str(self.path)
        label = QLabel(text, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.demo_check)
        layout.addStretch(1)

    def wanted(self) -> Path | None:
        return self.path if self.demo_check.isChecked() else None


def start_demo(window: QWidget, context: AppContext, path: Path) -> None:
    """Make the practice database on the worker, then offer to open it in a second window."""

    def made(new: bool) -> None:
        what = (
            _tr("De oefendatabase met verzonnen gegevens is gemaakt:")
            if new
            else _tr("De oefendatabase bestaat al (niet opnieuw gevuld):")
        )
        answer = QMessageBox.question(
            window,
            _tr("Oefendatabase"),
            what
            + f"\n{path}\n\n"
            + _tr(
                "Nu openen in een tweede venster? Alles wat u daar doet, blijft in de "
                "oefendatabase.",
            ),
        )
        if answer == QMessageBox.StandardButton.Yes and not open_in_second_window(path):
            QMessageBox.warning(
                window,
                _tr("Oefendatabase"),
                _tr("Een tweede venster kon niet worden gestart."),
            )

    def failed(error: Exception) -> None:
        log.error("demo database not made: %s", error)
        message = getattr(error, "user_message", None) or getattr(error, "message", None)
        QMessageBox.warning(
            window,
            _tr("Oefendatabase"),
            _tr("De oefendatabase kon niet worden gemaakt. Uw echte database is niet gewijzigd.")
            + (f"\n\n{message}" if message else ""),
        )

    context.background.submit(
        "demo-database",
        lambda: make_demo_database(
            path, paths=context.paths, key=context.database.key, actor=context.actor
        ),
        owner=window,
        on_done=made,
        on_error=failed,
    )
