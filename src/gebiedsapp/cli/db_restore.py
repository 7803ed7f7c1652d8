"""`gebiedsapp db restore`: list the backups, or put one back (also when the database is
damaged), after a backup of the current one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from gebiedsapp.cli.base import Run, Stage, Subparsers, command
from gebiedsapp.cli.keys import existing_passphrase
from gebiedsapp.services import backups, encryption, permissions
from gebiedsapp.startup import check_integrity
from gebiedsapp.storage.backup import BackupInfo, list_backups
from gebiedsapp.storage.crypto import EMPTY, ENCRYPTED, DatabaseKey, file_state, read_salt
from gebiedsapp.storage.database import Database, sqlite_file
from gebiedsapp.storage.errors import NotADatabaseError, WrongPassphraseError
from gebiedsapp.storage.migrate import check_database


def register(db_sub: Subparsers) -> None:
    restore = db_sub.add_parser(
        "restore",
        help="reservekopieën tonen, of er een terugzetten",
        description="Zonder KOPIE: de reservekopieën met datum, reden en aantallen. Met KOPIE "
        "(een pad, of het nummer uit die lijst): die kopie terugzetten, na een reservekopie "
        "van de huidige database. Werkt ook als de database beschadigd is.",
    )
    restore.add_argument("backup", nargs="?", metavar="KOPIE")
    restore.add_argument("--from", dest="source", metavar="MAP", help="map met de kopieën")
    restore.add_argument("--yes", action="store_true", help="zonder verdere vraag terugzetten")
    restore.add_argument(
        "--replace-newer",
        action="store_true",
        help="ook terugzetten als de huidige database nieuwere gegevens heeft (die gaan dan "
        "verloren uit de database; hij wordt eerst als reservekopie bewaard)",
    )
    restore.add_argument(
        "--remove-plain",
        action="store_true",
        help="onversleutelde reservekopieën van een versleutelde database overschrijven en "
        "verwijderen",
    )
    command(restore, _restore, stage=Stage.URL, rewrites=_puts_back)


def _puts_back(args: argparse.Namespace) -> bool:
    return args.backup is not None  # the list only reads


def _restore(run: Run) -> int:
    args = run.args
    source = Path(args.source) if args.source else run.paths.backup_dir
    target = sqlite_file(make_url(run.url))
    if target is None:
        print(
            "Alleen een SQLite-database kan uit een reservekopie worden teruggezet.",
            file=sys.stderr,
        )
        return 2
    key, passphrase = _restore_keys(target, source)
    plain = encryption.plain_backups(target, (source,))
    if args.remove_plain:
        removed = encryption.remove_plain_backups(plain)
        print(f"{len(removed)} onversleutelde reservekopieën overschreven en verwijderd.")
        return 0
    found = backups.backups(target, source, key, passphrase)
    if args.backup is None:
        return _list(target, source, found, plain=len(plain))
    chosen = (
        found[int(args.backup) - 1].path
        if args.backup.isdigit() and 0 < int(args.backup) <= len(found)
        else Path(args.backup)
    )
    info = backups.preview(chosen, key, passphrase)
    print(describe_backup(info))
    loss = backups.what_would_be_lost(target, info, key) if info.usable else None
    if loss is not None:
        print(loss.text())
    if not args.yes:
        print("Voeg --yes toe om deze kopie terug te zetten.", file=sys.stderr)
        return 2
    if loss is not None and not args.replace_newer:
        print(
            "Er is niets teruggezet. Voeg ook --replace-newer toe als u deze gegevens echt uit "
            "de database wilt laten verdwijnen.",
            file=sys.stderr,
        )
        return 2
    damaged = target.exists() and target.stat().st_size > 0 and _is_damaged(run.url, key)
    if target.exists() and target.stat().st_size and not damaged:
        database = Database.connect(run.url, key)  # a sound database: only a beheerder restores
        try:
            with database.read_session(run.actor) as session:
                permissions.require_manage(session, run.actor)
        finally:
            database.dispose()
    safety = backups.restore_backup(
        target,
        chosen,
        source,
        damaged=damaged,
        key=key,
        passphrase=passphrase,
        replace_newer=args.replace_newer,
    )
    if safety is not None:
        print(f"De database van daarvoor staat in: {safety}")
    print(f"Teruggezet: {chosen.name}")
    return 0


def _list(target: Path, source: Path, found: list[BackupInfo], *, plain: int) -> int:
    if not found:
        print(f"Geen reservekopieën van {target.name} in {source}.")
        return 0
    print(f"Reservekopieën van {target.name} in {source} (nieuwste eerst):")
    for number, info in enumerate(found, start=1):
        print(f"{number:>3}. {describe_backup(info)}")
    if plain:
        print(
            f"Let op: {plain} van deze reservekopieën zijn niet versleuteld, terwijl de "
            "database dat wel is: de gegevens van bewoners staan er leesbaar in. Verwijder "
            "ze met: gebiedsapp db restore --remove-plain"
        )
    return 0


def describe_backup(info: BackupInfo) -> str:
    counts = ", ".join(f"{n} {word}" for word, n in info.counts)
    state = f"NIET BRUIKBAAR: {info.problem}" if info.problem else counts
    return (
        f"{info.made_at:%d-%m-%Y %H:%M} ({info.reason or 'onbekend'}, "
        f"versie {info.revision or '?'}): {state}\n     {info.path}"
    )


def _restore_keys(target: Path, source: Path) -> tuple[DatabaseKey | None, str | None]:
    """The database's key (None when it is plain or missing) and the passphrase, which also
    opens backups with another salt (a database lost and made anew): from the environment,
    the keyring, or typed, only where something is encrypted."""
    encryption.recover_interrupted(target)
    state = file_state(target) if target.exists() else EMPTY
    encrypted_backups = any(read_salt(p) is not None for p in list_backups(source, target.stem))
    if state != ENCRYPTED and not encrypted_backups:
        return None, None
    encryption.require_cipher()
    passphrase = existing_passphrase(
        target,
        "Wachtwoord van de database (en de reservekopieën): ",
        "De database of de reservekopieën zijn versleuteld.",
    )
    key = DatabaseKey.for_file(passphrase, target) if state == ENCRYPTED else None
    return key, passphrase


def _is_damaged(url: str, key: DatabaseKey | None) -> bool:
    try:
        check_database(url, key)
        check_integrity(url, key)
    except (NotADatabaseError, WrongPassphraseError):  # damaged (or page 1 unreadable)
        return True
    return False
