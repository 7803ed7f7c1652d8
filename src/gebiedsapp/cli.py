"""Command-line entry points over the services: headless use, scripts, tests and benchmarks.

`gebiedsapp` without a subcommand starts the window (see __main__); everything here runs
without Qt.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import uuid
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from gebiedsapp import __version__, cli_agenda, selftest
from gebiedsapp.argparse_nl import DutchArgumentParser
from gebiedsapp.domain import AuditAction, Role
from gebiedsapp.domain.signal_workflow import OPEN
from gebiedsapp.identity import current_actor
from gebiedsapp.logs import close_logging, setup_logging
from gebiedsapp.paths import AppPaths, app_paths, database_url
from gebiedsapp.services import (
    audit,
    backups,
    encryption,
    erasure,
    initiatives,
    permissions,
    reports,
    retention,
    signal_import,
)
from gebiedsapp.services import demo as demo_data
from gebiedsapp.services.areas import area_tree, find_area
from gebiedsapp.services.backups import make_backup
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.geojson_export import signals_geojson, write_geojson
from gebiedsapp.services.overview import area_header, subtree_ids
from gebiedsapp.services.period import Period
from gebiedsapp.services.signal_views import SignalFilter
from gebiedsapp.services.teams import team_overview
from gebiedsapp.startup import check_integrity, open_database
from gebiedsapp.storage.backup import BackupInfo, list_backups
from gebiedsapp.storage.crypto import (
    EMPTY,
    ENCRYPTED,
    PLAIN,
    DatabaseKey,
    cipher_available,
    file_state,
    read_salt,
)
from gebiedsapp.storage.database import Database, sqlite_file
from gebiedsapp.storage.errors import (
    NotADatabaseError,
    StorageError,
    WrongPassphraseError,
    explain_write_error,
    os_words,
)
from gebiedsapp.storage.lock import DatabaseLock
from gebiedsapp.storage.migrate import check_database, head_revision
from gebiedsapp.storage.text_guard import BROKEN, readable

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="gebiedsapp",
        description="Gebiedsapp: gebiedsgericht werken in Oldambt. "
        "Zonder opdracht start het venster.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"gebiedsapp {__version__}",
        help="het versienummer tonen en stoppen",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="meer details in het logboek (ook voor het venster)",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database-URL of pad naar een databasebestand (standaard: de ingebouwde database; "
        "ook via GEBIEDSAPP_DATABASE_URL)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="MAP",
        help="map voor database, reservekopieën en logboek (ook via GEBIEDSAPP_DATA_DIR)",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    sub.add_parser("gui", help="start het venster (standaard)")

    db = sub.add_parser("db", help="database bijwerken, versie tonen of reservekopie maken")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTIE", required=True)
    db_sub.add_parser("upgrade", help="reservekopie maken en database bijwerken naar deze versie")
    db_sub.add_parser("current", help="schemaversie van de database tonen (wijzigt niets)")
    db_sub.add_parser(
        "encrypt",
        help="een onversleutelde database versleutelen (met zijn reservekopieën)",
        description="Versleutelt de database en zijn onversleutelde reservekopieën met "
        f"SQLCipher; de onversleutelde bestanden worden overschreven en verwijderd. Het "
        f"wachtwoord komt uit {encryption.PASSPHRASE_ENV} of wordt gevraagd.",
    )
    db_sub.add_parser(
        "passphrase",
        help="het wachtwoord van de database wijzigen",
        description="Versleutelt de database en zijn reservekopieën opnieuw met een nieuw "
        f"wachtwoord. Het huidige komt uit {encryption.PASSPHRASE_ENV} (of de sleutelhanger), "
        f"het nieuwe uit {NEW_PASSPHRASE_ENV}; anders worden ze gevraagd.",
    )
    backup = db_sub.add_parser("backup", help="reservekopie maken")
    backup.add_argument("--to", metavar="MAP", help="map voor de kopie (standaard: backups/)")
    restore = db_sub.add_parser(
        "restore",
        help="reservekopieën tonen, of er een terugzetten",
        description="Zonder KOPIE: de reservekopieën met datum, reden en aantallen. Met KOPIE "
        "(een pad, of het nummer uit die lijst): die kopie terugzetten, na een reservekopie "
        "van de huidige database. Werkt ook als de database beschadigd is.",
    )
    restore.add_argument("backup", nargs="?", metavar="KOPIE")
    restore.add_argument("--from", dest="source", metavar="MAP", help="map met de kopieën")
    restore.add_argument("--yes", action="store_true", help="zonder verdere vraag terugzetten")
    restore.add_argument(
        "--replace-newer",
        action="store_true",
        help="ook terugzetten als de huidige database nieuwere gegevens heeft (die gaan dan "
        "verloren uit de database; hij wordt eerst als reservekopie bewaard)",
    )
    restore.add_argument(
        "--remove-plain",
        action="store_true",
        help="onversleutelde reservekopieën van een versleutelde database overschrijven en "
        "verwijderen",
    )

    demo = sub.add_parser("demo-data", help="database vullen met verzonnen voorbeeldgegevens")
    demo.add_argument("--size", choices=["small", "large"], default="small")
    demo.add_argument("--seed", type=int, default=1)

    signals = sub.add_parser("signals", help="signalen")
    signals_sub = signals.add_subparsers(dest="signals_command", metavar="ACTIE", required=True)
    importing = signals_sub.add_parser(
        "import",
        help="signalen importeren uit een CSV-export van een ander systeem",
        description="Leest het CSV-bestand, controleert elke regel en importeert de geldige. "
        "Velden: " + ", ".join(f"{k} ({v})" for k, v in signal_import.FIELDS.items()) + ".",
    )
    importing.add_argument("file", metavar="BESTAND", type=Path)
    importing.add_argument(
        "--map",
        dest="mapping",
        metavar="VELD=KOLOM",
        action="append",
        default=[],
        help="koppel een veld aan een kolomnaam uit het bestand (herhaalbaar)",
    )
    importing.add_argument(
        "--dry-run", action="store_true", help="alleen controleren, niets importeren"
    )
    importing.add_argument(
        "--accept-valid",
        action="store_true",
        help="bij ongeldige regels toch de geldige regels importeren",
    )

    geo_export = signals_sub.add_parser(
        "export",
        help="signalen met coördinaten exporteren als GeoJSON voor GIS (zoals QGIS)",
        description="Schrijft de signalen met coördinaten als GeoJSON-punten (WGS84, RFC 7946): "
        "id, categorie, status, prioriteit, gebied, buurt en datums; nooit persoonsgegevens.",
    )
    geo_export.add_argument(
        "--geojson", metavar="BESTAND", type=Path, required=True, help="het GeoJSON-bestand"
    )
    geo_export.add_argument(
        "--area",
        dest="areas",
        metavar="GEBIED",
        action="append",
        default=[],
        help="alleen dit gebied en zijn deelgebieden (herhaalbaar); standaard heel Oldambt",
    )
    geo_export.add_argument(
        "--open", action="store_true", help="alleen open signalen (niet afgehandeld of geannuleerd)"
    )

    report = sub.add_parser("report", help="samenvatting voor de wethouder als PDF maken")
    report_sub = report.add_subparsers(dest="report_command", metavar="SOORT", required=True)
    area_report = report_sub.add_parser(
        "area",
        help="samenvatting van één gebied (of meer, met --area herhaald)",
        description="Samenvatting voor de wethouder van een gebied over een periode, met de "
        "vorige periode van dezelfde lengte ernaast.",
    )
    area_report.add_argument(
        "--area",
        dest="areas",
        metavar="NAAM-OF-CODE",
        action="append",
        required=True,
        help="gebied: naam, sleutel of CBS-code (herhaalbaar voor een groep gebieden)",
    )
    area_report.add_argument(
        "--xlsx",
        metavar="BESTAND.xlsx",
        type=Path,
        help="ook alle lijsten (open signalen, uitspraken, acties...) naar Excel",
    )
    municipality_report = report_sub.add_parser(
        "municipality",
        help="samenvatting van de hele gemeente: overzicht en een deel per gebied",
    )
    for each in (area_report, municipality_report):
        each.add_argument("--from", dest="start", metavar="JJJJ-MM-DD", type=_day, required=True)
        each.add_argument("--to", dest="end", metavar="JJJJ-MM-DD", type=_day, required=True)
        each.add_argument("-o", "--output", metavar="BESTAND.pdf", type=Path, required=True)
        each.add_argument(
            "--appendix",
            action="store_true",
            help="met een bijlage met alle cijfers en volledige lijsten (standaard: alleen de "
            "samenvatting)",
        )

    audit_parser = sub.add_parser("audit", help="het auditlog controleren")
    audit_sub = audit_parser.add_subparsers(dest="audit_command", metavar="ACTIE", required=True)
    audit_sub.add_parser(
        "verify",
        help="controleren dat geen regel van het auditlog is gewijzigd of verwijderd",
        description="Loopt de keten van het auditlog na; meldt de eerste regel die niet past. "
        "Uitgang 0: in orde; 1: beschadigd.",
    )

    privacy = sub.add_parser("privacy", help="bewaartermijnen van persoonsgegevens")
    privacy_sub = privacy.add_subparsers(dest="privacy_command", metavar="ACTIE", required=True)
    retention_parser = privacy_sub.add_parser(
        "retention",
        help="persoonsgegevens anonimiseren en oude concepten verwijderen na hun termijn",
        description="Anonimiseert naam, telefoon en e-mail van bewoners bij wie niets meer "
        "openstaat en van wie het laatste langer dan de bewaartermijn geleden is afgesloten; "
        "verwijdert concepten ouder dan hun termijn. Gebeurt ook bij elke start van de app.",
    )
    retention_parser.add_argument(
        "--dry-run", action="store_true", help="alleen tonen wat er zou gebeuren"
    )
    settings_parser = privacy_sub.add_parser(
        "settings", help="bewaartermijnen tonen of instellen (in dagen)"
    )
    settings_parser.add_argument("--retention-days", type=int, metavar="DAGEN")
    settings_parser.add_argument("--draft-days", type=int, metavar="DAGEN")

    initiatives_parser = sub.add_parser(
        "initiatives", help="bewonersinitiatieven tonen: status, sinds, volgende mijlpaal"
    )
    initiatives_parser.add_argument(
        "--area", metavar="NAAM-OF-CODE", help="alleen dit gebied (met zijn deelgebieden)"
    )
    initiatives_parser.add_argument(
        "--all", action="store_true", help="ook afgeronde en gestopte initiatieven"
    )
    selftest.add_parser(sub)
    cli_agenda.add_parser(sub)
    sub.add_parser("areas", help="de gebiedsindeling tonen")
    team = sub.add_parser("team", help="'Wie werkt waar' tonen")
    team.add_argument("--date", type=date.fromisoformat, default=None, help="peildatum JJJJ-MM-DD")
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; schrijf die als JJJJ-MM-DD, bijvoorbeeld 2026-01-31"
        ) from None


# options that name files or folders: any bytes are a valid name there
_PATH_OPTIONS = frozenset(
    {"database", "data_dir", "to", "source", "backup", "file", "output", "ics"}
)


def _broken_argument(args: argparse.Namespace) -> str:
    """A text option (a name, a mapping) with bytes that are no text (the shell passes them
    on as lone surrogates), shown with U+FFFD; "" when there is none."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if name not in _PATH_OPTIONS and isinstance(item, str) and BROKEN.search(item):
                return readable(item)
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    broken = _broken_argument(args)
    if broken:
        print(
            f"'{broken}' bevat een teken dat niet kan worden gelezen (geen geldige tekst). "
            "Er is niets gedaan.",
            file=sys.stderr,
        )
        return 2
    if args.command == "selftest":  # never the user's database: a temporary one
        return selftest.run(args)
    paths = app_paths(args.data_dir)
    for problem in paths.problems():  # a read-only data folder: say what that means
        print(f"Let op: {problem.message()}", file=sys.stderr)
    # the English detail goes to the log file; the terminal shows the Dutch message only
    setup_logging(paths, verbose=args.verbose, program=_program(args))
    try:
        return _main(args, paths)
    finally:
        close_logging()


