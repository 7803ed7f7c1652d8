"""Passphrases and encrypted databases: where a passphrase comes from, how strong it is,
encrypting a plain database and changing the passphrase.

Policy (documented in the README):
- A new database is encrypted with SQLCipher from its first start. The passphrase comes from
  `GEBIEDSAPP_PASSPHRASE` (scripts, the CLI), the OS keyring when the user asked the app to
  remember it, or a dialog. It is never a command-line argument, and there is no back door:
  without the passphrase the data cannot be read.
- A plain database (from before encryption, or made where SQLCipher is missing) opens, but does
  not take residents' names, phone numbers or e-mail addresses (storage.database refuses them)
  until it is encrypted on request, which also encrypts its plain backups and overwrites and
  removes the plain files.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from gebiedsapp.services import before_open, passphrases, rekey
from gebiedsapp.storage.change_mark import MARK_SUFFIX
from gebiedsapp.storage.crash_point import crash_point
from gebiedsapp.storage.crypto import (
    EMPTY,
    ENCRYPTED,
    FOREIGN,
    PLAIN,
    DatabaseKey,
    export_encrypted,
    file_state,
    fsync_file,
    overwrite_and_remove,
    read_salt,
)
from gebiedsapp.storage.database import sqlite_file
from gebiedsapp.storage.errors import (
    StorageError,
    WrongPassphraseError,
)

log = logging.getLogger(__name__)

# The passphrase's rules and what a start reads before its dialog live in modules of their
# own that import no SQLAlchemy (issue 19); here by their old names too.
PASSPHRASE_ENV = passphrases.PASSPHRASE_ENV
KEYRING_SERVICE = passphrases.KEYRING_SERVICE
MIN_LENGTH = passphrases.MIN_LENGTH
MAX_LENGTH = passphrases.MAX_LENGTH
MIN_SCORE = passphrases.MIN_SCORE
Strength = passphrases.Strength
strength = passphrases.strength
check_new_passphrase = passphrases.check_new_passphrase
passphrase_from_environment = passphrases.passphrase_from_environment
keyring_available = passphrases.keyring_available
remembered_passphrase = passphrases.remembered_passphrase
remember_passphrase = passphrases.remember_passphrase
forget_passphrase = passphrases.forget_passphrase
PENDING_SUFFIX = before_open.PENDING_SUFFIX
ENCRYPTING_SUFFIX = before_open.ENCRYPTING_SUFFIX
EXPORT_SUFFIX = before_open.EXPORT_SUFFIX
database_state = before_open.database_state
require_cipher = before_open.require_cipher


def key_for(url: str, passphrase: str) -> DatabaseKey:
    """The key that `passphrase` gives for the database at `url` (new or encrypted). Whether it
    fits is found when the database is checked (WrongPassphraseError)."""
    path = sqlite_file(make_url(url))
    if path is None:
        raise ValueError("only an SQLite file is encrypted")
    require_cipher()
    return DatabaseKey.for_file(passphrase, path)


def _encrypt_file(plain: Path, key: DatabaseKey) -> None:
    """Replace the plain SQLite file `plain` by an encrypted copy, so that a file is at the
    path at every moment and a crash at any step loses nothing:

    1. export to `<name>.versleuteld` and check it (same rows in every table, quick check);
    2. keep the plain original under PENDING_SUFFIX: a hard link (the same data, no copy), or
       a copy where the file system has no links;
    3. move the encrypted copy over the path in one atomic rename;
    4. overwrite and remove the plain original (through the pending name).

    A crash before 3 leaves the plain database in place (`recover_interrupted` drops the
    pending name); after 3, the encrypted one, and the next start that opens it with its key
    removes the plain original (`finish_pending_removals`)."""
    pending = plain.with_name(plain.name + PENDING_SUFFIX)
    if pending.exists():
        raise StorageError(
            f"{pending} exists: an earlier encryption was interrupted",
            "Een eerdere versleuteling is onderbroken; start de Gebiedsapp opnieuw om die af te "
            "ronden. Er is niets gewijzigd.",
        )
    encrypted = plain.with_name(plain.name + EXPORT_SUFFIX)
    encrypted.unlink(missing_ok=True)  # left by an attempt that never got to step 3
    export_encrypted(plain, encrypted, key)
    try:
        crash_point("encrypt:exported")
        _same_rows(plain, encrypted, key)
        fsync_file(encrypted)
        try:
            os.link(plain, pending)
        except OSError:  # FAT, some network shares: no hard links
            shutil.copy2(plain, pending)
            fsync_file(pending)
        os.replace(encrypted, plain)
        crash_point("encrypt:swapped")
    except BaseException:
        encrypted.unlink(missing_ok=True)
        if pending.exists() and file_state(plain) == PLAIN:
            _drop_pending(pending, plain)
        raise
    try:
        _remove_plain(pending, plain)
    except OSError as exc:  # in place and encrypted; the next start tries the removal again
        log.warning("plain original %s not removed yet: %s", pending, exc)


def _drop_pending(pending: Path, live: Path) -> None:
    """Remove the pending name of a plain original that is still in use at `live`: only the
    name when it is a link to the same file, the copy (overwritten) when it is one."""
    if live.exists() and os.path.samefile(pending, live):
        pending.unlink()
    else:
        overwrite_and_remove(pending)


def _remove_plain(pending: Path, original: Path) -> None:
    overwrite_and_remove(pending)
    for suffix in ("-wal", "-shm", "-journal"):
        overwrite_and_remove(original.with_name(original.name + suffix))
        overwrite_and_remove(pending.with_name(pending.name + suffix))


def recover_interrupted(database_file: Path) -> str:
    """Before anything looks at the database: undo an encryption that stopped before its
    encrypted copy took the path (the plain original goes back, a partial encrypted copy is
    removed), drop a pending name that a failed swap left beside the plain database, and
    finish or roll back an interrupted change of passphrase. Destroys no data. Returns what
    the user should know about the passphrase (Dutch), or ''."""
    notice = rekey.finish_interrupted(database_file)
    _recover_file(database_file)
    marker = _encrypting_marker(database_file)
    if marker.exists() and file_state(database_file) == PLAIN:
        marker.unlink()  # stopped before the database was swapped: nothing to finish
        log.warning("interrupted encryption of %s rolled back", database_file)
    return notice


def _recover_file(path: Path) -> None:
    pending = path.with_name(path.name + PENDING_SUFFIX)
    if pending.exists():
        state = file_state(path)
        if state in (EMPTY, FOREIGN):
            os.replace(pending, path)
            log.warning("interrupted encryption: plain %s put back", path)
        elif state == PLAIN:
            _drop_pending(pending, path)
    export = path.with_name(path.name + EXPORT_SUFFIX)
    if export.exists() and file_state(path) == PLAIN:  # it never took the path
        export.unlink()


def finish_pending_removals(
    database_file: Path, key: DatabaseKey | None = None
) -> tuple[Path, ...]:
    """Remove the plain original that an interrupted encryption left beside the encrypted
    database, and (with its `key`) encrypt the plain backups it had not reached yet; call
    only once the key has opened the encrypted file (so it is the converted copy, and
    sound). Returns the backups that are still plain (said to the user)."""
    pending = database_file.with_name(database_file.name + PENDING_SUFFIX)
    if pending.exists() and file_state(database_file) == ENCRYPTED:
        _remove_plain(pending, pending)
        log.info("plain original %s of an earlier encryption removed", pending)
    marker = _encrypting_marker(database_file)
    if key is None or not marker.exists() or file_state(database_file) != ENCRYPTED:
        return ()
    try:
        folders = [Path(f) for f in json.loads(marker.read_text(encoding="utf-8"))]
    except (OSError, ValueError):  # cut off while written: the default folder at least
        folders = [database_file.parent / "backups"]
    done = finish_encryption(database_file, key, folders)
    log.warning("interrupted encryption of %s finished", database_file)
    return done.skipped


def finish_encryption(database_file: Path, key: DatabaseKey, folders: Iterable[Path]) -> Outcome:
    """Encrypt with `key` every plain backup of the encrypted database in `folders` and remove
    what interrupted encryptions left there (plain originals, partial encrypted copies, logs
    beside backups), overwriting every plain file. The marker goes when nothing is left."""
    folders = list(folders)
    skipped = []
    for backup in rekey.backups_in(folders, database_file.stem):
        try:
            _recover_file(backup)
            finish_pending_removals(backup)
            if file_state(backup) == PLAIN:
                _encrypt_file(backup, key)
                log.info("backup %s encrypted", backup)
            for suffix in ("-wal", "-shm", "-journal", EXPORT_SUFFIX):
                overwrite_and_remove(backup.with_name(backup.name + suffix))
        except Exception:  # best effort, said to the user
            log.exception("backup %s could not be encrypted; left as it was", backup)
            skipped.append(backup)
    marker = _encrypting_marker(database_file)
    if not skipped:
        marker.unlink(missing_ok=True)
    return Outcome(key, tuple(skipped))


def plain_backups(database_file: Path, folders: Iterable[Path]) -> list[Path]:
    """The unencrypted backups of an encrypted database in `folders` (left by an encryption
    that was interrupted, or by an older version): residents' details in plain text."""
    if file_state(database_file) != ENCRYPTED:
        return []
    return [b for b in rekey.backups_in(folders, database_file.stem) if file_state(b) == PLAIN]


