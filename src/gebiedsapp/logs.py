"""The log file (data dir/logs/gebiedsapp.log), shared by the window and the command line.

The terminal and the window show Dutch messages only; the English detail (tracebacks, SQLite's
own words) goes here. `-v` makes the log more detailed. The folder is made on the first record,
so a command that has nothing to log leaves no data folder behind.
"""

from __future__ import annotations

import logging
import os
from io import TextIOWrapper
from pathlib import Path

from gebiedsapp import __version__
from gebiedsapp.paths import AppPaths

LOG_NAME = "gebiedsapp.log"


class _LogFile(logging.FileHandler):
    """A log file whose folder is made when the first record arrives, kept to `max_bytes`:
    a full one becomes .1 (.1 becomes .2, ...; `backups` kept), as logging.handlers'
    RotatingFileHandler does. Not that one: its module imports socket, pickle and queue, about
    a tenth of a bare window's start before the passphrase dialog (issue 19)."""

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.max_bytes = max_bytes
        self.backups = backups

    def _open(self) -> TextIOWrapper:
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._roll_over()
        except Exception:  # as logging's handlers: never raise from a log call
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        size = self.stream.tell()
        return size > 0 and size + len(self.format(record)) + 1 >= self.max_bytes

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # reopened by the next record
        base = Path(self.baseFilename)
        for number in range(self.backups - 1, 0, -1):
            older = base.with_name(f"{base.name}.{number}")
            if older.exists():
                os.replace(older, base.with_name(f"{base.name}.{number + 1}"))
        if base.exists():
            os.replace(base, base.with_name(f"{base.name}.1"))

    def handleError(self, record: logging.LogRecord) -> None:
        """A log that cannot be written (full disk, read-only folder) never stops the app and
        never prints English to the user's terminal."""


_installed: _LogFile | None = None
_level_before = logging.WARNING


def log_file(paths: AppPaths) -> Path:
    return paths.log_dir / LOG_NAME


def setup_logging(paths: AppPaths, *, verbose: bool = False, program: str = "") -> Path:
    """Send the app's log records to the log file (INFO, or DEBUG with `verbose`) and nowhere
    else; calling it again (a second CLI run in one process) replaces the earlier file."""
    global _installed, _level_before
    close_logging()
    root = logging.getLogger()
    _level_before = root.level
    path = log_file(paths)
    handler = _LogFile(path, max_bytes=1_000_000, backups=3)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    _installed = handler
    if verbose:
        logging.getLogger(__name__).debug(
            "Gebiedsapp %s %s (pid %d), detailed log", __version__, program, os.getpid()
        )
    return path


def close_logging() -> None:
    """Detach the log file again (the end of a CLI run or of the window; tests run many)."""
    global _installed
    if _installed is not None:
        root = logging.getLogger()
        root.removeHandler(_installed)
        root.setLevel(_level_before)
        _installed.close()
        _installed = None
