"""`raw_copy.copy_flushed`: the backup's copy, flushed to the disk piece by piece so that saves
made meanwhile do not wait for a gigabyte to be written at once (issue 19; bench/backups.py
`save_during_backup` measures that). Here: the copy is the file, byte for byte, by either way
of copying, whatever the file's size against the pieces; each piece is flushed before the
next is written."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from gebiedsapp.storage import raw_copy

WAYS = ["sent", "read"]


def _way(monkeypatch: pytest.MonkeyPatch, way: str) -> None:
    """sendfile (Linux) or reading and writing (elsewhere)."""
    if way == "sent" and not sys.platform.startswith("linux"):
        pytest.skip("sendfile to a file: Linux only")
    monkeypatch.setattr(sys, "platform", "linux" if way == "sent" else "win32")


@pytest.mark.parametrize("size", [0, 1, 4096, 10_000, 3 * 4096 + 17])
@pytest.mark.parametrize("way", WAYS)
def test_the_copy_is_the_file_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int, way: str
) -> None:
    _way(monkeypatch, way)
    source, target = tmp_path / "bron.db", tmp_path / "kopie.db"
    data = os.urandom(size)
    source.write_bytes(data)
    target.write_bytes(b"x" * (size + 5000))  # a longer leftover is replaced, not overwritten

    raw_copy.copy_flushed(source, target, every=4096)

    assert target.read_bytes() == data


@pytest.mark.parametrize("way", WAYS)
def test_each_piece_is_flushed_before_the_next_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    """The flush (the real one) comes after every piece: the file on the disk then holds the
    pieces so far, no more. Without a flush per piece the sizes seen are fewer."""
    _way(monkeypatch, way)
    source, target = tmp_path / "bron.db", tmp_path / "kopie.db"
    source.write_bytes(os.urandom(3 * 4096 + 2048))
    seen: list[int] = []
    real = raw_copy._flush_data

    def flush(fd: int) -> None:
        real(fd)
        seen.append(os.fstat(fd).st_size)

    monkeypatch.setattr(raw_copy, "_flush_data", flush)
    raw_copy.copy_flushed(source, target, every=4096)
    assert seen == [4096, 8192, 12288, 14336]

    seen.clear()
    raw_copy.copy_flushed(source, target, every=4096, flush=False)  # a copy not kept
    assert seen == []
    assert target.read_bytes() == source.read_bytes()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sendfile to a file: Linux")
@pytest.mark.parametrize("refused", [errno.EINVAL, errno.ENOSYS])
def test_a_file_system_that_refuses_sendfile_is_copied_by_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refused: int
) -> None:
    """A file system without sendfile (Linux 5.10+ says EINVAL for one without splice, e.g. a
    network share as the backup folder) is copied as shutil's copy does: read and written.
    Simulated: no such file system is at hand here."""
    source, target = tmp_path / "bron.db", tmp_path / "kopie.db"
    data = os.urandom(10_000)
    source.write_bytes(data)

    def refuse(*args: Any) -> int:
        raise OSError(refused, os.strerror(refused))

    monkeypatch.setattr(os, "sendfile", refuse)
    raw_copy.copy_flushed(source, target, every=4096)
    assert target.read_bytes() == data


def test_a_failure_midway_is_not_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a sendfile refused before the first byte falls back: a disk full midway (ENOSPC)
    or an EINVAL after a piece was sent is an error of the copy."""
    if not sys.platform.startswith("linux"):
        pytest.skip("sendfile to a file: Linux only")
    source, target = tmp_path / "bron.db", tmp_path / "kopie.db"
    source.write_bytes(os.urandom(10_000))
    real = os.sendfile
    calls = [0]

    def second_fails(out_fd: int, in_fd: int, offset: int, count: int) -> int:
        calls[0] += 1
        if calls[0] == 2:
            raise OSError(errno.EINVAL, "midway")
        return real(out_fd, in_fd, offset, count)

    monkeypatch.setattr(os, "sendfile", second_fails)
    with pytest.raises(OSError, match="midway"):
        raw_copy.copy_flushed(source, target, every=4096)
