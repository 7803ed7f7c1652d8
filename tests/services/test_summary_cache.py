"""The summaries' facts kept per data version (services.summary_cache, storage.summary_version):
after any sequence of writes through the app's real write paths, a summary read from the kept
facts is the one computed afresh; every table a summary reads has the version's triggers; the
migration installs them on an existing database; the Samenvatting screen's first figures are
not counted again by the full summary that follows them."""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from alembic import command
from sqlalchemy import event, insert, select, text
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    ActionStatus,
    Contact,
    Conversation,
    FollowUp,
    Initiative,
    InitiativeStatus,
    KoffiekarSession,
    Resident,
    Role,
    Signal,
    SignalStatus,
    Theme,
    conversation_theme,
    reference_id,
)
from gebiedsapp.domain.signal_workflow import ALLOWED
from gebiedsapp.services import (
    actions,
    erasure,
    initiatives,
    koffiekar,
    retention,
    signals,
    summary_cache,
    teams,
)
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary import area_first_figures, area_summary, municipality_summary
from gebiedsapp.services.summary_cache import forget
from gebiedsapp.services.summary_facts import (
    PARTS,
    _buurten,
    first_facts,
    gather_facts,
    part_facts,
)
from gebiedsapp.services.summary_rows import team_of
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.migrate import alembic_config
from gebiedsapp.storage.repositories import sync_local
from gebiedsapp.storage.repositories.reports import ReportRepository
from gebiedsapp.storage.summary_version import (
    COUNTED_TABLES,
    OPERATIONS,
    REFERENCE_OF,
    trigger_name,
)
from support.summary_world import LICHT, SOCIAAL, Builder

if TYPE_CHECKING:
    from conftest import SummaryWorld

MIDWOLDA, BEERTA = reference_id("area", "midwolda"), reference_id("area", "beerta")
ASKED: list[tuple[list[uuid.UUID], Period]] = [
    ([MIDWOLDA], Period.month(2024, 3)),
    ([BEERTA], Period.quarter(2024, 1)),
    ([MIDWOLDA, BEERTA], Period.year(2024)),
    ([MIDWOLDA], Period(date(2024, 2, 10), date(2024, 3, 20))),  # a from-to period
]
YEAR = Period.year(2024)


def _summaries(database: Database, today: date) -> list[Any]:
    """Every summary of ASKED (full and first) and the municipality's, read as the app reads
    them (through the kept facts where they are current)."""
    out: list[Any] = []
    with database.read_session() as session:
        for area_ids, period in ASKED:
            out.append(area_summary(session, area_ids, period, today=today))
            out.append(area_first_figures(session, area_ids, period, today=today))
        out.append(municipality_summary(session, YEAR, today=today))
    return out


def _day(rng: random.Random) -> date:
    return date(2024, 1, 1) + timedelta(days=rng.randrange(120))


def _ids(session: Session, query: Any) -> list[Any]:
    return list(session.scalars(query))


