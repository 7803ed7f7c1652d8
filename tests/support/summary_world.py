"""`summary_world`: a small, known data set for the summary figures (and the PDF tests later).

The month March 2024 is summarised on 15 May 2024; the previous period is February 2024, a leap
month. Midwolda (a kern, with the buurtschap Ekamp below it) and Beerta have koffiekar rounds,
conversations, contacts, meedenkers, signals and agreed actions in both months, on the edges
of both, just outside them, and soft-deleted. Every record is made through the services, back-
dated by hand only where a service stamps "now" (when an action was made).

A comment at each record says what it counts for; the expected numbers, worked out by hand
from those, are at the end of `_build`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import astuple, dataclass
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    ActionStatus,
    AreaKind,
    Contact,
    ContactType,
    Conversation,
    FollowUp,
    InitiativeStatus,
    Meedenker,
    Role,
    Signal,
    SignalHistory,
    SignalSource,
    SignalStatus,
    reference_id,
)
from gebiedsapp.services import (
    actions,
    contacts,
    initiatives,
    koffiekar,
    residents,
    signals,
    teams,
)
from gebiedsapp.services.areas import create_area
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary import KeyFigures
from gebiedsapp.storage.database import Database

PERIOD = Period.month(2024, 3)
TODAY = date(2024, 5, 15)

S = SignalStatus
CLOSE = [S.IN_BEHANDELING, S.AFGEHANDELD]  # the shortest way to Afgehandeld


@dataclass(frozen=True)
class Expected:
    current: KeyFigures
    previous: KeyFigures
    median_days_to_close: float | None
    quotes: tuple[str, ...]  # newest first


@dataclass(frozen=True)
class SummaryWorld:
    database: Database
    period: Period  # March 2024; previous: February 2024
    today: date  # the day the summary is made
    midwolda: uuid.UUID  # kern, with Ekamp below it
    ekamp: uuid.UUID
    beerta: uuid.UUID
    westerlee: uuid.UUID  # a sub-area made for the test below Westerlee: holds only removed data
    expected: dict[str, Expected]  # by summary title: Midwolda, Ekamp, Beerta, Oldambt
    # never in a summary of March: residents' details, notes, summaries, signal descriptions and
    # locations, and quotes not marked reportable, removed or outside the period
    never_printed: tuple[str, ...]


def _theme(key: str) -> uuid.UUID:
    return reference_id("theme", key)


EENZAAM, OUDEREN, ARMOEDE, JEUGD = (
    _theme("eenzaamheid"),
    _theme("ouderen"),
    _theme("armoede-en-schulden"),
    _theme("jeugd-en-jongeren"),
)
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
GROFVUIL = reference_id("signal_category", "afval/grofvuil")
LICHT = reference_id("signal_category", "wegen-verkeer-straatmeubilair/straatverlichting")
SOCIAAL = reference_id("signal_category", "sociaal/eenzaamheid")


class Builder:
    """Small helpers over the services, so the data set below reads as a list of facts."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.secrets: list[str] = []

    def secret(self, text: str) -> str:
        self.secrets.append(text)
        return text

    def round(
        self,
        area: uuid.UUID,
        day: date,
        said: list[tuple[list[uuid.UUID], str, bool]],
        *,
        buurt: str | None = None,
        deleted: bool = False,
    ) -> tuple[uuid.UUID, list[uuid.UUID]]:
        """A koffiekar round with one conversation per (themes, quote, reportable): the round's
        id and the conversations' ids."""
        row = koffiekar.start_session(
            self.session,
            koffiekar.SessionInput(area_id=area, day=day, start_time=time(10), buurt_code=buurt),
        )
        ids = []
        for number, (themes, quote, reportable) in enumerate(said):
            summary = self.secret(f"gespreksverslag {day} {number}")
            data = koffiekar.ConversationInput(
                summary=summary, theme_ids=themes, quote=quote, quote_reportable=reportable
            )
            ids.append(koffiekar.record_conversation(self.session, session_id=row.id, data=data).id)
            if quote and not reportable:
                self.secrets.append(quote)
        if deleted:
            row.soft_delete()
        return row.id, ids

    def remove_conversation(self, conversation_id: uuid.UUID) -> None:
        self.session.get_one(Conversation, conversation_id).soft_delete()

    def resident(self, number: int) -> residents.ResidentInput:
        return residents.ResidentInput(
            name=self.secret(f"Bewoner Geheimsma-{number}"),
            phone=self.secret(f"06-{number:08d}"),
            email=self.secret(f"bewoner{number}@geheim.example"),
            wants_meedenken=True,
            consent=True,
            theme_ids=(OUDEREN,),
        )

    def meedenker(
        self, area: uuid.UUID, since: date, number: int, *, deleted: bool = False
    ) -> None:
        person = residents.register_resident(
            self.session, self.resident(number), area_id=area, today=since
        )
        assert person is not None
        if deleted:
            entry = self.session.scalars(
                select(Meedenker).where(Meedenker.resident_id == person.id)
            ).one()
            entry.soft_delete()

    def contact(
        self, area: uuid.UUID, day: date, themes: list[uuid.UUID], *, deleted: bool = False
    ) -> None:
        row = contacts.record_contact(
            self.session,
            contacts.ContactInput(
                day=day,
                area_id=area,
                contact_type=ContactType.HUISBEZOEK,
                subject="Huisbezoek",
                notes=self.secret(f"aantekening {day}"),
                theme_ids=themes,
            ),
        )
        if deleted:
            self.session.get_one(Contact, row.id).soft_delete()

    def signal(
        self,
        area: uuid.UUID,
        reported: date,
        category: uuid.UUID,
        deadline: date,
        moves: Sequence[tuple[list[SignalStatus], date]] = (),
        *,
        buurt: str | None = None,
        deleted: bool = False,
    ) -> uuid.UUID:
        row = signals.create_signal(
            self.session,
            signals.SignalInput(
                area_id=area,
                description=self.secret(f"omschrijving {reported} {deadline}"),
                location=self.secret(f"Geheimstraat {reported.day}"),
                source=SignalSource.KOFFIEKAR,
                reported_on=reported,
                category_id=category,
                buurt_code=buurt,
            ),
            today=TODAY,
        )
        signals.change_deadline(self.session, row.id, deadline, note="Afgesproken met partner.")
        for statuses, day in moves:
            for status in statuses:
                signals.transition(self.session, row.id, status, today=day)
                # the service stamps "now"; replaying the history needs the day it was moved
                self.backdate_last_move(row.id, datetime.combine(day, time(12), tzinfo=UTC))
        if deleted:
            self.session.get_one(Signal, row.id).soft_delete()
        return row.id

    def backdate_last_move(self, signal_id: uuid.UUID, at: datetime) -> None:
        last = self.session.scalars(
            select(SignalHistory)
            .where(SignalHistory.signal_id == signal_id)
            .order_by(SignalHistory.seq.desc())
            .limit(1)
        ).one()
        last.at = at
        self.session.flush()

    def action(
        self,
        area: uuid.UUID,
        made: date,
        *,
        owner: uuid.UUID | None = None,
        due: date | None = None,
        done: date | None = None,
        status: ActionStatus | None = None,
        deleted: bool = False,
    ) -> None:
        row = actions.create_follow_up(
            self.session,
            description=f"Actie van {made}",
            area_id=area,
            owner_id=owner,
            due_date=due,
        )
        # the service stamps "now"; the summary needs the day it was agreed
        row.created_at = datetime.combine(made, time(14), tzinfo=UTC)
        if done is not None:
            actions.set_done(self.session, row.id, done=True, today=done)
        if status is not None:
            self.session.get_one(FollowUp, row.id).status = status
        if deleted:
            row.soft_delete()
        self.session.flush()

    def initiative(
        self,
        area: uuid.UUID,
        title: str,
        started: date,
        *,
        status: InitiativeStatus = InitiativeStatus.UITVOERING,
        ended: date | None = None,
        steps: Sequence[tuple[str, date | None, date | None]] = (),
        granted: int | None = None,
        deleted: bool = False,
    ) -> None:
        row = initiatives.create_initiative(
            self.session,
            initiatives.InitiativeInput(
                area_id=area,
                title=title,
                started_on=started,
                status=status,
                ended_on=ended,
                carried_by="Bewonersgroep",
                description=self.secret(f"initiatiefomschrijving {title}"),
                support=self.secret(f"ondersteuning {title}"),
                budget_granted=granted,
                milestones=[
                    initiatives.MilestoneInput(text, due_on=due, reached_on=reached)
                    for text, due, reached in steps
                ],
            ),
            today=TODAY,
        )
        if deleted:
            initiatives.remove_initiative(self.session, row.id)


