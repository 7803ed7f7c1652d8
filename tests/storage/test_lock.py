"""The lock beside a database file (issue 13, item 6): one Gebiedsapp at a time, and never
a lock that outlives its process."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gebiedsapp.storage.errors import DatabaseInUseError
from gebiedsapp.storage.lock import WINDOW, DatabaseLock, lock_path

SRC = Path(__file__).resolve().parents[2] / "src"


def test_one_holder_at_a_time_and_who_it_is(tmp_path: Path) -> None:
    database = tmp_path / "gebied.db"
    first = DatabaseLock(database, program=WINDOW, user="anna")
    assert first.acquire()
    second = DatabaseLock(database, program="gebiedsapp db restore", user="bert")
    assert not second.acquire()
    holder = second.holder()
    assert holder is not None
    assert (holder.program, holder.user) == (WINDOW, "anna")
    assert holder.describe().startswith("in het venster van anna op ")
    with pytest.raises(DatabaseInUseError) as refused:
        second.__enter__()
    assert refused.value.user_message.startswith(
        f"De database {database} is nu geopend in het venster van anna"
    )
    first.release()
    assert not lock_path(database).exists()  # nothing left beside the database
    with second:
        assert second.held
        assert DatabaseLock(database, program=WINDOW, user="anna").acquire() is False
    assert not second.held


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_the_lock_of_a_killed_process_does_not_block(tmp_path: Path) -> None:
    database = tmp_path / "gebied.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                sys.path.insert(0, {str(SRC)!r})
                from gebiedsapp.storage.lock import DatabaseLock
                lock = DatabaseLock(__import__("pathlib").Path({str(database)!r}),
                                    program="venster", user="anna")
                assert lock.acquire()
                print("HELD", flush=True)
                time.sleep(600)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "HELD\n"
        assert not DatabaseLock(database, program=WINDOW, user="bert").acquire()
        holder.send_signal(signal.SIGKILL)
        assert holder.wait(timeout=30) == -signal.SIGKILL
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert lock_path(database).exists()  # left behind by the kill...
    after = DatabaseLock(database, program=WINDOW, user="bert")
    assert after.acquire()  # ...and no obstacle
    assert after.holder() is not None
    assert after.holder().user == "bert"
    after.release()


def test_a_folder_without_rights_takes_no_lock_and_blocks_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "bestaat-niet" / "gebied.db"
    lock = DatabaseLock(missing, program=WINDOW, user="anna")
    assert lock.acquire()  # SQLite will say what is wrong with the folder, in Dutch
    assert not lock.held
    lock.release()
