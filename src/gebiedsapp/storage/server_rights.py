"""The team server's rights: which team role reads and writes which rows and columns
(docs/sync-design.md, "Rights on the server"; the table of decisions is in docs/it-beheer.md).

All server-side SQL of the rights lives here and in storage.server_functions, generated from
the models' metadata, so a table added later is covered by the same rules (its area from its
own `area_id` or its parent's):

- `gebiedsapp_my_areas()`: the areas the connected user is assigned to today, with the areas
  below them (a beheerder: all); read from `team_member.account` = the login and `assignment`.
- `gebiedsapp_scope_of(table, row_key)`: a row's area, resident, and whether it is reference
  data or personal as a whole; `gebiedsapp_area_of` is its area. The policies of the history
  and conflict tables and of `sync_row`, and the trigger that fills `sync_row.area_id` and
  `personal`, all use it, so they agree.
- row-level security on every synced table and on `sync_row`/`sync_push_log`; column
  privileges keep residents' contact details from the wethouder's role.

`statements(tables)` is the whole set-up as SQL (the functions are in
storage.server_functions); `storage.server_roles` runs it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Table

from gebiedsapp.domain import Base
from gebiedsapp.storage.sync_tracking import NOT_SYNCED

STAFF = "gebiedsapp_staff"  # gebiedsregisseur, opbouwwerker (and beheerder)
WETHOUDER = "gebiedsapp_wethouder"
BEHEERDER = "gebiedsapp_beheerder"  # a member of STAFF too: manages the reference data
GROUPS = (STAFF, WETHOUDER, BEHEERDER)
TEAM = f"{STAFF}, {WETHOUDER}"

# Shared by the whole team, written by beheerders only.
REFERENCE_TABLES = frozenset(
    {
        "area",
        "area_buurt",
        "assignment",
        "cbs_buurt",
        "cbs_figures",
        "cbs_wijk",
        "partner",
        "signal_category",
        "team_member",
        "theme",
    }
)
# Rows that belong to a resident, not to one area: the column that names the resident. Such a
# row is seen where the resident is linked to a record of the user's areas.
RESIDENT_TABLES = {"resident": "id", "consent": "resident_id"}
# Rows about another row (table name + key columns): their area and resident are that row's.
ABOUT_COLUMNS = {
    "record_version": ("record_type", "record_id"),
    "sync_conflict": ("table_name", "row_key"),
}
# Residents' personal data the wethouder's role has no column privilege on (DOMAIN.md,
# "Personal data (AVG)"); each has a default, so a laptop stores a row without them.
WETHOUDER_HIDDEN_COLUMNS = {
    "resident": ("name", "phone", "email"),
    "consent": ("note",),
    "contact": ("notes",),
    "signal_feedback": ("note",),
}
# Tables the wethouder's role cannot read at all (photos may show people, house fronts,
# number plates).
WETHOUDER_HIDDEN_TABLES = frozenset({"signal_photo"})
# Rows of a table the wethouder's role may read only where this holds: a photo's history
# entries say no more than that a photo came or went, but entries of older app versions hold
# its file name and caption, which can name a resident (issue 16).
WETHOUDER_HIDDEN_ROWS = {"signal_history": "field <> 'photo'"}
# The history and conflicts of these records are personal as a whole: withheld from the
# wethouder (their JSON holds the hidden columns' old and new values).
PERSONAL_RECORD_TYPES = frozenset(WETHOUDER_HIDDEN_COLUMNS) | WETHOUDER_HIDDEN_TABLES


# Link rows with two parents that each have an area: the area is the first parent's (an
# activity linked to a signal is the activity's business, seen by the activity's area).
AREA_VIA = {
    "activity_signal": "activity_id",
    "activity_action": "activity_id",
    "activity_initiative": "activity_id",
}


class UnclassifiedTableError(RuntimeError):
    """A synced table whose area the rules cannot find (a new table needs a decision)."""


@dataclass(frozen=True)
class Rule:
    """How a table's rows get their area: `own` (its `area_id`), `parent` (the area of the row
    its column `via` points at), `reference`, `resident`, or `about` (another row's)."""

    kind: str
    via: str = ""
    parent: str = ""


def synced_tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_SYNCED]


