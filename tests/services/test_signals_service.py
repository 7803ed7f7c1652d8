"""Signals through the service layer on a real, migrated SQLite database."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Area,
    ContactType,
    Partner,
    Priority,
    Signal,
    SignalCategory,
    SignalFeedback,
    SignalField,
    SignalHistory,
    SignalSource,
    SignalStatus,
    reference_id,
)
from gebiedsapp.domain.signal_workflow import ALLOWED
from gebiedsapp.services import contacts, koffiekar, signals
from gebiedsapp.services.contacts import ContactInput
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.residents import ResidentInput
from gebiedsapp.services.signal_views import signal_detail
from gebiedsapp.services.signals import SignalInput, SplitPart
from gebiedsapp.storage.repositories.areas import AreaRepository

S = SignalStatus
BEERTA = reference_id("area", "beerta")
EENZAAMHEID_THEME = reference_id("theme", "eenzaamheid")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")  # 5 werkdagen, gemeente-afval
EENZAAMHEID = reference_id("signal_category", "sociaal/eenzaamheid")  # 5 werkdagen, welzijn
LICHT = reference_id("signal_category", "wegen-verkeer-straatmeubilair/straatverlichting")
GLADHEID = reference_id("signal_category", "wegen-verkeer-straatmeubilair/gladheid")  # 1 kal.
AFVAL_PARTNER = reference_id("partner", "gemeente-afval")
WELZIJN = reference_id("partner", "welzijn-ouderenwerk")
NETBEHEERDER = reference_id("partner", "netbeheerder")
DAY = date(2026, 11, 23)  # a monday
TODAY = date(2026, 11, 26)


def _count(session: Session, model: type[object]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _input(**fields: object) -> SignalInput:
    values: dict[str, object] = {
        "area_id": BEERTA,
        "description": "Zwerfvuil bij de bushalte",
        "source": SignalSource.TELEFOON,
        "reported_on": DAY,
        "category_id": ZWERFVUIL,
    }
    values.update(fields)
    return SignalInput(**values)  # type: ignore[arg-type]


def _new(session: Session, **fields: object) -> Signal:
    return signals.create_signal(session, _input(**fields), today=TODAY)


def _statuses(session: Session, signal_id: uuid.UUID) -> list[tuple[str, str]]:
    return [
        (h.old, h.new)
        for h in signals.signal_history(session, signal_id)
        if h.field == SignalField.STATUS
    ]


# --- creating -------------------------------------------------------------------------------


def test_create_takes_term_and_partner_from_the_category(session: Session) -> None:
    row = _new(session, location="  Hoofdweg   12 ", priority=Priority.HOOG)
    assert row.status == S.GEMELD
    assert row.deadline == date(2026, 11, 30)  # 5 werkdagen after monday 23 November
    assert row.partner_id == AFVAL_PARTNER
    assert row.location == "Hoofdweg 12"
    assert row.priority == Priority.HOOG
    assert row.created_by == "test"
    assert signals.signal_history(session, row.id) == []
    assert signals.replay_status(session, row.id) == S.GEMELD


def test_create_keeps_a_chosen_partner_and_calendar_terms(session: Session) -> None:
    row = _new(session, category_id=GLADHEID, partner_id=WELZIJN, reported_on=date(2026, 11, 21))
    assert row.partner_id == WELZIJN
    assert row.deadline == date(2026, 11, 22)  # 1 kalenderdag, a sunday


def test_create_skips_a_retired_default_partner(session: Session) -> None:
    partner = session.get(Partner, AFVAL_PARTNER)
    assert partner is not None
    partner.retired = True
    assert _new(session).partner_id is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"description": "   "}, "Beschrijf in een paar woorden wat er gemeld is."),
        ({"description": "x" * 4001}, "De beschrijving is te lang (hoogstens 4000 tekens)."),
        ({"category_id": None}, "Kies een categorie."),
        ({"category_id": uuid.uuid4()}, "Die categorie bestaat niet (meer)."),
        ({"partner_id": uuid.uuid4()}, "Die partner bestaat niet (meer)."),
        ({"buurt_code": "BU00000000"}, "Die CBS-buurt hoort niet bij dit gebied."),
        ({"latitude": 53.1}, "Geef zowel de breedte- als de lengtegraad, of geen van beide."),
        (
            {"latitude": 91.0, "longitude": 7.0},
            "Deze coördinaten liggen niet in of bij Oldambt (breedtegraad ongeveer 53,2, "
            "lengtegraad ongeveer 7,0).",
        ),
        (
            {"latitude": 7.03, "longitude": 53.17},
            "De breedte- en lengtegraad zijn verwisseld: in Oldambt is de breedtegraad "
            "ongeveer 53,2 en de lengtegraad ongeveer 7,0.",
        ),
        ({"reported_on": date(2026, 11, 27)}, "De meldingsdatum ligt in de toekomst."),
        ({"location": "x" * 301}, "De locatie is te lang (hoogstens 300 tekens)."),
        (
            {"conversation_id": uuid.uuid4(), "contact_id": uuid.uuid4()},
            "Een signaal komt uit één gesprek of uit één contact, niet uit beide.",
        ),
    ],
)
def test_create_refuses_bad_input_and_writes_nothing(
    session: Session, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError) as info:
        _new(session, **fields)
    assert info.value.message == message
    assert _count(session, Signal) == 0


def test_create_refuses_a_retired_category(session: Session) -> None:
    category = session.get(SignalCategory, ZWERFVUIL)
    assert category is not None
    category.retired = True
    with pytest.raises(ValidationError, match="bestaat niet"):
        _new(session)
    assert _count(session, Signal) == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"area_id": uuid.uuid4()}, "Dit gebied bestaat niet (meer)."),
        ({"conversation_id": uuid.uuid4()}, "Dit gesprek bestaat niet (meer)."),
        ({"contact_id": uuid.uuid4()}, "Dit contact bestaat niet (meer)."),
    ],
)
def test_create_refuses_missing_links(
    session: Session, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(NotFoundError) as info:
        _new(session, **fields)
    assert info.value.message == message
    assert _count(session, Signal) == 0


def test_create_with_coordinates_and_a_buurt_of_the_area(session: Session) -> None:
    area = AreaRepository(session).get(BEERTA)
    assert area is not None
    codes = [b.code for b in area.buurten]
    assert codes, "Beerta has CBS buurten"
    row = _new(session, buurt_code=codes[0], latitude=53.17, longitude=7.1)
    assert (row.buurt_code, row.latitude, row.longitude) == (codes[0], 53.17, 7.1)


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        ("53,1712", "7,0341", (53.1712, 7.0341)),
        (" 53.1712 ", "7.0341°", (53.1712, 7.0341)),
        ("53.1712, 7.0341", "", (53.1712, 7.0341)),  # pasted from a map site
        ("53,1712; 7,0341", "", (53.1712, 7.0341)),
        ("", "  ", (None, None)),
    ],
)
def test_parse_coordinates_takes_a_decimal_comma(
    latitude: str, longitude: str, expected: tuple[float | None, float | None]
) -> None:
    assert signals.parse_coordinates(latitude, longitude) == expected


@pytest.mark.parametrize(
    ("latitude", "longitude", "message"),
    [
        ("53,17", "", "Geef zowel de breedte- als de lengtegraad, of geen van beide."),
        ("", "7,03", "Geef zowel de breedte- als de lengtegraad, of geen van beide."),
        ("noord", "7,03", "De breedtegraad 'noord' is geen getal; schrijf bijvoorbeeld 53,1712."),
        ("53,17", "7,0,3", "De lengtegraad '7,0,3' is geen getal; schrijf bijvoorbeeld 7,0341."),
    ],
)
def test_parse_coordinates_refuses_half_or_bad_input(
    latitude: str, longitude: str, message: str
) -> None:
    with pytest.raises(ValidationError) as info:
        signals.parse_coordinates(latitude, longitude)
    assert info.value.message == message


@pytest.mark.parametrize(
    ("latitude", "longitude", "ok"),
    [
        (53.17, 7.03, True),  # Winschoten
        (53.0, 6.75, True),  # the corners of the accepted box
        (53.4, 7.4, True),
        (52.37, 4.89, False),  # Amsterdam
        (53.22, 6.57, False),  # Groningen city
        (53.5, 7.03, False),  # the Wadden Sea
        (0.0, 0.0, False),
    ],
)
def test_coordinates_must_lie_in_or_near_oldambt(
    session: Session, latitude: float, longitude: float, ok: bool
) -> None:
    if ok:
        row = _new(session, latitude=latitude, longitude=longitude)
        assert (row.latitude, row.longitude) == (latitude, longitude)
    else:
        with pytest.raises(ValidationError, match="niet in of bij Oldambt"):
            _new(session, latitude=latitude, longitude=longitude)
        assert _count(session, Signal) == 0


def test_signal_points_are_the_open_signals_with_coordinates(session: Session) -> None:
    placed = _new(session, latitude=53.17, longitude=7.1, location="Hoofdstraat 1")
    _new(session)  # no coordinates: not on the map
    closed = _new(session, latitude=53.18, longitude=7.1)
    signals.transition(session, closed.id, S.GEANNULEERD, today=TODAY)
    points = signals.signal_points(session, {BEERTA})
    assert [(uuid.UUID(p.key), p.longitude, p.latitude) for p in points] == [
        (placed.id, 7.1, 53.17)
    ]
    assert (points[0].category, points[0].location, points[0].status) == (
        "Zwerfvuil",
        "Hoofdstraat 1",
        S.GEMELD,
    )
    assert signals.signal_points(session, {uuid.uuid4()}) == []
    assert len(signals.signal_points(session)) == 1


def test_prefill_from_a_conversation(session: Session) -> None:
    round_ = koffiekar.start_session(
        session, SessionInput(area_id=BEERTA, day=DAY, start_time=time(10), place="Dorpsplein")
    )
    plain = koffiekar.record_conversation(
        session,
        session_id=round_.id,
        data=ConversationInput(summary="Buurman is erg alleen", theme_ids=[EENZAAMHEID_THEME]),
    )
    data = signals.signal_input_from_conversation(session, plain.id)
    assert data.area_id == BEERTA
    assert data.location == "Dorpsplein"
    assert data.description == "Buurman is erg alleen"
    assert data.source == SignalSource.KOFFIEKAR
    assert data.reported_on == DAY
    assert data.conversation_id == plain.id
    assert data.wants_feedback is False
    assert data.category_id is None

    with pytest.raises(ValidationError, match="Kies een categorie"):
        signals.create_signal(session, data, today=TODAY)
    row = signals.create_signal(
        session,
        SignalInput(**{**data.__dict__, "category_id": EENZAAMHEID}),
        today=TODAY,
    )
    assert row.conversation_id == plain.id
    assert row.partner_id == WELZIJN

    with_resident = koffiekar.record_conversation(
        session,
        session_id=round_.id,
        data=ConversationInput(
            summary="Lantaarnpaal kapot",
            theme_ids=[EENZAAMHEID_THEME],
            resident=ResidentInput(
                name="Jan", phone="0612345678", wants_contact=True, consent=True
            ),
        ),
        today=DAY,
    )
    assert signals.signal_input_from_conversation(session, with_resident.id).wants_feedback

    with pytest.raises(NotFoundError, match="gesprek"):
        signals.signal_input_from_conversation(session, uuid.uuid4())


def test_prefill_from_a_contact(session: Session) -> None:
    contact = contacts.record_contact(
        session,
        ContactInput(
            day=DAY,
            area_id=BEERTA,
            contact_type=ContactType.TELEFOON,
            subject="Overlast jongeren",
            notes="Elke avond bij het MFC",
            theme_ids=[EENZAAMHEID_THEME],
        ),
    )
    data = signals.signal_input_from_contact(session, contact.id)
    assert data.description == "Overlast jongeren\n\nElke avond bij het MFC"
    assert (data.source, data.contact_id, data.reported_on) == (
        SignalSource.CONTACT,
        contact.id,
        DAY,
    )
    with pytest.raises(NotFoundError, match="contact"):
        signals.signal_input_from_contact(session, uuid.uuid4())


def test_the_detail_names_the_conversation_or_contact_it_came_from(session: Session) -> None:
    round_ = koffiekar.start_session(
        session, SessionInput(area_id=BEERTA, day=DAY, start_time=time(10), place="Dorpsplein")
    )
    heard = koffiekar.record_conversation(
        session,
        session_id=round_.id,
        data=ConversationInput(summary="Buurman is erg alleen", theme_ids=[EENZAAMHEID_THEME]),
    )
    met = contacts.record_contact(
        session,
        ContactInput(
            day=date(2026, 11, 24),
            area_id=BEERTA,
            contact_type=ContactType.TELEFOON,
            subject="Overlast jongeren",
            theme_ids=[EENZAAMHEID_THEME],
        ),
    )
    from_conversation = _new(session, conversation_id=heard.id)
    from_contact = _new(session, contact_id=met.id)
    assert signal_detail(session, from_conversation.id, today=TODAY).origin == (
        "Koffiekargesprek 23-11-2026 (Dorpsplein): Buurman is erg alleen"
    )
    assert signal_detail(session, from_contact.id, today=TODAY).origin == (
        "Contact 24-11-2026: Overlast jongeren"
    )
    assert signal_detail(session, _new(session).id, today=TODAY).origin == ""


# --- the workflow ---------------------------------------------------------------------------


def test_transitions_write_history_with_actor_and_note(session: Session) -> None:
    row = _new(session)
    signals.transition(session, row.id, S.IN_BEHANDELING, note="Opgepakt", today=TODAY)
    session.info["actor"] = "anna"
    signals.transition(session, row.id, S.DOORGEZET, today=TODAY)
    signals.transition(session, row.id, S.AFGEHANDELD, today=TODAY)
    assert row.closed_on == TODAY
    history = signals.signal_history(session, row.id)
    assert [(h.seq, h.old, h.new, h.by, h.note) for h in history] == [
        (1, "gemeld", "in_behandeling", "test", "Opgepakt"),
        (2, "in_behandeling", "doorgezet", "anna", ""),
        (3, "doorgezet", "afgehandeld", "anna", ""),
    ]
    assert all(h.at.tzinfo is not None for h in history)
    signals.transition(session, row.id, S.HEROPEND, today=TODAY)
    assert row.closed_on is None
    assert signals.replay_status(session, row.id) == row.status == S.HEROPEND


def test_an_impossible_transition_says_why_and_writes_nothing(session: Session) -> None:
    row = _new(session)
    with pytest.raises(ValidationError) as info:
        signals.transition(session, row.id, S.AFGEHANDELD, today=TODAY)
    assert info.value.message == (
        "Van 'Gemeld' kan een signaal niet naar 'Afgehandeld'; eerst 'In behandeling'."
    )
    assert info.value.field == "status"
    assert row.status == S.GEMELD
    assert _count(session, SignalHistory) == 0
    with pytest.raises(ValidationError, match="notitie is te lang"):
        signals.transition(session, row.id, S.IN_BEHANDELING, note="x" * 2001)
    assert _count(session, SignalHistory) == 0
    with pytest.raises(NotFoundError, match="signaal"):
        signals.transition(session, uuid.uuid4(), S.IN_BEHANDELING)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(list(SignalStatus)), max_size=25))
def test_random_requests_through_the_service_stay_in_the_table(
    session: Session, requests: list[SignalStatus]
) -> None:
    """Each example works on its own new signal: refused requests change nothing, accepted
    ones follow the table, and the stored history always replays to the stored status."""
    row = _new(session)
    for wanted in requests:
        before = row.status
        try:
            signals.transition(session, row.id, wanted, today=TODAY)
        except ValidationError:
            assert wanted not in ALLOWED[before]
            assert row.status == before
        else:
            assert wanted in ALLOWED[before]
            assert row.status == wanted
        assert signals.replay_status(session, row.id) == row.status
    session.expire_all()
    stored = session.get(Signal, row.id)
    assert stored is not None
    assert signals.replay_status(session, row.id) == stored.status
    assert len(_statuses(session, row.id)) <= len(requests)


# --- category, partner, priority, deadline -------------------------------------------------


def test_change_category_recomputes_the_deadline_and_records_both(session: Session) -> None:
    row = _new(session)  # zwerfvuil: 5 werkdagen -> 30 November, gemeente-afval
    signals.change_category(session, row.id, LICHT, note="Is straatverlichting")
    assert row.category_id == LICHT
    assert row.deadline == date(2026, 12, 7)  # 10 werkdagen
    assert row.partner_id == NETBEHEERDER  # followed the default, as it was the old default
    history = [(h.field, h.old, h.new) for h in signals.signal_history(session, row.id)]
    assert history == [
        (SignalField.CATEGORY, str(ZWERFVUIL), str(LICHT)),
        (SignalField.DEADLINE, "2026-11-30", "2026-12-07"),
        (SignalField.PARTNER, str(AFVAL_PARTNER), str(NETBEHEERDER)),
    ]
    signals.change_category(session, row.id, LICHT)  # the same: nothing to record
    assert len(signals.signal_history(session, row.id)) == 3


def test_change_category_keeps_a_partner_chosen_by_hand(session: Session) -> None:
    row = _new(session, partner_id=WELZIJN)
    signals.change_category(session, row.id, LICHT)
    assert row.partner_id == WELZIJN
    fields = [h.field for h in signals.signal_history(session, row.id)]
    assert fields == [SignalField.CATEGORY, SignalField.DEADLINE]


def test_change_partner_priority_and_deadline(session: Session) -> None:
    row = _new(session)
    signals.change_partner(session, row.id, WELZIJN, note="Eigenlijk sociaal")
    signals.change_partner(session, row.id, None)
    signals.change_priority(session, row.id, Priority.HOOG)
    signals.change_priority(session, row.id, Priority.HOOG)  # unchanged: not recorded
    signals.change_deadline(session, row.id, date(2026, 12, 10), note="Afgesproken met partner")
    history = [(h.field, h.old, h.new, h.note) for h in signals.signal_history(session, row.id)]
    assert history == [
        (SignalField.PARTNER, str(AFVAL_PARTNER), str(WELZIJN), "Eigenlijk sociaal"),
        (SignalField.PARTNER, str(WELZIJN), "", ""),
        (SignalField.PRIORITY, "normaal", "hoog", ""),
        (SignalField.DEADLINE, "2026-11-30", "2026-12-10", "Afgesproken met partner"),
    ]


def test_changes_refuse_bad_input_and_write_nothing(session: Session) -> None:
    row = _new(session)
    with pytest.raises(ValidationError, match="Die partner bestaat niet"):
        signals.change_partner(session, row.id, uuid.uuid4())
    with pytest.raises(ValidationError, match="Die categorie bestaat niet"):
        signals.change_category(session, row.id, uuid.uuid4())
    with pytest.raises(ValidationError, match="Geef aan waarom de termijn verandert"):
        signals.change_deadline(session, row.id, date(2026, 12, 10), note=" ")
    with pytest.raises(ValidationError, match="vóór de meldingsdatum"):
        signals.change_deadline(session, row.id, date(2026, 11, 1), note="Vergissing")
    assert (row.category_id, row.partner_id, row.deadline) == (
        ZWERFVUIL,
        AFVAL_PARTNER,
        date(2026, 11, 30),
    )
    signals.transition(session, row.id, S.GEANNULEERD, today=TODAY)
    with pytest.raises(ValidationError) as info:
        signals.change_priority(session, row.id, Priority.LAAG)
    assert info.value.message == (
        "Dit signaal is 'Geannuleerd'; heropen het eerst om het te wijzigen."
    )
    assert [h.field for h in signals.signal_history(session, row.id)] == [SignalField.STATUS]


# --- splitting ------------------------------------------------------------------------------


def _split_two(session: Session, parent: Signal) -> list[Signal]:
    return signals.split(
        session,
        parent.id,
        [
            SplitPart(ZWERFVUIL, None, "Vuil opruimen"),
            (EENZAAMHEID, None, "Bewoner zoekt contact"),
        ],
        note="Twee zaken",
        today=TODAY,
    )


def test_split_makes_children_and_records_it_on_the_parent(session: Session) -> None:
    parent = _new(session, wants_feedback=True, priority=Priority.HOOG, location="Dorpsplein")
    children = _split_two(session, parent)
    assert parent.status == S.IN_BEHANDELING  # a Gemeld parent is being handled now
    assert [c.parent_id for c in children] == [parent.id, parent.id]
    assert [c.partner_id for c in children] == [AFVAL_PARTNER, WELZIJN]
    assert [c.status for c in children] == [S.GEMELD, S.GEMELD]
    first = children[0]
    assert (first.area_id, first.location, first.priority, first.reported_on) == (
        BEERTA,
        "Dorpsplein",
        Priority.HOOG,
        DAY,
    )
    assert not any(c.wants_feedback for c in children)
    history = signals.signal_history(session, parent.id)
    assert [(h.field, h.new) for h in history] == [
        (SignalField.STATUS, "in_behandeling"),
        (SignalField.SPLIT, f"{children[0].id},{children[1].id}"),
    ]
    assert history[1].note == "Twee zaken"


def test_split_refuses_bad_children_and_writes_nothing(session: Session) -> None:
    parent = _new(session)
    with pytest.raises(ValidationError, match="ten minste één deelsignaal"):
        signals.split(session, parent.id, [], today=TODAY)
    with pytest.raises(ValidationError, match="Beschrijf"):
        signals.split(
            session,
            parent.id,
            [SplitPart(ZWERFVUIL, None, "Goed"), SplitPart(EENZAAMHEID, None, " ")],
            today=TODAY,
        )
    with pytest.raises(ValidationError, match="categorie bestaat niet"):
        signals.split(session, parent.id, [SplitPart(uuid.uuid4(), None, "x")], today=TODAY)
    assert _count(session, Signal) == 1
    assert _count(session, SignalHistory) == 0
    assert parent.status == S.GEMELD


def test_a_parent_closes_when_its_last_child_does(session: Session) -> None:
    parent = _new(session)
    first, second = _split_two(session, parent)
    with pytest.raises(ValidationError) as info:
        signals.transition(session, parent.id, S.AFGEHANDELD, today=TODAY)
    assert info.value.message == (
        "Dit signaal heeft nog open deelsignalen; het kan pas naar 'Afgehandeld' "
        "als die zijn afgesloten."
    )
    signals.transition(session, first.id, S.IN_BEHANDELING, today=TODAY)
    signals.transition(session, first.id, S.AFGEHANDELD, today=TODAY)
    assert parent.status == S.IN_BEHANDELING
    signals.transition(session, second.id, S.GEANNULEERD, today=TODAY)
    assert parent.status == S.AFGEHANDELD  # one child was done
    assert parent.closed_on == TODAY
    last = signals.signal_history(session, parent.id)[-1]
    assert (last.new, last.note) == ("afgehandeld", "Alle deelsignalen zijn afgesloten.")

    # reopening a child reopens the closed parent
    signals.transition(session, second.id, S.HEROPEND, today=TODAY)
    assert parent.status == S.HEROPEND
    assert signals.signal_history(session, parent.id)[-1].note == "Een deelsignaal is heropend."
    for row in (parent, first, second):
        assert signals.replay_status(session, row.id) == row.status


def test_a_parent_whose_children_were_all_cancelled_is_cancelled(session: Session) -> None:
    parent = _new(session)
    for child in _split_two(session, parent):
        signals.transition(session, child.id, S.GEANNULEERD, today=TODAY)
    assert parent.status == S.GEANNULEERD


def test_a_closed_signal_cannot_be_split(session: Session) -> None:
    row = _new(session)
    signals.transition(session, row.id, S.GEANNULEERD, today=TODAY)
    with pytest.raises(ValidationError, match="heropen het eerst"):
        signals.split(session, row.id, [SplitPart(ZWERFVUIL, None, "x")], today=TODAY)


# --- feedback -------------------------------------------------------------------------------


def test_feedback_and_the_list_of_who_still_waits(session: Session) -> None:
    waiting = _new(session, wants_feedback=True)
    quiet = _new(session, wants_feedback=False)
    still_open = _new(session, wants_feedback=True)
    for row in (waiting, quiet):
        signals.transition(session, row.id, S.IN_BEHANDELING, today=TODAY)
        signals.transition(session, row.id, S.AFGEHANDELD, today=TODAY)
    assert still_open.status == S.GEMELD
    # feedback before closing ("we passed it on") does not count
    early = signals.record_feedback(
        session, still_open.id, given_on=DAY, how="Telefoon", today=TODAY
    )
    assert (early.how, early.by) == ("telefoon", "test")
    signals.transition(session, still_open.id, S.GEANNULEERD, today=TODAY)
    assert {s.id for s in signals.awaiting_feedback(session)} == {waiting.id, still_open.id}
    assert signals.awaiting_feedback(session, area_ids=[uuid.uuid4()]) == []

    signals.record_feedback(
        session, waiting.id, given_on=TODAY, how="brief", by="Anna", note="Brief gestuurd"
    )
    assert [s.id for s in signals.awaiting_feedback(session)] == [still_open.id]
    stored = session.scalars(
        select(SignalFeedback).where(SignalFeedback.signal_id == waiting.id)
    ).one()
    assert (stored.given_on, stored.how, stored.by, stored.note) == (
        TODAY,
        "brief",
        "Anna",
        "Brief gestuurd",
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"how": "duif"}, "Kies hoe de bewoner is teruggekoppeld: telefoon, e-mail, brief, "),
        ({"given_on": date(2026, 11, 27)}, "ligt in de toekomst"),
        ({"given_on": date(2026, 11, 1)}, "vóór de meldingsdatum"),
        ({"by": " "}, "Vul in wie de bewoner heeft teruggekoppeld."),
    ],
)
def test_feedback_refuses_bad_input_and_writes_nothing(
    session: Session, fields: dict[str, object], message: str
) -> None:
    row = _new(session, wants_feedback=True)
    values: dict[str, object] = {"given_on": TODAY, "how": "telefoon", "today": TODAY}
    values.update(fields)
    with pytest.raises(ValidationError) as info:
        signals.record_feedback(session, row.id, **values)  # type: ignore[arg-type]
    assert message in info.value.message
    assert _count(session, SignalFeedback) == 0


def test_awaiting_feedback_per_area(session: Session, make_area: Callable[..., Area]) -> None:
    area = make_area()
    row = _new(session, area_id=area.id, wants_feedback=True)
    signals.transition(session, row.id, S.GEANNULEERD, today=TODAY)
    assert [s.id for s in signals.awaiting_feedback(session, area_ids=[area.id])] == [row.id]
    assert signals.awaiting_feedback(session, area_ids=[BEERTA]) == []


def test_the_lists_first_rows_are_the_whole_lists_first_rows(session: Session) -> None:
    """Signalen makes only the rows it shows (issue 19: 62,000 for Winschoten on ten times the
    data, seconds of work and as many objects for the GUI thread's garbage collections), and
    still counts the whole list: its length, its open signals and those per buurt for the
    map. The first rows are those of the whole list, in the same order."""
    from gebiedsapp.services.signal_views import SignalFilter, list_signals

    area = AreaRepository(session).get(BEERTA)
    assert area is not None
    codes = [b.code for b in area.buurten]
    made = [
        _new(session, reported_on=date(2026, 10, 1), category_id=GLADHEID, buurt_code=codes[0]),
        _new(session, reported_on=date(2026, 11, 1), buurt_code=codes[0]),
        _new(session, reported_on=DAY, buurt_code=codes[-1]),
        _new(session, reported_on=DAY),  # the same day and term: tied but for the id
        _new(session, reported_on=DAY),
        _new(session, reported_on=date(2026, 9, 1), category_id=LICHT),
    ]
    signals.transition(session, made[1].id, S.IN_BEHANDELING, today=TODAY)
    signals.transition(session, made[1].id, S.AFGEHANDELD, today=TODAY)
    session.flush()
    for filters in (SignalFilter(area_ids=frozenset({BEERTA})), SignalFilter()):
        whole = list_signals(session, filters, today=TODAY)
        assert len(whole.rows) == len(made)
        for limit in (0, 1, 3, 4, 10):
            first = list_signals(session, filters, today=TODAY, limit=limit)
            assert first.rows == whole.rows[:limit]
            assert first.length == len(whole.rows)
            assert first.counts == whole.counts
            still_open = [row for row in whole.rows if row.closed_on is None]
            assert first.open_keys == {row.key for row in still_open}
            per_buurt: dict[str, int] = {}
            for row in still_open:
                if row.buurt_code is not None:
                    per_buurt[row.buurt_code] = per_buurt.get(row.buurt_code, 0) + 1
            assert first.open_per_buurt == per_buurt
