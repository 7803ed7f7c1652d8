"""A resident with records in every table that can hold them (conversation, follow-up,
signal with photo, contact, draft) and another resident beside them: the world of the tests of
inzage, erasure and encryption."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import select

from gebiedsapp.domain import (
    ContactType,
    ContactWith,
    Conversation,
    DraftKind,
    Meedenker,
    SignalSource,
    reference_id,
)
from gebiedsapp.services import actions, contacts, drafts, koffiekar, signal_photos, signals
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.residents import ResidentInput, register_resident
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.storage.database import Database
from support.images import png

BEERTA = reference_id("area", "beerta")
NAME = "Jantje Bewonérsma"
PHONE = "06-12 34 56 78"
EMAIL = "jantje.bewonersma@example.nl"
OTHER = "Pietje Anders"


class Person:
    def __init__(self, database: Database) -> None:
        with database.unit_of_work("anna") as s:
            round_ = koffiekar.start_session(
                s, SessionInput(area_id=BEERTA, day=date(2026, 3, 2), start_time=time(10),
                                place="Dorpsplein")
            )  # fmt: skip
            said = koffiekar.record_conversation(
                s,
                session_id=round_.id,
                data=ConversationInput(
                    f"{NAME} vertelde dat de lantaarn kapot is; bel {PHONE}",
                    theme_ids=[reference_id("theme", "eenzaamheid")],
                    quote="Het is hier donker",
                    resident=ResidentInput(
                        name=NAME, phone=PHONE, email=EMAIL, wants_contact=True,
                        wants_meedenken=True, consent=True,
                        theme_ids=[reference_id("theme", "eenzaamheid")],
                    ),
                ),
            )  # fmt: skip
            self.conversation = said.id
            self.resident = s.get(Conversation, said.id).resident_id  # type: ignore[union-attr]
            actions.create_follow_up(
                s, description="Terugbellen over de lamp", area_id=BEERTA, owner_id=None,
                due_date=None, conversation_id=said.id,
            )  # fmt: skip
            signal = signals.create_signal(
                s,
                SignalInput(
                    area_id=BEERTA, description=f"Lamp kapot bij {NAME}",
                    source=SignalSource.KOFFIEKAR, reported_on=date(2026, 3, 2),
                    category_id=reference_id(
                        "signal_category", "wegen-verkeer-straatmeubilair/straatverlichting"
                    ),
                    conversation_id=said.id,
                ),
                today=date(2026, 3, 2),
            )  # fmt: skip
            self.signal = signal.id
            self.photo = signal_photos.add_photo(
                s, signal.id, file_name="lamp.png", data=png(8, 8), caption="de lamp"
            )
            meedenker = s.scalars(
                select(Meedenker).where(Meedenker.resident_id == self.resident)
            ).one()
            contact = contacts.record_contact(
                s,
                contacts.ContactInput(
                    day=date(2026, 4, 1), area_id=BEERTA, contact_type=ContactType.HUISBEZOEK,
                    with_kind=ContactWith.MEEDENKER, meedenker_id=meedenker.id,
                    subject=f"Op bezoek bij {NAME}",
                ),
            )  # fmt: skip
            self.contact = contact.id
            self.draft = drafts.save_draft(
                s, draft_id=None, kind=DraftKind.CONTACT, payload={"notes": f"bellen: {PHONE}"}
            )
            other = register_resident(
                s, ResidentInput(name=OTHER, phone="0611111111", wants_contact=True,
                                 consent=True), area_id=BEERTA, today=date(2026, 3, 2),
            )  # fmt: skip
            assert other is not None
            self.other = other.id
