"""`gebiedsapp exchange export|import FILE`: team sync by file, for a laptop that never reaches
the server (services.sync.exchange). The file's passphrase comes from
GEBIEDSAPP_EXCHANGE_PASSPHRASE or is typed at the terminal, never from an argument."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from gebiedsapp.cli.base import Run, Subparsers, command
from gebiedsapp.cli.keys import ask
from gebiedsapp.services.sync import exchange
from gebiedsapp.services.sync.model import SyncError

PASSPHRASE_ENV = "GEBIEDSAPP_EXCHANGE_PASSPHRASE"


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "exchange",
        help="wijzigingen uitwisselen via een versleuteld bestand (zonder teamserver)",
        description="Voor een laptop die de teamserver niet bereikt: de wijzigingen van deze "
        "laptop naar een versleuteld bestand schrijven, of zo'n bestand van een andere laptop "
        "inlezen (met dezelfde regels voor samenvoegen en conflicten als synchroniseren). Het "
        f"wachtwoord van het bestand komt uit {PASSPHRASE_ENV} of wordt gevraagd.",
    )
    actions = parser.add_subparsers(dest="exchange_command", metavar="ACTIE", required=True)
    out = actions.add_parser("export", help="de wijzigingen sinds de vorige keer wegschrijven")
    out.add_argument("file", metavar="BESTAND", type=Path)
    out.add_argument(
        "--alles",
        action="store_true",
        help="alle wijzigingen die nog naar de teamserver moeten, niet alleen die sinds het "
        "vorige bestand",
    )
    command(out, _export)
    read = actions.add_parser(
        "import", help="een uitwisselingsbestand van een andere laptop inlezen"
    )
    read.add_argument("file", metavar="BESTAND", type=Path)
    command(read, _import)


def _passphrase(*, twice: bool) -> str:
    given = os.environ.get(PASSPHRASE_ENV) or ask("Wachtwoord van het bestand: ", twice=twice)
    if not given:
        raise SyncError(
            f"Geef het wachtwoord van het bestand in {PASSPHRASE_ENV} of start vanaf een "
            "terminal. Er is niets gewijzigd."
        )
    return given


def _export(run: Run) -> int:
    try:
        summary = exchange.export_changes(
            run.database,
            run.args.file,
            _passphrase(twice=True),
            actor=run.actor,
            everything=run.args.alles,
        )
    except SyncError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    print(f"{summary.rows} wijzigingen geschreven naar {summary.path}.")
    for table, count in summary.tables.items():
        print(f"  {table:<28} {count:>8}")
    print("Geef het wachtwoord apart door (niet in dezelfde e-mail als het bestand).")
    return 0


def _import(run: Run) -> int:
    try:
        summary = exchange.import_changes(
            run.database, run.args.file, _passphrase(twice=False), actor=run.actor
        )
    except SyncError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    print(
        f"Ingelezen van {summary.made_by} ({summary.made_at:%d-%m-%Y %H:%M} UTC): "
        f"{summary.added} nieuw, {summary.merged} bijgewerkt, {summary.erased} gewist, "
        f"{summary.unchanged} al aanwezig, {summary.conflicts} conflicten."
    )
    if summary.conflicts:
        print("Los de conflicten op in het venster (scherm Conflicten).")
    return 0