class Writes:
    """The write paths, each a random step through the services (or the raw SQL a sync pull
    and the demo data use)."""

    def __init__(self, database: Database, rng: random.Random) -> None:
        self.database, self.rng = database, rng
        self.number = 900

    def _themes(self, session: Session) -> list[uuid.UUID]:
        found = _ids(session, select(Theme.id).order_by(Theme.name))
        return self.rng.sample(found, k=self.rng.randint(1, 2))

    def _one(self, session: Session, query: Any) -> Any:
        found = _ids(session, query)
        if not found:
            raise ValidationError("niets om te wijzigen")
        return self.rng.choice(found)

    def round(self, session: Session) -> None:
        said = [
            (self._themes(session), f"Uitspraak {self.rng.random():.6f}", self.rng.random() < 0.7)
            for _ in range(self.rng.randint(1, 3))
        ]
        Builder(session).round(self.rng.choice([MIDWOLDA, BEERTA]), _day(self.rng), said)

    def remove_conversation(self, session: Session) -> None:
        chosen = self._one(
            session, select(Conversation.id).where(Conversation.deleted_at.is_(None))
        )
        Builder(session).remove_conversation(chosen)

    def edit_conversation(self, session: Session) -> None:
        chosen = self._one(
            session, select(Conversation.id).where(Conversation.deleted_at.is_(None))
        )
        data = koffiekar.ConversationInput(
            summary="Bijgewerkt verslag",
            theme_ids=self._themes(session),
            quote=f"Nieuwe uitspraak {self.rng.random():.6f}",
            quote_reportable=self.rng.random() < 0.5,
        )
        koffiekar.edit_conversation(session, chosen, data)

    def signal(self, session: Session) -> None:
        reported = _day(self.rng)
        closed = reported + timedelta(days=self.rng.randrange(40))
        moves: list[tuple[list[SignalStatus], date]] = []
        if self.rng.random() < 0.6:
            moves.append(([SignalStatus.IN_BEHANDELING, SignalStatus.AFGEHANDELD], closed))
            if self.rng.random() < 0.5:  # closed, then reopened later
                moves.append(([SignalStatus.HEROPEND], closed + timedelta(days=20)))
        Builder(session).signal(
            self.rng.choice([MIDWOLDA, BEERTA]),
            reported,
            self.rng.choice([LICHT, SOCIAAL]),
            reported + timedelta(days=self.rng.choice([5, 30, 90])),
            moves,
        )

    def move_signal(self, session: Session) -> None:
        chosen = self._one(session, select(Signal.id).where(Signal.deleted_at.is_(None)))
        now = session.get_one(Signal, chosen).status
        target = self.rng.choice(sorted(ALLOWED[now], key=lambda s: s.value))
        day = _day(self.rng) + timedelta(days=60)
        signals.transition(session, chosen, target, today=day)
        Builder(session).backdate_last_move(chosen, datetime.combine(day, time(23), tzinfo=UTC))

    def feedback(self, session: Session) -> None:
        chosen = self._one(session, select(Signal.id).where(Signal.deleted_at.is_(None)))
        signals.record_feedback(session, chosen, given_on=_day(self.rng), how="telefoon")

    def remove_signal(self, session: Session) -> None:
        chosen = self._one(session, select(Signal.id).where(Signal.deleted_at.is_(None)))
        session.get_one(Signal, chosen).soft_delete()

    def action(self, session: Session) -> None:
        made = _day(self.rng)
        Builder(session).action(
            self.rng.choice([MIDWOLDA, BEERTA]),
            made,
            due=made + timedelta(days=14) if self.rng.random() < 0.7 else None,
            done=made + timedelta(days=self.rng.randrange(60)) if self.rng.random() < 0.5 else None,
        )

    def finish_action(self, session: Session) -> None:
        chosen = self._one(
            session,
            select(FollowUp.id).where(
                FollowUp.status == ActionStatus.OPEN, FollowUp.deleted_at.is_(None)
            ),
        )
        actions.set_done(session, chosen, done=True, today=_day(self.rng))

    def initiative(self, session: Session) -> None:
        started = _day(self.rng)
        done = self.rng.random() < 0.4
        Builder(session).initiative(
            self.rng.choice([MIDWOLDA, BEERTA]),
            f"Initiatief {self.rng.random():.6f}",
            started,
            status=InitiativeStatus.AFGEROND if done else InitiativeStatus.UITVOERING,
            ended=started + timedelta(days=30) if done else None,
            steps=[("Eerste stap", started + timedelta(days=10), None)],
        )

    def remove_initiative(self, session: Session) -> None:
        chosen = self._one(session, select(Initiative.id).where(Initiative.deleted_at.is_(None)))
        initiatives.remove_initiative(session, chosen)

    def contact(self, session: Session) -> None:
        Builder(session).contact(
            self.rng.choice([MIDWOLDA, BEERTA]), _day(self.rng), self._themes(session)
        )

    def meedenker(self, session: Session) -> None:
        self.number += 1
        Builder(session).meedenker(self.rng.choice([MIDWOLDA, BEERTA]), _day(self.rng), self.number)

    def team(self, session: Session) -> None:
        member = teams.add_member(session, name=f"Lid {self.rng.random():.6f}").id
        teams.assign(
            session,
            member_id=member,
            area_id=self.rng.choice([MIDWOLDA, BEERTA]),
            role=Role.OPBOUWWERKER,
            start_date=date(2023, 6, 1),
        )

    def rename_theme(self, session: Session) -> None:
        theme = session.get_one(Theme, self._one(session, select(Theme.id)))
        theme.name = f"{theme.name}*"

    def erase(self, session: Session) -> None:
        erasure.erase_person(session, self._one(session, select(Resident.id)))

    def retention(self, session: Session) -> None:
        retention.apply(session, today=date(2031, 1, 1))

    def pulled(self, session: Session) -> None:
        """Raw rows as the sync pull writes them (its own transaction, `applying` set, Core
        statements: no ORM, no audit hook), here a conversation and a theme link removed."""
        round_id = self._one(session, select(KoffiekarSession.id))
        link = session.execute(select(conversation_theme).limit(1)).first()
        stamp = datetime.now(UTC)
        with self.database.engine.begin() as connection:
            sync_local.set_applying(connection, True)
            new = uuid.uuid4()
            connection.execute(
                insert(Conversation).values(
                    id=new, session_id=round_id, summary="Van de server", quote="Van een collega",
                    quote_reportable=True, created_at=stamp, updated_at=stamp,
                    created_by="server", updated_by="server",
                )
            )  # fmt: skip
            connection.execute(
                insert(conversation_theme).values(
                    conversation_id=new, theme_id=self._themes(session)[0]
                )
            )
            if link is not None:
                connection.execute(
                    conversation_theme.delete().where(
                        conversation_theme.c.conversation_id == link.conversation_id,
                        conversation_theme.c.theme_id == link.theme_id,
                    )
                )
            sync_local.set_applying(connection, False)

    def steps(self) -> list[Callable[[Session], None]]:
        return [
            self.round,
            self.remove_conversation,
            self.edit_conversation,
            self.signal,
            self.move_signal,
            self.feedback,
            self.remove_signal,
            self.action,
            self.finish_action,
            self.initiative,
            self.remove_initiative,
            self.contact,
            self.meedenker,
            self.team,
            self.rename_theme,
            self.erase,
            self.retention,
            self.pulled,
        ]

    def order(self) -> list[Callable[[Session], None]]:
        """Every write path once, in a random order, then some more at random."""
        steps = self.steps()
        self.rng.shuffle(steps)
        return steps + self.rng.choices(steps, k=4)

    def one_step(self, step: Callable[[Session], None]) -> str:
        try:
            if step == self.pulled:
                with self.database.read_session() as session:
                    step(session)
            else:
                with self.database.unit_of_work("test") as session:
                    step(session)
        except ValidationError:
            pass  # refused: nothing written (and nothing to find below)
        return step.__name__


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kept_summaries_equal_fresh_ones_after_any_writes(
    summary_world: SummaryWorld, seed: int
) -> None:
    rng = random.Random(seed)
    writes = Writes(summary_world.database, rng)
    today = summary_world.today
    _summaries(summary_world.database, today)  # kept
    done = []
    for step in writes.order():
        done.append(writes.one_step(step))
        kept = _summaries(summary_world.database, today)
        forget()
        fresh = _summaries(summary_world.database, today)  # computed afresh, kept again
        for got, expected in zip(kept, fresh, strict=True):
            assert got == expected, f"after {done}"


