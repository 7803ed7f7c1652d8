"""Kept facts brought up to date per area and part (services.summary_parts, migration 0018):
after a write, the next summary counts again only the changed parts of the changed areas and
merges them into the kept facts; what it prints must equal a count afresh. Here each kind of
write that moves a record between areas, themes, days or periods, removes it, or arrives by
a team-sync pull, and every list's Python order equal to its SQL order."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

import pytest
from alembic import command
from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Area,
    Contact,
    Conversation,
    FollowUp,
    Initiative,
    KoffiekarSession,
    Partner,
    Resident,
    Signal,
    SignalCategory,
    SignalStatus,
    Theme,
    contact_theme,
    conversation_theme,
    reference_id,
)
from gebiedsapp.services import erasure, koffiekar, residents, retention, summary_cache
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary import area_summary, municipality_summary
from gebiedsapp.services.summary_cache import forget
from gebiedsapp.services.summary_facts import LIST_OF, gather_facts
from gebiedsapp.storage import pull_bulk
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.migrate import alembic_config
from gebiedsapp.storage.repositories import sync_local
from gebiedsapp.storage.repositories.report_rounds import RoundTalkRepository
from support.summary_world import LICHT, Builder

if TYPE_CHECKING:
    from conftest import SummaryWorld

MIDWOLDA, BEERTA = reference_id("area", "midwolda"), reference_id("area", "beerta")
EKAMP = reference_id("area", "ekamp")
YEAR = Period.year(2024)
MARCH = Period.month(2024, 3)
THEME = reference_id("theme", "eenzaamheid")


def _summaries(database: Database, today: date) -> list[Any]:
    with database.read_session() as session:
        return [
            area_summary(session, [MIDWOLDA], YEAR, today=today),
            area_summary(session, [MIDWOLDA, BEERTA], MARCH, today=today),
            municipality_summary(session, YEAR, today=today),
        ]


@pytest.fixture
def counted_afresh(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The scopes whose facts were counted afresh (not brought up to date)."""
    calls: list[object] = []
    real = summary_cache.gather_facts

    def spy(session: Session, scope: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(scope)
        return real(session, scope, *args, **kwargs)

    monkeypatch.setattr(summary_cache, "gather_facts", spy)
    return calls


def _round_of(session: Session, area: uuid.UUID) -> KoffiekarSession:
    found = session.scalars(
        select(KoffiekarSession).where(
            KoffiekarSession.area_id == area,
            KoffiekarSession.deleted_at.is_(None),
            KoffiekarSession.date.between(YEAR.start, YEAR.end),
        )
    ).first()
    assert found is not None
    return found


def _conversation_of(session: Session, area: uuid.UUID) -> Conversation:
    found = session.scalars(
        select(Conversation).where(
            Conversation.session_id == _round_of(session, area).id,
            Conversation.deleted_at.is_(None),
        )
    ).first()
    assert found is not None
    return found


def new_conversation(session: Session) -> None:
    Builder(session).round(MIDWOLDA, date(2024, 3, 12), [([THEME], "Nieuw gezegd", True)])


def conversation_to_other_themes(session: Session) -> None:
    said = _conversation_of(session, MIDWOLDA)
    other = session.scalars(select(Theme.id).where(Theme.id != THEME)).first()
    assert other is not None
    data = koffiekar.ConversationInput(
        summary="Bijgewerkt", theme_ids=[other], quote="Andere woorden", quote_reportable=True
    )
    koffiekar.edit_conversation(session, said.id, data)


def conversation_to_another_area(session: Session) -> None:
    _conversation_of(session, MIDWOLDA).session_id = _round_of(session, BEERTA).id


def round_to_another_day(session: Session) -> None:
    """into February (the previous period of March) and another trend month"""
    _round_of(session, MIDWOLDA).date = date(2024, 2, 27)


def round_to_another_area(session: Session) -> None:
    _round_of(session, MIDWOLDA).area_id = EKAMP


def conversation_removed(session: Session) -> None:
    _conversation_of(session, MIDWOLDA).soft_delete()


def round_removed(session: Session) -> None:
    _round_of(session, BEERTA).soft_delete()


def contact_removed(session: Session) -> None:
    found = session.scalars(select(Contact).where(Contact.deleted_at.is_(None))).first()
    assert found is not None
    found.soft_delete()


def signal_to_another_area(session: Session) -> None:
    found = session.scalars(select(Signal).where(Signal.area_id == BEERTA)).first()
    assert found is not None
    found.area_id = MIDWOLDA


def signal_closed_then_reopened_after_the_period(session: Session) -> None:
    Builder(session).signal(
        MIDWOLDA,
        date(2024, 3, 4),
        LICHT,
        date(2024, 3, 20),
        [
            ([SignalStatus.IN_BEHANDELING, SignalStatus.AFGEHANDELD], date(2024, 3, 25)),
            ([SignalStatus.HEROPEND], date(2025, 1, 10)),
        ],
    )


def signal_removed(session: Session) -> None:
    found = session.scalars(
        select(Signal).where(Signal.area_id == MIDWOLDA, Signal.deleted_at.is_(None))
    ).first()
    assert found is not None
    found.soft_delete()


def action_to_another_area(session: Session) -> None:
    found = session.scalars(
        select(FollowUp).where(FollowUp.area_id == MIDWOLDA, FollowUp.deleted_at.is_(None))
    ).first()
    assert found is not None
    found.area_id = BEERTA


def action_made_a_local_day_later(session: Session) -> None:
    """made 31 March 22:30 UTC: 1 April in the Netherlands, so not open at March's end"""
    found = session.scalars(
        select(FollowUp).where(FollowUp.area_id == MIDWOLDA, FollowUp.deleted_at.is_(None))
    ).first()
    assert found is not None
    found.created_at = datetime.combine(date(2024, 3, 31), time(22, 30), tzinfo=UTC)


def initiative_removed(session: Session) -> None:
    found = session.scalars(select(Initiative).where(Initiative.deleted_at.is_(None))).first()
    assert found is not None
    found.soft_delete()


WRITES: list[Callable[[Session], None]] = [
    new_conversation,
    conversation_to_other_themes,
    conversation_to_another_area,
    round_to_another_day,
    round_to_another_area,
    conversation_removed,
    round_removed,
    contact_removed,
    signal_to_another_area,
    signal_closed_then_reopened_after_the_period,
    signal_removed,
    action_to_another_area,
    action_made_a_local_day_later,
    initiative_removed,
]


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__ for w in WRITES])
def test_facts_brought_up_to_date_equal_a_fresh_count(
    summary_world: SummaryWorld, counted_afresh: list[object], write: Callable[[Session], None]
) -> None:
    database, today = summary_world.database, summary_world.today
    forget()
    before = _summaries(database, today)  # kept
    with database.unit_of_work("test") as session:
        write(session)
    counted_afresh.clear()
    after = _summaries(database, today)
    assert counted_afresh == []  # brought up to date, not counted afresh
    forget()
    assert after == _summaries(database, today)
    assert after != before  # the write did change what a summary shows


