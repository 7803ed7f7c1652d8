"""`gebiedsapp sync [--dry-run] [--server URL]`: exchange this laptop's changes with the team
server (services.sync). The server's address comes from --server or the one stored for this
database (app_setting, also the window's); the password from the keyring (service
"gebiedsapp-teamserver", the user's account), GEBIEDSAPP_TEAMSERVER_PASSWORD, or typed at the
terminal: never from an argument (an address with a password in it is refused)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

import keyring
from keyring.errors import KeyringError

from gebiedsapp.cli.base import Run, Subparsers, command
from gebiedsapp.services import sync
from gebiedsapp.storage.database import Database

PASSWORD_ENV = "GEBIEDSAPP_TEAMSERVER_PASSWORD"


def add_parser(sub: Any) -> None:
    """The `sync` subcommand (sub: the CLI's subparsers)."""
    parser = sub.add_parser(
        "sync",
        help="wijzigingen uitwisselen met de teamserver",
        description="Haalt de wijzigingen van het team op van de teamserver en verstuurt die "
        "van deze laptop. Het wachtwoord komt uit de sleutelhanger, uit "
        f"{PASSWORD_ENV}, of wordt gevraagd; nooit als argument.",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="alleen tonen wat per tabel verstuurd en opgehaald zou worden (wijzigt niets)",
    )
    parser.add_argument(
        "--server",
        metavar="URL",
        help="adres van de teamserver, postgresql://server[:poort]/database (zonder "
        "wachtwoord; wordt onthouden voor deze database)",
    )


def _password(account: str) -> str:
    try:
        stored = keyring.get_password(sync.KEYRING_SERVICE, account)
    except KeyringError:
        stored = None
    if stored:
        return stored
    from_environment = os.environ.get(PASSWORD_ENV)
    if from_environment:
        return from_environment
    if sys.stdin.isatty():
        typed = getpass.getpass(f"Wachtwoord voor de teamserver ({account}): ")
        if typed:
            return typed
    raise sync.SyncError(
        f"Geen wachtwoord voor de teamserver (gebruiker '{account}'). Bewaar het in de "
        f"sleutelhanger (dienst {sync.KEYRING_SERVICE}), zet het in {PASSWORD_ENV} of start "
        "vanaf een terminal. Er is niets uitgewisseld."
    )


def register(sub: Subparsers) -> None:
    """The CLI's group entry (cli/__init__.py GROUPS); a --dry-run reads only."""
    add_parser(sub)
    command(sub.choices["sync"], _handle)


def _handle(run_: Run) -> int:
    return run(run_.database, run_.actor, run_.args)


def run(database: Database, actor: str, args: argparse.Namespace) -> int:
    try:
        return _run(database, actor, args)
    except sync.SyncError as exc:
        print(exc.message, file=sys.stderr)
        return 2


def _run(database: Database, actor: str, args: argparse.Namespace) -> int:
    with database.read_session(actor) as session:
        address = (args.server or sync.saved_server(session)).strip()
    if not address:
        raise sync.SyncError(
            "Er is geen teamserver ingesteld. Geef het adres met --server "
            "postgresql://server[:poort]/database (het wordt onthouden)."
        )
    sync.server_url(address)  # a password in the address: refused before anything else
    password = _password(sync.account(address))
    result = sync.run_sync(database, server_url=address, password=password, dry_run=args.dry_run)
    if args.dry_run:
        _print_plan(result)
        return 0
    if args.server:
        with database.unit_of_work(actor) as session:
            sync.save_server(session, address)
    print(
        f"Gesynchroniseerd: {result.pulled} opgehaald, {result.pushed} verstuurd, "
        f"{result.conflicts} nieuwe conflicten."
    )
    if result.skipped:
        print(f"{result.skipped} records overgeslagen: u mag ze op de server niet zien.")
    for line in _rights_lines(result):
        print(line, file=sys.stderr)
    status = sync.sync_status(database)
    if status.pending:
        print(f"Nog te versturen: {status.pending}.")
    if status.open_conflicts:
        print(
            f"Open conflicten: {status.open_conflicts}. Los ze op in het venster "
            "(scherm Conflicten)."
        )
    return 0


def _print_plan(result: sync.SyncResult) -> None:
    """A dry run's plan: what a real sync would send and fetch, and apart from that what it
    would keep here unsent (column 'wacht')."""
    print("Proefrun: er is niets gewijzigd. Per tabel:")
    print(f"  {'tabel':<28} {'versturen':>10} {'ophalen':>10} {'wacht':>10}")
    for item in result.plan:
        print(f"  {item.table:<28} {item.push:>10} {item.pull:>10} {item.held:>10}")
    if not result.plan:
        print("  (niets uit te wisselen)")
    if result.reference_held:
        print(
            f"Wacht op een beheerder: {result.reference_held} referentiegegevens staan alleen "
            "op deze laptop en worden niet verstuurd; alleen een beheerder kan ze op de "
            "teamserver zetten."
        )
    if result.not_theirs:
        print(
            f"Wacht: {result.not_theirs} wijzigingen horen bij records die naar een gebied zijn "
            "verplaatst dat niet aan u is toegewezen; ze worden niet verstuurd en blijven op "
            "deze laptop bewaard."
        )
    if result.reference_replaced:
        print(
            f"{result.reference_replaced} referentiegegevens op deze laptop wijken af en worden "
            "vervangen door die van de teamserver: alleen een beheerder kan ze wijzigen."
        )


def _rights_lines(result: sync.SyncResult) -> list[str]:
    """What the server's rights did to this run, in Dutch (the window says the same)."""
    lines = []
    if result.removed:
        lines.append(
            f"{result.removed} records van deze laptop gehaald: u mag ze niet meer zien (een "
            "gebied of uw rol is gewijzigd, of ze zijn naar een ander gebied verplaatst). Op "
            "de teamserver blijven ze bewaard."
        )
    if result.not_theirs:
        lines.append(
            f"{result.not_theirs} wijzigingen konden niet worden verstuurd: ze horen bij een "
            "gebied dat niet (meer) aan u is toegewezen. Ze blijven op deze laptop bewaard. "
            "Vraag de beheerder u het gebied weer toe te wijzen, of geef ze aan een collega "
            "van dat gebied met een uitwisselingsbestand (gebiedsapp exchange export BESTAND)."
        )
    other = result.refused - result.not_theirs
    if other > 0:
        lines.append(
            f"{other} wijzigingen geweigerd door de server (geen rechten voor dat gebied of "
            "die gegevens); ze blijven op deze laptop bewaard."
        )
    if result.reference_replaced:
        lines.append(
            f"{result.reference_replaced} referentiegegevens (thema's, categorieën, partners, "
            "gebieden) op deze laptop weken af en zijn vervangen door die van de teamserver: "
            "alleen een beheerder kan ze wijzigen."
        )
    if result.reference_held:
        lines.append(
            f"{result.reference_held} referentiegegevens staan alleen op deze laptop en worden "
            "niet verstuurd: alleen een beheerder kan ze op de teamserver zetten. Ze blijven "
            "bewaard; vraag de beheerder ze toe te voegen."
        )
    return lines
