"""Opening the app's database: check it, back it up, migrate it, load reference data.

Shared by the window and the CLI, so both refuse the same files and upgrade the same way.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from gebiedsapp.paths import AppPaths
from gebiedsapp.services.encryption import (
    PENDING_SUFFIX,
    finish_pending_removals,
    recover_interrupted,
)
from gebiedsapp.services.reference_data import load_reference_data
from gebiedsapp.storage.backup import list_backups, quick_check
from gebiedsapp.storage.crypto import (
    PLAIN,
    DatabaseKey,
    WrongKeyError,
    connect_file,
    database_errors,
    file_state,
    key_fits_other_pages,
    read_salt,
    unreadable_errors,
)
from gebiedsapp.storage.database import Database, IntegrityGate, read_only_url, sqlite_file
from gebiedsapp.storage.errors import (
    DamagedDatabaseError,
    DatabaseUnavailableError,
    OtherPassphraseError,
    WrongPassphraseError,
    explain_write_error,
    read_only_folder,
)
from gebiedsapp.storage.migrate import (
    UpgradeResult,
    check_database,
    creating_marker,
    current_revision,
    head_revision,
    upgrade,
)

log = logging.getLogger(__name__)


OTHER = (
    "Dit wachtwoord opent de database niet, wel een reservekopie ervan: het wachtwoord is "
    "gewijzigd. Gebruik het nieuwe wachtwoord (of, als die wijziging is teruggedraaid, het "
    "oude). De database is niet beschadigd en er is niets gewijzigd."
)


@dataclass
class OpenedDatabase:
    database: Database
    upgrade: UpgradeResult
    reference_counts: Counter[str] = field(default_factory=Counter)

    @property
    def fresh(self) -> bool:
        """A database made by this start (no schema before its migrations ran)."""
        return self.upgrade.from_revision is None


def _opens_a_backup(path: Path, key: DatabaseKey, paths: AppPaths) -> bool:
    """Whether `key` opens a backup of this very database (same salt) that it does not open:
    the passphrase was changed since (or a change was rolled back), so it is the other one."""
    for backup in list_backups(paths.backup_dir, path.stem):
        try:
            if read_salt(backup) != key.salt:
                continue
            connect_file(f"{backup.as_uri()}?mode=ro&immutable=1", key, uri=True).close()
        except unreadable_errors():
            continue
        return True
    return False


def _refuse_read_only(path: Path) -> None:
    """SQLite cannot open a database in WAL mode where it cannot write its -shm beside it; it
    then says only 'unable to open database file'. Say what it is: read-only."""
    if path.exists() and read_only_folder(path.parent):
        raise DatabaseUnavailableError(
            f"{path.parent} is read-only",
            f"De database {path} staat in een map die alleen-lezen is (of op een schijf die "
            "alleen-lezen is aangekoppeld): de Gebiedsapp kan hem daar niet openen. Zet de "
            "database in een map waarin u mag schrijven, of vraag de beheerder om schrijfrechten. "
            "Er is niets gewijzigd.",
        )


def _damaged(
    path: Path, key: DatabaseKey | None, problem: str, *, what: str = ""
) -> DamagedDatabaseError:
    """SQLite's `problem` (English) goes to the log; the user reads `what`, in Dutch."""
    what = what or "de controle van de database vond fouten; de details staan in het logboek"
    return DamagedDatabaseError(
        f"{path} failed the integrity check: {problem}",
        f"De database {path} is beschadigd ({what}). Er is niets aan gewijzigd. "
        "Zet de nieuwste goede reservekopie terug (Bestand → Reservekopie terugzetten, of "
        "'gebiedsapp db restore').",
        path,
        key,
    )


def check_integrity(url: str, key: DatabaseKey | None = None) -> None:
    """SQLite's quick check (read-only; about 0.1 s for the `large` demo database). Damage
    raises DamagedDatabaseError before anything writes to the file."""
    path = sqlite_file(make_url(url))
    if path is None or not path.exists() or not path.stat().st_size:
        return
    problem = quick_check(path, key)
    if problem != "ok":
        raise _damaged(path, key, problem)