@pytest.fixture
def read_tables(summary_world: SummaryWorld) -> set[str]:
    """The tables SQLite reads while the facts of several summaries and the area tree (both
    kept per data version) are computed afresh."""
    read: set[str] = set()

    def authorizer(action: int, table: str | None, *_: Any) -> int:
        if action == sqlite3.SQLITE_READ and table:
            read.add(table)
        return sqlite3.SQLITE_OK

    with summary_world.database.read_session() as session:
        raw: Any = session.connection().connection.dbapi_connection
        raw.set_authorizer(authorizer)
        every = {node.id for node in area_tree(session)}
        assert {"area", "area_buurt"} <= read
        for scope in ({MIDWOLDA, reference_id("area", "ekamp")}, None, every):
            for period in (summary_world.period, YEAR):
                args = (session, scope, period, period.previous(), summary_world.today)
                gather_facts(*args)
                first_facts(*args)
        raw.set_authorizer(None)
    return read


def test_every_table_a_summary_reads_changes_the_version(
    summary_world: SummaryWorld, read_tables: set[str]
) -> None:
    assert {"signal_history", "conversation_theme", "resident"} <= read_tables
    assert read_tables - {"sqlite_master"} <= set(COUNTED_TABLES)
    with summary_world.database.engine.connect() as connection:
        triggers = set(
            connection.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        )
    for table in COUNTED_TABLES:
        for operation in OPERATIONS:
            assert trigger_name(table, operation) in triggers


