"""Backup benchmarks (issue 19): `db backup` against a file copy of the same size, a save while
a backup is written, and what the start backups keep on the disk over two months of use, in
MB."""

from __future__ import annotations

import shutil
import statistics
import threading
import time
from collections.abc import Callable
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


def _longest_commit_while(source: Path, work: Callable[[], object]) -> float:
    """The longest commit of a small write (about a conversation's size), made every 20 ms on
    the database by a connection as the app's (synchronous as the app), while `work` runs."""
    took: list[float] = []
    failed: list[BaseException] = []
    ready, done = threading.Event(), threading.Event()

    def writer() -> None:
        try:
            raw = _raw_connection(source)  # made in its own thread, as the driver wants
            try:
                raw.execute("CREATE TABLE IF NOT EXISTS bench_touch (x)")
                raw.commit()
                ready.set()
                while not done.is_set():
                    start = time.perf_counter()
                    raw.execute("INSERT INTO bench_touch VALUES (randomblob(2000))")
                    raw.commit()
                    took.append(time.perf_counter() - start)
                    done.wait(0.02)
                raw.execute("DROP TABLE bench_touch")
                raw.commit()
            finally:
                raw.close()
        except BaseException as error:  # told in the bench's own thread, below
            failed.append(error)
        finally:
            ready.set()

    thread = threading.Thread(target=writer)
    thread.start()
    ready.wait(60)
    try:
        if not failed:
            work()
    finally:
        done.set()
        thread.join()
    if failed:
        raise RuntimeError("save_during_backup: the writer failed") from failed[0]
    if not took:
        raise RuntimeError("save_during_backup: no save was made while the copy ran")
    return max(took)


def bench_save_during_backup(workdir: Path, repeat: int) -> Result:
    """The longest save (a small commit every 20 ms) while `db backup` writes its copy, against
    the longest while a plain file copy of the same size is written and flushed at the end: a
    copy flushed only at its end kept the saves waiting for the disk (100-500 ms on ten times
    `large`); the backup flushes as it goes (storage.raw_copy.copy_flushed). Opt-in: run with
    --scale 10 (on `large` both copies are too small to hold a save up)."""
    from gebiedsapp.storage.backup import backup_sqlite_file

    _url, data_dir = _large_database(workdir)
    source = next(data_dir.glob("*.db"))
    out = workdir / "backup-save-bench"
    out.mkdir(exist_ok=True)
    key = _key()
    idle = _longest_commit_while(source, lambda: time.sleep(1.0))
    made: list[Path] = []
    plain = out / "kopie.db"

    def backup() -> None:
        made.append(backup_sqlite_file(source, out, reason="handmatig", key=key, rotate=False))

    values, baselines = [], []
    for _ in range(max(2, repeat)):
        values.append(_longest_commit_while(source, backup))
        for copy in made:
            copy.unlink()
            copy.with_name(copy.name + ".merk").unlink(missing_ok=True)
        made.clear()
        baselines.append(_longest_commit_while(source, lambda: _copy_and_flush(source, plain)))
        plain.unlink()
    value, baseline = statistics.median(values), statistics.median(baselines)
    size = source.stat().st_size / 1e6
    note = (
        f"{size:.0f} MB database; longest save with nothing else going on {idle * 1000:.0f} ms; "
        f"during the backups {', '.join(f'{v * 1000:.0f}' for v in values)} ms"
    )
    return Result("save_during_backup", value, baseline, value / baseline, 0.5, "s", note=note)


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
