"""Exports of the lists: CSV for Dutch Excel, streaming XLSX, and no personal data unless the
role allows it and the user asks for it."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Consent,
    ConsentPurpose,
    ContactType,
    ContactWith,
    Conversation,
    Handling,
    InitiativeStatus,
    KoffiekarSession,
    Meedenker,
    Role,
    Signal,
    SignalSource,
    conversation_theme,
    reference_id,
)
from gebiedsapp.services import contacts, initiatives, koffiekar, residents, signals, teams
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.export import (
    CSV_ENCODING,
    ExportCancelledError,
    ExportFormat,
    ExportTable,
    csv_bytes,
    csv_paths,
    write_file,
)
from gebiedsapp.services.initiatives import InitiativeInput, MilestoneInput
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.list_exports import (
    ExportOptions,
    actions_table,
    contacts_table,
    conversations_table,
    initiatives_tables,
    koffiekar_tables,
    my_actions_table,
    sessions_table,
    signals_table,
    team_tables,
)
from gebiedsapp.services.lists import (
    DEFAULT_LIMIT,
    ListFilter,
    list_contacts,
    list_conversations,
    list_sessions,
)
from gebiedsapp.services.permissions import may_export_personal_data
from gebiedsapp.services.residents import ResidentInput, list_meedenkers
from gebiedsapp.services.signal_views import SignalFilter, list_signals
from gebiedsapp.services.signals import SignalInput

BEERTA = reference_id("area", "beerta")
FINSTERWOLDE = reference_id("area", "finsterwolde")
OUDEREN = reference_id("theme", "ouderen")
EENZAAMHEID = reference_id("theme", "eenzaamheid")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
TODAY = date(2026, 11, 26)
DAY = date(2026, 11, 20)
# every personal field gets a marker that must never show up unless allowed and asked
MARKERS = {
    "name": "Naamxq Bewonerxq",
    "phone": "0612349876",
    "email": "markerxq@example.org",
    "meedenker": "Meedenkerxq Fictief",
    "meedenker_phone": "0598765432",
    "location": "Adresxq 12",
}
ME = ExportOptions(actor="test", today=TODAY)


def _rows(table: ExportTable) -> list[tuple[object, ...]]:
    return [tuple(row) for row in table.rows]


def _read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(CSV_ENCODING), newline=""), delimiter=";"))


# --- the writers ----------------------------------------------------------------------------


SAMPLE = ExportTable(
    "Gesprekken",
    ("Datum", "Tekst", "Aantal", "Bedrag", "Ja/nee", "Moment", "Leeg"),
    [
        (
            date(2026, 1, 5),
            "regel één\nregel twee; met puntkomma",
            1234,
            Decimal("12.50"),
            True,
            datetime(2026, 1, 5, 9, 30),
            None,
        ),
        (date(2026, 12, 31), '"Citaat" met aanhalingstekens', -5, 0.25, False, None, ""),
    ],
)


def test_csv_has_a_bom_semicolons_and_dutch_values() -> None:
    data = csv_bytes(SAMPLE)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.split(b"\r\n")[0] == "\ufeffDatum;Tekst;Aantal;Bedrag;Ja/nee;Moment;Leeg".encode()
    assert _read_csv(data) == [
        ["Datum", "Tekst", "Aantal", "Bedrag", "Ja/nee", "Moment", "Leeg"],
        [
            "05-01-2026",
            "regel één\nregel twee; met puntkomma",
            "1234",
            "12,50",
            "ja",
            "05-01-2026 09:30",
            "",
        ],
        ["31-12-2026", '"Citaat" met aanhalingstekens', "-5", "0,25", "nee", "", ""],
    ]
    # the newline sits inside a quoted field, so a spreadsheet keeps it in one cell
    assert '"regel één\nregel twee; met puntkomma"'.encode() in data


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 6 1234", "'+31 6 1234"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("gewoon = tekst", "gewoon = tekst"),
        ("", ""),
    ],
)
def test_csv_guards_against_formula_injection(text: str, written: str) -> None:
    table = ExportTable("T", ("=Kop",), [(text,)])
    assert _read_csv(csv_bytes(table)) == [["'=Kop"], [written]]


def test_xlsx_has_a_sheet_per_table_bold_frozen_headers_and_real_dates(tmp_path: Path) -> None:
    second = ExportTable("Per: wethouder/gebied?", ("Naam",), [("=1+1",), ("a\x1fb",)])
    target = tmp_path / "lijst.xlsx"
    assert write_file(target, [SAMPLE, second], fmt=ExportFormat.XLSX) == 4
    book = load_workbook(target)
    assert book.sheetnames == ["Gesprekken", "Per- wethouder-gebied-"]
    sheet = book["Gesprekken"]
    assert [c.value for c in sheet[1]] == list(SAMPLE.headers)
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 3
    first = sheet[2]
    assert first[0].value == datetime(2026, 1, 5)  # a real date cell, not text
    assert first[0].is_date
    assert first[0].number_format == "dd-mm-yyyy"
    assert first[1].value == "regel één\nregel twee; met puntkomma"
    assert first[2].value == 1234
    assert first[3].value == 12.5
    assert first[5].value == datetime(2026, 1, 5, 9, 30)
    assert first[5].number_format == "dd-mm-yyyy hh:mm"
    assert sheet.column_dimensions["B"].width >= 8
    other = book["Per- wethouder-gebied-"]
    assert other["A2"].value == "=1+1"
    assert other["A2"].data_type == "s"  # text, not a formula
    assert other["A3"].value == "ab"  # a control character XML cannot hold is dropped


@pytest.mark.parametrize("fmt", [ExportFormat.CSV, ExportFormat.XLSX])
def test_cancel_leaves_no_file_and_keeps_an_old_one(tmp_path: Path, fmt: ExportFormat) -> None:
    many = ExportTable("Veel", ("Nummer",), ((n,) for n in range(5_000)))
    target = tmp_path / f"lijst.{fmt.value}"
    seen: list[int] = []

    def stop_after_1000(done: int) -> bool:
        seen.append(done)
        return done < 1_000

    with pytest.raises(ExportCancelledError):
        write_file(target, [many], fmt=fmt, progress=stop_after_1000)
    assert seen == [500, 1_000]
    assert list(tmp_path.iterdir()) == []

    target.write_bytes(b"oud")
    with pytest.raises(ExportCancelledError):
        write_file(target, [many], fmt=fmt, progress=lambda done: False)
    assert list(tmp_path.iterdir()) == [target]
    assert target.read_bytes() == b"oud"


def test_a_failing_export_leaves_no_half_file(tmp_path: Path) -> None:
    def broken() -> Iterator[Sequence[object]]:
        yield ("eerste",)
        raise RuntimeError("database weg")

    with pytest.raises(RuntimeError, match="database weg"):
        write_file(tmp_path / "x.csv", [ExportTable("X", ("A",), broken())], fmt=ExportFormat.CSV)
    assert list(tmp_path.iterdir()) == []


# --- the whole list, not a screenful --------------------------------------------------------


def _bulk_conversations(session: Session, count: int) -> None:
    """`count` conversations in Beerta over 50 rounds, through Core inserts."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    rounds = [
        {
            "id": uuid.uuid4(),
            "area_id": BEERTA,
            "date": date(2026, 1, 1) + timedelta(days=n),
            "place": f"Plek {n}",
            "created_by": "bulk",
            "created_at": now,
        }
        for n in range(50)
    ]
    session.execute(insert(KoffiekarSession), rounds)
    conversations = [
        {
            "id": uuid.uuid4(),
            "session_id": rounds[n % 50]["id"],
            "summary": f"Gesprek {n}",
            "handling": Handling.TER_PLEKKE,
            "created_by": "bulk",
            "created_at": now,
        }
        for n in range(count)
    ]
    session.execute(insert(Conversation), conversations)
    session.execute(
        insert(conversation_theme),
        [{"conversation_id": c["id"], "theme_id": OUDEREN} for c in conversations],
    )
    session.flush()


