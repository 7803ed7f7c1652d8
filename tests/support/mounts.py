"""Real file-system faults for tests: a full disk (a small tmpfs) and a read-only folder (a
tmpfs remounted read-only). The tests run as root, where chmod stops no write, so a mount is
the honest way; where mounting is impossible (not Linux, not root, a container without the
right) the test is skipped and says why."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("a real full or read-only file system needs a tmpfs mount: Linux as root")
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")


@contextmanager
def small_disk(folder: Path, *, size: str = "64k") -> Iterator[Path]:
    """`folder` on a file system of `size` bytes, which a database copy fills up."""
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def make_read_only(folder: Path) -> None:
    """Remount the tmpfs at `folder` (from small_disk) read-only: nothing can be written."""
    _mount("-o", "remount,ro", str(folder))
