"""Running a parsed command: the data folder, the log, the lock, the key, opening the
database, and the Dutch message (exit 2) for what went wrong on the way.

Each stage (cli/base.py's Stage) is a step further; a handler is called at its own.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from gebiedsapp.cli.base import Run, Stage
from gebiedsapp.cli.keys import cli_key
from gebiedsapp.domain import AuditAction
from gebiedsapp.identity import current_actor
from gebiedsapp.logs import close_logging, setup_logging
from gebiedsapp.paths import AppPaths, app_paths, database_url
from gebiedsapp.services import audit, erasure
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.startup import open_database
from gebiedsapp.storage.database import sqlite_file
from gebiedsapp.storage.errors import StorageError, explain_write_error
from gebiedsapp.storage.lock import DatabaseLock
from gebiedsapp.storage.text_guard import BROKEN, readable

log = logging.getLogger(__name__)

# options that name files or folders: any bytes are a valid name there
_PATH_OPTIONS = frozenset(
    {"database", "data_dir", "to", "source", "backup", "file", "output", "ics"}
)


def run(args: argparse.Namespace) -> int:
    broken = _broken_argument(args)
    if broken:
        print(
            f"'{broken}' bevat een teken dat niet kan worden gelezen (geen geldige tekst). "
            "Er is niets gedaan.",
            file=sys.stderr,
        )
        return 2
    if args.stage is Stage.ALONE:  # never the user's database (selftest: a temporary one)
        code: int = args.handler(args)
        return code
    paths = app_paths(args.data_dir)
    for problem in paths.problems():  # a read-only data folder: say what that means
        print(f"Let op: {problem.message()}", file=sys.stderr)
    # the English detail goes to the log file; the terminal shows the Dutch message only
    setup_logging(paths, verbose=args.verbose, program=program(args))
    try:
        return _in_dutch(args, paths)
    finally:
        close_logging()


def _broken_argument(args: argparse.Namespace) -> str:
    """A text option (a name, a mapping) with bytes that are no text (the shell passes them
    on as lone surrogates), shown with U+FFFD; "" when there is none."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if name not in _PATH_OPTIONS and isinstance(item, str) and BROKEN.search(item):
                return readable(item)
    return ""


def program(args: argparse.Namespace) -> str:
    """'gebiedsapp db restore': the command, as the lock file and the log name it."""
    words = [args.command or "gui"]
    words += [value for name, value in vars(args).items() if name.endswith("_command") and value]
    return " ".join(["gebiedsapp", *words])


def _in_dutch(args: argparse.Namespace, paths: AppPaths) -> int:
    url = database_url(args.database, paths)
    try:
        with audit.damage_notices(lambda message: print(message, file=sys.stderr)):
            path = sqlite_file(make_url(url))
            if path is not None and args.rewrites(args):
                with DatabaseLock(path, program=program(args), user=current_actor()):
                    return _dispatch(args, url, paths)
            return _dispatch(args, url, paths)
    except StorageError as exc:
        log.error("%s", exc)
        print(exc.user_message, file=sys.stderr)
        return 2
    except (ValidationError, NotFoundError) as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:  # locked by the app, disk full, read-only folder
        log.error("database error: %s", exc)
        why = explain_write_error(exc) or f"Technische melding: {exc.__class__.__name__}"
        print(
            f"De database kon niet worden gebruikt; er is niets gewijzigd. {why}", file=sys.stderr
        )
        return 2


def _dispatch(args: argparse.Namespace, url: str, paths: AppPaths) -> int:
    stage: Stage = args.stage
    run = Run(args=args, url=url, paths=paths, actor=current_actor())
    if stage is Stage.URL:
        return _call(run)
    run = replace(run, key=cli_key(url))
    if stage is Stage.KEY:
        return _call(run)
    opened = open_database(url, paths, actor=run.actor, key=run.key)
    database = opened.database
    run = replace(run, opened=opened)
    try:
        if stage is Stage.OPENED:
            return _call(run)
        # an erasure's clean-up left for this start (writes only when one is pending)
        pending = erasure.finish_pending(database)
        if pending:
            print(pending, file=sys.stderr)
        if _reads_only(args):  # a dry run or a listing: no audit row, the file stays as it was
            return _call(run)
        with database.unit_of_work(run.actor) as session:
            audit.note(session, AuditAction.OPEN, detail=f"opdrachtregel: {args.command or 'gui'}")
        return _call(run)
    finally:
        database.dispose()


def _reads_only(args: argparse.Namespace) -> bool:
    """Commands that change nothing in the database: not even an 'open' row in the audit log
    (a dry run must leave the file byte for byte as it was)."""
    return bool(getattr(args, "dry_run", False)) or bool(args.reads_only(args))


def _call(run: Run) -> int:
    if run.args.handler is None:
        raise AssertionError(f"unhandled command {run.args.command}")
    code: int = run.args.handler(run)
    return code