def test_reference_tables_are_read_only_by_their_parts(summary_world: SummaryWorld) -> None:
    """A write to a theme, category, partner or resident changes only the parts of every area
    that read it (REFERENCE_OF, migration 0021): each part's facts, counted under SQLite's
    authorizer, read no other reference table; the facts that are no part (buurten, team)
    read none of them. A new connection for each: the authorizer sees a statement when it is
    prepared, and a connection keeps its prepared statements."""
    database, today = summary_world.database, summary_world.today

    def tables_read(count: Callable[[Session], object]) -> set[str]:
        read: set[str] = set()

        def authorizer(action: int, table: str | None, *_: Any) -> int:
            if action == sqlite3.SQLITE_READ and table:
                read.add(table)
            return sqlite3.SQLITE_OK

        database.engine.dispose()
        with database.read_session() as session:
            raw: Any = session.connection().connection.dbapi_connection
            raw.set_authorizer(authorizer)
            try:
                count(session)
            finally:
                raw.set_authorizer(None)
        return read

    def counted(part: str) -> Callable[[Session], object]:
        def count(session: Session) -> None:
            for scope in ({MIDWOLDA}, None):
                for period in (summary_world.period, YEAR):
                    part_facts(session, part, scope, period, period.previous(), today)

        return count

    seen: set[str] = set()
    for part in PARTS:
        read = tables_read(counted(part))
        seen |= read
        for table in read & REFERENCE_OF.keys():
            assert part in REFERENCE_OF[table], (part, table)
    assert set(REFERENCE_OF) <= seen
    for scope in ({MIDWOLDA}, None):
        read = tables_read(
            lambda session, scope=scope: _buurten(session, ReportRepository(session), scope)
        )
        read |= tables_read(lambda session: team_of(session, YEAR))
        assert read & REFERENCE_OF.keys() == set()
        assert "area_buurt" in read
        assert "assignment" in read


def _version(database: Database) -> int | None:
    with database.engine.connect() as connection:
        present = connection.scalar(
            text("SELECT count(*) FROM sqlite_master WHERE name = 'summary_version'")
        )
        if not present:
            return None
        return connection.scalar(text("SELECT version FROM summary_version"))


def test_the_migration_installs_the_version_on_a_database_with_data(
    summary_world: SummaryWorld,
) -> None:
    database = summary_world.database
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0015")
    assert _version(database) is None
    forget()
    before = _summaries(database, summary_world.today)  # no version: computed every time
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    first = _version(database)
    assert first is not None
    forget()
    assert _summaries(database, summary_world.today) == before
    with database.unit_of_work("test") as session:
        theme = session.scalars(select(Theme.id)).first()
        assert theme is not None
        Builder(session).round(MIDWOLDA, date(2024, 3, 31), [([theme], "Na de upgrade", True)])
    assert _area_version(database, MIDWOLDA) is not None
    after = _summaries(database, summary_world.today)
    assert after[0].quotes[0].text == "Na de upgrade"


def _area_version(database: Database, area: uuid.UUID) -> str | None:
    """The area's versions (of its parts): other ones after any write in it."""
    with database.engine.connect() as connection:
        return connection.scalar(
            text(
                "SELECT group_concat(part || ':' || version, ' ') FROM (SELECT part, version "
                "FROM summary_part_version WHERE area_id = :a ORDER BY part)"
            ),
            {"a": area.hex},
        )


