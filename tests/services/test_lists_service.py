"""The conversation and contact lists: area subtree, period, theme, author, handling, text."""

from __future__ import annotations

import uuid
from datetime import date, time

import pytest
from sqlalchemy.orm import Session

from gebiedsapp.domain import ContactType, Handling, reference_id
from gebiedsapp.services import areas, contacts, koffiekar
from gebiedsapp.services.lists import (
    ListFilter,
    authors,
    list_contacts,
    list_conversations,
    list_sessions,
)
from gebiedsapp.services.overview import subtree_ids
from gebiedsapp.storage.database import Database

WINSCHOTEN = reference_id("area", "winschoten")
CENTRUM = reference_id("area", "winschoten-centrum")
BEERTA = reference_id("area", "beerta")
OUDEREN = reference_id("theme", "ouderen")
EENZAAMHEID = reference_id("theme", "eenzaamheid")


def _say(
    session: Session,
    area_id: uuid.UUID,
    day: date,
    summary: str,
    *,
    themes: tuple[uuid.UUID, ...] = (OUDEREN,),
    handling: Handling = Handling.TER_PLEKKE,
) -> None:
    round_ = koffiekar.start_session(
        session, koffiekar.SessionInput(area_id=area_id, day=day, start_time=time(10))
    )
    koffiekar.record_conversation(
        session,
        session_id=round_.id,
        data=koffiekar.ConversationInput(summary, theme_ids=themes, handling=handling),
    )


@pytest.fixture
def filled(database: Database) -> Database:
    with database.unit_of_work("anna") as session:
        _say(session, CENTRUM, date(2026, 5, 1), "centrum mei", themes=(OUDEREN, EENZAAMHEID))
        _say(session, WINSCHOTEN, date(2026, 1, 15), "winschoten januari",
             handling=Handling.ACTIE_NODIG)  # fmt: skip
        _say(session, WINSCHOTEN, date(2025, 1, 15), "winschoten vorig jaar")
    with database.unit_of_work("bram") as session:
        _say(session, BEERTA, date(2026, 3, 3), "beerta maart", themes=(EENZAAMHEID,),
             handling=Handling.DOORVERWIJZEN)  # fmt: skip
        _say(session, BEERTA, date(2026, 5, 31), "beerta eind mei", handling=Handling.ACTIE_NODIG)
    return database


def _summaries(database: Database, filters: ListFilter, *, limit: int = 5_000) -> list[str]:
    with database.read_session() as session:
        return [row.summary for row in list_conversations(session, filters, limit=limit)]


def _subtree(database: Database, area_id: uuid.UUID) -> frozenset[uuid.UUID]:
    with database.read_session() as session:
        return frozenset(subtree_ids(areas.area_tree(session), area_id))


def test_everything_newest_first(filled: Database) -> None:
    assert _summaries(filled, ListFilter()) == [
        "beerta eind mei",
        "centrum mei",
        "beerta maart",
        "winschoten januari",
        "winschoten vorig jaar",
    ]


def test_rows_carry_area_themes_handling_and_author(filled: Database) -> None:
    with filled.read_session() as session:
        rows = list_conversations(session, ListFilter(area_ids=frozenset({CENTRUM})))
    (row,) = rows
    assert (row.day, row.area_name, row.author) == (date(2026, 5, 1), "Centrum", "anna")
    assert row.themes == "Eenzaamheid, Ouderen"
    assert row.handling is Handling.TER_PLEKKE
    assert (row.quote, row.quote_reportable) == ("", False)


def test_area_filter_takes_the_subtree(filled: Database) -> None:
    winschoten = _subtree(filled, WINSCHOTEN)
    assert CENTRUM in winschoten
    assert _summaries(filled, ListFilter(area_ids=winschoten)) == [
        "centrum mei",
        "winschoten januari",
        "winschoten vorig jaar",
    ]
    assert _summaries(filled, ListFilter(area_ids=frozenset({WINSCHOTEN}))) == [
        "winschoten januari",
        "winschoten vorig jaar",
    ]
    assert _summaries(filled, ListFilter(area_ids=frozenset())) == []


def test_period_is_inclusive(filled: Database) -> None:
    period = ListFilter(start=date(2026, 1, 15), end=date(2026, 5, 1))
    assert _summaries(filled, period) == ["centrum mei", "beerta maart", "winschoten januari"]
    assert _summaries(filled, ListFilter(start=date(2026, 5, 2))) == ["beerta eind mei"]
    assert _summaries(filled, ListFilter(end=date(2025, 12, 31))) == ["winschoten vorig jaar"]


