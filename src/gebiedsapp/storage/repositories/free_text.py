"""Every column where people type free text, for inzage and verwijdering (services.mentions):
a name, phone number or e-mail address can be written anywhere a person types, not only in the
records linked to a resident.

The full-text index (the `*_fts` tables) holds the words of conversations, contacts and rounds,
which are listed here; it is rebuilt after an erasure (storage.traces), so it keeps nothing
that was scrubbed from them. Reference data (areas, themes, partners, categories) and the audit
log (names of fields only, hash-chained) are not searched. Sync conflicts are (they keep both
laptops' versions of a record's text); the rest of sync's bookkeeping holds keys and keyed
digests, no words.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from gebiedsapp.domain import (
    Activity,
    Assignment,
    Base,
    Consent,
    Contact,
    Conversation,
    Draft,
    FollowUp,
    Initiative,
    InitiativeMilestone,
    KoffiekarSession,
    RecordVersion,
    Signal,
    SignalFeedback,
    SignalHistory,
    SignalPhoto,
    SyncConflict,
)


@dataclass(frozen=True)
class TextSource:
    """One table: what a row is called (Dutch), its text columns, its day, and the record it
    belongs to (a version's record, a history entry's signal), if any."""

    model: type[Base]
    kind: str
    columns: tuple[str, ...]
    day: str
    owner: str = ""
    json: bool = False  # the columns hold JSON (drafts, versions): search their strings
    day_of: tuple[str, type[Base]] | None = None  # (foreign key, model): `day` is the model's

    @property
    def table(self) -> str:
        return str(self.model.__tablename__)


SOURCES: tuple[TextSource, ...] = (
    TextSource(
        Conversation,
        "Koffiekargesprek",
        ("summary", "quote"),
        "date",
        day_of=("session_id", KoffiekarSession),
    ),
    TextSource(KoffiekarSession, "Koffiekarronde", ("place", "notes", "weather"), "date"),
    TextSource(Contact, "Contact", ("subject", "notes", "group_name"), "date"),
    TextSource(Activity, "Activiteit", ("subject", "place", "notes", "outcomes"), "date"),
    TextSource(FollowUp, "Actie", ("description",), "created_at"),
    TextSource(Signal, "Signaal", ("description", "location"), "reported_on"),
    TextSource(
        SignalHistory, "Geschiedenis van een signaal", ("old", "new", "note"), "at", "signal_id"
    ),
    TextSource(SignalFeedback, "Terugkoppeling", ("note",), "given_on", "signal_id"),
    TextSource(
        SignalPhoto, "Foto bij een signaal", ("caption", "file_name"), "created_at", "signal_id"
    ),
    TextSource(
        Initiative,
        "Bewonersinitiatief",
        ("title", "carried_by", "description", "support", "budget_source"),
        "started_on",
    ),
    TextSource(
        InitiativeMilestone,
        "Mijlpaal van een initiatief",
        ("description",),
        "created_at",
        "initiative_id",
    ),
    TextSource(Consent, "Toestemming (notitie)", ("note",), "given_on", "resident_id"),
    TextSource(Assignment, "Rol in een gebied (notitie)", ("note",), "start_date"),
    TextSource(Draft, "Concept", ("payload",), "updated_at", "target_id", json=True),
    TextSource(RecordVersion, "Eerdere versie", ("changes",), "changed_at", "record_id", json=True),
    # both versions of the clashing fields of a record changed on two laptops: the record's
    # own text is scrubbed above, its other version only here
    TextSource(
        SyncConflict,
        "Synchronisatieconflict",
        ("local_values", "server_values"),
        "created_at",
        json=True,
    ),
)
BY_TABLE = {source.table: source for source in SOURCES}


@dataclass(frozen=True)
class TextRow:
    source: TextSource
    row_id: uuid.UUID
    day: date | None
    owner: uuid.UUID | None
    texts: dict[str, str]  # column -> text (only the non-empty ones)


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


class FreeTextRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def rows(self, source: TextSource, wanted: Callable[[str], bool]) -> Iterator[TextRow]:
        """The rows of `source` with a text for which `wanted` holds (soft-deleted ones too:
        they are still stored). On SQLite `wanted` runs inside the query, so only the few rows
        that hold a hit are read (the `large` demo database has 150,000 texts); JSON columns
        are tested by the caller, string by string."""
        model: Any = source.model
        columns: list[InstrumentedAttribute[str]] = [getattr(model, c) for c in source.columns]
        if source.json:
            condition: ColumnElement[bool] = or_(*(c != "{}" for c in columns))
        else:
            condition = or_(*(c != "" for c in columns))
            if self.session.get_bind().dialect.name == "sqlite":
                self._register(wanted)
                condition = or_(*(func.gebiedsapp_wanted(c) == 1 for c in columns))
        owner = getattr(model, source.owner) if source.owner else None
        if source.day_of is None:
            query = select(model.id, getattr(model, source.day), *columns)
        else:
            key, other = source.day_of
            joined: Any = other
            day = getattr(joined, source.day)
            query = select(model.id, day, *columns).join(joined, getattr(model, key) == joined.id)
        if owner is not None:
            query = query.add_columns(owner)
        width = len(columns)
        for row in self.session.execute(query.where(condition)):
            values = row[2 : 2 + width]
            yield TextRow(
                source,
                row[0],
                _day(row[1]),
                row[2 + width] if owner is not None else None,
                {c: v for c, v in zip(source.columns, values, strict=True) if v},
            )

    def _register(self, wanted: Callable[[str], bool]) -> None:
        """`wanted` as the SQL function gebiedsapp_wanted(text) on this session's connection."""
        driver = self.session.connection().connection.driver_connection
        assert driver is not None
        driver.create_function(
            "gebiedsapp_wanted",
            1,
            lambda text: int(bool(text) and wanted(text)),
            deterministic=True,
        )

    def load(self, table: str, row_id: uuid.UUID) -> Any:
        """The record itself, to change its text through the ORM (version and stamps move)."""
        return self.session.get(BY_TABLE[table].model, row_id)
