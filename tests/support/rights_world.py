"""A team on a real (throwaway) server for the rights tests: the app's own migrations and
reference data, team members with assignments, a koffiekar round with a resident in Beerta
and one in Winschoten, and a login per member made with `gebiedsapp server user add`.

Roles are cluster-wide: the logins carry the test database's name, so tests never collide.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

import psycopg
from sqlalchemy import select
from sqlalchemy.engine import make_url

from gebiedsapp import cli
from gebiedsapp.domain import (
    Assignment,
    Conversation,
    Role,
    SignalSource,
    TeamMember,
    reference_id,
)
from gebiedsapp.paths import AppPaths
from gebiedsapp.services import koffiekar, server, signal_photos, signals
from gebiedsapp.services.history import keep_version
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.residents import ResidentInput
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.startup import open_database
from gebiedsapp.storage.database import Database

BEERTA = reference_id("area", "beerta")
WINSCHOTEN = reference_id("area", "winschoten")
PARKWIJK = reference_id("area", "winschoten-parkwijk")  # below Winschoten
EENZAAMHEID = reference_id("theme", "eenzaamheid")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
PASSWORD = "een-lang-wachtwoord-16"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


@dataclass
class Place:
    round_id: uuid.UUID
    conversation_id: uuid.UUID
    resident_id: uuid.UUID
    signal_id: uuid.UUID


@dataclass
class World:
    url: str  # as the cluster's superuser (the owner)
    accounts: dict[str, str]  # opbouwwerker, regisseur, wethouder, beheerder -> login
    beerta: Place
    winschoten: Place
    photo_id: uuid.UUID
    members: dict[str, uuid.UUID] = field(default_factory=dict)

    def login_url(self, who: str) -> str:
        url = make_url(self.url).set(username=self.accounts[who], password=PASSWORD)
        return url.render_as_string(hide_password=False)

    @contextmanager
    def connect(self, who: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
        with psycopg.connect(self.login_url(who), autocommit=True) as connection:
            yield connection


def _place(database: Database, *, area: uuid.UUID, name: str, day: date) -> Place:
    with database.unit_of_work("beheer") as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(area_id=area, day=day, start_time=time(9, 30), place="Dorpsplein"),
        )
        recorded = koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(
                summary=f"Gesprek in {name}: de bus rijdt niet meer",
                theme_ids=[EENZAAMHEID],
                resident=ResidentInput(
                    name=f"Bewoner {name}", phone="0597 123 456", wants_contact=True, consent=True
                ),
            ),
            today=day,
        )
        session.flush()
        conversation = koffiekar.get_conversation(session, recorded.id)
        signal = signals.create_signal(
            session,
            SignalInput(
                area_id=area,
                description=f"Zwerfvuil in {name}",
                source=SignalSource.KOFFIEKAR,
                reported_on=day,
                category_id=ZWERFVUIL,
                conversation_id=recorded.id,
            ),
            today=day,
        )
        resident_id = session.scalar(
            select(Conversation.resident_id).where(Conversation.id == recorded.id)
        )
        assert conversation.has_resident
        assert resident_id is not None
        return Place(round_.id, recorded.id, resident_id, signal.id)


def build_world(url: str, app_paths: AppPaths, data_dir: Path) -> World:
    """The server at head with the team's data, rights set up and the logins made, all
    through the CLI as an administrator would."""
    assert cli.main(["--data-dir", str(data_dir), "--database", url, "db", "upgrade"]) == 0
    database = open_database(url, app_paths, actor="beheer").database
    prefix = make_url(url).database
    accounts = {
        who: f"{prefix}_{who}" for who in ("opbouwwerker", "regisseur", "wethouder", "beheerder")
    }
    roles = {
        "opbouwwerker": (Role.OPBOUWWERKER, BEERTA),
        "regisseur": (Role.GEBIEDSREGISSEUR, WINSCHOTEN),
        "wethouder": (Role.GEBIEDSWETHOUDER, BEERTA),
    }
    try:
        members = {}
        with database.unit_of_work("beheer") as session:
            for who, account in accounts.items():
                member = TeamMember(name=who.title(), account=account.upper(), active=True)
                session.add(member)
                session.flush()
                members[who] = member.id
                if who in roles:
                    role, area = roles[who]
                    session.add(
                        Assignment(
                            member_id=member.id,
                            area_id=area,
                            role=role,
                            start_date=date(2024, 1, 1),
                        )
                    )
        beerta = _place(database, area=BEERTA, name="Beerta", day=date(2026, 11, 23))
        winschoten = _place(database, area=PARKWIJK, name="Parkwijk", day=date(2026, 11, 24))
        with database.unit_of_work("beheer") as session:
            photo_id = signal_photos.add_photo(
                session, beerta.signal_id, file_name="vuil.png", data=PNG
            )
            for place in (beerta, winschoten):  # corrections leave history
                for table, record in (
                    ("conversation", place.conversation_id),
                    ("resident", place.resident_id),
                ):
                    keep_version(
                        session,
                        record_type=table,
                        record_id=record,
                        version=1,
                        changes={"summary" if table == "conversation" else "name": ["a", "b"]},
                    )
        logins = {"opbouwwerker": "opbouwwerker", "regisseur": "gebiedsregisseur"}
        logins |= {"wethouder": "gebiedswethouder", "beheerder": "beheerder"}
        for who, role in logins.items():
            server.add_user(database, account=accounts[who], role=role, password=PASSWORD)
    finally:
        database.dispose()
    return World(url, accounts, beerta, winschoten, photo_id, members)
