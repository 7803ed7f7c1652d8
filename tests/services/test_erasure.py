"""Erasure leaves the resident's name nowhere (issue 14, item 4): not in texts outside the
records linked to them (round notes, a conversation that only mentions them), not as a first
name alone, not in the search index, not in earlier versions or drafts; and not in the
database's files: every page of the file and of its write-ahead log is decrypted and searched,
also when another connection was reading while the erasure ran."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from gebiedsapp import cli
from gebiedsapp.domain import (
    Conversation,
    Draft,
    KoffiekarSession,
    RecordVersion,
    SignalField,
    SignalHistory,
    SignalPhoto,
    SignalSource,
    SyncConflict,
    reference_id,
)
from gebiedsapp.services import erasure, koffiekar, signal_photos, signals, subject_access
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.storage import traces
from gebiedsapp.storage.database import Database
from support.dbfile import connect, key_of
from support.images import png
from support.pages import readable
from support.people import BEERTA, EMAIL, NAME, OTHER, PHONE, Person

THEME = reference_id("theme", "eenzaamheid")
# what must be gone: as typed, folded as the search index keeps words, the phone's digits
TRACES = (
    NAME, "Bewonérsma", "Bewonersma", "bewonersma", "Jantje", "jantje",
    PHONE, "0612345678", "12 34 56 78", EMAIL,
)  # fmt: skip


@dataclass
class World:
    person: Person
    round_notes: uuid.UUID  # a round whose notes name them
    mentioned: uuid.UUID  # a conversation not linked to them that names them
    namesake: uuid.UUID  # a conversation about another Jantje


@pytest.fixture
def world(database: Database) -> World:
    person = Person(database)
    with database.unit_of_work("anna") as s:
        koffiekar.edit_conversation(  # the earlier text is kept as a version
            s, person.conversation,
            ConversationInput(f"{NAME} vertelde over de lantaarn; Jantje belt zelf terug",
                              theme_ids=[THEME], quote="Het is hier donker"),
        )  # fmt: skip
        signals.record_feedback(
            s, person.signal, given_on=date(2026, 3, 5), how="telefoon",
            note="Jantje gebeld: de lamp is gemaakt", today=date(2026, 3, 6),
        )  # fmt: skip
        notes = koffiekar.start_session(
            s, SessionInput(area_id=BEERTA, day=date(2026, 3, 9), start_time=time(10),
                            notes=f"Druk; {NAME} kwam langs met de buurvrouw")
        )  # fmt: skip
        mentioned = koffiekar.record_conversation(
            s, session_id=notes.id,
            data=ConversationInput(f"Buurman zegt dat {NAME.upper()} vaak alleen is "
                                   f"(tel. +31 6 12345678)", theme_ids=[THEME]),
        )  # fmt: skip
        namesake = koffiekar.record_conversation(
            s, session_id=notes.id,
            data=ConversationInput("Jantje van de bakker vraagt om een bankje", theme_ids=[THEME]),
        )  # fmt: skip
    return World(person, notes.id, mentioned.id, namesake.id)


def _file(database: Database) -> Path:
    path = database.file
    assert path is not None
    return path


def _traces_in(database: Database) -> list[str]:
    """Which of the person's details any decrypted page of the file or its log still holds."""
    path = _file(database)
    pages = readable(path, key_of(path))
    return [t for t in TRACES if t.encode() in pages]


def _index_terms(database: Database) -> set[str]:
    """The words in the full-text index itself (it may keep words its rows no longer have)."""
    terms: set[str] = set()
    with database.engine.begin() as c:
        for table in ("conversation", "contact", "koffiekar_session"):
            c.exec_driver_sql(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{table} "
                f"USING fts5vocab(main, {table}_fts, 'row')"
            )
            terms |= {row[0] for row in c.execute(text(f"SELECT term FROM temp.v_{table}"))}
    return terms


@pytest.fixture
def reader(database: Database) -> Iterator[Any]:
    """Another connection in the middle of reading (another window, a backup being made)."""
    connection = connect(_file(database))
    connection.execute("BEGIN")
    connection.execute("SELECT count(*) FROM conversation").fetchone()
    yield connection
    connection.close()


def test_every_mention_is_found_and_shown_to_confirm(database: Database, world: World) -> None:
    with database.sessions() as s:
        s.info["actor"] = "beheer"
        found = subject_access.mentions_of(s, [world.person.resident])
    by_kind: dict[str, list[str]] = {}
    for hit in found.hits:
        by_kind.setdefault(hit.kind, []).append(f"{hit.what}:{hit.found}:{hit.checked}")
    assert f"naam:{NAME}:True" in by_kind["Koffiekarronde"]  # round notes
    assert f"naam:{NAME.upper()}:True" in by_kind["Koffiekargesprek"]  # not linked to them
    assert "telefoonnummer:+31 6 12345678:True" in by_kind["Koffiekargesprek"]
    assert "voornaam of achternaam:Jantje:True" in by_kind["Koffiekargesprek"]  # linked: them
    assert "voornaam of achternaam:Jantje:False" in by_kind["Koffiekargesprek"]  # another Jantje?
    assert "voornaam of achternaam:Jantje:True" in by_kind["Terugkoppeling"]
    assert f"telefoonnummer:{PHONE}:True" in by_kind["Eerdere versie"]  # the edit
    assert f"telefoonnummer:{PHONE}:True" in by_kind["Concept"]
    assert f"naam:{NAME}:True" in by_kind["Signaal"]
    assert f"naam:{NAME}:True" in by_kind["Contact"]
    snippet = next(h.snippet for h in found.hits if h.kind == "Koffiekarronde")
    assert snippet == f"Druk; «{NAME}» kwam langs met de buurvrouw"
    assert OTHER not in " ".join(h.snippet for h in found.hits)


