"""The exchange file (issue 16): a laptop that never reaches the server hands its changes to
another by an encrypted, authenticated file, with the same merge and conflict rules as a
pull; a tampered, truncated, foreign or wrongly opened file changes nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from gebiedsapp.domain import (
    Area,
    Conversation,
    Handling,
    KoffiekarSession,
    SyncConflict,
    reference_id,
)
from gebiedsapp.paths import app_paths
from gebiedsapp.services import koffiekar
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.sync import exchange
from gebiedsapp.services.sync.model import SyncBusy, SyncError
from gebiedsapp.startup import open_database
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.lock import SyncLock
from gebiedsapp.storage.repositories import sync_local
from support.dbfile import TEST_KEY

BEERTA = reference_id("area", "beerta")
NIEUWOLDA = reference_id("area", "nieuwolda")
EENZAAMHEID = reference_id("theme", "eenzaamheid")
SECRET = "vier woorden als wachtwoord"


@pytest.fixture
def laptops(tmp_path: Path, migrated_template: Path) -> Iterator[dict[str, Database]]:
    opened = {}
    for name in ("anna", "bert"):
        path = tmp_path / f"{name}.db"
        shutil.copyfile(migrated_template, path)
        opened[name] = open_database(
            f"sqlite:///{path}", app_paths(tmp_path / f"data-{name}"), actor=name, key=TEST_KEY
        ).database
    yield opened
    for database in opened.values():
        database.dispose()


def record_round(database: Database, actor: str, summary: str) -> None:
    with database.unit_of_work(actor) as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=BEERTA, day=date(2026, 11, 23), start_time=time(9), place=actor),
        )
        koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(
                summary=summary, theme_ids=[EENZAAMHEID], handling=Handling.DOORVERWIJZEN
            ),
            today=date(2026, 11, 23),
        )


def describe(database: Database, actor: str, area: object, text: str) -> None:
    with database.unit_of_work(actor) as session:
        session.execute(update(Area).where(Area.id == area).values(description=text))


def summaries(database: Database) -> set[str]:
    with database.read_session() as session:
        return set(session.scalars(select(Conversation.summary)))


def description(database: Database, area: object) -> str:
    with database.read_session() as session:
        return str(session.scalar(select(Area.description).where(Area.id == area)))


def open_conflicts(database: Database) -> list[SyncConflict]:
    with database.read_session() as session:
        return list(session.scalars(select(SyncConflict).where(SyncConflict.status == "open")))


def counts(database: Database) -> tuple[int, ...]:
    with database.read_session() as session:
        return tuple(
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (KoffiekarSession, Conversation, SyncConflict)
        )


def test_a_round_travels_by_file_and_waits_there_for_the_server(
    laptops: dict[str, Database], tmp_path: Path
) -> None:
    anna, bert = laptops["anna"], laptops["bert"]
    record_round(anna, "anna", "Mevrouw mist de bus")
    file = tmp_path / "anna.gbu"
    made = exchange.export_changes(anna, file, SECRET, actor="anna")
    assert made.tables["conversation"] == 1
    assert b"Mevrouw" not in file.read_bytes()  # encrypted

    with bert.engine.connect() as connection:
        waiting_before = sync_local.pending(connection)
    result = exchange.import_changes(bert, file, SECRET, actor="bert")

    assert "Mevrouw mist de bus" in summaries(bert)
    assert result.added >= 3  # the round, its conversation and the conversation's theme
    assert result.conflicts == 0
    with bert.engine.connect() as connection:
        # what came in is bert's to send on: it reaches the server from either laptop
        assert sync_local.pending(connection) >= waiting_before + result.added
    with anna.engine.connect() as connection:
        assert sync_local.pending(connection) > 0  # anna's changes still wait for the server

    again = exchange.import_changes(bert, file, SECRET, actor="bert")
    assert (again.added, again.merged, again.conflicts) == (0, 0, 0)
    assert again.unchanged == result.added + result.merged + result.unchanged


def test_a_second_file_from_the_same_laptop_updates_without_conflicts(
    laptops: dict[str, Database], tmp_path: Path
) -> None:
    anna, bert = laptops["anna"], laptops["bert"]
    describe(anna, "anna", NIEUWOLDA, "Dorp aan het water")
    exchange.import_changes(
        bert, exchange.export_changes(anna, tmp_path / "1.gbu", SECRET, actor="anna").path,
        SECRET, actor="bert",
    )  # fmt: skip
    describe(anna, "anna", NIEUWOLDA, "Dorp aan het Oldambtmeer")
    second = exchange.export_changes(anna, tmp_path / "2.gbu", SECRET, actor="anna")
    assert second.rows == 1  # only what changed since the first file

    result = exchange.import_changes(bert, second.path, SECRET, actor="bert")

    assert result.conflicts == 0
    assert description(bert, NIEUWOLDA) == "Dorp aan het Oldambtmeer"


def test_the_same_field_changed_on_both_laptops_is_a_conflict_with_both_versions(
    laptops: dict[str, Database], tmp_path: Path
) -> None:
    anna, bert = laptops["anna"], laptops["bert"]
    describe(anna, "anna", BEERTA, "Dorp met een plein")
    describe(bert, "bert", BEERTA, "Dorp met een kerk")
    file = exchange.export_changes(anna, tmp_path / "anna.gbu", SECRET, actor="anna").path

    result = exchange.import_changes(bert, file, SECRET, actor="bert")

    assert result.conflicts == 1
    (conflict,) = open_conflicts(bert)
    assert conflict.fields == "description"
    assert "Dorp met een kerk" in conflict.local_values
    assert "Dorp met een plein" in conflict.server_values
    again = exchange.import_changes(bert, file, SECRET, actor="bert")
    assert again.conflicts == 0
    assert len(open_conflicts(bert)) == 1  # the same clash read twice: still one conflict


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (lambda data: data[:-40], "beschadigd, ingekort of veranderd"),
        (lambda data: data[:200] + bytes([data[200] ^ 1]) + data[201:], "beschadigd"),
        (lambda data: b"%PDF-1.7\n" + data[9:], "geen uitwisselingsbestand"),
        (lambda data: b"", "geen uitwisselingsbestand"),
    ],
    ids=["truncated", "one-bit-flipped", "foreign", "empty"],
)
def test_a_spoilt_or_foreign_file_is_refused_and_changes_nothing(
    laptops: dict[str, Database], tmp_path: Path, spoil: object, words: str
) -> None:
    anna, bert = laptops["anna"], laptops["bert"]
    record_round(anna, "anna", "Mevrouw mist de bus")
    file = exchange.export_changes(anna, tmp_path / "anna.gbu", SECRET, actor="anna").path
    file.write_bytes(spoil(file.read_bytes()))  # type: ignore[operator]
    before = counts(bert)

    with pytest.raises(SyncError) as refused:
        exchange.import_changes(bert, file, SECRET, actor="bert")

    assert words in refused.value.message
    assert "Er is niets gewijzigd" in refused.value.message
    assert counts(bert) == before


def test_the_wrong_passphrase_or_the_laptops_own_file_is_refused(
    laptops: dict[str, Database], tmp_path: Path
) -> None:
    anna, bert = laptops["anna"], laptops["bert"]
    record_round(anna, "anna", "Mevrouw mist de bus")
    file = exchange.export_changes(anna, tmp_path / "anna.gbu", SECRET, actor="anna").path
    with pytest.raises(SyncError, match="wachtwoord klopt niet"):
        exchange.import_changes(bert, file, "een ander wachtwoord", actor="bert")
    with pytest.raises(SyncError, match="op deze laptop zelf"):
        exchange.import_changes(anna, file, SECRET, actor="anna")
    with pytest.raises(SyncError, match="minstens"):
        exchange.export_changes(anna, tmp_path / "kort.gbu", "kort", actor="anna")
    assert not (tmp_path / "kort.gbu").exists()
    assert "Mevrouw mist de bus" not in summaries(bert)


def test_a_file_is_not_read_in_while_a_sync_runs_on_the_laptop(
    laptops: dict[str, Database], tmp_path: Path
) -> None:
    """The import merges as a pull does, so it takes the same lock as a sync; while one holds
    it, the import says so in Dutch and changes nothing."""
    anna, bert = laptops["anna"], laptops["bert"]
    record_round(anna, "anna", "Mevrouw mist de bus")
    file = tmp_path / "anna.gbu"
    exchange.export_changes(anna, file, SECRET, actor="anna")
    before = counts(bert)
    assert bert.file is not None
    running = SyncLock(bert.file, program="sync", user="bert")  # a sync in the window, say
    assert running.acquire()
    try:
        with pytest.raises(SyncBusy, match="Er loopt al een synchronisatie"):
            exchange.import_changes(bert, file, SECRET, actor="bert")
        assert counts(bert) == before
    finally:
        running.release()
    assert exchange.import_changes(bert, file, SECRET, actor="bert").added >= 3
