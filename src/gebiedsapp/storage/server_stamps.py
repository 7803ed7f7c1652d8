"""`sync_row`'s area and personal flag stamped once per push statement, set-based
(docs/sync-design.md, "Where a push's time goes").

The stamp trigger (`gebiedsapp_sync_row_stamp`, storage.server_functions) asked
`gebiedsapp_scope_of` per row: a plpgsql call and a query each, most of a team member's push
on the server. A push now sends the stamps itself: as the laptop finds them
(`laptop_stamps_sql`), or read set-based in its own statement from
`gebiedsapp_stamps_of(table, keys)` (the data rows it has just written); it marks such rows
with a negative `seq`. For a row of a table whose area is its own or its parent's (`FAST`),
so marked, not erased, in a statement of the client itself, the stamp trigger keeps the
given area and flag. Nothing is taken on trust: once per statement
`gebiedsapp_sync_row_check` compares every such row of the statement with what the server
finds itself, set-based, and refuses the whole statement (SQLSTATE 42501, as row-level
security does) when one differs. `sync_row`'s policies check the caller's right to the row
on those stamps, as before, so a team member of Beerta can neither push nor stamp a row of
Winschoten. A laptop of an older version sends no mark: its rows are stamped per row, as
before.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table, Uuid

from gebiedsapp.storage.server_rights import (
    WETHOUDER_HIDDEN_ROWS,
    WETHOUDER_HIDDEN_TABLES,
    area_sql,
    rule_of,
    text_list,
)
from gebiedsapp.storage.sync_tracking import KEY_SEPARATOR

# `seq` sent by a push that stamped its rows itself (the trigger gives every row its seq)
STAMPED = -1


def fast_tables(tables: Sequence[Table]) -> list[Table]:
    """The tables whose rows' area is their own `area_id` or their parent's."""
    return [t for t in tables if rule_of(t).kind in ("own", "parent")]


def fast_names(tables: Sequence[Table]) -> str:
    return text_list(t.name for t in fast_tables(tables))


def _personal(table: Table) -> str:
    """Withheld from the wethouder as a whole (as gebiedsapp_scope_of says it)."""
    if table.name in WETHOUDER_HIDDEN_TABLES:
        return "true"
    if table.name in WETHOUDER_HIDDEN_ROWS:
        return f"coalesce(NOT ({WETHOUDER_HIDDEN_ROWS[table.name]}), false)"
    return "false"


def _key_match(table: Table, alias: str, key: str) -> str:
    """Row `alias` of `table` is the one row key `key` names, its parts cast to the key's
    types (a key that is none refuses the statement: no push sends one)."""
    columns = list(table.primary_key.columns)
    parts = []
    for index, column in enumerate(columns, start=1):
        value = key if len(columns) == 1 else f"split_part({key}, '{KEY_SEPARATOR}', {index})"
        if isinstance(column.type, Uuid):
            value = f"CAST({value} AS uuid)"
        parts.append(f"{alias}.{column.name} = {value}")
    return " AND ".join(parts)


def _stamps_branch(table: Table) -> str:
    match = _key_match(table, "t", "k.key")
    present = f"t.{table.primary_key.columns.keys()[0]} IS NOT NULL"
    return (
        f"WHEN '{table.name}' THEN RETURN QUERY SELECT k.key, "
        f"CASE WHEN {present} THEN {area_sql(table, 't')} END, "
        f"CASE WHEN {present} THEN {_personal(table)} ELSE false END, {present} "
        f"FROM unnest(p_keys) AS k(key) LEFT JOIN {table.name} t ON {match};"
    )


def _check_branch(table: Table, *, updating: bool) -> str:
    """The statement's rows of `table` (transition table `stamped`; `unstamped` the rows
    before an update) whose stamps differ from what the server finds, counted: joined to
    the data rows directly (gebiedsapp_stamps_of's reading, without its array of keys and
    its materialised result)."""
    match = _key_match(table, "t", "w.row_key")
    present = f"t.{table.primary_key.columns.keys()[0]} IS NOT NULL"
    # no data row (yet): stamped as the per-row trigger would: nothing on an insert, the
    # stamps it had on an update
    if updating:
        absent = "w.area_id IS DISTINCT FROM o.area_id OR w.personal IS DISTINCT FROM o.personal"
        before = "JOIN unstamped o ON o.table_name = w.table_name AND o.row_key = w.row_key "
    else:
        absent, before = "w.area_id IS NOT NULL OR w.personal", ""
    return (
        f"WHEN '{table.name}' THEN SELECT count(*) INTO v_wrong FROM stamped w {before}"
        f"LEFT JOIN {table.name} t ON {match} "
        f"WHERE w.table_name = '{table.name}' AND NOT w.erased AND (CASE WHEN {present} "
        f"THEN w.area_id IS DISTINCT FROM {area_sql(table, 't')} "
        f"OR w.personal IS DISTINCT FROM {_personal(table)} ELSE {absent} END);"
    )


def stamp_statements(tables: Sequence[Table], schema: str) -> list[str]:
    """The functions (made with the rights' functions; `server setup` makes them anew)."""
    path = f"SET search_path = {schema}, pg_temp"
    branches = "\n    ".join(_stamps_branch(t) for t in fast_tables(tables))
    fast = fast_names(tables)
    inserted = "\n      ".join(_check_branch(t, updating=False) for t in fast_tables(tables))
    updated = "\n      ".join(_check_branch(t, updating=True) for t in fast_tables(tables))
    return [
        # the stamps of rows of a FAST table by key, read as the tables' owner (a row the
        # caller cannot see gets its true area all the same: the policies then refuse it)
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_stamps_of(p_table text, p_keys text[])
  RETURNS TABLE (o_key text, o_area uuid, o_personal boolean, o_present boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER {path} AS $$
BEGIN
  CASE p_table
    {branches}
    ELSE NULL;
  END CASE;
END $$""",
        # once per statement: every row of a FAST table the client's own statement stamped
        # (not those stamped by our triggers' statements: pg_trigger_depth) must carry the
        # server's own stamps; else the statement is refused as a whole
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_sync_row_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
DECLARE v_table text; v_wrong bigint;
BEGIN
  IF pg_trigger_depth() > 1 THEN RETURN NULL; END IF;
  FOR v_table IN
    SELECT DISTINCT w.table_name FROM stamped w
    WHERE NOT w.erased AND w.table_name = ANY ({fast})
  LOOP
    IF TG_OP = 'INSERT' THEN
      CASE v_table
      {inserted}
      ELSE v_wrong := 0;
      END CASE;
    ELSE
      CASE v_table
      {updated}
      ELSE v_wrong := 0;
      END CASE;
    END IF;
    IF v_wrong > 0 THEN
      RAISE EXCEPTION 'new row violates row-level security policy for table "sync_row"'
        USING ERRCODE = 'insufficient_privilege',
        DETAIL = format('%s row(s) of %s stamped otherwise than the server finds', v_wrong,
                        v_table);
    END IF;
  END LOOP;
  RETURN NULL;
END $$""",
    ]


# the insert trigger that lets a client's statement give a row its seq, pusher and stamps
GIVEN_TRIGGER = "gebiedsapp_stamp_insert"


def stamp_triggers(tables: Sequence[Table]) -> list[str]:
    """`sync_row`'s stamp trigger (gebiedsapp_sync_row_stamp), per row: on every update as
    before, and on an insert unless the client's own statement gave the row everything the
    trigger would: a real seq of its own (`nextval` in the statement: the seq equals the
    session's `currval` at the row and the sequence's last value, so no older one kept
    from earlier in the session, and seq is unique), the caller as pusher, the
    transaction's time, and the stamps of a FAST table's row that is not erased. Those
    stamps are the push's and checked once per statement as before
    (gebiedsapp_sync_row_check); the plpgsql call per row (nextval, the pusher) is saved.
    Anything else (an older laptop's seq of -1 or 0, no area, an erasure, a statement of
    our own triggers) goes through the function as before. The CASE keeps `currval` from
    being asked in a session that never took a seq."""
    given = (
        "CASE WHEN NOT NEW.erased AND pg_trigger_depth() = 0 AND NEW.area_id IS NOT NULL "
        f"AND NEW.table_name = ANY ({fast_names(tables)}) "
        "AND NEW.pushed_by = current_user::text AND NEW.pushed_at = now() AND NEW.seq > 0 "
        "THEN NEW.seq = currval('sync_seq') AND NEW.seq = pg_sequence_last_value('sync_seq') "
        "ELSE false END"
    )
    run = "FOR EACH ROW EXECUTE FUNCTION gebiedsapp_sync_row_stamp()"
    return [
        "DROP TRIGGER IF EXISTS gebiedsapp_stamp ON sync_row",
        f"DROP TRIGGER IF EXISTS {GIVEN_TRIGGER} ON sync_row",
        f"CREATE TRIGGER gebiedsapp_stamp BEFORE UPDATE ON sync_row {run}",
        f"CREATE TRIGGER {GIVEN_TRIGGER} BEFORE INSERT ON sync_row FOR EACH ROW "
        f"WHEN (NOT ({given})) EXECUTE FUNCTION gebiedsapp_sync_row_stamp()",
    ]


def check_triggers() -> list[str]:
    """After `sync_row`'s own triggers are made (server_rights.sync_statements)."""
    return [
        "DROP TRIGGER IF EXISTS gebiedsapp_check ON sync_row",
        "DROP TRIGGER IF EXISTS gebiedsapp_check_update ON sync_row",
        # a transition table needs one trigger per event
        "CREATE TRIGGER gebiedsapp_check AFTER INSERT ON sync_row REFERENCING NEW TABLE AS "
        "stamped FOR EACH STATEMENT EXECUTE FUNCTION gebiedsapp_sync_row_check()",
        "CREATE TRIGGER gebiedsapp_check_update AFTER UPDATE ON sync_row REFERENCING OLD TABLE "
        "AS unstamped NEW TABLE AS stamped FOR EACH STATEMENT "
        "EXECUTE FUNCTION gebiedsapp_sync_row_check()",
    ]


def laptop_stamps_sql(table: Table) -> tuple[bool, str, str | None] | None:
    """How the laptop finds a push's stamps of `table` itself, as gebiedsapp_stamps_of would
    on the server: (personal, the column naming the parent, the query of parents' areas by
    key ending in `IN `; None for a table with its own `area_id`), or None for a table the
    server stamps itself (not FAST, or personal per row)."""
    rule = rule_of(table)
    if rule.kind not in ("own", "parent") or table.name in WETHOUDER_HIDDEN_ROWS:
        return None
    personal = table.name in WETHOUDER_HIDDEN_TABLES
    if rule.kind == "own":
        return personal, "area_id", None
    parent = table.metadata.tables[rule.parent]
    (key,) = parent.primary_key.columns
    area = area_sql(parent, "p")
    query = f"SELECT p.{key.name}, {area} FROM {parent.name} p WHERE p.{key.name} IN "
    return personal, rule.via, query