def test_theme_author_and_handling_filters(filled: Database) -> None:
    assert _summaries(filled, ListFilter(theme_id=EENZAAMHEID)) == ["centrum mei", "beerta maart"]
    assert _summaries(filled, ListFilter(author="bram")) == ["beerta eind mei", "beerta maart"]
    assert _summaries(filled, ListFilter(author="")) == _summaries(filled, ListFilter())
    assert _summaries(filled, ListFilter(handling=Handling.ACTIE_NODIG)) == [
        "beerta eind mei",
        "winschoten januari",
    ]
    combined = ListFilter(
        area_ids=frozenset({BEERTA}), author="bram", handling=Handling.DOORVERWIJZEN
    )
    assert _summaries(filled, combined) == ["beerta maart"]


def test_text_filter_combines_with_the_others(filled: Database) -> None:
    assert _summaries(filled, ListFilter(text="mei")) == ["beerta eind mei", "centrum mei"]
    assert _summaries(filled, ListFilter(text="mei", author="anna")) == ["centrum mei"]
    assert _summaries(filled, ListFilter(text="  ")) == _summaries(filled, ListFilter())
    assert _summaries(filled, ListFilter(text="?!")) == []


def test_limit_keeps_the_newest(filled: Database) -> None:
    assert _summaries(filled, ListFilter(), limit=2) == ["beerta eind mei", "centrum mei"]


def test_authors_lists_who_recorded(filled: Database) -> None:
    with filled.read_session() as session:
        assert authors(session) == ["anna", "bram"]


def test_contacts_are_filtered_the_same_way(database: Database) -> None:
    def log(session: Session, area_id: uuid.UUID, day: date, subject: str) -> None:
        contacts.record_contact(
            session,
            contacts.ContactInput(
                day=day,
                area_id=area_id,
                contact_type=ContactType.TELEFOON,
                subject=subject,
                theme_ids=(OUDEREN,) if "oud" in subject else (),
            ),
        )

    with database.unit_of_work("anna") as session:
        log(session, CENTRUM, date(2026, 5, 1), "oud centrum")
        log(session, BEERTA, date(2026, 2, 1), "beerta februari")
    with database.unit_of_work("bram") as session:
        log(session, WINSCHOTEN, date(2025, 2, 1), "oud winschoten")

    def subjects(filters: ListFilter) -> list[str]:
        with database.read_session() as session:
            return [c.subject for c in list_contacts(session, filters)]

    assert subjects(ListFilter()) == ["oud centrum", "beerta februari", "oud winschoten"]
    winschoten = _subtree(database, WINSCHOTEN)
    assert subjects(ListFilter(area_ids=winschoten)) == ["oud centrum", "oud winschoten"]
    assert subjects(ListFilter(start=date(2026, 1, 1), end=date(2026, 2, 1))) == ["beerta februari"]
    assert subjects(ListFilter(theme_id=OUDEREN)) == ["oud centrum", "oud winschoten"]
    assert subjects(ListFilter(author="bram")) == ["oud winschoten"]
    assert subjects(ListFilter(text="februari")) == ["beerta februari"]
    assert subjects(ListFilter(text="'")) == []


def test_a_top_level_theme_also_finds_its_sub_themes(filled: Database) -> None:
    sociale_samenhang = reference_id("theme", "sociale-samenhang")  # parent of both used themes
    assert _summaries(filled, ListFilter(theme_id=sociale_samenhang)) == _summaries(
        filled, ListFilter()
    )
    assert _summaries(filled, ListFilter(theme_id=reference_id("theme", "woningvoorraad"))) == []


def test_sessions_list_with_counts_and_filters(filled: Database) -> None:
    with filled.unit_of_work("carla") as session:
        koffiekar.start_session(
            session,
            koffiekar.SessionInput(
                area_id=BEERTA, day=date(2026, 4, 1), place="Café de Leeuw", passers_by=12
            ),
        )

    def rounds(filters: ListFilter) -> list[tuple[date, str, int]]:
        with filled.read_session() as session:
            return [(r.day, r.area_name, r.conversations) for r in list_sessions(session, filters)]

    assert rounds(ListFilter(area_ids=frozenset({BEERTA}))) == [
        (date(2026, 5, 31), "Beerta", 1),
        (date(2026, 4, 1), "Beerta", 0),
        (date(2026, 3, 3), "Beerta", 1),
    ]
    assert rounds(ListFilter(text="cafe leeuw")) == [(date(2026, 4, 1), "Beerta", 0)]
    assert rounds(ListFilter(text="(")) == []
    assert rounds(ListFilter(author="carla")) == [(date(2026, 4, 1), "Beerta", 0)]
    assert [day for day, _, _ in rounds(ListFilter(theme_id=EENZAAMHEID))] == [
        date(2026, 5, 1),
        date(2026, 3, 3),
    ]
    assert len(rounds(ListFilter(start=date(2026, 1, 1), end=date(2026, 4, 1)))) == 3
    with filled.read_session() as session:
        (row,) = list_sessions(session, ListFilter(text="leeuw"))
        assert (row.place, row.passers_by) == ("Café de Leeuw", 12)
        assert len(list_sessions(session, ListFilter(), limit=2)) == 2
        assert authors(session) == ["anna", "bram", "carla"]