def _program(args: argparse.Namespace) -> str:
    """'gebiedsapp db restore': the command, as the lock file and the log name it."""
    words = [args.command or "gui"]
    for sub in ("db_command", "signals_command", "report_command", "privacy_command"):
        if getattr(args, sub, None):
            words.append(getattr(args, sub))
    return " ".join(["gebiedsapp", *words])


# Commands that replace or rewrite the database file, or change its schema: never while a
# window (or another such command) has it open. The others write through SQLite's own
# locking, like a second user would, and the window shows their rows on its next refresh.
REWRITES = frozenset({"restore", "encrypt", "passphrase", "upgrade"})


def _rewrites(args: argparse.Namespace) -> bool:
    if args.command != "db" or args.db_command not in REWRITES:
        return False
    return args.db_command != "restore" or args.backup is not None  # the list only reads


def _main(args: argparse.Namespace, paths: AppPaths) -> int:
    url = database_url(args.database, paths)
    try:
        with audit.damage_notices(lambda message: print(message, file=sys.stderr)):
            path = sqlite_file(make_url(url))
            if path is not None and _rewrites(args):
                with DatabaseLock(path, program=_program(args), user=current_actor()):
                    return _dispatch(args, url, paths)
            return _dispatch(args, url, paths)
    except StorageError as exc:
        log.error("%s", exc)
        print(exc.user_message, file=sys.stderr)
        return 2
    except (ValidationError, NotFoundError) as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:  # locked by the app, disk full, read-only folder
        log.error("database error: %s", exc)
        why = explain_write_error(exc) or f"Technische melding: {exc.__class__.__name__}"
        print(
            f"De database kon niet worden gebruikt; er is niets gewijzigd. {why}", file=sys.stderr
        )
        return 2


