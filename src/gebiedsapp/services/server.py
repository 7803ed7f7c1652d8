"""The team server's rights, for its IT administrators: set up the roles, row-level security
and column privileges (`gebiedsapp server setup`), and add the team's users
(`gebiedsapp server user add`). Plain Python over storage.server_roles, Dutch messages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from gebiedsapp.services.errors import ValidationError
from gebiedsapp.storage import server_roles
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.server_roles import MAX_NAME, ROLE_GROUPS, NotAllowedError, SetupReport

log = logging.getLogger(__name__)

ROLES = tuple(ROLE_GROUPS)  # gebiedsregisseur, opbouwwerker, gebiedswethouder, beheerder

NOT_A_SERVER = (
    "Dit kan alleen op de teamserver (PostgreSQL): geef --database postgresql://… op. "
    "Er is niets gewijzigd."
)
WHY_NOT = {
    "schema": "De database is nog niet bijgewerkt voor de teamserver. Voer eerst "
    "'gebiedsapp db upgrade --database …' uit.",
    "owner": "Alleen de eigenaar van de database (of een superuser) mag de rechten instellen. "
    "Verbind als de eigenaar.",
    "createrole": "Om de groepsrollen te maken is het recht CREATEROLE nodig (of een "
    "superuser). Geef de eigenaar dat recht: ALTER ROLE <eigenaar> CREATEROLE;",
}


def _server(database: Database) -> None:
    if database.engine.dialect.name != "postgresql":
        raise ValidationError(NOT_A_SERVER, field="database")


def may_set_up(database: Database) -> str | None:
    """None when the connected user may set up the rights; else why not, in Dutch."""
    _server(database)
    with database.engine.connect() as connection:
        reason = server_roles.why_not_set_up(connection)
    return WHY_NOT[reason] if reason else None


def set_up(database: Database) -> SetupReport:
    """Roles, functions, privileges, policies and triggers, in one transaction: all or
    nothing. Safe to run again; needed after every schema upgrade."""
    problem = may_set_up(database)
    if problem:
        raise ValidationError(problem + " Er is niets gewijzigd.", field="database")
    with database.engine.begin() as connection:
        report = server_roles.set_up(connection)
    log.info("server rights set up: %d tables, %d policies", report.tables, report.policies)
    return report


@dataclass(frozen=True)
class UserSaved:
    account: str
    role: str
    new: bool
    member_known: bool  # the server's team has a member with this account


def check_account(account: str) -> str:
    name = account.strip()
    if not name:
        raise ValidationError("Geef het account van het teamlid op (--account).", field="account")
    if len(name.encode()) > MAX_NAME or not name.isprintable() or '"' in name:
        raise ValidationError(
            f"Het account '{name}' kan geen PostgreSQL-gebruiker worden: ten hoogste "
            f"{MAX_NAME} tekens, zonder aanhalingstekens of stuurtekens.",
            field="account",
        )
    return name


def add_user(database: Database, *, account: str, role: str, password: str) -> UserSaved:
    """Make (or update: new password, other role) the login of a team member. Their rights
    follow from the role and from their assignments in the server's team data."""
    _server(database)
    name = check_account(account)
    if role not in ROLE_GROUPS:
        raise ValidationError(
            f"Onbekende rol '{role}'. Kies uit: {', '.join(ROLES)}.", field="role"
        )
    if len(password) < 12:
        raise ValidationError(
            "Het wachtwoord is te kort: gebruik ten minste 12 tekens. Er is niets gewijzigd.",
            field="password",
        )
    with database.engine.begin() as connection:
        if not server_roles.groups_exist(connection):
            raise ValidationError(
                "De groepsrollen ontbreken: voer eerst 'gebiedsapp server setup' uit.",
                field="database",
            )
        if server_roles.login_exists(connection, name) and not server_roles.is_team_login(
            connection, name
        ):
            raise ValidationError(
                f"Er bestaat al een PostgreSQL-gebruiker '{name}' die geen teamlid is "
                "(bijvoorbeeld de eigenaar of een beheerder van de server). Die wordt niet "
                "gewijzigd.",
                field="account",
            )
        try:
            new = server_roles.save_login(connection, account=name, role=role, password=password)
        except NotAllowedError as exc:
            log.error("could not save login %s: %s", name, exc)
            raise ValidationError(
                "De gebruiker kon niet worden opgeslagen: de verbonden gebruiker mag geen "
                "rollen maken (CREATEROLE nodig). Er is niets gewijzigd.",
                field="database",
            ) from exc
        known = server_roles.member_known(connection, name)
    return UserSaved(account=name, role=role, new=new, member_known=known)


def remove_user(database: Database, *, account: str) -> bool:
    """Remove a team member's login; False when there was none."""
    _server(database)
    name = check_account(account)
    with database.engine.begin() as connection:
        if server_roles.login_exists(connection, name) and not server_roles.is_team_login(
            connection, name
        ):
            raise ValidationError(
                f"'{name}' is geen gebruiker van het team; die wordt niet verwijderd.",
                field="account",
            )
        return server_roles.drop_login(connection, name)
