"""An error nobody caught: into the log file, a Dutch message that says what is safe, and on.

Without this, an exception in a slot was printed to a console nobody sees and the click
seemed to do nothing. Now it is logged with the app's version, and the user reads that saved
work is saved and that what they were typing is kept as a draft (the forms are asked to write
their drafts at once). One message at a time, and the same fault is shown once: an error that
repeats on every repaint must not bury the window under dialogs. The app goes on; a form that
keeps failing can be closed, and the draft is offered at the next start.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gebiedsapp import __version__
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

TITLE = QT_TRANSLATE_NOOP("ExceptionReporter", "Er ging iets mis")
MESSAGE = QT_TRANSLATE_NOOP(
    "ExceptionReporter",
    "Er ging iets mis in de Gebiedsapp. Wat je al had opgeslagen, is veilig. Wat je aan het "
    "typen was, is als concept bewaard.\n\n"
    "Je kunt gewoon verder werken. Lukt iets steeds niet, sluit de app dan en start hem "
    "opnieuw: je concepten worden dan aangeboden onder 'Herstel je werk?'.\n\n"
    "De technische details staan in het logboek:\n%s",
)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _where(info: ExcInfo) -> tuple[str, str, int]:
    """The fault's signature: its type and the innermost line it came from."""
    frames = traceback.extract_tb(info[2]) if info[2] is not None else []
    last = frames[-1] if frames else None
    return (info[0].__name__, last.filename if last else "", last.lineno or 0 if last else 0)


class ExceptionReporter(QObject):
    """Installed as sys.excepthook (and threading.excepthook) for the window's lifetime."""

    _from_thread = Signal(object)

    def __init__(
        self,
        log_path: Path,
        *,
        flush: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.flush = flush  # writes the open forms' drafts (the main window's flush_drafts)
        self.box: QMessageBox | None = None
        self.shown: set[tuple[str, str, int]] = set()
        self.reported = 0
        self._previous: tuple[object, object] | None = None
        self._from_thread.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.hook
        threading.excepthook = self.thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def hook(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        self.reported += 1
        log.critical(
            "uncaught exception (Gebiedsapp %s)", __version__, exc_info=(kind, error, trace)
        )
        if threading.current_thread() is threading.main_thread():
            # after the failing slot has returned: no dialog inside a half-run event handler
            QTimer.singleShot(0, lambda info=(kind, error, trace): self._show(info))
        else:
            self._from_thread.emit((kind, error, trace))

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return  # a thread that ends itself, as Python's own hook ignores it
        if args.exc_value is None:
            log.critical("uncaught %s in a thread (Gebiedsapp %s)", args.exc_type, __version__)
            return
        self.hook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, info: ExcInfo) -> None:
        where = _where(info)
        if self.box is not None or where in self.shown:
            return  # one at a time, and each fault once: logged all the same
        self.shown.add(where)
        if self.flush is not None:
            try:
                self.flush()
            except Exception:  # the message matters more; the log has it
                log.exception("writing the drafts after an error failed")
        parent = QApplication.activeWindow()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ExceptionReporter", TITLE),
            QCoreApplication.translate("ExceptionReporter", MESSAGE) % self.log_path,
            QMessageBox.StandardButton.Ok,
            parent if isinstance(parent, QWidget) else None,
        )
        box.setObjectName("uncaughtError")
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._closed)
        self.box = box
        box.open()

    def _closed(self) -> None:
        self.box = None
