"""`gebiedsapp cbs import`: CBS Kerncijfers wijken en buurten from a StatLine CSV."""

from __future__ import annotations

import logging
from pathlib import Path

from gebiedsapp.cli.base import (
    Run,
    Subparsers,
    add_import_arguments,
    command,
    read_import_file,
    refuse_or_back_up,
)
from gebiedsapp.services import cbs_import
from gebiedsapp.services.report_text import number

log = logging.getLogger(__name__)


def register(sub: Subparsers) -> None:
    cbs = sub.add_parser("cbs", help="CBS-cijfers (Kerncijfers wijken en buurten)")
    cbs_sub = cbs.add_subparsers(dest="cbs_command", metavar="OPDRACHT", required=True)
    importing = cbs_sub.add_parser(
        "import",
        help="Kerncijfers wijken en buurten inlezen uit een CSV van CBS StatLine",
        description="Leest de CSV die je op CBS StatLine downloadde (Kerncijfers wijken en "
        "buurten, Oldambt) en bewaart per wijk en buurt het aantal inwoners, de leeftijds"
        "groepen, de huishoudens en de andere cijfers. Cijfers van hetzelfde jaar worden "
        "vervangen.",
    )
    add_import_arguments(importing, mapping=False, accept_valid=False)
    importing.add_argument(
        "--year", type=int, metavar="JJJJ", help="het jaar van de cijfers (als het bestand het "
        "niet zegt)"
    )  # fmt: skip
    command(importing, _import)


def _import(run: Run) -> int:
    """Exit 0 when stored (or it would be, with --dry-run); 2 when nothing was written."""
    args, database = run.args, run.database
    path: Path = args.file
    data = read_import_file(path)
    if data is None:
        return 2
    table = cbs_import.read_table(data)
    year = args.year or table.year or cbs_import.year_from_name(path.name)
    with database.unit_of_work(run.actor) as session:
        preview = cbs_import.preview_figures(session, table, year=year)
        print(
            f"Kerncijfers {preview.year}: {preview.count('gemeente')} gemeente, "
            f"{preview.count('wijk')} wijken en {preview.count('buurt')} buurten van Oldambt "
            f"({preview.municipality})."
        )
        for row in preview.rows:
            inhabitants = row.counts["inhabitants"]
            households = row.counts["households"]
            print(
                f"  {row.code} {row.name}: "
                f"{'onbekend' if inhabitants is None else number(inhabitants)} inwoners, "
                f"{'onbekend' if households is None else number(households)} huishoudens"
                + ("" if row.known else " (code niet in de gebiedsindeling van de app)")
            )
        print(f"Andere cijfers per regio: {len(preview.other_columns)} kolommen.")
        if preview.elsewhere:
            print(f"{preview.elsewhere} regels van andere gemeenten overgeslagen.")
        for refused in preview.refused:
            print(f"  geweigerd, regel {refused.line} ({refused.code or 'geen code'}): "
                  f"{refused.reason}")  # fmt: skip
        if preview.replaces:
            print(f"De {preview.replaces} opgeslagen regels van {preview.year} worden vervangen.")
        stop = refuse_or_back_up(run, session, invalid=False, done="opgeslagen")
        if stop is not None:
            return stop
        stored = cbs_import.store_figures(session, preview)
    credit = cbs_import.CREDIT.format(year=preview.year)
    print(f"{stored} regio's opgeslagen voor {preview.year}. {credit}.")
    return 0