def test_an_area_emptied_again_has_no_kept_entry_as_a_fresh_count_has_none(
    summary_world: SummaryWorld,
) -> None:
    """A round added to an area with nothing recorded, then removed: the facts brought up to
    date are the fresh count's, field by field (an empty entry left for the area would count it
    among the areas with activity)."""
    database, today = summary_world.database, summary_world.today
    with database.read_session() as session:
        used = set(session.scalars(select(KoffiekarSession.area_id))) | set(
            session.scalars(select(Signal.area_id))
        )
        empty = next(a.id for a in session.scalars(select(Area)) if a.id not in used)

    def facts() -> Any:
        with database.read_session() as session:
            return summary_cache.summary_facts(session, None, YEAR, today, full=True)

    forget()
    facts()
    with database.unit_of_work("test") as session:
        Builder(session).round(empty, date(2024, 3, 12), [([THEME], "Zegt iets", True)])
    facts()
    with database.unit_of_work("test") as session:
        for round_ in session.scalars(
            select(KoffiekarSession).where(KoffiekarSession.area_id == empty)
        ):
            for said in session.scalars(
                select(Conversation).where(Conversation.session_id == round_.id)
            ):
                session.delete(said)
            session.delete(round_)
    kept = facts()
    with database.read_session() as session:
        fresh = gather_facts(session, None, YEAR, YEAR.previous(), today)
    for name in ("current", "previous", "year_before", "trend"):
        assert getattr(kept, name) == getattr(fresh, name), name