def test_xlsx_holds_every_row_of_a_list_longer_than_the_screen(
    session: Session, tmp_path: Path
) -> None:
    count = DEFAULT_LIMIT + 137
    _bulk_conversations(session, count)
    filters = ListFilter(area_ids=frozenset({BEERTA}))
    in_db = session.scalar(
        select(func.count())
        .select_from(Conversation)
        .join(KoffiekarSession, KoffiekarSession.id == Conversation.session_id)
        .where(KoffiekarSession.area_id == BEERTA)
    )
    assert in_db == count
    assert len(list_conversations(session, filters)) == DEFAULT_LIMIT  # the screen stops here

    target = tmp_path / "gesprekken.xlsx"
    written = write_file(target, [conversations_table(session, filters, ME)], fmt=ExportFormat.XLSX)
    assert written == count
    book = load_workbook(target, read_only=True)  # read-only keeps the file open: close it
    try:
        rows = list(book["Gesprekken"].iter_rows(values_only=True))
    finally:
        book.close()
    assert len(rows) == count + 1
    assert rows[0][:4] == ("Datum", "Gebied", "Plek", "Samenvatting")
    assert rows[1][0] == datetime(2026, 2, 19)  # newest round first, a date cell
    assert {r[6] for r in rows[1:]} == {"Ouderen"}


