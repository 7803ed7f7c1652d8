"""`gebiedsapp selftest`: IT's check after deploying, on a throw-away database, never the user's.

It does what a user's first afternoon does, through the same services as the window: an
encrypted database made and migrated, the reference data loaded, a conversation and a signal
recorded (its deadline needs the holiday calendar), a summary and a werkbon printed to PDF (the
embedded fonts), a list exported to XLSX, and the keyring asked. A bundle that lacks a data file
fails here, at deployment, instead of at a user's desk. One Dutch line per check; exit code 0
when none failed (a warning does not fail), 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from gebiedsapp import __version__

OK, FAIL, WARN, SKIP = "ok", "FOUT", "LET OP", "--"
ACTOR = "zelftest"
KEYRING_SERVICE = "Gebiedsapp-zelftest"


class CheckWarningError(Exception):
    """A check that found something IT should know, which does not stop the app working."""


@dataclass
class _Run:
    """What the checks hand on to each other."""

    parent: Path | None
    today: date = field(default_factory=date.today)
    work: Path | None = None
    database: Any = None  # gebiedsapp.storage.database.Database, imported late
    reference: dict[str, int] = field(default_factory=dict)
    area_id: Any = None
    conversation_id: Any = None
    signal_id: Any = None


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """The `selftest` subcommand (sub: the CLI's subparsers); its handler is set in cli/."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "selftest",
        help="controleren of deze installatie werkt (voor IT-beheer, na het uitrollen)",
        description="Maakt een tijdelijke versleutelde proefdatabase (nooit die van de "
        "gebruiker), legt een gesprek en een signaal vast, maakt een samenvatting en een "
        "werkbon als PDF en een Excel-export, en vraagt de sleutelhanger. Eén regel per "
        "controle; uitgang 0 als alles werkt, 1 bij een fout.",
    )
    parser.add_argument(
        "--map",
        dest="selftest_dir",
        metavar="MAP",
        type=Path,
        help="maak de proefmap hierin (standaard: de tijdelijke map van het systeem)",
    )
    parser.add_argument(
        "--bewaren",
        action="store_true",
        help="de proefmap met de gemaakte PDF's en het Excel-bestand laten staan",
    )
    return parser


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    return run_checks(parent=args.selftest_dir, keep=args.bewaren, out=out or sys.stdout)


# --- the checks: each returns its line, raises CheckWarningError, or raises on failure ---


def _work_folder(run: _Run) -> str:
    try:
        run.work = Path(tempfile.mkdtemp(prefix="gebiedsapp-zelftest-", dir=run.parent))
    except OSError as exc:
        where = run.parent or tempfile.gettempdir()
        raise RuntimeError(
            f"de proefmap kan niet worden gemaakt in {where} ({exc.strerror})"
        ) from exc
    probe = run.work / "schrijftest"
    probe.write_bytes(b"ok")
    probe.unlink()
    return f"Proefmap aangemaakt: {run.work}"


def _database(run: _Run) -> str:
    from gebiedsapp.paths import app_paths, sqlite_url
    from gebiedsapp.services.encryption import key_for
    from gebiedsapp.startup import open_database
    from gebiedsapp.storage.crypto import ENCRYPTED, cipher_available, file_state
    from gebiedsapp.storage.migrate import head_revision

    assert run.work is not None
    if not cipher_available():
        raise RuntimeError(
            "SQLCipher ontbreekt (module sqlcipher3): de app kan geen versleutelde database "
            "maken en weigert dan persoonsgegevens van bewoners."
        )
    path = run.work / "zelftest.db"
    url = sqlite_url(path)
    key = key_for(url, secrets.token_urlsafe(24))
    opened = open_database(url, app_paths(run.work / "data"), actor=ACTOR, key=key)
    run.database = opened.database
    if file_state(path) != ENCRYPTED:
        raise RuntimeError(f"de database {path} is niet versleuteld")
    revision = opened.upgrade.to_revision
    if revision != head_revision():
        raise RuntimeError(f"schemaversie {revision}, verwacht {head_revision()}")
    run.reference = dict(opened.reference_counts)
    return f"Database versleuteld en gemigreerd ({revision})"


def _reference_data(run: _Run) -> str:
    from gebiedsapp.services.areas import area_tree

    counts = run.reference
    with run.database.read_session(ACTOR) as session:
        with_buurten = [node for node in area_tree(session) if node.buurt_codes]
    if not with_buurten or not counts.get("cbs_buurt"):
        raise RuntimeError("geen gebieden met CBS-buurten geladen (resources/geo ontbreekt?)")
    run.area_id = with_buurten[0].id
    return (
        f"Referentiegegevens geladen: {counts['area']} gebieden, {counts['cbs_buurt']} "
        f"CBS-buurten, {counts['theme']} thema's, {counts['signal_category']} "
        f"signaalcategorieën, {counts['partner']} partners"
    )


