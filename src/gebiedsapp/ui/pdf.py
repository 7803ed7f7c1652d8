"""Making a PDF from the app and doing something with it: look at it, print it, save it.

The PDF is written by `services.reports` on the background worker while a progress dialog with
'Annuleren' shows; what happens next runs on the GUI thread:

- preview: an in-app viewer (QtPdf) where available, otherwise the system's PDF viewer;
- print: the printer dialog, then each page rendered at up to 300 dpi (QtPdf), or the PDF
  itself when printing to a PDF file;
- save: the save-as dialog first, then the PDF written straight to the chosen file.

Preview and print use a file in a private temporary folder that is removed when the app quits.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QObject, QRect, QSize, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import AuditAction
from gebiedsapp.services import audit
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.reports import Progress, ReportCancelledError
from gebiedsapp.storage.errors import os_words
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.export import file_stem
from gebiedsapp.ui.palette import PAPER
from gebiedsapp.ui.previews import PREVIEW_PREFIX as PREVIEW_PREFIX
from gebiedsapp.ui.previews import remove_stale_previews as remove_stale_previews

log = logging.getLogger(__name__)

# (session, file to write, progress) -> pages written; runs on the worker thread
Build = Callable[[Session, Path, Progress], int]

_temp_dir: tempfile.TemporaryDirectory[str] | None = None


def temp_pdf(name: str) -> Path:
    """A path in the app's own temporary folder (removed at exit) for a preview or a print."""
    global _temp_dir
    if _temp_dir is None:
        _temp_dir = tempfile.TemporaryDirectory(prefix=PREVIEW_PREFIX)  # private (0700)
    return Path(_temp_dir.name) / name


def pdf_name(*parts: str) -> str:
    """('samenvatting', 'Bad Nieuweschans', 'maart 2026') -> a safe file name:
    'samenvatting-bad-nieuweschans-maart-2026.pdf'."""
    return "-".join(file_stem(part) for part in parts if part) + ".pdf"


def has_pdf_viewer() -> bool:
    try:
        from PySide6 import QtPdf, QtPdfWidgets  # noqa: F401
    except ImportError:  # a Qt build without the PDF module
        return False
    return True


class _Relay(QObject):
    progress = Signal(int, int)  # emitted on the worker, delivered on the GUI thread


