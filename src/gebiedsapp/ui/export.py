"""'Exporteren…' for every list: a small dialog (CSV or XLSX, personal data or not), a save-as
dialog with a sensible name, then the export on the background worker with progress and cancel.

What goes in, and whether personal data may, is decided in services (`list_exports`,
`permissions`); this dialog only offers the choice, and the service refuses again whatever the
dialog did.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import AuditAction
from gebiedsapp.services import audit
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.export import (
    ExportCancelledError,
    ExportFormat,
    ExportTable,
    csv_paths,
    write_file,
)
from gebiedsapp.services.geojson_export import GeoJsonExport, write_geojson
from gebiedsapp.services.list_exports import ExportOptions
from gebiedsapp.services.permissions import may_export_personal_data
from gebiedsapp.storage.errors import os_words
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.formatting import format_number
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "Alleen gebiedsregisseurs en opbouwwerkers met een lopende toewijzing mogen "
    "persoonsgegevens van bewoners exporteren. Koppel je account aan je teamlid in "
    "Beheer → Teams als dat voor jou hoort te gelden.",
)
NO_PERSONAL_DATA = QT_TRANSLATE_NOOP(
    "ExportDialog", "Deze lijst bevat geen persoonsgegevens van bewoners."
)
PERSONAL_WARNING = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "Let op: het bestand bevat dan namen, telefoonnummers en e-mailadressen van bewoners. "
    "Bewaar het alleen op een beveiligde plek en verwijder het als het niet meer nodig is.",
)
_FILTERS = {
    ExportFormat.XLSX: QT_TRANSLATE_NOOP("Exporter", "Excel-werkmap (*.xlsx)"),
    ExportFormat.CSV: QT_TRANSLATE_NOOP("Exporter", "CSV voor Excel (*.csv)"),
    ExportFormat.GEOJSON: QT_TRANSLATE_NOOP("Exporter", "GeoJSON voor GIS (*.geojson)"),
}


@dataclass(frozen=True)
class ExportJob:
    """What a screen exports now: a file name stem and how to build its tables."""

    name: str  # e.g. "gesprekken": the file becomes gesprekken-2026-11-26.xlsx
    build: Callable[[Session, ExportOptions], Sequence[ExportTable]]
    personal_data: bool = False  # the list has residents' details to offer
    # the list as points for GIS (GeoJSON), where the list has coordinates
    geojson: Callable[[Session], GeoJsonExport] | None = None


def file_stem(text: str) -> str:
    """'Koffiekar Bad Nieuweschans' -> 'koffiekar-bad-nieuweschans' (safe on every system)."""
    stem = re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-")
    return stem or "export"


def default_file_name(name: str, fmt: ExportFormat, today: date) -> str:
    return f"{file_stem(name)}-{today.isoformat()}.{fmt.value}"


class ExportDialog(QDialog):
    """Format and the personal-data choice (unchecked; disabled when not allowed)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        allowed: bool,
        personal_data: bool,
        geojson: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exporteren"))
        self.xlsx_button = QRadioButton(self.tr("Excel-werkmap (.xlsx)"), self)
        self.csv_button = QRadioButton(self.tr("CSV voor Excel (.csv, puntkomma's)"), self)
        self.geojson_button = QRadioButton(
            self.tr("GeoJSON voor GIS, zoals QGIS (.geojson; kaartpunten zonder persoonsgegevens)"),
            self,
        )
        self.geojson_button.setVisible(geojson)
        self.xlsx_button.setChecked(True)
        self.personal = QCheckBox(self.tr("Persoonsgegevens opnemen"), self)
        self.personal.setChecked(False)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        style(self.note, "color: $muted;")
        if not personal_data:
            self.personal.setEnabled(False)
            self.note.setText(self.tr(NO_PERSONAL_DATA))
        elif not allowed:
            self.personal.setEnabled(False)
            self.note.setText(self.tr(NOT_ALLOWED))
        else:
            self.note.setText(self.tr(PERSONAL_WARNING))
            self.note.setVisible(False)
            self.personal.toggled.connect(self.note.setVisible)
        self.personal.setToolTip(self.note.text())
        if self.personal.isEnabled():  # GeoJSON never holds personal data
            self.geojson_button.toggled.connect(
                lambda checked: self.personal.setEnabled(not checked)
            )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Opslaan als…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Bestandsformaat:"), self))
        layout.addWidget(self.xlsx_button)
        layout.addWidget(self.csv_button)
        layout.addWidget(self.geojson_button)
        layout.addSpacing(8)
        layout.addWidget(self.personal)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    @property
    def fmt(self) -> ExportFormat:
        if self.geojson_button.isChecked():
            return ExportFormat.GEOJSON
        return ExportFormat.CSV if self.csv_button.isChecked() else ExportFormat.XLSX

    @property
    def with_personal_data(self) -> bool:
        return self.personal.isEnabled() and self.personal.isChecked()


