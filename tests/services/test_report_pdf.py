"""The PDF writers: what is printed, on which line, on how many pages, with which fonts; and
what is never printed (a resident's name, phone, e-mail; notes and conversation summaries).

Summaries are built by hand here (the writer renders only the dataclasses); the one-page prints
of a signal and a koffiekar round come from a real database through the services."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Conversation,
    DeadlineLabel,
    Handling,
    InitiativeStatus,
    Priority,
    Role,
    Signal,
    SignalSource,
    SignalStatus,
    TeamMember,
    reference_id,
)
from gebiedsapp.services import actions, koffiekar, signals
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.geo import BuurtShape, buurt_shapes
from gebiedsapp.services.period import Period
from gebiedsapp.services.report_text import KEY_FIGURES, difference, number
from gebiedsapp.services.reports import (
    ReportCancelledError,
    session_sheet,
    write_area_summary,
    write_municipality_summary,
    write_session_sheet,
    write_signal_sheet,
)
from gebiedsapp.services.reports.brief import SAID_NOT_TABLED
from gebiedsapp.services.reports.municipality_report import OVERVIEW_FIELDS
from gebiedsapp.services.residents import ResidentInput
from gebiedsapp.services.signal_views import signal_detail
from gebiedsapp.services.summary import (
    AreaSummary,
    BuurtCount,
    InitiativeRow,
    KeyFigures,
    MunicipalitySummary,
    OpenAction,
    OpenSignal,
    Quote,
    ThemeCount,
    area_summary,
)
from support.pdf_text import all_lines, line_starting, pages_text

PERIOD = Period.year(2025)
KEY_FIGURES_SHOWN = [field for field, _label, _explanation in KEY_FIGURES]
MADE_ON = date(2026, 1, 12)
# distinct numbers, so that a figure found on a line cannot be another figure by accident
CURRENT = KeyFigures(12, 1234, 87, 5, 64, 58, 4, 3, 15, 21, 8, 9)
PREVIOUS = KeyFigures(10, 980, 91, 2, 70, 49, 18, 6, 13, 19, 1, 11)


def _appendix(texts: list[str]) -> list[str]:
    """The pages from the appendix on (after the brief)."""
    start = next(i for i, t in enumerate(texts) if "Bijlage: alle cijfers en lijsten" in t)
    return texts[start:]


def build_summary(
    shapes: Sequence[BuurtShape],
    *,
    title: str = "Midwolda",
    empty: bool = False,
    current: KeyFigures = CURRENT,
    previous: KeyFigures = PREVIOUS,
) -> AreaSummary:
    """A summary of `title` over 2025 (compared with 2024); `empty` leaves every list empty."""
    counts = [2, 1, 0, 1]
    buurten = tuple(
        BuurtCount(s.code, s.name, counts[i % len(counts)]) for i, s in enumerate(shapes)
    )
    open_signals = (
        OpenSignal(
            category="Afval › Zwerfvuil",
            buurt=shapes[0].name,
            area=title,
            since=date(2025, 6, 14),
            partner="Gemeente Oldambt",
            deadline=date(2025, 6, 28),
            label=DeadlineLabel.RUIM_BUITEN,
            status=SignalStatus.DOORGEZET,
            priority=Priority.HOOG,
        ),
        OpenSignal(
            category="Sociaal › Eenzaamheid",
            buurt="",
            area=title,
            since=date(2025, 12, 20),
            partner="Welzijn Oldambt",
            deadline=date(2026, 1, 20),
            label=DeadlineLabel.BINNEN,
            status=SignalStatus.GEMELD,
            priority=Priority.NORMAAL,
        ),
    )
    return AreaSummary(
        title=title,
        area_ids=frozenset({uuid.uuid4()}),
        period=PERIOD,
        previous_period=PERIOD.previous(),
        made_on=MADE_ON,
        team={
            Role.GEBIEDSREGISSEUR: ("Anneke Ploeg",),
            Role.OPBOUWWERKER: ("Jeroen de Vrïes",),
            Role.GEBIEDSWETHOUDER: ("Renée Smit",),
        },
        current=current,
        previous=previous,
        themes=()
        if empty
        else (
            ThemeCount("Sociale samenhang", 31, 24),
            ThemeCount("Eenzaamheid", 17, 9),
            ThemeCount("Aardbevingen en versterking", 9, 15),
        ),
        signals_by_category=() if empty else (("Afval", 21), ("Sociaal", 12)),
        signals_by_status=()
        if empty
        else ((SignalStatus.GEMELD, 4), (SignalStatus.AFGEHANDELD, 29)),
        open_signals=() if empty else open_signals,
        median_days_to_close=None if empty else 3.5,
        buurten=buurten,
        quotes=()
        if empty
        else (
            Quote(
                "De bus rijdt ’s avonds niet meer; naïef om te denken dat dat goed komt.",
                date(2025, 11, 3),
                title,
                shapes[0].name,
            ),
            Quote("Het café is dicht.", date(2025, 2, 1), title, ""),
        ),
        open_action_list=()
        if empty
        else (
            OpenAction(
                "Terugbellen over de straatverlichting",
                "Anneke Ploeg",
                date(2025, 12, 1),
                title,
                True,
            ),
        ),
        initiatives=()
        if empty
        else (
            InitiativeRow(
                "Moestuin bij ’t dorpshuis",
                title,
                InitiativeStatus.UITVOERING,
                date(2025, 3, 5),
                None,
                "Eerste oogst",
                date(2026, 6, 1),
                1_250_000,
            ),
            InitiativeRow(
                "Speeltuin Hoofdweg",
                title,
                InitiativeStatus.AFGEROND,
                date(2024, 9, 1),
                date(2025, 10, 20),
                "",
                None,
                None,
            ),
        ),
    )


@pytest.fixture
def shapes(session: Session) -> list[BuurtShape]:
    """The shipped boundaries of a few real buurten (Midwolda's, from the migrated database)."""
    found = [s for s in buurt_shapes(session) if s.code.startswith("BU1895")]
    assert len(found) > 4
    return found[:6]


# --- the area summary -----------------------------------------------------------------------


def test_every_key_figure_is_printed_on_its_own_line_beside_the_previous_period(
    tmp_path: Path, shapes: list[BuurtShape]
) -> None:
    target = tmp_path / "samenvatting.pdf"
    pages = write_area_summary(build_summary(shapes), shapes, target, appendix=True)
    texts = pages_text(target)
    assert pages == len(texts)
    brief, texts = texts[:2], _appendix(texts)
    for field, label, _explanation in KEY_FIGURES:
        now, before = getattr(CURRENT, field), getattr(PREVIOUS, field)
        if field not in SAID_NOT_TABLED:  # on page 1 said in a sentence (no room for its row)
            assert line_starting(brief, f"{label} ").startswith(
                f"{label} {number(now)} {number(before)}"
            )
        expected = f"{label} {number(now)} {number(before)} {difference(now, before)}"
        assert line_starting(texts, f"{label} ").startswith(expected)
    # Dutch thousands separator and a real minus sign
    assert line_starting(texts, "Koffiekargesprekken ").startswith("Koffiekargesprekken 1.234 980")
    assert line_starting(texts, "Contacten ").startswith("Contacten 87 91 \u22124")


def test_period_in_words_and_page_numbers_on_every_page(
    tmp_path: Path, shapes: list[BuurtShape]
) -> None:
    target = tmp_path / "samenvatting.pdf"
    pages = write_area_summary(build_summary(shapes), shapes, target, appendix=True)
    texts = pages_text(target)
    assert pages >= 3
    for number_, text in enumerate(texts, start=1):
        assert any(line.endswith(f"Pagina {number_} van {pages}") for line in all_lines([text]))
        assert "1 januari 2025 t/m 31 december 2025" in text  # the header
        assert "Midwolda" in text.splitlines()[0] or "Midwolda" in text
    assert "Samenvatting voor de wethouder" in texts[0]
    cover = _appendix(texts)[0]
    assert "1 januari 2024 t/m 31 december 2024 (de periode ervoor)" in cover
    assert "Gemaakt op 12 januari 2026" in all_lines([cover])
    assert "Gebiedsregisseur Anneke Ploeg" in all_lines([cover])


def test_accented_letters_round_trip_and_every_font_is_embedded(
    tmp_path: Path, shapes: list[BuurtShape]
) -> None:
    target = tmp_path / "samenvatting.pdf"
    write_area_summary(build_summary(shapes), shapes, target, appendix=True)
    text = "\n".join(pages_text(target))
    assert "Renée Smit" in text
    assert "Jeroen de Vrïes" in text
    assert "’s avonds" in text
    assert "naïef" in text
    assert "Het café is dicht." in text
    reader = PdfReader(target)
    seen = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            seen.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"
    assert seen, "no fonts at all"
    assert not any("Helvetica" in name for name in seen)


def test_the_lists_print_what_a_reader_needs_and_say_why(
    tmp_path: Path, shapes: list[BuurtShape]
) -> None:
    target = tmp_path / "samenvatting.pdf"
    write_area_summary(build_summary(shapes), shapes, target, appendix=True)
    texts = pages_text(target)
    text = "\n".join(texts)
    row = line_starting(texts, "Afval › Zwerfvuil ")
    assert (
        row
        == f"Afval › Zwerfvuil {shapes[0].name} 14-06-2025 Gemeente Oldambt ruim buiten de termijn"
    )
    assert "uiterlijk 28-06-2025" in text
    # the open signals without a CBS buurt: per area, since the map cannot show them
    assert "niet op de kaart; per gebied: Midwolda 1." in " ".join(all_lines(texts))
    # a social signal only as a count per area and month
    assert "Sociaal › Eenzaamheid" not in text
    assert "Midwolda december 2025 1" in all_lines(texts)
    assert "Mediane doorlooptijd: 3,5 dagen." in text
    assert "Aantal koffiekargesprekken en contacten per thema" in " ".join(all_lines(texts))
    assert line_starting(texts, "Sociale samenhang ").startswith("Sociale samenhang 31")
    # each quote with its date beside it and its buurt (or area) under the date
    said = all_lines(texts)
    first = said.index(
        "“De bus rijdt ’s avonds niet meer; naïef om te denken dat dat goed komt.” 3 november 2025"
    )
    assert said[first + 1] == f"{shapes[0].name} (Midwolda)"
    second = said.index("“Het café is dicht.” 1 februari 2025")
    assert said[second + 1] == "Midwolda"
    assert line_starting(texts, "Terugbellen over de straatverlichting").startswith(
        "Terugbellen over de straatverlichting Anneke Ploeg 01-12-2025"
    )
    # initiatives: status now, since, next step or end, budget granted
    assert line_starting(texts, "Moestuin bij ’t dorpshuis ") == (
        "Moestuin bij ’t dorpshuis In uitvoering 05-03-2025 Eerste oogst (01-06-2026) € 12.500"
    )
    assert line_starting(texts, "Speeltuin Hoofdweg ") == (
        "Speeltuin Hoofdweg Afgerond 01-09-2024 afgerond op 20-10-2025 —"
    )
    flat = " ".join(all_lines(texts))
    assert (
        "2 initiatieven van bewoners liepen in deze periode of eindigden daarin; daarvan loopt "
        "er nog 1." in flat
    )
    assert "Aan deze initiatieven is samen € 12.500 toegekend, wanneer dan ook" in flat
    # the map's legend and the list of buurten beside it
    assert "Open signalen:" in text
    for shape in shapes:
        assert shape.code in text


def test_empty_sections_say_so_in_words(tmp_path: Path, shapes: list[BuurtShape]) -> None:
    zero = KeyFigures(*[0] * 12)
    target = tmp_path / "leeg.pdf"
    write_area_summary(
        build_summary(shapes, empty=True, current=zero, previous=zero), [], target, appendix=True
    )
    text = " ".join(all_lines(pages_text(target)))
    for sentence in (
        "Geen gesprekken of contacten met een thema in deze periode.",
        "Geen nieuwe signalen gemeld in deze periode.",
        "Geen signalen afgesloten in deze periode, dus geen doorlooptijd.",
        "Geen open signalen.",
        "Geen kaart: van deze buurten zijn geen grenzen bekend.",
        "Geen citaten voor de rapportage in deze periode.",
        "Geen open acties.",
        "In deze periode liep geen bewonersinitiatief.",
    ):
        assert sentence in text


def test_writes_to_an_open_stream_too(shapes: list[BuurtShape]) -> None:
    out = io.BytesIO()
    pages = write_area_summary(build_summary(shapes), shapes, out)
    assert out.getvalue().startswith(b"%PDF")
    assert len(pages_text(out.getvalue())) == pages


def test_a_summary_of_the_database_never_prints_personal_data(
    tmp_path: Path, summary_world: Any
) -> None:
    """The known data set of test_summary: figures as the database says, and none of the
    residents' details, notes, summaries, descriptions or unmarked quotes."""
    target = tmp_path / "midwolda.pdf"
    with summary_world.database.sessions() as session:
        summary = area_summary(
            session, [summary_world.midwolda], summary_world.period, today=summary_world.today
        )
        write_area_summary(summary, buurt_shapes(session), target, appendix=True)
    texts = pages_text(target)
    expected = summary_world.expected["Midwolda"]
    for field, label, _explanation in KEY_FIGURES:
        now, before = getattr(expected.current, field), getattr(expected.previous, field)
        assert line_starting(_appendix(texts), f"{label} ").startswith(
            f"{label} {number(now)} {number(before)} {difference(now, before)}"
        )
    text = "\n".join(texts)
    flat = " ".join(all_lines(texts))
    for quote in expected.quotes:
        assert " ".join(quote.split()) in flat
    for secret in summary_world.never_printed:
        assert secret not in text
        assert secret not in flat


# --- the municipality -----------------------------------------------------------------------


def _municipality(shapes: list[BuurtShape]) -> MunicipalitySummary:
    areas = (
        build_summary(shapes[:3], title="Beerta", current=KeyFigures(*range(1, 13))),
        build_summary(shapes[3:], title="Midwolda"),
        build_summary(shapes[:2], title="Winschoten", empty=True),
    )
    total = build_summary(shapes, title="Oldambt")
    return MunicipalitySummary(period=PERIOD, made_on=MADE_ON, total=total, areas=areas)


def test_municipality_has_an_overview_row_and_a_section_per_area(
    tmp_path: Path, shapes: list[BuurtShape]
) -> None:
    municipality = _municipality(shapes)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    brief = tmp_path / "kort.pdf"
    pages = write_municipality_summary(municipality, shapes, brief)
    assert pages == 1 + len(municipality.areas), "an overview page, then a page per area"
    target = tmp_path / "gemeente.pdf"
    pages = write_municipality_summary(
        municipality, shapes, target, progress=progress, appendix=True
    )
    texts = pages_text(target)
    assert pages == len(texts)
    assert calls == [(0, 7), (1, 7), (2, 7), (3, 7), (4, 7), (5, 7), (6, 7), (7, 7)]
    # the overview shows every key figure but the initiatives started and completed and the
    # activities (no room for more columns; each area's page has them)
    assert set(KEY_FIGURES_SHOWN) - set(OVERVIEW_FIELDS) == {
        "initiatives_new",
        "initiatives_done",
        "activities",
        "activity_attendance",
    }
    for area in municipality.areas:
        figures = " ".join(number(getattr(area.current, f)) for f in OVERVIEW_FIELDS)
        # and a line of the new signals per month, its highest month written beside it
        most = f" max {number(max(m.signals_new for m in area.trend))}" if area.trend else ""
        assert line_starting(texts, f"{area.title} ") == f"{area.title} {figures}{most}"
    # one section per area: its name in the header of its pages, its own title, its figures
    texts = _appendix(texts)
    firsts = [text.splitlines()[0] for text in texts]
    for area in municipality.areas:
        own = [i for i, first in enumerate(firsts) if first.startswith(f"{area.title} ")]
        assert own, f"no pages headed {area.title}"
        assert own == list(range(own[0], own[-1] + 1)), "a section's pages are together"
        section = texts[own[0] : own[-1] + 1]
        label = KEY_FIGURES[0][1]
        assert line_starting(section, f"{label} ").startswith(
            f"{label} {number(area.current.sessions)} {number(area.previous.sessions)}"
        )
    winschoten = next(i for i, first in enumerate(firsts) if first.startswith("Winschoten "))
    assert "Geen open signalen." in " ".join(all_lines(texts[winschoten:]))
    for number_, text in enumerate(pages_text(target), start=1):
        assert any(line.endswith(f"Pagina {number_} van {pages}") for line in all_lines([text]))


def test_cancelling_leaves_no_file(tmp_path: Path, shapes: list[BuurtShape]) -> None:
    folder = tmp_path / "rapporten"
    folder.mkdir()
    target = folder / "gemeente.pdf"
    target_before = folder / "bestaand.pdf"
    target_before.write_bytes(b"oud")

    def stop_at_second_area(done: int, _total: int) -> bool:
        return done < 2

    with pytest.raises(ReportCancelledError):
        write_municipality_summary(_municipality(shapes), shapes, target, stop_at_second_area)
    assert not target.exists()
    with pytest.raises(ReportCancelledError):
        write_municipality_summary(
            _municipality(shapes), shapes, target_before, lambda _d, _t: False
        )
    assert target_before.read_bytes() == b"oud"  # an existing file is left as it was
    assert sorted(p.name for p in folder.iterdir()) == ["bestaand.pdf"]


# --- the one-page prints --------------------------------------------------------------------

SECRETS = ("Geheime Bewoonster", "06-98765432", "geheim@bewoner.example")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
EENZAAM = reference_id("theme", "eenzaamheid")
OUDEREN = reference_id("theme", "ouderen")


@pytest.fixture
def koffiekar_round(
    session: Session, make_member: Callable[..., TeamMember]
) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """A round in Midwolda with three conversations (one with a resident's details and a
    reportable quote), a signal and an action from it: (round, conversation, signal)."""
    area = find_area(session, "Midwolda")
    staff = make_member(name="Tessa Testema")
    row = koffiekar.start_session(
        session,
        koffiekar.SessionInput(
            area_id=area.id,
            day=date(2025, 5, 13),
            start_time=time(10),
            end_time=time(12, 30),
            place="bij de supermarkt",
            staff_ids=(staff.id,),
            weather="zonnig",
            passers_by=40,
            notes="Aantekening: mevrouw Geheimsma belt terug",
        ),
    )
    said = [
        ("Gesprek met Geheime Bewoonster", [EENZAAM, OUDEREN], "De bus is weg, ’t is stil.", True),
        ("Praatje over de buurt", [EENZAAM], "Niet voor de rapportage bedoeld", False),
        ("Vraag over afval", [OUDEREN], "", False),
    ]  # fmt: skip
    ids = []
    for number_, (summary, themes, quote, reportable) in enumerate(said):
        resident = (
            ResidentInput(
                name=SECRETS[0],
                phone=SECRETS[1],
                email=SECRETS[2],
                wants_contact=True,
                consent=True,
            )
            if number_ == 0
            else ResidentInput()
        )
        data = koffiekar.ConversationInput(
            summary=summary,
            theme_ids=themes,
            quote=quote,
            quote_reportable=reportable,
            handling=Handling.ACTIE_NODIG if number_ == 0 else Handling.TER_PLEKKE,
            resident=resident,
        )
        ids.append(koffiekar.record_conversation(session, session_id=row.id, data=data).id)
    signal = signals.create_signal(
        session,
        signals.SignalInput(
            area_id=area.id,
            description="Zwerfvuil bij de glasbak, al wéken.",
            source=SignalSource.KOFFIEKAR,
            reported_on=date(2025, 5, 13),
            category_id=ZWERFVUIL,
            location="Hoofdweg 12",
            conversation_id=ids[0],
            priority=Priority.HOOG,
            wants_feedback=True,
        ),
        today=date(2025, 5, 13),
    )
    signals.transition(
        session, signal.id, SignalStatus.IN_BEHANDELING, today=date(2025, 5, 14), note="Opgepakt"
    )
    actions.create_follow_up(
        session,
        description="Informatie over de buurtbus opsturen",
        area_id=area.id,
        owner_id=staff.id,
        due_date=date(2025, 5, 30),
        conversation_id=ids[0],
    )
    session.flush()
    return row.id, ids[0], signal.id


def test_signal_sheet_is_one_work_order_page_without_personal_data(
    tmp_path: Path, session: Session, koffiekar_round: tuple[uuid.UUID, uuid.UUID, uuid.UUID]
) -> None:
    _round, _conversation, signal_id = koffiekar_round
    detail = signal_detail(session, signal_id, today=date(2025, 6, 20))
    target = tmp_path / "signaal.pdf"
    assert write_signal_sheet(detail, target, printed_on=date(2025, 6, 20)) == 1
    texts = pages_text(target)
    assert len(texts) == 1
    lines = all_lines(texts)
    text = " ".join(lines)
    assert f"Categorie {detail.category}" in lines
    assert "Gebied Midwolda" in lines
    assert "Locatie Hoofdweg 12" in lines
    assert "Prioriteit Hoog" in lines
    assert detail.partner
    assert f"Partner {detail.partner}" in lines
    assert "Status In behandeling" in lines
    assert "Zwerfvuil bij de glasbak, al wéken." in text
    assert (
        "Gemeld op 13 mei 2025 via Koffiekar — Koffiekargesprek 13-05-2025 (bij de supermarkt)"
        in text
    )
    assert f"uiterlijk {detail.deadline.day}" in text
    assert detail.label.label in text
    assert "Status: Gemeld › In behandeling" in text
    assert "Opgepakt" in text
    assert lines[-1].endswith("Pagina 1 van 1")
    for secret in (*SECRETS, "Gesprek met Geheime Bewoonster"):
        assert secret not in text


def test_session_sheet_shows_what_was_heard_without_personal_data(
    tmp_path: Path, session: Session, koffiekar_round: tuple[uuid.UUID, uuid.UUID, uuid.UUID]
) -> None:
    round_id, _conversation, _signal = koffiekar_round
    sheet = session_sheet(session, round_id, today=date(2025, 6, 20))
    assert sheet.themes == (("Eenzaamheid", 2), ("Ouderen", 2))
    target = tmp_path / "ronde.pdf"
    assert write_session_sheet(sheet, target, printed_on=date(2025, 6, 20)) == 1
    texts = pages_text(target)
    assert len(texts) == 1
    lines = all_lines(texts)
    text = " ".join(lines)
    for expected in (
        "Datum dinsdag 13 mei 2025",
        "Tijd 10:00 tot 12:30",
        "Plek bij de supermarkt",
        "Gebied Midwolda",
        "Team Tessa Testema",
        "Weer zonnig",
        "Voorbijgangers 40",
        "Gesprekken 3",
        "Eenzaamheid 2",
        "Ouderen 2",
    ):
        assert expected in lines
    assert "“De bus is weg, ’t is stil.”" in text
    assert "Afval › Zwerfvuil" in text or "Zwerfvuil" in text
    assert "In behandeling" in text
    assert line_starting(texts, "Informatie over de buurtbus opsturen").startswith(
        "Informatie over de buurtbus opsturen Tessa Testema 30-05-2025 Open"
    )
    for secret in (
        *SECRETS,
        "Geheimsma",  # the round's notes
        "Gesprek met",  # a conversation's summary
        "Praatje over de buurt",
        "Niet voor de rapportage bedoeld",  # a quote not marked reportable
        "Hoofdweg 12",  # the signal's location and description
        "glasbak",
    ):
        assert secret not in text


def test_empty_round_says_so(
    tmp_path: Path, session: Session, make_member: Callable[..., TeamMember]
) -> None:
    area = find_area(session, "Beerta")
    row = koffiekar.start_session(
        session, koffiekar.SessionInput(area_id=area.id, day=date(2025, 3, 1))
    )
    session.flush()
    target = tmp_path / "leeg.pdf"
    write_session_sheet(session_sheet(session, row.id, today=date(2025, 3, 2)), target)
    text = " ".join(all_lines(pages_text(target)))
    for sentence in (
        "Geen gesprekken vastgelegd in deze ronde.",
        "Geen citaten voor de rapportage in deze ronde.",
        "Geen signalen uit deze ronde.",
        "Geen acties afgesproken in deze ronde.",
        "Tijd niet vastgelegd",
    ):
        assert sentence in text
    _ = timedelta, make_member


def test_bold_rows_become_one_command_per_run() -> None:
    from gebiedsapp.services.reports.pdf_base import BOLD, bold_cells

    assert bold_cells([3, 1, 2, 7], 4, 4) == [
        ("FONT", (4, 1), (4, 3), BOLD, 8.5, 10.5),
        ("FONT", (4, 7), (4, 7), BOLD, 8.5, 10.5),
    ]
    assert bold_cells([], 0, -1) == []


def test_list_tables_measure_their_rows_as_reportlab_does() -> None:
    """`ListTable` fixes the heights of plain-text rows itself (a linear pass instead of
    ReportLab's quadratic one); they must equal what ReportLab computes, also after a split,
    or a ReportLab upgrade has changed its formula."""
    from reportlab.platypus import LongTable, Paragraph

    from gebiedsapp.services.reports.pdf_base import ListTable, grid, styles

    rows: list[list[Any]] = [["Kop", "Tweede"]] + [
        ["regel\n" * (i % 4) + "einde", "x" if i % 5 else "een\ntwee"] for i in range(60)
    ]
    rows[7][1] = Paragraph("een alinea die ReportLab zelf meet", styles().cell)
    ours = grid(rows, [60, 60])
    assert isinstance(ours, ListTable)
    theirs = grid(rows, [60, 60])  # the same table and style, measured by ReportLab itself
    theirs.__class__ = LongTable
    ours.wrap(200, 5000)
    theirs.wrap(200, 5000)
    heights = ours._rowHeights
    assert heights == pytest.approx(theirs._rowHeights)  # to the order of float additions
    assert ours._height == pytest.approx(theirs._height)
    assert ours._rowpositions == pytest.approx(theirs._rowpositions)
    assert len(set(heights)) > 2  # one, two, three and four lines, and the paragraph
    ours_parts = ours.split(200, 300)
    theirs_parts = theirs.split(200, 300)
    assert len(ours_parts) == len(theirs_parts) > 1
    for mine, reportlab in zip(ours_parts, theirs_parts, strict=True):
        assert mine._rowHeights == pytest.approx(reportlab._rowHeights)
        mine.wrap(200, 300)
        reportlab.wrap(200, 300)
        assert mine._rowpositions == pytest.approx(reportlab._rowpositions)
        assert mine._height == pytest.approx(reportlab._height)


def test_werkbon_and_round_report_mask_phone_and_email_typed_into_free_text(
    tmp_path: Path, session: Session, koffiekar_round: tuple[uuid.UUID, uuid.UUID, uuid.UUID]
) -> None:
    round_id, conversation_id, signal_id = koffiekar_round
    session.get_one(Signal, signal_id).description = "Glasbak vol, bel 06-11223344 of a@b.example"
    said = session.get_one(Conversation, conversation_id)
    said.quote, said.quote_reportable = "Mail mij op quote@marker.example, of 0597-556677.", True
    session.flush()
    sheet, werkbon = tmp_path / "ronde.pdf", tmp_path / "werkbon.pdf"
    write_signal_sheet(signal_detail(session, signal_id, today=date(2025, 6, 20)), werkbon)
    write_session_sheet(session_sheet(session, round_id, today=date(2025, 6, 20)), sheet)
    text = " ".join(all_lines([*pages_text(werkbon), *pages_text(sheet)]))
    assert "Glasbak vol, bel [telefoon] of [e-mail]" in text
    assert "Mail mij op [e-mail], of [telefoon]." in text
    for marker in ("11223344", "b.example", "marker.example", "556677"):
        assert marker not in text


def test_social_signals_are_only_counted_per_area_and_month(
    tmp_path: Path, shapes: list[BuurtShape]
) -> None:
    summary = build_summary(shapes)
    household = OpenSignal(
        category="Sociaal › Vermoeden van huiselijk geweld",
        buurt="Piepklein Hofje",
        area="Midwolda",
        since=date(2025, 3, 17),
        partner="Veilig Thuis Groningen",
        deadline=date(2025, 3, 20),
        label=DeadlineLabel.RUIM_BUITEN,
        status=SignalStatus.GEMELD,
        priority=Priority.HOOG,
    )
    summary = replace(summary, open_signals=(household, *summary.open_signals))
    for appendix in (False, True):
        target = tmp_path / f"sociaal{appendix}.pdf"
        write_area_summary(summary, shapes, target, appendix=appendix)
        text = " ".join(all_lines(pages_text(target)))
        assert "Piepklein Hofje" not in text
        assert "17-03-2025" not in text
        assert "Vermoeden van huiselijk geweld" not in text
    assert "Midwolda maart 2025 1" in all_lines(pages_text(target))


def test_a_previous_period_with_nearly_nothing_recorded_shows_no_differences(
    tmp_path: Path, shapes: list[BuurtShape]
) -> None:
    """Not '+901': the first year of the app compared with the months before it."""
    barely = KeyFigures(1, 9, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0)
    target = tmp_path / "eerste-jaar.pdf"
    write_area_summary(build_summary(shapes, previous=barely), shapes, target, appendix=True)
    texts = pages_text(target)
    flat = " ".join(all_lines(texts))
    assert "vergelijk er niet mee" in " ".join(all_lines(texts[:2]))
    assert line_starting(_appendix(texts), "Koffiekargesprekken ").startswith(
        "Koffiekargesprekken 1.234 9 —"
    )
    assert "Geen stijgers en dalers" in flat
    assert "+1.225" not in flat


def test_themes_rise_and_fall_as_a_share_of_the_conversations_not_as_raw_counts(
    tmp_path: Path, shapes: list[BuurtShape]
) -> None:
    """40 of 1,321 now against 35 of 1,071 before: more often, but a smaller share (3,0 against
    3,3 per 100), so it is a faller, not a riser."""
    summary = replace(build_summary(shapes), themes=(ThemeCount("Groen", 40, 35),))
    target = tmp_path / "thema.pdf"
    write_area_summary(summary, shapes, target, appendix=True)
    flat = " ".join(all_lines(_appendix(pages_text(target))))
    assert "Geen thema’s die vaker genoemd werden." in flat
    assert "Geen thema’s die minder vaak genoemd werden." not in flat
    assert "\u22120,2" in flat  # 3,03 - 3,27 per 100


def test_no_english_on_paper_not_even_on_hold(tmp_path: Path, shapes: list[BuurtShape]) -> None:
    summary = replace(
        build_summary(shapes),
        signals_by_status=((SignalStatus.ON_HOLD, 3), (SignalStatus.GEMELD, 4)),
    )
    target = tmp_path / "status.pdf"
    write_area_summary(summary, shapes, target, appendix=True)
    flat = " ".join(all_lines(pages_text(target)))
    assert "On hold" not in flat
    assert "Aangehouden" in flat


def test_an_area_with_nothing_recorded_is_named_on_the_overview_not_given_a_page(
    tmp_path: Path, shapes: list[BuurtShape]
) -> None:
    """Fifteen pages that each say 'nothing recorded' are no brief: one line on the overview."""
    zero = KeyFigures(*[0] * 12)
    quiet = build_summary(shapes[:2], title="Westerlee", empty=True, current=zero, previous=zero)
    busy = _municipality(shapes)
    municipality = replace(busy, areas=(*busy.areas, quiet))
    target = tmp_path / "gemeente.pdf"
    pages = write_municipality_summary(municipality, shapes, target)
    texts = pages_text(target)
    assert pages == len(texts) == 1 + len(busy.areas)
    assert not any(text.splitlines()[0].startswith("Westerlee ") for text in texts)
    assert (
        "Niets vastgelegd in deze periode en niets open aan het eind: Westerlee. Deze gebieden "
        "hebben daarom geen eigen pagina." in " ".join(all_lines(texts[:1]))
    )
    assert line_starting(texts, "Westerlee ").startswith("Westerlee 0 0 0")  # in the overview


def test_a_long_footer_stays_clear_of_the_page_number() -> None:
    """'… · alleen deze laptop (niet gesynchroniseerd)' ran into 'Pagina 2 van 12'."""
    from reportlab.pdfbase import pdfmetrics

    from gebiedsapp.services.reports.area_report import footer
    from gebiedsapp.services.reports.pdf_base import (
        FOOTER_ROOM,
        REGULAR,
        NumberedCanvas,
        fonts,
        footer_fitted,
    )

    fonts()
    number = pdfmetrics.stringWidth("Pagina 999 van 999", *NumberedCanvas.footer_font)
    short = footer(date(2026, 12, 7))
    assert footer_fitted(short) == (short, 8.0)  # as it always was
    long = footer(date(2026, 12, 7), "alleen deze laptop (niet gesynchroniseerd)")
    text, size = footer_fitted(long)
    assert text == long  # all of it, a little smaller
    assert 6.5 <= size < 8
    assert pdfmetrics.stringWidth(text, REGULAR, size) + number <= FOOTER_ROOM
    text, size = footer_fitted(long * 2)
    assert text.endswith("…")
    assert size == 6.5
    assert pdfmetrics.stringWidth(text, REGULAR, size) + number <= FOOTER_ROOM