class PdfMaker(QObject):
    """Writes one PDF at a time on the background worker, with progress and cancel."""

    made = Signal(object, int)  # path, pages
    failed = Signal(str)  # the Dutch message shown

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent
        self.busy = False
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._dialog: QProgressDialog | None = None
        self._cancel = threading.Event()

    def make(
        self,
        path: Path,
        build: Build,
        then: Callable[[Path], None] | None = None,
        *,
        what: str = "PDF",
    ) -> bool:
        """Write the PDF to `path`; `then(path)` on success. False when one is being made.
        `what` (e.g. "Werkbon") goes into the audit log, as a print."""
        if self.busy:
            return False
        self.busy = True
        self._cancel = threading.Event()
        cancel, relay, context = self._cancel, self._relay, self.context

        def progress(done: int, total: int) -> bool:
            relay.progress.emit(done, total)
            return not cancel.is_set()

        def work() -> int:
            with context.read() as session:
                pages = build(session, path, progress)
            try:  # a print nobody can account for is not kept
                with context.database.unit_of_work(context.actor) as session:
                    pages_text = "1 pagina" if pages == 1 else f"{pages} pagina's"
                    audit.note(session, AuditAction.PRINT, detail=f"{what}, {pages_text}")
            except BaseException:
                path.unlink(missing_ok=True)
                raise
            return pages

        dialog = QProgressDialog(
            self.widget.tr("PDF maken…"), self.widget.tr("Annuleren"), 0, 0, self.widget
        )
        dialog.setWindowTitle(self.widget.tr("PDF maken"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(600)  # a short report is done before the dialog shows
        dialog.canceled.connect(cancel.set)
        self._dialog = dialog
        context.background.submit(
            f"pdf-{id(self)}",
            work,
            owner=self,
            on_done=lambda pages: self._finished(path, pages, then),
            on_error=lambda error: self._failed(path, error),
        )
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def _on_progress(self, done: int, total: int) -> None:
        if self._dialog is None:
            return
        self._dialog.setMaximum(total)
        self._dialog.setValue(done)
        self._dialog.setLabelText(self.widget.tr("PDF maken… deel %d van %d") % (done, total))

    def _close_dialog(self) -> None:
        self.busy = False
        if self._dialog is not None:
            self._dialog.canceled.disconnect()
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None

    def _finished(self, path: Path, pages: int, then: Callable[[Path], None] | None) -> None:
        # a cancel after the last section arrives too late to stop anything: the PDF is whole
        self._close_dialog()
        log.info("pdf written: %s (%d pages)", path.name, pages)
        self.made.emit(path, pages)
        if then is not None:
            then(path)

    def _failed(self, path: Path, error: Exception) -> None:
        self._close_dialog()
        if isinstance(error, ReportCancelledError):
            self.failed.emit(self.widget.tr("Geannuleerd; er is geen PDF gemaakt."))
            return
        if isinstance(error, ValidationError | NotFoundError):
            message = error.message
        elif isinstance(error, OSError):
            message = self.widget.tr(
                "De PDF %s kon niet worden opgeslagen (%s). Kies een andere map, of sluit het "
                "bestand als het in een PDF-lezer openstaat."
            ) % (path.name, os_words(error.errno))
        else:
            log.error("pdf failed", exc_info=error)
            message = self.widget.tr(
                "De PDF kon niet worden gemaakt; zie het logboek. Technische melding: %s"
            ) % (error.__class__.__name__)
        self.failed.emit(message)
        QMessageBox.warning(self.widget, self.widget.tr("Geen PDF"), message)


# -- save as -----------------------------------------------------------------------------------

_last_dir: Path | None = None


def ask_save_path(parent: QWidget, suggested_name: str) -> Path | None:
    """The save-as dialog in the last used folder (else Documenten); the name ends in .pdf."""
    global _last_dir
    folder = _last_dir or Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        or Path.home()
    )
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, parent.tr("Opslaan als PDF"), str(folder / suggested_name), "PDF (*.pdf)"
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    _last_dir = path.parent
    return path


def tell_saved(parent: QWidget, path: Path) -> None:
    QMessageBox.information(
        parent, parent.tr("Opgeslagen"), parent.tr("PDF opgeslagen:\n%s") % path
    )


# -- preview -----------------------------------------------------------------------------------


class PdfPreview(QDialog):
    """A PDF in a window: scroll through all pages, zoomed to the window's width."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        super().__init__(parent)
        self.setWindowTitle(title)
        self.path = path
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        self.print_button = buttons.addButton(
            self.tr("Af&drukken…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.clicked.connect(lambda: print_pdf(self, path))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        screen = parent.screen() if parent is not None else QApplication.primaryScreen()
        room = screen.availableGeometry()
        # an A4 page wide, as tall as the screen allows (768 px on many laptops)
        self.resize(min(820, room.width() - 40), min(1000, room.height() - 60))

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())


def show_pdf(parent: QWidget, path: Path, title: str) -> PdfPreview | None:
    """The in-app preview (non-modal, so the report can sit beside the app), or the system's
    PDF viewer where this Qt has no PDF module."""
    if not has_pdf_viewer():
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(
                parent,
                parent.tr("Geen PDF-lezer"),
                parent.tr("Er is geen programma gevonden om PDF's te openen. De PDF staat in:\n%s")
                % path,
            )
        return None
    preview = PdfPreview(path, title, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.show()
    return preview


# -- printing ----------------------------------------------------------------------------------


MAX_PRINT_DPI = 300  # sharp on paper; 600 dpi made an 86 kB summary a 23 MB print job


def print_dpi(printer: Any) -> int:
    """The resolution pages are rasterised at: the printer's, but at most MAX_PRINT_DPI."""
    return max(72, min(int(printer.resolution()), MAX_PRINT_DPI))


def render_to_printer(path: Path, printer: Any, progress: Callable[[int, int], bool]) -> int:
    """Put the PDF on `printer`; the pages printed.

    Printing to a PDF file copies the PDF itself (vector, nothing lost). Paper gets each page
    rasterised by QtPdf at `print_dpi` (grey when the printer prints grey), which keeps the job
    small; Qt scales the image to the printer's resolution."""
    from PySide6.QtGui import QImage
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        raise OSError(f"cannot read {path.name}")
    pages = int(document.pageCount())
    first, last = printer.fromPage(), printer.toPage()  # 0, 0: all pages
    wanted = range(first - 1, last) if first > 0 else range(pages)
    wanted = range(wanted.start, min(wanted.stop, pages))
    target_file = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target_file and first == 0:
        progress(0, pages)
        shutil.copyfile(path, target_file)
        return pages
    grey = printer.colorMode() == QPrinter.ColorMode.GrayScale
    dpi = print_dpi(printer)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("printer not ready")
    try:
        for done, page in enumerate(wanted):
            if not progress(done, len(wanted)):
                printer.abort()
                return done
            if done:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size, fillColor=PAPER)
            image = image.convertToFormat(
                QImage.Format.Format_Grayscale8 if grey else QImage.Format.Format_RGB888
            )
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
        return len(wanted)
    finally:
        painter.end()


