"""What a start reads of the database file before it asks for the passphrase: which file a URL
names, whether it is new, plain or encrypted, whether an encryption or a change of passphrase
was interrupted, and the lock of one window per file.

Imports neither SQLAlchemy nor the storage layer's heavy modules (models, migrations,
backups): the passphrase dialog comes first and must not wait for them (issue 19: at most
twice a bare window). Where a file needs more (an interrupted encryption to undo, an empty
file to refuse, an unusual URL), this hands over to the full services, importing them then.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

from gebiedsapp.storage.crypto import (
    EMPTY,
    ENCRYPTED,
    PLAIN,
    DatabaseKey,
    cipher_available,
    file_state,
)
from gebiedsapp.storage.errors import EncryptionUnavailableError
from gebiedsapp.storage.lock import WINDOW, DatabaseLock, LockHolder

__all__ = [
    "EMPTY",
    "ENCRYPTED",
    "ENCRYPTING_SUFFIX",
    "EXPORT_SUFFIX",
    "MARKER_SUFFIX",
    "PENDING_SUFFIX",
    "PLAIN",
    "WINDOW",
    "DatabaseLock",
    "LockHolder",
    "cipher_available",
    "database_file",
    "database_state",
    "key_beside",
    "recover_interrupted",
    "require_cipher",
    "window_lock",
]

# The files an interrupted encryption or change of passphrase leaves beside the database.
PENDING_SUFFIX = ".onversleuteld-wissen"  # the plain original, to overwrite and remove
ENCRYPTING_SUFFIX = ".versleutelen"  # beside the database until its backups are encrypted too
EXPORT_SUFFIX = ".versleuteld"  # the encrypted copy being written
MARKER_SUFFIX = ".wachtwoord-wijzigen"  # a change of passphrase under way (services.rekey)

# `sqlite:///<file>` (any driver); anything else (a query, %-escapes, a host) SQLAlchemy reads
_PLAIN_SQLITE = re.compile(r"sqlite(?:\+\w+)?:///(?P<database>[^?%]*)")


def database_file(url: str) -> Path | None:
    """The file behind a database URL; None for a server or in-memory database. A URL that is
    not one raises SQLAlchemy's ArgumentError. The same answer as storage.database's
    sqlite_file(make_url(url)), without importing SQLAlchemy for the usual `sqlite:///path`."""
    plain = _PLAIN_SQLITE.fullmatch(url)
    if plain is None:
        from gebiedsapp.services.database_access import database_file as read_by_sqlalchemy

        return read_by_sqlalchemy(url)
    database = plain["database"]
    if database in {"", ":memory:"} or database.startswith("file::memory:"):
        return None
    return Path(database)


def _interrupted(path: Path) -> bool:
    """Whether an encryption or a change of passphrase left a file beside the database."""
    marker = path.with_name(path.name + MARKER_SUFFIX)
    beside = (
        marker,
        marker.with_name(marker.name + ".deel"),
        *(path.with_name(path.name + end) for end in (PENDING_SUFFIX, ENCRYPTING_SUFFIX)),
        path.with_name(path.name + EXPORT_SUFFIX),
    )
    return any(p.exists() for p in beside)


def recover_interrupted(path: Path) -> str:
    """services.encryption.recover_interrupted where something was interrupted (the files it
    leaves are beside the database); else nothing to do, and nothing heavy imported."""
    if not _interrupted(path):
        return ""
    from gebiedsapp.services.encryption import recover_interrupted as recover

    return recover(path)


def database_state(url: str) -> str:
    """EMPTY, PLAIN or ENCRYPTED for an SQLite file (ENCRYPTED: whole pages of what looks like
    noise; only a key can tell it from garbage); '' for a server, memory, or a file that cannot
    be either (the check that follows explains it). A file of zero bytes is refused as
    storage.migrate.refuse_empty_file says."""
    path = database_file(url)
    if path is None:
        return ""
    try:
        empty = path.exists() and path.stat().st_size == 0
    except OSError:
        empty = False
    if empty:
        from gebiedsapp.storage.migrate import refuse_empty_file

        refuse_empty_file(path)
    try:
        state = file_state(path)
    except OSError:
        return ""
    return state if state in (EMPTY, PLAIN, ENCRYPTED) else ""


def require_cipher() -> None:
    if not cipher_available():
        raise EncryptionUnavailableError(
            "sqlcipher3 is not installed",
            "Versleuteling (SQLCipher) is op deze computer niet beschikbaar. Een versleutelde "
            "database kan hier niet worden geopend of gemaakt; vraag de beheerder om de "
            "Gebiedsapp opnieuw te installeren.",
        )


def key_beside(url: str, passphrase: str, *, meanwhile: Callable[[], object]) -> DatabaseKey:
    """The key that `passphrase` gives for the SQLite file at `url` (as services.encryption's
    key_for), derived on a thread of its own while `meanwhile` runs. PBKDF2's 256,000 rounds (a
    quarter of a second) do not hold the GIL, so the imports that opening the database needs
    (SQLAlchemy, the models) go on beside them instead of after them."""
    path = database_file(url)
    if path is None:
        raise ValueError("only an SQLite file is encrypted")
    require_cipher()
    derived: list[DatabaseKey] = []
    failed: list[BaseException] = []

    def derive() -> None:
        try:
            derived.append(DatabaseKey.for_file(passphrase, path))
        except BaseException as exc:  # an unreadable file: raised below, on the caller's thread
            failed.append(exc)

    thread = threading.Thread(target=derive, name="sleutel-afleiden", daemon=True)
    thread.start()
    try:
        meanwhile()
    finally:
        thread.join()
    if failed:
        raise failed[0]
    return derived[0]


def window_lock(path: Path, *, user: str) -> DatabaseLock:
    """The lock a window holds on its database file (one window per database)."""
    return DatabaseLock(path, program=WINDOW, user=user)
