"""`gebiedsapp server ...`: the team server's rights, for the municipality's IT.

    gebiedsapp --database postgresql://eigenaar@host/gebiedsapp server setup
    gebiedsapp --database postgresql://eigenaar@host/gebiedsapp server user add \\
        --account jdevries --role opbouwwerker

The new user's password is typed twice at the terminal (not echoed), or read from the first
line of standard input with --password-stdin (for scripts); never a command-line argument.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlalchemy.engine import make_url

from gebiedsapp.services import server
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.errors import StorageError
from gebiedsapp.storage.migrate import check_database


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "server",
        help="de teamserver (PostgreSQL): rechten instellen en gebruikers toevoegen",
        description="Voor IT-beheer: rollen, rechten per gebied en afscherming van "
        "persoonsgegevens op de teamserver. Verbind als de eigenaar van de database "
        "(--database postgresql://…). Zie docs/it-beheer.md.",
    )
    actions = parser.add_subparsers(dest="server_command", metavar="ACTIE", required=True)
    actions.add_parser(
        "setup",
        help="rollen, rechten en beveiliging per rij instellen (opnieuw na elke db upgrade)",
    )
    user = actions.add_parser("user", help="gebruikers van het team beheren")
    user_actions = user.add_subparsers(dest="user_command", metavar="ACTIE", required=True)
    add = user_actions.add_parser(
        "add",
        help="een teamlid een eigen inlog geven (of wachtwoord/rol wijzigen)",
        description="Maakt de inlog van een teamlid; de naam is het account van het teamlid "
        "in de app (Beheer → Teams). Het wachtwoord wordt gevraagd, of met "
        "--password-stdin van de invoer gelezen.",
    )
    add.add_argument("--account", required=True, help="het account van het teamlid")
    add.add_argument("--role", required=True, choices=server.ROLES, help="de rol op de server")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="het wachtwoord van de eerste regel van de invoer lezen",
    )
    remove = user_actions.add_parser("remove", help="de inlog van een teamlid verwijderen")
    remove.add_argument("--account", required=True, help="het account van het teamlid")


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise ValidationError(
            "Geen terminal om het wachtwoord te vragen: gebruik --password-stdin.",
            field="password",
        )
    first = getpass.getpass(f"Wachtwoord voor {args.account}: ")
    if getpass.getpass("Nogmaals: ") != first:
        raise ValidationError(
            "De twee wachtwoorden zijn niet gelijk; er is niets gewijzigd.", field="password"
        )
    return first


def handle(args: argparse.Namespace, url: str) -> int:
    """Run `server ...` against `url`; Dutch messages, exit 0 or 2."""
    try:
        if make_url(url).get_backend_name() != "postgresql":
            raise ValidationError(server.NOT_A_SERVER, field="database")
        password = _password(args) if getattr(args, "user_command", "") == "add" else ""
        check_database(url)  # says in Dutch when the server cannot be reached
        database = Database.connect(url)
        try:
            return _run(database, args, password)
        finally:
            database.dispose()
    except StorageError as exc:
        print(exc.user_message, file=sys.stderr)
    except ValidationError as exc:
        print(exc.message, file=sys.stderr)
    return 2


def _run(database: Database, args: argparse.Namespace, password: str) -> int:
    if args.server_command == "setup":
        report = server.set_up(database)
        print(
            f"Rechten ingesteld: {report.tables} tabellen, {report.policies} regels voor "
            "beveiliging per rij."
        )
        return 0
    if args.user_command == "remove":
        if server.remove_user(database, account=args.account):
            print(f"Inlog van {args.account.strip()} verwijderd.")
        else:
            print(f"Er was geen inlog {args.account.strip()}.")
        return 0
    saved = server.add_user(database, account=args.account, role=args.role, password=password)
    what = "aangemaakt" if saved.new else "bijgewerkt"
    print(f"Inlog {saved.account} ({saved.role}) {what}.")
    if not saved.member_known:
        print(
            f"Let op: de server kent (nog) geen teamlid met account {saved.account}. Tot een "
            "beheerder het teamlid en zijn toewijzingen heeft gesynchroniseerd, ziet deze "
            "gebruiker alleen de referentiegegevens (gebieden, thema's, partners)."
        )
    return 0


def after_upgrade(database: Database) -> str:
    """What `db upgrade` says after migrating a server: the rights set up anew, or why not
    (then the owner runs `server setup`)."""
    problem = server.may_set_up(database)
    if problem:
        return f"Rechten niet bijgewerkt: {problem} Daarna: gebiedsapp server setup."
    report = server.set_up(database)
    return f"Rechten bijgewerkt: {report.tables} tabellen, {report.policies} regels."