def print_pdf(parent: QWidget, path: Path) -> int:
    """The printer dialog, then the pages; the number printed (0 when the user stopped)."""
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    if not has_pdf_viewer():
        # without QtPdf the system viewer prints
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return 0
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    printer.setFullPage(True)  # the PDF has its own margins
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(parent.tr("Afdrukken"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    progress = QProgressDialog(parent.tr("Afdrukken…"), parent.tr("Annuleren"), 0, 0, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(600)

    def step(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        return not progress.wasCanceled()

    try:
        return render_to_printer(path, printer, step)
    except OSError as error:
        QMessageBox.warning(
            parent, parent.tr("Niet afgedrukt"), parent.tr("Afdrukken is mislukt: %s") % error
        )
        return 0
    finally:
        progress.reset()


# -- the three buttons -------------------------------------------------------------------------


class PdfActions(QObject):
    """Preview, print and save of one kind of PDF; `job()` says what to make now:
    (file name, window title, build) or None when there is nothing to make."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        job: Callable[[], tuple[str, str, Build] | None],
    ) -> None:
        super().__init__(parent)
        self.widget = parent
        self.job = job
        self.maker = PdfMaker(context, parent)
        self.preview: PdfPreview | None = None
        self.ask_path: Callable[[QWidget, str], Path | None] = ask_save_path  # tests replace it
        self.after_save: Callable[[QWidget, Path], None] = tell_saved
        self.printer: Callable[[QWidget, Path], int] = print_pdf

    def menu_button(self, text: str, parent: QWidget) -> QPushButton:
        """One button with Voorbeeld / Afdrukken… / Opslaan als PDF… in its menu."""
        button = QPushButton(text, parent)
        # the menu belongs to the owner, not to the button: screens that show and hide their
        # children wholesale must not show a popup
        menu = QMenu(self.widget)
        menu.addAction(parent.tr("Voorbeeld bekijken"), self.show_preview)
        menu.addAction(parent.tr("Afdrukken…"), self.print)
        menu.addAction(parent.tr("Opslaan als PDF…"), self.save)
        button.setMenu(menu)
        return button

    def show_preview(self) -> bool:
        job = self.job()
        if job is None:
            return False
        name, title, build = job

        def opened(path: Path) -> None:
            self.preview = show_pdf(self.widget, path, title)

        return self.maker.make(temp_pdf(name), build, opened, what=title)

    def print(self) -> bool:
        job = self.job()
        if job is None:
            return False
        name, title, build = job

        def send(path: Path) -> None:
            self.printer(self.widget, path)

        return self.maker.make(temp_pdf(name), build, send, what=title)

    def save(self) -> bool:
        job = self.job()
        if job is None:
            return False
        name, title, build = job
        path = self.ask_path(self.widget, name)
        if path is None:
            return False
        return self.maker.make(
            path, build, lambda path: self.after_save(self.widget, path), what=title
        )
