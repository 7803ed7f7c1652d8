"""A write that cannot happen (database locked by another instance, disk full, read-only)
gives a clear Dutch message and changes nothing (issue 6)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from gebiedsapp.storage.errors import explain_write_error


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    path = tmp_path / "plain.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x TEXT)")
    return path


def _error(path: Path, statement: str, **connect: object) -> sqlite3.OperationalError:
    connection = sqlite3.connect(**{"database": str(path), **connect})  # type: ignore[call-overload]
    try:
        with pytest.raises(sqlite3.OperationalError) as failed:
            connection.execute(statement)  # autocommit off: the statement itself writes
        return failed.value
    finally:
        connection.close()


def test_locked_by_another_instance(plain: Path) -> None:
    holder = sqlite3.connect(plain)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        error = _error(plain, "INSERT INTO t VALUES ('x')", timeout=0)
    finally:
        holder.rollback()
        holder.close()
    assert "ander venster" in explain_write_error(error)


def test_read_only(plain: Path) -> None:
    error = _error(Path(f"file:{plain}?mode=ro"), "INSERT INTO t VALUES ('x')", uri=True)
    assert "alleen-lezen" in explain_write_error(error)


def test_disk_full(plain: Path) -> None:
    connection = sqlite3.connect(plain)
    try:
        connection.execute("PRAGMA max_page_count = 3")  # as if the disk were full
        with pytest.raises(sqlite3.OperationalError) as failed:
            connection.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 50)
    finally:
        connection.close()
    assert "schijf is vol" in explain_write_error(failed.value)


def test_the_error_sqlalchemy_wraps_is_explained_too(plain: Path) -> None:
    engine = create_engine(f"sqlite:///file:{plain}?mode=ro&uri=true")
    try:
        with pytest.raises(OperationalError) as failed, engine.begin() as connection:
            connection.execute(text("INSERT INTO t VALUES ('x')"))
    finally:
        engine.dispose()
    assert "alleen-lezen" in explain_write_error(failed.value)


def test_other_errors_are_not_guessed_at() -> None:
    assert explain_write_error(RuntimeError("no such column: y")) == ""
