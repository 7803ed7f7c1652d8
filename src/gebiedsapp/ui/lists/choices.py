"""Lijsten's theme and author filters' choices, read on the worker. The authors are everyone
who recorded a conversation, contact or round: one seek per name in the created_by indexes
(migration 0015; milliseconds at ten times the data, where the read of every record it
replaces took seconds, issue 19). Both are read when the screen is first shown, between its
list's first rows and the rest, and again after what they list changed (a save, a sync, an
erasure): at once on a shown screen, else when it is shown again."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from gebiedsapp.services.lists import authors
from gebiedsapp.services.taxonomy import list_themes
from gebiedsapp.ui.admin.common import INDENT
from gebiedsapp.ui.contacts.themes import theme_options
from gebiedsapp.ui.context import CONTACTS, KOFFIEKAR, THEMES, AppContext

if TYPE_CHECKING:  # mypy sees the widget this mixes into; at run time Qt's class comes after it
    _Widget = QWidget
else:
    _Widget = object

log = logging.getLogger(__name__)

AUTHORS = "authors"
RECORDS = frozenset({KOFFIEKAR, CONTACTS})  # what the authors come from (a sync: all kinds)

Items = list[tuple[str, str]]  # (data, text) of a combo's choices


class FilterChoices(_Widget):
    """Mix in before QWidget; the screen calls `_choices_changed` with every change and
    `_read_choices` when shown or refreshed (after its first rows, before its whole list)."""

    context: AppContext
    theme_combo: QComboBox
    author_combo: QComboBox
    _stale_choices: set[str]

    def _fill(self, combo: QComboBox, items: Items) -> None:
        raise NotImplementedError  # the screen's

    def _watch_choices(self) -> None:
        self._stale_choices = {THEMES, AUTHORS}
        self._fill(self.author_combo, [])  # (alle), until the names are in

    def _choices_changed(self, kinds: frozenset[str]) -> None:
        """Marks what `kinds` may have changed; read with the lists that follow the change."""
        if THEMES in kinds:
            self._stale_choices.add(THEMES)
        if kinds & RECORDS:
            self._stale_choices.add(AUTHORS)

    def _read_choices(self) -> None:
        """The stale choices, each read on the worker (a few milliseconds)."""
        context = self.context

        def themes() -> Items:
            with context.read() as session:
                options = theme_options(list_themes(session))
            return [(str(o.id), (INDENT if o.parent_id else "") + o.name) for o in options]

        def names() -> Items:
            with context.read() as session:
                return [(name, name) for name in authors(session)]

        work: dict[str, tuple[Callable[[], Items], QComboBox]] = {
            THEMES: (themes, self.theme_combo),
            AUTHORS: (names, self.author_combo),
        }
        for kind in sorted(self._stale_choices):
            read, combo = work[kind]
            self.context.background.submit(
                f"lists-{kind}", read, owner=self,
                on_done=functools.partial(self._fill, combo),
                on_error=functools.partial(self._choices_failed, kind),
            )  # fmt: skip
        self._stale_choices.clear()

    def _choices_failed(self, kind: str, error: Exception) -> None:
        log.error("%s not read: %s", kind, error)
        self._stale_choices.add(kind)  # read again when the screen is shown again
