"""Backup benchmarks (issue 19): `db backup` against a file copy of the same size, and what the
start backups keep on the disk over two months of use, in MB."""

from __future__ import annotations

import shutil
import statistics
import time
from datetime import datetime, timedelta
from datetime import time as dt_time
from pathlib import Path

from run import Result, _key, _large_database, _raw_connection


def _copy_and_flush(source: Path, target: Path) -> None:
    from gebiedsapp.storage.crypto import fsync_file

    shutil.copyfile(source, target)
    fsync_file(target)


def bench_db_backup(workdir: Path, repeat: int) -> Result:
    """`db backup` (storage.backup_sqlite_file) of the bench database while it is open with a
    WAL (as when the app runs), against copying and flushing a file of the same size."""
    from gebiedsapp.storage.backup import backup_sqlite_file

    _url, data_dir = _large_database(workdir)
    source = next(data_dir.glob("*.db"))
    out = workdir / "backup-bench"
    out.mkdir(exist_ok=True)
    raw = _raw_connection(source)  # the app's connection: the WAL is there, and stays
    try:
        raw.execute("CREATE TABLE IF NOT EXISTS bench_touch (x)")
        raw.execute("INSERT INTO bench_touch VALUES (1)")
        raw.commit()
        key = _key()
        values, baselines = [], []
        for _ in range(max(2, repeat)):
            start = time.perf_counter()
            copy = backup_sqlite_file(source, out, reason="handmatig", key=key, rotate=False)
            values.append(time.perf_counter() - start)
            copy.unlink()
            copy.with_name(copy.name + ".merk").unlink(missing_ok=True)  # its change mark
            plain = out / "kopie.db"
            start = time.perf_counter()
            _copy_and_flush(source, plain)
            baselines.append(time.perf_counter() - start)
            plain.unlink()
        raw.execute("DROP TABLE bench_touch")
        raw.commit()
    finally:
        raw.close()
    value, baseline = statistics.median(values), statistics.median(baselines)
    size = source.stat().st_size / 1e6
    return Result(
        "db_backup", value, baseline, value / baseline, 2.0, "s", note=f"{size:.0f} MB database"
    )


def _kept(starts: list[datetime], now: datetime) -> int:
    from gebiedsapp.storage.backup_retention import kept_by_age

    return len(kept_by_age(starts, now))


def bench_backup_total(workdir: Path, repeat: int) -> Result:
    """MB the start backups take after two months of starts at 9 and 13 on work days, with a
    change between starts: the age rule against the earlier ten newest. Counted by the rule on
    the bench database's size (no 600 MB files written 80 times)."""
    _url, data_dir = _large_database(workdir)
    size = next(data_dir.glob("*.db")).stat().st_size / 1e6
    now = datetime(2026, 6, 30, 14)
    starts = [
        datetime.combine(now.date() - timedelta(days=d), dt_time(h))
        for d in range(60)
        if (now.date() - timedelta(days=d)).weekday() < 5
        for h in (13, 9)
    ]
    starts = [s for s in starts if s <= now]
    kept = _kept(starts, now)
    before = min(10, len(starts))
    three_days = [s for s in starts if s.weekday() in (0, 2, 3) and s.hour == 9]
    note = (
        f"{kept} copies over a month (was {before} over the last five days), "
        f"{size:.0f} MB each; three starts a week: {_kept(three_days, now)} copies. "
        "A start without changes since the last copy writes none (was: every start)."
    )
    return Result("backup_total", kept * size, before * size, kept / before, 1.2, "MB", note=note)