def test_inzage_lists_the_confirmed_mentions(database: Database, world: World) -> None:
    with database.sessions() as s:
        s.info["actor"] = "beheer"
        found = subject_access.mentions_of(s, [world.person.resident])
        data = subject_access.person_data(s, [world.person.resident], today=date(2026, 11, 27))
        kinds = {row["soort"] for row in {x.key: x.rows for x in data.sections}["vermeldingen"]}
        only_round = [h.key for h in found.hits if h.kind == "Koffiekarronde"]
        chosen = subject_access.person_data(
            s, [world.person.resident], today=date(2026, 11, 27), confirmed=only_round
        )
    assert {"Koffiekarronde", "Koffiekargesprek", "Concept", "Eerdere versie"} <= kinds
    rows = {x.key: x.rows for x in chosen.sections}["vermeldingen"]
    assert [row["fragment"] for row in rows] == [f"Druk; «{NAME}» kwam langs met de buurvrouw"]


def test_erasure_scrubs_the_confirmed_mentions_only(database: Database, world: World) -> None:
    with database.unit_of_work("beheer") as s:
        done = erasure.erase_people(s, [world.person.resident])
    assert (done.conversations, done.contacts, done.photos, done.drafts) == (1, 1, 1, 1)
    assert done.versions == 1
    with database.sessions() as s:
        round_ = s.get(KoffiekarSession, world.round_notes)
        assert round_ is not None
        assert round_.notes == "Druk; [gewist] kwam langs met de buurvrouw"
        said = s.get(Conversation, world.mentioned)
        assert said is not None
        assert said.summary == "Buurman zegt dat [gewist] vaak alleen is (tel. [gewist])"
        linked = s.get(Conversation, world.person.conversation)
        assert linked is not None
        assert linked.summary == "[gewist] vertelde over de lantaarn; [gewist] belt zelf terug"
        namesake = s.get(Conversation, world.namesake)
        assert namesake is not None  # a first name alone elsewhere: only when confirmed
        assert namesake.summary == "Jantje van de bakker vraagt om een bankje"
        draft = s.get(Draft, world.person.draft)
        assert draft is not None
        assert draft.payload == '{"notes": "bellen: [gewist]"}'  # kept, scrubbed
        versions = list(s.scalars(select(RecordVersion.changes)))
        assert versions
        assert not any("Jantje" in v or "56 78" in v for v in versions)


def test_a_text_changed_since_the_hits_were_shown_stops_the_erasure(
    database: Database, world: World
) -> None:
    with database.sessions() as s:
        s.info["actor"] = "beheer"
        keys = [h.key for h in subject_access.mentions_of(s, [world.person.resident]).hits]
    with database.unit_of_work("anna") as s:
        round_ = s.get(KoffiekarSession, world.round_notes)
        assert round_ is not None
        round_.notes = "Eerst iets anders. " + round_.notes

    def erase() -> None:
        with database.unit_of_work("beheer") as s:
            erasure.erase_people(s, [world.person.resident], confirmed=keys)

    with pytest.raises(ValidationError, match="niets gewist"):
        erase()
    with database.sessions() as s:
        s.info["actor"] = "beheer"
        assert subject_access.find_people(s, "bewonersma")  # nothing was erased


def _erase_everything(database: Database, world: World) -> None:
    """Erase, the user having checked every hit (the other Jantje too)."""
    with database.sessions() as s:
        s.info["actor"] = "beheer"
        keys = [h.key for h in subject_access.mentions_of(s, [world.person.resident]).hits]
    erasure.prepare(database)
    with database.unit_of_work("beheer") as s:
        erasure.erase_people(s, [world.person.resident], confirmed=keys)


def test_no_page_of_the_file_or_its_log_keeps_the_person(database: Database, world: World) -> None:
    assert set(_traces_in(database)) >= {NAME, PHONE, EMAIL}  # the decryption reads them
    _erase_everything(database, world)
    assert erasure.purge(database) == ""
    assert _traces_in(database) == []
    assert not {"jantje", "bewonersma"} & _index_terms(database)
    path = _file(database)
    assert OTHER.encode() in readable(path, key_of(path))  # the pages were read, decrypted
    assert not traces.marker(path).exists()


