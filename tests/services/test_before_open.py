"""services.before_open reads a database URL without SQLAlchemy (issue 19); it must name the
same file as SQLAlchemy's reading does, whatever the URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from gebiedsapp.services.before_open import (
    database_file,
    database_state,
    key_beside,
    recover_interrupted,
)
from gebiedsapp.storage.database import sqlite_file
from gebiedsapp.storage.errors import EmptyDatabaseFileError
from support.dbfile import TEST_PASSPHRASE


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////tmp/x y/gebiedsapp.db",
        "sqlite:///relatief.db",
        "sqlite:///C:/Users/anna/gebiedsapp.db",
        "sqlite+pysqlcipher:////tmp/a.db",
        "sqlite:///a%20b.db",
        "sqlite:///file:/tmp/a.db?mode=ro&uri=true",
        "sqlite:///x@y.db",
        "sqlite://",
        "sqlite:///",
        "sqlite:///:memory:",
        "postgresql://anna@server/gebiedsapp",
    ],
)
def test_the_file_of_a_url_is_the_one_sqlalchemy_reads(url: str) -> None:
    assert database_file(url) == sqlite_file(make_url(url))


def test_an_empty_file_is_refused_and_a_missing_one_is_new(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.db"
    empty.write_bytes(b"")
    with pytest.raises(EmptyDatabaseFileError):
        database_state(f"sqlite:///{empty}")
    assert database_state(f"sqlite:///{tmp_path / 'nieuw.db'}") == "empty"
    assert recover_interrupted(tmp_path / "nieuw.db") == ""


def test_the_key_derived_beside_the_imports_is_the_key_of_the_file(db_url: str) -> None:
    """The start derives the key on a thread while opening's modules are imported: the same
    key as services.encryption's, and what runs meanwhile did run."""
    from gebiedsapp.services.encryption import key_for

    ran: list[str] = []
    key = key_beside(db_url, TEST_PASSPHRASE, meanwhile=lambda: ran.append("imports"))
    assert key == key_for(db_url, TEST_PASSPHRASE)
    assert ran == ["imports"]
    with pytest.raises(ValueError, match="only an SQLite file"):
        key_beside("sqlite://", TEST_PASSPHRASE, meanwhile=lambda: None)