# --- same filter as the screen --------------------------------------------------------------


def _round(session: Session, area: uuid.UUID, day: date, place: str = "") -> uuid.UUID:
    return koffiekar.start_session(
        session, SessionInput(area_id=area, day=day, start_time=time(10), place=place)
    ).id


def _say(
    session: Session,
    round_id: uuid.UUID,
    summary: str,
    *,
    themes: tuple[uuid.UUID, ...] = (OUDEREN,),
    handling: Handling = Handling.TER_PLEKKE,
    resident: ResidentInput | None = None,
) -> uuid.UUID:
    return koffiekar.record_conversation(
        session,
        session_id=round_id,
        data=ConversationInput(
            summary, theme_ids=themes, handling=handling, resident=resident or ResidentInput()
        ),
    ).id


@pytest.fixture
def filled(session: Session) -> dict[str, uuid.UUID]:
    """Rounds, conversations and contacts in two villages; one conversation with a resident who
    wants contact, one contact with a meedenker, and a signal from that conversation."""
    beerta = _round(session, BEERTA, DAY, "Dorpsplein")
    _say(session, beerta, "Bankje kapot bij de kerk", themes=(OUDEREN, EENZAAMHEID))
    wants = _say(
        session,
        beerta,
        "Wil teruggebeld worden over de bus",
        handling=Handling.ACTIE_NODIG,
        resident=ResidentInput(
            name=MARKERS["name"],
            phone=MARKERS["phone"],
            email=MARKERS["email"],
            wants_contact=True,
            consent=True,
        ),
    )
    finster = _round(session, FINSTERWOLDE, DAY - timedelta(days=40), "School")
    _say(session, finster, "=Formule in een samenvatting", themes=(EENZAAMHEID,))
    residents.register_resident(
        session,
        ResidentInput(
            name=MARKERS["meedenker"],
            phone=MARKERS["meedenker_phone"],
            wants_meedenken=True,
            consent=True,
        ),
        area_id=BEERTA,
        today=DAY,
    )
    entry = session.scalars(select(Meedenker)).one()
    contacts.record_contact(
        session,
        contacts.ContactInput(
            day=DAY,
            area_id=BEERTA,
            contact_type=ContactType.HUISBEZOEK,
            with_kind=ContactWith.MEEDENKER,
            meedenker_id=entry.id,
            subject="Meedenken over het dorpshuis",
            theme_ids=(OUDEREN,),
        ),
    )
    contacts.record_contact(
        session,
        contacts.ContactInput(
            day=DAY - timedelta(days=3),
            area_id=FINSTERWOLDE,
            contact_type=ContactType.TELEFOON,
            with_kind=ContactWith.GROEP,
            group_name="Dorpsvereniging",
            subject="Kerstmarkt",
            notes="Regel 1\nRegel 2",
        ),
    )
    signals.create_signal(
        session,
        SignalInput(
            area_id=BEERTA,
            description="Bus rijdt te hard door de Hoofdstraat",
            source=SignalSource.KOFFIEKAR,
            reported_on=DAY,
            category_id=ZWERFVUIL,
            location=MARKERS["location"],
            conversation_id=wants,
        ),
        today=TODAY,
    )
    session.flush()
    return {"wants": wants}


@pytest.mark.parametrize(
    "filters",
    [
        ListFilter(),
        ListFilter(area_ids=frozenset({BEERTA})),
        ListFilter(theme_id=EENZAAMHEID),
        ListFilter(handling=Handling.ACTIE_NODIG),
        ListFilter(start=DAY - timedelta(days=1), end=TODAY),
        ListFilter(text="bankje"),
        ListFilter(text="!!!"),
        ListFilter(author="iemand-anders"),
    ],
)
def test_exports_select_what_the_screens_list(
    session: Session, filled: dict[str, uuid.UUID], filters: ListFilter
) -> None:
    summaries = [r[3] for r in _rows(conversations_table(session, filters, ME))]
    assert summaries == [r.summary for r in list_conversations(session, filters)]
    places = [r[4] for r in _rows(sessions_table(session, filters, ME))]
    assert places == [r.place for r in list_sessions(session, filters)]
    subjects = [r[4] for r in _rows(contacts_table(session, filters, ME))]
    assert subjects == [r.subject for r in list_contacts(session, filters)]