def _conversation(run: _Run) -> str:
    from gebiedsapp.services import koffiekar
    from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
    from gebiedsapp.services.taxonomy import list_themes

    with run.database.unit_of_work(ACTOR) as session:
        theme = list_themes(session, include_retired=False)[0]
        round_ = koffiekar.start_session(
            session, SessionInput(area_id=run.area_id, day=run.today, place="Zelftest")
        )
        text = "Zelftest: een gesprek over zwerfvuil bij de speeltuin"
        recorded = koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=ConversationInput(summary=text, theme_ids=[theme.id]),
            today=run.today,
        )
    run.conversation_id = recorded.id
    with run.database.read_session(ACTOR) as session:
        saved = koffiekar.get_conversation(session, recorded.id)
    if saved.summary != text:
        raise RuntimeError("het vastgelegde gesprek komt anders terug uit de database")
    return f"Gesprek vastgelegd (thema {theme.name})"


def _signal(run: _Run) -> str:
    from gebiedsapp.domain.deadlines import public_holidays
    from gebiedsapp.domain.enums import TermUnit
    from gebiedsapp.services import signals
    from gebiedsapp.services.taxonomy import list_categories

    year = run.today.year
    holidays = public_holidays(year)  # the `holidays` package and its Dutch calendar
    christmas = date(year, 12, 25)
    if christmas not in holidays or date(year, 1, 1) not in holidays:
        raise RuntimeError(f"de feestdagen van {year} kloppen niet (Kerstmis of Nieuwjaar mist)")
    with run.database.unit_of_work(ACTOR) as session:
        category = next(
            c
            for c in list_categories(session, include_retired=False)
            if c.parent_id is not None and c.term_unit == TermUnit.WERKDAGEN and c.term > 0
        )
        data = replace(
            signals.signal_input_from_conversation(session, run.conversation_id),
            category_id=category.id,
        )
        row = signals.create_signal(session, data, today=run.today)
        run.signal_id, deadline = row.id, row.deadline
    if deadline is None or deadline <= run.today:
        raise RuntimeError(f"de termijn van het signaal klopt niet ({deadline})")
    return (
        f"Signaal vastgelegd: {category.name}, {category.term} werkdagen, uiterlijk "
        f"{deadline:%d-%m-%Y}; feestdagen {year} geladen ({len(holidays)} vrije dagen)"
    )


def _check_pdf(path: Path) -> None:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise RuntimeError(f"{path.name} is geen volledige PDF")
    if b"/FontFile2" not in data:  # the TrueType fonts are embedded, not left to the printer
        raise RuntimeError(f"{path.name} heeft geen ingebedde lettertypen")


def _summary_pdf(run: _Run) -> str:
    from gebiedsapp.services.period import Period
    from gebiedsapp.services.reports.make import area_summary_pdf

    assert run.work is not None
    target = run.work / "samenvatting.pdf"
    period = Period(run.today - timedelta(days=27), run.today)
    with run.database.read_session(ACTOR) as session:
        pages = area_summary_pdf(session, [run.area_id], period, target, today=run.today)
    _check_pdf(target)
    return f"Samenvatting als PDF gemaakt ({pages} pagina's, lettertypen ingebed)"


def _werkbon(run: _Run) -> str:
    from gebiedsapp.services.reports.signal_sheet import write_signal_sheet
    from gebiedsapp.services.signal_views import signal_detail

    assert run.work is not None
    target = run.work / "werkbon.pdf"
    with run.database.read_session(ACTOR) as session:
        detail = signal_detail(session, run.signal_id, today=run.today)
    pages = write_signal_sheet(detail, target, printed_on=run.today)
    _check_pdf(target)
    return f"Werkbon als PDF gemaakt ({pages} pagina)"


def _xlsx(run: _Run) -> str:
    from openpyxl import load_workbook

    from gebiedsapp.services.export import ExportFormat, write_file
    from gebiedsapp.services.list_exports import ExportOptions, signals_table
    from gebiedsapp.services.signal_views import SignalFilter

    assert run.work is not None
    target = run.work / "signalen.xlsx"
    with run.database.read_session(ACTOR) as session:
        table = signals_table(session, SignalFilter(), ExportOptions(ACTOR, run.today))
        rows = write_file(target, [table], fmt=ExportFormat.XLSX)
    if not zipfile.is_zipfile(target):
        raise RuntimeError("het Excel-bestand is geen geldig XLSX-bestand")
    book = load_workbook(target, read_only=True)
    try:
        cells = [str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row]
    finally:
        book.close()
    if rows < 1 or not any("zwerfvuil" in cell for cell in cells):
        raise RuntimeError("het signaal staat niet in de Excel-export")
    return f"Excel-export geschreven ({rows} regel, opnieuw gelezen)"


