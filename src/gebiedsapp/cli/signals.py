"""`gebiedsapp signals ...`: import signals from another system's CSV, export them as GeoJSON."""

from __future__ import annotations

import logging
import uuid
from datetime import date
from pathlib import Path

from gebiedsapp.cli.base import (
    Run,
    Subparsers,
    add_import_arguments,
    command,
    read_import_file,
    refuse_or_back_up,
)
from gebiedsapp.domain import AuditAction
from gebiedsapp.domain.signal_workflow import OPEN
from gebiedsapp.services import audit, signal_import
from gebiedsapp.services.areas import area_tree, find_area
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.geojson_export import signals_geojson, write_geojson
from gebiedsapp.services.overview import subtree_ids
from gebiedsapp.services.signal_views import SignalFilter

log = logging.getLogger(__name__)


def register(sub: Subparsers) -> None:
    signals = sub.add_parser("signals", help="signalen")
    signals_sub = signals.add_subparsers(dest="signals_command", metavar="ACTIE", required=True)
    importing = signals_sub.add_parser(
        "import",
        help="signalen importeren uit een CSV-export van een ander systeem",
        description="Leest het CSV-bestand, controleert elke regel en importeert de geldige. "
        "Velden: " + ", ".join(f"{k} ({v})" for k, v in signal_import.FIELDS.items()) + ".",
    )
    add_import_arguments(importing)
    command(importing, _import)

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
    command(geo_export, _export_geojson)


def _import(run: Run) -> int:
    """Exit 0 when the valid rows were imported (or would be, with --dry-run) and no row was
    refused without consent; 2 when nothing was written because of invalid rows or bad input.
    The backup before it goes to the folder chosen in the database (else the default one)."""
    args, database = run.args, run.database
    mapping = signal_import.parse_mapping(args.mapping)
    data = read_import_file(args.file)
    if data is None:
        return 2
    table = signal_import.read_table(data)
    if not mapping:  # no --map: the columns by their names (a Signalen export needs none)
        mapping = signal_import.suggest_mapping(table.header)
        print("Koppeling: " + ", ".join(f"{ours}={theirs}" for ours, theirs in mapping.items()))
    with database.unit_of_work(run.actor) as session:
        preview = signal_import.preview_import(session, table, mapping)
        print(
            f"{preview.total} regels: {len(preview.valid)} geldig, {len(preview.invalid)} ongeldig."
        )
        for row in preview.invalid:
            print(f"  regel {row.line}: {row.reason}")
        if (refused := refuse_or_back_up(run, session, invalid=bool(preview.invalid))) is not None:
            return refused
        written = signal_import.import_signals(session, preview, accept_valid=args.accept_valid)
    print(f"{written} signalen geïmporteerd.")
    return 0


def _export_geojson(run: Run) -> int:
    """The signals with coordinates as GeoJSON points (no personal data); exit 0."""
    args = run.args
    output: Path = args.geojson
    if not output.parent.is_dir():
        raise ValidationError(f"De map {output.parent} bestaat niet.")
    today = date.today()
    with run.database.read_session(run.actor) as session:
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
    with run.database.unit_of_work(run.actor) as session:
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