def test_rows_read_as_on_screen(session: Session, filled: dict[str, uuid.UUID]) -> None:
    (first, *_rest) = _rows(conversations_table(session, ListFilter(theme_id=EENZAAMHEID), ME))
    assert first == (
        DAY,
        "Beerta",
        "Dorpsplein",
        "Bankje kapot bij de kerk",
        "",
        None,
        "Eenzaamheid, Ouderen",
        Handling.TER_PLEKKE.label,
        "test",
    )
    contact_rows = _rows(
        contacts_table(session, ListFilter(area_ids=frozenset({FINSTERWOLDE})), ME)
    )
    assert contact_rows == [
        (
            DAY - timedelta(days=3),
            "Finsterwolde",
            ContactType.TELEFOON.label,
            "Groep bewoners: Dorpsvereniging",
            "Kerstmarkt",
            "Regel 1\nRegel 2",
            "",
            "test",
        ),
    ]
    (round_,) = _rows(sessions_table(session, ListFilter(area_ids=frozenset({FINSTERWOLDE})), ME))
    assert round_ == (
        DAY - timedelta(days=40),
        "10:00",
        "",
        "Finsterwolde",
        "School",
        "",
        0,
        1,
        "test",
    )
    tables = koffiekar_tables(session, BEERTA, ME)
    assert [t.title for t in tables] == ["Rondes", "Gesprekken"]
    assert len(_rows(tables[1])) == 2


def test_signals_export_the_screens_list_with_full_descriptions(
    session: Session, filled: dict[str, uuid.UUID]
) -> None:
    filters = SignalFilter(area_ids=frozenset({BEERTA}))
    table = signals_table(session, filters, ME)
    rows = _rows(table)
    assert len(rows) == len(list_signals(session, filters, today=TODAY).rows) == 1
    assert rows[0][:3] == (DAY, "Zwerfvuil", "Beerta")
    assert table.headers[3:7] == ("Buurt", "Buurtcode", "Breedtegraad", "Lengtegraad")
    assert rows[0][5:7] == (None, None)  # no coordinates given
    assert rows[0][-3:] == (
        "Koffiekar",
        "Bus rijdt te hard door de Hoofdstraat",
        str(_signal_id(session)),
    )
    assert table.headers[-2:] == ("Omschrijving", "ID")
    assert _rows(signals_table(session, SignalFilter(area_ids=frozenset()), ME)) == []


def _signal_id(session: Session) -> uuid.UUID:
    return session.scalars(select(Signal.id)).one()


def test_the_signals_export_carries_ids_and_coordinates(
    session: Session, filled: dict[str, uuid.UUID]
) -> None:
    session.execute(update(Signal).values(latitude=53.1765, longitude=7.09996))
    (row,) = _rows(signals_table(session, SignalFilter(), ME))
    assert (row[-1], row[5], row[6]) == (str(_signal_id(session)), 53.1765, 7.09996)


def _every_csv_export(session: Session, options: ExportOptions) -> dict[str, list[ExportTable]]:
    everything = ListFilter()
    return {
        "rondes": [sessions_table(session, everything, options)],
        "gesprekken": [conversations_table(session, everything, options)],
        "contacten": [contacts_table(session, everything, options)],
        "acties": [actions_table(session, everything, options)],
        "mijn-acties": [my_actions_table(session, options, include_closed=True)],
        "signalen": [signals_table(session, SignalFilter(), options)],
        "koffiekar": koffiekar_tables(session, BEERTA, options),
        "wie-werkt-waar": team_tables(session, options, on=TODAY),
        "initiatieven": initiatives_tables(session, options, area_ids=None, include_ended=True),
    }


