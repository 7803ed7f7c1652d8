"""`gebiedsapp db ...`: bring the schema up to date, show it, back up, encrypt, change the
passphrase (restoring is in cli/db_restore.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from gebiedsapp import cli_server
from gebiedsapp.cli import db_restore
from gebiedsapp.cli.base import Run, Stage, Subparsers, always, command
from gebiedsapp.cli.keys import NEW_PASSPHRASE_ENV, cli_key, new_passphrase
from gebiedsapp.domain import AuditAction
from gebiedsapp.paths import AppPaths
from gebiedsapp.services import audit, backups, encryption
from gebiedsapp.services.backups import make_backup
from gebiedsapp.startup import open_database
from gebiedsapp.storage.crypto import ENCRYPTED, PLAIN
from gebiedsapp.storage.database import Database, sqlite_file
from gebiedsapp.storage.migrate import check_database, head_revision


def register(sub: Subparsers) -> None:
    db = sub.add_parser("db", help="database bijwerken, versie tonen of reservekopie maken")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTIE", required=True)
    command(
        db_sub.add_parser(
            "upgrade", help="reservekopie maken en database bijwerken naar deze versie"
        ),
        _upgrade,
        rewrites=always,
    )
    command(
        db_sub.add_parser("current", help="schemaversie van de database tonen (wijzigt niets)"),
        _current,
        stage=Stage.KEY,
    )
    encrypt = db_sub.add_parser(
        "encrypt",
        help="een onversleutelde database versleutelen (met zijn reservekopieën)",
        description="Versleutelt de database en zijn onversleutelde reservekopieën met "
        f"SQLCipher; de onversleutelde bestanden worden overschreven en verwijderd. Het "
        f"wachtwoord komt uit {encryption.PASSPHRASE_ENV} of wordt gevraagd.",
    )
    command(encrypt, _encrypt, stage=Stage.URL, rewrites=always)
    passphrase = db_sub.add_parser(
        "passphrase",
        help="het wachtwoord van de database wijzigen",
        description="Versleutelt de database en zijn reservekopieën opnieuw met een nieuw "
        f"wachtwoord. Het huidige komt uit {encryption.PASSPHRASE_ENV} (of de sleutelhanger), "
        f"het nieuwe uit {NEW_PASSPHRASE_ENV}; anders worden ze gevraagd.",
    )
    command(passphrase, _passphrase, stage=Stage.KEY, rewrites=always)
    backup = db_sub.add_parser("backup", help="reservekopie maken")
    backup.add_argument("--to", metavar="MAP", help="map voor de kopie (standaard: backups/)")
    command(backup, _backup)
    db_restore.register(db_sub)


def _upgrade(run: Run) -> int:
    assert run.opened is not None
    result = run.opened.upgrade
    if result.from_revision == result.to_revision:
        print(f"Database is al bij: {result.to_revision}")
    else:
        before = result.from_revision or "leeg"
        print(f"Database bijgewerkt van {before} naar {result.to_revision}")
    if result.backup:
        print(f"Reservekopie: {result.backup}")
    if run.database.engine.dialect.name == "postgresql":
        print(cli_server.after_upgrade(run.database))
    return 0


def _backup(run: Run) -> int:
    with run.database.read_session(run.actor) as session:
        folder = backups.backup_dir_of(session, run.paths.backup_dir)
    copy = make_backup(run.database, Path(run.args.to) if run.args.to else folder)
    print(f"Reservekopie: {copy}")
    return 0


def _current(run: Run) -> int:
    state = check_database(run.url, run.key)
    print(f"Schemaversie van de database: {state.revision or 'leeg'}")
    print(f"Schemaversie van deze app:    {head_revision()}")
    return 0


def _encrypt(run: Run) -> int:
    url, paths, actor = run.url, run.paths, run.actor
    path = sqlite_file(make_url(url))
    if path is not None:
        encryption.recover_interrupted(path)
    state = encryption.database_state(url)
    if path is not None and state == ENCRYPTED:
        return _finish_encryption(url, path, paths, actor)
    if path is None or state != PLAIN:
        print("Alleen een onversleuteld databasebestand kan worden versleuteld.", file=sys.stderr)
        return 2
    encryption.require_cipher()
    opened = open_database(url, paths, actor=actor)  # checked and brought up to date first
    with opened.database.read_session(actor) as session:
        folder = backups.backup_dir_of(session, paths.backup_dir)
    opened.database.dispose()
    folders = (paths.backup_dir, folder)
    done = encryption.encrypt_database(path, new_passphrase(encryption.PASSPHRASE_ENV), folders)
    database = Database.connect(url, done.key)
    try:
        with database.unit_of_work(actor) as session:
            audit.note(session, AuditAction.ENCRYPT, detail="database versleuteld")
    finally:
        database.dispose()
    print(f"Versleuteld: {path}, met de reservekopieën in {', '.join(map(str, set(folders)))}")
    if done.skipped:
        print(done.summary(), file=sys.stderr)
    return 0


def _finish_encryption(url: str, path: Path, paths: AppPaths, actor: str) -> int:
    """`db encrypt` on an encrypted database: finish what an interrupted encryption left (its
    plain backups encrypted, plain leftovers overwritten and removed)."""
    key = cli_key(url)
    opened = open_database(url, paths, actor=actor, key=key)  # proves the passphrase
    with opened.database.read_session(actor) as session:
        folder = backups.backup_dir_of(session, paths.backup_dir)
    opened.database.dispose()
    assert key is not None
    plain = encryption.plain_backups(path, (paths.backup_dir, folder))
    done = encryption.finish_encryption(path, key, (paths.backup_dir, folder))
    print(
        f"De database was al versleuteld; {len(plain) - len(done.skipped)} onversleutelde "
        "reservekopieën zijn nu ook versleuteld."
    )
    if done.skipped:
        print(done.summary(), file=sys.stderr)
        return 2
    return 0


def _passphrase(run: Run) -> int:
    url, paths, actor, key = run.url, run.paths, run.actor, run.key
    path = sqlite_file(make_url(url))
    if path is None or key is None:
        print(
            "Deze database is niet versleuteld; versleutel hem eerst (db encrypt).", file=sys.stderr
        )
        return 2
    opened = open_database(url, paths, actor=actor, key=key)  # proves the current passphrase
    with opened.database.read_session(actor) as session:
        folder = backups.backup_dir_of(session, paths.backup_dir)
    opened.database.dispose()
    done = encryption.change_passphrase(
        path, key, new_passphrase(NEW_PASSPHRASE_ENV), (paths.backup_dir, folder)
    )
    database = Database.connect(url, done.key)
    try:
        with database.unit_of_work(actor) as session:
            audit.note(session, AuditAction.ENCRYPT, detail="wachtwoord gewijzigd")
    finally:
        database.dispose()
    print("Het wachtwoord is gewijzigd, ook van de reservekopieën.")
    if done.skipped:
        print(done.summary(), file=sys.stderr)
    return 0