def open_database(
    url: str,
    paths: AppPaths,
    *,
    actor: str,
    key: DatabaseKey | None = None,
    check_beside: bool = False,
) -> OpenedDatabase:
    """Open `url` for use; raises a `StorageError` (Dutch `user_message`) and changes nothing
    when the file is not ours, not a database, or from a newer version, or when `key` does not
    open it (WrongPassphraseError). `key` is for an encrypted file, or a new one to encrypt;
    it is ignored for a plain file (which then takes no personal data).

    `check_beside` (the window): an up-to-date database is opened before its integrity check
    (about half a second of a core for the `large` demo database, encrypted), which runs
    beside the window from its first paint (Database.begin_check) or from the first write,
    whichever comes first; that write waits for it and fails, writing nothing, when it finds
    damage. A database to upgrade is always checked first.
    """
    paths.ensure()  # the default database lives in the data dir: make it before looking
    path = sqlite_file(make_url(url))
    if path is not None:
        _refuse_read_only(path)
        recover_interrupted(path)  # an encryption that stopped half-way: nothing is lost
        if key is not None and file_state(path) == PLAIN:
            log.warning("%s is not encrypted; opened without its key", path)
            key = None
    try:
        state = check_database(url, key)
    except WrongPassphraseError:
        if path is not None and key is not None and key_fits_other_pages(path, key):
            raise _damaged(
                path,
                key,
                "its first page fails its check",
                what="de eerste pagina is onleesbaar, terwijl het wachtwoord de andere pagina's "
                "wel opent",
            ) from None
        if path is not None and key is not None and _opens_a_backup(path, key, paths):
            raise OtherPassphraseError(f"{path}: the key opens a backup only", OTHER) from None
        raise
    gate = None
    pending = path is not None and path.with_name(path.name + PENDING_SUFFIX).exists()
    if check_beside and state.is_current and not pending:
        gate = IntegrityGate(lambda: check_integrity(url, key), start=False, low=True)
    else:
        check_integrity(url, key)
    if path is not None and key is not None:  # the key opened it: the converted copy
        left = finish_pending_removals(path, key)
        if left:
            log.warning("plain backups not encrypted yet: %s", [str(p) for p in left])
    creating = path is not None and not path.exists()
    if creating:
        assert path is not None
        try:
            creating_marker(path).touch()  # an empty file beside it is then ours to go on with
        except OSError as exc:  # a read-only or unreachable folder: nothing is made
            why = explain_write_error(exc, path) or "De map van de database is niet bereikbaar."
            raise DatabaseUnavailableError(
                f"cannot create {path}: {exc}",
                f"De database kon niet worden gebruikt; er is niets gewijzigd. {why}",
            ) from exc
    try:
        database = Database.connect(url, key)
    except WrongKeyError as exc:  # the file changed under us since the check
        raise WrongPassphraseError(str(exc), "Het wachtwoord is onjuist.") from exc
    database.gate = gate
    try:
        result = upgrade(database.engine, backup_dir=paths.backup_dir, key=key)
        with database.unit_of_work(actor) as session:
            counts = load_reference_data(session)
    except BaseException:
        database.dispose()
        raise
    if path is not None:
        creating_marker(path).unlink(missing_ok=True)
    if counts:
        log.info("reference data loaded: %s", dict(counts))
    return OpenedDatabase(database=database, upgrade=result, reference_counts=counts)


def open_read_only(url: str, *, key: DatabaseKey | None = None) -> OpenedDatabase:
    """A damaged database file, opened to look at and to export from, where SQLite can still
    read it: no check, upgrade or reference data, and SQLite refuses every write, so nothing
    in the file changes. Raises DamagedDatabaseError when it cannot be read at all, or when it
    is from another version (its schema would not match)."""
    path = sqlite_file(make_url(url))
    if path is None:
        raise ValueError("only an SQLite file is opened read-only")
    unreadable = DamagedDatabaseError(
        f"{path} cannot be opened read-only",
        f"De database {path} is te zwaar beschadigd om hem alleen-lezen te openen. Zet een "
        "reservekopie terug.",
        path,
        key,
    )
    try:
        database = Database.connect(read_only_url(path), key)
    except WrongKeyError as exc:
        raise unreadable from exc
    failures: tuple[type[BaseException], ...] = (SQLAlchemyError, *database_errors())
    try:
        revision = current_revision(database.engine)
        with database.engine.connect() as connection:  # the tables a screen opens with
            for table in ("area", "koffiekar_session", "signal"):
                connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
    except failures as exc:
        database.dispose()
        raise unreadable from exc
    if revision != head_revision():
        database.dispose()
        raise unreadable
    log.warning("damaged database %s opened read-only", path)
    return OpenedDatabase(database=database, upgrade=UpgradeResult(revision, revision, None))