NEW_PASSPHRASE_ENV = "GEBIEDSAPP_NEW_PASSPHRASE"


def _ask(prompt: str, *, twice: bool = False) -> str | None:
    """A passphrase typed at the terminal (not echoed); None when there is no terminal."""
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(prompt)
    if twice and getpass.getpass("Nogmaals: ") != first:
        raise StorageError(
            "passphrases typed differ", "De twee wachtwoorden zijn niet gelijk; er is niets gedaan."
        )
    return first


def _new_passphrase(environ_name: str) -> str:
    passphrase = os.environ.get(environ_name) or _ask("Nieuw wachtwoord: ", twice=True)
    if not passphrase:
        raise StorageError(
            "no new passphrase given",
            f"Geef het nieuwe wachtwoord in {environ_name} of start vanaf een terminal.",
        )
    problem = encryption.check_new_passphrase(passphrase, passphrase)
    if problem:
        raise StorageError("new passphrase refused", problem)
    return passphrase


def _cli_key(url: str) -> DatabaseKey | None:
    """The key for the database at `url`: from GEBIEDSAPP_PASSPHRASE, the keyring, or typed at
    the terminal. A plain database and a server need none. A new file is encrypted when
    SQLCipher is here (and refused without a passphrase); without it, made plain."""
    path = sqlite_file(make_url(url))
    if path is not None:
        notice = encryption.recover_interrupted(path)  # before its state is read
        if notice:
            print(notice, file=sys.stderr)
    state = encryption.database_state(url)
    if state in ("", PLAIN):
        return None
    assert path is not None
    if state == EMPTY:
        if not cipher_available():
            print(
                "Let op: SQLCipher ontbreekt; de nieuwe database wordt niet versleuteld en "
                "neemt geen namen, telefoonnummers of e-mailadressen van bewoners op.",
                file=sys.stderr,
            )
            return None
        return encryption.key_for(url, _new_passphrase(encryption.PASSPHRASE_ENV))
    passphrase = _passphrase(
        path,
        "Wachtwoord van de database: ",
        f"{path} is versleuteld (of geen Gebiedsapp-database).",
    )
    return encryption.key_for(url, passphrase)