def rule_of(table: Table) -> Rule:
    name = table.name
    if name in REFERENCE_TABLES:
        return Rule("reference")
    if name in RESIDENT_TABLES:
        return Rule("resident")
    if name in ABOUT_COLUMNS:
        return Rule("about")
    if "area_id" in table.columns:
        return Rule("own")
    parents = [
        (fk.parent, fk.column.table)
        for fk in sorted(table.foreign_keys, key=lambda fk: fk.parent.name)
        if fk.column.table.name not in REFERENCE_TABLES | set(RESIDENT_TABLES)
        and fk.column.table.name != name
    ]
    required = [(column, parent) for column, parent in parents if not column.nullable]
    if name in AREA_VIA:
        required = [(c, p) for c, p in required if c.name == AREA_VIA[name]]
    if len(required) == 1:
        column, parent = required[0]
        return Rule("parent", via=column.name, parent=parent.name)
    raise UnclassifiedTableError(
        f"{name}: no area_id and not exactly one required parent with an area "
        "(decide in storage.server_rights)"
    )


def area_sql(table: Table, alias: str) -> str:
    """The SQL expression of the area of row `alias` of `table` (NULL when it has none)."""
    rule = rule_of(table)
    if rule.kind == "own":
        return f"{alias}.area_id"
    if rule.kind == "parent":
        parent = Base.metadata.tables[rule.parent]
        (key,) = parent.primary_key.columns
        inner = f"{alias}p"
        return (
            f"(SELECT {area_sql(parent, inner)} FROM {parent.name} {inner} "
            f"WHERE {inner}.{key.name} = {alias}.{rule.via})"
        )
    return "NULL::uuid"


def text_list(names: Iterable[str]) -> str:
    return "ARRAY[" + ", ".join(f"'{n}'" for n in sorted(names)) + "]::text[]"


def withheld_rows_rule() -> str:
    """WETHOUDER_HIDDEN_ROWS as one text (the server's `gebiedsapp_withheld_rows()`): when it
    differs from what a wethouder's laptop saw at its last pull, the laptop lets go of the rows
    the new rule withholds (services.sync.shrink)."""
    return json.dumps(WETHOUDER_HIDDEN_ROWS, sort_keys=True)


def sql_text(value: str) -> str:
    """A text literal for generated SQL."""
    return "'" + value.replace("'", "''") + "'"


def hex_key(column: str) -> str:
    """A uuid column as a row key (hex without dashes, as the laptops write it)."""
    return f"replace({column}::text, '-', '')"


MY_AREAS = "ARRAY(SELECT gebiedsapp_my_areas())"
CALLER = (
    f"{MY_AREAS}, (SELECT gebiedsapp_is_staff()), (SELECT gebiedsapp_is_beheerder()), "
    "current_user::text"
)


def _policy(table: str, name: str, command: str, roles: str, using: str, check: str) -> str:
    sql = f"CREATE POLICY gebiedsapp_{name} ON {table} FOR {command} TO {roles}"
    if using:
        sql += f" USING ({using})"
    if check:
        sql += f" WITH CHECK ({check})"
    return sql


def _row_policies(
    table: str, read: str, write: str, *, readers: str = TEAM, linked: str = ""
) -> list[str]:
    """`linked`: a further check on the new row (only residents the user may see)."""
    new = f"({write}) AND {linked}" if linked else write
    return [
        _policy(table, "read", "SELECT", readers, read, ""),
        _policy(table, "insert", "INSERT", STAFF, "", new),
        _policy(table, "update", "UPDATE", STAFF, write, new),
        _policy(table, "delete", "DELETE", STAFF, write, ""),
    ]


def _resident_links_visible(table: Table) -> str:
    """A new row may point only at residents the user sees (or a new one of their own): no
    linking one's way to another area's resident by knowing their id."""
    checks = [
        f"({fk.parent.name} IS NULL OR (SELECT gebiedsapp_is_beheerder()) OR "
        f"gebiedsapp_resident_visible({fk.parent.name}, {MY_AREAS}, current_user::text, true))"
        for fk in sorted(table.foreign_keys, key=lambda fk: fk.parent.name)
        if fk.column.table.name == "resident"
    ]
    return " AND ".join(checks)