class _Relay(QObject):
    rows = Signal(int)  # emitted on the worker, delivered on the GUI thread


class Exporter(QObject):
    """The 'Exporteren…' button of one screen; `job()` says what the screen shows now."""

    exported = Signal(object, int)  # path, rows written
    failed = Signal(str)  # the Dutch message shown

    _last_dir: Path | None = None  # shared by every screen: where the last export went

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        job: Callable[[], ExportJob | None],
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent
        self.job = job
        self.button = QPushButton(parent.tr("Exporteren…"), parent)
        self.button.setToolTip(
            parent.tr("De hele lijst met de gekozen filters opslaan als Excel- of CSV-bestand")
        )
        self.button.clicked.connect(self.start)
        self.busy = False
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._progress: QProgressDialog | None = None

    # -- asking ----------------------------------------------------------------------------

    def may_include_personal_data(self) -> bool:
        with self.context.read() as session:
            return may_export_personal_data(session, self.context.actor, today=date.today())

    def make_dialog(self, job: ExportJob) -> ExportDialog:
        allowed = job.personal_data and self.may_include_personal_data()
        return ExportDialog(
            self.widget,
            allowed=allowed,
            personal_data=job.personal_data,
            geojson=job.geojson is not None,
        )

    def start(self) -> None:
        """The button: dialog, save-as, export."""
        job = self.job()
        if job is None or self.busy:
            return
        dialog = self.make_dialog(job)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path = self.ask_path(job, dialog.fmt)
        if path is None:
            return
        self.export_to(path, job=job, fmt=dialog.fmt, personal=dialog.with_personal_data)

    def ask_path(self, job: ExportJob, fmt: ExportFormat) -> Path | None:
        folder = Exporter._last_dir or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        suggested = folder / default_file_name(job.name, fmt, date.today())
        chosen, _filter = QFileDialog.getSaveFileName(
            self.widget,
            self.widget.tr("Exporteren als"),
            str(suggested),
            QCoreApplication.translate("Exporter", _FILTERS[fmt]),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt.value}":
            path = path.with_name(path.name + f".{fmt.value}")
        return path

    # -- running ---------------------------------------------------------------------------

    def export_to(
        self,
        path: Path,
        *,
        job: ExportJob | None = None,
        fmt: ExportFormat = ExportFormat.XLSX,
        personal: bool = False,
    ) -> bool:
        """Export on the background worker; False when there is nothing to export or one runs."""
        job = job or self.job()
        if job is None or self.busy:
            return False
        self.busy = True
        self.button.setEnabled(False)
        self._cancel = threading.Event()
        cancel = self._cancel
        relay = self._relay
        context = self.context
        options = ExportOptions(actor=context.actor, today=date.today(), personal=personal)

        def progress(rows: int) -> bool:
            relay.rows.emit(rows)
            return not cancel.is_set()

        written: list[Path] = []  # every file made (a CSV of several tables: one per table)
        missing = [0]  # GeoJSON: listed signals without coordinates

        def work() -> int:
            with context.read() as session:
                if fmt is ExportFormat.GEOJSON and job.geojson is not None:
                    points = job.geojson(session)
                    rows = write_geojson(path, points)
                    written.append(path)
                    missing[0] = points.without_coordinates
                else:
                    tables = job.build(session, options)
                    rows = write_file(path, tables, fmt=fmt, progress=progress)
                    fmt_csv = fmt is ExportFormat.CSV
                    written.extend(csv_paths(path, tables) if fmt_csv else [path])
            try:  # an export nobody can account for is not kept
                with context.database.unit_of_work(context.actor) as session:
                    audit.note(
                        session,
                        AuditAction.EXPORT,
                        record_type=job.name,
                        detail=f"{fmt.value}, {rows} rijen, "
                        + ("met persoonsgegevens" if personal else "zonder persoonsgegevens"),
                    )
            except BaseException:
                for made in written:
                    made.unlink(missing_ok=True)
                raise
            return rows

        dialog = QProgressDialog(
            self.widget.tr("Exporteren…"), self.widget.tr("Annuleren"), 0, 0, self.widget
        )
        dialog.setWindowTitle(self.widget.tr("Exporteren"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(800)  # a small list is done before it shows
        dialog.canceled.connect(cancel.set)
        relay.rows.connect(self._on_rows)
        self._progress = dialog
        context.background.submit(
            f"export-{id(self)}",
            work,
            owner=self,
            on_done=lambda rows: self._finished(path, rows, written, missing[0]),
            on_error=lambda error: self._failed(path, error),
        )
        return True

    def _on_rows(self, rows: int) -> None:
        if self._progress is not None:
            self._progress.setLabelText(
                self.widget.tr("Exporteren… %s rijen") % format_number(rows)
            )

    def _done(self) -> None:
        self.busy = False
        self.button.setEnabled(True)
        self._relay.rows.disconnect(self._on_rows)
        if self._progress is not None:
            self._progress.canceled.disconnect()
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _finished(
        self, path: Path, rows: int, written: Sequence[Path] = (), missing: int = 0
    ) -> None:
        self._done()
        Exporter._last_dir = path.parent
        self.exported.emit(path, rows)
        files = "\n".join(str(p) for p in written) if len(written) > 1 else str(path)
        text = (
            self.widget.tr("1 rij opgeslagen in:\n%s") % files
            if rows == 1
            else self.widget.tr("%s rijen opgeslagen in:\n%s") % (format_number(rows), files)
        )
        if len(written) > 1:
            text += "\n\n" + self.widget.tr(
                "Elke tabel staat in een eigen bestand, met de kolomnamen op de eerste regel."
            )
        if missing:
            text += "\n\n" + self.widget.tr(
                "%s signalen zonder coördinaten staan niet op de kaart en niet in het bestand."
            ) % format_number(missing)
        QMessageBox.information(self.widget, self.widget.tr("Geëxporteerd"), text)

    def _failed(self, path: Path, error: Exception) -> None:
        self._done()
        if isinstance(error, ExportCancelledError):
            message = self.widget.tr("Exporteren geannuleerd; er is geen bestand gemaakt.")
            self.failed.emit(message)
            QMessageBox.information(self.widget, self.widget.tr("Geannuleerd"), message)
            return
        if isinstance(error, ValidationError | NotFoundError):
            message = error.message
        elif isinstance(error, OSError):
            message = self.widget.tr(
                "Het bestand %s kon niet worden opgeslagen (%s). Kies een andere map of sluit "
                "het bestand als het in Excel openstaat."
            ) % (path.name, os_words(error.errno))
        else:
            message = (
                self.widget.tr(
                    "Exporteren is mislukt; er is geen bestand gemaakt. Zie het logboek.\n\n"
                    "Technische melding: %s"
                )
                % error.__class__.__name__
            )
        self.failed.emit(message)
        QMessageBox.warning(self.widget, self.widget.tr("Niet geëxporteerd"), message)