def _passphrase(path: Path, prompt: str, what: str) -> str:
    """The passphrase from GEBIEDSAPP_PASSPHRASE, the keyring, or typed at the terminal."""
    passphrase = (
        encryption.passphrase_from_environment()
        or encryption.remembered_passphrase(path)
        or _ask(prompt)
    )
    if not passphrase:
        raise WrongPassphraseError(
            "no passphrase given",
            f"{what} Geef het wachtwoord in {encryption.PASSPHRASE_ENV} of start vanaf een "
            "terminal. Er is niets gewijzigd.",
        )
    return passphrase


def _dispatch(args: argparse.Namespace, url: str, paths: AppPaths) -> int:
    actor = current_actor()
    if args.command == "db" and args.db_command == "encrypt":
        return _db_encrypt(url, paths, actor)
    if args.command == "db" and args.db_command == "restore":
        source = Path(args.source) if args.source else paths.backup_dir
        return _db_restore(url, source, args, actor)
    key = _cli_key(url)
    if args.command == "db" and args.db_command == "current":
        return _db_current(url, key)
    if args.command == "db" and args.db_command == "passphrase":
        return _db_passphrase(url, paths, actor, key)
    opened = open_database(url, paths, actor=actor, key=key)
    database = opened.database
    try:
        if args.command == "audit":
            return _verify_audit(database)
        # an erasure's clean-up left for this start (writes only when one is pending)
        pending = erasure.finish_pending(database)
        if pending:
            print(pending, file=sys.stderr)
        if _reads_only(args):  # a dry run or a listing: no audit row, the file stays as it was
            return _dispatch_read_only(database, actor, args, paths)
        with database.unit_of_work(actor) as session:
            audit.note(session, AuditAction.OPEN, detail=f"opdrachtregel: {args.command or 'gui'}")
        if args.command == "db":
            if args.db_command == "upgrade":
                result = opened.upgrade
                if result.from_revision == result.to_revision:
                    print(f"Database is al bij: {result.to_revision}")
                else:
                    before = result.from_revision or "leeg"
                    print(f"Database bijgewerkt van {before} naar {result.to_revision}")
                if result.backup:
                    print(f"Reservekopie: {result.backup}")
                return 0
            with database.read_session(actor) as session:
                folder = backups.backup_dir_of(session, paths.backup_dir)
            return _db_backup(database, Path(args.to) if args.to else folder)
        if args.command == "demo-data":
            with database.unit_of_work(actor) as session:
                counts = demo_data.generate(session, size=args.size, seed=args.seed, account=actor)
                audit.note(
                    session,
                    AuditAction.IMPORT,
                    detail=f"voorbeeldgegevens ({args.size}, seed {args.seed}): "
                    f"{sum(counts.values())} records",
                )
            total = sum(counts.values())
            print(f"Voorbeeldgegevens ({args.size}, seed {args.seed}): {total} records")
            for table, count in sorted(counts.items()):
                print(f"  {table:<28} {count:>8}")
            return 0
        if args.command == "signals" and args.signals_command == "export":
            return _export_geojson(database, actor, args)
        if args.command == "signals":
            return _import_signals(database, actor, args, paths.backup_dir)
        if args.command == "report":
            return _report(database, args)
        if args.command == "privacy":
            return _privacy(database, actor, args)
        if args.command == "initiatives":
            return _print_initiatives(database, args.area, include_ended=args.all)
        if args.command == "agenda":
            return cli_agenda.run(database, args)
        if args.command == "areas":
            return _print_areas(database)
        if args.command == "team":
            return _print_team(database, args.date or date.today())
        raise AssertionError(f"unhandled command {args.command}")
    finally:
        database.dispose()