def test_a_reader_during_erasure_is_waited_for(
    database: Database, world: World, reader: Any
) -> None:
    waits: list[float] = []

    def wait(seconds: float) -> None:  # the other window finishes its query meanwhile
        waits.append(seconds)
        reader.execute("COMMIT")

    _erase_everything(database, world)
    assert erasure.purge(database, wait=wait) == ""
    assert waits  # the first checkpoint could not run
    assert _traces_in(database) == []


def test_a_reader_that_stays_is_reported_and_the_next_start_finishes(
    database: Database, world: World, reader: Any
) -> None:
    _erase_everything(database, world)
    message = erasure.purge(database, wait=lambda _s: None)
    assert "leest nog in de database" in message
    assert "volgende start" in message
    assert _traces_in(database)  # still there: this is what the user is told
    assert traces.marker(_file(database)).exists()
    reader.execute("COMMIT")
    assert erasure.finish_pending(database) == ""  # the next start
    assert _traces_in(database) == []
    assert not traces.marker(_file(database)).exists()
    assert erasure.finish_pending(database) == ""  # nothing pending: nothing done


def test_the_command_line_finishes_a_pending_clean_up(
    database: Database, world: World, reader: Any, cli_environment: None, tmp_path: Path
) -> None:
    _erase_everything(database, world)
    assert erasure.purge(database, wait=lambda _s: None)  # pending: somebody reads
    reader.execute("COMMIT")
    path = _file(database)
    database.dispose()
    assert cli.main(["--data-dir", str(tmp_path / "data"), "--database", str(path), "areas"]) == 0
    assert not traces.marker(path).exists()
    pages = readable(path, key_of(path))
    assert [t for t in TRACES if t.encode() in pages] == []


def test_a_sync_conflict_about_another_record_loses_the_words(
    database: Database, world: World
) -> None:
    """Both laptops' versions of a conversation that only mentions the person, kept by a sync
    conflict: scrubbed like the conversation itself, in the rows and in the file's pages."""
    with database.unit_of_work("anna") as s:
        conflict = SyncConflict(
            table_name="conversation",
            row_key=world.mentioned.hex,
            fields="summary",
            local_values=json.dumps({"summary": f"{NAME} belt niet terug"}, ensure_ascii=False),
            server_values=json.dumps({"summary": f"Bel {NAME} op {PHONE}"}, ensure_ascii=False),
            local_by="anna",
            server_by="bob",
        )
        s.add(conflict)
        s.flush()
        conflict_id = conflict.id
    with database.sessions() as s:
        s.info["actor"] = "beheer"
        hits = subject_access.mentions_of(s, [world.person.resident]).hits
    assert {h.kind for h in hits if h.row_id == conflict_id} == {"Synchronisatieconflict"}
    _erase_everything(database, world)
    assert erasure.purge(database) == ""

    with database.sessions() as s:
        kept = s.get(SyncConflict, conflict_id)
        assert kept is not None  # the clash itself stays for the user to decide
        assert json.loads(kept.local_values) == {"summary": "[gewist] belt niet terug"}
        assert json.loads(kept.server_values) == {"summary": "Bel [gewist] op [gewist]"}
    assert _traces_in(database) == []


def test_a_photo_that_names_them_is_found_and_scrubbed(database: Database, world: World) -> None:
    """A caption or file name on a signal not made with them (issue 16), and a history entry
    of an older app version that copied both: each is found, and scrubbed when confirmed."""
    with database.unit_of_work("anna") as s:
        signal = signals.create_signal(
            s,
            signals.SignalInput(
                area_id=BEERTA,
                description="Graffiti op een voordeur",
                source=SignalSource.EIGEN_WAARNEMING,
                reported_on=date(2026, 3, 10),
                category_id=reference_id("signal_category", "afval/zwerfvuil"),
            ),
            today=date(2026, 3, 10),
        )
        photo = signal_photos.add_photo(
            s,
            signal.id,
            file_name="bewonersma_voordeur.png",
            data=png(6, 6),
            caption=f"Voordeur van {NAME}",
        )
        signals.log_change(  # as an older version wrote it
            s, signal, SignalField.PHOTO, "", "bewonersma_voordeur.png", f"Voordeur van {NAME}"
        )
    with database.sessions() as s:
        s.info["actor"] = "beheer"
        found = subject_access.mentions_of(s, [world.person.resident])
    on_photos = {(h.kind, h.column, h.found) for h in found.hits if h.row_id == photo}
    assert on_photos == {
        ("Foto bij een signaal", "file_name", "bewonersma"),
        ("Foto bij een signaal", "caption", NAME),
    }
    with database.unit_of_work("beheer") as s:
        erasure.erase_people(s, [world.person.resident], confirmed=[h.key for h in found.hits])
    with database.sessions() as s:
        kept = s.get(SignalPhoto, photo)
        assert kept is not None  # not their signal: the photo stays, without their name
        assert (kept.file_name, kept.caption) == ("[gewist]_voordeur.png", "Voordeur van [gewist]")
        history = s.scalars(select(SignalHistory).where(SignalHistory.signal_id == signal.id))
        assert not [h for h in history if "bewonersma" in f"{h.old}{h.new}{h.note}".lower()]
