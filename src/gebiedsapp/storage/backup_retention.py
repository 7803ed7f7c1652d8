"""The start's backup: made only when the database changed since a backup, and thinned by age
so that a month of history costs about ten copies, not ten copies of the last two days.

Which start copies are kept (their age from the time in their name):
- the newest one, however old (after a holiday it may be the only one);
- the newest RECENT of the last 24 hours;
- the newest of each calendar day of the last DAYS days;
- the newest of each week (ISO week) of the last WEEKS weeks.
Someone who works every day keeps about ten copies (7 days and 3 earlier weeks); a day with
five starts adds at most one. Copies made for another reason (before an upgrade, an import,
a restore, by hand) keep their own count-based rotation; copies under another key are never
thinned (they may be the only copy of the old data).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from gebiedsapp.storage.backup import (
    _NAME,
    _salt_or_none,
    backup_sqlite_file,
    list_backups,
    remove_backup,
    remove_leftovers,
)
from gebiedsapp.storage.change_mark import mark_of_file, read_mark
from gebiedsapp.storage.crypto import DatabaseKey, unreadable_errors

log = logging.getLogger(__name__)

START_REASON = "start"
RECENT = 2
DAYS = 7
WEEKS = 4


def kept_by_age(made: Sequence[datetime], now: datetime) -> set[int]:
    """The indexes in `made` (when each copy was made) that the age rule keeps."""
    order = sorted(range(len(made)), key=lambda i: made[i], reverse=True)
    keep = set(order[:1])
    recent = [i for i in order if now - made[i] < timedelta(days=1)]
    keep.update(recent[:RECENT])
    days: set[object] = set()
    weeks: set[object] = set()
    for i in order:  # newest first: the first seen of a day or a week is its newest
        age = now - made[i]
        day = made[i].date()
        if age < timedelta(days=DAYS) and day not in days:
            days.add(day)
            keep.add(i)
        week = made[i].isocalendar()[:2]
        if age < timedelta(weeks=WEEKS) and week not in weeks:
            weeks.add(week)
            keep.add(i)
    return keep


def made_at(path: Path) -> datetime | None:
    match = _NAME.fullmatch(path.name)
    return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") if match else None


def thin_start_copies(
    backup_dir: Path, stem: str, *, key: DatabaseKey | None, now: datetime | None = None
) -> list[Path]:
    """Remove the start copies the age rule does not keep (only those under `key`'s salt);
    returns what was removed. Logs what the kept backups of `stem` take, in MB."""
    now = now or datetime.now()
    salt = key.salt if key is not None else None
    starts = [
        (path, when)
        for path in list_backups(backup_dir, stem)
        if path.name.endswith(f"-{START_REASON}.db")
        and (when := made_at(path)) is not None
        and _salt_or_none(path) == salt
    ]
    keep = kept_by_age([when for _path, when in starts], now)
    removed = [
        path
        for i, (path, _when) in enumerate(starts)
        if i not in keep and remove_backup(path, why="older than the age rule keeps")
    ]
    remove_leftovers(backup_dir, stem)
    log.info("backups of %s: %.0f MB in %s", stem, total_mb(backup_dir, stem), backup_dir)
    return removed


def total_mb(backup_dir: Path, stem: str) -> float:
    """What the backups of `stem` in `backup_dir` take on the disk, in MB."""
    total = 0
    for path in list_backups(backup_dir, stem):
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total / 1e6


def current_copy(source: Path, backup_dir: Path, key: DatabaseKey | None) -> Path | None:
    """A backup in `backup_dir` of exactly what `source` holds now (its mark is the same),
    or None. Any reason counts: a copy by hand or before an upgrade holds the same data."""
    try:
        mark = mark_of_file(source, key)
    except unreadable_errors() as exc:  # cannot tell: a copy is the safe side
        log.warning("change mark of %s not read: %s", source, exc)
        return None
    for path in list_backups(backup_dir, source.stem):
        if read_mark(path) == mark:
            try:
                if path.stat().st_size > 0:
                    return path
            except OSError:
                continue
    return None


def start_backup(
    source: Path,
    backup_dir: Path,
    *,
    key: DatabaseKey | None,
    create_folder: bool = True,
    now: datetime | None = None,
) -> Path | None:
    """The backup a start makes: only when no backup holds the database as it is now (then
    None), and thinned by age afterwards. BackupError (Dutch) when the copy fails."""
    if backup_dir.is_dir():
        same = current_copy(source, backup_dir, key)
        if same is not None:
            log.info("no start backup: %s holds the database as it is", same)
            return None
    copy = backup_sqlite_file(
        source,
        backup_dir,
        reason=START_REASON,
        key=key,
        create_folder=create_folder,
        rotate=False,
    )
    thin_start_copies(backup_dir, source.stem, key=key, now=now)
    return copy