def _reads_only(args: argparse.Namespace) -> bool:
    """Commands that change nothing in the database: not even an 'open' row in the audit log
    (a dry run must leave the file byte for byte as it was)."""
    if args.command in ("areas", "team", "initiatives", "agenda"):
        return True
    if getattr(args, "dry_run", False):
        return True
    return (
        args.command == "privacy"
        and args.privacy_command == "settings"
        and args.retention_days is None
        and args.draft_days is None
    )


def _dispatch_read_only(
    database: Database, actor: str, args: argparse.Namespace, paths: AppPaths
) -> int:
    if args.command == "signals":
        return _import_signals(database, actor, args, paths.backup_dir)
    if args.command == "privacy":
        return _privacy(database, actor, args)
    if args.command == "initiatives":
        return _print_initiatives(database, args.area, include_ended=args.all)
    if args.command == "agenda":
        return cli_agenda.run(database, args)
    if args.command == "areas":
        return _print_areas(database)
    return _print_team(database, args.date or date.today())


def _import_signals(
    database: Database, actor: str, args: argparse.Namespace, backup_dir: Path
) -> int:
    """`backup_dir`: the default folder for backups (the chosen one is read from the database).
    Exit 0 when the valid rows were imported (or would be, with --dry-run) and no row was
    refused without consent; 2 when nothing was written because of invalid rows or bad input."""
    mapping = signal_import.parse_mapping(args.mapping)
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        log.warning("cannot read %s: %s", args.file, exc)
        print(f"Kan het bestand niet lezen: {args.file} ({os_words(exc.errno)})", file=sys.stderr)
        return 2
    table = signal_import.read_table(data)
    if not mapping:  # no --map: the columns by their names (a Signalen export needs none)
        mapping = signal_import.suggest_mapping(table.header)
        print("Koppeling: " + ", ".join(f"{ours}={theirs}" for ours, theirs in mapping.items()))
    with database.unit_of_work(actor) as session:
        preview = signal_import.preview_import(session, table, mapping)
        print(
            f"{preview.total} regels: {len(preview.valid)} geldig, {len(preview.invalid)} ongeldig."
        )
        for row in preview.invalid:
            print(f"  regel {row.line}: {row.reason}")
        if args.dry_run:
            print("Proefrun: er is niets geïmporteerd.")
            return 0 if not preview.invalid else 2
        if preview.invalid and not args.accept_valid:
            print(
                "Er is niets geïmporteerd. Gebruik --accept-valid om alleen de geldige regels "
                "te importeren.",
                file=sys.stderr,
            )
            return 2
        if database.file is not None:  # before every import: a copy to go back to
            copy = backups.backup_in_folder(database, session, backup_dir, reason="voor-import")
            print(f"Reservekopie: {copy}")
        written = signal_import.import_signals(session, preview, accept_valid=args.accept_valid)
    print(f"{written} signalen geïmporteerd.")
    return 0