def test_rows_of_a_pull_are_brought_up_to_date_too(
    summary_world: SummaryWorld, counted_afresh: list[object]
) -> None:
    """A team-sync pull writes with Core statements in its own transaction (`applying` set):
    the same triggers see it. Here a conversation with a theme arrives in Midwolda and a theme
    link of Beerta is removed."""
    database, today = summary_world.database, summary_world.today
    forget()
    before = _summaries(database, today)
    with database.read_session() as session:
        round_id = _round_of(session, MIDWOLDA).id
        beerta_said = _conversation_of(session, BEERTA).id
    stamp = datetime.now(UTC)
    with database.engine.begin() as connection:
        sync_local.set_applying(connection, True)
        new = uuid.uuid4()
        connection.execute(
            insert(Conversation).values(
                id=new, session_id=round_id, summary="Van de server", quote="Van een collega",
                quote_reportable=True, created_at=stamp, updated_at=stamp,
                created_by="server", updated_by="server",
            )
        )  # fmt: skip
        connection.execute(insert(conversation_theme).values(conversation_id=new, theme_id=THEME))
        connection.execute(
            conversation_theme.delete().where(conversation_theme.c.conversation_id == beerta_said)
        )
        sync_local.set_applying(connection, False)
    counted_afresh.clear()
    after = _summaries(database, today)
    assert counted_afresh == []
    forget()
    assert after == _summaries(database, today)
    assert after != before
    assert any(q.text == "Van een collega" for q in after[0].quotes)


def test_a_renamed_area_counts_afresh(
    summary_world: SummaryWorld, counted_afresh: list[object]
) -> None:
    """An area's name is in every part's rows (quotes, signals, actions...): counted afresh."""
    database, today = summary_world.database, summary_world.today
    forget()
    _summaries(database, today)
    with database.unit_of_work("test") as session:
        session.get_one(Area, BEERTA).name = "Beerta*"
    counted_afresh.clear()
    after = _summaries(database, today)
    assert counted_afresh  # not brought up to date
    forget()
    assert after == _summaries(database, today)


def theme_renamed(session: Session) -> None:
    theme = session.get_one(Theme, THEME)
    theme.name = f"{theme.name}*"


def category_renamed(session: Session) -> None:
    category = session.get_one(SignalCategory, LICHT)
    category.name = f"{category.name}*"
    parent = category.parent_id
    if parent is not None:
        session.get_one(SignalCategory, parent).name += "*"


def partner_renamed(session: Session) -> None:
    """the partner of a signal still open"""
    found = session.scalars(
        select(Partner)
        .join(Signal, Signal.partner_id == Partner.id)
        .where(Signal.deleted_at.is_(None), Signal.closed_on.is_(None))
    ).first()
    assert found is not None
    found.name = f"{found.name}*"


def resident_renamed(session: Session) -> None:
    """the name masks the quote of a conversation and the text of its action"""
    person = residents.register_resident(
        session, Builder(session).resident(78), area_id=MIDWOLDA, today=date(2024, 3, 1)
    )
    said = _conversation_of(session, MIDWOLDA)
    said.resident_id = person.id
    said.quote = f"{said.quote} zei {person.name}"
    session.flush()
    session.get_one(Resident, person.id).name = "Anders Genoemd"