def test_every_csv_export_loads_as_one_table_per_file_with_the_header_on_line_1(
    session: Session, filled: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    initiatives.create_initiative(
        session,
        InitiativeInput(
            area_id=BEERTA,
            title="Speeltuin aan de Hoofdstraat",
            started_on=date(2026, 3, 1),
            status=InitiativeStatus.VOORBEREIDING,
            milestones=(
                MilestoneInput("Subsidie aangevraagd", due_on=date(2026, 5, 1)),
                MilestoneInput("Opening", due_on=date(2026, 9, 1)),
            ),
        ),
        today=TODAY,
    )
    session.flush()
    written: dict[str, list[dict[str, str]]] = {}
    for name, tables in _every_csv_export(session, ME).items():
        target = tmp_path / f"{name}.csv"
        headers = [t.headers for t in tables]
        write_file(target, tables, fmt=ExportFormat.CSV)
        paths = csv_paths(target, tables)
        for path, header in zip(paths, headers, strict=True):
            text = path.read_bytes().decode(CSV_ENCODING)
            assert text.split("\r\n", 1)[0] == ";".join(header), path.name  # nothing above it
            with path.open(encoding=CSV_ENCODING, newline="") as stream:
                rows = list(csv.DictReader(stream, delimiter=";"))
            for row in rows:  # every row as wide as the header: no second table below
                assert None not in row, path.name
                assert list(row) == list(header), path.name
            written[path.name] = rows
    assert sorted(written) == sorted(
        [
            "rondes.csv",
            "gesprekken.csv",
            "contacten.csv",
            "acties.csv",
            "mijn-acties.csv",
            "signalen.csv",
            "koffiekar.csv",
            "koffiekar-gesprekken.csv",
            "wie-werkt-waar.csv",
            "wie-werkt-waar-per-wethouder.csv",
            "initiatieven.csv",
            "initiatieven-mijlpalen.csv",
        ]
    )
    (initiative,) = written["initiatieven.csv"]
    steps = written["initiatieven-mijlpalen.csv"]
    assert [s["Mijlpaal"] for s in steps] == ["Subsidie aangevraagd", "Opening"]
    assert {s["Initiatief-ID"] for s in steps} == {initiative["ID"]}  # joinable by ID
    assert len(written["koffiekar-gesprekken.csv"]) == 2


def test_csv_paths_name_each_further_table_after_its_title() -> None:
    tables = [
        ExportTable("Initiatieven", ("A",), []),
        ExportTable("Mijlpalen", ("A",), []),
        ExportTable("Per wethouder / gebied", ("A",), []),
        ExportTable("Mijlpalen", ("A",), []),
    ]
    assert [p.name for p in csv_paths(Path("x/lijst.csv"), tables)] == [
        "lijst.csv",
        "lijst-mijlpalen.csv",
        "lijst-per-wethouder-gebied.csv",
        "lijst-mijlpalen-2.csv",
    ]


# --- personal data --------------------------------------------------------------------------


def _member(session: Session, account: str, *roles: Role, end: date | None = None) -> None:
    member = teams.add_member(session, name=f"Lid {account}")
    teams.update_member(
        session,
        member.id,
        name=member.name,
        organisation="",
        email="",
        phone="",
        active=True,
        account=account,
    )
    for role in roles:
        teams.assign(
            session,
            member_id=member.id,
            area_id=BEERTA,
            role=role,
            start_date=date(2026, 1, 1),
            end_date=end,
        )


def test_only_current_regisseurs_and_opbouwwerkers_may_export_personal_data(
    session: Session,
) -> None:
    _member(session, "regisseur", Role.GEBIEDSREGISSEUR)
    _member(session, "opbouw", Role.OPBOUWWERKER)
    _member(session, "wethouder", Role.GEBIEDSWETHOUDER)
    _member(session, "beide", Role.OPBOUWWERKER, Role.GEBIEDSWETHOUDER)
    _member(session, "oud", Role.GEBIEDSREGISSEUR, end=date(2026, 6, 30))
    _member(session, "zonder-rol")
    session.flush()
    allowed = {
        actor: may_export_personal_data(session, actor, today=TODAY)
        for actor in (
            "regisseur",
            "opbouw",
            "wethouder",
            "beide",
            "oud",
            "zonder-rol",
            "onbekend",
            "",
            "  ",
        )
    }
    assert allowed == {
        "regisseur": True,
        "opbouw": True,
        "wethouder": False,
        "beide": False,
        "oud": False,
        "zonder-rol": False,
        "onbekend": False,
        "": False,
        "  ": False,
    }
    assert may_export_personal_data(session, "oud", today=date(2026, 6, 30)) is True
    assert may_export_personal_data(session, "regisseur", today=date(2025, 12, 31)) is False


def _everything(session: Session, options: ExportOptions) -> bytes:
    everything = ListFilter()
    tables = [
        sessions_table(session, everything, options),
        conversations_table(session, everything, options),
        contacts_table(session, everything, options),
        actions_table(session, everything, options),
        my_actions_table(session, options, include_closed=True),
        signals_table(session, SignalFilter(), options),
        *team_tables(session, options, on=TODAY),
    ]
    return b"".join(csv_bytes(table) for table in tables)


def test_no_personal_data_by_default_not_even_for_a_regisseur(
    session: Session, filled: dict[str, uuid.UUID]
) -> None:
    _member(session, "regisseur", Role.GEBIEDSREGISSEUR)
    text = _everything(session, ExportOptions(actor="regisseur", today=TODAY)).decode(CSV_ENCODING)
    assert "Wil teruggebeld worden over de bus" in text  # the content is there
    assert "Meedenken over het dorpshuis" in text
    for marker in MARKERS.values():
        assert marker not in text
    assert "Naam bewoner" not in text
    assert "Locatie" not in text


def test_personal_data_only_when_allowed_and_asked(
    session: Session, filled: dict[str, uuid.UUID]
) -> None:
    _member(session, "regisseur", Role.GEBIEDSREGISSEUR)
    asked = ExportOptions(actor="regisseur", today=TODAY, personal=True)
    text = _everything(session, asked).decode(CSV_ENCODING)
    for marker in MARKERS.values():
        assert marker in text
    rows = _rows(conversations_table(session, ListFilter(handling=Handling.ACTIE_NODIG), asked))
    assert rows[0][-3:] == (MARKERS["name"], MARKERS["phone"], MARKERS["email"])
    (signal,) = _rows(signals_table(session, SignalFilter(), asked))
    assert signal[-4:] == (MARKERS["location"], MARKERS["name"], MARKERS["phone"], MARKERS["email"])
    (contact,) = _rows(contacts_table(session, ListFilter(area_ids=frozenset({BEERTA})), asked))
    assert contact[-3:] == (MARKERS["meedenker"], MARKERS["meedenker_phone"], "")


@pytest.mark.parametrize("actor", ["wethouder", "onbekend", "test"])
def test_asking_for_personal_data_without_permission_is_refused(
    session: Session, filled: dict[str, uuid.UUID], actor: str
) -> None:
    _member(session, "wethouder", Role.GEBIEDSWETHOUDER)
    asked = ExportOptions(actor=actor, today=TODAY, personal=True)
    for build in (conversations_table, contacts_table, sessions_table, actions_table):
        with pytest.raises(ValidationError, match="geen persoonsgegevens") as refused:
            build(session, ListFilter(), asked)
        assert refused.value.field == "personal"
    with pytest.raises(ValidationError, match="geen persoonsgegevens"):
        signals_table(session, SignalFilter(), asked)
    with pytest.raises(ValidationError, match="geen persoonsgegevens"):
        koffiekar_tables(session, BEERTA, asked)


def test_contact_details_only_while_the_consent_for_that_purpose_stands(
    session: Session, filled: dict[str, uuid.UUID]
) -> None:
    """Purpose limitation: a withdrawn consent empties the columns; consent to think along does
    not serve a follow-up of a conversation."""
    _member(session, "regisseur", Role.GEBIEDSREGISSEUR)
    asked = ExportOptions(actor="regisseur", today=TODAY, personal=True)
    session.execute(
        update(Consent).where(Consent.purpose == ConsentPurpose.CONTACT).values(withdrawn_on=TODAY)
    )
    rows = _rows(conversations_table(session, ListFilter(handling=Handling.ACTIE_NODIG), asked))
    assert rows[0][-3:] == (None, None, None)  # the resident's contact consent is gone
    (signal,) = _rows(signals_table(session, SignalFilter(), asked))
    assert signal[-4:] == (MARKERS["location"], None, None, None)
    (contact,) = _rows(contacts_table(session, ListFilter(area_ids=frozenset({BEERTA})), asked))
    assert contact[-3:] == (MARKERS["meedenker"], MARKERS["meedenker_phone"], "")  # meedenken
    assert [m.name for m in list_meedenkers(session)] == [MARKERS["meedenker"]]

    session.execute(update(Consent).values(withdrawn_on=TODAY))
    (contact,) = _rows(contacts_table(session, ListFilter(area_ids=frozenset({BEERTA})), asked))
    assert contact[-3:] == (None, None, None)
    assert list_meedenkers(session) == []  # off the register with the consent
    text = _everything(session, asked).decode(CSV_ENCODING)
    for key, marker in MARKERS.items():
        assert (marker in text) is (key == "location"), key