def _export_geojson(database: Database, actor: str, args: argparse.Namespace) -> int:
    """The signals with coordinates as GeoJSON points (no personal data); exit 0."""
    output: Path = args.geojson
    if not output.parent.is_dir():
        raise ValidationError(f"De map {output.parent} bestaat niet.")
    today = date.today()
    with database.read_session(actor) as session:
        area_ids: set[uuid.UUID] | None = None
        if args.areas:
            nodes = area_tree(session)
            area_ids = set()
            for text in args.areas:
                area_ids |= subtree_ids(nodes, find_area(session, text).id)
        filters = SignalFilter(
            area_ids=frozenset(area_ids) if area_ids is not None else None,
            statuses=OPEN if args.open else None,
        )
        export = signals_geojson(session, filters, today=today)
        written = write_geojson(output, export)
    with database.unit_of_work(actor) as session:
        audit.note(
            session,
            AuditAction.EXPORT,
            record_type="signalen",
            detail=f"geojson, {written} rijen, zonder persoonsgegevens",
        )
    print(f"{written} signalen opgeslagen als GeoJSON: {output}")
    if export.without_coordinates:
        print(f"{export.without_coordinates} signalen zonder coördinaten staan er niet in.")
    return 0


def _report(database: Database, args: argparse.Namespace) -> int:
    period = Period(args.start, args.end)
    output: Path = args.output
    if output.suffix.lower() != ".pdf":
        raise ValidationError(f"Het uitvoerbestand moet op .pdf eindigen: {output}")
    if not output.parent.is_dir():
        raise ValidationError(f"De map {output.parent} bestaat niet.")
    today = date.today()
    with database.read_session() as session:
        if args.report_command == "municipality":
            pages = reports.municipality_summary_pdf(
                session, period, output, today=today, appendix=args.appendix
            )
        else:
            area_ids = [find_area(session, text).id for text in args.areas]
            pages = reports.area_summary_pdf(
                session, area_ids, period, output, today=today, appendix=args.appendix
            )
            if args.xlsx is not None:
                from gebiedsapp.services.summary import area_summary
                from gebiedsapp.services.summary_export import write_summary_xlsx

                summary = area_summary(session, area_ids, period, today=today)
                rows = write_summary_xlsx(summary, args.xlsx)
                print(f"Lijsten opgeslagen: {args.xlsx} ({rows} regels)")
    with database.unit_of_work(current_actor()) as session:
        what = "gemeente" if args.report_command == "municipality" else ", ".join(args.areas)
        audit.note(
            session,
            AuditAction.PRINT,
            record_type="samenvatting",
            detail=f"samenvatting {what}, {period.start} t/m {period.end}, {pages} pagina's",
        )
    print(f"Samenvatting opgeslagen: {output} ({pages} pagina's)")
    return 0


def _privacy(database: Database, actor: str, args: argparse.Namespace) -> int:
    if args.privacy_command == "settings":
        with database.unit_of_work(actor) as session:
            current = retention.get_settings(session)
            wanted = retention.RetentionSettings(
                args.retention_days if args.retention_days is not None else current.retention_days,
                args.draft_days if args.draft_days is not None else current.draft_days,
            )
            if wanted != current:
                retention.save_settings(session, wanted)
        print(f"Bewaartermijn persoonsgegevens: {wanted.retention_days} dagen na afsluiten")
        print(f"Bewaartermijn concepten: {wanted.draft_days} dagen")
        return 0
    today = date.today()
    if args.dry_run:
        with database.read_session(actor) as session:
            planned = retention.plan(session, today=today)
        print(f"Proefdraai (er verandert niets): {planned.summary()}.")
        for item in planned.residents:
            print(
                f"  bewoner {item.resident_id.hex[:8]}: afgesloten {item.closed_on}, "
                f"termijn verstreken op {item.due_on}"
            )
        return 0
    with database.unit_of_work(actor) as session:
        done = retention.apply(session, today=today)
    print(f"Bewaartermijn toegepast: {done.summary(done=True)}.")
    return 0


def _verify_audit(database: Database) -> int:
    """0 when the chain is whole and was never found damaged; 1 otherwise (an auditor's
    script should stop at an earlier, recorded damage as well)."""
    with database.read_session() as session:
        check = audit.verify_chain(session)
    if check.ok:
        print(f"Auditlog in orde: {check.entries} regels, de keten is heel.")
        return 0
    if check.whole:
        print(
            f"Auditlog: de keten is heel ({check.entries} regels), maar eerder is het auditlog "
            "beschadigd aangetroffen; dat is vastgelegd in:",
            file=sys.stderr,
        )
    else:
        print(f"Auditlog beschadigd: {check.reason}", file=sys.stderr)
        if check.damage:
            print("Eerder vastgelegde beschadiging:", file=sys.stderr)
    for line in check.damage:
        print(f"  {line}", file=sys.stderr)
    return 1