REFERENCE_WRITES: list[Callable[[Session], None]] = [
    theme_renamed,
    category_renamed,
    partner_renamed,
    resident_renamed,
]


@pytest.mark.parametrize("write", REFERENCE_WRITES, ids=[w.__name__ for w in REFERENCE_WRITES])
def test_a_write_to_reference_data_counts_its_parts_of_every_area(
    summary_world: SummaryWorld,
    counted_afresh: list[object],
    recounted_rounds: list[str],
    write: Callable[[Session], None],
) -> None:
    """A theme, a category, a partner or a resident is read by one or two parts of every
    area's facts (summary_version.REFERENCE_OF): those parts are counted again, not all of
    them, and the summaries equal a fresh count (the kept rounds dropped when the talks
    read it)."""
    database, today = summary_world.database, summary_world.today
    forget()
    _summaries(database, today)
    with database.unit_of_work("test") as session:  # every round of Midwolda counted, kept
        _said_to(session, MIDWOLDA)
    before = _summaries(database, today)
    with database.unit_of_work("test") as session:
        write(session)
    counted_afresh.clear()
    after = _summaries(database, today)
    assert counted_afresh == []  # brought up to date
    forget()
    assert after == _summaries(database, today)
    if write is not resident_renamed:  # (that one's first step is a write in Midwolda)
        assert after != before


def test_the_lists_python_order_is_their_sql_order(summary_world: SummaryWorld) -> None:
    """Merged lists are sorted by Python keys (services.summary_order): read in SQL's order,
    the keys must already be sorted, ties included (rounds at the same hour, actions due the
    same day, initiatives started the same day)."""
    database = summary_world.database
    with database.unit_of_work("test") as session:
        builder = Builder(session)
        for number in range(3):  # quotes alike in day and hour: by entry, then id
            builder.round(MIDWOLDA, date(2024, 3, 5), [([THEME], f"Zelfde dag {number}", True)])
        for area in (MIDWOLDA, BEERTA):  # actions due the same day: by area name, made, id
            builder.action(area, date(2024, 3, 1), due=date(2024, 4, 1))
            builder.action(area, date(2024, 3, 1))
    with database.read_session() as session:
        for scope in ({MIDWOLDA, EKAMP}, None):
            for period in (MARCH, YEAR):
                facts = gather_facts(session, scope, period, period.previous(), date(2024, 4, 2))
                for name in LIST_OF.values():
                    keys = facts.orders[name]
                    assert len(keys) == len(getattr(facts, name))
                    assert keys == sorted(keys), name
                assert len(facts.quotes) >= 3