def d(month: int, day: int) -> date:
    """A day in 2024 (the data set's year)."""
    return date(2024, month, day)


def _build(session: Session, database: Database) -> SummaryWorld:
    midwolda = reference_id("area", "midwolda")
    ekamp = reference_id("area", "ekamp")
    beerta = reference_id("area", "beerta")
    westerlee = create_area(
        session,
        name="Westerlee-Noord",
        kind=AreaKind.GEBIED,
        parent_id=reference_id("area", "westerlee"),
    ).id
    b = Builder(session)

    # --- team: assignments on 31 March count --------------------------------------------------
    gerda = teams.add_member(session, name="Gerda Regisseur").id
    olga = teams.add_member(session, name="Olga Opbouw").id
    otto = teams.add_member(session, name="Otto Opbouwer").id
    wim = teams.add_member(session, name="Wim Wethouder").id
    eva = teams.add_member(session, name="Eva Ekamp").id
    for member, area, role, start, end in (
        (gerda, midwolda, Role.GEBIEDSREGISSEUR, date(2023, 1, 1), None),
        (olga, midwolda, Role.OPBOUWWERKER, date(2023, 1, 1), d(3, 15)),  # left
        (otto, midwolda, Role.OPBOUWWERKER, d(3, 16), None),
        (wim, midwolda, Role.GEBIEDSWETHOUDER, date(2022, 5, 1), None),
        (wim, beerta, Role.GEBIEDSWETHOUDER, date(2022, 5, 1), None),
        (eva, ekamp, Role.OPBOUWWERKER, date(2023, 1, 1), None),  # the sub-area's own team
    ):
        teams.assign(
            session, member_id=member, area_id=area, role=role, start_date=start, end_date=end
        )

    # --- koffiekar -------------------------------------------------------------------------------
    # Midwolda, current: 1 round, 4 conversations (eenzaam 2, ouderen 1, armoede 2), 1 meedenker
    first, _ = b.round(
        midwolda,
        d(3, 1),
        [
            ([EENZAAM], "Het dorpshuis is ons café geworden.", True),
            ([EENZAAM, OUDEREN], "Niet voor het verslag, hoor.", False),
            ([ARMOEDE], "", False),
        ],
        buurt="BU18950900",
    )
    koffiekar.record_conversation(
        session,
        session_id=first,
        data=koffiekar.ConversationInput(
            summary=b.secret("wil meedenken over het dorpshuis"),
            theme_ids=[ARMOEDE],
            resident=b.resident(1),  # meedenker since 1 March (the round's day)
        ),
    )
    # Ekamp, current, on the last day: 1 conversation counts (ouderen), 1 removed
    _, (_, removed) = b.round(
        ekamp,
        d(3, 31),
        [
            ([OUDEREN], "Wij zijn geïnteresseerd in één bankje bij de brink.", True),
            ([EENZAAM], "Dit citaat is verwijderd.", True),
        ],
    )
    b.remove_conversation(removed)
    b.secrets.append("Dit citaat is verwijderd.")
    # Midwolda, previous, on its last day (29 February): ouderen 2, eenzaam 1, jeugd 1
    b.round(
        midwolda,
        d(2, 29),
        [
            ([OUDEREN], "Schrikkeldag in het dorp.", True),
            ([OUDEREN, EENZAAM], "", False),
            ([JEUGD], "", False),
        ],
    )
    # outside both periods, or removed: never counted
    b.round(midwolda, d(4, 1), [([EENZAAM], "Een dag te laat.", True)])
    b.round(midwolda, d(1, 31), [([ARMOEDE], "Een dag te vroeg.", True)])
    b.round(midwolda, d(3, 15), [([EENZAAM], "Verwijderde ronde.", True)], deleted=True)
    b.secrets += ["Een dag te laat.", "Een dag te vroeg.", "Verwijderde ronde."]
    # Beerta: current 1 round, 2 conversations (ouderen, armoede); previous 1 round (armoede)
    b.round(
        beerta,
        d(3, 10),
        [([OUDEREN], "Café 't Hoekje moet blijven!", True), ([ARMOEDE], "", False)],
        buurt="BU18950300",
    )
    b.round(beerta, d(2, 10), [([ARMOEDE], "", False)])
    # Westerlee-Noord: only a removed round
    b.round(westerlee, d(3, 12), [([EENZAAM], "", False)], deleted=True)

    # --- contacts -------------------------------------------------------------------------------
    b.contact(midwolda, d(3, 5), [EENZAAM])
    b.contact(ekamp, d(3, 20), [OUDEREN, ARMOEDE])
    b.contact(midwolda, d(2, 1), [ARMOEDE])  # previous, first day
    b.contact(midwolda, d(4, 1), [EENZAAM])  # after
    b.contact(midwolda, d(3, 10), [EENZAAM], deleted=True)
    b.contact(beerta, d(3, 31), [EENZAAM])

    # --- meedenkers (besides the one from the conversation) ---------------------------------------
    b.meedenker(ekamp, d(2, 15), 2)  # previous
    b.meedenker(beerta, d(3, 20), 3)  # current
    b.meedenker(midwolda, d(4, 2), 4)  # after
    b.meedenker(midwolda, d(3, 5), 5, deleted=True)

    # --- signals (open and overdue on 31 March, resp. 29 February) ------------------------------
    # current: new, closed in 4 days
    b.signal(midwolda, d(3, 4), ZWERFVUIL, d(3, 11), [(CLOSE, d(3, 8))], buurt="BU18950900")
    # current: new, open, ruim buiten de termijn (26 days for a term of 7)
    b.signal(ekamp, d(3, 5), LICHT, d(3, 12), [([S.IN_BEHANDELING], d(3, 6))], buurt="BU18950903")
    # current: new, open, binnen de termijn
    b.signal(midwolda, d(3, 20), GROFVUIL, d(4, 10), buurt="BU18950904")
    # current: new; closed after the period, so open on 31 March, buiten de termijn
    b.signal(midwolda, d(3, 25), ZWERFVUIL, d(3, 28), [(CLOSE, d(4, 3))], buurt="BU18950900")
    # previous: new and closed
    b.signal(midwolda, d(2, 5), GROFVUIL, d(2, 12), [(CLOSE, d(2, 20))])
    # previous: new, open and overdue on 29 February; current: closed after 31 days
    b.signal(midwolda, d(2, 10), ZWERFVUIL, d(2, 17), [(CLOSE, d(3, 12))])
    # current: new, closed and reopened: open, binnen de termijn, not counted as closed
    reopened = [(CLOSE, d(3, 10)), ([S.HEROPEND], d(3, 14))]
    b.signal(midwolda, d(3, 6), LICHT, d(4, 30), reopened, buurt="BU18950905")
    # removed, or reported after the period: never counted
    b.signal(midwolda, d(3, 7), ZWERFVUIL, d(3, 14), deleted=True)
    b.signal(midwolda, d(4, 2), ZWERFVUIL, d(4, 9))
    b.signal(westerlee, d(3, 20), ZWERFVUIL, d(3, 21), deleted=True)
    # open all along (both periods), ruim buiten de termijn
    b.signal(midwolda, d(1, 15), GROFVUIL, d(1, 22), [([S.IN_BEHANDELING], d(1, 16))])
    # current: new, cancelled the next day (closed in 1 day)
    b.signal(midwolda, d(3, 12), SOCIAAL, d(3, 19), [([S.GEANNULEERD], d(3, 13))])
    # Beerta, current: new, open, buiten de termijn (16 days for a term of 7)
    b.signal(beerta, d(3, 15), ZWERFVUIL, d(3, 22), buurt="BU18950301")
    # Beerta, previous: new, open and overdue on 29 February; current: closed after 10 days
    b.signal(beerta, d(2, 20), GROFVUIL, d(2, 27), [(CLOSE, d(3, 1))])
    # Beerta, current: new, closed on the period's last day after 13 days: not open on it
    b.signal(beerta, d(3, 18), ZWERFVUIL, d(3, 25), [(CLOSE, d(3, 31))])

    # --- agreed actions (open on 31 March, resp. 29 February) -----------------------------------
    b.action(midwolda, d(3, 1), owner=gerda, due=d(3, 20))  # open, overdue
    b.action(ekamp, d(3, 10), owner=otto, due=d(4, 15), done=d(4, 2))
    b.action(midwolda, d(2, 10))  # open in both, no owner, no date
    b.action(midwolda, d(3, 5), owner=gerda, done=d(3, 25))  # done in time
    b.action(midwolda, d(4, 5), owner=gerda)  # made after
    b.action(midwolda, d(3, 5), owner=gerda, deleted=True)
    b.action(midwolda, d(1, 10), owner=gerda, status=ActionStatus.VERVALLEN)
    b.action(beerta, d(2, 15), owner=wim, due=d(3, 30), done=d(3, 2))
    b.action(beerta, d(3, 20), owner=wim, done=d(3, 31))  # done on the last day: not open

    # --- initiatives (running on 31 March, resp. 29 February) ----------------------------------
    b.initiative(
        midwolda, "Moestuin bij het dorpshuis", d(3, 5),  # new now, running now
        steps=[("Eerste oogst", d(6, 1), None), ("Grond gehuurd", d(3, 8), d(3, 10))],
    )  # fmt: skip
    b.initiative(
        midwolda, "Speeltuin Hoofdweg", d(1, 15), status=InitiativeStatus.AFGEROND,
        ended=d(3, 20), granted=12_500_00,  # done now; running before
    )  # fmt: skip
    b.initiative(
        midwolda, "Buurtfeest", d(2, 1), status=InitiativeStatus.GESTOPT,
        ended=d(3, 31),  # stopped on the last day: not running now, not done; new before
    )  # fmt: skip
    b.initiative(midwolda, "Vergissing", d(3, 2), deleted=True)  # counts nowhere
    b.initiative(midwolda, "Zomerkamp", d(4, 2), status=InitiativeStatus.IDEE)  # after
    b.initiative(
        ekamp, "Bankje bij de brink", d(2, 20), status=InitiativeStatus.IDEE,
        steps=[("Plek kiezen", None, None)],  # new before, running in both
    )  # fmt: skip
    b.initiative(
        beerta, "Dorpshuis verduurzamen", date(2023, 11, 1),
        status=InitiativeStatus.VOORBEREIDING, granted=2_500_00,  # running in both
    )  # fmt: skip

    midwolda_now = KeyFigures(
        sessions=2, conversations=5, contacts=2, meedenkers_added=1,
        signals_new=6, signals_closed=3, signals_open=5, signals_overdue=3, open_actions=3,
        initiatives_new=1, initiatives_running=2, initiatives_done=1,
    )  # fmt: skip
    midwolda_before = KeyFigures(
        sessions=1, conversations=3, contacts=1, meedenkers_added=1,
        signals_new=2, signals_closed=1, signals_open=2, signals_overdue=2, open_actions=1,
        initiatives_new=2, initiatives_running=3, initiatives_done=0,
    )  # fmt: skip
    ekamp_now = KeyFigures(
        sessions=1, conversations=1, contacts=1, meedenkers_added=0,
        signals_new=1, signals_closed=0, signals_open=1, signals_overdue=1, open_actions=1,
        initiatives_new=0, initiatives_running=1, initiatives_done=0,
    )  # fmt: skip
    ekamp_before = KeyFigures(
        sessions=0, conversations=0, contacts=0, meedenkers_added=1,
        signals_new=0, signals_closed=0, signals_open=0, signals_overdue=0, open_actions=0,
        initiatives_new=1, initiatives_running=1, initiatives_done=0,
    )  # fmt: skip
    beerta_now = KeyFigures(
        sessions=1, conversations=2, contacts=1, meedenkers_added=1,
        signals_new=2, signals_closed=2, signals_open=1, signals_overdue=1, open_actions=0,
        initiatives_new=0, initiatives_running=1, initiatives_done=0,
    )  # fmt: skip
    beerta_before = KeyFigures(
        sessions=1, conversations=1, contacts=0, meedenkers_added=0,
        signals_new=1, signals_closed=0, signals_open=1, signals_overdue=1, open_actions=1,
        initiatives_new=0, initiatives_running=1, initiatives_done=0,
    )  # fmt: skip
    return SummaryWorld(
        database=database,
        period=PERIOD,
        today=TODAY,
        midwolda=midwolda,
        ekamp=ekamp,
        beerta=beerta,
        westerlee=westerlee,
        expected={
            "Midwolda": Expected(
                midwolda_now,
                midwolda_before,
                4.0,  # of 1, 4 and 31 days
                (
                    "Wij zijn geïnteresseerd in één bankje bij de brink.",
                    "Het dorpshuis is ons café geworden.",
                ),
            ),
            "Ekamp": Expected(
                ekamp_now,
                ekamp_before,
                None,
                ("Wij zijn geïnteresseerd in één bankje bij de brink.",),
            ),
            "Beerta": Expected(beerta_now, beerta_before, 11.5, ("Café 't Hoekje moet blijven!",)),
            "Oldambt": Expected(
                _sum(midwolda_now, beerta_now),
                _sum(midwolda_before, beerta_before),
                10.0,  # of 1, 4, 10, 13 and 31 days
                (
                    "Wij zijn geïnteresseerd in één bankje bij de brink.",
                    "Café 't Hoekje moet blijven!",
                    "Het dorpshuis is ons café geworden.",
                ),
            ),
        },
        never_printed=tuple(b.secrets),
    )


def _sum(a: KeyFigures, b: KeyFigures) -> KeyFigures:
    return KeyFigures(*(x + y for x, y in zip(astuple(a), astuple(b), strict=True)))


@pytest.fixture
def summary_world(database: Database) -> SummaryWorld:
    """The known data set, committed; see the module docstring and `SummaryWorld.expected`."""
    with database.unit_of_work("test") as session:
        return _build(session, database)
