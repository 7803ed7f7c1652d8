"""The SQL functions of the team server's rights (storage.server_rights has the rules
they follow): a row's scope by table and key, the caller's areas, the visibility checks the
policies call, and the triggers that stamp `sync_row` and the push log.

The SECURITY DEFINER functions read as the tables' owner, so row-level security does not
hold them back; they take the caller's areas and role as arguments, since inside them
`current_user` is the owner. Each has its own search_path, so nobody's temporary objects
stand in for ours.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table, Uuid

from gebiedsapp.storage.server_rights import (
    ABOUT_COLUMNS,
    BEHEERDER,
    PERSONAL_RECORD_TYPES,
    REFERENCE_TABLES,
    RESIDENT_TABLES,
    STAFF,
    WETHOUDER,
    WETHOUDER_HIDDEN_ROWS,
    WETHOUDER_HIDDEN_TABLES,
    area_sql,
    hex_key,
    rule_of,
    sql_text,
    text_list,
    withheld_rows_rule,
)
from gebiedsapp.storage.server_stamps import fast_names, stamp_statements
from gebiedsapp.storage.sync_tracking import KEY_SEPARATOR


def _key_match(table: Table, alias: str, key: str) -> str:
    parts = []
    for index, column in enumerate(table.primary_key.columns, start=1):
        value = f"split_part({key}, '{KEY_SEPARATOR}', {index})"
        if isinstance(column.type, Uuid):
            value = f"gebiedsapp_uuid({value})"
        parts.append(f"{alias}.{column.name} = {value}")
    return " AND ".join(parts)


def _scope_branch(table: Table) -> str:
    rule = rule_of(table)
    match = _key_match(table, "t", "p_key")
    name = table.name
    if rule.kind == "reference":
        return (
            f"WHEN '{name}' THEN reference := true; "
            f"present := EXISTS (SELECT 1 FROM {name} t WHERE {match});"
        )
    personal = "true" if name in WETHOUDER_HIDDEN_TABLES else "false"
    if name in WETHOUDER_HIDDEN_ROWS:  # its sync_row is withheld too: no "overgeslagen"
        personal = f"NOT ({WETHOUDER_HIDDEN_ROWS[name]})"
    if rule.kind == "resident":
        resident = f"t.{RESIDENT_TABLES[name]}"
        return (
            f"WHEN '{name}' THEN SELECT {resident}, {personal}, true INTO resident, personal, "
            f"present FROM {name} t WHERE {match};"
        )
    if rule.kind == "about":
        kind_column, key_column = ABOUT_COLUMNS[name]
        key = key_column if name == "sync_conflict" else hex_key(f"t.{key_column}")
        own = "t.area_id" if "area_id" in table.columns else "NULL::uuid"
        return (
            f"WHEN '{name}' THEN SELECT t.{kind_column}, {key}, {own} INTO v_table, v_key, v_area "
            f"FROM {name} t WHERE {match}; "
            # `present`: the record it is about (a history row may come before its record)
            "IF FOUND THEN "
            "SELECT s.area, s.resident, s.reference, s.present "
            "INTO area, resident, reference, present "
            "FROM gebiedsapp_scope_of(v_table, v_key) s; "
            "area := coalesce(v_area, area); "
            f"personal := v_table = ANY ({text_list(PERSONAL_RECORD_TYPES)}); "
            "END IF;"
        )
    return (
        f"WHEN '{name}' THEN SELECT {area_sql(table, 't')}, {personal}, true INTO area, personal, "
        f"present FROM {name} t WHERE {match};"
    )


def _resident_links(tables: Sequence[Table], *, in_my_areas: bool = True) -> list[str]:
    """EXISTS clauses: the resident `p_resident` is linked to a row of one of `p_my` areas
    (or, `in_my_areas` False, to a row anywhere)."""
    links = []
    for table in tables:
        if rule_of(table).kind not in ("own", "parent"):
            continue
        for fk in sorted(table.foreign_keys, key=lambda fk: fk.parent.name):
            if fk.column.table.name == "resident":
                where = f"t.{fk.parent.name} = p_resident"
                if in_my_areas:
                    where += f" AND {area_sql(table, 't')} = ANY (p_my)"
                links.append(f"EXISTS (SELECT 1 FROM {table.name} t WHERE {where})")
    return links


HEX = "0123456789abcdefABCDEF"
UUID_PATTERN = "^" + "-".join(f"[0-9a-fA-F]{{{n}}}" for n in (8, 4, 4, 4, 12)) + "$"


def function_statements(tables: Sequence[Table], schema: str) -> list[str]:
    """The helper functions. The SECURITY DEFINER ones read as the tables' owner (RLS does not
    hold them back), and take the caller's areas and role as arguments: inside them
    `current_user` is the owner."""
    path = f"SET search_path = {schema}, pg_temp"
    branches = "\n    ".join(_scope_branch(t) for t in tables)
    links = "\n    OR ".join(_resident_links(tables)) or "false"
    anywhere = "\n      OR ".join(_resident_links(tables, in_my_areas=False)) or "false"
    reference = text_list(REFERENCE_TABLES)
    residents = text_list(RESIDENT_TABLES)
    return [
        # a row key's uuid, NULL when it is none (hex, or with dashes: as UUID_PATTERN says,
        # tested without a regular expression: those cost a push and a pull microseconds a row)
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_uuid(p_text text) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN length(p_text) = 32 AND translate(p_text, '{HEX}', '') = '' THEN p_text::uuid
    WHEN length(p_text) = 36 AND translate(p_text, '{HEX}', '') = '----'
      AND substr(p_text, 9, 1) = '-' AND substr(p_text, 14, 1) = '-'
      AND substr(p_text, 19, 1) = '-' AND substr(p_text, 24, 1) = '-' THEN p_text::uuid
  END
$$""",
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_is_beheerder() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT pg_has_role(current_user, '{BEHEERDER}', 'MEMBER') $$""",
        # the rows withheld from the wethouder (WETHOUDER_HIDDEN_ROWS) as the server holds them:
        # a laptop whose user saw more under older rules lets go of those rows once
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_withheld_rows() RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT {sql_text(withheld_rows_rule())} $$""",
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_is_staff() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT pg_has_role(current_user, '{STAFF}', 'MEMBER') $$""",
        # runs as the caller: current_user is the login; team_member, assignment and area are
        # readable by every team role
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_my_areas() RETURNS SETOF uuid
LANGUAGE sql STABLE {path} AS $$
  WITH RECURSIVE mine(id) AS (
    SELECT a.id FROM area a WHERE gebiedsapp_is_beheerder()
    UNION
    SELECT s.area_id FROM assignment s JOIN team_member m ON m.id = s.member_id
    WHERE lower(m.account) = lower(current_user::text) AND m.active
      AND m.deleted_at IS NULL AND s.deleted_at IS NULL
      AND s.start_date <= current_date AND (s.end_date IS NULL OR s.end_date >= current_date)
    UNION
    SELECT a.id FROM area a JOIN mine ON a.parent_id = mine.id
  )
  SELECT id FROM mine
$$""",
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_scope_of(
  p_table text, p_key text,
  OUT area uuid, OUT resident uuid, OUT reference boolean, OUT personal boolean,
  OUT present boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER {path} AS $$
DECLARE v_table text; v_key text; v_area uuid;
BEGIN
  reference := false; personal := false; present := false;
  CASE p_table
    {branches}
    ELSE NULL;
  END CASE;
  present := coalesce(present, false);
  personal := coalesce(personal, false);
  reference := coalesce(reference, false);
END $$""",
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_area_of(p_table text, p_key text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
  SELECT area FROM gebiedsapp_scope_of(p_table, p_key)
$$""",
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_resident_visible(
  p_resident uuid, p_my uuid[], p_creator text, p_claim boolean) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
  SELECT p_resident IS NOT NULL AND (
    {links}
    -- pushed before the record that names them (same push): seen by who made it
    OR (p_creator IS NOT NULL AND EXISTS (
      SELECT 1 FROM resident r WHERE r.id = p_resident
      AND lower(r.created_by) = lower(p_creator)))
    -- `p_claim` (a write): a resident linked to nothing yet may be linked to the user's area
    OR (p_claim AND NOT (
      {anywhere})))
$$""",
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_pushed_by_other(
  p_table text, p_key text, p_user text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
  SELECT EXISTS (SELECT 1 FROM sync_row s WHERE s.table_name = p_table
    AND s.row_key = p_key AND s.pushed_by <> p_user)
$$""",
        # a row, by table and key, for the caller (areas `p_my`, staff or not, beheerder or
        # not, login `p_user`); `p_writing`: may write it
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_may_see(
  p_table text, p_key text, p_writing boolean, p_my uuid[], p_staff boolean,
  p_beheerder boolean, p_user text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER {path} AS $$
DECLARE s record;
BEGIN
  SELECT * INTO s FROM gebiedsapp_scope_of(p_table, p_key);
  IF s.personal AND NOT p_staff THEN RETURN false; END IF;
  IF s.reference THEN RETURN NOT p_writing OR p_beheerder; END IF;
  IF p_beheerder THEN RETURN true; END IF;
  IF s.area IS NOT NULL THEN RETURN s.area = ANY (p_my); END IF;
  IF s.resident IS NOT NULL THEN
    RETURN gebiedsapp_resident_visible(
      s.resident, p_my, CASE WHEN p_staff THEN p_user END, p_writing);
  END IF;
  -- not there (yet): a history row or a tombstone pushed before or after its record
  RETURN p_writing AND NOT s.present;
END $$""",
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_sync_row_visible(
  p_table text, p_key text, p_area uuid, p_personal boolean, p_erased boolean,
  p_writing boolean, p_my uuid[], p_staff boolean, p_beheerder boolean, p_user text)
  RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER {path} AS $$
BEGIN
  IF p_personal AND NOT p_staff THEN RETURN false; END IF;
  IF p_table = ANY ({reference}) THEN RETURN NOT p_writing OR p_beheerder; END IF;
  IF p_beheerder THEN RETURN true; END IF;
  IF p_area IS NOT NULL THEN RETURN p_area = ANY (p_my); END IF;
  -- an erased resident's tombstone reaches every laptop (it carries nothing but the key)
  IF p_erased AND NOT p_writing AND p_table = ANY ({residents}) THEN RETURN true; END IF;
  RETURN gebiedsapp_may_see(p_table, p_key, p_writing, p_my, p_staff, p_beheerder, p_user);
END $$""",
        # the server fills what it can know better than a laptop: the area, whether the row is
        # personal as a whole, the order (seq) and who pushed it when
        _stamp_statement(schema, fast_names(tables)),
        *stamp_statements(tables, schema),
        # history pushed before its record (record_version has no foreign key, so it goes
        # first): when the record comes, its history gets a new seq and the record's area,
        # so the laptops that pulled in between get it after all. Once per statement, over
        # its rows (`woken`, the transition table): per row it cost a call and an UPDATE
        # each. The UPDATE below fires it again with history rows only: nothing to do then.
        # Most pushes find no history waiting at all (WAITING_HISTORY, a partial index,
        # answers that at once): the look-up in record_version of every pushed record was
        # a tenth of a team member's push on the server. When some waits, the UPDATE is
        # planned for this statement's rows (EXECUTE): a plan kept from a first push of one
        # row looked up 10,000 rows one by one later.
        f"""CREATE OR REPLACE FUNCTION gebiedsapp_sync_row_wake() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM sync_row h WHERE {WAITING_HISTORY_WHERE}) THEN
    RETURN NULL;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM woken w WHERE w.table_name <> 'record_version'
                 AND w.area_id IS NOT NULL AND NOT w.erased) THEN
    RETURN NULL;
  END IF;
  EXECUTE $wake$
  UPDATE sync_row s SET version = s.version
  FROM woken w JOIN record_version r
    ON r.record_type = w.table_name AND r.record_id = gebiedsapp_uuid(w.row_key)
  WHERE w.table_name <> 'record_version' AND w.area_id IS NOT NULL AND NOT w.erased
    AND {WAITING_HISTORY_WHERE.replace("h.", "s.")}
    AND s.row_key = replace(r.id::text, '-', '')
    AND r.id = gebiedsapp_uuid(s.row_key)  -- the same, said so an index on r.id serves
  $wake$;
  RETURN NULL;
END $$""",
        """CREATE OR REPLACE FUNCTION gebiedsapp_push_log_stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.pushed_by := current_user;
  NEW.at := now();
  RETURN NEW;
END $$""",
    ]


# history waiting for its record (or team-wide: the history of reference data), as the
# wake-up trigger and its partial index (server_rights.sync_statements) say it
WAITING_HISTORY_WHERE = "h.table_name = 'record_version' AND h.area_id IS NULL AND NOT h.erased"
WAITING_HISTORY_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_sync_row_waiting_history ON sync_row (row_key) "
    f"WHERE {WAITING_HISTORY_WHERE.replace('h.', '')}"
)


