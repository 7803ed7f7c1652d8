"""Files Gebiedsapp must not open are refused without a single byte changed."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from gebiedsapp import cli
from gebiedsapp.paths import AppPaths
from gebiedsapp.paths import app_paths as make_app_paths
from gebiedsapp.startup import open_database
from gebiedsapp.storage.crypto import SQLITE_HEADER
from gebiedsapp.storage.errors import (
    DatabaseTooNewError,
    DatabaseUnavailableError,
    EmptyDatabaseFileError,
    ForeignDatabaseError,
    NotADatabaseError,
    StorageError,
)
from gebiedsapp.storage.migrate import check_database, creating_marker


def _text_file(path: Path) -> None:
    path.write_text("hello", encoding="utf-8")


def _random_bytes(path: Path) -> None:
    data = random.Random(4096).randbytes(4096)
    assert not data.startswith(SQLITE_HEADER)
    path.write_bytes(data)


def _damaged_sqlite(path: Path) -> None:
    path.write_bytes(SQLITE_HEADER + bytes(range(256)) * 16)


def _foreign_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE foo (id INTEGER PRIMARY KEY, bar TEXT)")
        connection.execute("INSERT INTO foo (bar) VALUES ('van een ander programma')")
        connection.commit()
    finally:
        connection.close()


def _future_gebiedsapp(path: Path) -> None:
    """A real Gebiedsapp database, then stamped with a revision this version cannot know."""
    opened = open_database(f"sqlite:///{path}", make_app_paths(path.parent / "maker"), actor="t")
    opened.database.dispose()
    connection = sqlite3.connect(path)
    try:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
        connection.commit()
    finally:
        connection.close()


CASES: dict[str, tuple[Callable[[Path], None], type[StorageError]]] = {
    "text": (_text_file, NotADatabaseError),
    "random-bytes": (_random_bytes, NotADatabaseError),
    "damaged-sqlite": (_damaged_sqlite, NotADatabaseError),
    "foreign-sqlite": (_foreign_sqlite, ForeignDatabaseError),
    "newer-gebiedsapp": (_future_gebiedsapp, DatabaseTooNewError),
}


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def _backups(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir() if p.name.startswith(path.name)}


@pytest.fixture(params=sorted(CASES))
def refused(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, type[StorageError]]:
    make, error = CASES[request.param]
    path = tmp_path / "x.db"
    make(path)
    assert _siblings(path) == {"x.db"}
    return path, error


def test_refused_file_is_untouched(
    refused: tuple[Path, type[StorageError]], app_paths: AppPaths
) -> None:
    path, error = refused
    before = _snapshot(path)

    with pytest.raises(error) as caught:
        open_database(f"sqlite:///{path}", app_paths, actor="test")

    assert type(caught.value) is error
    message = caught.value.user_message
    assert str(path) in message
    assert "niet" in message.lower()  # "niet gewijzigd" / "niets gewijzigd": Dutch, reassuring
    assert _snapshot(path) == before
    assert _backups(app_paths.backup_dir) == []


@pytest.mark.parametrize(
    "case",
    sorted(CASES),
)
def test_refusal_leaves_no_sidecar_files(case: str, tmp_path: Path, app_paths: AppPaths) -> None:
    make, error = CASES[case]
    path = tmp_path / "x.db"
    make(path)
    with pytest.raises(error):
        open_database(f"sqlite:///{path}", app_paths, actor="test")
    assert _siblings(path) == {"x.db"}


def test_check_of_own_database_leaves_no_sidecar_files(tmp_path: Path) -> None:
    """`db current` on a normal database promises to change nothing; same cause as above."""
    path = tmp_path / "x.db"
    opened = open_database(f"sqlite:///{path}", make_app_paths(tmp_path / "data"), actor="t")
    opened.database.dispose()
    assert _siblings(path) == {"x.db"}
    before = _snapshot(path)
    state = check_database(f"sqlite:///{path}")
    assert state.is_current
    assert _snapshot(path) == before
    assert _siblings(path) == {"x.db"}


def test_cli_refuses_with_dutch_message(
    refused: tuple[Path, type[StorageError]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _ = refused
    before = _snapshot(path)
    data_dir = tmp_path / "cli-data"

    code = cli.main(["--data-dir", str(data_dir), "--database", str(path), "areas"])

    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert str(path) in captured.err
    assert "Gebiedsapp" in captured.err
    assert _snapshot(path) == before
    assert _backups(data_dir / "backups") == []


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bestaat-niet" / "x.db"
    with pytest.raises(DatabaseUnavailableError) as caught:
        check_database(f"sqlite:///{path}")
    assert "bestaat niet" in caught.value.user_message
    assert not path.parent.exists()


def test_an_empty_file_is_new_only_when_the_app_was_making_it(tmp_path: Path) -> None:
    """Zero bytes: a database emptied by a fault is refused (tests/storage/test_empty_file.py);
    the app's own new database, whose first start stopped, is accepted as empty."""
    path = tmp_path / "x.db"
    path.touch()
    with pytest.raises(EmptyDatabaseFileError):
        check_database(f"sqlite:///{path}")
    creating_marker(path).touch()
    state = check_database(f"sqlite:///{path}")
    assert (state.exists, state.revision, state.is_current) == (False, None, False)
