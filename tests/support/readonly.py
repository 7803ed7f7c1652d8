"""A folder that really cannot be written to, for the tests of a read-only data folder.

The tests run as root in CI, and root writes through any chmod: there the folder is a bind
mount remounted read-only (the kernel refuses every write, as on a read-only share or disk).
As another user a folder without write permission does the same. Where neither can be made
(Windows, or a container without mount rights), the test is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*args: str | Path) -> bool:
    return subprocess.run([str(a) for a in args], capture_output=True, check=False).returncode == 0


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """`folder` (made if needed) made read-only for the block; writable again after it."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name != "posix":
        pytest.skip("a read-only folder is made here with a mount or chmod (Linux, macOS)")
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            yield folder
        finally:
            folder.chmod(mode)
        return
    if shutil.which("mount") is None or not _run("mount", "--bind", folder, folder):
        pytest.skip("root without mount rights: a read-only bind mount cannot be made here")
    try:
        if not _run("mount", "-o", "remount,ro,bind", folder):
            pytest.skip("the bind mount cannot be remounted read-only here")
        probe = folder / ".probe"
        try:
            probe.touch()
        except OSError:
            pass
        else:  # pragma: no cover - a mount that says ro but writes
            probe.unlink()
            pytest.skip("the read-only mount still takes writes here")
        yield folder
    finally:
        _run("umount", folder)
