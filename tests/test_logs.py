"""The log file: made on the first record, kept to about a megabyte with three older ones
(the app's own rotation: logging.handlers is not imported before the passphrase dialog)."""

from __future__ import annotations

import logging
from pathlib import Path

from gebiedsapp.logs import close_logging, log_file, setup_logging
from gebiedsapp.paths import app_paths


def test_a_full_log_moves_to_dot_one_and_three_older_are_kept(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "data")
    path = setup_logging(paths)
    assert path == log_file(paths)
    assert not path.parent.exists()  # nothing logged yet: no folder
    log = logging.getLogger("gebiedsapp.test_logs")
    line = "x" * 1000
    try:
        for number in range(5_000):  # about 5 MB: four roll-overs
            log.info("%d %s", number, line)
    finally:
        close_logging()
    kept = sorted(p.name for p in path.parent.iterdir())
    assert kept == [
        "gebiedsapp.log",
        "gebiedsapp.log.1",
        "gebiedsapp.log.2",
        "gebiedsapp.log.3",
    ]
    for file in path.parent.iterdir():
        assert file.stat().st_size <= 1_000_000
    newest = path.read_text(encoding="utf-8").splitlines()
    assert newest[-1].endswith(f"4999 {line}")  # the last record is in the current file
    first_of_newest = int(newest[0].split(": ", 1)[1].split()[0])
    last_of_one = (path.parent / "gebiedsapp.log.1").read_text().splitlines()[-1]
    assert int(last_of_one.split(": ", 1)[1].split()[0]) == first_of_newest - 1  # none lost
