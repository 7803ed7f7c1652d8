"""Backup copies of an SQLite database through SQLite's online backup API.

The online API gives a consistent copy even while the app has the database open in WAL mode;
a plain file copy would not. Copies rotate: the newest `keep` per database are kept.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from gebiedsapp.storage.errors import BackupError

log = logging.getLogger(__name__)

DEFAULT_KEEP = 10


def backup_sqlite_file(
    source: Path, backup_dir: Path, *, reason: str, keep: int = DEFAULT_KEEP
) -> Path:
    """Copy `source` into `backup_dir` as `<stem>-<timestamp>-<reason>.db`; return the copy."""
    if not source.exists():
        raise BackupError(
            f"cannot back up {source}: file does not exist",
            f"Er is geen database om te bewaren op {source}.",
        )
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = backup_dir / f"{source.stem}-{stamp}-{reason}.db"
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(
            f"backup of {source} to {backup_dir} failed: {exc}",
            f"De reservekopie kon niet worden gemaakt in {backup_dir}: {exc}",
        ) from exc
    log.info("backup of %s written to %s", source, target)
    _rotate(backup_dir, source.stem, keep)
    return target


def list_backups(backup_dir: Path, stem: str) -> list[Path]:
    """Backups of the database called `stem`, newest first (not those of `stem-2.db`)."""
    if not backup_dir.is_dir():
        return []
    pattern = re.compile(rf"{re.escape(stem)}-\d{{8}}-\d{{6}}-\d{{6}}-[^/]*\.db")
    return sorted(
        (p for p in backup_dir.glob(f"{stem}-*.db") if pattern.fullmatch(p.name)), reverse=True
    )


def _rotate(backup_dir: Path, stem: str, keep: int) -> None:
    for old in list_backups(backup_dir, stem)[keep:]:
        try:
            old.unlink()
            log.info("old backup %s removed (keeping %d)", old, keep)
        except OSError as exc:  # a locked old copy must not stop the app
            log.warning("could not remove old backup %s: %s", old, exc)