def remove_plain_backups(found: Iterable[Path]) -> list[Path]:
    """Overwrite and remove the given plain backups, with their logs; returns those removed."""
    removed = []
    for backup in found:
        if file_state(backup) != PLAIN:
            continue
        for suffix in ("", "-wal", "-shm", "-journal", PENDING_SUFFIX, MARK_SUFFIX):
            overwrite_and_remove(backup.with_name(backup.name + suffix))
        removed.append(backup)
    return removed


def _encrypting_marker(database_file: Path) -> Path:
    return database_file.with_name(database_file.name + ENCRYPTING_SUFFIX)


def _same_rows(plain: Path, encrypted: Path, key: DatabaseKey) -> None:
    rekey.check_copy(
        plain,
        None,
        encrypted,
        key,
        what="encrypted",
        failure="Het versleutelen is mislukt; de database is niet gewijzigd.",
    )


@dataclass(frozen=True)
class Outcome:
    """What encrypting or re-keying did: the key the database opens with now, and the backups
    it could not handle (left as they were, said to the user)."""

    key: DatabaseKey
    skipped: tuple[Path, ...] = ()

    def summary(self) -> str:
        if not self.skipped:
            return ""
        names = ", ".join(p.name for p in self.skipped[:5])
        more = f" en {len(self.skipped) - 5} meer" if len(self.skipped) > 5 else ""
        return (
            f"Deze reservekopieën zijn niet bijgewerkt en staan er nog zoals ze waren: "
            f"{names}{more}. Controleer of de map bereikbaar is en de schijf niet vol, en "
            "probeer het opnieuw; of verwijder ze zelf."
        )