def policy_statements(table: Table) -> list[str]:
    """The policies of one synced table (after its old ones are dropped)."""
    name = table.name
    rule = rule_of(table)
    readers = STAFF if name in WETHOUDER_HIDDEN_TABLES else TEAM
    if rule.kind == "reference":
        return [
            _policy(name, "read", "SELECT", TEAM, "true", ""),
            _policy(name, "manage", "ALL", BEHEERDER, "true", "true"),
        ]
    if rule.kind == "resident":
        resident = RESIDENT_TABLES[name]
        creator = "CASE WHEN (SELECT gebiedsapp_is_staff()) THEN current_user::text END"

        def seen(claim: str) -> str:
            return (
                f"(SELECT gebiedsapp_is_beheerder()) OR gebiedsapp_resident_visible({resident}, "
                f"{MY_AREAS}, {creator}, {claim})"
            )

        # a new resident comes before the record that names them: anyone on staff adds one,
        # and staff see one linked to nothing yet (as the push writes it, the laptop's user
        # name need not be the login); a wethouder only those linked to their areas
        added = "true" if name == "resident" else seen("true")
        return [
            _policy(name, "read", "SELECT", readers, seen("(SELECT gebiedsapp_is_staff())"), ""),
            _policy(name, "insert", "INSERT", STAFF, "", added),
            _policy(name, "update", "UPDATE", STAFF, seen("false"), seen("true")),
            _policy(name, "delete", "DELETE", STAFF, seen("false"), ""),
        ]
    if rule.kind == "about":
        kind_column, key_column = ABOUT_COLUMNS[name]
        key = key_column if name == "sync_conflict" else hex_key(key_column)

        personal_ok = (
            f"(({kind_column} <> ALL ({text_list(PERSONAL_RECORD_TYPES)})) "
            "OR (SELECT gebiedsapp_is_staff()))"
        )

        def about(writing: str) -> str:
            where = f"gebiedsapp_may_see({kind_column}, {key}, {writing}, {CALLER})"
            if "area_id" in table.columns:  # a conflict that knows its area
                where = (
                    f"CASE WHEN area_id IS NOT NULL THEN area_id = ANY ({MY_AREAS}) "
                    f"ELSE {where} END"
                )
            return f"{personal_ok} AND {where}"

        # a history row pushed before its record (same push): seen by who pushed it, since
        # the push's upsert reads its new row back (before its sync_row exists)
        early = (
            f"(NOT (gebiedsapp_scope_of({kind_column}, {key})).present AND NOT "
            f"gebiedsapp_pushed_by_other('{name}', {hex_key('id')}, current_user::text))"
        )
        read = f"({about('false')}) OR ({personal_ok} AND {early})"
        return _row_policies(name, read, about("true"), readers=readers)
    visible = f"{area_sql(table, name)} = ANY ({MY_AREAS})"
    linked = _resident_links_visible(table)
    policies = _row_policies(name, visible, visible, readers=readers, linked=linked)
    if name in WETHOUDER_HIDDEN_ROWS:
        staff_or = f"({WETHOUDER_HIDDEN_ROWS[name]}) OR (SELECT gebiedsapp_is_staff())"
        policies[0] = _policy(name, "read", "SELECT", readers, f"({visible}) AND ({staff_or})", "")
    return policies


def grant_statements(table: Table) -> list[str]:
    """Privileges of one synced table (after REVOKE ALL): the wethouder reads all but the
    personal columns, staff read and write, beheerders write reference data."""
    name = table.name
    statements = [f"REVOKE ALL ON {name} FROM {STAFF}, {WETHOUDER}, {BEHEERDER}"]
    if name in REFERENCE_TABLES:
        statements.append(f"GRANT SELECT ON {name} TO {STAFF}, {WETHOUDER}")
        statements.append(f"GRANT INSERT, UPDATE, DELETE ON {name} TO {BEHEERDER}")
        return statements
    statements.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {STAFF}")
    if name in WETHOUDER_HIDDEN_TABLES:
        return statements
    hidden = WETHOUDER_HIDDEN_COLUMNS.get(name, ())
    if hidden:
        readable = ", ".join(c.name for c in table.columns if c.name not in hidden)
        statements.append(f"GRANT SELECT ({readable}) ON {name} TO {WETHOUDER}")
    else:
        statements.append(f"GRANT SELECT ON {name} TO {WETHOUDER}")
    return statements