def _keyring(run: _Run) -> str:
    """The backend that would remember a passphrase; a missing one only costs convenience."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as exc:  # keyring's backends fail in many ways; none stops the app
        raise CheckWarningError(
            f"Sleutelhanger niet te laden ({exc.__class__.__name__}). {_NO_KEYRING}"
        ) from exc
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring):
        raise CheckWarningError(f"Geen sleutelhanger op deze computer ({name}). {_NO_KEYRING}")
    user = str(run.work or run.today)
    secret = secrets.token_urlsafe(16)
    try:
        keyring.set_password(KEYRING_SERVICE, user, secret)
        found = keyring.get_password(KEYRING_SERVICE, user)
        keyring.delete_password(KEYRING_SERVICE, user)
    except Exception as exc:
        raise CheckWarningError(
            f"Sleutelhanger {name} werkt niet ({exc.__class__.__name__}). {_NO_KEYRING}"
        ) from exc
    if found != secret:
        raise CheckWarningError(f"Sleutelhanger {name} onthoudt niets. {_NO_KEYRING}")
    return f"Sleutelhanger werkt: {name}"


_NO_KEYRING = (
    "De app kan het databasewachtwoord dan niet onthouden en vraagt het bij elke start; "
    "verder werkt alles."
)

Check = Callable[[_Run], str]
# (name, check, the names of the checks it needs)
CHECKS: tuple[tuple[str, Check, tuple[str, ...]], ...] = (
    ("Proefmap", _work_folder, ()),
    ("Database", _database, ("Proefmap",)),
    ("Referentiegegevens", _reference_data, ("Database",)),
    ("Gesprek", _conversation, ("Referentiegegevens",)),
    ("Signaal", _signal, ("Gesprek",)),
    ("Samenvatting (PDF)", _summary_pdf, ("Signaal",)),
    ("Werkbon (PDF)", _werkbon, ("Signaal",)),
    ("Excel-export", _xlsx, ("Signaal",)),
    ("Sleutelhanger", _keyring, ()),
)


def _reason(exc: BaseException) -> str:
    """The Dutch message a service gave, else a Dutch sentence around the technical cause (IT
    needs the cause: 'No translation file found for domain: NL' names the missing file)."""
    from sqlalchemy.exc import SQLAlchemyError

    from gebiedsapp.storage.errors import explain_write_error

    for attribute in ("user_message", "message"):
        text = getattr(exc, attribute, None)
        if isinstance(text, str) and text:
            return text
    if isinstance(exc, SQLAlchemyError) and (why := explain_write_error(exc)):
        return why
    if isinstance(exc, RuntimeError):  # raised here, in Dutch
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        return f"bestand of map niet te gebruiken ({exc.strerror}{where})"
    return f"onverwachte fout ({exc.__class__.__name__}: {exc})"


def run_checks(*, parent: Path | None = None, keep: bool = False, out: TextIO) -> int:
    """Run every check and print one line each; 0 when none failed."""

    def say(status: str, text: str) -> None:
        print(f"{status:<7}{text}", file=out, flush=True)

    print(
        f"Zelftest van Gebiedsapp {__version__} (Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}{', bundel' if _frozen() else ''})",
        file=out,
    )
    run = _Run(parent=parent)
    failed: dict[str, str] = {}
    warnings = passed = 0
    try:
        for name, check, needs in CHECKS:
            missing = [n for n in needs if n in failed]
            if missing:
                failed[name] = "overgeslagen"
                say(SKIP, f"{name}: overgeslagen, omdat '{missing[0]}' niet lukte")
                continue
            try:
                say(OK, check(run))
                passed += 1
            except CheckWarningError as warning:
                say(WARN, str(warning))
                warnings += 1
            except Exception as exc:
                failed[name] = _reason(exc)
                say(FAIL, f"{name}: {failed[name]}")
    finally:
        _clean_up(run, keep=keep, out=out)
    total = len(CHECKS)
    if failed:
        skipped = sum(reason == "overgeslagen" for reason in failed.values())
        more = f", {skipped} overgeslagen" if skipped else ""
        print(f"Zelftest mislukt: {len(failed) - skipped} van {total} mislukt{more}.", file=out)
        return 1
    note = f", {warnings} waarschuwing" + ("en" if warnings != 1 else "") if warnings else ""
    print(f"Zelftest geslaagd: {passed} van {total} controles in orde{note}.", file=out)
    return 0


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _clean_up(run: _Run, *, keep: bool, out: TextIO) -> None:
    if run.database is not None:
        run.database.dispose()
    if run.work is None:
        return
    if keep:
        print(f"De proefmap blijft staan: {run.work}", file=out)
        return
    shutil.rmtree(run.work, ignore_errors=True)
    if run.work.exists() and os.listdir(run.work):
        print(f"De proefmap kon niet helemaal worden verwijderd: {run.work}", file=out)
