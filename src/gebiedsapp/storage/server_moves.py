"""The team server follows a record that moves to another area (docs/sync-design.md, "Rows
that become visible later"): `sync_row.area_id` of the rows whose area is that record's (its
children by the rights' `parent` rule, recursively, and its history and conflicts) is
stamped anew, with a new `seq`, so the new area's laptops pull them in their own pass and the
rows are read by the area they are in now (`sync_row`'s policy reads the stamped area). A
conflict that names its own area takes the new one in its data row as well (a new version).

A trigger on `sync_row` (AFTER UPDATE, when the stamped area changed) in the push's own
transaction, under the push lock: the new seqs are in commit order like every other. Its
cost is the moved record's rows, nothing for an edit that keeps the area.

The old area's laptops are told as well: every row whose stamped area changes (the record
and, through the same trigger, each row restamped with it) gets a line in the move log
`sync_left` (its table, key and OLD area, with a seq of `sync_seq`), which the old area's
team may read. Their pull reads the lines after its cursor and lets go of the rows it holds
that the server no longer shows it (services.sync.moved). The log is made by `server
setup` (server-only bookkeeping, as the functions), not by a migration.

The log is pruned by the server itself: each time a row moves, the move trigger first
removes the lines older than `HORIZON` and raises the mark in `sync_left_pruned` to the
highest seq removed (the owner may call `gebiedsapp_prune_move_log(interval)` too). A laptop
whose log cursor is below that mark may have missed lines: it checks every row it holds
against what the server shows it, once (services.sync.moved), so no let-go is ever lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table, Uuid

from gebiedsapp.storage.server_rights import (
    ABOUT_COLUMNS,
    BEHEERDER,
    MY_AREAS,
    STAFF,
    TEAM,
    WETHOUDER,
    hex_key,
    rule_of,
)
from gebiedsapp.storage.sync_tracking import KEY_SEPARATOR


def _key_sql(table: Table, alias: str) -> str:
    """A row's `row_key` in SQL, as the laptops write it (uuid hex, parts joined by '|')."""
    parts = [
        hex_key(f"{alias}.{c.name}") if isinstance(c.type, Uuid) else f"{alias}.{c.name}::text"
        for c in table.primary_key.columns
    ]
    return f" || '{KEY_SEPARATOR}' || ".join(parts)


def _restamp(table: Table, where: str) -> str:
    return (
        # explicit, though the stamp trigger (gebiedsapp_sync_row_stamp) does the same
        "UPDATE sync_row s SET seq = nextval('sync_seq'), "
        "area_id = (SELECT area FROM gebiedsapp_scope_of(s.table_name, s.row_key)) "
        f"WHERE s.table_name = '{table.name}' "
        f"AND NOT s.erased AND s.row_key IN (SELECT {_key_sql(table, 'c')} FROM {table.name} c "
        f"WHERE {where});"
    )


def _follow_conflicts(conflicts: Table) -> str:
    """A conflict that knows its area (one about a record with its own `area_id`) is read by
    that area (its policy and scope use its own column): it takes the record's new area,
    as a new version, so the new area's laptops get it and those that hold it take the
    area; the old area no longer reads it. A conflict that does not know its area follows
    the record through the rights anyway; it gets a new seq as before."""
    moved = "c.table_name = NEW.table_name AND c.row_key = NEW.row_key"
    changed = f"{moved} AND c.area_id IS NOT NULL AND c.area_id <> NEW.area_id"
    return (
        f"UPDATE sync_row s SET version = s.version + 1 WHERE s.table_name = 'sync_conflict' "
        f"AND NOT s.erased AND s.row_key IN (SELECT {_key_sql(conflicts, 'c')} "
        f"FROM sync_conflict c WHERE {changed}); "
        f"UPDATE sync_conflict c SET area_id = NEW.area_id WHERE {changed}; "
        + _restamp(conflicts, moved)
    )


MOVE_LOG = "sync_left"  # one of sync_tracking.SERVER_TABLES (no model describes it)
# one row: the highest seq pruned from the move log (a laptop whose cursor is below it may
# have missed lines, and checks every row it holds instead)
PRUNED = "sync_left_pruned"
# lines older than this go: a laptop that did not sync for longer checks all it holds once
HORIZON = "90 days"
PRUNE_FUNCTION = "gebiedsapp_prune_move_log"


