"""What every screen gets handed: the open database, who is working, and the change hub.

Passed explicitly to each screen (no main-window singleton reached from everywhere). `perform()`
is the one way a screen changes data: one unit of work per user action, a Dutch message for
input the user can correct, and a broadcast of what changed so other screens can refresh.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from gebiedsapp.paths import AppPaths
from gebiedsapp.services.database_access import Database
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.storage.errors import BackupError, StorageError, explain_write_error
from gebiedsapp.ui.area_headers import AreaHeaders
from gebiedsapp.ui.background import Background

log = logging.getLogger(__name__)
T = TypeVar("T")

# What can change; screens listen for the kinds they show.
AREAS = "areas"
TEAM = "team"
THEMES = "themes"
PARTNERS = "partners"
CATEGORIES = "categories"
KOFFIEKAR = "koffiekar"  # rounds, conversations and their drafts
CONTACTS = "contacts"
ACTIONS = "actions"
DRAFTS = "drafts"  # a draft was thrown away
SIGNALS = "signals"
INITIATIVES = "initiatives"  # bewonersinitiatieven and their milestones
ACTIVITIES = "activities"  # bewonersavonden, dorpsschouwen, ... (and the agenda's threshold)
SURVEY = "survey"  # inwonersenquête outcomes were imported
CBS = "cbs"  # CBS key figures were imported
SYNC = "sync"  # a sync ran, or a conflict was resolved: counts and conflicts changed
# after a sync brought the team's changes in, every kind may have changed
ALL_KINDS = (
    AREAS, TEAM, THEMES, PARTNERS, CATEGORIES, KOFFIEKAR, CONTACTS, ACTIONS, SIGNALS,
    INITIATIVES, ACTIVITIES, SURVEY, SYNC, CBS,
)  # fmt: skip


class ChangeHub(QObject):
    """Broadcasts which kinds of data changed after a successful action (Anki's OpChanges)."""

    changed = Signal(frozenset)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # told before any listener, whatever the order they connected in
        self.first: list[Callable[[frozenset[str]], None]] = []

    def announce(self, *kinds: str) -> None:
        changed = frozenset(kinds)
        for listener in self.first:
            listener(changed)
        self.changed.emit(changed)


@dataclass
class AppContext:
    database: Database
    actor: str
    paths: AppPaths
    hub: ChangeHub
    background: Background = field(default_factory=Background)
    headers: AreaHeaders = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.headers = AreaHeaders(self.read, self.background)
        self.hub.first.append(self._forget_headers)

    def _forget_headers(self, kinds: frozenset[str]) -> None:
        # what a header shows: the areas, their buurten, the team, the CBS population; a
        # sync may have brought any of them
        if kinds & {AREAS, TEAM, CBS, SYNC}:
            self.headers.forget()

    def backup_dir(self) -> Path:
        """The folder the user chose for backups (a network share, say), else the default."""
        from gebiedsapp.services.backups import backup_dir_of

        with self.read() as session:
            return backup_dir_of(session, self.paths.backup_dir)

    def read(self) -> Session:
        """A session for loading what a screen shows (use as a context manager)."""
        return self.database.read_session(self.actor)

    def perform(
        self,
        parent: QWidget | None,
        action: Callable[[Session], T],
        *,
        changes: tuple[str, ...],
        title: str = "",
    ) -> T | None:
        """Run `action` in one unit of work; on bad input show why and change nothing."""
        title = title or QCoreApplication.translate("AppContext", "Niet opgeslagen")
        try:
            with self.database.unit_of_work(self.actor) as session:
                result = action(session)
        except (ValidationError, NotFoundError) as exc:
            QMessageBox.warning(parent, title, exc.message)
            return None
        except StorageError as exc:  # contact details refused by an unencrypted database
            log.warning("user action refused: %s", exc)
            QMessageBox.warning(parent, title, exc.user_message)
            return None
        except StaleDataError:
            log.warning("stale update refused", exc_info=True)
            QMessageBox.warning(
                parent,
                title,
                QCoreApplication.translate(
                    "AppContext",
                    "Iemand anders heeft dit intussen gewijzigd. De nieuwste gegevens worden "
                    "getoond; breng je wijziging opnieuw aan.",
                ),
            )
            self.hub.announce(*changes)
            return None
        except SQLAlchemyError as exc:
            log.exception("database error during a user action")
            why = explain_write_error(exc, self.database.file)
            QMessageBox.critical(
                parent,
                title,
                QCoreApplication.translate(
                    "AppContext",
                    "De wijziging kon niet in de database worden opgeslagen. Er is niets "
                    "gewijzigd; wat u typte staat nog in het formulier.",
                )
                + "\n\n"
                + (
                    why
                    or QCoreApplication.translate("App", "Technische melding: %s")
                    % exc.__class__.__name__
                ),
            )
            return None
        self.hub.announce(*changes)
        return result

    def perform_import(
        self,
        parent: QWidget | None,
        action: Callable[[Session], T],
        *,
        changes: tuple[str, ...],
        title: str,
    ) -> T | None:
        """`perform` for an import: a backup of the database file first ("voor-import"), so
        there is a copy to go back to; nothing is imported when that copy cannot be made."""
        from gebiedsapp.services.backups import make_backup

        if self.database.file is not None:
            try:
                make_backup(self.database, self.backup_dir(), reason="voor-import")
            except BackupError as error:
                QMessageBox.warning(parent, title, error.user_message)
                return None
        return self.perform(parent, action, changes=changes, title=title)