def sync_statements(tables: Sequence[Table]) -> list[str]:
    """`sync_row` and the push log: seen by area, stamped by the server, the log only grows."""
    caller_read = f"false, {CALLER}"
    caller_write = f"true, {CALLER}"
    row = "table_name, row_key, area_id, personal, erased"
    # a row of one's own areas is answered here, as the function would, without calling it
    # (a push writes every row through this; the stamps are the server's own: the stamp
    # trigger's, or the push's checked by gebiedsapp_sync_row_check)
    writable = (
        f"(table_name <> ALL ({text_list(REFERENCE_TABLES)}) AND area_id = ANY ({MY_AREAS}) "
        "AND (NOT personal OR (SELECT gebiedsapp_is_staff()))) OR "
        f"gebiedsapp_sync_row_visible({row}, {caller_write})"
    )
    from gebiedsapp.storage.server_functions import WAITING_HISTORY_INDEX
    from gebiedsapp.storage.server_stamps import check_triggers, stamp_triggers

    return [
        f"REVOKE ALL ON sync_row, sync_push_log FROM {STAFF}, {WETHOUDER}, {BEHEERDER}",
        f"GRANT SELECT ON sync_row TO {STAFF}, {WETHOUDER}",
        f"GRANT INSERT, UPDATE ON sync_row TO {STAFF}",
        f"GRANT USAGE, SELECT ON SEQUENCE sync_seq TO {STAFF}",
        f"GRANT SELECT, INSERT ON sync_push_log TO {STAFF}, {WETHOUDER}",
        "ALTER TABLE sync_row ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE sync_push_log ENABLE ROW LEVEL SECURITY",
        _policy(
            "sync_row",
            "read",
            "SELECT",
            TEAM,
            # what one pushed oneself (the push's upsert reads its new row back); a row of
            # one's own areas is answered here, as the function would, without calling it
            # (a pull reads every changed row through this: the call was most of its cost)
            f"pushed_by = current_user::text OR (area_id = ANY ({MY_AREAS}) AND (NOT personal "
            f"OR (SELECT gebiedsapp_is_staff()))) OR gebiedsapp_sync_row_visible({row}, "
            f"{caller_read})",
            "",
        ),
        _policy("sync_row", "insert", "INSERT", STAFF, "", writable),
        _policy("sync_row", "update", "UPDATE", STAFF, writable, writable),
        _policy(
            "sync_push_log",
            "read",
            "SELECT",
            TEAM,
            "pushed_by = current_user::text OR (SELECT gebiedsapp_is_beheerder())",
            "",
        ),
        _policy("sync_push_log", "insert", "INSERT", TEAM, "", "pushed_by = current_user::text"),
        *stamp_triggers(tables),
        WAITING_HISTORY_INDEX,  # before the wake-up trigger that reads it
        "DROP TRIGGER IF EXISTS gebiedsapp_wake ON sync_row",
        "DROP TRIGGER IF EXISTS gebiedsapp_wake_update ON sync_row",
        # once per statement over its rows (a transition table needs one trigger per event)
        "CREATE TRIGGER gebiedsapp_wake AFTER INSERT ON sync_row REFERENCING NEW TABLE AS "
        "woken FOR EACH STATEMENT EXECUTE FUNCTION gebiedsapp_sync_row_wake()",
        "CREATE TRIGGER gebiedsapp_wake_update AFTER UPDATE ON sync_row REFERENCING NEW TABLE "
        "AS woken FOR EACH STATEMENT EXECUTE FUNCTION gebiedsapp_sync_row_wake()",
        *check_triggers(),
        "DROP TRIGGER IF EXISTS gebiedsapp_stamp ON sync_push_log",
        "CREATE TRIGGER gebiedsapp_stamp BEFORE INSERT ON sync_push_log "
        "FOR EACH ROW EXECUTE FUNCTION gebiedsapp_push_log_stamp()",
    ]


DROP_OUR_POLICIES = """DO $$
DECLARE p record;
BEGIN
  FOR p IN SELECT policyname, tablename FROM pg_policies
    WHERE schemaname = current_schema() AND starts_with(policyname, 'gebiedsapp_')
  LOOP
    EXECUTE format('DROP POLICY %I ON %I', p.policyname, p.tablename);
  END LOOP;
END $$"""


def statements(tables: Sequence[Table], *, schema: str, database: str) -> list[str]:
    """The whole set-up for the tables that exist on this server, in one transaction's
    order; safe to run again (functions replaced, policies and grants made anew)."""
    from gebiedsapp.storage import server_functions  # it builds on the rules here

    result = [
        f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC',
        f'GRANT CONNECT ON DATABASE "{database}" TO {STAFF}, {WETHOUDER}',
        f"GRANT USAGE ON SCHEMA {schema} TO {STAFF}, {WETHOUDER}",
        f"REVOKE ALL ON alembic_version FROM {STAFF}, {WETHOUDER}",
        f"GRANT SELECT ON alembic_version TO {STAFF}, {WETHOUDER}",
        DROP_OUR_POLICIES,
        server_functions.DROP_OUR_FUNCTIONS,
        *server_functions.function_statements(tables, schema),
        server_functions.GRANT_OUR_FUNCTIONS,
    ]
    for table in tables:
        result += grant_statements(table)
        result.append(f"ALTER TABLE {table.name} ENABLE ROW LEVEL SECURITY")
        result += policy_statements(table)
    result += sync_statements(tables)
    from gebiedsapp.storage import server_moves  # it builds on the rules here

    result += server_moves.move_statements(tables, schema)
    result.append(server_functions.GRANT_OUR_FUNCTIONS)  # the new function too
    return result