def test_a_write_in_another_area_keeps_an_areas_facts(summary_world: SummaryWorld) -> None:
    """A conversation saved in Beerta, a signal of Beerta edited: Midwolda's kept facts are
    taken again (not computed afresh); a write in Midwolda (or in Ekamp below it), a signal
    moved into Midwolda, a conversation moved out of it, a renamed theme or a resident's new
    name are not."""
    database, today, period = summary_world.database, summary_world.today, YEAR
    theme = reference_id("theme", "eenzaamheid")
    ekamp = reference_id("area", "ekamp")

    def facts() -> object:
        with database.read_session() as session:  # Midwolda with Ekamp below it
            scope = frozenset({MIDWOLDA, ekamp})
            return summary_cache.summary_facts(session, scope, period, today, full=True)

    def beerta_round(session: Session) -> None:
        Builder(session).round(BEERTA, date(2024, 3, 1), [([theme], "In Beerta", True)])

    def beerta_signal_edit(session: Session) -> None:
        chosen = session.scalars(select(Signal).where(Signal.area_id == BEERTA)).first()
        assert chosen is not None
        chosen.location = f"{chosen.location}."

    forget()
    kept = facts()
    for write in (beerta_round, beerta_signal_edit):
        with database.unit_of_work("test") as session:
            write(session)
        assert facts() is kept, write.__name__

    def midwolda_round(session: Session) -> None:
        Builder(session).round(MIDWOLDA, date(2024, 3, 1), [([theme], "In Midwolda", True)])

    def ekamp_contact(session: Session) -> None:
        Builder(session).contact(ekamp, date(2024, 3, 2), [theme])

    def signal_moved_here(session: Session) -> None:
        chosen = session.scalars(select(Signal).where(Signal.area_id == BEERTA)).first()
        assert chosen is not None
        chosen.area_id = MIDWOLDA

    def conversation_moved_away(session: Session) -> None:
        """to a round of Beerta: its theme links' area changes with it (the old area too)"""
        here, there = (
            session.scalars(
                select(KoffiekarSession.id).where(KoffiekarSession.area_id == area)
            ).first()
            for area in (MIDWOLDA, BEERTA)
        )
        chosen = session.scalars(select(Conversation).where(Conversation.session_id == here))
        first = chosen.first()
        assert first is not None
        assert there is not None
        first.session_id = there

    def renamed_theme(session: Session) -> None:
        session.get_one(Theme, theme).name = "Eenzaamheid*"

    def resident_renamed(session: Session) -> None:
        found = session.scalars(select(Resident)).first()
        assert found is not None
        found.name = f"{found.name} Jr"

    for write in (
        midwolda_round,
        ekamp_contact,
        signal_moved_here,
        conversation_moved_away,
        renamed_theme,
    ):
        with database.unit_of_work("test") as session:
            write(session)
        again = facts()
        assert again is not kept, write.__name__
        kept = again
    with database.unit_of_work("test") as session:
        resident_renamed(session)
    assert facts() is not kept


def test_an_action_masked_with_a_resident_of_another_area_follows_that_resident(
    summary_world: SummaryWorld,
) -> None:
    """An action of Midwolda from a contact in Beerta (moved there since) is masked with the
    contact's resident's name: a new resident on that contact changes Midwolda's facts, though
    the contact is Beerta's."""
    database, today, period = summary_world.database, summary_world.today, YEAR
    with database.unit_of_work("test") as session:
        Builder(session).contact(BEERTA, date(2024, 3, 1), [])
        contact = session.scalars(select(Contact).where(Contact.area_id == BEERTA)).first()
        assert contact is not None
        named = session.scalars(select(Resident)).all()
        assert len(named) >= 2
        contact.resident_id = named[0].id
        action = actions.create_follow_up(
            session,
            description=f"Bel {named[1].name} terug",
            area_id=MIDWOLDA,
            owner_id=None,
            due_date=None,
            contact_id=contact.id,
        )
        action.created_at = datetime.combine(date(2024, 3, 1), time(12), tzinfo=UTC)
        ids = contact.id, named[1].id
    forget()
    with database.read_session() as session:
        before = area_summary(session, [MIDWOLDA], period, today=today)  # kept
    assert any(a.what.startswith("Bel ") for a in before.open_action_list)
    with database.unit_of_work("test") as session:
        session.get_one(Contact, ids[0]).resident_id = ids[1]
    with database.read_session() as session:
        kept = area_summary(session, [MIDWOLDA], period, today=today)
    forget()
    with database.read_session() as session:
        assert kept == area_summary(session, [MIDWOLDA], period, today=today)
    assert kept != before


@contextmanager
def _statements(database: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: Any) -> None:
        seen.append(args[2])

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", count)


