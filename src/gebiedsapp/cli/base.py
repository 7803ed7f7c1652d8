"""What every command group shares: how a subcommand says what it needs before it runs.

A group module adds its parser(s) and calls `command()` on each, naming its handler and the
stage at which the runner hands over (see cli/run.py). The runner does the rest: the data
folder, the log, the lock, the passphrase, opening and migrating, the 'open' audit row.
"""

from __future__ import annotations

import argparse
import enum
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from gebiedsapp.storage.errors import os_words

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from gebiedsapp.paths import AppPaths
    from gebiedsapp.startup import OpenedDatabase
    from gebiedsapp.storage.crypto import DatabaseKey
    from gebiedsapp.storage.database import Database

log = logging.getLogger(__name__)

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


def add_import_arguments(
    parser: argparse.ArgumentParser, *, mapping: bool = True, accept_valid: bool = True
) -> None:
    """The arguments every `... import` shares: the file, --map, --dry-run, --accept-valid."""
    parser.add_argument("file", metavar="BESTAND", type=Path)
    if mapping:
        parser.add_argument(
            "--map",
            dest="mapping",
            metavar="VELD=KOLOM",
            action="append",
            default=[],
            help="koppel een veld aan een kolomnaam uit het bestand (herhaalbaar)",
        )
    parser.add_argument(
        "--dry-run", action="store_true", help="alleen controleren, niets importeren"
    )
    if accept_valid:
        parser.add_argument(
            "--accept-valid",
            action="store_true",
            help="bij ongeldige regels toch de geldige regels importeren",
        )


def read_import_file(path: Path) -> bytes | None:
    """The file's bytes, or None after saying in Dutch why it cannot be read (exit 2)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        print(f"Kan het bestand niet lezen: {path} ({os_words(exc.errno)})", file=sys.stderr)
        return None


def refuse_or_back_up(
    run: Run, session: Session, *, invalid: bool, done: str = "geïmporteerd"
) -> int | None:
    """After the preview: the exit code when nothing is to be written (a dry run: 0, or 2 with
    invalid rows; invalid rows without --accept-valid: 2), else None after the backup that
    precedes every import."""
    if run.args.dry_run:
        print(f"Proefrun: er is niets {done}.")
        return 2 if invalid else 0
    if invalid and not getattr(run.args, "accept_valid", False):
        print(
            "Er is niets geïmporteerd. Gebruik --accept-valid om alleen de geldige regels "
            "te importeren.",
            file=sys.stderr,
        )
        return 2
    backup_before_import(run, session)
    return None


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