def test_a_page_of_conversations_is_the_start_of_the_whole_list(database: Database) -> None:
    """The page is chosen on the rounds' dates before the texts are read (issue 19); it holds
    exactly the first rows of the whole list, in its order: newest round first, then the
    newest conversation, and among those of one moment the same order every time (by id)."""
    from datetime import UTC, datetime

    from sqlalchemy import select, update

    from gebiedsapp.domain import Conversation, KoffiekarSession

    with database.unit_of_work("anna") as session:
        for n, area_id in enumerate((CENTRUM, WINSCHOTEN, BEERTA, CENTRUM, WINSCHOTEN) * 3):
            day = date(2026, 5, 1 + n % 4)
            for k in range(3):
                _say(session, area_id, day, f"{n}-{k}")
        session.flush()
        moment = datetime(2026, 5, 5, 12, tzinfo=UTC)  # one bulk import: equal created_at
        session.execute(update(Conversation).values(created_at=moment))
    with database.read_session() as session:
        rows = session.execute(
            select(Conversation.summary, KoffiekarSession.date, KoffiekarSession.area_id,
                   Conversation.id)
            .join(KoffiekarSession, KoffiekarSession.id == Conversation.session_id)
        ).all()  # fmt: skip
    winschoten = _subtree(database, WINSCHOTEN)
    expected = [
        summary
        for summary, _day, _area, _id in sorted(
            (r for r in rows if r.area_id in winschoten),
            key=lambda r: (r.date, r.id.hex),
            reverse=True,
        )
    ]
    assert len(expected) == 36
    filters = ListFilter(area_ids=winschoten, start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert _summaries(database, filters) == expected
    for limit in (1, 7, 20):
        assert _summaries(database, filters, limit=limit) == expected[:limit]
    assert (
        _summaries(database, ListFilter(), limit=5)
        == [s for s, *_ in sorted(rows, key=lambda r: (r.date, r.id.hex), reverse=True)][:5]
    )


def test_a_page_of_contacts_is_the_start_of_the_whole_list(database: Database) -> None:
    """As for conversations: a page of contacts is chosen in date order before they are read
    whole (issue 19); it holds the first rows of the whole list, in its order, themes too."""
    from datetime import UTC, datetime

    from sqlalchemy import select, update

    from gebiedsapp.domain import Contact

    with database.unit_of_work("anna") as session:
        for n, area_id in enumerate((CENTRUM, WINSCHOTEN, BEERTA, CENTRUM) * 5):
            contacts.record_contact(
                session,
                contacts.ContactInput(
                    day=date(2026, 5, 1 + n % 3),
                    area_id=area_id,
                    contact_type=ContactType.TELEFOON,
                    subject=f"contact {n}",
                    theme_ids=(OUDEREN,) if n % 2 else (),
                ),
            )
        session.flush()
        moment = datetime(2026, 5, 5, 12, tzinfo=UTC)  # one bulk import: equal created_at
        session.execute(update(Contact).values(created_at=moment))
    with database.read_session() as session:
        rows = session.execute(
            select(Contact.subject, Contact.date, Contact.area_id, Contact.id)
        ).all()
    winschoten = _subtree(database, WINSCHOTEN)
    newest_first = sorted(rows, key=lambda r: (r.date, r.id.hex), reverse=True)
    expected = [r.subject for r in newest_first if r.area_id in winschoten]
    assert len(expected) == 15

    def page(filters: ListFilter, limit: int) -> list[tuple[str, tuple[str, ...]]]:
        with database.read_session() as session:
            return [(c.subject, c.themes) for c in list_contacts(session, filters, limit=limit)]

    filters = ListFilter(area_ids=winschoten, start=date(2026, 1, 1), end=date(2026, 12, 31))
    whole = page(filters, 5_000)
    assert [subject for subject, _themes in whole] == expected
    assert all(themes == (("Ouderen",) if int(s.split()[1]) % 2 else ()) for s, themes in whole)
    for limit in (1, 6, 14):
        assert page(filters, limit) == whole[:limit]
    assert [s for s, _t in page(ListFilter(), 4)] == [r.subject for r in newest_first][:4]