def encrypt_database(database_file: Path, passphrase: str, backup_dirs: Iterable[Path]) -> Outcome:
    """Encrypt the closed plain database at `database_file` with `passphrase`, and its plain
    backups in `backup_dirs` (the default folder and the chosen one) with the same key; the
    plain files are overwritten and removed. A backup that fails is left as it was and named
    in the outcome: its failure (a full disk, an unreachable share) does not undo the rest.
    A marker beside the database lists the folders until every backup is done, so that the
    start after a crash (or a second `db encrypt`) finishes the backups."""
    require_cipher()
    recover_interrupted(database_file)
    if file_state(database_file) != PLAIN:
        raise StorageError(
            f"{database_file} is not a plain SQLite database",
            "Deze database is al versleuteld (of geen Gebiedsapp-database); er is niets gewijzigd.",
        )
    problem = check_new_passphrase(passphrase, passphrase)
    if problem:
        raise WrongPassphraseError("passphrase too weak", problem)
    key = DatabaseKey.new(passphrase)
    folders = list(dict.fromkeys(Path(f) for f in backup_dirs))
    marker = _encrypting_marker(database_file)
    marker.write_text(json.dumps([str(f) for f in folders]), encoding="utf-8")
    fsync_file(marker)
    _encrypt_file(database_file, key)
    log.info("database %s encrypted", database_file)
    crash_point("encrypt:database-done")
    return finish_encryption(database_file, key, folders)


def change_passphrase(
    database_file: Path, current: DatabaseKey, new_passphrase: str, backup_dirs: Iterable[Path]
) -> Outcome:
    """Re-key the closed encrypted database, and every backup of it in `backup_dirs` that the
    current key opens, with `new_passphrase`; the old passphrase then opens none of them. A
    crash at any moment leaves every file under one passphrase (services.rekey). A remembered
    passphrase is updated in the keyring at once. A backup that fails is left as it was and
    named in the outcome."""
    require_cipher()
    if read_salt(database_file) != current.salt:
        raise WrongPassphraseError(
            f"{database_file}: the current key is not this file's",
            "Het huidige wachtwoord hoort niet bij deze database; er is niets gewijzigd.",
        )
    problem = check_new_passphrase(new_passphrase, new_passphrase)
    if problem:
        raise WrongPassphraseError("new passphrase too weak", problem)
    new = DatabaseKey.derive(new_passphrase, current.salt)
    skipped = rekey.rekey_files(database_file, current, new, backup_dirs)
    log.info("database %s re-keyed", database_file)
    if remembered_passphrase(database_file) is not None:
        remember_passphrase(database_file, new_passphrase)
    return Outcome(new, skipped)