def test_the_full_summary_takes_the_first_figures_it_follows(summary_world: SummaryWorld) -> None:
    """The Samenvatting screen asks for the first figures, then the whole summary: the key
    figures and team are counted once, not again by the whole."""
    database, today = summary_world.database, summary_world.today
    period = Period.quarter(2024, 1)

    def full_statements(*, first: bool) -> int:
        forget()
        with database.read_session() as session:
            if first:
                area_first_figures(session, [MIDWOLDA], period, today=today)
            with _statements(database) as seen:
                area_summary(session, [MIDWOLDA], period, today=today)
        return len(seen)

    alone, after_first = full_statements(first=False), full_statements(first=True)
    assert after_first < alone - 8  # the two periods' key figures (5+ queries each) and team


def test_what_is_kept_is_bounded(
    summary_world: SummaryWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At most so many sets and list rows are kept (a municipality's year on ten times the
    data is tens of MB); what was dropped is computed afresh, the same."""
    forget()
    expected = _summaries(summary_world.database, summary_world.today)
    monkeypatch.setattr(summary_cache, "_KEPT", 3)
    forget()
    assert _summaries(summary_world.database, summary_world.today) == expected
    assert len(summary_cache._kept) == 3
    monkeypatch.setattr(summary_cache, "_KEPT", 24)
    monkeypatch.setattr(summary_cache, "_ROWS", 1)
    forget()
    assert _summaries(summary_world.database, summary_world.today) == expected
    assert len(summary_cache._kept) == 1


def test_a_summary_made_amid_unsaved_changes_is_not_kept_for_after_their_undoing(
    summary_world: SummaryWorld,
) -> None:
    """A summary made in a unit of work with changes not yet flushed (its queries flush them,
    triggers and all), then undone: the data is as before, and so is the summary."""
    database, today, period = summary_world.database, summary_world.today, Period.month(2024, 3)
    with database.read_session() as session:
        before = area_summary(session, [MIDWOLDA], period, today=today)  # kept
    with database.unit_of_work("test") as session:
        chosen = session.scalars(
            select(Signal).where(
                Signal.area_id == MIDWOLDA,
                Signal.reported_on.between(period.start, period.end),
                Signal.deleted_at.is_(None),
            )
        ).first()
        assert chosen is not None
        chosen.soft_delete()  # pending: not flushed yet
        during = area_summary(session, [MIDWOLDA], period, today=today)
        assert during.current.signals_new == before.current.signals_new - 1
        session.rollback()
    with database.read_session() as session:
        assert area_summary(session, [MIDWOLDA], period, today=today) == before


def test_an_upsert_or_an_insert_or_ignore_changes_the_area_version(
    summary_world: SummaryWorld,
) -> None:
    """A trigger's own conflict clause gives way to the clause of the statement that fired
    it: the pull's upsert (INSERT … ON CONFLICT DO UPDATE) of a row already here made the
    area's INSERT OR REPLACE fail with a UNIQUE error (every team sync that pulled an edit
    stopped), and an INSERT OR IGNORE that did add a row left the version as it was (kept
    figures that no longer held)."""
    database = summary_world.database
    with database.read_session() as session:
        said = session.scalars(
            select(Conversation.id)
            .join(KoffiekarSession, Conversation.session_id == KoffiekarSession.id)
            .where(KoffiekarSession.area_id == MIDWOLDA)
        ).first()
        themes = set(session.scalars(select(Theme.id)))
        linked = set(
            session.scalars(
                select(conversation_theme.c.theme_id).where(
                    conversation_theme.c.conversation_id == said
                )
            )
        )
    assert said is not None
    other = next(iter(themes - linked))

    before = _area_version(database, MIDWOLDA)
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO conversation SELECT * FROM conversation WHERE id = :id "
                "ON CONFLICT (id) DO UPDATE SET quote = 'Opnieuw gezegd'"
            ),
            {"id": said.hex},
        )
    after_upsert = _area_version(database, MIDWOLDA)
    assert after_upsert != before

    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT OR IGNORE INTO conversation_theme (conversation_id, theme_id) "
                "VALUES (:c, :t)"
            ),
            {"c": said.hex, "t": other.hex},
        )
    assert _area_version(database, MIDWOLDA) != after_upsert