def _log_statements(path: str) -> list[str]:
    """The move log, its grants and read policy (made anew with the other policies), and
    its pruning: the lines older than `HORIZON`, in the move trigger (so a log with moves
    never grows past the horizon's worth) or when the owner calls the function."""
    return [
        f"CREATE TABLE IF NOT EXISTS {MOVE_LOG} ("
        # seq: nextval('sync_seq') given by the trigger, not a default (a default would
        # keep migration 0009's downgrade from dropping the sequence)
        "seq bigint PRIMARY KEY, table_name text NOT NULL, "
        "row_key text NOT NULL, area_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT now())",
        f"REVOKE ALL ON {MOVE_LOG} FROM {STAFF}, {WETHOUDER}, {BEHEERDER}",
        f"GRANT SELECT ON {MOVE_LOG} TO {STAFF}, {WETHOUDER}",
        f"ALTER TABLE {MOVE_LOG} ENABLE ROW LEVEL SECURITY",
        # the old area's team reads that a row left it (a key and a table: no words)
        f"CREATE POLICY gebiedsapp_read ON {MOVE_LOG} FOR SELECT TO {TEAM} "
        f"USING (area_id = ANY ({MY_AREAS}))",
        f"CREATE TABLE IF NOT EXISTS {PRUNED} ("
        "id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, "
        "at timestamptz NOT NULL DEFAULT now())",
        f"REVOKE ALL ON {PRUNED} FROM {STAFF}, {WETHOUDER}, {BEHEERDER}",
        f"GRANT SELECT ON {PRUNED} TO {STAFF}, {WETHOUDER}",  # a number, no words
        f"""CREATE OR REPLACE FUNCTION {PRUNE_FUNCTION}(keep interval DEFAULT '{HORIZON}')
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
DECLARE
  upto bigint;
BEGIN
  -- the oldest line by the primary key: a look-up, not a scan, when nothing is due
  IF NOT EXISTS (SELECT 1 FROM (SELECT at FROM {MOVE_LOG} ORDER BY seq LIMIT 1) o
                 WHERE o.at < now() - keep) THEN
    RETURN NULL;
  END IF;
  SELECT max(seq) INTO upto FROM {MOVE_LOG} WHERE at < now() - keep;
  DELETE FROM {MOVE_LOG} WHERE seq <= upto;
  INSERT INTO {PRUNED} (id, seq) VALUES (1, upto)
    ON CONFLICT (id) DO UPDATE SET seq = greatest({PRUNED}.seq, excluded.seq), at = now();
  RETURN upto;
END $$""",
        f"REVOKE ALL ON FUNCTION {PRUNE_FUNCTION}(interval) FROM PUBLIC",
    ]


def move_statements(tables: Sequence[Table], schema: str) -> list[str]:
    """The move log, the function and trigger (after the rights' functions and `sync_row`'s
    grants)."""
    path = f"SET search_path = {schema}, pg_temp"
    names = {t.name for t in tables}
    branches = []
    for parent in tables:
        children = [
            _restamp(child, f"c.{rule_of(child).via} = gebiedsapp_uuid(NEW.row_key)")
            for child in tables
            if rule_of(child).kind == "parent" and rule_of(child).parent == parent.name
        ]
        if children:
            branches.append(f"WHEN '{parent.name}' THEN " + " ".join(children))
    about = [
        _restamp(
            next(t for t in tables if t.name == name),
            f"c.{kind} = NEW.table_name AND "
            + (f"c.{key} = NEW.row_key" if name == "sync_conflict" else f"{hex_key('c.' + key)}"
               " = NEW.row_key"),
        )
        for name, (kind, key) in ABOUT_COLUMNS.items()
        if name in names and name != "sync_conflict"
    ]  # fmt: skip
    if "sync_conflict" in names:
        about.append(_follow_conflicts(next(t for t in tables if t.name == "sync_conflict")))
    cases = "\n    ".join(branches)
    return [
        *_log_statements(path),
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_sync_row_moved() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
BEGIN
  PERFORM {PRUNE_FUNCTION}();  -- the lines past the horizon go (a look-up when none)
  INSERT INTO {MOVE_LOG} (seq, table_name, row_key, area_id)
    VALUES (nextval('sync_seq'), NEW.table_name, NEW.row_key, OLD.area_id);
  CASE NEW.table_name
    {cases}
    ELSE NULL;
  END CASE;
  {" ".join(about)}
  RETURN NULL;
END $$""",
        "DROP TRIGGER IF EXISTS gebiedsapp_moved ON sync_row",
        "CREATE TRIGGER gebiedsapp_moved AFTER UPDATE ON sync_row FOR EACH ROW "
        "WHEN (OLD.area_id IS NOT NULL AND NEW.area_id IS NOT NULL "
        "AND OLD.area_id <> NEW.area_id AND NOT NEW.erased) "
        "EXECUTE FUNCTION gebiedsapp_sync_row_moved()",
    ]
