"""The team server's roles and the running of its rights' set-up (storage.server_rights).

Group roles (cluster-wide, NOLOGIN): `gebiedsapp_staff`, `gebiedsapp_wethouder`, and
`gebiedsapp_beheerder` (itself a member of staff). Each user logs in with their own role,
named as their `team_member.account`, a member of one group. Passwords are hashed here
(SCRAM) before they are sent, so a server's statement log never holds one in plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, inspect

from gebiedsapp.storage import server_functions, server_rights
from gebiedsapp.storage.server_rights import BEHEERDER, GROUPS, STAFF, WETHOUDER

# --role of `gebiedsapp server user add` -> the groups the login joins
ROLE_GROUPS = {
    "gebiedsregisseur": (STAFF,),
    "opbouwwerker": (STAFF,),
    "gebiedswethouder": (WETHOUDER,),
    "beheerder": (BEHEERDER, STAFF),
}
MAX_NAME = 63  # PostgreSQL's identifier length


class NotAllowedError(Exception):
    """The connected user lacks a right the statement needs (CREATEROLE, ownership)."""


@dataclass(frozen=True)
class SetupReport:
    tables: int
    policies: int


def _sql() -> Any:
    """psycopg's SQL composition (psycopg is the server extra: imported only when used)."""
    from psycopg import sql

    return sql


def _raw(connection: Connection) -> Any:
    """The psycopg connection under SQLAlchemy's (same transaction): statements with `%` and
    `:=` go through as written."""
    return connection.connection.driver_connection


def _one(connection: Connection, query: str, *params: object) -> Any:
    row = _raw(connection).execute(query, params or None).fetchone()
    return row[0] if row else None


def why_not_set_up(connection: Connection) -> str | None:
    """None when the connected user may run the set-up; else what is missing (English, for
    the service to say in Dutch): not at the schema's head, not the tables' owner, no right
    to make the group roles."""
    if not inspect(connection).has_table("sync_row"):
        return "schema"
    owner = _one(
        connection,
        "SELECT pg_has_role(current_user, c.relowner, 'MEMBER') FROM pg_class c "
        "WHERE c.oid = 'sync_row'::regclass",
    )
    if not owner:
        return "owner"
    missing = [g for g in GROUPS if not _one(connection, _ROLE_EXISTS, g)]
    may_create = _one(
        connection,
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user",
    )
    if missing and not may_create:
        return "createrole"
    return None


_ROLE_EXISTS = "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s)"


def _ensure_groups(connection: Connection) -> None:
    raw, sql = _raw(connection), _sql()
    for group in GROUPS:
        if not _one(connection, _ROLE_EXISTS, group):
            raw.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
    member = _one(connection, "SELECT pg_has_role(%s, %s, 'MEMBER')", BEHEERDER, STAFF)
    if not member:
        raw.execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(STAFF), sql.Identifier(BEHEERDER))
        )


def set_up(connection: Connection) -> SetupReport:
    """Make the group roles if missing, then functions, grants, policies and triggers, all in
    the caller's transaction. Run again after every schema upgrade (new tables, columns)."""
    _ensure_groups(connection)
    present = set(inspect(connection).get_table_names())
    tables = [t for t in server_rights.synced_tables() if t.name in present]
    schema = _one(connection, "SELECT current_schema()")
    database = _one(connection, "SELECT current_database()")
    raw = _raw(connection)
    for statement in server_rights.statements(tables, schema=schema, database=database):
        raw.execute(statement)
    policies = _one(
        connection,
        "SELECT count(*) FROM pg_policies WHERE schemaname = current_schema() "
        "AND starts_with(policyname, 'gebiedsapp_')",
    )
    return SetupReport(tables=len(tables), policies=int(policies))


def lift_rights(connection: Connection) -> bool:
    """Drop our policies and functions (and with them the triggers) when they are there;
    whether they were. For a migration, which then calls `set_up` in the same transaction."""
    installed = _one(
        connection,
        "SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'gebiedsapp_scope_of' "
        "AND pronamespace = current_schema()::regnamespace)",
    )
    if installed:
        raw = _raw(connection)
        raw.execute(server_rights.DROP_OUR_POLICIES)
        raw.execute(server_functions.DROP_OUR_FUNCTIONS)
    return bool(installed)


def groups_exist(connection: Connection) -> bool:
    return all(_one(connection, _ROLE_EXISTS, g) for g in GROUPS)


def login_exists(connection: Connection, account: str) -> bool:
    return bool(_one(connection, _ROLE_EXISTS, account))


def member_known(connection: Connection, account: str) -> bool:
    """Whether the server's team has a member with this account (else the login sees only
    the reference data until a beheerder's laptop has pushed the member and assignments)."""
    return bool(
        _one(
            connection,
            "SELECT EXISTS (SELECT 1 FROM team_member WHERE lower(account) = lower(%s) "
            "AND deleted_at IS NULL)",
            account,
        )
    )


def save_login(connection: Connection, *, account: str, role: str, password: str) -> bool:
    """Make or update `account`'s login role, in exactly the groups of `role`; True when it
    was new. The password is sent as its SCRAM hash."""
    raw, sql = _raw(connection), _sql()
    name = sql.Identifier(account)
    hashed = raw.pgconn.encrypt_password(
        password.encode(), account.encode(), b"scram-sha-256"
    ).decode()
    new = not login_exists(connection, account)
    verb = "CREATE" if new else "ALTER"
    from psycopg.errors import InsufficientPrivilege

    try:
        raw.execute(
            sql.SQL(verb + " ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {}").format(
                name, sql.Literal(hashed)
            )
        )
    except InsufficientPrivilege as exc:
        raise NotAllowedError(str(exc)) from exc
    for group in GROUPS:
        if _one(connection, "SELECT pg_has_role(%s, %s, 'MEMBER')", account, group):
            raw.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), name))
    for group in ROLE_GROUPS[role]:
        raw.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), name))
    return new


def drop_login(connection: Connection, account: str) -> bool:
    """Remove a user's login (their pushed rows stay; `pushed_by` keeps the name)."""
    if not login_exists(connection, account):
        return False
    sql = _sql()
    _raw(connection).execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(account)))
    return True


def is_team_login(connection: Connection, account: str) -> bool:
    """A login that is a member of one of our groups (never drop or change another role)."""
    return any(
        _one(
            connection,
            "SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s AND g.rolname = %s)",
            account,
            group,
        )
        for group in GROUPS
    )