def _db_encrypt(url: str, paths: AppPaths, actor: str) -> int:
    path = sqlite_file(make_url(url))
    if path is not None:
        encryption.recover_interrupted(path)
    state = encryption.database_state(url)
    if path is not None and state == ENCRYPTED:
        return _finish_encryption(url, path, paths, actor)
    if path is None or state != PLAIN:
        print("Alleen een onversleuteld databasebestand kan worden versleuteld.", file=sys.stderr)
        return 2
    encryption.require_cipher()
    opened = open_database(url, paths, actor=actor)  # checked and brought up to date first
    with opened.database.read_session(actor) as session:
        folder = backups.backup_dir_of(session, paths.backup_dir)
    opened.database.dispose()
    folders = (paths.backup_dir, folder)
    done = encryption.encrypt_database(path, _new_passphrase(encryption.PASSPHRASE_ENV), folders)
    database = Database.connect(url, done.key)
    try:
        with database.unit_of_work(actor) as session:
            audit.note(session, AuditAction.ENCRYPT, detail="database versleuteld")
    finally:
        database.dispose()
    print(f"Versleuteld: {path}, met de reservekopieën in {', '.join(map(str, set(folders)))}")
    if done.skipped:
        print(done.summary(), file=sys.stderr)
    return 0


def _finish_encryption(url: str, path: Path, paths: AppPaths, actor: str) -> int:
    """`db encrypt` on an encrypted database: finish what an interrupted encryption left (its
    plain backups encrypted, plain leftovers overwritten and removed)."""
    key = _cli_key(url)
    opened = open_database(url, paths, actor=actor, key=key)  # proves the passphrase
    with opened.database.read_session(actor) as session:
        folder = backups.backup_dir_of(session, paths.backup_dir)
    opened.database.dispose()
    assert key is not None
    plain = encryption.plain_backups(path, (paths.backup_dir, folder))
    done = encryption.finish_encryption(path, key, (paths.backup_dir, folder))
    print(
        f"De database was al versleuteld; {len(plain) - len(done.skipped)} onversleutelde "
        "reservekopieën zijn nu ook versleuteld."
    )
    if done.skipped:
        print(done.summary(), file=sys.stderr)
        return 2
    return 0


def _db_passphrase(url: str, paths: AppPaths, actor: str, key: DatabaseKey | None) -> int:
    path = sqlite_file(make_url(url))
    if path is None or key is None:
        print(
            "Deze database is niet versleuteld; versleutel hem eerst (db encrypt).", file=sys.stderr
        )
        return 2
    opened = open_database(url, paths, actor=actor, key=key)  # proves the current passphrase
    with opened.database.read_session(actor) as session:
        folder = backups.backup_dir_of(session, paths.backup_dir)
    opened.database.dispose()
    done = encryption.change_passphrase(
        path, key, _new_passphrase(NEW_PASSPHRASE_ENV), (paths.backup_dir, folder)
    )
    database = Database.connect(url, done.key)
    try:
        with database.unit_of_work(actor) as session:
            audit.note(session, AuditAction.ENCRYPT, detail="wachtwoord gewijzigd")
    finally:
        database.dispose()
    print("Het wachtwoord is gewijzigd, ook van de reservekopieën.")
    if done.skipped:
        print(done.summary(), file=sys.stderr)
    return 0


def _db_current(url: str, key: DatabaseKey | None) -> int:
    state = check_database(url, key)
    print(f"Schemaversie van de database: {state.revision or 'leeg'}")
    print(f"Schemaversie van deze app:    {head_revision()}")
    return 0


def _describe_backup(info: BackupInfo) -> str:
    counts = ", ".join(f"{n} {word}" for word, n in info.counts)
    state = f"NIET BRUIKBAAR: {info.problem}" if info.problem else counts
    return (
        f"{info.made_at:%d-%m-%Y %H:%M} ({info.reason or 'onbekend'}, "
        f"versie {info.revision or '?'}): {state}\n     {info.path}"
    )


def _restore_keys(target: Path, source: Path) -> tuple[DatabaseKey | None, str | None]:
    """The database's key (None when it is plain or missing) and the passphrase, which also
    opens backups with another salt (a database lost and made anew): from the environment,
    the keyring, or typed, only where something is encrypted."""
    encryption.recover_interrupted(target)
    state = file_state(target) if target.exists() else EMPTY
    encrypted_backups = any(read_salt(p) is not None for p in list_backups(source, target.stem))
    if state != ENCRYPTED and not encrypted_backups:
        return None, None
    encryption.require_cipher()
    passphrase = _passphrase(
        target,
        "Wachtwoord van de database (en de reservekopieën): ",
        "De database of de reservekopieën zijn versleuteld.",
    )
    key = DatabaseKey.for_file(passphrase, target) if state == ENCRYPTED else None
    return key, passphrase


def _is_damaged(url: str, key: DatabaseKey | None) -> bool:
    try:
        check_database(url, key)
        check_integrity(url, key)
    except (NotADatabaseError, WrongPassphraseError):  # damaged (or page 1 unreadable)
        return True
    return False


