"""The team server follows a record that moves to another area (docs/sync-design.md, "Rows
that become visible later"): `sync_row.area_id` of the rows whose area is that record's (its
children by the rights' `parent` rule, recursively, and its history and conflicts) is
stamped anew, with a new `seq`, so the new area's laptops pull them in their own pass and the
rows are read by the area they are in now (`sync_row`'s policy reads the stamped area).

A trigger on `sync_row` (AFTER UPDATE, when the stamped area changed) in the push's own
transaction, under the push lock: the new seqs are in commit order like every other. Its
cost is the moved record's rows, nothing for an edit that keeps the area.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table, Uuid

from gebiedsapp.storage.server_rights import ABOUT_COLUMNS, hex_key, rule_of
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


def move_statements(tables: Sequence[Table], schema: str) -> list[str]:
    """The function and trigger (after the rights' functions, before `sync_row`'s grants)."""
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
        if name in names
    ]  # fmt: skip
    cases = "\n    ".join(branches)
    return [
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_sync_row_moved() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
BEGIN
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
