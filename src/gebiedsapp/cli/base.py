"""What every command group shares: how a subcommand says what it needs before it runs.

A group module adds its parser(s) and calls `command()` on each, naming its handler and the
stage at which the runner hands over (see cli/run.py). The runner does the rest: the data
folder, the log, the lock, the passphrase, opening and migrating, the 'open' audit row.
"""

from __future__ import annotations

import argparse
import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from gebiedsapp.paths import AppPaths
    from gebiedsapp.startup import OpenedDatabase
    from gebiedsapp.storage.crypto import DatabaseKey
    from gebiedsapp.storage.database import Database

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Predicate: TypeAlias = Callable[[argparse.Namespace], bool]


class Stage(enum.Enum):
    """How far the runner goes before it calls the handler, in this order."""

    ALONE = "alone"  # before the data folder and the log: never the user's database
    URL = "url"  # the database's URL, before its passphrase is asked
    KEY = "key"  # the passphrase known, the database not opened
    OPENED = "opened"  # opened and migrated; no pending clean-up, no 'open' row
    WORK = "work"  # also pending clean-up and (unless it reads only) an 'open' audit row


@dataclass(frozen=True)
class Run:
    """What the runner hands a handler; the fields after `actor` are set from their stage on."""

    args: argparse.Namespace
    url: str
    paths: AppPaths
    actor: str
    key: DatabaseKey | None = None
    opened: OpenedDatabase | None = None

    @property
    def database(self) -> Database:
        assert self.opened is not None, "a handler before Stage.OPENED has no database"
        return self.opened.database


def never(args: argparse.Namespace) -> bool:
    return False


def always(args: argparse.Namespace) -> bool:
    return True


def command(
    parser: argparse.ArgumentParser,
    handler: Callable[[Run], int] | Callable[[argparse.Namespace], int],
    *,
    stage: Stage = Stage.WORK,
    reads_only: Predicate = never,
    rewrites: Predicate = never,
) -> argparse.ArgumentParser:
    """Set `parser`'s handler. `reads_only`: changes nothing, so no 'open' row either (a
    --dry-run always counts as that). `rewrites`: replaces or rewrites the file or its schema,
    so never while a window (or another such command) has it open. A Stage.ALONE handler
    takes the parsed arguments, every other one a Run."""
    parser.set_defaults(handler=handler, stage=stage, reads_only=reads_only, rewrites=rewrites)
    return parser


def backup_before_import(run: Run, session: Session) -> None:
    """Before every import: a copy of the database file to go back to, named on the terminal
    (in the import's own transaction, so nothing is imported when the copy fails)."""
    from gebiedsapp.services import backups

    if run.database.file is not None:
        copy = backups.backup_in_folder(
            run.database, session, run.paths.backup_dir, reason="voor-import"
        )
        print(f"Reservekopie: {copy}")


def day(text: str) -> date:
    """An argument type: a date written JJJJ-MM-DD, refused in Dutch otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; schrijf die als JJJJ-MM-DD, bijvoorbeeld 2026-01-31"
        ) from None