def _db_restore(url: str, source: Path, args: argparse.Namespace, actor: str) -> int:
    target = sqlite_file(make_url(url))
    if target is None:
        print(
            "Alleen een SQLite-database kan uit een reservekopie worden teruggezet.",
            file=sys.stderr,
        )
        return 2
    key, passphrase = _restore_keys(target, source)
    plain = encryption.plain_backups(target, (source,))
    if args.remove_plain:
        removed = encryption.remove_plain_backups(plain)
        print(f"{len(removed)} onversleutelde reservekopieën overschreven en verwijderd.")
        return 0
    found = backups.backups(target, source, key, passphrase)
    if args.backup is None:
        if not found:
            print(f"Geen reservekopieën van {target.name} in {source}.")
            return 0
        print(f"Reservekopieën van {target.name} in {source} (nieuwste eerst):")
        for number, info in enumerate(found, start=1):
            print(f"{number:>3}. {_describe_backup(info)}")
        if plain:
            print(
                f"Let op: {len(plain)} van deze reservekopieën zijn niet versleuteld, terwijl de "
                "database dat wel is: de gegevens van bewoners staan er leesbaar in. Verwijder "
                "ze met: gebiedsapp db restore --remove-plain"
            )
        return 0
    chosen = (
        found[int(args.backup) - 1].path
        if args.backup.isdigit() and 0 < int(args.backup) <= len(found)
        else Path(args.backup)
    )
    info = backups.preview(chosen, key, passphrase)
    print(_describe_backup(info))
    loss = backups.what_would_be_lost(target, info, key) if info.usable else None
    if loss is not None:
        print(loss.text())
    if not args.yes:
        print("Voeg --yes toe om deze kopie terug te zetten.", file=sys.stderr)
        return 2
    if loss is not None and not args.replace_newer:
        print(
            "Er is niets teruggezet. Voeg ook --replace-newer toe als u deze gegevens echt uit "
            "de database wilt laten verdwijnen.",
            file=sys.stderr,
        )
        return 2
    damaged = target.exists() and target.stat().st_size > 0 and _is_damaged(url, key)
    if target.exists() and target.stat().st_size and not damaged:
        database = Database.connect(url, key)  # a sound database: only a beheerder restores
        try:
            with database.read_session(actor) as session:
                permissions.require_manage(session, actor)
        finally:
            database.dispose()
    safety = backups.restore_backup(
        target,
        chosen,
        source,
        damaged=damaged,
        key=key,
        passphrase=passphrase,
        replace_newer=args.replace_newer,
    )
    if safety is not None:
        print(f"De database van daarvoor staat in: {safety}")
    print(f"Teruggezet: {chosen.name}")
    return 0


def _db_backup(database: Database, target: Path) -> int:
    copy = make_backup(database, target)
    print(f"Reservekopie: {copy}")
    return 0


def _print_initiatives(database: Database, area: str | None, *, include_ended: bool) -> int:
    today = date.today()
    with database.read_session() as session:
        area_ids = None
        if area is not None:
            area_ids = area_header(session, find_area(session, area).id, today=today).area_ids
        rows = initiatives.list_initiatives(session, area_ids=area_ids, include_ended=include_ended)
    for row in rows:
        if row.ended_on is not None:
            step = f"{row.status.label.lower()} op {row.ended_on:%d-%m-%Y}"
        elif row.next_milestone is not None:
            due = row.next_milestone.due_on
            step = row.next_milestone.description + (f" ({due:%d-%m-%Y})" if due else "")
        else:
            step = "geen open mijlpaal"
        print(
            f"{row.title} | {row.area_name} | {row.status.label} | sinds "
            f"{row.started_on:%d-%m-%Y} | {step}"
        )
    print(f"{len(rows)} {'initiatief' if len(rows) == 1 else 'initiatieven'}")
    return 0


def _print_areas(database: Database) -> int:
    with database.read_session() as session:
        for node in area_tree(session):
            codes = f"  [{', '.join(node.buurt_codes)}]" if node.buurt_codes else ""
            print(f"{'  ' * node.depth}{node.name} ({node.kind.label.lower()}){codes}")
    return 0


def _print_team(database: Database, day: date) -> int:
    print(f"Wie werkt waar op {day:%d-%m-%Y}")
    with database.read_session() as session:
        for row in team_overview(session, on=day):
            cells = [", ".join(row.for_role(role)) or "-" for role in Role]
            print(
                f"{'  ' * row.depth}{row.area_name}: "
                + " | ".join(
                    f"{role.label}: {cell}" for role, cell in zip(Role, cells, strict=True)
                )
            )
    return 0
