"""Lijsten's author filter. Its names are every record's author: a scan of conversations,
contacts and rounds that no index serves (seconds at ten times the data, and the one reads
worker waits for it), so they are read on the worker when the user goes to the filter, once,
and then kept up to date by the screen (issue 19)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox, QWidget

from gebiedsapp.services.lists import authors
from gebiedsapp.ui.context import AppContext

if TYPE_CHECKING:  # mypy sees the widget this mixes into; at run time Qt's class comes after it
    _Widget = QWidget
else:
    _Widget = object

log = logging.getLogger(__name__)


class AuthorFilter(_Widget):
    """Mix in before QWidget; call `_watch_authors` once the combo is built."""

    context: AppContext
    author_combo: QComboBox
    _authors: set[str] | None = None  # the names, once read
    _authors_asked = False

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        raise NotImplementedError  # the screen's

    def _watch_authors(self) -> None:
        self._fill(self.author_combo, [])  # (alle); the names when the user goes there
        self.author_combo.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Focus or a click on the author filter reads its names (once)."""
        wanted = (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress)
        if watched is self.author_combo and event.type() in wanted and not self._authors_asked:
            self._read_authors()
        return super().eventFilter(watched, event)

    def _read_authors(self) -> None:
        self._authors_asked, context = True, self.context

        def work() -> list[str]:
            with context.read() as session:
                return authors(session)

        self.context.background.submit(
            "lists-authors", work, owner=self, on_done=self._on_authors,
            on_error=self._on_authors_failed,
        )  # fmt: skip

    def _on_authors_failed(self, error: Exception) -> None:
        log.error("authors not read: %s", error)
        self._authors_asked = False  # tried again when the user goes to the filter again

    def _on_authors(self, names: list[str]) -> None:
        self._authors = set(names)
        self._fill(self.author_combo, [(n, n) for n in sorted(self._authors)])
