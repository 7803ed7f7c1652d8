"""Follow-up actions: created with checks, done in one step, 'Mijn acties' per account."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    ActionStatus,
    ContactType,
    Conversation,
    FollowUp,
    TeamMember,
    reference_id,
    utcnow,
)
from gebiedsapp.services import actions, contacts, koffiekar, teams
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.storage.database import Database

BEERTA = reference_id("area", "beerta")
SCHEEMDA = reference_id("area", "scheemda")
OUDEREN = reference_id("theme", "ouderen")
TODAY = date(2026, 5, 20)


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(FollowUp)) or 0


def _member(session: Session, make_member: Callable[..., TeamMember], name: str) -> TeamMember:
    member = make_member(name=name)
    account = name.split()[0].lower()
    teams.update_member(
        session,
        member.id,
        name=member.name,
        organisation=member.organisation,
        email="",
        phone="",
        active=True,
        account=account,
    )
    return member


def _action(
    session: Session,
    owner: TeamMember | None,
    description: str,
    due: date | None,
    *,
    area_id: uuid.UUID = BEERTA,
) -> FollowUp:
    return actions.create_follow_up(
        session,
        description=description,
        area_id=area_id,
        owner_id=owner.id if owner else None,
        due_date=due,
    )


def test_create_follow_up_from_a_conversation_and_a_contact(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    anna = make_member(name="Anna Testema")
    round_ = koffiekar.start_session(
        session, koffiekar.SessionInput(area_id=BEERTA, day=TODAY, start_time=time(10))
    )
    conversation = koffiekar.record_conversation(
        session,
        session_id=round_.id,
        data=koffiekar.ConversationInput("Lamp kapot", theme_ids=[OUDEREN]),
    )
    contact = contacts.record_contact(
        session,
        contacts.ContactInput(
            day=TODAY, area_id=BEERTA, contact_type=ContactType.TELEFOON, subject="Bankje"
        ),
    )
    from_conversation = actions.create_follow_up(
        session,
        description="  Lamp laten maken ",
        area_id=BEERTA,
        owner_id=anna.id,
        due_date=date(2026, 6, 1),
        conversation_id=conversation.id,
    )
    from_contact = actions.create_follow_up(
        session,
        description="Bankje bestellen",
        area_id=BEERTA,
        owner_id=None,
        due_date=None,
        contact_id=contact.id,
    )
    assert from_conversation.description == "Lamp laten maken"
    assert from_conversation.status is ActionStatus.OPEN
    assert from_conversation.created_by == "test"
    listed = actions.list_actions(session, area_ids=None, include_closed=False, today=TODAY)
    views = {v.description: v for v in listed}
    assert views["Lamp laten maken"].source == "gesprek"
    assert views["Lamp laten maken"].owner_name == "Anna Testema"
    assert views["Bankje bestellen"].source == "contact"
    assert views["Bankje bestellen"].owner_name == ""
    assert from_contact.contact_id == contact.id


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        ({"description": " "}, ValidationError, "Beschrijf wat er moet gebeuren"),
        ({"description": "d" * 2_001}, ValidationError, "te lang"),
        ({"area_id": uuid.uuid4()}, NotFoundError, "gebied bestaat niet"),
        ({"owner_id": uuid.uuid4()}, ValidationError, "wie de actie oppakt"),
        ({"conversation_id": uuid.uuid4()}, NotFoundError, "gesprek van deze actie"),
        ({"contact_id": uuid.uuid4()}, NotFoundError, "contact van deze actie"),
    ],
    ids=["empty", "too-long", "area", "owner", "conversation", "contact"],
)
def test_create_refuses(
    session: Session, fields: dict[str, object], error: type[Exception], message: str
) -> None:
    values: dict[str, object] = {
        "description": "Iets doen",
        "area_id": BEERTA,
        "owner_id": None,
        "due_date": None,
    }
    values.update(fields)
    with pytest.raises(error, match=message):
        actions.create_follow_up(session, **values)  # type: ignore[arg-type]
    assert _count(session) == 0


def test_a_removed_owner_is_refused(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    gone = make_member(name="Luuk Nepkema")
    gone.soft_delete()
    session.flush()
    with pytest.raises(ValidationError, match="wie de actie oppakt"):
        _action(session, gone, "Iets", None)


def test_set_done_toggles_status_and_date(session: Session) -> None:
    action = _action(session, None, "Iets", None)
    done = actions.set_done(session, action.id, done=True, today=TODAY)
    assert (done.status, done.done_on) == (ActionStatus.GEDAAN, TODAY)
    again = actions.set_done(session, action.id, done=False, today=TODAY)
    assert (again.status, again.done_on) == (ActionStatus.OPEN, None)
    with pytest.raises(NotFoundError, match="actie bestaat niet"):
        actions.set_done(session, uuid.uuid4(), done=True, today=TODAY)


def test_my_actions_are_my_open_ones_soonest_first_with_overdue(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    anna = _member(session, make_member, "Anna Testema")
    bram = _member(session, make_member, "Bram Voorbeeldstra")
    _action(session, anna, "zonder datum", None)
    _action(session, anna, "volgende week", date(2026, 5, 27))
    _action(session, anna, "te laat", date(2026, 5, 1), area_id=SCHEEMDA)
    _action(session, anna, "vandaag", TODAY)
    done = _action(session, anna, "al gedaan", date(2026, 4, 1))
    actions.set_done(session, done.id, done=True, today=TODAY)
    _action(session, bram, "van bram", date(2026, 4, 1))
    _action(session, None, "van niemand", date(2026, 4, 1))

    mine = actions.my_actions(session, account="anna", today=TODAY)
    assert [a.description for a in mine] == ["te laat", "vandaag", "volgende week", "zonder datum"]
    assert [a.overdue for a in mine] == [True, False, False, False]
    assert {a.owner_name for a in mine} == {"Anna Testema"}
    assert mine[0].area_name == "Scheemda"
    assert [a.description for a in actions.my_actions(session, account="bram", today=TODAY)] == [
        "van bram"
    ]
    assert actions.my_actions(session, account="niemand", today=TODAY) == []
    me = actions.member_for_account(session, "anna")  # a view (issue 20), not the ORM row
    assert me is not None
    assert (me.id, me.name) == (anna.id, anna.name)


def test_list_actions_by_area_with_or_without_closed(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    anna = make_member(name="Anna Testema")
    _action(session, anna, "beerta open", date(2026, 5, 1))
    closed = _action(session, anna, "beerta gedaan", date(2026, 4, 1))
    actions.set_done(session, closed.id, done=True, today=TODAY)
    _action(session, anna, "scheemda open", date(2026, 6, 1), area_id=SCHEEMDA)

    open_beerta = actions.list_actions(
        session, area_ids={BEERTA}, include_closed=False, today=TODAY
    )
    assert [a.description for a in open_beerta] == ["beerta open"]
    everything = actions.list_actions(session, area_ids=None, include_closed=True, today=TODAY)
    assert [a.description for a in everything] == ["beerta gedaan", "beerta open", "scheemda open"]
    assert [a.overdue for a in everything] == [False, True, False]  # done is never overdue
    assert everything[0].status is ActionStatus.GEDAAN


def test_an_action_for_a_removed_conversation_or_contact_is_refused(session: Session) -> None:
    round_ = koffiekar.start_session(
        session, koffiekar.SessionInput(area_id=BEERTA, day=TODAY, start_time=time(10))
    )
    conversation = koffiekar.record_conversation(
        session,
        session_id=round_.id,
        data=koffiekar.ConversationInput("Lamp kapot", theme_ids=[OUDEREN]),
    )
    contact = contacts.record_contact(
        session,
        contacts.ContactInput(
            day=TODAY, area_id=BEERTA, contact_type=ContactType.TELEFOON, subject="Bankje"
        ),
    )
    session.get_one(Conversation, conversation.id).soft_delete()
    contact.soft_delete()
    session.flush()
    for link in ({"conversation_id": conversation.id}, {"contact_id": contact.id}):
        with pytest.raises(NotFoundError, match="bestaat niet"):
            actions.create_follow_up(
                session,
                description="Lamp laten maken",
                area_id=BEERTA,
                owner_id=None,
                due_date=None,
                **link,
            )
    assert _count(session) == 0


def test_my_actions_with_closed_and_actions_of_a_source(
    session: Session, make_member: Callable[..., TeamMember]
) -> None:
    anna = _member(session, make_member, "Anna Testema")
    contact = contacts.record_contact(
        session,
        contacts.ContactInput(
            day=TODAY, area_id=BEERTA, contact_type=ContactType.HUISBEZOEK, subject="Tuin"
        ),
    )
    first = actions.create_follow_up(
        session,
        description="Snoeien regelen",
        area_id=BEERTA,
        owner_id=anna.id,
        due_date=date(2026, 6, 1),
        contact_id=contact.id,
    )
    actions.set_done(session, first.id, done=True, today=TODAY)
    _action(session, anna, "los", date(2026, 6, 2))

    open_only = actions.my_actions(session, account="anna", today=TODAY)
    assert [a.description for a in open_only] == ["los"]
    everything = actions.my_actions(session, account="anna", today=TODAY, include_closed=True)
    assert [a.description for a in everything] == ["Snoeien regelen", "los"]
    (done,) = actions.actions_of(session, contact_id=contact.id, today=TODAY)
    assert (done.description, done.status, done.done_on) == (
        "Snoeien regelen",
        ActionStatus.GEDAAN,
        TODAY,
    )
    assert (done.contact_id, done.owner_id, done.author) == (contact.id, anna.id, "test")
    assert actions.actions_of(session, today=TODAY) == []


def test_filter_actions_by_words_author_and_period(database: Database) -> None:
    with database.unit_of_work("anna") as session:
        _action(session, None, "Lantaarnpaal laten repareren", None)
        _action(session, None, "Bankje plaatsen bij de kerk", None, area_id=SCHEEMDA)
    with database.unit_of_work("bram") as session:
        done = _action(session, None, "Ideeën ophalen voor het plein", None)
        actions.set_done(session, done.id, done=True, today=TODAY)

    def described(**fields: object) -> list[str]:
        values: dict[str, object] = {
            "area_ids": None,
            "start": None,
            "end": None,
            "text": "",
            "author": None,
            "include_closed": True,
            "today": TODAY,
        }
        values.update(fields)
        with database.read_session() as session:
            found = sorted(a.description for a in actions.filter_actions(session, **values))  # type: ignore[arg-type]
            if values.pop("include_closed"):  # the lists screen's lines: the same actions
                lines = actions.action_lines(session, **values)  # type: ignore[arg-type]
                assert sorted(line.description for line in lines) == found
        return found

    assert len(described()) == 3
    assert described(include_closed=False) == [
        "Bankje plaatsen bij de kerk",
        "Lantaarnpaal laten repareren",
    ]
    assert described(text="ideeen plein") == ["Ideeën ophalen voor het plein"]
    assert described(text="LATEN paal") == ["Lantaarnpaal laten repareren"]
    assert described(text="100%") == []
    assert described(author="bram") == ["Ideeën ophalen voor het plein"]
    assert described(area_ids=frozenset({SCHEEMDA})) == ["Bankje plaatsen bij de kerk"]
    today = utcnow().date()
    assert len(described(start=today, end=today)) == 3  # made today (created_at, UTC)
    assert described(end=today - timedelta(days=1)) == []
