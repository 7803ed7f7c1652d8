"""Opening the app's database: check it, back it up, migrate it, load reference data.

Shared by the window and the CLI, so both refuse the same files and upgrade the same way.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy.engine import make_url

from gebiedsapp.paths import AppPaths
from gebiedsapp.services.reference_data import load_reference_data
from gebiedsapp.storage.backup import quick_check
from gebiedsapp.storage.database import Database, sqlite_file
from gebiedsapp.storage.errors import DamagedDatabaseError
from gebiedsapp.storage.migrate import UpgradeResult, check_database, upgrade

log = logging.getLogger(__name__)


@dataclass
class OpenedDatabase:
    database: Database
    upgrade: UpgradeResult
    reference_counts: Counter[str] = field(default_factory=Counter)


def check_integrity(url: str) -> None:
    """SQLite's quick check (read-only; about 0.1 s for the `large` demo database). Damage
    raises DamagedDatabaseError before anything writes to the file."""
    path = sqlite_file(make_url(url))
    if path is None or not path.exists() or not path.stat().st_size:
        return
    problem = quick_check(path)
    if problem != "ok":
        raise DamagedDatabaseError(
            f"{path} failed the integrity check: {problem}",
            f"De database {path} is beschadigd ({problem[:120]}). Er is niets aan gewijzigd. "
            "Zet de nieuwste goede reservekopie terug (Bestand → Reservekopie terugzetten, of "
            "'gebiedsapp db restore').",
            path,
        )


def open_database(url: str, paths: AppPaths, *, actor: str) -> OpenedDatabase:
    """Open `url` for use; raises a `StorageError` (Dutch `user_message`) and changes nothing
    when the file is not ours, not a database, or from a newer version.
    """
    paths.ensure()  # the default database lives in the data dir: make it before looking
    check_database(url)
    check_integrity(url)
    database = Database.connect(url)
    try:
        result = upgrade(database.engine, backup_dir=paths.backup_dir)
        with database.unit_of_work(actor) as session:
            counts = load_reference_data(session)
    except BaseException:
        database.dispose()
        raise
    if counts:
        log.info("reference data loaded: %s", dict(counts))
    return OpenedDatabase(database=database, upgrade=result, reference_counts=counts)
