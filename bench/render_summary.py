"""Make a sample summary PDF and page images, to look at the layout (not a test).

    python bench/render_summary.py [--database PATH] [--area NAME] [--from YYYY-MM-DD]
                                   [--to YYYY-MM-DD] [--municipality] [--appendix] [--time]
                                   [-o OUT_DIR]

With --time (and --database) it also measures: the figures, the PDF, and the static ReportLab
baseline of as many pages (bench/run.py's: tables and 12-month lines from fixed data, in the
same fonts): the issue's targets are the area brief of a year of `large` in at most 1 s and
both PDFs at most twice their baseline.

With --database it summarises that database (a year back from today unless --from/--to are
given); without, a hand-built sample of Midwolda with the shipped buurt boundaries. Writes
summary.pdf (and the one-page prints of a sample signal and koffiekar round) to OUT_DIR
(default: a folder in the system's temp dir) and, when `pdftoppm` is installed, one PNG per page.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time as time_module
import uuid
from datetime import date, time, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from gebiedsapp.domain import (  # noqa: E402
    DeadlineLabel,
    InitiativeStatus,
    Priority,
    Role,
    SignalStatus,
)
from gebiedsapp.services.geo import BuurtShape, buurt_shapes, map_shapes  # noqa: E402
from gebiedsapp.services.period import Period  # noqa: E402
from gebiedsapp.services.reports import (  # noqa: E402
    write_area_summary,
    write_municipality_summary,
)
from gebiedsapp.services.summary import (  # noqa: E402
    AreaSummary,
    BuurtCount,
    InitiativeRow,
    KeyFigures,
    MunicipalitySummary,
    OpenAction,
    OpenSignal,
    Quote,
    ThemeCount,
)
from gebiedsapp.storage.crypto import DatabaseKey  # noqa: E402

THEMES = (
    ("Sociale samenhang", 31, 24),
    ("Fysieke omgeving", 22, 25),
    ("Eenzaamheid", 17, 9),
    ("Mobiliteit en bereikbaarheid", 14, 14),
    ("Aardbevingen en versterking", 9, 15),
    ("Ouderen", 8, 3),
    ("Overlast en onveiligheid", 6, 8),
    ("Jeugd en jongeren", 5, 5),
    ("Armoede en schulden", 4, 1),
    ("Communicatie met de gemeente", 3, 6),
    ("Duurzaamheid en energie", 2, 2),
    ("Gezondheid", 1, 0),
    ("Woningvoorraad", 1, 2),
    ("Zorg en welzijn", 0, 3),
)


def sample_summary(
    title: str, shapes: list[BuurtShape], *, period: Period, made_on: date, seed: int = 0
) -> AreaSummary:
    """A plausible summary of one area (numbers made up; the buurten are real)."""
    open_counts = [(i * 7 + seed) % 6 if i % 3 else 0 for i in range(len(shapes))]
    buurten = tuple(BuurtCount(s.code, s.name, n) for s, n in zip(shapes, open_counts, strict=True))
    since = period.end - timedelta(days=200)
    categories = (
        "Afval › Zwerfvuil",
        "Wegen, verkeer, straatmeubilair › Onderhoud stoep/straat/fietspad",
        "Sociaal › Eenzaamheid",
        "Openbaar groen en water › Onderhoud groen",
        "Overlast van dieren › Honden(poep)",
    )
    partners = ("Gemeente Oldambt – Openbare ruimte", "Acantus", "Politie", "Welzijn Oldambt", "")
    labels = (DeadlineLabel.RUIM_BUITEN, DeadlineLabel.BUITEN, DeadlineLabel.BINNEN)
    open_signals = tuple(
        OpenSignal(
            category=categories[i % len(categories)],
            buurt=shapes[i % len(shapes)].name if i % 4 else "",
            area=title,
            since=since + timedelta(days=9 * i),
            partner=partners[i % len(partners)],
            deadline=since + timedelta(days=9 * i + 14),
            label=labels[min(2, i // 4)],
            status=SignalStatus.AFGEHANDELD if i == 5 else SignalStatus.DOORGEZET,
            priority=Priority.NORMAAL,
        )
        for i in range(sum(open_counts))
    )
    overdue = sum(1 for s in open_signals if s.label is not DeadlineLabel.BINNEN)
    return AreaSummary(
        title=title,
        area_ids=frozenset({uuid.uuid4()}),
        period=period,
        previous_period=period.previous(),
        made_on=made_on,
        team={
            Role.GEBIEDSREGISSEUR: ("Anneke Ploeg",),
            Role.OPBOUWWERKER: ("Jeroen de Vrïes", "Eline Bos"),
            Role.GEBIEDSWETHOUDER: ("Wethouder Smit",),
        },
        current=KeyFigures(12, 1234, 87, 5, 64, 58, len(open_signals), overdue, 2, 4, 1, 9),
        previous=KeyFigures(10, 980, 91, 2, 70, 49, 18, 6, 1, 3, 0, 11),
        themes=tuple(ThemeCount(*t) for t in THEMES),
        signals_by_category=(
            ("Afval", 21),
            ("Wegen, verkeer, straatmeubilair", 17),
            ("Sociaal", 12),
            ("Openbaar groen en water", 9),
            ("Overlast van dieren", 5),
        ),
        signals_by_status=(
            (SignalStatus.GEMELD, 4),
            (SignalStatus.IN_BEHANDELING, 6),
            (SignalStatus.DOORGEZET, 8),
            (SignalStatus.AFGEHANDELD, 42),
            (SignalStatus.GEANNULEERD, 4),
        ),
        open_signals=open_signals,
        median_days_to_close=3.5,
        buurten=buurten,
        quotes=(
            Quote(
                "Sinds de bankjes weg zijn, zie ik niemand meer op het plein.",
                period.end,
                title,
                shapes[0].name,
            ),
            Quote("Het café is dicht; waar moeten we nu heen op zondag?", period.start, title, ""),
            Quote(
                "De bus rijdt ’s avonds niet meer, dus ik kom nergens. Naïef om te denken dat "
                "dat vanzelf goed komt, maar de gemeente zou met Qbuzz kunnen praten over een "
                "buurtbus, dat zou enorm schelen voor de ouderen hier in het dorp.",
                period.start + timedelta(days=40),
                title,
                shapes[-1].name,
            ),
        ),
        open_action_list=(
            OpenAction(
                "Terugbellen over de straatverlichting",
                "Anneke Ploeg",
                period.end - timedelta(days=20),
                title,
                True,
            ),
            OpenAction(
                "Bijeenkomst dorpsvereniging voorbereiden (café ’t Hoekje)",
                "Eline Bos",
                period.end + timedelta(days=10),
                title,
                False,
            ),
            OpenAction("Nagaan of de speeltuin gerepareerd is", "", None, title, False),
        ),
        initiatives=(
            InitiativeRow(
                "Moestuin bij de school",
                title,
                InitiativeStatus.UITVOERING,
                period.start + timedelta(days=30),
                None,
                "Oogstfeest",
                period.end + timedelta(days=60),
                1_500_00,
            ),
            InitiativeRow(
                "Ontmoetingsplek in het dorpshuis",
                title,
                InitiativeStatus.VOORBEREIDING,
                period.end - timedelta(days=40),
                None,
                "Vrijwilligers gevonden",
                None,
                None,
            ),
            InitiativeRow(
                "Buurtfeest ’t Oosterhoekje",
                title,
                InitiativeStatus.AFGEROND,
                period.start - timedelta(days=100),
                period.start + timedelta(days=120),
                "",
                None,
                750_00,
            ),
        ),
    )


def _sample_key() -> DatabaseKey:
    """The throw-away sample databases are encrypted like any other (they hold names)."""
    return DatabaseKey.new(f"render {os.getpid()} {os.urandom(8).hex()}")


def _shapes_from_fresh_database(workdir: Path) -> list[BuurtShape]:
    from gebiedsapp.paths import app_paths, sqlite_url
    from gebiedsapp.startup import open_database

    paths = app_paths(workdir / "data")
    opened = open_database(
        sqlite_url(workdir / "sample.db"), paths, actor="render", key=_sample_key()
    )
    try:
        with opened.database.sessions() as session:
            return buurt_shapes(session)
    finally:
        opened.database.dispose()


def _from_database(args: argparse.Namespace, out: Path) -> Path:
    from gebiedsapp.paths import app_paths, sqlite_url
    from gebiedsapp.services import encryption
    from gebiedsapp.services.areas import area_tree, find_area
    from gebiedsapp.services.summary import area_summary, municipality_summary
    from gebiedsapp.startup import open_database

    today = date.today()
    period = Period(args.start or today - timedelta(days=364), args.end or today)
    paths = app_paths(out / "data")
    url = sqlite_url(Path(args.database))
    passphrase = encryption.passphrase_from_environment()  # GEBIEDSAPP_PASSPHRASE
    key = encryption.key_for(url, passphrase) if passphrase else None
    opened = open_database(url, paths, actor="render", key=key)
    target = out / "summary.pdf"
    try:
        with opened.database.sessions() as session:
            started = time_module.perf_counter()
            if args.municipality:
                summary = municipality_summary(session, period, today=today)
                shapes = map_shapes(session, [b.code for b in summary.total.buurten])
                figured = time_module.perf_counter()
                pages = write_municipality_summary(
                    summary, shapes, target, progress=_print_progress, appendix=args.appendix
                )
            else:
                area = find_area(session, args.area) if args.area else area_tree(session)[1]
                one = area_summary(session, [area.id], period, today=today)
                shapes = map_shapes(session, [b.code for b in one.buurten])
                figured = time_module.perf_counter()
                pages = write_area_summary(one, shapes, target, appendix=args.appendix)
            written = time_module.perf_counter()
    finally:
        opened.database.dispose()
    print(f"{target}: {pages} pagina's")
    if args.time:
        baseline = _static_baseline(target, out / "baseline.pdf")
        pdf = written - figured
        print(
            f"cijfers {figured - started:.2f} s, pdf {pdf:.2f} s, samen {written - started:.2f} s;"
            f" statische ReportLab-basislijn van dezelfde pagina's {baseline:.2f} s "
            f"(pdf/basislijn {pdf / baseline:.1f}x, alles/basislijn "
            f"{(written - started) / baseline:.1f}x)"
        )
    return target


def _static_baseline(pdf: Path, target: Path) -> float:
    """Seconds to lay out as many static pages as `pdf` has, the same baseline as bench/run.py
    (a heading, a paragraph and a 30-row table with three 12-month lines per page, in the
    embedded fonts): a page's text alone, as before, left the tables and lines unpaid."""
    from pypdf import PdfReader

    sys.path.insert(0, str(HERE))
    import run  # bench/ is not a package

    pages = len(PdfReader(pdf).pages)
    run._static_pages(pages, str(target))  # warm-up: fonts and imports are not the pages
    started = time_module.perf_counter()
    run._static_pages(pages, str(target))
    return time_module.perf_counter() - started


