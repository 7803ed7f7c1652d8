"""The brief: two pages for an area and period whatever the volume, sentences whose numbers are
the database's, an empty area on one page, a thin previous period flagged, the full lists only
in the appendix the user asks for."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from gebiedsapp import cli
from gebiedsapp.domain import reference_id
from gebiedsapp.services import actions, koffiekar, residents
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.geo import buurt_shapes, map_shapes
from gebiedsapp.services.masking import mask
from gebiedsapp.services.period import Period
from gebiedsapp.services.report_text import number
from gebiedsapp.services.reports import area_summary_pdf, write_area_summary
from gebiedsapp.services.reports.brief import sentences, thin
from gebiedsapp.services.reports.map_chart import buurt_map
from gebiedsapp.services.summary import KeyFigures, area_summary
from gebiedsapp.storage.database import Database
from support.pdf_text import all_lines, line_starting, pages_text
from support.summary_world import OUDEREN

MARCH_2024 = ("--from", "2024-03-01", "--to", "2024-03-31")
ZERO = KeyFigures(*([0] * 12))


def _report(world: Any, tmp_path: Path, *args: str) -> int:
    url = str(world.database.engine.url)
    return cli.main(["--data-dir", str(tmp_path / "data"), "--database", url, "report", *args])


def test_the_brief_says_what_matters_with_the_numbers_of_the_known_world(
    summary_world: Any, tmp_path: Path
) -> None:
    target = tmp_path / "midwolda.pdf"
    with summary_world.database.read_session() as session:
        summary = area_summary(
            session, [summary_world.midwolda], summary_world.period, today=summary_world.today
        )
        pages = write_area_summary(summary, buurt_shapes(session), target)
    texts = pages_text(target)
    assert pages == len(texts) <= 2
    flat = " ".join(all_lines(texts))
    said = sentences(summary)
    assert 3 <= len(said) <= 5
    now = summary_world.expected["Midwolda"].current
    open_, late = now.signals_open, now.signals_overdue
    word = "signaal" if open_ == 1 else "signalen"
    assert (
        f"{number(open_)} {word} open; {number(late)} daarvan ({round(100 * late / open_)}%)"
        in (said[0])
    )
    assert f"{number(now.sessions)} keer met de koffiekar" in said[1]
    assert f"sprak daar {number(now.conversations)} bewoner" in said[1]
    assert f"{number(now.contacts)} andere contact" in said[1]
    assert "Wat opvalt" in flat
    # the partners' table: open and overdue per partner, summed to the figures
    assert f"Totaal {number(open_)} {number(late)}" in flat
    assert "Bijlage" not in flat
    for line in said:
        assert re.search(r"\d", line), line  # each sentence carries its number
    for secret in summary_world.never_printed:
        assert secret not in flat


def test_an_area_with_nothing_recorded_gets_one_page_that_says_so(
    summary_world: Any, tmp_path: Path
) -> None:
    target = tmp_path / "leeg.pdf"
    with summary_world.database.read_session() as session:
        summary = area_summary(
            session, [summary_world.westerlee], summary_world.period, today=summary_world.today
        )
        pages = write_area_summary(summary, [], target)
    assert pages == 1
    flat = " ".join(all_lines(pages_text(target)))
    assert "niets vastgelegd" in flat
    assert "Geen " not in flat


def test_a_previous_period_with_little_or_nothing_recorded_is_flagged() -> None:
    busy = KeyFigures(12, 1234, 87, 5, 64, 58, 4, 3, 15, 21, 8, 9)
    assert thin(ZERO, busy)
    assert thin(KeyFigures(1, 10, 2, 0, 3, 0, 0, 0, 0, 0, 0, 0), busy)  # 6 against 163
    assert not thin(KeyFigures(10, 980, 91, 2, 70, 49, 18, 6, 13, 19, 1, 11), busy)


@pytest.mark.usefixtures("cli_environment")
def test_the_appendix_only_when_asked_on_the_command_line(
    summary_world: Any, tmp_path: Path
) -> None:
    brief, full = tmp_path / "brief.pdf", tmp_path / "full.pdf"
    args = ("area", "--area", "Midwolda", *MARCH_2024)
    assert _report(summary_world, tmp_path, *args, "-o", str(brief)) == 0
    assert _report(summary_world, tmp_path, *args, "-o", str(full), "--appendix") == 0
    short, long = pages_text(brief), pages_text(full)
    assert len(short) <= 2 < len(long)
    assert "Bijlage: alle cijfers en lijsten" in " ".join(all_lines(long))
    assert "Bijlage" not in " ".join(all_lines(short))


def test_a_year_of_winschoten_in_the_large_demo_data_is_two_pages(
    large_database: Database, tmp_path: Path
) -> None:
    """The volume the wethouder saw as 94 pages: the brief stays at two. The `large` data
    (seed 1, anchored on 1 June 2026) is generated once per run and shared."""
    database = large_database
    target = tmp_path / "winschoten.pdf"
    with database.read_session() as session:
        winschoten = find_area(session, "Winschoten").id
        pages = area_summary_pdf(
            session, [winschoten], Period.year(2025), target, today=date(2026, 6, 1)
        )
    texts = pages_text(target)
    assert pages == len(texts) <= 2
    flat = " ".join(all_lines(texts))
    assert "De 10 signalen die het langst over de termijn zijn" in flat
    with database.read_session() as session:  # a group of areas, and a quiet quarter
        group = [find_area(session, name).id for name in ("Winschoten", "Scheemda", "Midwolda")]
        assert (
            area_summary_pdf(
                session, group, Period.year(2025), tmp_path / "groep.pdf", today=date(2026, 6, 1)
            )
            <= 2
        )
        quiet = [find_area(session, "'t Waar").id]
        assert area_summary_pdf(
            session, quiet, Period.quarter(2025, 3), tmp_path / "t-waar.pdf",
            today=date(2026, 6, 1),
        ) <= 2  # fmt: skip
    open_, late = _open_at_end_of_2025(database, winschoten)
    word = "signaal" if open_ == 1 else "signalen"
    assert f"{number(open_)} {word} open; {number(late)} daarvan" in flat


def _open_at_end_of_2025(database: Database, root: uuid.UUID) -> tuple[int, int]:
    """Independent of the repository: plain SQL, the history replayed here in Python up to
    Dutch midnight (31 December 2025 23:00 UTC); a signal without status history before then
    counts by its `closed_on`."""
    cutoff = datetime(2025, 12, 31, 23, 0)  # stored as naive UTC
    with database.read_session() as session:
        parents = dict(session.execute(text("SELECT id, parent_id FROM area")).all())
        history = session.execute(
            text(
                "SELECT signal_id, seq, at, new FROM signal_history WHERE field = 'status' "
                "ORDER BY signal_id, seq"
            )
        ).all()
        rows = session.execute(
            text(
                "SELECT id, area_id, reported_on, closed_on, deadline FROM signal "
                "WHERE deleted_at IS NULL"
            )
        ).all()
    last: dict[Any, str] = {}
    for signal_id, _seq, at, new in history:
        if datetime.fromisoformat(str(at)) < cutoff:
            last[signal_id] = new

    def inside(area: Any) -> bool:
        while area is not None:
            if str(area).replace("-", "") == root.hex:
                return True
            area = parents.get(area)
        return False

    open_ = late = 0
    for signal_id, area, reported, closed, deadline in rows:
        if not inside(area) or date.fromisoformat(str(reported)) > date(2025, 12, 31):
            continue
        if signal_id in last:
            is_closed = last[signal_id] in ("afgehandeld", "geannuleerd")
        else:
            is_closed = closed is not None and date.fromisoformat(str(closed)) <= date(2025, 12, 31)
        if not is_closed:
            open_ += 1
            late += date.fromisoformat(str(deadline)) < date(2025, 12, 31)
    return open_, late


# --- no personal data, also in free text ----------------------------------------------------


def test_mask_hides_email_phone_and_the_residents_name_but_keeps_dates_and_numbers() -> None:
    text = (
        "Hendrika de Vries (06-12345678, +31 597 123 456) vraagt of Hendrika gebeld kan worden; "
        "mail h.devries@example.nl. Op 12-03-2025 kwamen 25 mensen, huisnummer 112."
    )
    masked = mask(text, ["Hendrika de Vries"])
    for gone in ("Hendrika", "Vries", "12345678", "123 456", "example.nl"):
        assert gone not in masked
    assert "12-03-2025" in masked
    assert "25 mensen" in masked
    assert "112" in masked
    assert masked.startswith("[naam] ([telefoon], [telefoon])")


@pytest.mark.usefixtures("cli_environment")
def test_free_text_with_a_residents_data_is_masked_in_every_summary(
    database: Database, tmp_path: Path
) -> None:
    """Unique markers in the quote and the action text: the resident's name, phone and e-mail
    end up in no PDF, with or without the appendix, for the area or the municipality."""
    midwolda = reference_id("area", "midwolda")
    name, phone, email = "Wubbina Zwartkruis", "06-98765432", "wubbina@zwartkruis.example"
    with database.unit_of_work("test") as session:
        round_ = koffiekar.start_session(
            session,
            koffiekar.SessionInput(area_id=midwolda, day=date(2024, 3, 5), start_time=time(10)),
        )
        resident = residents.ResidentInput(
            name=name,
            phone=phone,
            email=email,
            consent=True,
            wants_meedenken=True,
            theme_ids=(OUDEREN,),
        )
        said = koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=koffiekar.ConversationInput(
                summary="Over de bushalte",
                theme_ids=[OUDEREN],
                quote=f"Zwartkruis zegt: bel me op {phone} of {email}, de bus is nooit op tijd.",
                quote_reportable=True,
                resident=resident,
            ),
        )
        action = actions.create_follow_up(
            session,
            description=f"Wubbina terugbellen ({phone}) over de bushalte",
            area_id=midwolda,
            owner_id=None,
            due_date=date(2024, 3, 20),
            conversation_id=said.id,
        )
        action.created_at = datetime(2024, 3, 5, 12, tzinfo=UTC)  # agreed that day
    url = str(database.engine.url)
    outputs = []
    for what in (["area", "--area", "Midwolda"], ["municipality"]):
        for extra in ([], ["--appendix"]):
            target = tmp_path / f"{what[0]}{len(extra)}.pdf"
            args = [*what, "--from", "2024-03-01", "--to", "2024-03-31", "-o", str(target)]
            data_dir = str(tmp_path / "data")
            assert (
                cli.main(["--data-dir", data_dir, "--database", url, "report", *args, *extra]) == 0
            )
            outputs.append(" ".join(all_lines(pages_text(target))))
    flat = " ".join(outputs)
    assert "de bus is nooit op tijd" in flat  # the quote is printed, masked
    assert "[naam] terugbellen ([telefoon])" in flat
    assert "bel me op [telefoon] of [e-mail]" in flat
    for marker in ("Wubbina", "Zwartkruis", "98765432", "zwartkruis.example"):
        assert marker not in flat


@pytest.mark.usefixtures("cli_environment")
def test_every_list_goes_to_excel_with_the_brief(summary_world: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    pdf, xlsx = tmp_path / "beerta.pdf", tmp_path / "beerta.xlsx"
    args = ("area", "--area", "Midwolda", *MARCH_2024, "-o", str(pdf), "--xlsx", str(xlsx))
    assert _report(summary_world, tmp_path, *args) == 0
    book = load_workbook(xlsx, read_only=True)
    expected = summary_world.expected["Midwolda"]
    sheets = {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    figures = {row[0]: row[1:3] for row in sheets["Kerncijfers"][1:]}
    assert figures["Open signalen"] == (
        expected.current.signals_open,
        expected.previous.signals_open,
    )
    assert (
        len(sheets["Open signalen"]) - 1 + sum(row[2] for row in sheets["Sociale signalen"][1:])
        == expected.current.signals_open
    )
    assert [row[0] for row in sheets["Uitspraken"][1:]] == list(expected.quotes)
    assert len(sheets["Open acties"]) - 1 == expected.current.open_actions
    assert len(sheets["Per maand"]) == 13
    book.close()


def test_a_signal_in_parkwijk_is_on_the_map_of_winschoten(session: Any, tmp_path: Path) -> None:
    """Parkwijk has no CBS buurt; its own outline (an approximation, said so under the map) is
    drawn with its name and its open signals, and the table lists it."""
    from support.summary_world import ZWERFVUIL, Builder

    b = Builder(session)
    parkwijk = reference_id("area", "winschoten-parkwijk")
    for day in (4, 5, 6):
        b.signal(parkwijk, date(2024, 3, day), ZWERFVUIL, date(2024, 3, 20))
    session.flush()
    target = tmp_path / "winschoten.pdf"
    area_summary_pdf(
        session,
        [reference_id("area", "winschoten")],
        Period.month(2024, 3),
        target,
        today=date(2024, 5, 1),
        appendix=True,
    )
    texts = pages_text(target)
    # in the brief's list of the longest overdue, Parkwijk is the place, not 'buurt onbekend'
    assert line_starting(texts, "Zwerfvuil ").startswith("Zwerfvuil Parkwijk 04-03-2024")
    assert "buurt onbekend" not in " ".join(all_lines(texts))
    map_page = next(t for t in texts if "Open signalen per buurt" in t)
    flat = " ".join(all_lines([map_page]))
    assert "Parkwijk geen 3" in flat  # the table beside the map
    assert "Gestippeld: Bloemenbuurt, Kloostervallei, Parkwijk, Stadspark" in flat
    assert "geen officiële grens" in flat
    assert "CC BY 4.0" in flat
    assert "niet op de kaart" not in flat  # Parkwijk's signals are on it
    # the map itself: Parkwijk named with its count (the table and the caption name it too)
    assert flat.count("Parkwijk") == 3
    assert "Parkwijk" not in flat.partition("Te klein")[2].partition("Kaart:")[0]
    summary = area_summary(
        session, [reference_id("area", "winschoten")], Period.month(2024, 3), today=date(2024, 5, 1)
    )
    counts = {b.code: b.open_signals for b in summary.buurten}
    _drawing, labels = buurt_map(map_shapes(session, list(counts)), counts, 480, 340)
    assert "Parkwijk" in labels.placed
    assert counts["gebied:winschoten-parkwijk"] == 3


def test_page_one_says_until_when_the_laptop_was_synced(summary_world: Any, tmp_path: Path) -> None:
    """Team sync (issue 16): a summary on a laptop says what it covers."""
    from sqlalchemy import update

    from gebiedsapp.storage.sync_tracking import sync_state

    def page_one(name: str) -> str:
        target = tmp_path / name
        with summary_world.database.read_session() as session:
            summary = area_summary(
                session, [summary_world.beerta], summary_world.period, today=summary_world.today
            )
            write_area_summary(summary, [], target)
        return " ".join(pages_text(target)[0].split())

    assert "alleen deze laptop (niet gesynchroniseerd)" in page_one("nooit.pdf")
    with summary_world.database.engine.begin() as connection:
        connection.execute(
            update(sync_state).values(last_sync_at=datetime(2026, 12, 6, 9, 15, tzinfo=UTC))
        )
    text = page_one("gesynchroniseerd.pdf")
    assert "team gesynchroniseerd tot 06-12-2026 10:15" in text
    assert "niet gesynchroniseerd" not in text


def test_a_rising_theme_never_reads_from_1_to_1(summary_world: Any) -> None:
    """A share that rose from 0.6 to 1.4 per 100 rounded to 'van 1 naar 1 per 100' on page 1:
    one decimal where whole numbers read the same; no sentence for a rise too small to show."""
    from dataclasses import replace

    from gebiedsapp.services.summary_model import ThemeCount

    with summary_world.database.read_session() as session:
        summary = area_summary(
            session, [summary_world.midwolda], summary_world.period, today=summary_world.today
        )
    now = replace(summary.current, conversations=1000, contacts=0)
    before = replace(summary.previous, conversations=1000, contacts=0)
    top = ThemeCount("Wonen", 50, 50)
    for rise, said in ((ThemeCount("Eenzaamheid", 14, 6), "van 0,6 naar 1,4 per 100"),
                       (ThemeCount("Eenzaamheid", 30, 10), "van 1 naar 3 per 100")):  # fmt: skip
        shown = replace(summary, current=now, previous=before, themes=(top, rise))
        assert f"Het sterkst gestegen is ‘Eenzaamheid’: {said}." in " ".join(sentences(shown))
    many_now = replace(now, conversations=10_000)
    many_before = replace(before, conversations=10_000)
    tiny = replace(  # 0.10 to 0.11 per 100: the same with one decimal too
        summary, current=many_now, previous=many_before, themes=(top, ThemeCount("X", 11, 10))
    )
    assert "sterkst gestegen" not in " ".join(sentences(tiny))