def _tables(database: Database) -> set[str]:
    with database.engine.connect() as connection:
        return set(connection.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table'")))


def test_the_migration_keeps_an_existing_databases_summaries(
    summary_world: SummaryWorld, counted_afresh: list[object]
) -> None:
    """0017 -> 0018 on a database with data: nothing to rebuild (versions, no counts), the
    summaries the same; a write after it is brought up to date per part. And back to 0017."""
    database, today = summary_world.database, summary_world.today
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0017")
    assert "summary_area_version" in _tables(database)
    assert "summary_part_version" not in _tables(database)
    forget()
    before = _summaries(database, today)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert "summary_part_version" in _tables(database)
    assert "summary_area_version" not in _tables(database)
    forget()
    assert _summaries(database, today) == before
    with database.unit_of_work("test") as session:
        new_conversation(session)
    counted_afresh.clear()
    after = _summaries(database, today)
    assert counted_afresh == []
    forget()
    assert after == _summaries(database, today)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0017")
    with database.unit_of_work("test") as session:  # 0017's triggers write per area again
        new_conversation(session)
    with database.engine.connect() as connection:
        assert connection.scalar(
            text("SELECT count(*) FROM summary_area_version WHERE area_id = :a"),
            {"a": MIDWOLDA.hex},
        )
    forget()
    assert _summaries(database, today)[0].current.conversations == (
        after[0].current.conversations + 1
    )


def test_a_reopened_signal_counts_closed_at_the_period_end_after_an_update(
    summary_world: SummaryWorld,
) -> None:
    """Kept facts brought up to date replay the history as a fresh count does: a signal
    closed in March and reopened in April is closed at March's end, open at April's."""
    database, today = summary_world.database, summary_world.today
    april = Period.month(2024, 4)
    forget()
    with database.read_session() as session:
        march_before = area_summary(session, [MIDWOLDA], MARCH, today=today)
        april_before = area_summary(session, [MIDWOLDA], april, today=today)
    with database.unit_of_work("test") as session:
        Builder(session).signal(
            MIDWOLDA,
            date(2024, 3, 4),
            LICHT,
            date(2024, 3, 20),
            [
                ([SignalStatus.IN_BEHANDELING, SignalStatus.AFGEHANDELD], date(2024, 3, 25)),
                ([SignalStatus.HEROPEND], date(2024, 4, 10)),
            ],
        )
    with database.read_session() as session:
        march = area_summary(session, [MIDWOLDA], MARCH, today=today)
        april = area_summary(session, [MIDWOLDA], april, today=today)
    assert march.current.signals_new == march_before.current.signals_new + 1
    assert march.current.signals_open == march_before.current.signals_open
    assert april.current.signals_open == april_before.current.signals_open + 1
    assert march.trend[-1].signals_open == march_before.trend[-1].signals_open


# --- the talks added up from facts kept per round (summary_rounds, migration 0021) ----------


@pytest.fixture
def recounted_rounds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The rounds whose facts were counted again (not taken as kept), and "contacts" for
    each count of contacts' themes."""
    asked: list[str] = []
    real = RoundTalkRepository.conversations
    real_contacts = RoundTalkRepository.contact_themes

    def spy(self: RoundTalkRepository, round_ids: Any) -> dict[str, int]:
        asked.extend(round_ids)
        return real(self, round_ids)

    def spy_contacts(self: RoundTalkRepository, *args: Any) -> Any:
        asked.append("contacts")
        return real_contacts(self, *args)

    monkeypatch.setattr(RoundTalkRepository, "conversations", spy)
    monkeypatch.setattr(RoundTalkRepository, "contact_themes", spy_contacts)
    return asked


def _said_to(session: Session, area: uuid.UUID, *, resident: uuid.UUID | None = None) -> None:
    """A conversation in the area's first round of the year (a round counted before)."""
    data = koffiekar.ConversationInput(
        summary="Erbij", theme_ids=[THEME], quote="Nog iets gezegd", quote_reportable=True
    )
    said = koffiekar.record_conversation(session, session_id=_round_of(session, area).id, data=data)
    if resident is not None:
        session.get_one(Conversation, said.id).resident_id = resident


def conversation_to_another_round(session: Session) -> None:
    """within Midwolda, into a round of the previous year (another period, other months)"""
    said = _conversation_of(session, MIDWOLDA)
    older = Builder(session).round(MIDWOLDA, date(2023, 11, 7), [])[0]
    session.flush()
    said.session_id = older


def theme_link_removed(session: Session) -> None:
    said = _conversation_of(session, MIDWOLDA)
    session.execute(
        conversation_theme.delete().where(conversation_theme.c.conversation_id == said.id)
    )


def quote_no_longer_reportable(session: Session) -> None:
    _conversation_of(session, MIDWOLDA).quote_reportable = False


def conversation_deleted_with_its_theme_links(session: Session) -> None:
    """a hard delete: the theme links go by the foreign key's cascade"""
    said = _conversation_of(session, MIDWOLDA).id
    session.execute(text("DELETE FROM conversation WHERE id = :id"), {"id": said.hex})


def round_deleted_with_everything_in_it(session: Session) -> None:
    found = _round_of(session, MIDWOLDA)
    for said in session.scalars(select(Conversation).where(Conversation.session_id == found.id)):
        session.delete(said)
    session.flush()
    session.delete(found)


def passers_by_counted(session: Session) -> None:
    _round_of(session, MIDWOLDA).passers_by = 41


def resident_erased(session: Session) -> None:
    """the quote of a conversation with a resident loses its link (erasure)"""
    person = residents.register_resident(
        session, Builder(session).resident(77), area_id=MIDWOLDA, today=date(2024, 3, 1)
    )
    _said_to(session, MIDWOLDA, resident=person.id)
    session.flush()
    erasure.erase_person(session, person.id)


def retention_applied(session: Session) -> None:
    retention.apply(session, today=date(2031, 1, 1))


def contact_made(session: Session) -> None:
    Builder(session).contact(MIDWOLDA, date(2024, 3, 14), [THEME])


def contact_to_another_area(session: Session) -> None:
    found = session.scalars(
        select(Contact).where(Contact.area_id == MIDWOLDA, Contact.deleted_at.is_(None))
    ).first()
    assert found is not None
    found.area_id = BEERTA


def contact_theme_link_removed(session: Session) -> None:
    found = session.scalars(
        select(Contact).where(Contact.area_id == MIDWOLDA, Contact.deleted_at.is_(None))
    ).first()
    assert found is not None
    session.execute(contact_theme.delete().where(contact_theme.c.contact_id == found.id))


ROUND_WRITES: list[Callable[[Session], None]] = [
    new_conversation,
    conversation_to_other_themes,
    conversation_to_another_area,
    conversation_to_another_round,
    round_to_another_day,
    round_to_another_area,
    conversation_removed,
    round_removed,
    theme_link_removed,
    quote_no_longer_reportable,
    conversation_deleted_with_its_theme_links,
    round_deleted_with_everything_in_it,
    passers_by_counted,
    contact_removed,
    contact_made,
    contact_to_another_area,
    contact_theme_link_removed,
    resident_erased,
    retention_applied,
]


@pytest.mark.parametrize("write", ROUND_WRITES, ids=[w.__name__ for w in ROUND_WRITES])
def test_talks_added_up_from_kept_rounds_equal_a_fresh_count(
    summary_world: SummaryWorld, recounted_rounds: list[str], write: Callable[[Session], None]
) -> None:
    """Every round of Midwolda and Beerta counted once (a first write in each), then the write
    under test: the talks added up from the kept rounds, with the written rounds counted
    again, are what a fresh count finds (a round whose version the write did not change
    would keep its old facts)."""
    database, today = summary_world.database, summary_world.today
    forget()
    _summaries(database, today)
    with database.unit_of_work("test") as session:  # every round of both counted and kept
        _said_to(session, MIDWOLDA)
        _said_to(session, BEERTA)
    before = _summaries(database, today)
    recounted_rounds.clear()
    with database.unit_of_work("test") as session:
        write(session)
    after = _summaries(database, today)
    forget()
    assert after == _summaries(database, today)
    if write is not retention_applied:  # (it leaves what the summaries show as it was)
        assert after != before


def test_a_conversation_saved_recounts_its_round_only(
    summary_world: SummaryWorld, counted_afresh: list[object], recounted_rounds: list[str]
) -> None:
    """The point of the round versions: after a conversation saved in a round counted before,
    that round is counted again and the area's other rounds are taken as kept."""
    database, today = summary_world.database, summary_world.today
    forget()
    _summaries(database, today)
    with database.unit_of_work("test") as session:
        _said_to(session, MIDWOLDA)
    _summaries(database, today)
    assert len(set(recounted_rounds)) > 2  # the first time: every round of the area
    recounted_rounds.clear()
    with database.unit_of_work("test") as session:
        _said_to(session, MIDWOLDA)
        written = _round_of(session, MIDWOLDA).id.hex
    counted_afresh.clear()
    after = _summaries(database, today)
    assert counted_afresh == []
    assert set(recounted_rounds) == {written}  # the area's contacts kept too
    recounted_rounds.clear()
    with database.unit_of_work("test") as session:
        contact_made(session)
    then = _summaries(database, today)
    assert set(recounted_rounds) == {"contacts"}  # and no round
    forget()
    assert then == _summaries(database, today)
    assert then != after


def test_a_bulk_pull_drops_the_kept_rounds(
    summary_world: SummaryWorld, recounted_rounds: list[str]
) -> None:
    """A pull's one-statement bulk write skips the per-row triggers (round versions too) and
    changes the global version once: no kept round's facts are taken after it."""
    database, today = summary_world.database, summary_world.today
    forget()
    _summaries(database, today)
    with database.unit_of_work("test") as session:
        _said_to(session, MIDWOLDA)
    _summaries(database, today)
    with database.read_session() as session:
        said = _conversation_of(session, MIDWOLDA).id
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE sync_state SET applying = :b"), {"b": pull_bulk.BULK})
        connection.execute(
            conversation_theme.delete().where(conversation_theme.c.conversation_id == said)
        )
        connection.execute(
            update(Conversation).where(Conversation.id == said).values(quote="Van de server")
        )
        pull_bulk.bump(connection)
        connection.execute(text("UPDATE sync_state SET applying = 0"))
        versions = connection.scalar(text("SELECT count(*) FROM summary_round_version"))
    recounted_rounds.clear()
    after = _summaries(database, today)
    forget()
    assert after == _summaries(database, today)
    assert any(q.text == "Van de server" for q in after[0].quotes)
    with database.engine.connect() as connection:  # the triggers did skip
        assert connection.scalar(text("SELECT count(*) FROM summary_round_version")) == versions


def _trigger_sql(database: Database, name: str) -> str:
    with database.engine.connect() as connection:
        return str(
            connection.scalar(text("SELECT sql FROM sqlite_master WHERE name = :n"), {"n": name})
        )


def test_the_round_versions_migration_up_and_down(
    summary_world: SummaryWorld, recounted_rounds: list[str]
) -> None:
    """0020 -> 0021 on a database with data: the round versions start empty, the summaries
    the same, a conversation saved after it recounts its round only, a theme changes every
    area's talks and activities; back to 0020 the table and its triggers are gone, the talks
    are counted per area again and a theme changes the global version."""
    database, today = summary_world.database, summary_world.today
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0020")
    assert "summary_round_version" not in _tables(database)
    forget()
    before = _summaries(database, today)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert "summary_round_version" in _tables(database)
    with database.engine.connect() as connection:
        triggers = set(
            connection.scalars(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE :s"),
                {"s": "%summary_round_version%"},
            )
        )
    assert len(triggers) == 15  # rounds, conversations, theme links, contacts, their links
    assert "'*'" in _trigger_sql(database, "summary_version_theme_update")  # every area's
    assert _summaries(database, today) == before
    with database.unit_of_work("test") as session:
        _said_to(session, MIDWOLDA)
    _summaries(database, today)
    with database.unit_of_work("test") as session:
        _said_to(session, MIDWOLDA)
        written = _round_of(session, MIDWOLDA).id.hex
    recounted_rounds.clear()
    after = _summaries(database, today)
    assert set(recounted_rounds) == {written}
    forget()
    assert after == _summaries(database, today)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0020")
    assert "summary_round_version" not in _tables(database)
    theme = _trigger_sql(database, "summary_version_theme_update")
    assert "'*'" not in theme
    assert "UPDATE summary_version SET version = random()" in theme  # the global one again
    with database.unit_of_work("test") as session:
        _said_to(session, MIDWOLDA)
    recounted_rounds.clear()
    again = _summaries(database, today)
    assert recounted_rounds == []  # per area, as before 0021
    assert again[0].current.conversations == after[0].current.conversations + 1