def _print_progress(done: int, total: int) -> bool:
    print(f"  {done}/{total}", end="\r", flush=True)
    return True


def _sample(args: argparse.Namespace, out: Path) -> Path:
    shapes = _shapes_from_fresh_database(out)
    period = Period.year(2025)
    made_on = date(2026, 1, 12)
    midwolda = [s for s in shapes if "Midwolda" in s.name or "Oostwold" in s.name] or shapes[:8]
    target = out / "summary.pdf"
    if args.municipality:
        areas = (
            sample_summary("Midwolda", midwolda, period=period, made_on=made_on),
            sample_summary(
                "Winschoten",
                [s for s in shapes if "Winschoten" in s.name] or shapes[8:20],
                period=period,
                made_on=made_on,
                seed=3,
            ),
        )
        total = sample_summary("Oldambt", shapes, period=period, made_on=made_on, seed=1)
        municipality = MunicipalitySummary(period, made_on, total, areas)
        pages = write_municipality_summary(municipality, shapes, target)
    else:
        summary = sample_summary("Midwolda", midwolda, period=period, made_on=made_on)
        pages = write_area_summary(summary, shapes, target)
    print(f"{target}: {pages} pagina's")
    return target


def _sheets(out: Path) -> list[Path]:
    """A sample koffiekar round with a signal and an action, in a fresh database, printed."""
    from gebiedsapp.domain import Handling, SignalSource, reference_id
    from gebiedsapp.paths import app_paths, sqlite_url
    from gebiedsapp.services import actions, koffiekar, signals, teams
    from gebiedsapp.services.areas import find_area
    from gebiedsapp.services.reports import (
        session_sheet,
        write_session_sheet,
        write_signal_sheet,
    )
    from gebiedsapp.services.signal_views import signal_detail
    from gebiedsapp.startup import open_database

    paths = app_paths(out / "sheets-data")
    opened = open_database(sqlite_url(out / "sheets.db"), paths, actor="render", key=_sample_key())
    day = date(2025, 5, 13)
    try:
        with opened.database.sessions() as session:
            session.info["actor"] = "anneke"
            area = find_area(session, "Midwolda")
            staff = teams.add_member(session, name="Anneke Ploeg", organisation="Gemeente")
            row = koffiekar.start_session(
                session,
                koffiekar.SessionInput(
                    area_id=area.id, day=day, start_time=time(10), end_time=time(12, 30),
                    place="bij de Coop", staff_ids=(staff.id,), weather="zonnig, 18 °C",
                    passers_by=40,
                ),
            )  # fmt: skip
            keys = ("eenzaamheid", "ouderen", "mobiliteit-en-bereikbaarheid")
            themes = [reference_id("theme", k) for k in keys]
            first = None
            for n in range(7):
                data = koffiekar.ConversationInput(
                    summary=f"gesprek {n}",
                    theme_ids=themes[: 1 + n % 3],
                    quote="De bus rijdt ’s avonds niet meer." if n == 2 else "",
                    quote_reportable=n == 2,
                    handling=Handling.ACTIE_NODIG if n == 0 else Handling.TER_PLEKKE,
                )
                recorded = koffiekar.record_conversation(session, session_id=row.id, data=data)
                first = first or recorded.id
            signal = signals.create_signal(
                session,
                signals.SignalInput(
                    area_id=area.id, description="Zwerfvuil rond de glasbak, al wéken.",
                    source=SignalSource.KOFFIEKAR, reported_on=day, conversation_id=first,
                    category_id=reference_id("signal_category", "afval/zwerfvuil"),
                    location="Hoofdweg 12, Midwolda", wants_feedback=True,
                ),
                today=day,
            )  # fmt: skip
            signals.transition(session, signal.id, SignalStatus.IN_BEHANDELING, today=day,
                               note="Opgepakt met de buitendienst")  # fmt: skip
            actions.create_follow_up(
                session, description="Informatie over de buurtbus opsturen", area_id=area.id,
                owner_id=staff.id, due_date=day + timedelta(days=14), conversation_id=first,
            )  # fmt: skip
            session.flush()
            made = [out / "signaal.pdf", out / "ronde.pdf"]
            write_signal_sheet(signal_detail(session, signal.id, today=day), made[0])
            write_session_sheet(session_sheet(session, row.id, today=day), made[1])
            session.rollback()
    finally:
        opened.database.dispose()
    return made


def _render(pdf: Path) -> None:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm niet gevonden (poppler-utils): geen afbeeldingen gemaakt.")
        return
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(prefix)], check=True)
    for image in sorted(pdf.parent.glob(f"{prefix.name}-*.png")):
        print(image)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="path of a Gebiedsapp SQLite database")
    parser.add_argument("--area", help="name or code of the area (default: the first)")
    parser.add_argument("--from", dest="start", type=date.fromisoformat)
    parser.add_argument("--to", dest="end", type=date.fromisoformat)
    parser.add_argument("--municipality", action="store_true", help="the whole municipality")
    parser.add_argument("--sheets", action="store_true", help="also the one-page prints")
    parser.add_argument("--appendix", action="store_true", help="with the appendix")
    parser.add_argument("--time", action="store_true", help="time it against a baseline")
    parser.add_argument("-o", "--out", type=Path, help="folder for the PDF and images")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="gebiedsapp-render-"))
    out.mkdir(parents=True, exist_ok=True)
    pdf = _from_database(args, out) if args.database else _sample(args, out)
    _render(pdf)
    if args.sheets:
        for sheet in _sheets(out):
            _render(sheet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