def _stamp_statement(schema: str, fast: str) -> str:
    """The stamp trigger's function, with the name of `sync_row`'s owner written in when it is
    made: a team member's push is stamped with their name; the owner's own corrections
    (gebiedsapp_sync_row_wake, gebiedsapp_sync_row_moved run as the owner) keep the pusher.
    (Looking the owner up in pg_class per row cost a query per stamped row; `server setup`
    makes the function anew, so a new owner is written in by running it again.) A row the
    push stamped itself (seq < 0; storage.server_stamps) keeps its stamps here: they are
    checked once per statement, set-based, by gebiedsapp_sync_row_check."""
    body = f"""CREATE OR REPLACE FUNCTION gebiedsapp_sync_row_stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE s record;
BEGIN
  IF NEW.seq < 0 AND NOT NEW.erased AND pg_trigger_depth() = 1
     AND NEW.table_name = ANY ({fast}) THEN
    NULL;  -- stamped by the push itself; checked at the statement's end
  ELSE
    s := {schema}.gebiedsapp_scope_of(NEW.table_name, NEW.row_key);  -- no query per row
    NEW.area_id := s.area;
    NEW.personal := s.personal;
    IF TG_OP = 'UPDATE' AND NOT s.present THEN  -- erased, or not written yet: keep what was known
      NEW.area_id := coalesce(s.area, OLD.area_id);
      NEW.personal := s.personal OR OLD.personal;
    END IF;
  END IF;
  NEW.seq := nextval('{schema}.sync_seq');
  IF current_user <> %L::name THEN
    NEW.pushed_by := current_user;
    NEW.pushed_at := now();
  END IF;
  RETURN NEW;
END $$"""
    owner = (
        "(SELECT pg_get_userbyid(c.relowner) FROM pg_class c "
        f"WHERE c.oid = '{schema}.sync_row'::regclass)"
    )
    return f"DO $stamp$ BEGIN EXECUTE format($body${body}$body$, {owner}); END $stamp$"


# Made anew each time (a newer version may change a signature); CASCADE drops the policies
# and triggers that use them, which are made anew after.
DROP_OUR_FUNCTIONS = """DO $$
DECLARE f record;
BEGIN
  FOR f IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
    WHERE p.pronamespace = current_schema()::regnamespace
      AND starts_with(p.proname, 'gebiedsapp_')
  LOOP
    EXECUTE format('DROP FUNCTION %s CASCADE', f.signature);
  END LOOP;
END $$"""

# Our functions are for the team's roles only (PostgreSQL lets PUBLIC run a new function).
GRANT_OUR_FUNCTIONS = f"""DO $$
DECLARE f record;
BEGIN
  FOR f IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
    WHERE p.pronamespace = current_schema()::regnamespace
      AND starts_with(p.proname, 'gebiedsapp_')
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f.signature);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO {STAFF}, {WETHOUDER}', f.signature);
  END LOOP;
END $$"""
