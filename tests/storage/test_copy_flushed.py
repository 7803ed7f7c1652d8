"""`raw_copy.copy_flushed`: the backup's copy, flushed to the disk piece by piece so that saves
made meanwhile do not wait for a gigabyte to be written at once (issue 19; bench/backups.py
`save_during_backup` measures that). Here: the copy is the file, byte for byte, by either way
of copying, whatever the file's size against the pieces."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from gebiedsapp.storage import raw_copy


@pytest.mark.parametrize("size", [0, 1, 4096, 10_000, 3 * 4096 + 17])
@pytest.mark.parametrize("way", ["sent", "read"])
def test_the_copy_is_the_file_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int, way: str
) -> None:
    if way == "sent" and not sys.platform.startswith("linux"):
        pytest.skip("sendfile to a file: Linux only")
    monkeypatch.setattr(sys, "platform", "linux" if way == "sent" else "win32")
    source, target = tmp_path / "bron.db", tmp_path / "kopie.db"
    data = os.urandom(size)
    source.write_bytes(data)
    target.write_bytes(b"x" * (size + 5000))  # a longer leftover is replaced, not overwritten

    raw_copy.copy_flushed(source, target, every=4096)

    assert target.read_bytes() == data


def test_the_pieces_are_flushed_as_they_go(tmp_path: Path) -> None:
    """Every piece is handed to the disk before the next is read (the pieces of a 3.5-piece
    file: three whole ones and the rest)."""
    source = tmp_path / "bron.db"
    source.write_bytes(os.urandom(3 * 4096 + 2048))
    with source.open("rb") as src, (tmp_path / "kopie.db").open("wb") as dst:
        pieces = raw_copy._pieces_read(src, dst, 4096)
        sizes = []
        for piece in pieces:
            sizes.append(piece)
            dst.flush()
            assert os.path.getsize(tmp_path / "kopie.db") == sum(sizes)  # written, not held
    assert sizes == [4096, 4096, 4096, 2048]
