"""A damaged database for the tests of damage: real, encrypted, one page garbled."""

from __future__ import annotations

from pathlib import Path

from gebiedsapp.paths import AppPaths
from gebiedsapp.startup import open_database
from support import dbfile
from support.dbfile import TEST_KEY


def damaged_database(path: Path, paths: AppPaths) -> Path:
    """A real, encrypted Gebiedsapp database whose last page is garbled (its HMAC fails):
    the integrity check finds it, the tables a screen opens with still read."""
    open_database(f"sqlite:///{path}", paths, actor="x", key=TEST_KEY).database.dispose()
    connection = dbfile.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(path.read_bytes())
    last = len(data) - 4096
    data[last + 100 : last + 140] = b"\xff" * 40
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return path
